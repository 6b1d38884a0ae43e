"""First-time parse of any file the app opens (text, web page, Markdown, Word, PDF): the 2 s target.

    python benchmarks/formats.py FILE... [--repeat 3]

Each file is parsed in a fresh Python process, as when a user opens it for the first time:
the time counts importing the parser and the format's reader (lxml, readability, markdown-it,
python-docx, a PDF library) and the parse itself, not the interpreter's own start nor the
report cache (none is used). ``again`` is a second parse of the same bytes in that process
(the libraries loaded). The best of ``--repeat`` fresh processes is printed, per file:

    file  format  KB  first s  again s  measures

The issue's target: a 100 KB page or a 10-page PDF opens in under 2 s the first time.
Figures go to the README by hand.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

_CHILD = """
import json, sys, time
start = time.perf_counter()
from pathlib import Path
from zimao_tui.document.parse import parse_bytes
path = Path(sys.argv[1])
data = path.read_bytes()
report = parse_bytes(data, str(path), path.suffix)
first = time.perf_counter() - start
start = time.perf_counter()
parse_bytes(data, str(path), path.suffix)
again = time.perf_counter() - start
print(json.dumps({"format": report.format, "first": first, "again": again,
                  "measures": sum(1 for _ in report.measures())}))
"""


def measure(path: Path) -> dict[str, object]:
    """One fresh process's figures for ``path``; an unreadable file's one-line error instead."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["?"])[-1]}
    figures: dict[str, object] = json.loads(done.stdout)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'file':40} {'format':9} {'KB':>6} {'first s':>8} {'again s':>8} {'measures':>8}")
    for path in args.files:
        runs = [measure(path) for _ in range(args.repeat)]
        size = path.stat().st_size / 1024
        if "error" in runs[0]:
            print(f"{path.name[:40]:40} {'-':9} {size:6.0f}  {runs[0]['error']}")
            continue
        best = min(runs, key=lambda r: float(r["first"]))  # type: ignore[arg-type]
        again = min(float(r["again"]) for r in runs)  # type: ignore[arg-type]
        print(
            f"{path.name[:40]:40} {best['format']!s:9} {size:6.0f} {float(best['first']):8.3f}"  # type: ignore[arg-type]
            f" {again:8.3f} {best['measures']!s:>8}"
        )


if __name__ == "__main__":
    main()
