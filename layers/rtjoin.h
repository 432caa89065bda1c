#ifndef RTJOIN_H
#define RTJOIN_H

#include "rtstatus.h"
#include "rttask.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

class RtGazetteer;

/**
 * \brief The status a map feature shows: its tasks' statuses aggregated as of a date.
 *
 * Rule (first that applies), documented once here and in the README:
 *  1. no linked task                                   → None
 *  2. any linked task blocked                          → Blocked
 *  3. any linked task overdue on the as-of date        → Overdue
 *  4. any in progress, or some done and some not       → InProgress
 *  5. all closed (done or dropped), at least one done  → Done
 *  6. all dropped                                      → Dropped
 *  7. any not started                                  → NotStarted
 *  8. otherwise (all "no report")                      → NoReport
 * The share done is done / (linked − dropped), 0 when nothing is left to do.
 *
 * "Some not" in rule 4 means some task still open (not started or no report): dropped
 * tasks are closed, so done + dropped is Done (rule 5). In rule 8 dropped tasks may be
 * mixed with "no report" ones. A task linked to a feature twice (two keys, two
 * spellings) counts once.
 */
enum class RtFeatureStatus
{
  None,
  NotStarted,
  InProgress,
  Done,
  Blocked,
  Dropped,
  NoReport,
  Overdue,
};

namespace RtFeatureStatuses
{
  //! Stable code written to layers ("rt_status") and used by the QML styles.
  QString code( RtFeatureStatus status );
  //! The task statuses' labels (RtStatuses::label), "Quá hạn"/"Overdue", "Không có nhiệm vụ"/"No task".
  QString label( RtFeatureStatus status, RtLang lang );
  //! Every feature status, in declaration order.
  QVector<RtFeatureStatus> all();
}

//! Where a key map is read from (RtLayerKeys::readKeyMap()): a layer and two of its fields.
struct RtKeyMapSource
{
  QString spec;       //!< "PATH|layername=NAME"; the plugin also takes "|layername=NAME": the bound layer's own file
  QString fromField;  //!< the key as the tasks state it ("gso_code" of wards_2023)
  QString toField;    //!< the key as the layer's features hold it ("gso_code_2025")
  bool isSet() const { return !spec.isEmpty(); }
  bool operator==( const RtKeyMapSource &o ) const { return spec == o.spec && fromField == o.fromField && toField == o.toField; }
};

//! How a layer's features are keyed: which fields, compared as codes or as names.
struct RtKeyBinding
{
  enum class Match { Code, Name };
  QString kind;        //!< "ward", "zone", "site" or "parcel": the place-key prefix it answers
  QStringList fields;  //!< 1 field (code or name) or several (commune + sheet + parcel), compared
                       //!< as one key joined with "/" ("06715/12/345"); see RtPlaceKey
  Match match = Match::Code;
  /**
   * When the tasks name places in other units than the layer's features (the communes of
   * 2023 on a layer of the units of 2025): each task key is translated through this map
   * (old key → new key, compared exactly as written) before it is matched. A key the map
   * lacks is reported unmatched, never matched as it is: an old code that is also a new
   * one would land on a unit by coincidence. Empty: keys are matched as the tasks state
   * them. Read one with RtLayerKeys::readKeyMap().
   */
  QHash<QString, QString> keyMap;
  //! Where keyMap comes from, so that a saved binding can read it again (not used by the join).
  RtKeyMapSource keyMapSource;
  /**
   * The city's gazetteer (RtCity::gazetteer), or null. With it a task key that does not
   * match as it is written is tried as the place it designates: its code on a layer keyed
   * by codes, its official name and variants on a layer keyed by names. So a layer of ward
   * names matches tasks stored by GSO codes, and a layer of codes tasks stored by names.
   */
  std::shared_ptr<const RtGazetteer> gazetteer;
  /**
   * The date the tasks' keys refer to (the resolution's date): a code reused by a later
   * unit (06712: Trần Phú, then Móng Cái 1) means the unit in force then. Invalid: the
   * units in force now. Keys translated by #keyMap are read as the units in force now.
   */
  QDate placesDate;
};

//! One feature's key values, in the order of RtKeyBinding::fields.
struct RtFeatureKey
{
  qint64 fid = 0;
  QStringList values;
};

//! One task linked to one place key ("06715", "A4.1", "06715/12/345", "Hải Hòa").
struct RtTaskLink
{
  QString taskId;
  QString key;     //!< as the task states it, without the kind prefix
};

//! The aggregated status of one feature.
struct RtFeatureResult
{
  qint64 fid = 0;
  RtFeatureStatus status = RtFeatureStatus::None;
  int taskCount = 0;    //!< distinct tasks linked to the feature
  double shareDone = 0;
  QStringList taskIds;  //!< their ids in task order (empty when RtJoinOptions::collectTaskIds is off)
};

//! The result of a join: every feature's status, and every link that did not land.
struct RtJoinResult
{
  QVector<RtFeatureResult> features;      //!< one per input feature, in input order
  QVector<RtTaskLink> unmatched;          //!< links whose key matched no feature, in task order
  //! key as a task states it → the several features it matched (fids in input order).
  //! Such a link counts for none of them: the map never guesses which place was meant.
  QHash<QString, QVector<qint64>> ambiguous;
};

//! How many linked tasks a feature has in each status; the input of the aggregation rule.
struct RtStatusCounts
{
  int notStarted = 0;
  int inProgress = 0;
  int done = 0;
  int blocked = 0;
  int dropped = 0;
  int noReport = 0;
  int overdue = 0;  //!< of the above, how many are overdue on the as-of date

  int total() const { return notStarted + inProgress + done + blocked + dropped + noReport; }
  void add( RtStatus status, bool isOverdue );
};

//! Tuning of RtJoin::join(); the defaults suit the CLI and the plugin.
struct RtJoinOptions
{
  //! Fill RtFeatureResult::taskIds; turn off when only the status and share are needed.
  bool collectTaskIds = true;
  //! Threads used to normalise the feature keys; 0 uses every core.
  int threads = 0;
  /**
   * Which tasks a place's colour aggregates (RtJoin::placeCounts()). Off (the default): the
   * concrete commitments that name it, and its directive items only where no commitment
   * names it, so that a broad directive ("đẩy nhanh tiến độ lập, trình duyệt các quy
   * hoạch…") does not keep a zone "in progress" once its own plan is done. On: every task
   * that names it, directives included (`--with-directives`).
   */
  bool withDirectives = false;
};

/**
 * \brief The task↔feature join and the status aggregation.
 *
 * Links come from each task's RtTask::places entries of the binding's kind: "ward:06715"
 * is the key "06715" for kind "ward"; entries of other kinds are ignored. Keys are
 * compared as RtPlaceKey describes (codes, "/"-joined composite codes, or names on two
 * tiers); with a gazetteer (RtKeyBinding::gazetteer) a key that matches nothing as it is
 * written is tried as the code or the names of the place it designates. Tasks and
 * features are many-to-many. Every link whose key matches no feature
 * is listed in RtJoinResult::unmatched; a key matching several features is listed in
 * RtJoinResult::ambiguous and counts for none of them.
 */
namespace RtJoin
{
  /**
   * Joins \a tasks to \a features and aggregates each feature's status as of \a asOf.
   * The tasks' \c status must already be their status as of \a asOf (see
   * RtStore::statusesAsOf()); a task is overdue by RtStatuses::isOverdue() with its
   * deadline date.
   */
  RtJoinResult join( const QVector<RtFeatureKey> &features, const RtKeyBinding &binding,
                     const QVector<RtTask> &tasks, const QDate &asOf,
                     const RtJoinOptions &options = RtJoinOptions() );

  //! The links of \a tasks to places of \a kind, in task order.
  QVector<RtTaskLink> links( const QVector<RtTask> &tasks, const QString &kind );

  /**
   * \a tasks with their places of \a kind translated through \a keyMap (old key → new key),
   * e.g. 2023 commune codes to the units of 2025 that absorbed them, so that tasks written
   * in 2023 terms can be reported by the 2025 units. Keys the map lacks stay as they are
   * (and then show up as unmatched); two old keys mapping to one new key link it once.
   */
  QVector<RtTask> translatePlaces( const QVector<RtTask> &tasks, const QString &kind, const QHash<QString, QString> &keyMap );

  //! The aggregation rule documented at RtFeatureStatus.
  RtFeatureStatus aggregate( const RtStatusCounts &counts );

  //! Whether \a task is a directive item (RtTask::kind "directive"); anything else is a commitment.
  bool isDirective( const RtTask &task );

  /**
   * The counts a place's colour is made of, from the counts of the commitments and of the
   * directive items that name it (RtJoinOptions::withDirectives): both when \a withDirectives,
   * else the commitments', or the directives' when no commitment names the place.
   */
  RtStatusCounts placeCounts( const RtStatusCounts &commitments, const RtStatusCounts &directives, bool withDirectives );

  //! done / (linked − dropped), 0 when nothing is left to do.
  double shareDone( const RtStatusCounts &counts );
}

#endif // RTJOIN_H
