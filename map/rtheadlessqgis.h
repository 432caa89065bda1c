#ifndef RTHEADLESSQGIS_H
#define RTHEADLESSQGIS_H

#include <QString>
#include <QTemporaryDir>

#include <memory>

class QgsApplication;

/**
 * \brief QGIS started for a command or a test without a desktop: an offscreen QgsApplication
 * whose profile, settings and caches live in a private temporary folder removed at the end.
 *
 * QGIS writes a profile as it starts (settings, its authentication and style databases, a
 * network cache). `restrack export` and the tests have no settings of their own to keep,
 * so nothing is written under the user's home: started plainly, QGIS left
 * ~/.config/Unknown Organization/restrack.conf and a 1 MB profile under ~/.local/share.
 * Fonts and the user's fontconfig are untouched (a template may use the office's font).
 * One instance per process, created before anything else of Qt or QGIS.
 */
class RtHeadlessQgis
{
  public:
    //! Starts QGIS (initQgis(), GDAL's drivers) for the program \a applicationName; see ok().
    RtHeadlessQgis( int &argc, char **argv, const QString &applicationName );
    //! Stops QGIS (exitQgis()) and removes the temporary profile.
    ~RtHeadlessQgis();
    RtHeadlessQgis( const RtHeadlessQgis & ) = delete;
    RtHeadlessQgis &operator=( const RtHeadlessQgis & ) = delete;

    //! Whether QGIS runs; error() says why not (no temporary folder).
    bool ok() const { return static_cast<bool>( mApp ); }
    QString error() const { return mError; }

  private:
    QTemporaryDir mScratch;
    std::unique_ptr<QgsApplication> mApp;
    QString mError;
};

#endif // RTHEADLESSQGIS_H
