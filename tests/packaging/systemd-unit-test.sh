#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-only
# The relay's systemd unit (packaging/relay/advocate-relay.service, requirement PK3): `systemd-analyze verify` is
# clean with the built relay installed where the unit expects it, `systemd-analyze security` rates its exposure
# "OK" or better (the figure is printed), and the hardening the issue names is there, with no StateDirectory= or
# CacheDirectory= (the relay keeps nothing).
#   tests/packaging/systemd-unit-test.sh PATH-TO-BUILT-advocate-relay
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
unit="$here/../../packaging/relay/advocate-relay.service"
relay="${1:?usage: $0 PATH-TO-BUILT-advocate-relay}"
command -v systemd-analyze >/dev/null || { echo "systemd-unit-test: systemd-analyze is missing: run scripts/setup-deps (Debian package systemd)" >&2; exit 1; }
[ -x "$relay" ] || { echo "systemd-unit-test: $relay is not the built relay" >&2; exit 1; }

work=$(mktemp -d -t advocate-unit.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
pass() { echo "ok - $1"; passed=$((passed + 1)); }
fail() { echo "not ok - $1"; failed=$((failed + 1)); }

# verify loads the unit with its dependencies (sysinit.target, …) and checks every command exists: a root with this
# machine's systemd units, the built relay at /usr/bin/advocate-relay and the unit where the package puts it. The root
# is merged-/usr as Debian 12 and 13 are (/lib a link to usr/lib): systemd 255 and newer (Debian 13) look for units in
# /usr/lib only, and find none in a root whose /lib is a folder of its own.
mkdir -p "$work/root/usr/bin" "$work/root/usr/lib/systemd/system" "$work/root/etc/systemd/system"
ln -s usr/lib "$work/root/lib"
cp -a /lib/systemd/system/. "$work/root/usr/lib/systemd/system/"
cp "$relay" "$work/root/usr/bin/advocate-relay"
cp "$unit" "$work/root/lib/systemd/system/advocate-relay.service"
if systemd-analyze verify --root="$work/root" --man=no "$work/root/lib/systemd/system/advocate-relay.service" \
    >"$work/verify.log" 2>&1 && [ ! -s "$work/verify.log" ]; then
    pass "systemd-analyze verify is clean"
else
    fail "systemd-analyze verify is clean: $(cat "$work/verify.log")"
fi

# The restart-secret drop-in (docs/relay-runbook.md): the unit with it verifies as cleanly, it only adds the
# credential (the unit's ExecStart, and a TLS drop-in's, stay), and the relay and check-config use the credential.
dropin="$here/../../packaging/relay/restart-secret.conf"
mkdir -p "$work/root/etc/systemd/system/advocate-relay.service.d"
cp "$dropin" "$work/root/etc/systemd/system/advocate-relay.service.d/restart-secret.conf"
if systemd-analyze verify --root="$work/root" --man=no "$work/root/lib/systemd/system/advocate-relay.service" \
    >"$work/verify-dropin.log" 2>&1 && [ ! -s "$work/verify-dropin.log" ]; then
    pass "systemd-analyze verify is clean with the restart-secret drop-in"
else
    fail "systemd-analyze verify is clean with the restart-secret drop-in: $(cat "$work/verify-dropin.log")"
fi
rm -r "$work/root/etc/systemd/system/advocate-relay.service.d"
grep -qx 'LoadCredential=restart-secret:/etc/advocate-relay/restart-secret' "$dropin" &&
    ! grep -q '^Exec' "$dropin" &&
    pass "the drop-in adds the restart secret as a credential and replaces no command" ||
    fail "the drop-in adds the restart secret as a credential and replaces no command"
# systemd gives the service's dynamic user read access to root's 0400 credential with an ACL whose mask shows in the
# group bits (0440); others' bits still refuse it.
example="$here/../../packaging/relay/relay.conf.example"
credentials="$work/credentials"
mkdir -p "$credentials"
head -c 32 /dev/urandom >"$credentials/restart-secret"
chmod 0440 "$credentials/restart-secret"
CREDENTIALS_DIRECTORY="$credentials" "$relay" privacy-statement --config "$example" >"$work/statement.txt" 2>&1 &&
    grep -q 'your chat can go on with the same advocate' "$work/statement.txt" &&
    CREDENTIALS_DIRECTORY="$credentials" "$relay" check-config --config "$example" --accounts /dev/null |
    grep -q 'no problems' &&
    pass "the relay takes the credential restart-secret from \$CREDENTIALS_DIRECTORY, with the ACL mask in its mode" ||
    fail "the relay takes the credential restart-secret from \$CREDENTIALS_DIRECTORY: $(cat "$work/statement.txt")"
chmod 0444 "$credentials/restart-secret"
if CREDENTIALS_DIRECTORY="$credentials" "$relay" check-config --config "$example" --accounts /dev/null \
    >"$work/others.log" 2>&1; then
    fail "a credential others may read is refused"
else
    grep -q 'may be read by others' "$work/others.log" && pass "a credential others may read is refused" ||
        fail "a credential others may read is refused: $(cat "$work/others.log")"
fi

# "OK" is an exposure below 5.0; --threshold counts in tenths and fails above it.
if systemd-analyze security --offline=true --threshold=49 "$unit" >"$work/security.log" 2>&1; then
    verdict=$(grep 'Overall exposure level' "$work/security.log" | sed 's/.*: //')
    case "$verdict" in
        *PERFECT* | *SAFE* | *" OK"*) pass "systemd-analyze security rates the unit OK or better: $verdict" ;;
        *) fail "systemd-analyze security rates the unit OK or better: $verdict" ;;
    esac
else
    fail "systemd-analyze security rates the unit OK or better: $(grep -E 'Overall|✗' "$work/security.log")"
fi

# The hardening asked for by name, so a weaker unit fails even where the score would still pass.
for setting in 'DynamicUser=yes' 'ProtectSystem=strict' 'NoNewPrivileges=yes' 'LimitCORE=0' 'PrivateTmp=yes' \
    'CapabilityBoundingSet=' 'SystemCallFilter=@system-service' 'RestrictAddressFamilies=' 'ProtectHome=yes' \
    'MemoryDenyWriteExecute=yes'; do
    grep -qx -- "$setting.*" "$unit" && pass "the unit sets $setting" || fail "the unit sets $setting"
done
for setting in StateDirectory CacheDirectory; do
    grep -q "^$setting=" "$unit" && fail "the unit has no $setting= (the relay keeps nothing)" \
        || pass "the unit has no $setting= (the relay keeps nothing)"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
