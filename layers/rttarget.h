#ifndef RTTARGET_H
#define RTTARGET_H

#include <QString>

#include <optional>

/**
 * \brief A task's target as a number: "khoảng 500 ô đất tái định cư" → ~ 500 "ô đất tái
 * định cư", "từ 60% trở lên" → ≥ 60 "%", "16/16 chỉ tiêu" → 16 "chỉ tiêu".
 *
 * Derived from the target as the register writes it, with the figures the resolution
 * states (RtFigures); a target that states no single figure ("01 thôn, khu/xã,
 * phường/năm", or three shares at once) has none, and its values are shown without a share.
 */
struct RtTarget
{
  double value = 0;
  QString unit;        //!< "%", or the words after the figure as written ("ô đất tái định cư")
  QString comparator;  //!< "=", ">=" ("từ … trở lên"), ">" ("trên"), "~" ("khoảng")

  //! The one figure \a target states; none when it states none or several.
  static std::optional<RtTarget> fromText( const QString &target );

  /**
   * \a measured as a share of the target (0.624 for 312 of 500); none when the target is
   * zero or \a measuredUnit is given and is not the target's unit (sameUnit()).
   */
  std::optional<double> share( double measured, const QString &measuredUnit ) const;

  //! Units compared as people write them: NFC, trimmed, spaces collapsed, case ignored.
  static bool sameUnit( const QString &a, const QString &b );
};

#endif // RTTARGET_H
