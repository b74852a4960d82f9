"""Which of the build machine's own libraries the Linux bundle leaves to the user's system.

PyInstaller copies into the bundle every shared library the frozen program links against,
wherever it found it, including the build machine's own (/lib, /usr/lib). Some of those must
come from the user's system instead:

- the C++ runtime (libstdc++, libgcc_s): a bundled one older than the system's breaks the
  system's graphics drivers, which are C++ and loaded into the same process; a newer one (Debian
  12's) needs GLIBC_2.36 and will not start on Ubuntu 22.04;
- libcups and libexpat: Debian 12's need GLIBC_2.36 (arc4random), and every desktop has both;
- the graphics stack: GL/EGL/GLX (libglvnd, which loads the system's own driver), libdrm,
  libgbm, the X11 and xcb client libraries, xkbcommon, Wayland, fontconfig and freetype. These
  talk to the system's display server, driver and font configuration and must match them.

Only libraries that PyInstaller took from the host's library folders are left out: PySide6's
wheels carry Qt (and ICU) inside the wheel, and those stay. Once they are out, a host library
that only they needed (libcups' gnutls and avahi, say) is left out too: nothing else loads it,
and bundled it would shadow the system's own copy for the system's libcups (the bundle runs with
LD_LIBRARY_PATH set to its own folder).

casevault.spec applies this to the Analysis; packaging/deb/build-deb.sh declares the packages
these libraries come from as the .deb's Depends; tests/packaging/test_bundle_libs.py tests it.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import PurePosixPath

# The folders a distribution installs its libraries into (after resolving symlinks, so that
# /lib -> /usr/lib on merged-/usr systems counts too).
HOST_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")
# Python's own modules may live under /usr/lib/python3.X on a distribution's Python: never these.
PYTHON_DIR = re.compile(r"/python\d+(\.\d+)?/|/site-packages/|/dist-packages/")

LEFT_TO_SYSTEM = re.compile(
    r"""^(?:
        libstdc\+\+ | libgcc_s                                   # the C++ runtime
      | libcups | libexpat                                       # need GLIBC_2.36 on Debian 12
      | libGL | libEGL | libGLX | libGLdispatch | libOpenGL | libGLES\w* | libglapi  # libglvnd, Mesa
      | libdrm | libgbm | libvulkan
      | libX[\w-]* | libxcb(?:-[\w-]+)? | libxkbcommon(?:-x11)?  # X11, xcb, keyboard
      | libwayland-[\w-]+                                        # Wayland
      | libfontconfig | libfreetype                              # the system's fonts
    )\.so(?:\.\d+)*$""",
    re.VERBOSE,
)

Binary = tuple[str, str, str]  # PyInstaller's (name in the bundle, source path, type)


def _name(path: str) -> str:
    return PurePosixPath(path).name


def is_host_library(source: str) -> bool:
    """Whether PyInstaller took this file from the build machine's library folders."""
    real = os.path.realpath(source)
    return real.startswith(HOST_LIBRARY_DIRS) and not PYTHON_DIR.search(real)


def left_to_system(name: str, source: str) -> bool:
    """Whether the bundle leaves this library to the user's system."""
    return is_host_library(source) and bool(LEFT_TO_SYSTEM.match(_name(name)))


@cache
def needed(path: str) -> tuple[str, ...]:
    """The sonames an ELF file links against (its DT_NEEDED entries), from `objdump -p`."""
    proc = subprocess.run(
        ["objdump", "-p", path],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C"},
    )
    return tuple(line.split()[1] for line in proc.stdout.splitlines() if line.strip().startswith("NEEDED"))


def split(
    binaries: Iterable[Binary], needs: Callable[[str], Iterable[str]] = needed
) -> tuple[list[Binary], list[Binary], list[Binary]]:
    """(kept, left to the system, no longer needed): the last are host libraries that only the
    libraries left to the system linked against. Everything not from the host is a root: its
    needs are followed through the host libraries that stay."""
    binaries = list(binaries)
    system = [b for b in binaries if left_to_system(b[0], b[1])]
    rest = [b for b in binaries if not left_to_system(b[0], b[1])]
    host = {_name(b[0]): b for b in rest if is_host_library(b[1])}
    wanted: set[str] = set()
    todo = [b for b in rest if not is_host_library(b[1])]
    while todo:
        for soname in needs(todo.pop()[1]):
            if soname in host and soname not in wanted:
                wanted.add(soname)
                todo.append(host[soname])
    kept = [b for b in rest if not is_host_library(b[1]) or _name(b[0]) in wanted]
    unneeded = [b for b in rest if is_host_library(b[1]) and _name(b[0]) not in wanted]
    return kept, system, unneeded
