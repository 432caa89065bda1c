#ifndef RT_CATCH_COMPAT_H
#define RT_CATCH_COMPAT_H
// Catch2 v2 (Debian 12) ships one header; v3 ships many. Tests include this file only.
#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
#else
#include <catch2/catch.hpp>
#endif

#ifdef CATCH_CONFIG_RUNNER
/**
 * Runs the tests named on the command line, failing a run that matches no test case (a
 * name split by catch_discover_tests at ';' used to "pass" that way) and any test case or
 * leaf section that asserts nothing (a case that returns early tests nothing).
 */
inline int rtRunCatch( int argc, char *argv[] )
{
  Catch::Session session;
  if ( const int rc = session.applyCommandLine( argc, argv ) )
    return rc;
  session.configData().warnings = static_cast<Catch::WarnAbout::What>(
                                    session.configData().warnings | Catch::WarnAbout::NoAssertions | Catch::WarnAbout::NoTests );
  return session.run();
}
#endif
#endif
