"""casevault: a local-first, encrypted case vault for union reps."""

__version__ = "0.1.0"
