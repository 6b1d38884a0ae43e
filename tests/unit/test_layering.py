"""The model stays usable without Textual: no module under zimao_tui/model imports it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import zimao_tui.model

MODEL = Path(zimao_tui.model.__file__).parent


def test_model_sources_never_import_textual() -> None:
    offenders = []
    for path in MODEL.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n == "textual" or n.startswith(("textual.", "zimao_tui.ui"))
            ]
    assert offenders == []


def test_importing_every_model_module_loads_no_textual() -> None:
    modules = sorted(f"zimao_tui.model.{p.stem}" for p in MODEL.glob("*.py") if p.stem != "__init__")
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print(any(k.startswith('textual') for k in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
