#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-only
# Signing and verification of release artefacts (requirement PK1), with a throw-away key made here: sign-artefacts
# signs, verify-artefacts accepts the result, and rejects a tampered package, a SHA256SUMS edited to match it, a
# missing signature, an unlisted package, and the right files checked against another key.
#   tests/packaging/signing-test.sh [DIR]
# With DIR (scripts/package passes its dist folder) copies of the real packages are used; without, a tiny .deb is
# built with dpkg-deb and an .rpm stand-in written, so ctest needs no Release build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
sign="$here/../../packaging/linux/sign-artefacts"
verify="$here/../../packaging/linux/verify-artefacts"
for tool in gpg gpgv sha256sum dpkg-deb; do
    command -v "$tool" >/dev/null || { echo "signing-test: $tool is missing: run scripts/setup-deps" >&2; exit 1; }
done

work=$(mktemp -d -t advocate-signing.XXXXXX)
cleanup() {
    gpgconf --homedir "$work/gnupg" --kill gpg-agent >/dev/null 2>&1 || true
    gpgconf --homedir "$work/other" --kill gpg-agent >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
passed=0
failed=0
pass() { echo "ok - $1"; passed=$((passed + 1)); }
fail() { echo "not ok - $1"; failed=$((failed + 1)); }

# Two throw-away keys (no passphrase, in folders deleted on exit): the release key and an unrelated one.
make_key() {
    mkdir -m 0700 "$work/$1"
    GNUPGHOME="$work/$1" gpg --batch --quiet --passphrase '' --quick-gen-key "$2" ed25519 sign 1d 2>/dev/null
    GNUPGHOME="$work/$1" gpg --batch --quiet --armor --export >"$work/$1.pub.asc" 2>/dev/null
}
make_key gnupg "Advocate Desk test release key <release@test.invalid>"
make_key other "Someone else <other@test.invalid>"
fingerprint=$(GNUPGHOME="$work/gnupg" gpg --batch --with-colons --list-secret-keys 2>/dev/null | awk -F: '/^fpr:/ {print $10; exit}')

mkdir "$work/dist"
if [ $# -ge 1 ]; then
    cp -- "$1"/*.deb "$1"/*.rpm "$work/dist/"
else
    mkdir -p "$work/pkg/DEBIAN"
    printf 'Package: advocate-test\nVersion: 1.0\nArchitecture: all\nMaintainer: Test <test@test.invalid>\nDescription: test\n test package\n' \
        >"$work/pkg/DEBIAN/control"
    dpkg-deb --root-owner-group --build "$work/pkg" "$work/dist/advocate-test_1.0_all.deb" >/dev/null
    head -c 4096 /dev/urandom >"$work/dist/advocate-test-1.0-1.x86_64.rpm"
fi
deb=$(cd "$work/dist" && ls ./*.deb | head -n 1)
deb=${deb#./}

# 1. Signed, the set verifies.
GNUPGHOME="$work/gnupg" "$sign" --key "$fingerprint" "$work/dist" >/dev/null
if "$verify" --key "$work/gnupg.pub.asc" "$work/dist" >"$work/out" 2>&1; then
    pass "signed artefacts verify against the release key"
else
    fail "signed artefacts verify against the release key: $(cat "$work/out")"
fi

# 2. Every artefact and SHA256SUMS has its own detached signature.
missing=""
for file in "$work/dist"/*.deb "$work/dist"/*.rpm "$work/dist/SHA256SUMS"; do
    [ -s "$file.asc" ] && grep -q 'BEGIN PGP SIGNATURE' "$file.asc" || missing="$missing $(basename "$file")"
done
[ -z "$missing" ] && pass "each artefact and SHA256SUMS has a detached signature" \
    || fail "each artefact and SHA256SUMS has a detached signature: missing for$missing"

expect_rejected() {
    local name="$1" dist="$2" key="$3" pattern="$4"
    if "$verify" --key "$key" "$dist" >"$work/out" 2>&1; then
        fail "$name: verification passed"
    elif ! grep -q -- "$pattern" "$work/out"; then
        fail "$name: rejected, but without naming \"$pattern\": $(cat "$work/out")"
    else
        pass "$name"
    fi
}
copy_of_dist() {
    rm -rf "$work/$1"
    cp -a "$work/dist" "$work/$1"
}

# 3. One byte of a package changed: its hash and its signature fail.
copy_of_dist tampered
printf '\x00' | dd of="$work/tampered/$deb" bs=1 seek=200 conv=notrunc status=none
printf 'X' | dd of="$work/tampered/$deb" bs=1 seek=201 conv=notrunc status=none
expect_rejected "a tampered package fails verification" "$work/tampered" "$work/gnupg.pub.asc" "$deb: no good signature"

# 4. The attacker also rewrites SHA256SUMS to match: its signature fails.
copy_of_dist resummed
cp "$work/tampered/$deb" "$work/resummed/$deb"
(cd "$work/resummed" && sha256sum --binary -- *.deb *.rpm >SHA256SUMS)
expect_rejected "a SHA256SUMS rewritten to match a tampered package fails verification" "$work/resummed" \
    "$work/gnupg.pub.asc" "SHA256SUMS: no good signature"

# 5. Everything re-signed with another key: not the release key, rejected.
copy_of_dist resigned
GNUPGHOME="$work/other" "$sign" --key "Someone else" "$work/resigned" >/dev/null
expect_rejected "artefacts signed by another key fail verification" "$work/resigned" "$work/gnupg.pub.asc" \
    "no good signature"

# 6. A signature removed, and a package slipped in that SHA256SUMS does not list.
copy_of_dist unsigned
rm "$work/unsigned/$deb.asc"
expect_rejected "a package without its signature fails verification" "$work/unsigned" "$work/gnupg.pub.asc" \
    "$deb has no signature"
copy_of_dist extra
cp "$work/extra/$deb" "$work/extra/extra_1.0_all.deb"
cp "$work/extra/$deb.asc" "$work/extra/extra_1.0_all.deb.asc"
expect_rejected "a package not listed in SHA256SUMS fails verification" "$work/extra" "$work/gnupg.pub.asc" \
    "extra_1.0_all.deb is not listed"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
