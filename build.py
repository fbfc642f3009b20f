#!/usr/bin/env python3
"""Build the Depesche site: `python build.py --help` lists the commands."""
import sys

from depesche.commands.cli import main

if __name__ == "__main__":
    sys.exit(main())
