"""``python -m zimao_tui`` and the ``zimao-tui`` script."""

from __future__ import annotations

import sys

from zimao_tui.cli import main

if __name__ == "__main__":
    sys.exit(main())
