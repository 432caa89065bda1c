#ifndef RTRESULT_H
#define RTRESULT_H

#include <QString>
#include <optional>
#include <utility>

/**
 * \brief What kind of failure an operation met, so that callers act on the kind (retry,
 * reload, ask for rights, report corruption) instead of matching the message text.
 */
enum class RtErrorKind
{
  Invalid,     //!< bad input: a malformed file, an unknown id, a date out of range (the default)
  Stale,       //!< the caller's edit is based on a state someone else has changed meanwhile
  NotFound,    //!< the file, register, task or place asked for does not exist
  Forbidden,   //!< the user lacks the right to make this change
  ReadOnly,    //!< the store, file or folder cannot be written
  Busy,        //!< another program holds a lock; trying again later may succeed
  Unavailable, //!< the server or file system cannot be reached
  Corrupt,     //!< the stored data is damaged or not what this version expects
};

/**
 * \brief A value or a message saying what went wrong and what to fix.
 *
 * The core never lets an exception cross a module boundary: every operation that can
 * fail on user input returns an RtResult, and each boundary (CLI, plugin slot, task)
 * shows the message. The error's kind says what sort of failure it is.
 */
template <class T>
class RtResult
{
  public:
    static RtResult success( T value ) { RtResult r; r.mValue = std::move( value ); return r; }
    static RtResult failure( const QString &message ) { return failure( RtErrorKind::Invalid, message ); }
    static RtResult failure( RtErrorKind kind, const QString &message )
    {
      RtResult r;
      r.mError = message;
      r.mKind = kind;
      return r;
    }
    //! The failure of another result, kind and message kept.
    template <class U>
    static RtResult failureFrom( const RtResult<U> &other ) { return failure( other.errorKind(), other.error() ); }

    bool ok() const { return mValue.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *mValue; }
    T &value() { return *mValue; }
    T takeValue() { return std::move( *mValue ); }
    const QString &error() const { return mError; }
    //! The kind of failure (meaningful only when !ok()).
    RtErrorKind errorKind() const { return mKind; }

  private:
    std::optional<T> mValue;
    QString mError;
    RtErrorKind mKind = RtErrorKind::Invalid;
};

//! Success or failure of an operation that returns nothing.
struct RtVoid {};
using RtStatusResult = RtResult<RtVoid>;
inline RtStatusResult rtOk() { return RtStatusResult::success( RtVoid{} ); }
inline RtStatusResult rtFail( const QString &message ) { return RtStatusResult::failure( message ); }
inline RtStatusResult rtFail( RtErrorKind kind, const QString &message ) { return RtStatusResult::failure( kind, message ); }

#endif // RTRESULT_H
