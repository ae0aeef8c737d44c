# SPDX-License-Identifier: GPL-3.0-only
# The project's C++ is formatted by clang-format 14 with the committed .clang-format (house style, habit 10). Other
# versions format some constructs differently, so no other version is used: ADVOCATE_CLANG_FORMAT names a
# clang-format 14, or ends in -NOTFOUND when the system has none (Debian 13 has no LLVM 14). Then the `format` target
# is not made and tests/repo's format check reports itself skipped instead of checking with another version.
set(ADVOCATE_CLANG_FORMAT_VERSION 14)

function(advocate_clang_format_has_version result candidate)
    execute_process(COMMAND "${candidate}" --version OUTPUT_VARIABLE version_text RESULT_VARIABLE exit_code
        ERROR_QUIET)
    if(NOT exit_code EQUAL 0 OR NOT version_text MATCHES "clang-format version ${ADVOCATE_CLANG_FORMAT_VERSION}\\.")
        set(${result} FALSE PARENT_SCOPE)
    endif()
endfunction()

find_program(ADVOCATE_CLANG_FORMAT NAMES clang-format-${ADVOCATE_CLANG_FORMAT_VERSION} clang-format
    VALIDATOR advocate_clang_format_has_version)
if(NOT ADVOCATE_CLANG_FORMAT)
    message(STATUS "Advocate Desk: no clang-format ${ADVOCATE_CLANG_FORMAT_VERSION}; no `format` target, and the "
        "format check (tests/repo) is skipped")
endif()
