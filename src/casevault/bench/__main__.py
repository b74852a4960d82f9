"""`python -m casevault.bench [--quick] [--gui] [--dir DIR]`: the benchmark, which prints figures
and is never a pass/fail test. It is a developer's tool, not a command of the product.

Without --gui it measures the vault itself (casevault.bench: files, memory, unlock, search and
list, chunk sizes); with --gui, the desktop app (casevault.gui.bench: start-up to the first
painted window, and the case list at 100k cases). Qt is imported only with --gui.

    python -m casevault.bench _child memory ...   is a fresh process the benchmark measures.
"""

from __future__ import annotations

import os
import sys


def _child(argv: list[str]) -> int:
    """A fresh process of the benchmark's: only what it measures is imported."""
    from casevault.bench import child_main  # noqa: PLC0415 - nothing more than the child needs

    os.umask(0o077)
    return child_main(argv)


def _harden() -> None:
    """Private files by default, and no core dumps that could hold keys or plaintext (as the
    casevault command does for itself)."""
    import contextlib  # noqa: PLC0415
    import resource  # noqa: PLC0415

    os.umask(0o077)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _compile_bytecode() -> None:
    """Compile casevault's bytecode first, as installing it does: the processes measured then
    start as an installed casevault starts, not by compiling every module they import (which
    PYTHONDONTWRITEBYTECODE, set in some environments, would make them do on every start)."""
    import compileall  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    import casevault  # noqa: PLC0415

    compileall.compile_dir(Path(casevault.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_child"]:
        return _child(argv[1:])

    import argparse  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from casevault.core import log  # noqa: PLC0415
    from casevault.core.errors import CasevaultError  # noqa: PLC0415
    from casevault.core.fsutil import translate_os_error  # noqa: PLC0415

    parser = argparse.ArgumentParser(
        prog="python -m casevault.bench",
        description="Measure speed and memory on this machine (a benchmark, not a test).",
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument(
        "--dir", metavar="DIR", help="where to put the scratch files (default: a temp folder)"
    )
    parser.add_argument("--gui", action="store_true", help="the desktop app: start-up, case list and search")
    parser.add_argument(
        "--cases",
        type=int,
        metavar="N",
        help="with --gui: cases in the start-up vault (default 10000); with --generate: cases to make",
    )
    parser.add_argument(
        "--big-cases", type=int, metavar="N", help="with --gui: cases in the big list (default 100000)"
    )
    parser.add_argument(
        "--scale",
        nargs="+",
        metavar="VAULT",
        help="issue 15's table on vaults made by casevault.bench.db.generate (each is copied first)",
    )
    parser.add_argument(
        "--generate",
        metavar="VAULT",
        help="make a new fictional vault for --scale: --cases N, 20 notes each, an attachment on "
        "every 50th case (passphrase: casevault.bench.common.PASSPHRASE)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks, and log to stderr")
    args = parser.parse_args(argv)
    if args.generate and (args.cases is None or args.cases < 1):
        parser.error("--generate needs --cases N (at least 1)")
    if not args.gui and not args.generate and (args.cases is not None or args.big_cases is not None):
        parser.error("--cases and --big-cases size the --gui benchmark; add --gui")
    _harden()
    log.configure(args.debug)
    _compile_bytecode()
    scratch = Path(args.dir) if args.dir else None
    try:
        if args.generate:
            from casevault.bench.db import generate_vault  # noqa: PLC0415

            return generate_vault(Path(args.generate), args.cases)
        if args.scale:
            from casevault.bench import _scratch_folder, scale  # noqa: PLC0415

            with _scratch_folder(scratch) as folder:
                return scale.run([Path(v) for v in args.scale], folder, quick=args.quick)
        if args.gui:
            from casevault.gui import bench as gui_bench  # noqa: PLC0415 - Qt only with --gui

            return gui_bench.run(
                quick=args.quick, scratch=scratch, cases=args.cases, big_cases=args.big_cases
            )
        from casevault import bench  # noqa: PLC0415

        return bench.run(quick=args.quick, scratch=scratch)
    except KeyboardInterrupt:
        print("Interrupted; the scratch folder was removed.", file=sys.stderr)
        return 130
    except CasevaultError as err:
        print(err.message, file=sys.stderr)
        return err.exit_code
    except OSError as err:
        if args.debug:
            raise
        print(translate_os_error(err, "the benchmark").message, file=sys.stderr)
        return 1
    except Exception as err:
        if args.debug:
            raise
        # The type only: an exception's text can carry paths.
        print(
            f"An unexpected error stopped the benchmark ({type(err).__name__}); "
            "run with --debug for details.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
