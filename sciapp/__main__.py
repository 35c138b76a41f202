"""`python -m sciapp`: the same entry point as the `sciapp` console script."""

import sys

from sciapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
