"""`python -m casevault.bench _child ...`: the fresh processes the benchmark measures."""

import os
import sys

from casevault.bench import child_main

if sys.argv[1:2] != ["_child"]:
    print("run the benchmark with `casevault bench [--quick] [--dir DIR]`", file=sys.stderr)
    sys.exit(2)
os.umask(0o077)
sys.exit(child_main(sys.argv[2:]))
