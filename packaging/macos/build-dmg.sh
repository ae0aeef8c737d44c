#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-only
# Builds, deploys, signs, notarizes and packages the macOS workstation as a DMG (requirement PK1). Runs on a macOS
# runner with Xcode and Homebrew's Qt, SQLCipher, Qt Keychain and libsodium (README.md, "macOS (Homebrew)"). It
# cannot run on the project's Linux machines; .github/workflows/desktop-installers.yml runs it.
#   packaging/macos/build-dmg.sh VERSION
# Signing and notarization need, in the environment:
#   ADVOCATE_CODESIGN_IDENTITY   "Developer ID Application: NAME (TEAMID)", in the keychain
#   ADVOCATE_NOTARY_PROFILE      a notarytool keychain profile (xcrun notarytool store-credentials)
# Without them the DMG is built unsigned (a test build).
set -euo pipefail
version="${1:?usage: $0 VERSION}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$root/build/macos"
out="$root/build/package/dist"
identity="${ADVOCATE_CODESIGN_IDENTITY:-}"
profile="${ADVOCATE_NOTARY_PROFILE:-}"

# 1. Release build as an app bundle (CMAKE_MACOSX_BUNDLE), universal or native as Homebrew's Qt allows.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DADVOCATE_BUILD_TESTS=OFF \
    -DCMAKE_MACOSX_BUNDLE=ON -DCMAKE_OSX_DEPLOYMENT_TARGET=12.0 \
    -DCMAKE_PREFIX_PATH="$(brew --prefix qt);$(brew --prefix qtkeychain)"
cmake --build "$build" --target advocate-desk
app="$build/app/workstation/advocate-desk.app"
plist="$app/Contents/Info.plist"
/usr/libexec/PlistBuddy -c "Set :CFBundleIdentifier org.advocatedesk.AdvocateDesk" "$plist"
/usr/libexec/PlistBuddy -c "Set :CFBundleName Advocate Desk" "$plist"
/usr/libexec/PlistBuddy -c "Set :CFBundleShortVersionString $version" "$plist"
/usr/libexec/PlistBuddy -c "Set :CFBundleVersion $version" "$plist"

# 2. Qt frameworks and plugins into the bundle, and (with an identity) every binary signed inside out with the
#    hardened runtime and a secure timestamp, which notarization requires.
deploy_args=(-always-overwrite)
if [ -n "$identity" ]; then
    deploy_args+=(-codesign="$identity" -hardened-runtime -timestamp)
fi
macdeployqt "$app" "${deploy_args[@]}"
if [ -n "$identity" ]; then
    codesign --force --options runtime --timestamp --sign "$identity" "$app"
    codesign --verify --deep --strict --verbose=2 "$app"
fi

# 3. The DMG: the app and a link to /Applications, compressed.
mkdir -p "$out"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/Advocate Desk.app"
ln -s /Applications "$staging/Applications"
dmg="$out/AdvocateDesk-$version.dmg"
rm -f "$dmg"
hdiutil create -volname "Advocate Desk $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"

# 4. Sign the DMG, notarize it with Apple (waits for the verdict) and staple the ticket so Gatekeeper accepts it
#    offline.
if [ -n "$identity" ]; then
    codesign --force --timestamp --sign "$identity" "$dmg"
    if [ -n "$profile" ]; then
        xcrun notarytool submit "$dmg" --keychain-profile "$profile" --wait
        xcrun stapler staple "$dmg"
        spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
    else
        echo "build-dmg: ADVOCATE_NOTARY_PROFILE is not set: signed but not notarized" >&2
    fi
fi
shasum -a 256 "$dmg"
