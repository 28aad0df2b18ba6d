"""``python -m duloxinfo``: see :mod:`duloxinfo.cli`."""

import sys

from .cli import main

sys.exit(main())
