#!/bin/sh
# Build the Linux bundle: dist/casevault/casevault (PyInstaller --onedir), from the repo's .venv
# with the [package] extra. Installs the Debian libraries Qt's xcb platform plugin needs when
# they are missing (packaging/README.md lists them). Usage: packaging/build-linux.sh [--no-apt]
set -eu
cd "$(dirname "$0")/.."
. scripts/bootstrap.sh

if [ "${1:-}" != "--no-apt" ]; then
  # ldd on PySide6/Qt/plugins/platforms/libqxcb.so and libQt6XcbQpa.so.6: the xcb libraries the
  # real window needs (offscreen needs none of them), plus what scripts/test already installs.
  apt_install libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libx11-6 libglib2.0-0 \
    libdbus-1-3 libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 \
    libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-render0 \
    libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 libxcb-util1
fi
ensure_venv "[package]"

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
