#!/bin/sh
# Build the Linux bundle: dist/casevault/casevault (PyInstaller --onedir), from the repo's .venv
# with the [package] extra. The bundle leaves the C++ runtime, libcups, libexpat and the graphics
# stack to the user's system (packaging/bundle_libs.py), so that it runs on Ubuntu 22.04's glibc
# (packaging/glibc_floor.py checks it). This machine still needs what Qt's xcb platform plugin
# links against, for the tests that run the bundle here: as root with apt-get, the missing ones
# are installed (scripts/bootstrap.sh's check_libraries). Usage: packaging/build-linux.sh [--no-apt]
set -eu
cd "$(dirname "$0")/.."
. scripts/bootstrap.sh

ensure_venv "[package]"
if [ "${1:-}" != "--no-apt" ]; then
  for plugin in .venv/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so; do
    check_libraries "$plugin"
  done
fi

# Reproducibility: file times from the last commit (or the caller's SOURCE_DATE_EPOCH), a fixed
# hash seed, a fixed umask and locale, and a build from scratch every time.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || stat -c %Y pyproject.toml)
fi
export SOURCE_DATE_EPOCH
export PYTHONHASHSEED=0 LC_ALL=C.UTF-8 TZ=UTC
umask 022
rm -rf build/casevault dist/casevault

start=$(date +%s)
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath build --distpath dist packaging/casevault.spec
# Every file gets the same time, so a tarball of dist/casevault is byte-for-byte comparable.
find dist/casevault -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
echo "Built dist/casevault in $(( $(date +%s) - start ))s ($(du -sh dist/casevault | cut -f1)," \
  "SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH, PyInstaller $(.venv/bin/python -m PyInstaller --version))"
