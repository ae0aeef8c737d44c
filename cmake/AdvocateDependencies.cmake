# SPDX-License-Identifier: GPL-3.0-only
# Every third-party dependency is found here, once, so that a missing one fails configure with a message
# that says how to get it. scripts/setup-deps installs all of them on Debian 12 and Ubuntu 24.04.

find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Network WebSockets HttpServer LinguistTools)
if(ADVOCATE_BUILD_TESTS)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Test)
endif()
message(STATUS "Advocate Desk: Qt ${Qt6_VERSION}")

find_package(Qt6Keychain REQUIRED)

find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)

find_package(SQLCipher 4 REQUIRED)

# Phone numbers in handoff notes and the shift log (core/handoff): Google's libphonenumber.
find_package(PhoneNumber REQUIRED)

if(ADVOCATE_BUILD_TESTS OR ADVOCATE_BUILD_BENCHMARKS)
    find_package(Threads REQUIRED)
endif()
if(ADVOCATE_BUILD_TESTS)
    find_package(GTest REQUIRED)
endif()
if(ADVOCATE_BUILD_BENCHMARKS)
    find_package(benchmark REQUIRED)
endif()
