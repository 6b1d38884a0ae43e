"""Real-document score (issue 11): six checks per document of ``tests/documents``, as a table.

    python benchmarks/documents.py [-v] [--report DIR] [--known-failing]

Each row is one document; each column one of the checks of ``tests/unit/test_documents.py``
(title, date, top-level divisions, numbered second level, no furniture in the tree, body
sentences kept), ✓ or ✗, then the document's n/6. The last line is the total and its
percentage: the figure issue 11's "at least 90%" is measured by. ``-v`` prints what each failing
check saw. ``--report DIR`` scores another folder of ``<name>.txt`` + ``<name>.expect.toml``.
``--known-failing`` prints, instead of the table, the ``_FAILING_TODAY`` literal for the test
module: what to paste there when a parser change makes checks pass (or fail).
The checks themselves live in the test module (one home); this script only tabulates them.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import unicodedata
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _checks_module() -> ModuleType:
    path = ROOT / "tests" / "unit" / "test_documents.py"
    spec = importlib.util.spec_from_file_location("zimao_document_checks", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="show what failing checks saw")
    parser.add_argument("--report", type=Path, help="a folder of <name>.txt + <name>.expect.toml")
    parser.add_argument(
        "--known-failing", action="store_true", help="print the test module's _FAILING_TODAY literal"
    )
    args = parser.parse_args(argv)

    checks = _checks_module()
    if args.report is not None:
        checks.DOCUMENTS = args.report
    names = checks.document_names()
    if not names:
        print(f"no *.expect.toml in {checks.DOCUMENTS}", file=sys.stderr)
        return 2

    if args.known_failing:
        print("_FAILING_TODAY: dict[str, str] = {")
        for name in names:
            report, expect = checks.report_of(name), checks.load_expect(name)
            failing = [c for c in checks.CHECKS if not checks.run_check(report, expect, c)[0]]
            metadata = checks.check_metadata(report, expect)
            if metadata is not None and not metadata[0]:
                failing.append("metadata")
            if failing:
                print(f'    "{name}": "{" ".join(failing)}",')
        print("}")
        return 0

    name_width = max(_width(n) for n in names)
    col = max(len(c) for c in checks.CHECKS)
    print(_pad("document", name_width), *(c.ljust(col) for c in checks.CHECKS), "score", sep="  ")
    total = 0
    details: list[str] = []
    for name in names:
        expect = checks.load_expect(name)
        try:
            report = checks.report_of(name)
        except Exception as error:  # a document that does not parse scores 0 and says why, always
            marks = ["✗"] * len(checks.CHECKS)
            print(f"{name}: does not parse: {type(error).__name__}: {error}", file=sys.stderr)
        else:
            marks = []
            for check in checks.CHECKS:
                ok, detail = checks.run_check(report, expect, check)
                marks.append("✓" if ok else "✗")
                if not ok:
                    details.append(f"{name} {check}: {detail}")
        passed = marks.count("✓")
        total += passed
        row = [m.ljust(col) for m in marks]
        print(_pad(name, name_width), *row, f"{passed}/{len(checks.CHECKS)}", sep="  ")
    possible = len(names) * len(checks.CHECKS)
    print(f"total {total}/{possible} = {100 * total / possible:.1f}% ({len(names)} documents)")
    if args.verbose:
        print()
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
