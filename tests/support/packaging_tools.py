"""Helpers for the packaging tests: load a file of packaging/ as a module (packaging/ is not a
package, and its name is taken), and a private X server."""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def load(name: str, folder: str = "") -> ModuleType:
    """packaging/[folder/]name.py as the module `name`, registered under that name, so that
    packaging/smoke_bundle.py's `import smoke_linux` finds the module a test loaded."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / folder / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@contextmanager
def xvfb() -> Iterator[str]:
    """A private X server (Debian's xvfb package) on a free display; yields its name (":N")."""
    server_path = shutil.which("Xvfb")
    assert server_path, "Xvfb is missing: apt-get install xvfb (scripts/nightly installs it)"
    read, write = os.pipe()
    server = subprocess.Popen(
        [server_path, "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1280x800x24"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
