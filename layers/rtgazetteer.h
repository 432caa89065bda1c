#ifndef RTGAZETTEER_H
#define RTGAZETTEER_H

#include "rtresult.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

/**
 * \brief One place of a city's gazetteer: a ward or commune, a planning zone, a site.
 *
 * Its key in a register is "kind:code" ("ward:06715", "zone:A4.1", "site:hai-yen-ip").
 * Administrative units change: a unit has the dates it was in force, and the unit that
 * took it in (its successor, e.g. the units of 1/7/2025). A code may be reused by the
 * successor (06712 is Trần Phú until 30/6/2025 and Móng Cái 1 from 1/7/2025): the date
 * tells them apart.
 */
struct RtPlace
{
  QString kind;          //!< "ward", "zone", "site"
  QString code;          //!< "06715", "A4.1", "hai-yen-ip"
  QString name;          //!< official name: "Phường Ninh Dương"
  QString nameEn;
  QStringList variants;  //!< other spellings: "Trà Cỏ", "KCN Hải Yên"
  QString parent;        //!< the ward a site lies in (its code), or empty
  QString successor;     //!< code of the unit that took it in, or empty
  QDate validFrom;       //!< invalid: since before any register
  QDate validTo;         //!< invalid: still in force
  QString source;
  int line = 0;          //!< line of the gazetteer file

  //! "ward:06715"
  QString key() const { return kind + QLatin1Char( ':' ) + code; }
  //! In force on \a date (any date when \a date is invalid).
  bool validOn( const QDate &date ) const;
  //! The official name and the variants.
  QStringList names() const { return QStringList( name ) + variants; }
};

//! A place named in a text (RtGazetteer::findIn()).
struct RtPlaceMention
{
  int place = -1;   //!< index in RtGazetteer::places()
  int offset = 0;   //!< where the name starts in the text (NFC)
  int length = 0;
  QString text;     //!< the name as written
};

/**
 * \brief A city's places, loaded from a CSV file (data/<city>/gazetteer.csv), looked up by
 * code or by name, with their successors.
 *
 * The file has a header line and the columns kind, code, name (required), name_en,
 * variants ("|" between them), parent, successor, valid_from, valid_to (YYYY-MM-DD),
 * source; quotes as in RFC 4180. Names are compared as RtPlaceKey compares them: NFC/NFD,
 * tone placement ("Hòa"/"Hoà"), case, the unit prefix ("Phường", "Xã", "P."), spaces; a
 * name without diacritics ("Bac Son") only when it designates one place.
 *
 * Where several places answer and \a date is given, those in force on it are taken (and
 * when none is, all); without a date, those still in force are preferred. An answer that
 * still names two different codes is ambiguous: lookups then give nothing rather than a guess.
 */
class RtGazetteer
{
  public:
    RtGazetteer() = default;

    //! Reads the gazetteer; refused with the file, line and column of the first problem.
    static RtResult<RtGazetteer> load( const QString &path );
    static RtResult<RtGazetteer> parse( const QByteArray &csv, const QString &sourceName );

    const QVector<RtPlace> &places() const { return mPlaces; }
    bool isEmpty() const { return mPlaces.isEmpty(); }
    //! True when the gazetteer holds places of \a kind.
    bool hasKind( const QString &kind ) const;

    //! The places of \a kind with \a code (see the class description for \a date).
    QVector<const RtPlace *> byCode( const QString &kind, const QString &code, const QDate &date = QDate() ) const;
    //! The places of \a kind whose name or a variant is \a name.
    QVector<const RtPlace *> byName( const QString &kind, const QString &name, const QDate &date = QDate() ) const;
    //! The one place \a key (a code or a name) designates; nullptr when none or when ambiguous.
    const RtPlace *resolve( const QString &kind, const QString &key, const QDate &date = QDate() ) const;
    //! The unit that took \a place in: its successor's code, in force the day after \a place ended.
    const RtPlace *successorOf( const RtPlace &place ) const;
    //! Code → successor's code of the places of \a kind in force on \a date that have one.
    QHash<QString, QString> successorMap( const QString &kind, const QDate &date = QDate() ) const;

    /**
     * The places \a text names, in order, by their names and variants: the longest name
     * wins ("Khu công nghiệp Hải Yên" is the industrial park, not the ward), except that a
     * ward named inside the name of a site that lies in it is kept too. A name counts
     * only as a proper name: its last word capitalised (a ward's first word), and a
     * ward not right after "cầu", "sông", "đường", "chợ", "trường" … ("cầu Ka Long" is a
     * bridge). A name without diacritics counts when it designates one place and the text
     * there has none either. \a date picks among places sharing a name.
     */
    QVector<RtPlaceMention> findIn( const QString &text, const QDate &date = QDate() ) const;

  private:
    //! Among \a candidates (indexes), the ones \a date picks; empty or several codes: ambiguous.
    QVector<const RtPlace *> pick( const QVector<int> &candidates, const QDate &date ) const;
    void index();

    QVector<RtPlace> mPlaces;
    QHash<QString, QVector<int>> mByCode;      //!< kind + '\x1f' + code key → places
    QHash<QString, QVector<int>> mByName;      //!< kind + '\x1f' + strict name key → places
    QHash<QString, QVector<int>> mByLooseName; //!< kind + '\x1f' + loose name key → places
    QHash<QString, QVector<int>> mTextKeys;    //!< strict key of a name (words joined) → places
    QHash<QString, QVector<int>> mLooseTextKeys;
    QHash<QString, QVector<int>> mFirstWords;  //!< strict key of a name's first word → word counts of names starting so
    int mMaxWords = 0;
};

#endif // RTGAZETTEER_H
