#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-only
# What a Linux desktop reads about advocate-desk (requirement PK1): the AppStream metainfo passes
# `appstreamcli validate` (no errors, no warnings), the .desktop entry passes `desktop-file-validate`, and the
# metainfo, the .desktop file and the icon agree on one application id.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
linux="$here/../../packaging/linux"
id=org.advocatedesk.AdvocateDesk
for tool in appstreamcli desktop-file-validate; do
    command -v "$tool" >/dev/null || { echo "desktop-metadata-test: $tool is missing: run scripts/setup-deps" >&2; exit 1; }
done
passed=0
failed=0
pass() { echo "ok - $1"; passed=$((passed + 1)); }
fail() { echo "not ok - $1"; failed=$((failed + 1)); }

out=$(appstreamcli validate --no-net --explain "$linux/$id.metainfo.xml" 2>&1) && pass "appstreamcli validate accepts the metainfo" \
    || fail "appstreamcli validate accepts the metainfo: $out"
out=$(desktop-file-validate "$linux/$id.desktop" 2>&1) && [ -z "$out" ] && pass "desktop-file-validate accepts the .desktop entry" \
    || fail "desktop-file-validate accepts the .desktop entry: $out"
grep -q "<id>$id</id>" "$linux/$id.metainfo.xml" && grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$linux/$id.metainfo.xml" \
    && pass "the metainfo names $id and launches $id.desktop" || fail "the metainfo names $id and launches $id.desktop"
grep -qx "Icon=$id" "$linux/$id.desktop" && [ -f "$linux/icons/$id.svg" ] && pass "the .desktop icon $id is shipped" \
    || fail "the .desktop icon $id is shipped"
grep -qx "Exec=advocate-desk" "$linux/$id.desktop" && pass "the .desktop entry starts advocate-desk" \
    || fail "the .desktop entry starts advocate-desk"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
