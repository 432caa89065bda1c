# Finds the QGIS development files (core and gui libraries, headers) and tells which
# Qt major version that QGIS is built on (QGIS 3.x: Qt 5; QGIS 4.x: Qt 6).
# Defines: QGIS_FOUND, QGIS_VERSION, QGIS_QT_MAJOR, QGIS_PLUGIN_DIR and the imported
# targets QGIS::Core and QGIS::Gui.
find_path(QGIS_INCLUDE_DIR qgsconfig.h PATH_SUFFIXES qgis PATHS /usr/include /usr/local/include)
find_library(QGIS_CORE_LIBRARY NAMES qgis_core)
find_library(QGIS_GUI_LIBRARY NAMES qgis_gui)

if(QGIS_INCLUDE_DIR AND EXISTS "${QGIS_INCLUDE_DIR}/qgsconfig.h")
  file(STRINGS "${QGIS_INCLUDE_DIR}/qgsconfig.h" _rt_qgis_version_line REGEX "^#define VERSION_INT ")
  string(REGEX REPLACE "^#define VERSION_INT ([0-9]+).*" "\\1" _rt_qgis_version_int "${_rt_qgis_version_line}")
  math(EXPR QGIS_VERSION_MAJOR "${_rt_qgis_version_int} / 10000")
  math(EXPR QGIS_VERSION_MINOR "(${_rt_qgis_version_int} / 100) % 100")
  math(EXPR QGIS_VERSION_PATCH "${_rt_qgis_version_int} % 100")
  set(QGIS_VERSION "${QGIS_VERSION_MAJOR}.${QGIS_VERSION_MINOR}.${QGIS_VERSION_PATCH}")
  if(QGIS_VERSION_MAJOR GREATER_EQUAL 4)
    set(QGIS_QT_MAJOR 6)
  else()
    set(QGIS_QT_MAJOR 5)
  endif()
endif()

find_path(QGIS_PLUGIN_DIR NAMES libofflineeditingplugin.so PATHS /usr/lib/qgis/plugins /usr/local/lib/qgis/plugins NO_DEFAULT_PATH)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QGIS REQUIRED_VARS QGIS_INCLUDE_DIR QGIS_CORE_LIBRARY QGIS_GUI_LIBRARY VERSION_VAR QGIS_VERSION)

if(QGIS_FOUND AND NOT TARGET QGIS::Core)
  add_library(QGIS::Core UNKNOWN IMPORTED)
  set_target_properties(QGIS::Core PROPERTIES IMPORTED_LOCATION "${QGIS_CORE_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${QGIS_INCLUDE_DIR}")
  add_library(QGIS::Gui UNKNOWN IMPORTED)
  set_target_properties(QGIS::Gui PROPERTIES IMPORTED_LOCATION "${QGIS_GUI_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${QGIS_INCLUDE_DIR}" INTERFACE_LINK_LIBRARIES QGIS::Core)
endif()
