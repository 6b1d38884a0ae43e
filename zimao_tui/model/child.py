"""Running slow jieba work in a child process, so the app's threads never hold the GIL for it.

jieba's dictionary load is one long call (about 0.8 s) that freezes typing when run in a
thread of the app's process. The app's workers therefore hand such work to
``python -m <module>`` with a JSON job on stdin and wait for it (waiting releases the GIL).
The child answers with JSON on stdout: what it could not write into the cache (a full disk,
a read-only folder) comes back that way, so an unwritable cache never costs the result.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any


def run_child(module: str, job: dict[str, Any], what: str) -> dict[str, Any]:
    """Run ``python -m module`` with ``job`` as JSON on stdin and return its JSON answer
    ({} if it printed none); RuntimeError with its stderr's last line if it fails."""
    proc = subprocess.run(
        [sys.executable, "-m", module],
        input=json.dumps(job, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines()  # the exception, not a traceback in a toast
        raise RuntimeError(f"{what} failed: {lines[-1] if lines else f'exit status {proc.returncode}'}")
    try:
        answer = json.loads(proc.stdout) if proc.stdout.strip() else {}
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"{what} failed: unreadable answer ({exc})") from exc
    if not isinstance(answer, dict):
        raise RuntimeError(f"{what} failed: unreadable answer")
    return answer
