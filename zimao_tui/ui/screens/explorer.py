"""The main screen: search bar, report tree, detail pane, footer.

It owns the explorer's keys (so screens pushed on top don't inherit them), turns widget
messages into moves between tree, detail and search, and runs the slow start-up work
(search index, keywords: ``startup_work.py``) in two workers after the first paint: the
index (shipped prebuilt for the bundled report, ~1 ms to open) must not wait for the
keywords (a jieba child process, ~2 s on an empty cache). The rest lives beside it by
concern: the last search's hits (``search_flow.py``), bookmark changes
(``bookmark_actions.py``), the copy keys (``copy_actions.py``), jumps and the way back
(``navigator.py``, ``jump_list.py``), the reading view (``reading.py``), opening reports and
resuming (``open_flow.py``); what the detail pane lists is computed by the model
(``insights/summary.py``).

A new screen opened from here: a binding (with an id) and a branch of ``action_open``, plus
a line in ``PALETTE`` if the command palette should offer it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Tree
from textual.worker import Worker, WorkerState

from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.i18n import t
from zimao_tui.insights.summary import Insights, insights_for
from zimao_tui.ui.entry import Entry
from zimao_tui.ui.focus_now import focus_now
from zimao_tui.ui.footer_keys import hidden_in_footer
from zimao_tui.ui.screens import open_flow, startup_work
from zimao_tui.ui.screens.bookmark_actions import BookmarkActions
from zimao_tui.ui.screens.copy_actions import copy_current
from zimao_tui.ui.screens.navigator import Navigator
from zimao_tui.ui.screens.search_flow import HitCursor
from zimao_tui.ui.typed_app import zimao_app
from zimao_tui.ui.widgets.detail import DetailPane
from zimao_tui.ui.widgets.pane_width import PaneWidthKeys
from zimao_tui.ui.widgets.report_tree import ReportTree
from zimao_tui.ui.widgets.search_bar import SearchBar, SearchInput

if TYPE_CHECKING:
    from zimao_tui.ui.app import ZimaoApp


NOT_IN_DETAIL_FOOTER = frozenset({"zimao.prev_measure", "zimao.next_measure", "zimao.theme"})
"""Footer entries left out while the detail pane has the focus: its ``j k g G`` scroll entry
needs the room at 80 columns, and ``[``/``]`` and ``t`` are the tree's reading keys, not the
pane's (they still work there: only the footer leaves them out)."""


class ExplorerScreen(Screen[None], PaneWidthKeys):
    """Tree on the left, detail on the right, search on top (tree above detail when narrow).

    ``>``/``<`` size the tree whatever pane has the focus (``PaneWidthKeys``)."""

    HORIZONTAL_BREAKPOINTS = [(0, "-stacked"), (60, "-below-80"), (80, "-from-80")]  # noqa: RUF012 - Textual's
    """Under 60 columns (a phone's browser through ``serve``, a split pane) the tree goes above
    the detail: side by side, the detail would be a column a few characters wide. Under 80 the
    footer's palette key is hidden (app.tcss). A screen's own breakpoints replace the app's, so
    the explorer names both. The class for the size at start is set in ``__init__``: set by
    Textual's first resize instead, it restyled every widget once more before the first paint
    (measured: start-up ratio 1.18 instead of 1.13, ``benchmarks/startup.py``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: handled as the key arrives, not after it has bubbled up from the tree
        # (by then the keys typed after it have already been sent to the tree; see action_search).
        Binding("slash", "search", t("key.search"), id="zimao.search", priority=True),
        Binding("escape", "focus_tree", t("key.back"), id="zimao.back", show=False),
        Binding("left_square_bracket", "step('measure', -1)", t("key.prev_measure"), id="zimao.prev_measure"),
        Binding("right_square_bracket", "step('measure', 1)", t("key.next_measure"), id="zimao.next_measure"),
        Binding("n", "step('hit', 1)", t("key.next_hit"), id="zimao.next_hit", show=False),
        Binding("N", "step('hit', -1)", t("key.prev_hit"), id="zimao.prev_hit", show=False),
        # ctrl+i would be vim's forward, but terminals send Tab for it (and Tab moves the focus).
        Binding(
            "ctrl+o,backspace,alt+left", "jump(-1)", t("key.jump_back"), id="zimao.jump_back", show=False
        ),
        Binding("ctrl+n,alt+right", "jump(1)", t("key.jump_forward"), id="zimao.jump_forward", show=False),
        Binding("r", "open('reading')", t("key.read"), id="zimao.read", show=False),
        Binding("b", "bookmark('toggle')", t("key.bookmark"), id="zimao.bookmark"),
        Binding("B", "open('bookmarks')", t("key.bookmarks"), id="zimao.bookmarks", show=False),
        Binding("e", "bookmark('note')", t("key.note"), id="zimao.note", show=False),
        Binding("c", "copy('measure')", t("key.copy"), id="zimao.copy"),
        Binding("C", "copy('citation')", t("key.cite"), id="zimao.cite", show=False),
        Binding("y", "copy('section')", t("key.copy_section"), id="zimao.copy_section", show=False),
        Binding("f", "open('figures')", t("key.figures"), id="zimao.figures", show=False),
        Binding("T", "open('glossary')", t("key.glossary"), id="zimao.glossary", show=False),
        Binding("D", "open('compare')", t("key.compare"), id="zimao.compare", show=False),
        Binding("R", "open('trends')", t("key.trends"), id="zimao.trends", show=False),
        Binding("o", "open('report')", t("key.open_report"), id="zimao.open_report", show=False),
        Binding("L", "open('catalogue')", t("key.catalogue"), id="zimao.catalogue", show=False),
        Binding("backslash", "toggle_tree", t("key.toggle_tree"), id="zimao.toggle_tree", show=False),
        Binding(
            "ctrl+c,super+c",
            "copy('selection')",
            t("key.copy_selection"),
            id="zimao.copy_selection",
            show=False,
        ),
    ]
    PALETTE: ClassVar[dict[str, str]] = {
        "zimao.bookmarks": t("cmd.bookmarks"),
        "zimao.copy": t("cmd.copy"),
        "zimao.cite": t("cmd.cite"),
        "zimao.copy_section": t("cmd.copy_section"),
        "zimao.toggle_tree": t("cmd.toggle_tree"),
        "zimao.figures": t("cmd.figures"),
        "zimao.glossary": t("cmd.glossary"),
        "zimao.compare": t("cmd.compare"),
        "zimao.trends": t("cmd.trends"),
        "zimao.read": t("keyhelp.read"),
        "zimao.jump_back": t("keyhelp.jump_back"),
        "zimao.open_report": t("cmd.open_report"),
        "zimao.catalogue": t("cmd.catalogue"),
    }
    """Bindings offered in the command palette, with their titles (see ``ui/commands.py``):
    the palette shows each with the key it has now."""

    def __init__(self, reports: Sequence[Report]) -> None:
        super().__init__()
        width = self.app.size.width
        self.add_class(next(name for least, name in reversed(self.HORIZONTAL_BREAKPOINTS) if width >= least))
        self.reports = list(reports)
        self.search_hits = HitCursor(self.reports)
        self.keywords: startup_work.Keywords = {}
        self.keywords_loading = True
        self.painted = False
        """Set after the first paint: until then a heading's summary leaves out its terms and
        figures (``insights_for(defer_summary=...)``), which ``after_first_paint`` fills in."""
        self.bookmark_actions = BookmarkActions(self)
        self.navigator = Navigator(self)

    @property
    def zimao(self) -> ZimaoApp:
        return zimao_app(self)

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield SearchBar(self.reports, self.zimao.history, id="search")
        with Horizontal(id="body"):
            tree = ReportTree(self.reports, id="tree")  # stars come right after the first paint
            tree.border_title = t("pane.tree")  # the focused pane's title lights up (app.tcss)
            yield tree
            detail = DetailPane(id="detail")
            detail.border_title = t("pane.detail")
            yield detail
        yield Footer()

    def on_mount(self) -> None:
        tree = self.report_tree
        tree.focus()
        tree.move_cursor(tree.root.children[0] if tree.root.children else None)
        self.call_after_refresh(startup_work.after_first_paint, self)

    # ------------------------------------------------------------------ parts

    @property
    def report_tree(self) -> ReportTree:
        """The outline (not ``tree``: that is DOMNode's own, the widget tree)."""
        return self.query_one(ReportTree)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The start-up workers' results (see ``startup_work.py``) reach the widgets here."""
        worker = event.worker
        if worker.is_cancelled:
            return  # quitting: its child was ended on purpose (ChildCancelled), nothing to show
        if worker.group == "index":
            if event.state == WorkerState.SUCCESS and worker.result is not None:
                self.query_one(SearchBar).set_index(worker.result)
            elif event.state == WorkerState.ERROR:
                error = f"{type(worker.error).__name__}: {worker.error}"
                self.query_one(SearchBar).set_index_error(error)
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
        """Show ``entry`` in the detail pane with what is known about it right now."""
        open_flow.remember(self.zimao, entry)
        if entry is None or entry.node is None:
            self.detail.show(entry, Insights())
            return
        report, node = entry.report, entry.node
        measure = node if isinstance(node, Measure) else None  # only a measure has these
        insights = insights_for(
            report,
            node,
            keywords=self.keywords.get(id(report), {}),
            keywords_loading=self.keywords_loading,
            with_report=len(self.reports) > 1,
            bookmark=self.zimao.bookmarks.get(report, measure) if measure else None,
            matches=self.search_hits.spans(report, measure) if measure else (),
            hit=self.search_hits.number(report, measure) if measure else None,
            defer_summary=not self.painted,
        )
        self.detail.show(entry, insights)

    # ------------------------------------------------------------------ search and moves

    def action_submit_search(self) -> None:
        """Enter in the search field (SearchInput calls this in its own turn, see there):
        jump to the chosen hit and focus the tree at once, so the keys after it go there."""
        jump = self.query_one(SearchBar).submit()
        if jump is None:
            from textual.actions import SkipAction

            raise SkipAction()  # nothing to jump to: the field keeps its Enter
        self._jump(jump)

    @on(SearchBar.Jump)
    def _jump(self, event: SearchBar.Jump) -> None:
        """Enter on a result jumps; moving through the results (a Preview) only shows it."""
        if isinstance(event, SearchBar.Preview):
            self.navigator.preview(event.hit, event.hits, event.query)
            return
        hit = self.search_hits.jump(event.hits, event.hit, event.query)
        self.go_to(hit.report, hit.measure)  # the detail pane shows "match n/total"

    def go_to(self, report: Report, node: Heading | Measure) -> None:
        """Reveal a node in the tree, show it, and give the tree the focus; ``ctrl+o``
        comes back to where the reader was (``navigator.py``)."""
        self.navigator.go(report, node)

    def action_jump(self, delta: int) -> None:
        """``ctrl+o``/Backspace back, ``ctrl+n`` forward through the places jumps left."""
        self.navigator.step(delta)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the search field has the focus, the footer shows only what works there
        (Esc, ↑/↓, Enter): the explorer's letter keys are typed into the query."""
        if isinstance(self.focused, SearchInput):
            return action in ("submit_search", "focus_tree") or parameters == ("selection",)
        return True

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The footer follows the focus: on the detail pane it shows that pane's scroll keys
        (its own bindings, ``FooterKeyScroll``) instead of the tree's (``NOT_IN_DETAIL_FOOTER``).
        Only ``show`` changes, so the keys, the help screen and the palette are as before."""
        bindings = super().active_bindings
        if not isinstance(self.focused, DetailPane):
            return bindings
        return hidden_in_footer(bindings, NOT_IN_DETAIL_FOOTER)

    def action_search(self) -> None:
        """Focus the search field before the next key is dispatched.

        The app sends each key to whatever is focused when it takes the key off its queue.
        Widget.focus() only schedules the change (call_later), so after a burst (a paste, a
        slow SSH link) the keys behind ``/`` went to the tree, and a ``q`` quit the app.
        A priority binding runs while the app handles ``/``; set_focus switches at once.
        """
        focus_now(self, self.query_one(SearchBar).input)  # in the field, "/" is just a character

    @on(SearchBar.Closed)
    def action_focus_tree(self) -> None:
        """Focus the tree (the detail when the tree is hidden) now, not on the next loop
        (Widget.focus), so keys the app takes off its queue next already go there.

        Esc, a jump, and the search bar closing all come back here. (The handler is not
        named ``_closed``: MessagePump's flag of that name says the screen is closed.)
        """
        self.navigator.end_preview()
        tree = self.report_tree
        self.set_focus(tree if tree.display else self.detail)

    def action_step(self, what: str, delta: int) -> None:
        """``]``/``[`` the next/previous measure; ``n``/``N`` the next/previous search hit in
        document order from here, wrapping at the ends with a notice."""
        if what == "measure":
            moved = self.report_tree.step_measure(delta, self.detail.entry)
            if moved is not None:
                self.show_entry(Entry(*moved))
            return
        entry = self.detail.entry
        here = (entry.report, entry.node.id if entry.node else "") if entry is not None else None
        stepped = self.search_hits.step(delta, here)
        if isinstance(stepped, str):
            self.warn(stepped)
            return
        hit, wrapped = stepped
        self.go_to(hit.report, hit.measure)
        if wrapped:
            self.warn(wrapped)

    def warn(self, message: str) -> None:
        """A short warning for a key that cannot act here (``n`` past the last hit, ``c`` on a
        heading): pressed again and again it is one toast, shown afresh each time."""
        self.zimao.notify_in("explorer.warning", message, "warning", timeout=3)

    def action_toggle_tree(self) -> None:
        tree = self.report_tree
        tree.display = not tree.display
        self.set_class(not tree.display, "-tree-hidden")
        self.action_focus_tree()

    # ------------------------------------------------------------------ bookmarks, lists, copy

    def current_measure(self) -> tuple[Report, Measure] | None:
        """The measure the detail pane shows, or None after a warning (it shows a heading)."""
        entry = self.detail.entry
        if entry is not None and isinstance(entry.node, Measure):
            return entry.report, entry.node
        self.warn(t("notify.no_measure"))
        return None

    def action_bookmark(self, what: str) -> None:
        """``b`` toggles the bookmark, ``e`` edits its note (``bookmark_actions.py``)."""
        if (current := self.current_measure()) is not None:
            if what == "note":
                self.bookmark_actions.edit_note(*current)
            else:
                self.bookmark_actions.toggle(*current)

    def action_open(self, name: str) -> None:
        """A list screen (bookmarks, figures, glossary, compare, trends) or the reading view;
        the measure chosen there (the marked one, for the reading view) is shown here."""
        screen: Screen[tuple[Report, Measure] | None]
        if name == "reading":
            from zimao_tui.ui.screens.reading import ReadingScreen

            entry = self.detail.entry
            if entry is None:
                return
            screen = ReadingScreen(self, entry)
        elif name == "compare":
            from zimao_tui.insights.compare import compare, pick_pair
            from zimao_tui.ui.screens.compare import CompareScreen

            entry = self.detail.entry
            pair = pick_pair(self.reports, entry.report if entry is not None else None)
            if pair is None:
                self.warn(t("compare.need_two"))
                return
            screen = CompareScreen(compare(*pair), self.bookmark_actions.toggle)
        elif name == "trends":
            from zimao_tui.ui.screens.trends import TrendsScreen

            screen = TrendsScreen(self.reports)
        elif name == "report":
            open_flow.ask_to_open(self.zimao)
            return
        elif name == "catalogue":
            self.zimao.open_catalogue()
            return
        elif name == "bookmarks":
            from zimao_tui.ui.screens.bookmarks import BookmarksScreen

            screen = BookmarksScreen(self.zimao.bookmarks, self.reports)
        elif name == "figures":
            from zimao_tui.ui.screens.figures import FiguresScreen

            screen = FiguresScreen(self.reports)
        else:
            from zimao_tui.ui.screens.glossary import GlossaryScreen

            screen = GlossaryScreen(self.reports)

        def chosen(result: tuple[Report, Measure] | None) -> None:
            self.report_tree.refresh_marks()  # stars removed or added in the bookmarks list
            if result is not None:
                self.go_to(*result)

        self.app.push_screen(screen, chosen)

    def action_copy(self, what: str) -> None:
        """``c`` measure, ``C`` citation, ``y`` section, ctrl+c selection (``copy_actions.py``)."""
        copy_current(self, what)
