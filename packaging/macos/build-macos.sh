#!/bin/sh
# Build, sign, notarise and staple casevault.app (not run here: needs macOS 14.4 or newer on Apple
# silicon, Xcode's command-line tools, Python 3.11+, and for a release a "Developer ID
# Application" certificate in the login keychain and a notarytool profile:
#   xcrun notarytool store-credentials casevault-notary --apple-id ... --team-id ... --password ...
# Usage:
#   CASEVAULT_SIGN_ID="Developer ID Application: NAME (TEAMID)" packaging/macos/build-macos.sh
#   CASEVAULT_SIGN_ID=- packaging/macos/build-macos.sh   # ad-hoc signature, no notarisation:
#                                                         # what CI builds and smoke-tests
# .github/workflows/desktop-bundles.yml runs the second form, then packaging/smoke_bundle.py and
# packaging/macos/macos_floor.py on the result.
set -eu
cd "$(dirname "$0")/../.."
: "${CASEVAULT_SIGN_ID:?set CASEVAULT_SIGN_ID to your Developer ID Application identity, or to - for an ad-hoc signed build that is not notarised}"
NOTARY_PROFILE=${NOTARY_PROFILE:-casevault-notary}
PYTHON=${PYTHON:-python3}

# Exactly the locked versions, every file checked against its sha256 (as scripts/bootstrap.sh's
# ensure_venv does on Linux), then casevault itself without touching them.
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --require-hashes --only-binary :all: -r requirements/package.lock
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e ".[package]"

export PYTHONHASHSEED=0
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
export SOURCE_DATE_EPOCH
rm -rf build dist
.venv/bin/python -m PyInstaller --noconfirm --clean packaging/casevault.spec   # -> dist/casevault.app

# Ad-hoc (-) signatures carry no secure timestamp; a Developer ID one needs it for notarisation.
if [ "$CASEVAULT_SIGN_ID" = "-" ]; then timestamp=--timestamp=none; else timestamp=--timestamp; fi
codesign --force --deep --options runtime "$timestamp" \
  --entitlements packaging/macos/entitlements.plist \
  --sign "$CASEVAULT_SIGN_ID" dist/casevault.app
codesign --verify --deep --strict --verbose=2 dist/casevault.app
if [ "$CASEVAULT_SIGN_ID" = "-" ]; then
  echo "dist/casevault.app is ad-hoc signed and not notarised: for testing on this Mac only."
  exit 0
fi

ditto -c -k --keepParent dist/casevault.app dist/casevault.zip
xcrun notarytool submit dist/casevault.zip --keychain-profile "$NOTARY_PROFILE" --wait
xcrun stapler staple dist/casevault.app
spctl --assess --type execute --verbose dist/casevault.app

echo "dist/casevault.app is signed, notarised and stapled."
