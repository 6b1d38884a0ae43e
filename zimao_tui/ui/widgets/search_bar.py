"""The search bar: type, see hits update, pick one; ↑/↓ in an empty bar recall history.

Searching is a sub-millisecond call on the index, so it runs on every Input.Changed (which
also fires when an input method commits a phrase) on the main thread; nothing can arrive
stale. The index itself is built in a worker by the app and handed over with
``set_index``; until then the bar says so instead of pretending there are no hits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from zimao_tui.document.inert import inert
from zimao_tui.document.report import Measure, Report
from zimao_tui.document.shorten import short_title, shorten
from zimao_tui.i18n import t
from zimao_tui.store.history import SearchHistory
from zimao_tui.ui.text.inert import InertInput, inert_content
from zimao_tui.ui.text.linebreak import Kinsoku
from zimao_tui.ui.text.position import position_text
from zimao_tui.ui.text.styles import STYLE_MATCH

if TYPE_CHECKING:
    from zimao_tui.search.groups import HitGroup
    from zimao_tui.search.search import Hit, SearchIndex

RESULT_LIMIT = 50
"""Results listed under the bar; the status line still gives the true total."""
SNIPPET_BEFORE = 12
SNIPPET_LENGTH = 90
TITLE_CHARS = 10
"""A report's title in a result's location: enough to tell reports apart, short enough
that the location and the match still share one line at 80 columns."""
GROUP_TITLE_CHARS = 30
"""A group header's report title, at most (``short_title``: its start and its distinguishing
end, 《武汉自贸片区…（2023年）》)."""
ONE_LINE_BELOW = 100
"""Narrower than this (an 80-column terminal), each result is one line, cut with "…", so
the list shows many hits and leaves room for the detail pane's preview below it."""


def hit_content(hit: Hit, with_title: bool, one_line: bool) -> Content:
    """A result row: where the hit is (with its report's title when asked), then its match
    with a little context, on one line below ONE_LINE_BELOW columns, else two. The search
    bar and the library search list hits alike."""
    return inert_content(
        Content.assemble(
            (hit_location(hit.report, hit.measure, with_title), "bold $secondary"),
            "  " if one_line else "\n",
            snippet(hit.measure.text, hit.spans),
        )
    )


def hit_location(report: Report, measure: Measure, with_title: bool) -> str:
    """``三、(二) 第5条`` (prefixed by the 《title》, shortened, when several reports are open)."""
    where = f"{report.numbers(measure.id)} {position_text(report, measure)}"
    return f"《{shorten(report.title, TITLE_CHARS)}》{where}" if with_title else where


def snippet(text: str, spans: Sequence[tuple[int, int]]) -> Content:
    """The measure around its first match, matches highlighted, cut with … at the ends."""
    first = min((s for s, _ in spans), default=0)
    start = max(0, first - SNIPPET_BEFORE)
    end = min(len(text), start + SNIPPET_LENGTH)
    content = Content(inert(text[start:end]))  # inert first: Content would drop BEL & co, shifting spans
    for s, e in spans:
        s, e = max(s, start) - start, min(e, end) - start
        if s < e:
            content = content.stylize(STYLE_MATCH, s, e)
    if start > 0:
        content = Content("…") + content
    if end < len(text):
        content = content + Content("…")
    return content


class SearchInput(InertInput):
    """The query field; ↑/↓ move through results (or history), Esc leaves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "step(1)", t("key.results_down"), id="zimao.results_down", show=False),
        Binding("up", "step(-1)", t("key.results_up"), id="zimao.results_up", show=False),
        Binding("escape", "leave", t("key.back"), id="zimao.search_back"),
    ]

    async def _on_key(self, event: events.Key) -> None:
        """Keys of a burst (a paste, typing ahead over SSH) in order, whoever has the focus.

        The app hands each key to whatever is focused when it takes the key off its queue,
        so ``/人才⏎n`` queues all of ``人才⏎n`` here before this field has read any of it.
        Enter jumps in this field's own turn, after the characters before it are in the
        query (the app's bindings would run it before they are); a key handled after the
        jump took the focus away (that ``n``) is sent again, to where the focus is now.
        """
        if self.screen.focused is not self:  # not has_focus: that waits for the Blur event, queued behind
            event.prevent_default()
            event.stop()
            self.app.simulate_key(event.key)
        # App.run_action says whether the action ran (Widget.run_action returns None, which
        # made this branch dead: the Enter went on to Input after the jump).
        elif event.key == "enter" and await self.app.run_action("screen.submit_search", self):
            event.prevent_default()
            event.stop()

    def action_step(self, delta: int) -> None:
        """Delegated to the bar, which knows whether results or history are showing."""
        bar = self.parent
        if isinstance(bar, SearchBar):
            bar.step(delta)

    def action_leave(self) -> None:
        bar = self.parent
        if isinstance(bar, SearchBar):
            bar.leave()


class SearchBar(Vertical):
    """Query field, status line and result list, docked at the top."""

    class Jump(Message):
        """The user picked a hit: show it in the tree and detail pane."""

        def __init__(self, hit: Hit, query: str, hits: Sequence[Hit]) -> None:
            super().__init__()
            self.hit = hit
            self.query = query
            self.hits = list(hits)

    class Preview(Jump):
        """The highlighted result changed (↑/↓, typing): show it without leaving the bar,
        as fzf and telescope do. A kind of Jump, so one handler serves both."""

    class Closed(Message):
        """The user left the bar with Esc: focus goes back to the tree."""

    def __init__(self, reports: Sequence[Report], history: SearchHistory, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reports = list(reports)
        self.history = history
        self.index: SearchIndex | None = None
        self.index_error: str | None = None
        self.hits: list[Hit] = []
        self.total = 0  # how many measures the query matched; ``hits`` holds the listed ones
        self._recall: int | None = None  # position in history while browsing it
        self._ran = ""  # the query the listed hits are for

    def compose(self) -> ComposeResult:
        # The status line and result list are mounted on the first query (``results``):
        # nothing the first screen doesn't show is built before it paints.
        yield SearchInput(placeholder=t("search.placeholder"), id="search-input")

    # ------------------------------------------------------------------ state

    @property
    def input(self) -> SearchInput:
        return self.query_one(SearchInput)

    @property
    def results(self) -> OptionList:
        """The result list, created on first use."""
        found = self.query("#search-results")
        if found:
            return found.only_one(OptionList)
        status = Label("", id="search-status")
        results = OptionList(id="search-results")
        status.display = results.display = False
        self.mount(status, results)
        return results

    @property
    def status(self) -> Label:
        self.results  # noqa: B018  (mounts the status line with the list)
        return self.query_one("#search-status", Label)

    def set_index(self, index: SearchIndex) -> None:
        """The index is ready: run whatever the user typed meanwhile."""
        self.index = index
        self.run_query(self.input.value)

    def set_index_error(self, error: str) -> None:
        self.index_error = error
        self.run_query(self.input.value)

    def _show_results(self, visible: bool) -> None:
        if not visible and not self.query("#search-results"):
            return
        self.status.display = visible
        self.results.display = visible and bool(self.hits)

    def run_query(self, query: str) -> None:
        """Search and redraw the result list (called on every change of the query)."""
        query = query.strip()
        self._ran = query
        if not query and not self.query("#search-results"):
            self.hits, self.total = [], 0
            return
        status = self.status
        self.hits, self.total = [], 0
        self.results.clear_options()
        if not query:
            self._show_syntax(self.input.has_focus)
            return
        if self.index_error is not None:
            status.update(inert_content(t("search.failed", error=self.index_error)))
        elif self.index is None:
            status.update(t("search.loading"))
        else:
            # Only the listed hits are ranked per keystroke (a broad query over 100 reports
            # matches thousands); the total comes with them, and a jump fetches them all.
            results = self.index.search(query, limit=RESULT_LIMIT)
            self.total = results.total
            status.update(inert_content(self._count(query)))
            one_line = self.app.size.width < ONE_LINE_BELOW
            self.results.set_class(one_line, "-one-line")
            self.results.add_options(self._options(list(results), one_line))
            if self.hits:
                self.results.action_first()  # the first hit, past a group's header
        self._show_results(True)

    def _options(self, ranked: list[Hit], one_line: bool) -> list[Option]:
        """The result list's options; sets ``hits`` to the hits in the order listed.

        With several reports open, hits are grouped by report under its short title, said
        once (``search/groups.py``, as the CLI lists them), instead of a title cut to ten
        characters before every hit. A header is a disabled option: the cursor skips it, and
        each hit's option id is its place in ``hits``.
        """
        groups: list[HitGroup | None] = [None]  # one report: one list, no header
        if len(self.reports) > 1:
            from zimao_tui.search.groups import group_by_report  # ~1 ms: not on the start-up path

            groups = list(group_by_report(ranked))
        options: list[Option] = []
        self.hits = []
        for group in groups:
            if group is not None:
                title = short_title(group.report.title, GROUP_TITLE_CHARS)
                options.append(
                    Option(inert_content(Content.styled(f"《{title}》", "bold $primary")), disabled=True)
                )
            for hit in ranked if group is None else group.hits:
                options.append(
                    Option(
                        Kinsoku(hit_content(hit, with_title=False, one_line=one_line)),
                        id=str(len(self.hits)),
                    )
                )
                self.hits.append(hit)
        return options

    def _hit_index(self, option_index: int | None) -> int | None:
        """The place in ``hits`` of the option at ``option_index`` (None: a header, or none)."""
        if option_index is None or not 0 <= option_index < self.results.option_count:
            return None
        option_id = self.results.get_option_at_index(option_index).id
        return int(option_id) if option_id is not None else None

    def _count(self, query: str) -> str:
        total = self.total
        if not total:
            return t("search.none", query=shorten(query, 30))  # a pasted page must not fill the screen
        if total > RESULT_LIMIT:
            return t("search.count_capped", shown=RESULT_LIMIT, n=total)
        return t("search.count", n=total)

    # ------------------------------------------------------------------ events

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        if event.value != self.input.value or event.value.strip() == self._ran:
            # Stale (a burst typed on before this message was read) or already run (Enter
            # ran it, then jumped and hid the list, which must not pop up again now).
            return
        if self._recall is not None and event.value == self._recalled_text():
            return  # the change came from recalling history; keep browsing
        self._recall = None
        self.run_query(event.value)

    def _recalled_text(self) -> str:
        if self._recall is None or not 0 <= self._recall < len(self.history.entries):
            return ""
        return inert(self.history.entries[self._recall])

    def step(self, delta: int) -> None:
        """↓/↑: move the highlighted result, or walk the history when the bar is empty."""
        value = self.input.value
        if not value.strip() or self._recall is not None:
            self._step_history(delta)
            return
        if not self.hits:
            return
        results = self.results
        step = 1 if delta > 0 else -1
        listed = [i for i in range(results.option_count) if not results.get_option_at_index(i).disabled]
        at = results.highlighted
        place = listed.index(at) if at in listed else 0
        # skips group headers and stops at the ends (OptionList's own cursor keys wrap)
        results.highlighted = listed[max(0, min(len(listed) - 1, place + step * abs(delta)))]

    def _step_history(self, delta: int) -> None:
        entries = self.history.entries
        if not entries:
            return
        position = len(entries) if self._recall is None else self._recall
        position += delta
        if position >= len(entries):
            self._recall = None
            self.input.value = ""
            self.run_query("")
            return
        self._recall = max(0, position)
        self.input.value = self._recalled_text()  # inert: search_history.json is a file too
        self.input.cursor_position = len(self.input.value)
        self.run_query(self.input.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        index = self._hit_index(self.results.highlighted)
        self._pick(0 if index is None else index)

    @on(OptionList.OptionHighlighted, "#search-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Preview the highlighted result in the detail pane while the field has the focus."""
        event.stop()
        index = self._hit_index(event.option_index)
        if index is not None and index < len(self.hits) and self.screen.focused is self.input:
            self.post_message(self.Preview(self.hits[index], self._ran, self.hits))

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = self._hit_index(event.option_index)
        if index is not None:
            self._pick(index)

    def submit(self) -> SearchBar.Jump | None:
        """Enter: pick the highlighted result (the first if none) and return the jump.

        Returned rather than posted so the explorer can act on it while the field handles
        the Enter key, before the keys typed after it. The query is run first if the field
        has changed since the last run (its Changed message may still be queued).
        """
        if self.input.value.strip() != self._ran:
            self.run_query(self.input.value)
        index = self._hit_index(self.results.highlighted)
        return self._choose(0 if index is None else index)

    def _pick(self, index: int) -> None:
        jump = self._choose(index)
        if jump is not None:
            self.post_message(jump)

    def _choose(self, index: int) -> SearchBar.Jump | None:
        if not 0 <= index < len(self.hits):
            return None
        query = self.input.value.strip()
        self._remember(query)
        self._recall = None
        self._show_results(False)
        chosen, hits = self.hits[index], self.hits
        if self.total > len(hits) and self.index is not None:  # n/N walk every hit, not just the listed
            hits = list(self.index.search(query, limit=self.total))
            same = (id(chosen.report), chosen.measure.id)
            chosen = next((h for h in hits if (id(h.report), h.measure.id) == same), chosen)
        return self.Jump(chosen, query, hits)

    def _remember(self, query: str) -> None:
        try:
            self.history.add(query)
        except OSError as exc:
            self.notify(t("notify.history_failed", error=exc), severity="warning")

    def leave(self) -> None:
        """Esc: clear the query and hand focus back."""
        self._recall = None
        self.input.value = ""
        self.run_query("")
        self.post_message(self.Closed())

    def on_descendant_focus(self) -> None:
        """Back in the field with a query: show its results again; in an empty field, the
        query syntax. Unless the focus has already moved on (a burst: ``/``, the query, Enter
        all read before this event)."""
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors_with_self:
            return
        if self.input.value.strip():
            self._show_results(True)
        else:
            self._show_syntax(True)

    def on_descendant_blur(self) -> None:
        """Leaving an empty field: the syntax line goes with it."""
        if not self.input.value.strip():
            self._show_syntax(False)

    def _show_syntax(self, visible: bool) -> None:
        """The query syntax (``a b``, ``a | b``, ``'a``, ``"a b"``, ``!a``, ``^a``) on the
        status line while the field is empty and focused: it was only in the README."""
        if not visible and not self.query("#search-results"):
            return
        self.status.update(t("search.syntax"))
        self.status.display = visible
        self.results.display = False
