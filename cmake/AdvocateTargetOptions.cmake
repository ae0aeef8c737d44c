# SPDX-License-Identifier: GPL-3.0-only
# Options every target of the project gets: warnings, Qt's strict string casts, sanitizers.

function(advocate_target_options target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive-)
        if(ADVOCATE_WERROR)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
            -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wformat=2)
        if(ADVOCATE_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_KEYWORDS QT_NO_FOREACH QT_STRICT_ITERATORS)
endfunction()

if(ADVOCATE_SANITIZERS AND NOT MSVC)
    list(JOIN ADVOCATE_SANITIZERS "," _advocate_sanitizers)
    add_compile_options(-fsanitize=${_advocate_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=${_advocate_sanitizers})
endif()

# The core targets register themselves here so that the layering test can check what they link.
set_property(GLOBAL PROPERTY ADVOCATE_CORE_TARGETS "")
function(advocate_core_library target)
    add_library(${target} STATIC ${ARGN})
    advocate_target_options(${target})
    set_property(GLOBAL APPEND PROPERTY ADVOCATE_CORE_TARGETS ${target})
endfunction()
