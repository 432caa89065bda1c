#ifndef RTPLACEKEY_H
#define RTPLACEKEY_H

#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVector>

#include <functional>
#include <vector>

/**
 * \brief Place keys as they are compared when tasks are joined to map features.
 *
 * Codes ("06715", "A4.1") are trimmed and compared case-insensitively; leading zeros
 * count ("06715" is not "6715"). Composite keys (cadastral parcels: commune code + map
 * sheet + parcel number) are written with "/" ("06715/12/345"); each part is trimmed,
 * and numeric parts after the first are compared without leading zeros ("012" = "12")
 * while the commune code keeps them.
 *
 * Names are compared on two tiers, so that the real variations of Vietnamese spelling
 * match without merging distinct places:
 *  - strict: NFD, lower case, the unit prefix dropped ("Phường", "P.", "Xã", "X.", "Thị trấn",
 *    "TT.", with or without the dot or space), every tone mark (grave, acute, tilde, hook,
 *    dot below) taken off its letter and recorded once after its vowel group, so "Hòa" and
 *    "Hoà", "Thủy" and "Thuỷ" give the same key; other marks (circumflex, breve, horn, đ)
 *    kept; spaces and punctuation dropped ("BắcSơn" = "Bắc Sơn"). "Hải Hà" and "Hải Hòa", or
 *    two names that differ by a tone only, keep different keys.
 *  - loose: every diacritic dropped (đ → d), lower case, no prefix, no spaces ("Bac Son").
 *    RtPlaceKeyIndex uses it only when no strict key matches and the loose key belongs
 *    to exactly one feature.
 */
namespace RtPlaceKey
{
  //! How the values of a feature are compared.
  enum class Match
  {
    Code, //!< codes, one value or several joined with "/"
    Name, //!< place names (one value; several are joined with "/" part by part)
  };

  //! The keys of one feature or link: \a loose is empty when codes are compared.
  struct Keys
  {
    QString strict;
    QString loose;
  };

  //! A code: trimmed, case-folded, leading zeros kept.
  QString codeKey( const QString &code );

  //! A composite code key: parts trimmed and case-folded, numeric parts after the first
  //! without leading zeros, joined with "/".
  QString compositeKey( const QStringList &parts );

  //! The name without its administrative unit prefix ("P.Hải Hòa" → "Hải Hòa"); the name
  //! itself when nothing would be left.
  QString stripUnitPrefix( const QString &name );

  //! Strict name key (see the class description); empty for a blank name.
  QString nameKey( const QString &name );

  //! Loose name key: no diacritics, no prefix, no spaces or punctuation.
  QString looseNameKey( const QString &name );

  //! The keys of a feature whose key fields hold \a values.
  Keys featureKeys( const QStringList &values, Match match );

  /**
   * The keys of a link as a task states it ("06715", "Hải Hòa", "06715/12/345"): split on
   * "/" when the layer keys features by \a partCount fields. A link with another number of
   * parts gets an empty key (it matches nothing).
   */
  Keys linkKeys( const QString &key, int partCount, Match match );
}

/**
 * \brief Finds features by key: strict keys first, loose name keys only when unique.
 *
 * Built once per join from the features' key values: each feature's normalised key is
 * kept once in a flat buffer (no string object per feature) and a 64-bit hash of it in an
 * open-addressing table. Lookups are made in batches and every candidate of the same hash
 * is confirmed against the stored key, in feature order, so a hash collision never makes
 * a match. A key matches no feature (unmatched), one, or several (ambiguous).
 */
class RtPlaceKeyIndex
{
  public:
    //! The key values of feature number \a index, in the order of the binding's fields;
    //! called from several threads at once, during build() only.
    using ValuesOf = std::function<const QStringList &( int index )>;

    explicit RtPlaceKeyIndex( RtPlaceKey::Match match = RtPlaceKey::Match::Code, int partCount = 1 );

    /**
     * Indexes \a count features numbered from 0. Features with no value in any key field
     * are left out: a blank key designates nothing. Work is shared by up to \a threads threads.
     */
    void build( int count, const ValuesOf &valuesOf, int threads = 1 );

    //! How a lookup matched.
    enum class Tier : quint8 { None, Strict, Loose };

    //! The answers to a batch of lookups, one per key.
    struct Matches
    {
      //! The feature a key matched; -1 when none did, -2 when several did (see #several).
      std::vector<int> feature;
      //! Which tier answered each key.
      std::vector<Tier> tier;
      //! Key number → the features it matched, in feature order, for ambiguous keys only.
      QHash<int, QVector<int>> several;
    };

    /**
     * Looks up link keys as tasks state them ("06715", "Hải Hòa", "06715/12/345"): strict
     * matches when there are any; otherwise (names only) the features of the loose key.
     */
    Matches findAll( const QVector<QStringView> &keys, int threads = 1 ) const;

    //! One lookup: the matching features (several: the key is ambiguous).
    QVector<int> find( const QString &key, Tier *tier = nullptr ) const;

    RtPlaceKey::Match match() const { return mMatch; }
    int partCount() const { return mPartCount; }

  private:
    struct Table
    {
      std::vector<quint64> cells;            //!< high half of the key's hash | feature number + 1; 0: empty
      quint64 mask = 0;
      std::vector<std::vector<QChar>> chars; //!< the normalised keys, one buffer per build slice
      std::vector<quint32> offsets;          //!< feature i's key ends at offsets[i + 1] in its slice's buffer
      void build( const std::vector<quint64> &hashes );
    };

    //! Looks \a pending keys up on one tier; fills \a matches for those that matched.
    void findOnTier( const QVector<QStringView> &keys, const std::vector<int> &pending, bool loose,
                     Matches &matches, int threads ) const;

    RtPlaceKey::Match mMatch;
    int mPartCount;
    int mSliceSize = 1;
    Table mStrict;
    Table mLoose;
};

#endif // RTPLACEKEY_H
