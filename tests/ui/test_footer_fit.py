"""The footer fits 80 columns in both languages (explorer, search, figures, catalogue): no key is cut off,
and it follows the focus (the detail pane's scroll keys replace the tree's ``[ ] t``).

Textual's Footer lays its keys out in one row and docks the palette key (^p) on the right,
over whatever does not fit; a label that is too long hides the last keys (in English
"? Help" was cut and "t Theme" and "q Quit" were gone). Binding descriptions are translated
when the classes are created, so each language runs in a fresh interpreter, which prints
the footer's keys and a screenshot; the test reads the screenshot's last line.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SIZE = (80, 24)

MUST_SHOW = {"/", "[", "]", "b", "c", "?", "t", "q", "^p"}
"""The keys the footer must keep (search, step measures, bookmark, copy, help, theme, quit, palette)."""

FOOTER_RUN = """
import asyncio, json, sys
from zimao_tui.i18n import set_language
set_language(sys.argv[1])
from zimao_tui.store.config import Config
from zimao_tui.document.parse import load_reports
from zimao_tui.paths import bundled_report
from zimao_tui.ui.app import ZimaoApp

async def main():
    app = ZimaoApp(load_reports([bundled_report()]), Config())
    scenes = []
    async with app.run_test(size=(int(sys.argv[2]), int(sys.argv[3]))) as pilot:
        # (state, keys to get there, a footer key only that state shows)
        for state, keys, marker in (
            ("tree", [], "["),
            ("search", ["slash"], "esc"),
            ("detail", ["escape", "tab"], "j"),
            ("figures", ["escape", "f"], "s"),
            ("catalogue", ["escape", "L"], "space"),
        ):
            for key in keys:
                await pilot.press(key)
            for _ in range(200):  # the footer recomposes after the bindings change, then paints
                await pilot.pause()
                shown = [(k.key_display, k.description) for k in app.screen.query("FooterKey")]
                labels = [str(label.render()) for label in app.screen.query("FooterLabel")]
                svg = app.export_screenshot()
                painted = f'-line-{int(sys.argv[3]) - 1})"' in svg  # the last row has text
                if marker in [key for key, _ in shown] and painted:
                    break
            scenes.append({"state": state, "keys": shown, "labels": labels, "svg": svg})
    print(json.dumps(scenes))

asyncio.run(main())
"""

SVG_TEXT = re.compile(r'<text [^>]*clip-path="url\(#[^"]*-line-(\d+)\)"[^>]*>([^<]*)</text>')


def screen_line(svg: str, row: int) -> str:
    """The text of screen row ``row`` in a Textual SVG screenshot (each cell run is one <text>)."""
    return "".join(html.unescape(text) for line, text in SVG_TEXT.findall(svg) if int(line) == row)


def footer_scenes(lang: str, data: Path) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-c", FOOTER_RUN, lang, *map(str, SIZE)],
        env={**os.environ, "ZIMAO_TUI_DATA_DIR": str(data)},  # the catalogue's library: a new one
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_footer_key_is_whole_on_the_last_line(lang: str, tmp_path: Path) -> None:
    scenes = footer_scenes(lang, tmp_path / "data")
    assert [scene["state"] for scene in scenes] == ["tree", "search", "detail", "figures", "catalogue"]
    for scene in scenes:
        keys = scene["keys"]
        assert isinstance(keys, list) and keys, scene["state"]
        svg = scene["svg"]
        assert isinstance(svg, str)
        (tmp_path / f"footer-{lang}-{scene['state']}.svg").write_text(svg, encoding="utf-8")
        last = screen_line(svg, SIZE[1] - 1).replace("\xa0", " ")
        shown = [f"{key} {description}".strip() for key, description in keys]
        cut = [entry for entry in [*shown, *scene["labels"]] if entry not in last]  # type: ignore[misc]
        assert cut == [], f"{lang}, {scene['state']}: cut off {cut} in {last!r}"
    tree, search, detail, figures, catalogue = ({key for key, _ in scene["keys"]} for scene in scenes)  # type: ignore[union-attr]
    assert {"s", "r", "?", "q"} <= figures
    assert tree >= MUST_SHOW and "esc" not in tree
    assert "esc" in search and "[" not in search  # the search field's own footer
    # the detail pane's footer: its scroll keys as one entry, not the tree's [ ] t
    assert {"j", "k", "g", "G"} <= detail and not detail & {"[", "]", "t"}
    assert {"/", "b", "c", "?", "q"} <= detail
    assert scenes[2]["labels"] == [{"en": "Scroll", "zh": "滚动"}[lang]]
    # the catalogue's own keys, and quitting, fit beside ^p (its footer leaves out t)
    assert {"⏎", "space", "/", "s", "?", "q", "^p"} <= catalogue and "t" not in catalogue


def test_screen_line_reads_a_screenshot_row() -> None:
    svg = (
        '<text class="r1" x="0" y="1" clip-path="url(#terminal-1-line-23)">&#160;/&#160;</text>'
        '<text class="r2" x="9" y="1" clip-path="url(#terminal-1-line-23)">搜索</text>'
        '<text class="r2" x="9" y="1" clip-path="url(#terminal-1-line-2)">other</text>'
    )
    assert screen_line(svg, 23) == "\xa0/\xa0搜索"
