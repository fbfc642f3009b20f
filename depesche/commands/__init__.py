"""Commands: the command line, `serve`, `check` and `new`."""
