#ifndef RTRESULT_H
#define RTRESULT_H

#include <QString>
#include <optional>
#include <utility>

/**
 * \brief A value or a message saying what went wrong and what to fix.
 *
 * The core never lets an exception cross a module boundary: every operation that can
 * fail on user input returns an RtResult, and each boundary (CLI, plugin slot, task)
 * shows the message.
 */
template <class T>
class RtResult
{
  public:
    static RtResult success( T value ) { RtResult r; r.mValue = std::move( value ); return r; }
    static RtResult failure( const QString &message ) { RtResult r; r.mError = message; return r; }

    bool ok() const { return mValue.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *mValue; }
    T &value() { return *mValue; }
    T takeValue() { return std::move( *mValue ); }
    const QString &error() const { return mError; }

  private:
    std::optional<T> mValue;
    QString mError;
};

//! Success or failure of an operation that returns nothing.
struct RtVoid {};
using RtStatusResult = RtResult<RtVoid>;
inline RtStatusResult rtOk() { return RtStatusResult::success( RtVoid{} ); }
inline RtStatusResult rtFail( const QString &message ) { return RtStatusResult::failure( message ); }

#endif // RTRESULT_H
