#!/bin/sh
# Build dist/casevault_VERSION_ARCH.deb from the PyInstaller bundle (packaging/build-linux.sh):
#   packaging/deb/build-deb.sh [BUNDLE]        BUNDLE defaults to dist/casevault
# The bundle goes to /opt/casevault with /usr/bin/casevault linking to it; the .desktop file,
# icons, AppStream metainfo and shared-mime-info XML to /usr/share; the copyright (DEP-5) and a
# changelog to /usr/share/doc/casevault. Depends names the system libraries the bundle takes
# from the system (packaging/deb/depends.py). Every directory is 0755, every file 0644 but the
# executable (0755), all owned by root (dpkg-deb --root-owner-group), all dated
# SOURCE_DATE_EPOCH. Needs dpkg-deb, objdump, python3; no root. DEB_COMPRESS=none (or gzip,
# zstd) trades size for speed while trying things (xz, the default, takes minutes here).
set -eu
cd "$(dirname "$0")/../.."

BUNDLE=${1:-dist/casevault}
[ -x "$BUNDLE/casevault" ] || { echo "build-deb: no bundle at $BUNDLE; run packaging/build-linux.sh" >&2; exit 1; }
start=$(date +%s)

# The desktop files: in resources/ at the top of the repository, or (newer) package data in
# src/casevault/resources/. DESKTOP is the one name every other file is found from.
APP_ID=org.casevault.CaseVault
find_resource() {  # find_resource NAME : the first file called NAME in the known places
  find src/casevault/resources resources -name "$1" -type f 2>/dev/null | sort | head -n 1
}
DESKTOP=$(find_resource "$APP_ID.desktop")
METAINFO=$(find_resource "$APP_ID.metainfo.xml")
MIME_XML=$(find src/casevault/resources resources -path '*/mime/*' -name "$APP_ID.xml" -type f 2>/dev/null | head -n 1)
ICONS=$(find src/casevault/resources resources -type d -name hicolor 2>/dev/null | head -n 1)
[ -n "$DESKTOP" ] || { echo "build-deb: $APP_ID.desktop not found" >&2; exit 1; }
[ -n "$METAINFO" ] || { echo "build-deb: $APP_ID.metainfo.xml not found" >&2; exit 1; }
[ -n "$ICONS" ] || { echo "build-deb: no hicolor icon folder found" >&2; exit 1; }

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || stat -c %Y pyproject.toml)
fi
export SOURCE_DATE_EPOCH LC_ALL=C.UTF-8 TZ=UTC
umask 022

# 0.2.0.dev1 / 0.2.0rc1 (Python) -> 0.2.0~dev1 / 0.2.0~rc1 (Debian: sorts before 0.2.0).
py_version=$("$BUNDLE/casevault" --version | sed -n 's/^casevault //p')
[ -n "$py_version" ] || { echo "build-deb: $BUNDLE/casevault --version printed no version" >&2; exit 1; }
VERSION=$(echo "$py_version" | sed -E 's/\.?(dev|a|b|rc)([0-9]*)$/~\1\2/')
ARCH=$(dpkg --print-architecture)
MAINTAINER=${DEB_MAINTAINER:-"casevault developers <noreply@casevault.invalid>"}

STAGE=build/deb/casevault_${VERSION}_$ARCH
OUT=dist/casevault_${VERSION}_$ARCH.deb
rm -rf "$STAGE" "$OUT"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/metainfo" "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/icons" \
  "$STAGE/usr/share/doc/casevault" "$STAGE/usr/share/lintian/overrides" "$STAGE/usr/share/man/man1"

cp -a "$BUNDLE" "$STAGE/opt/casevault"
ln -s /opt/casevault/casevault "$STAGE/usr/bin/casevault"
cp "$DESKTOP" "$STAGE/usr/share/applications/$APP_ID.desktop"
cp "$METAINFO" "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"
[ -z "$MIME_XML" ] || cp "$MIME_XML" "$STAGE/usr/share/mime/packages/$APP_ID.xml"
cp -R "$ICONS" "$STAGE/usr/share/icons/hicolor"
cp packaging/deb/copyright "$STAGE/usr/share/doc/casevault/copyright"
cp packaging/deb/lintian-overrides "$STAGE/usr/share/lintian/overrides/casevault"
gzip -9n < packaging/deb/casevault.1 > "$STAGE/usr/share/man/man1/casevault.1.gz"
{
  echo "casevault ($VERSION) unstable; urgency=medium"
  echo
  echo "  * casevault $py_version, packaged from its PyInstaller bundle."
  echo
  echo " -- $MAINTAINER  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > "$STAGE/usr/share/doc/casevault/changelog.gz"
cp packaging/deb/postinst packaging/deb/postrm "$STAGE/DEBIAN/"

# Permissions: directories 0755, files 0644, the executables 0755 (the program and the
# maintainer scripts); PyInstaller leaves its libraries 0755, which Debian's policy does not want.
find "$STAGE" -type d -exec chmod 0755 {} +
find "$STAGE" -type f -exec chmod 0644 {} +
chmod 0755 "$STAGE/opt/casevault/casevault" "$STAGE/DEBIAN/postinst" "$STAGE/DEBIAN/postrm"

depends=$(python3 packaging/deb/depends.py "$STAGE/opt/casevault")
installed_kib=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: casevault
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $installed_kib
Depends: $depends
Recommends: fonts-dejavu-core | fonts-liberation2 | fonts-noto-core
Suggests: gnome-keyring
Section: utils
Priority: optional
Description: encrypted case vault for union reps
 casevault keeps each member's case apart, with its own keys: first-meeting
 notes, the paper trail and the documents (disciplinary letters, sickness
 records, discrimination complaints), all encrypted the moment they arrive.
 It opens through the desktop's keychain, and the passphrase always works as
 a way back in. When a closed case's archive period ends, it reminds the rep
 to destroy it beyond recovery.
 .
 This package installs the self-contained build in /opt/casevault.
EOF
(cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -exec md5sum {} + | sed 's|  \./|  |' |
  LC_ALL=C sort -k 2) > "$STAGE/DEBIAN/md5sums"
chmod 0644 "$STAGE/DEBIAN/control" "$STAGE/DEBIAN/md5sums"
find "$STAGE" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-xz}" --threads-max="$(nproc)" --build "$STAGE" "$OUT" >/dev/null
echo "Built $OUT in $(( $(date +%s) - start ))s: $(du -h "$OUT" | cut -f1) (installed $(( installed_kib / 1024 )) MiB)"
