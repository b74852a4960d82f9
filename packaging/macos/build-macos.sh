#!/bin/sh
# Build, sign, notarise and staple casevault.app (not run here: needs macOS, Xcode command-line
# tools, a "Developer ID Application" certificate in the login keychain and a notarytool profile:
#   xcrun notarytool store-credentials casevault-notary --apple-id ... --team-id ... --password ...
# Usage: CASEVAULT_SIGN_ID="Developer ID Application: NAME (TEAMID)" packaging/macos/build-macos.sh
set -eu
cd "$(dirname "$0")/../.."
: "${CASEVAULT_SIGN_ID:?set CASEVAULT_SIGN_ID to your Developer ID Application identity}"
NOTARY_PROFILE=${NOTARY_PROFILE:-casevault-notary}

python3 -m venv .venv
.venv/bin/pip install --quiet -e ".[package]"
export PYTHONHASHSEED=0
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
export SOURCE_DATE_EPOCH
rm -rf build dist
.venv/bin/pyinstaller --noconfirm --clean packaging/casevault.spec   # -> dist/casevault.app

codesign --force --deep --options runtime --timestamp \
  --entitlements packaging/macos/entitlements.plist \
  --sign "$CASEVAULT_SIGN_ID" dist/casevault.app
codesign --verify --deep --strict --verbose=2 dist/casevault.app

ditto -c -k --keepParent dist/casevault.app dist/casevault.zip
xcrun notarytool submit dist/casevault.zip --keychain-profile "$NOTARY_PROFILE" --wait
xcrun stapler staple dist/casevault.app
spctl --assess --type execute --verbose dist/casevault.app

echo "dist/casevault.app is signed, notarised and stapled."
