# SPDX-License-Identifier: GPL-3.0-only
# Finds Google's libphonenumber (C++), which core/handoff uses to find phone numbers in handoff notes.
# Defines the imported target PhoneNumber::PhoneNumber.
#
# Where it looks, in order:
#   1. libphonenumber's own CMake package (upstream installs libphonenumber-config.cmake with the targets
#      libphonenumber::phonenumber-shared and libphonenumber::phonenumber; Homebrew and vcpkg ship it);
#   2. pkg-config (newer upstream releases install libphonenumber.pc);
#   3. the plain headers and library, which is all Debian 12 (8.12.57) and Ubuntu 24.04 ship. The installed
#      headers are generated protobuf code (phonenumber.pb.h), so the target also links Protobuf, and where they
#      use Abseil's hash containers (8.13 and newer) those too.
# Debian 13's libphonenumber-dev (8.13.51) installs upstream's CMake package but not the static libraries that package
# lists (libphonenumber.a, libgeocoding.a). Loading it stops configure (the package checks that each file it lists
# exists), so a package that declares the static library next to a shared one without it is skipped for 3.

string(CONCAT _phonenumber_howto
    "Advocate Desk needs libphonenumber (C++, with its development files).\n"
    "  Debian 12, 13 / Ubuntu 24.04: apt-get install libphonenumber-dev   (scripts/setup-deps does this)\n"
    "  macOS:                        brew install libphonenumber\n"
    "  Windows:                      vcpkg install libphonenumber\n")

if(TARGET PhoneNumber::PhoneNumber)
    set(PhoneNumber_FOUND TRUE)
    return()
endif()

set(_phonenumber_package_usable TRUE)
find_library(_phonenumber_shared_probe NAMES phonenumber NO_CACHE)
if(_phonenumber_shared_probe)
    get_filename_component(_phonenumber_libdir "${_phonenumber_shared_probe}" DIRECTORY)
    set(_phonenumber_targets_file "${_phonenumber_libdir}/cmake/libphonenumber/libphonenumber-targets.cmake")
    set(_phonenumber_static
        "${_phonenumber_libdir}/${CMAKE_STATIC_LIBRARY_PREFIX}phonenumber${CMAKE_STATIC_LIBRARY_SUFFIX}")
    if(EXISTS "${_phonenumber_targets_file}" AND NOT EXISTS "${_phonenumber_static}")
        file(STRINGS "${_phonenumber_targets_file}" _phonenumber_static_target
            REGEX "^add_library\\(libphonenumber::phonenumber STATIC IMPORTED\\)")
        if(_phonenumber_static_target)
            set(_phonenumber_package_usable FALSE)
            message(STATUS "libphonenumber: its CMake package lists the missing ${_phonenumber_static}; not using it")
        endif()
    endif()
endif()

if(_phonenumber_package_usable)
    find_package(libphonenumber CONFIG QUIET)
endif()
set(_phonenumber_target "")
if(TARGET libphonenumber::phonenumber-shared)
    set(_phonenumber_target libphonenumber::phonenumber-shared)
elseif(TARGET libphonenumber::phonenumber)
    set(_phonenumber_target libphonenumber::phonenumber)
endif()
if(_phonenumber_target)
    add_library(PhoneNumber::PhoneNumber INTERFACE IMPORTED)
    target_link_libraries(PhoneNumber::PhoneNumber INTERFACE ${_phonenumber_target})
    set(PhoneNumber_FOUND TRUE)
    message(STATUS "libphonenumber: CMake package ${libphonenumber_VERSION} (${_phonenumber_target})")
    return()
endif()

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
    pkg_check_modules(PC_PHONENUMBER QUIET IMPORTED_TARGET libphonenumber)
    if(PC_PHONENUMBER_FOUND)
        add_library(PhoneNumber::PhoneNumber INTERFACE IMPORTED)
        target_link_libraries(PhoneNumber::PhoneNumber INTERFACE PkgConfig::PC_PHONENUMBER)
        set(PhoneNumber_FOUND TRUE)
        message(STATUS "libphonenumber: pkg-config ${PC_PHONENUMBER_VERSION}")
        return()
    endif()
endif()

find_path(PhoneNumber_INCLUDE_DIR phonenumbers/phonenumbermatcher.h)
find_library(PhoneNumber_LIBRARY NAMES phonenumber)
find_package(Protobuf QUIET)
if(Protobuf_FOUND AND NOT TARGET protobuf::libprotobuf)
    add_library(protobuf::libprotobuf UNKNOWN IMPORTED)
    set_target_properties(protobuf::libprotobuf PROPERTIES
        IMPORTED_LOCATION "${Protobuf_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${Protobuf_INCLUDE_DIRS}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(PhoneNumber
    REQUIRED_VARS PhoneNumber_LIBRARY PhoneNumber_INCLUDE_DIR Protobuf_FOUND
    REASON_FAILURE_MESSAGE "${_phonenumber_howto}")
mark_as_advanced(PhoneNumber_INCLUDE_DIR PhoneNumber_LIBRARY)

if(PhoneNumber_FOUND)
    add_library(PhoneNumber::PhoneNumber UNKNOWN IMPORTED)
    set_target_properties(PhoneNumber::PhoneNumber PROPERTIES
        IMPORTED_LOCATION "${PhoneNumber_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${PhoneNumber_INCLUDE_DIR}"
        INTERFACE_LINK_LIBRARIES protobuf::libprotobuf)
    file(STRINGS "${PhoneNumber_INCLUDE_DIR}/phonenumbers/phonenumberutil.h" _phonenumber_uses_absl
        REGEX "^#include \"absl/")
    if(_phonenumber_uses_absl)
        find_package(absl CONFIG REQUIRED)
        set_property(TARGET PhoneNumber::PhoneNumber APPEND PROPERTY
            INTERFACE_LINK_LIBRARIES absl::node_hash_set absl::node_hash_map)
    endif()
endif()
