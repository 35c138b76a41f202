"""The bundle's entry point: the same `sciapp` command as the installed one."""

import sys

from sciapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
