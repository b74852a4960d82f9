#!/bin/sh
# Nightly (issue 19): the wheel and the sdist, and an sdist that builds, tests and packages from
# itself. Writes dist/casevault-<version>.tar.gz and dist/casevault-<version>-py3-none-any.whl from
# this checkout; then unpacks the sdist into a scratch folder, installs it there the way
# scripts/test installs a checkout (its own scripts/bootstrap.sh: the locked, hashed dependencies
# from PyPI, then casevault from the unpacked tree), runs its unit tests, and builds a wheel from
# the unpacked tree too. Usage: packaging/check_sdist.sh   (from anywhere; needs the network)
set -eu
cd "$(dirname "$0")/.."
. scripts/bootstrap.sh
ensure_venv "[test]"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/casevault-sdist.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
rm -f dist/casevault-*.tar.gz dist/casevault-*.whl
mkdir -p dist
# setuptools' own PEP 517 hooks, with the locked setuptools already in .venv: no `build` package
# and no download of build requirements. Its log goes to a file, shown only if it fails.
log="$scratch/build.log"
sdist=$(.venv/bin/python -c '
import contextlib, sys
from setuptools import build_meta
with contextlib.redirect_stdout(sys.stderr):
    name = build_meta.build_sdist("dist")
print(name)' 2>"$log") || { cat "$log" >&2; die "building the sdist failed"; }
.venv/bin/python -m pip wheel --quiet --no-deps --no-build-isolation --disable-pip-version-check \
  -w dist . >"$log" 2>&1 || { cat "$log" >&2; die "building the wheel failed"; }
echo "Built dist/$sdist and dist/$(cd dist && ls casevault-*.whl)"
tar -xzf "dist/$sdist" -C "$scratch"
tree="$scratch/${sdist%.tar.gz}"
for needed in LICENSE README.md pyproject.toml requirements/test.lock scripts/bootstrap.sh \
  resources/i18n/casevault_fr.ts src/casevault/resources/applications tests/conftest.py; do
  [ -e "$tree/$needed" ] || die "the sdist lacks $needed"
done
(
  cd "$tree"
  . scripts/bootstrap.sh
  ensure_venv "[test]"
  # The unit tests: everything below the GUI, the vault and the CLI, which need no display,
  # keychain or subprocess of the app (the whole suite runs from the checkout in scripts/test).
  QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider \
    tests/crypto tests/core tests/casework tests/store tests/formats tests/test_desktop_files.py
  .venv/bin/python -m pip wheel --quiet --no-deps --no-build-isolation --disable-pip-version-check \
    -w "$scratch/wheel" . >/dev/null
  ls "$scratch/wheel"/casevault-*.whl >/dev/null || die "the unpacked sdist built no wheel"
)
echo "The sdist installs, passes its unit tests and builds a wheel from itself."
