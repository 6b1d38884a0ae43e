"""Command palette (ctrl+p): jump to any chapter, section or measure; theme; copy; lists.

The commands other than themes and jumps are the screens' own bindings: a class lists the
binding ids it offers in the palette, with their titles, in ``PALETTE`` beside its
``BINDINGS``, and the palette shows the key each one has now (remapped or not).

Jump targets are built from the open reports once per palette opening; fuzzy matching is
Textual's own matcher, so typing 人才 or a number like (三) finds headings and measures. Pinyin
and initials (``rcgz``, ``rencai``) find measures as the search bar does: through its index
(the search package's matching, not a second one), once the index is loaded; headings, which
the index does not hold, by the search package's rule for short labels (``search/labels.py``:
``zscq`` finds the 知识产权 headings). Reports read
before are offered as "Recent: …" (``store/reading.py``); choosing one opens it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.style import Style

from zimao_tui.document.inert import inert
from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.document.shorten import shorten
from zimao_tui.i18n import t
from zimao_tui.search.labels import PINYIN_QUERY, match_label

if TYPE_CHECKING:
    from zimao_tui.search.search import Hit as SearchHit
    from zimao_tui.ui.app import ZimaoApp
    from zimao_tui.ui.screens.explorer import ExplorerScreen

MEASURE_PREVIEW = 30
"""Characters of a measure in its palette entry: with its heading numbers, one line of the
palette at 80 columns (a longer entry wraps, and the palette wraps by cells, not by the
Chinese line-breaking rules)."""


def highlight(matcher: Matcher, candidate: str) -> Content:
    """``candidate`` as inert literal text with the matched characters styled.

    Textual's ``Matcher.highlight`` reads the candidate as markup: a heading's ``[/]``
    crashed the palette and ``[link=…]`` made a link. The candidate is a report's heading
    or measure, or a theme's name from a file; one character is replaced for one, so the
    matcher's offsets still fit.
    """
    content = Content(inert(candidate))
    _, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _measure_label(report: Report, measure: Measure, several: bool) -> str:
    prefix = f"《{report.title}》" if several else ""
    return f"{prefix}{report.numbers(measure.id)} {shorten(measure.text, MEASURE_PREVIEW)}"


def _targets(reports: list[Report]) -> Iterator[tuple[str, Report, Heading | Measure]]:
    several = len(reports) > 1
    for report in reports:
        prefix = f"《{report.title}》" if several else ""
        for heading in report.headings():
            yield f"{prefix}{report.numbers(heading.id)}{heading.label}", report, heading
        for measure in report.measures():
            yield _measure_label(report, measure, several), report, measure


PINYIN_HITS = 20
"""Measures the palette lists for a pinyin query (the search bar lists more)."""


def span_highlight(candidate: str, span: tuple[int, int], style: Style) -> Content:
    """``candidate`` as inert literal text with ``span`` (a pinyin match) styled."""
    return Content(inert(candidate)).stylize(style, *span)


def heading_pinyin_match(label: str, heading: Heading, query: str) -> tuple[float, tuple[int, int]] | None:
    """A palette heading entry matched by pinyin or initials on the heading's own words (not
    the report's title before it, which every entry of the report shares): score and span in
    ``label``."""
    found = match_label(query, heading.label)
    if found is None:
        return None
    offset = len(label) - len(heading.label)  # the entry ends with the heading's label
    return found.score, (found.span[0] + offset, found.span[1] + offset)


def _pinyin_hits(explorer: ExplorerScreen, query: str) -> list[SearchHit]:
    """The search bar's hits for a pinyin or initials query, best first; none before its
    index is loaded or for a query that is not letters (Chinese is matched above)."""
    from zimao_tui.ui.widgets.search_bar import SearchBar

    index = explorer.query_one(SearchBar).index
    if index is None or not PINYIN_QUERY.fullmatch(query.strip()):
        return []
    return list(index.search(query.strip(), PINYIN_HITS))


class ZimaoCommands(Provider):
    """zimao-tui's palette commands; they act on the explorer screen underneath."""

    def _explorer(self) -> ExplorerScreen | None:
        from zimao_tui.ui.screens.explorer import ExplorerScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, ExplorerScreen):
                return screen
        return None

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        """Themes, then one command per binding named in a class's ``PALETTE``.

        The bindings are read from ``active_bindings`` of each screen in the stack, top
        first (the explorer's commands stay reachable over a list screen, acting on the
        explorer, as they always have), so the key shown is the one the user's ``[keys]``
        gave it. A new screen's command is its binding plus one ``PALETTE`` line beside it.
        """
        from zimao_tui.ui.app import ZimaoApp

        app = self.app
        commands: list[tuple[str, Callable[[], object], str]] = []
        if isinstance(app, ZimaoApp):
            zimao: ZimaoApp = app
            for name in zimao.theme_names:
                commands.append((t("cmd.theme", name=name), partial(zimao.choose_theme, name), ""))
        found: dict[str, tuple[str, Callable[[], object], list[str], bool]] = {}
        for screen in reversed(app.screen_stack):
            if isinstance(screen, CommandPalette):
                continue
            for key, active in screen.active_bindings.items():
                binding, node = active.binding, active.node
                title = getattr(type(node), "PALETTE", {}).get(binding.id)
                if title is None or not active.enabled:
                    continue
                run = partial(app.run_action, binding.action, node)
                _, _, keys, _ = found.setdefault(binding.id or key, (title, run, [], node is app))
                shown = app.get_key_display(binding)
                if shown not in keys:
                    keys.append(shown)
        # The app's own (help) first, as the palette always listed them; sorted() is stable.
        listed = sorted(found.values(), key=lambda command: not command[3])
        commands += [(title, run, " ".join(keys)) for title, run, keys, _ in listed]
        return commands

    def _recent(self) -> list[tuple[str, Callable[[], object], str]]:
        """Reports opened before that are not open now, newest first: (title, open it, path)."""
        from zimao_tui.ui.app import ZimaoApp
        from zimao_tui.ui.screens.open_flow import open_report

        app = self.app
        if not isinstance(app, ZimaoApp):
            return []
        open_now = {r.origin for r in app.reports}
        return [
            (t("cmd.recent", title=recent.title), partial(open_report, app, Path(recent.path)), recent.path)
            for recent in app.reading.recent
            if recent.path not in open_now
        ]

    async def discover(self) -> Hits:
        for name, callback, key in [*self._commands(), *self._recent()]:
            yield DiscoveryHit(Content(inert(name)), callback, text=name, help=inert(key))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, key in [*self._commands(), *self._recent()]:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlight(matcher, name), callback, text=name, help=inert(key))
        explorer = self._explorer()
        if explorer is None:
            return
        goto = t("cmd.goto")
        for hit in _pinyin_hits(explorer, query):
            label = _measure_label(hit.report, hit.measure, len(explorer.reports) > 1)
            yield Hit(
                hit.score / 100 * 0.9,
                Content(inert(label)),
                partial(explorer.go_to, hit.report, hit.measure),
                text=label,
                help=goto,
            )
        for label, report, node in _targets(explorer.reports):
            score = matcher.match(label)
            content = highlight(matcher, label) if score > 0 else None
            if content is None and isinstance(node, Heading):
                pinyin = heading_pinyin_match(label, node, query)
                if pinyin is not None:
                    score = pinyin[0]
                    content = span_highlight(label, pinyin[1], matcher.match_style)
            if content is not None:
                yield Hit(
                    score * 0.9,
                    content,
                    partial(explorer.go_to, report, node),
                    text=label,
                    help=goto,
                )
