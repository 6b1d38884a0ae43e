"""Running slow jieba work in a child process, so the app's threads never hold the GIL for it.

jieba's dictionary load is one long call (about 0.8 s) that freezes typing when run in a
thread of the app's process. The app's workers therefore hand such work to
``python -m <module>`` with a JSON job on stdin and wait for it (waiting releases the GIL).
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any


def run_child(module: str, job: dict[str, Any], what: str) -> None:
    """Run ``python -m module`` with ``job`` as JSON on stdin; RuntimeError with its stderr if it fails."""
    proc = subprocess.run(
        [sys.executable, "-m", module],
        input=json.dumps(job, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{proc.stderr.strip()}")
