"""The model packages stay usable without Textual, and the old flat ``model`` package is gone.

import-linter (``lint-imports``, contracts in pyproject.toml) checks the whole layering in CI;
these tests keep the two rules that matter most running with plain pytest too.
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import zimao_tui

ROOT = Path(zimao_tui.__file__).parent
MODEL_PACKAGES = ("document", "search", "insights", "store")


def _model_files() -> list[Path]:
    files = [ROOT / "i18n.py", ROOT / "paths.py"]
    for package in MODEL_PACKAGES:
        files += sorted((ROOT / package).rglob("*.py"))
    return files


def test_model_sources_never_import_textual_ui_or_cli() -> None:
    offenders = []
    for path in _model_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(ROOT)}: {n}"
                for n in names
                if n == "textual" or n.startswith(("textual.", "zimao_tui.ui", "zimao_tui.cli"))
            ]
    assert offenders == []


def test_importing_every_model_module_loads_no_textual() -> None:
    modules = sorted(
        ".".join(("zimao_tui", *p.relative_to(ROOT).with_suffix("").parts)).removesuffix(".__init__")
        for p in _model_files()
    )
    assert "zimao_tui.search.segment" in modules  # the walk found the packages
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print(any(k.startswith('textual') for k in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_flat_model_package_is_gone_and_nothing_names_it() -> None:
    """No re-export shims: a merge that brings back ``zimao_tui.model`` imports fails here."""
    assert importlib.util.find_spec("zimao_tui.model") is None
    stale = [
        str(path.relative_to(ROOT.parent))
        for folder in (ROOT, ROOT.parent / "tests", ROOT.parent / "benchmarks")
        for path in folder.rglob("*.py")
        if "zimao_tui.model." in path.read_text(encoding="utf-8") and path.name != "test_layering.py"
    ]
    assert stale == []
