# Sourced by scripts/run and scripts/test: find Python 3.11+, make .venv, install casevault into it.
# Reinstalls only when pyproject.toml changes (a hash stamp in .venv).

die() { echo "casevault setup: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@" || die "needs root for: $* (run with sudo)"
  else die "needs root for: $*"
  fi
}

apt_install() {  # apt_install PKG... : install the Debian packages that are missing
  missing=""
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  [ -z "$missing" ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "please install these packages:$missing"
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
  die "casevault needs Python 3.11 or newer (apt-get install python3)"
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
  # the locks.
  py=$(find_python)
  if ! "$py" -c 'import ensurepip, venv' 2>/dev/null; then
    apt_install python3-venv
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
