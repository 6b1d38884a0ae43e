"""How long a Word or PDF file takes to open the first time: a fresh Python per run.

Usage: python benchmarks/formats_binary.py [--runs N] [--compare] FILE...

Each run starts a new interpreter (so the reader's imports, python-docx or pypdfium2, are paid
as a user pays them on first opening such a file) and times ``load_report(FILE)`` without the
report cache: reading, layout, metadata, numbering and tree. Prints the median and minimum of
the runs per file, and the part spent in the format reader alone. With ``--compare`` (and
pdfminer.six installed), also times pdfminer.six's ``extract_text`` on each PDF the same way:
the measurement behind choosing pypdfium2. Target (issue 13): a 10-page PDF under 2 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

OURS = """
import json, sys, time
from pathlib import Path
start = time.perf_counter()
from zimao_tui.document.formats import read_source
from zimao_tui.document.parse import load_report
path = Path(sys.argv[1])
t0 = time.perf_counter()
source = read_source(path.read_bytes(), str(path), path.suffix)
t1 = time.perf_counter()
report = load_report(path)
t2 = time.perf_counter()
print(json.dumps({"reader": t1 - t0, "total": (t1 - start) + (t2 - t1), "lines": len(source.lines),
                  "measures": sum(1 for _ in report.measures())}))
"""

PDFMINER = """
import io, json, sys, time
start = time.perf_counter()
from pdfminer.high_level import extract_text
text = extract_text(io.BytesIO(open(sys.argv[1], "rb").read()))
print(json.dumps({"reader": time.perf_counter() - start, "total": time.perf_counter() - start,
                  "lines": text.count("\\n"), "measures": 0}))
"""


def _runs(code: str, path: Path, runs: int) -> list[dict[str, float]]:
    out = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
        )
        out.append(json.loads(done.stdout))
    return out


def _pages(path: Path) -> str:
    if path.suffix.lower() != ".pdf":
        return "-"
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return str(len(document))
    finally:
        document.close()


def _row(label: str, path: Path, results: list[dict[str, float]]) -> str:
    total = [r["total"] for r in results]
    reader = [r["reader"] for r in results]
    return (
        f"{label:<10} {path.name:<28} {_pages(path):>5} {path.stat().st_size / 1024:>7.0f} KB"
        f"  first open {statistics.median(total):6.3f} s (min {min(total):.3f})"
        f"  reader {statistics.median(reader):6.3f} s  {int(results[0]['measures'])} measures"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", action="store_true", help="also time pdfminer.six on each PDF")
    args = parser.parse_args()
    print(f"{'reader':<10} {'file':<28} {'pages':>5} {'size':>10}  (median of {args.runs} fresh processes)")
    for path in args.files:
        print(_row("zimao-tui", path, _runs(OURS, path, args.runs)))
        if args.compare and path.suffix.lower() == ".pdf":
            print(_row("pdfminer", path, _runs(PDFMINER, path, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
