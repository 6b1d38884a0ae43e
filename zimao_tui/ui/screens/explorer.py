"""The main screen: search bar, report tree, detail pane, footer.

It owns the explorer's keys (so screens pushed on top don't inherit them), turns widget
messages into moves between tree, detail and search, and runs the slow start-up work
(search index, keywords) in two workers after the first paint: the index (shipped
prebuilt for the bundled report, ~1 ms to open) must not wait for the keywords (a jieba
child process, ~2 s on an empty cache).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Tree
from textual.worker import Worker, WorkerState, get_current_worker

from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.i18n import Notice, t
from zimao_tui.insights.figures import figures_in
from zimao_tui.insights.terms import term_spans
from zimao_tui.paths import cache_dir
from zimao_tui.search.gcpause import end_startup
from zimao_tui.ui.entry import Entry
from zimao_tui.ui.widgets.detail import DetailPane, Insights
from zimao_tui.ui.widgets.report_tree import ReportTree
from zimao_tui.ui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from zimao_tui.search.search import Hit, SearchIndex
    from zimao_tui.store.bookmarks import BookmarkStore
    from zimao_tui.ui.app import ZimaoApp


T = TypeVar("T")

SUMMARY_ITEMS = 16
"""Terms and figures listed in a chapter's or section's summary."""


class ExplorerScreen(Screen[None]):
    """Tree on the left, detail on the right, search on top."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: handled as the key arrives, not after it has bubbled up from the tree
        # (by then the keys typed after it have already been sent to the tree; see action_search).
        Binding("slash", "search", t("key.search"), id="zimao.search", priority=True),
        Binding("escape", "back", t("key.back"), id="zimao.back", show=False),
        Binding("left_square_bracket", "step_measure(-1)", t("key.prev_measure"), id="zimao.prev_measure"),
        Binding("right_square_bracket", "step_measure(1)", t("key.next_measure"), id="zimao.next_measure"),
        Binding("n", "step_hit(1)", t("key.next_hit"), id="zimao.next_hit", show=False),
        Binding("N", "step_hit(-1)", t("key.prev_hit"), id="zimao.prev_hit", show=False),
        Binding("b", "bookmark", t("key.bookmark"), id="zimao.bookmark"),
        Binding("B", "bookmarks", t("key.bookmarks"), id="zimao.bookmarks", show=False),
        Binding("e", "note", t("key.note"), id="zimao.note", show=False),
        Binding("c", "copy", t("key.copy"), id="zimao.copy"),
        Binding("C", "cite", t("key.cite"), id="zimao.cite", show=False),
        Binding("y", "copy_section", t("key.copy_section"), id="zimao.copy_section", show=False),
        Binding("f", "figures", t("key.figures"), id="zimao.figures", show=False),
        Binding("T", "glossary", t("key.glossary"), id="zimao.glossary", show=False),
        Binding("backslash", "toggle_tree", t("key.toggle_tree"), id="zimao.toggle_tree", show=False),
        Binding(
            "ctrl+c,super+c", "copy_selection", t("key.copy_selection"), id="zimao.copy_selection", show=False
        ),
    ]

    def __init__(self, reports: Sequence[Report]) -> None:
        super().__init__()
        self.reports = list(reports)
        self.hits: list[Hit] = []
        self.hit_index = -1
        self.hit_query = ""
        self._spans: dict[tuple[int, str], tuple[tuple[int, int], ...]] = {}
        self.keywords: dict[int, dict[str, list[str]]] = {}
        self.keywords_loading = True
        self._bookmark_changes: deque[
            tuple[Report, Measure, Callable[[], Any], Callable[[Any], None] | None]
        ] = deque()
        self._bookmark_lock = threading.Lock()

    @property
    def bookmarks(self) -> BookmarkStore:
        return self.zimao.bookmarks

    @property
    def zimao(self) -> ZimaoApp:
        from zimao_tui.ui.app import ZimaoApp

        app = self.app
        assert isinstance(app, ZimaoApp)
        return app

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield SearchBar(self.reports, self.zimao.history, id="search")
        with Horizontal(id="body"):
            yield ReportTree(self.reports, id="tree")  # stars come right after the first paint
            yield DetailPane(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        tree = self.report_tree
        tree.focus()
        tree.move_cursor(tree.root.children[0] if tree.root.children else None)
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        """Bookmarks, search history and index: needed soon, but not for the first screen.

        The index worker starts only now because its thread would compete with the first
        paint for the GIL. The collector, paused since the command line, runs again from here.
        """
        end_startup()
        warning = self.zimao.history.warning  # reads the history file
        if warning:
            self.zimao.warn(warning)
        self.report_tree.set_bookmark_check(self.bookmarks.is_bookmarked)
        self.load_index()
        self.load_keywords()

    # ------------------------------------------------------------------ parts

    @property
    def report_tree(self) -> ReportTree:
        """The outline (not ``tree``: that is DOMNode's own, the widget tree)."""
        return self.query_one(ReportTree)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    # ------------------------------------------------------------------ start-up work

    @work(thread=True, exclusive=True, group="index", exit_on_error=False, name="search index")
    def load_index(self) -> SearchIndex:
        """Open (or build, in a child process) the search index off the UI thread."""
        from zimao_tui.search.search import open_index

        notices: list[Notice] = []
        # Quitting cancels the worker, which ends a cold build's child at once (see child.py).
        index = open_index(
            self.reports, cache_dir(), cancel=get_current_worker().cancelled_event, notices=notices
        )
        index.warm()  # what the first keystroke would otherwise build
        for notice in notices:  # an unwritable cache: said once, search works all the same
            self.app.call_from_thread(self.zimao.warn_cache, notice)
        return index

    @work(thread=True, exclusive=True, group="keywords", exit_on_error=False, name="keywords")
    def load_keywords(self) -> dict[int, dict[str, list[str]]]:
        """Cached keywords, or computed in a child process (jieba here would hold the GIL
        for hundreds of milliseconds and freeze typing)."""
        from zimao_tui.insights import keywords

        notices: list[Notice] = []
        found = keywords.ensure_keywords(
            self.reports, cache_dir(), cancel=get_current_worker().cancelled_event, notices=notices
        )
        for notice in notices:
            self.app.call_from_thread(self.zimao.warn_cache, notice)
        return {id(r): k for r, k in zip(self.reports, found, strict=True)}

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.is_cancelled:
            return  # quitting: its child was ended on purpose (ChildCancelled), nothing to show
        if worker.group == "index":
            if event.state == WorkerState.SUCCESS and worker.result is not None:
                self.search_bar.set_index(worker.result)
            elif event.state == WorkerState.ERROR:
                error = f"{type(worker.error).__name__}: {worker.error}"
                self.search_bar.set_index_error(error)
                self.notify(t("search.failed", error=error), severity="error", timeout=10)
        elif worker.group == "keywords":
            if event.state == WorkerState.SUCCESS and worker.result is not None:
                self.keywords = worker.result
            elif event.state == WorkerState.ERROR:
                error = f"{type(worker.error).__name__}: {worker.error}"
                self.notify(
                    t("notify.worker_failed", what=t("detail.keywords"), error=error), severity="error"
                )
            else:
                return
            self.keywords_loading = False
            self.show_entry(self.detail.entry)

    # ------------------------------------------------------------------ tree → detail

    @on(Tree.NodeHighlighted, "#tree")
    def _highlighted(self, event: Tree.NodeHighlighted[Entry]) -> None:
        self.show_entry(event.node.data)

    def show_entry(self, entry: Entry | None) -> None:
        self.detail.show(entry, self.insights(entry))

    def insights(self, entry: Entry | None) -> Insights:
        """Highlights and lists for the detail pane, from what is known right now."""
        if entry is None or entry.node is None:
            return Insights()
        report, node = entry.report, entry.node
        keywords = self.keywords.get(id(report), {})
        several = len(self.reports) > 1
        if isinstance(node, Measure):
            spans = term_spans(node.text)
            figures = figures_in(node.text, node.id)
            bookmark = self.bookmarks.get(report, node)
            parent = report.ancestors(node.id)
            return Insights(
                matches=self._spans.get((id(report), node.id), ()),
                term_spans=[(s.start, s.end) for s in spans if s.kind == "term"],
                figure_spans=[(f.start, f.end) for f in figures],
                figures=_unique(f.raw for f in figures),
                terms=_unique(s.term for s in spans if s.kind == "term"),
                keywords=keywords.get(parent[-1].id, []) if parent else [],
                keywords_loading=self.keywords_loading,
                note=bookmark.note if bookmark else "",
                tags=bookmark.tags if bookmark else (),
                bookmarked=bookmark is not None,
                hit=self._hit_number(report, node),
                with_report=several,
            )
        measures = list(node.measures())
        terms = [s.term for m in measures for s in term_spans(m.text) if s.kind == "term"]
        figure_texts = [f.raw for m in measures for f in figures_in(m.text, m.id)]
        return Insights(
            terms=_unique(terms)[:SUMMARY_ITEMS],
            figures=_unique(figure_texts)[:SUMMARY_ITEMS],
            keywords=keywords.get(node.id, []),
            keywords_loading=self.keywords_loading,
            with_report=several,
        )

    def _hit_number(self, report: Report, measure: Measure) -> tuple[int, int, str] | None:
        """(n, total, query) if the measure is among the last search's hits (several of them)."""
        if len(self.hits) < 2:
            return None
        for i, hit in enumerate(self.hits):
            if hit.report is report and hit.measure.id == measure.id:
                return i + 1, len(self.hits), self.hit_query
        return None

    # ------------------------------------------------------------------ search

    def action_submit_search(self) -> None:
        """Enter in the search field (SearchInput calls this in its own turn, see there):
        jump to the chosen hit and focus the tree at once, so the keys after it go there."""
        jump = self.search_bar.submit()
        if jump is None:
            from textual.actions import SkipAction

            raise SkipAction()  # nothing to jump to: the field keeps its Enter
        self._jump(jump)

    @on(SearchBar.Jump)
    def _jump(self, event: SearchBar.Jump) -> None:
        self.hits = event.hits
        self.hit_query = event.query
        self._spans = {(id(h.report), h.measure.id): tuple(h.spans) for h in event.hits}
        self.hit_index = next((i for i, h in enumerate(event.hits) if h is event.hit), 0)
        self._go_to_hit()

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        """(Not ``_closed``: MessagePump's flag of that name says the screen is closed.)"""
        self.focus_tree()

    def _go_to_hit(self) -> None:
        hit = self.hits[self.hit_index]
        self.go_to(hit.report, hit.measure)  # the detail pane shows "match n/total"

    def go_to(self, report: Report, node: Heading | Measure) -> None:
        """Reveal a node in the tree, show it, and give the tree the focus."""
        self.report_tree.reveal(report, node.id)
        self.show_entry(Entry(report, node))
        self.focus_tree()

    def focus_tree(self) -> None:
        """Focus the tree (the detail when the tree is hidden) now, not on the next loop
        (Widget.focus), so keys the app takes off its queue next already go there."""
        tree = self.report_tree
        self.set_focus(tree if tree.display else self.detail)

    def action_search(self) -> None:
        """Focus the search field before the next key is dispatched.

        The app sends each key to whatever is focused when it takes the key off its queue.
        Widget.focus() only schedules the change (call_later), so after a burst (a paste, a
        slow SSH link) the keys behind ``/`` went to the tree, and a ``q`` quit the app.
        A priority binding runs while the app handles ``/``; set_focus switches at once.
        """
        field = self.search_bar.input
        if self.focused is field:
            from textual.actions import SkipAction

            raise SkipAction()  # typing in the field: "/" is just a character
        self.set_focus(field)

    def action_back(self) -> None:
        self.focus_tree()

    def action_step_hit(self, delta: int) -> None:
        if not self.hits:
            self._warn(t("search.no_search"))
            return
        index = self.hit_index + delta
        if not 0 <= index < len(self.hits):
            self._warn(t("search.no_more"))
            return
        self.hit_index = index
        self._go_to_hit()

    def _warn(self, message: str) -> None:
        """A short warning for a key that cannot act here (``n`` past the last hit, ``c`` on a
        heading): pressed again and again it is one toast, shown afresh each time."""
        self.zimao.notify_in("explorer.warning", message, "warning", timeout=3)

    def action_step_measure(self, delta: int) -> None:
        moved = self.report_tree.step_measure(delta, self.detail.entry)
        if moved is not None:
            self.show_entry(Entry(*moved))

    def action_toggle_tree(self) -> None:
        tree = self.report_tree
        tree.display = not tree.display
        self.set_class(not tree.display, "-tree-hidden")
        self.focus_tree()

    # ------------------------------------------------------------------ bookmarks

    def _current_measure(self) -> tuple[Report, Measure] | None:
        entry = self.detail.entry
        if entry is not None and isinstance(entry.node, Measure):
            return entry.report, entry.node
        self._warn(t("notify.no_measure"))
        return None

    def action_bookmark(self) -> None:
        """Bookmark the measure, or remove its bookmark: after asking if it has a note or tags
        (a second ``b`` must not silently take the words someone wrote)."""
        current = self._current_measure()
        if current is None:
            return
        report, measure = current
        existing = self.bookmarks.get(report, measure)
        if existing is None or not (existing.note or existing.tags):
            self._toggle_bookmark(report, measure)
            return
        from zimao_tui.ui.dialogs.confirm import ConfirmDialog
        from zimao_tui.ui.text.snippets import excerpt

        def answered(yes: bool | None) -> None:
            if yes:
                self._toggle_bookmark(report, measure)

        detail = excerpt(existing.note.strip() or " ".join(existing.tags), 60)
        self.app.push_screen(ConfirmDialog(t("bm.confirm_delete"), detail), answered)

    def _toggle_bookmark(self, report: Report, measure: Measure) -> None:
        def toggled(on: bool) -> None:
            self.zimao.notify_in(
                "bookmark", t("notify.bookmarked") if on else t("notify.unbookmarked"), timeout=2
            )

        self._change_bookmark(report, measure, lambda: self.bookmarks.toggle(report, measure), toggled)

    def _change_bookmark(
        self,
        report: Report,
        measure: Measure,
        change: Callable[[], T],
        done: Callable[[T], None] | None = None,
    ) -> None:
        """Run ``change`` on the store off the UI thread; redraw the measure when it lands.

        A change waits for the file's lock, which another zimao-tui or a script may hold for
        up to ``LOCK_TIMEOUT`` (10 s): on the UI thread that froze the app. Changes run one
        at a time in the order they were asked for (a second ``b`` undoes the first), then
        the tree's star and, if it still shows that measure, the detail pane are redrawn and
        ``done`` gets the result. A store that refuses (read-only, locked) is said in a toast.
        """
        self._bookmark_changes.append((report, measure, change, done))
        self._run_bookmark_change()

    @work(thread=True, group="bookmark-change", exit_on_error=False, name="bookmark change")
    def _run_bookmark_change(self) -> None:
        """Apply the oldest queued bookmark change (one worker per change, one at a time)."""
        from zimao_tui.store.bookmarks import BookmarkError

        with self._bookmark_lock:
            report, measure, change, done = self._bookmark_changes.popleft()
            try:
                result = change()
            except (BookmarkError, OSError) as exc:
                self.app.call_from_thread(self._bookmark_failed, exc)
                return
            self.app.call_from_thread(self._bookmark_landed, report, measure, result, done)

    def _bookmark_failed(self, exc: BaseException) -> None:
        from zimao_tui.ui.text.errors import error_text

        self.notify(error_text(exc), severity="error")

    def _bookmark_landed(
        self, report: Report, measure: Measure, result: T, done: Callable[[T], None] | None
    ) -> None:
        self.report_tree.refresh_mark(report, measure)
        entry = self.detail.entry
        if (
            entry is not None
            and entry.report is report
            and entry.node is not None
            and entry.node.id == measure.id
        ):
            self.show_entry(entry)  # its note and tags; never pull the user back to it
        if done is not None:
            done(result)

    def action_bookmarks(self) -> None:
        from zimao_tui.ui.screens.bookmarks import BookmarksScreen

        self.app.push_screen(BookmarksScreen(self.bookmarks, self.reports), self._jump_back)

    def action_note(self) -> None:
        current = self._current_measure()
        if current is None:
            return
        from zimao_tui.ui.dialogs.note import NoteDialog

        report, measure = current
        bookmark = self.bookmarks.get(report, measure)
        dialog = NoteDialog(
            bookmark.note if bookmark else "", bookmark.tags if bookmark else (), measure.text
        )

        def save(result: tuple[str, list[str]] | None) -> None:
            if result is not None:
                note, tags = result
                self._change_bookmark(
                    report, measure, lambda: self.bookmarks.update(report, measure, note, tags)
                )

        self.app.push_screen(dialog, save)

    def action_figures(self) -> None:
        from zimao_tui.ui.screens.figures import FiguresScreen

        self.app.push_screen(FiguresScreen(self.reports), self._jump_back)

    def action_glossary(self) -> None:
        from zimao_tui.ui.screens.glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen(self.reports), self._jump_back)

    def _jump_back(self, result: tuple[Report, Measure] | None) -> None:
        """Result of a list screen (bookmarks, figures, glossary): go to the chosen measure."""
        self.report_tree.refresh_marks()
        if result is not None:
            self.go_to(*result)

    # ------------------------------------------------------------------ copy

    def action_copy(self) -> None:
        current = self._current_measure()
        if current is not None:
            self.zimao.copy(current[1].text, t("copy.measure"))

    def action_cite(self) -> None:
        from zimao_tui.insights.citation import cite

        current = self._current_measure()
        if current is not None:
            self.zimao.copy(cite(*current, self.zimao.config.citation_template), t("copy.citation"))

    def action_copy_section(self) -> None:
        from zimao_tui.insights.citation import section_text

        entry = self.detail.entry
        if entry is None or entry.node is None:
            self.notify(t("notify.no_section"), severity="warning", timeout=3)
            return
        heading = entry.node
        if isinstance(heading, Measure):
            ancestors = entry.report.ancestors(heading.id)
            heading = ancestors[-1]
        self.zimao.copy(section_text(entry.report, heading), t("copy.section"))

    def action_copy_selection(self) -> None:
        text = self.get_selected_text()
        if not text:
            from textual.actions import SkipAction

            raise SkipAction()
        self.zimao.copy(text, t("copy.selection"))


def _unique(items: Iterable[str]) -> list[str]:
    """Items in first-seen order, without repeats."""
    return list(dict.fromkeys(items))
