# SPDX-License-Identifier: GPL-3.0-only
# Finds SQLCipher through pkg-config and checks that it really is SQLCipher 4 or newer.
#
# pkg-config reports the version of the SQLite that SQLCipher is built on (SQLCipher 4.6 says 3.46), not
# SQLCipher's own version, so the check compiles and runs a probe that asks `PRAGMA cipher_version`.
# Defines the imported target SQLCipher::SQLCipher and SQLCipher_VERSION.

find_package(PkgConfig REQUIRED)
pkg_check_modules(PC_SQLCIPHER QUIET IMPORTED_TARGET sqlcipher)

set(_sqlcipher_howto
    "Advocate Desk needs SQLCipher 4 or newer (with its development files).\n"
    "  Debian 12:    enable bookworm-backports and run\n"
    "                apt-get install -t bookworm-backports libsqlcipher-dev\n"
    "                (scripts/setup-deps does this for you)\n"
    "  Ubuntu 24.04: apt-get install libsqlcipher-dev\n"
    "  macOS:        brew install sqlcipher\n"
    "  Windows:      vcpkg install sqlcipher\n")

if(NOT PC_SQLCIPHER_FOUND)
    if(SQLCipher_FIND_REQUIRED)
        message(FATAL_ERROR "SQLCipher was not found through pkg-config.\n" ${_sqlcipher_howto})
    endif()
    set(SQLCipher_FOUND FALSE)
    return()
endif()

if(NOT CMAKE_CROSSCOMPILING)
    set(_probe_dir "${CMAKE_BINARY_DIR}/CMakeFiles/sqlcipher-probe")
    file(WRITE "${_probe_dir}/probe.c" [=[
#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>
#include <stdio.h>
static int print_first(void *unused, int argc, char **argv, char **names)
{
    (void)unused; (void)names;
    if (argc > 0 && argv[0]) printf("%s", argv[0]);
    return 0;
}
int main(void)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 2;
    sqlite3_exec(db, "PRAGMA cipher_version;", print_first, NULL, NULL);
    sqlite3_close(db);
    return 0;
}
]=])
    try_run(_sqlcipher_run _sqlcipher_compile
        "${_probe_dir}/build" "${_probe_dir}/probe.c"
        LINK_LIBRARIES PkgConfig::PC_SQLCIPHER
        COMPILE_OUTPUT_VARIABLE _sqlcipher_compile_out
        RUN_OUTPUT_VARIABLE _sqlcipher_cipher_version)
    if(NOT _sqlcipher_compile)
        message(FATAL_ERROR "Could not build a program against SQLCipher:\n${_sqlcipher_compile_out}\n" ${_sqlcipher_howto})
    endif()
    string(STRIP "${_sqlcipher_cipher_version}" _sqlcipher_cipher_version)
    if(_sqlcipher_cipher_version STREQUAL "")
        message(FATAL_ERROR "The sqlcipher library found by pkg-config answers no PRAGMA cipher_version: "
            "it is plain SQLite, not SQLCipher.\n" ${_sqlcipher_howto})
    endif()
    string(REGEX MATCH "^[0-9]+\\.[0-9]+\\.[0-9]+" SQLCipher_VERSION "${_sqlcipher_cipher_version}")
else()
    # Cross builds cannot run the probe; the library is checked again at run time (SqlCipherDatabase).
    set(SQLCipher_VERSION "${SQLCipher_FIND_VERSION}")
endif()

if(SQLCipher_FIND_VERSION AND SQLCipher_VERSION VERSION_LESS SQLCipher_FIND_VERSION)
    message(FATAL_ERROR "Found SQLCipher ${SQLCipher_VERSION}, but ${SQLCipher_FIND_VERSION} or newer is needed "
        "(SQLCipher 3 uses weaker defaults and an incompatible file format).\n" ${_sqlcipher_howto})
endif()

if(NOT TARGET SQLCipher::SQLCipher)
    add_library(SQLCipher::SQLCipher INTERFACE IMPORTED)
    target_link_libraries(SQLCipher::SQLCipher INTERFACE PkgConfig::PC_SQLCIPHER)
    # SQLCipher's header is sqlite3.h; the codec API (sqlite3_key) is only declared with SQLITE_HAS_CODEC.
    target_compile_definitions(SQLCipher::SQLCipher INTERFACE SQLITE_HAS_CODEC=1)
endif()

set(SQLCipher_FOUND TRUE)
message(STATUS "Advocate Desk: SQLCipher ${SQLCipher_VERSION}")
