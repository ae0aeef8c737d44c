#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-only
# What can be checked on Linux of the Windows installer (packaging/windows/AdvocateDesk.wxs, requirement PK1): the
# file is well-formed XML, and it says what the issue asks of it: a per-machine package with a fixed upgrade code
# and a major upgrade, the silent-install properties for the relay URL and pin written as machine policy, and the
# removal of leftover shift caches on uninstall. Debian packages no WiX schema and WiX itself runs on Windows only,
# so the build is checked by the Windows CI job (packaging/README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
wxs="$here/../../packaging/windows/AdvocateDesk.wxs"
command -v xmllint >/dev/null || { echo "wix-test: xmllint is missing: run scripts/setup-deps (Debian package libxml2-utils)" >&2; exit 1; }
passed=0
failed=0
pass() { echo "ok - $1"; passed=$((passed + 1)); }
fail() { echo "not ok - $1"; failed=$((failed + 1)); }
# XPath without namespace prefixes: WiX's elements are in the v4 namespace.
count() { xmllint --xpath "count($1)" "$wxs" 2>/dev/null || echo 0; }
expect() {
    local what="$1" xpath="$2"
    [ "$(count "$xpath")" -ge 1 ] && pass "$what" || fail "$what ($xpath)"
}

if out=$(xmllint --noout "$wxs" 2>&1); then pass "the .wxs is well-formed XML"; else fail "the .wxs is well-formed XML: $out"; fi
expect "the root is WiX v4/v5's Wix element" \
    "/*[local-name()='Wix' and namespace-uri()='http://wixtoolset.org/schemas/v4/wxs']"
expect "the package installs per machine" "//*[local-name()='Package' and @Scope='perMachine']"
upgrade=$(xmllint --xpath "string(//*[local-name()='Package']/@UpgradeCode)" "$wxs" 2>/dev/null || true)
[[ "$upgrade" =~ ^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$ ]] \
    && pass "the package has a fixed upgrade code ($upgrade)" || fail "the package has a fixed upgrade code: '$upgrade'"
expect "a newer version replaces an older one" "//*[local-name()='MajorUpgrade']"
for property in RELAY_URL RELAY_PIN_SHA256; do
    expect "$property is a secure public property for silent installs" \
        "//*[local-name()='Property' and @Id='$property' and @Secure='yes']"
    expect "$property is written under HKLM\\Software\\Policies\\AdvocateDesk" \
        "//*[local-name()='Component' and @Condition='$property']/*[local-name()='RegistryValue' and @Root='HKLM' and starts-with(@Key, 'Software\\Policies\\AdvocateDesk') and contains(@Value, '[$property]')]"
done
expect "uninstall removes leftover shift caches, not on upgrade" \
    "//*[local-name()='Custom' and @Action='WipeShiftCaches' and contains(@Condition, 'REMOVE=\"ALL\"') and contains(@Condition, 'NOT UPGRADINGPRODUCTCODE')]"
expect "the cache removal runs elevated" \
    "//*[local-name()='CustomAction' and @Id='WipeShiftCaches' and @Execute='deferred' and @Impersonate='no']"
expect "the files windeployqt produced are installed into Program Files" \
    "//*[local-name()='StandardDirectory' and @Id='ProgramFiles64Folder']/*[local-name()='Directory' and @Id='INSTALLFOLDER']"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
