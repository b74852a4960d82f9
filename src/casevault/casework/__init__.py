"""Pure domain rules: no I/O, no Qt, and time always passed in as `now`."""
