"""``python -m redlint`` and the wheel's ``redlint`` script: the command line."""

import sys

from . import main as _main


def main() -> None:
    sys.stdout.flush()
    sys.exit(_main())


if __name__ == "__main__":
    main()
