# Included by layers/CMakeLists.txt (the same directory as rtcore, whose sources the
# resource's custom commands produce).
# The core's languages (Qt Linguist): the messages of layers/, cli/ and map/ (all but the
# Processing algorithms, which the plugin's catalogue has) in restrack_core_{vi,en}.ts,
# committed; the build compiles them to .qm and embeds them in rtcore as the resource
# ":/restrack/i18n/"; rtTr() (layers/rttr.h) translates with the one of the language asked.
#
#   cmake --build BUILD --target rt_update_translations   # lupdate into the .ts files (and the plugin's)
#   ctest -R i18n/                                        # fails on any untranslated or stale message
#
# Qt Linguist's tools of the Qt built with; failing that, those of the other Qt major (a .qm
# file is the same for Qt 5 and Qt 6, and Debian's Qt 6 ships them in a separate package).
find_package(Qt${RT_QT_MAJOR} QUIET COMPONENTS LinguistTools)
set(_rt_tools_major ${RT_QT_MAJOR})
if(NOT Qt${RT_QT_MAJOR}LinguistTools_FOUND)
  if(RT_QT_MAJOR EQUAL 6)
    set(_rt_tools_major 5)
  else()
    set(_rt_tools_major 6)
  endif()
  find_package(Qt${_rt_tools_major}LinguistTools REQUIRED)  # alone: not Qt${_rt_tools_major}Core
  message(STATUS "The core's translations: Qt ${_rt_tools_major}'s lupdate and lrelease")
endif()
find_package(Python3 REQUIRED COMPONENTS Interpreter)
get_target_property(RT_CORE_LRELEASE Qt${_rt_tools_major}::lrelease LOCATION)
get_target_property(RT_CORE_LUPDATE Qt${_rt_tools_major}::lupdate LOCATION)

set(_rt_qm_files)
set(_rt_qrc_text "<RCC>\n  <qresource prefix=\"/restrack/i18n\">\n")
foreach(_rt_lang vi en)
  set(_rt_ts "${CMAKE_CURRENT_SOURCE_DIR}/i18n/restrack_core_${_rt_lang}.ts")
  set(_rt_qm "${CMAKE_CURRENT_BINARY_DIR}/i18n/qm/restrack_core_${_rt_lang}.qm")
  add_custom_command(OUTPUT "${_rt_qm}"
    COMMAND "${RT_CORE_LRELEASE}" -silent "${_rt_ts}" -qm "${_rt_qm}"
    DEPENDS "${_rt_ts}"
    COMMENT "lrelease restrack_core_${_rt_lang}.ts"
    VERBATIM)
  list(APPEND _rt_qm_files "${_rt_qm}")
  string(APPEND _rt_qrc_text "    <file alias=\"restrack_core_${_rt_lang}.qm\">qm/restrack_core_${_rt_lang}.qm</file>\n")
endforeach()
string(APPEND _rt_qrc_text "  </qresource>\n</RCC>\n")
set(_rt_qrc "${CMAKE_CURRENT_BINARY_DIR}/i18n/restrack_core_i18n.qrc")
file(WRITE "${_rt_qrc}.in" "${_rt_qrc_text}")
configure_file("${_rt_qrc}.in" "${_rt_qrc}" COPYONLY)  # rewritten only when it changes
if(RT_QT_MAJOR EQUAL 5)
  qt5_add_resources(_rt_core_rcc "${_rt_qrc}")
else()
  qt6_add_resources(_rt_core_rcc "${_rt_qrc}")
endif()
# rcc reads the .qm files: make sure they are built first (they are custom command outputs).
set_property(SOURCE ${_rt_core_rcc} APPEND PROPERTY OBJECT_DEPENDS ${_rt_qm_files})
add_custom_target(rt_core_translations DEPENDS ${_rt_qm_files})
target_sources(rtcore PRIVATE ${_rt_core_rcc})
add_dependencies(rtcore rt_core_translations)

set(RT_CORE_I18N_ARGS
    --lupdate "${RT_CORE_LUPDATE}"
    --source-dir "${PROJECT_SOURCE_DIR}/layers"
    --source-dir "${PROJECT_SOURCE_DIR}/cli"
    --source-dir "${PROJECT_SOURCE_DIR}/map"
    --exclude "${PROJECT_SOURCE_DIR}/map/rtprocessing*"
    --ts-dir "${CMAKE_CURRENT_SOURCE_DIR}/i18n"
    --ts-name "restrack_core_{}.ts"
    --same-as-source "${CMAKE_CURRENT_SOURCE_DIR}/i18n/same_as_source.txt")

# Developer target: refresh the committed .ts files from the sources (not ALL); the plugin's
# catalogue, when the plugin is built, is updated by the same target (plugin/i18n/).
add_custom_target(rt_update_translations
  COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/scripts/rt_i18n.py" update ${RT_CORE_I18N_ARGS}
  COMMENT "lupdate: layers/ cli/ map/ -> layers/i18n/restrack_core_{vi,en}.ts"
  VERBATIM)

# For the check registered in tests/CMakeLists.txt (both configurations: no plugin needed).
set(RT_CORE_I18N_CHECK_COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/scripts/rt_i18n.py" check
    ${RT_CORE_I18N_ARGS} --min-messages 20
    CACHE INTERNAL "The command of the test i18n/core_translations_complete")
