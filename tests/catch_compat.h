#ifndef RT_CATCH_COMPAT_H
#define RT_CATCH_COMPAT_H
// Catch2 v2 (Debian 12) ships one header; v3 ships many. Tests include this file only.
#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
#else
#include <catch2/catch.hpp>
#endif
#endif
