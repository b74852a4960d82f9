# Sourced by scripts/run, scripts/test, scripts/nightly and packaging/build-linux.sh: find Python
# 3.11+, make .venv, install casevault into it; check for the system libraries Qt needs.
# Reinstalls only when pyproject.toml or the lock file changes (a hash stamp in .venv).
# Nothing here needs root or a package manager unless something is missing: then, as root with
# apt-get, it installs it; anywhere else it prints the command for apt, dnf, pacman and zypper.

die() { echo "casevault setup: $*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

can_sudo() { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }  # no password asked

as_root() {
  if is_root; then "$@"; else sudo -n "$@"; fi
}

apt_install() {  # apt_install PKG... : install the Debian packages that are missing (scripts/test)
  missing=""
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  [ -z "$missing" ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "please install these Debian packages:$missing"
  is_root || can_sudo || die "please install these Debian packages, then try again:" \
    "sudo apt-get install$missing"
  echo "Installing Debian packages:$missing"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

find_python() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  die "casevault needs Python 3.11 or newer; install it (Ubuntu 22.04: sudo apt-get install" \
    "python3.11 python3.11-venv; Fedora: sudo dnf install python3; Arch: sudo pacman -S python;" \
    "openSUSE: sudo zypper install python311) or name one with PYTHON=/path/to/python3.11"
}

pip_install() {  # pip install ARGS... into .venv, quietly; fails when pip fails
  log=$(mktemp)
  if .venv/bin/python -m pip install --quiet --disable-pip-version-check "$@" >"$log" 2>&1; then
    status=0
  else
    status=$?
  fi
  # The machine-wide pip.conf may name local indexes that do not exist here; that is noise.
  grep -v "^WARNING: Location" "$log" >&2 || true
  rm -f "$log"
  return "$status"
}

ensure_venv() {  # ensure_venv EXTRAS  e.g. ensure_venv "" or ensure_venv "[test]"
  # Installs exactly the versions in requirements/<run|test|package>.lock, every file checked
  # against its sha256 (--require-hashes), then casevault itself without touching them
  # (--no-deps; built with the locked setuptools, --no-build-isolation). ./scripts/lock refreshes
  # the locks. Needs Python and the network (PyPI), no system library and no root.
  py=$(find_python)
  if ! "$py" -c 'import ensurepip, venv' 2>/dev/null; then
    # Only Debian and Ubuntu split venv out of Python.
    if command -v dpkg-query >/dev/null 2>&1; then
      apt_install python3-venv
    else
      die "$py has no venv module; install your distribution's Python venv package"
    fi
  fi
  if [ ! -x .venv/bin/python ]; then
    "$py" -m venv .venv || die "could not create .venv"
  fi
  case "$1" in
    "") lock=requirements/run.lock ;;
    "[test]") lock=requirements/test.lock ;;
    "[package]") lock=requirements/package.lock ;;
    *) die "no lock file for the extras $1" ;;
  esac
  stamp=".venv/.casevault-installed$1"
  want=$(cat pyproject.toml "$lock" | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Installing casevault$1 into .venv from $lock ..."
    pip_install --require-hashes --only-binary :all: -r "$lock" || die "installing $lock failed"
    pip_install --no-deps --no-build-isolation -e ".$1" || die "installing casevault failed"
    .venv/bin/python -c 'import casevault, sqlcipher3' 2>/dev/null || die "installing into .venv failed"
    echo "$want" > "$stamp"
  fi
}

# --- The system libraries, by what Qt's platform plugin links against -----------------------

LIBRARIES=scripts/libraries.tsv  # soname -> package, for apt, dnf, pacman and zypper

qt_platform_plugin() {  # the platform plugin in .venv that Qt will load for QT_QPA_PLATFORM
  case "${QT_QPA_PLATFORM:-}" in
    offscreen*) name=libqoffscreen.so ;;
    wayland*) name=libqwayland.so ;;
    *) name=libqxcb.so ;;  # the X11 plugin: Qt's default, and its fallback under Wayland
  esac
  for plugin in .venv/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/"$name"; do
    [ -f "$plugin" ] && { echo "$plugin"; return 0; }
  done
  return 1
}

missing_libraries() {  # missing_libraries ELF... : the sonames ldd finds nowhere, one a line
  for elf in "$@"; do LC_ALL=C ldd "$elf" 2>/dev/null || true; done |
    awk '$2 == "=>" && $3 == "not" && $4 == "found" { print $1 }' | sort -u
}

has_font() {  # fontconfig with no font at all draws no text
  for dir in /usr/share/fonts /usr/local/share/fonts "${XDG_DATA_HOME:-${HOME:-/nonexistent}/.local/share}/fonts" \
             "${HOME:-/nonexistent}/.fonts"; do
    [ -d "$dir" ] || continue
    find "$dir" \( -name '*.ttf' -o -name '*.otf' -o -name '*.ttc' -o -name '*.pfb' -o -name '*.pcf*' \) \
      2>/dev/null | grep -q . && return 0
  done
  return 1
}

packages_for() {  # packages_for FAMILY NAME... : NAMEs' packages for apt|dnf|pacman|zypper, once each
  family=$1; shift
  awk -v family="$family" -v names=" $* " '
    /^#/ || NF == 0 { next }
    !header { for (i = 1; i <= NF; i++) column[$i] = i; header = 1; next }
    index(names, " " $1 " ") && !seen[$column[family]]++ { printf "%s%s", sep, $column[family]; sep = " " }
    END { print "" }' "$LIBRARIES"
}

unmapped() {  # unmapped NAME... : the NAMEs that scripts/libraries.tsv has no row for
  for name in "$@"; do
    awk -v name="$name" '$1 == name { found = 1 } END { exit !found }' "$LIBRARIES" || printf '%s ' "$name"
  done
}

install_hint() {  # install_hint NAME... : how to install them, for each package family (stderr)
  {
    apt=$(packages_for apt "$@")
    if [ -n "$apt" ]; then
      echo "To install them, run the line for your system, then start casevault again:"
      echo "  Debian, Ubuntu:  sudo apt-get install $apt"
      echo "  Fedora:          sudo dnf install $(packages_for dnf "$@")"
      echo "  Arch:            sudo pacman -S --needed $(packages_for pacman "$@")"
      echo "  openSUSE:        sudo zypper install $(packages_for zypper "$@")"
    fi
    for name in $(unmapped "$@"); do
      echo "$name is not in $LIBRARIES; to find its package: apt-file search $name," \
        "dnf provides '*/$name', pacman -F $name or zypper search --provides $name"
    done
  } >&2
}

check_libraries() {  # check_libraries ELF... : say what the ELF files need and this system lacks
  # As root where apt-get is, install it (Debian/Ubuntu, as CI and containers run); anywhere else
  # print the install commands and carry on: the command line needs none of it.
  missing=$(missing_libraries "$@" | tr '\n' ' ')
  has_font || missing="${missing}font"
  [ -n "$missing" ] || return 0
  missing=${missing% }
  # shellcheck disable=SC2046,SC2086  # both are lists of words
  if is_root && command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
    apt_install $(packages_for apt $missing)
    missing=$(missing_libraries "$@" | tr '\n' ' ')
    has_font || missing="${missing}font"
    [ -n "$missing" ] || return 0
    missing=${missing% }
  fi
  echo "casevault: the desktop window needs system libraries that are missing here: $missing" >&2
  echo "(found by ldd on $*; the command line works without them)" >&2
  # shellcheck disable=SC2086
  install_hint $missing
}
