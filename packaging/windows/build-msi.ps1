# SPDX-License-Identifier: GPL-3.0-only
# Builds, deploys, signs and packages the Windows workstation (requirement PK1). Runs on a Windows runner with
# Visual Studio 2022, vcpkg, the .NET SDK (for the `wix` tool) and the Windows SDK (signtool). It cannot run on the
# project's Linux machines; .github/workflows/desktop-installers.yml runs it.
#   pwsh packaging/windows/build-msi.ps1 -Version 0.1.0 [-CertificateThumbprint THUMBPRINT]
# Without a thumbprint nothing is signed (a test build); with one, the certificate (an EV or OV code-signing
# certificate, in the machine or user store or on a token) signs every .exe and .dll, then the MSI.
param(
    [Parameter(Mandatory = $true)][string]$Version,
    [string]$CertificateThumbprint = "",
    [string]$TimestampUrl = "http://timestamp.digicert.com"
)
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
$build = Join-Path $root "build\windows"
$deploy = Join-Path $build "deploy"
$out = Join-Path $root "build\package\dist"

# 1. Release build with vcpkg's Qt, SQLCipher, Qt Keychain and libsodium (README.md, "Windows (vcpkg)"). A GUI
#    program: no console window (CMAKE_WIN32_EXECUTABLE).
cmake -S $root -B $build -G Ninja -DCMAKE_BUILD_TYPE=Release -DADVOCATE_BUILD_TESTS=OFF `
    -DCMAKE_WIN32_EXECUTABLE=ON "-DCMAKE_TOOLCHAIN_FILE=$env:VCPKG_ROOT\scripts\buildsystems\vcpkg.cmake"
if ($LASTEXITCODE) { throw "cmake configure failed" }
cmake --build $build --target advocate-desk
if ($LASTEXITCODE) { throw "build failed" }

# 2. The program and everything it loads in one folder: windeployqt copies the Qt DLLs and plugins (platform,
#    styles, TLS backend); vcpkg's applocal step has already put SQLCipher, Qt Keychain and libsodium beside it.
Remove-Item -Recurse -Force $deploy -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $deploy | Out-Null
Copy-Item (Join-Path $build "app\workstation\advocate-desk.exe") $deploy
Get-ChildItem (Join-Path $build "app\workstation") -Filter *.dll | Copy-Item -Destination $deploy
windeployqt --release --no-translations --no-system-d3d-compiler --no-opengl-sw --compiler-runtime `
    (Join-Path $deploy "advocate-desk.exe")
if ($LASTEXITCODE) { throw "windeployqt failed" }

# 3. Authenticode: every binary first (the MSI only carries them), SHA-256 digests, RFC 3161 timestamp.
function Sign-Files([string[]]$Files) {
    if (-not $CertificateThumbprint) { return }
    signtool sign /sha1 $CertificateThumbprint /fd SHA256 /tr $TimestampUrl /td SHA256 /d "Advocate Desk" $Files
    if ($LASTEXITCODE) { throw "signtool sign failed" }
    signtool verify /pa /q $Files
    if ($LASTEXITCODE) { throw "signtool verify failed" }
}
Sign-Files (Get-ChildItem $deploy -Recurse -Include *.exe, *.dll | ForEach-Object FullName)

# 4. The MSI (WiX v5: `dotnet tool install --global wix`, with its Util extension for the uninstall clean-up).
New-Item -ItemType Directory -Force $out | Out-Null
$msi = Join-Path $out "AdvocateDesk-$Version-x64.msi"
wix extension add -g WixToolset.Util.wixext
wix build (Join-Path $PSScriptRoot "AdvocateDesk.wxs") -arch x64 -ext WixToolset.Util.wixext `
    -d "Version=$Version" -d "DeployDir=$deploy" -o $msi
if ($LASTEXITCODE) { throw "wix build failed" }
Sign-Files @($msi)
Get-FileHash -Algorithm SHA256 $msi | Format-List
