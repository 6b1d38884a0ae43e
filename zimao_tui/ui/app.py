"""The Textual app: themes, config, key map and the app-wide keys; screens do the rest.

Kept thin on purpose (posting's 1,700-line app.py is the cautionary tale): the explorer
lives in screens/explorer.py, widgets in widgets/, copying in zimao_tui.ui.clipboard.
Reports are parsed before the app starts (launch.py) so bad input never reaches Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from zimao_tui.document.inert import inert
from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import Notice, t
from zimao_tui.store.cachedir import is_cache_notice
from zimao_tui.store.config import DEFAULT_THEME, Config, save_config
from zimao_tui.store.history import SearchHistory
from zimao_tui.ui.screens.explorer import ExplorerScreen
from zimao_tui.ui.textual_compat import kinsoku_toasts, returnable_default_mode, set_ansi_filter, withdraw
from zimao_tui.ui.theming import load_themes
from zimao_tui.ui.widgets.detail import report_facts

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.notifications import Notification, SeverityLevel
    from textual.theme import Theme

    from zimao_tui.store.bookmarks import BookmarkStore
    from zimao_tui.store.reading import ReadingState
    from zimao_tui.ui.screens.catalogue_flow import Shelf


def _palette_commands() -> type[Provider]:
    """Our palette provider, imported when the palette first opens, not at start-up."""
    from zimao_tui.ui.commands import ZimaoCommands

    return ZimaoCommands


_SYSTEM_COMMANDS = {
    "Quit": "quit",
    "Keys": "keys",
    "Maximize": "maximize",
    "Minimize": "minimize",
    "Screenshot": "screenshot",
}
"""Textual's system commands by their English title, to the i18n names of our wording."""


class ZimaoApp(App[None]):
    """zimao-tui: explore, search, bookmark and quote policy reports."""

    CSS_PATH = "app.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-below-80"), (80, "-from-80")]  # noqa: RUF012 - Textual's class attribute
    """Screen classes by terminal width: below 80 columns the footer's docked palette key
    covered the keys under it, so it is hidden there (ctrl+p still opens the palette)."""
    COMMANDS: ClassVar = App.COMMANDS | {_palette_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", t("key.help"), id="zimao.help"),
        Binding("t", "cycle_theme", t("key.theme"), id="zimao.theme"),
        Binding("q", "quit", t("key.quit"), id="zimao.quit"),
        Binding("ctrl+p", "command_palette", t("key.palette"), id="zimao.palette", show=False, priority=True),
    ]
    PALETTE: ClassVar[dict[str, str]] = {"zimao.help": t("cmd.help")}
    """Bindings offered in the command palette, with their titles (see ``ui/commands.py``)."""

    def __init__(
        self,
        reports: Sequence[Report],
        config: Config | None = None,
        warnings: Sequence[Notice] = (),
        *,
        bookmarks: BookmarkStore | None = None,
        history: SearchHistory | None = None,
        read_only: bool = False,
        shelf: Shelf | None = None,
    ) -> None:
        super().__init__()
        self.reports = list(reports)
        self.shelf = shelf
        """The catalogue's reports (``ui/screens/catalogue_flow.py``); given when the app
        starts on the catalogue, else opened by ``L`` on first use."""
        self._explorer_mode: str | None = None if shelf is not None else "_default"
        self._catalogue_mode: str | None = "_default" if shelf is not None else None
        self.config = config or Config()
        self.read_only = read_only
        """``--read-only`` (what ``serve --read-only`` runs): bookmarks, notes, theme and
        config are never written; the keys that would change them say so."""
        self._bookmark_store = bookmarks
        self.history = history if history is not None else SearchHistory(saved=not read_only)
        self._warnings = list(warnings)
        self._cache_warned = False  # "the cache cannot be written" is said once per run
        self._slots: dict[str, Notification] = {}
        self._reading: ReadingState | None = None
        self._modes_made = 0
        self.opened_report: Report | None = None
        """A report just opened from inside the app, for the new explorer to show first."""
        self.opened_at: Measure | None = None
        """Where to show ``opened_report`` (a library search hit), instead of where it was left."""
        self.reading_error: str | None = None
        """Why the reading positions could not be saved on quitting (launch prints it)."""
        self._set_titles()
        kinsoku_toasts()
        self._save_theme = False  # the start-up choice (maybe a fallback) is not a user's choice
        broken: dict[str, str] = {}
        themes, failures = load_themes(check=lambda theme: self._check_theme(theme, broken))
        self.theme_names = [theme.name for theme in themes]
        for theme in themes:
            self.register_theme(theme)
        if failures:
            self._warnings.append(Notice("notice.theme_failed", errors="; ".join(failures)))
        wanted = self.config.theme
        if wanted not in self.available_themes:
            fallback = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-light"
            if wanted in broken:  # a saved choice that no longer builds: not used, not overwritten
                self._warnings.append(
                    Notice("notice.theme_broken", name=wanted, error=broken[wanted], fallback=fallback)
                )
            else:
                self._warnings.append(Notice("notice.theme_missing", name=wanted, fallback=fallback))
            wanted = fallback
        self._start_with_theme(wanted)
        if self.config.keys:
            from zimao_tui.store.config import config_path
            from zimao_tui.ui.keymap import checked_keymap

            keymap, problems = checked_keymap(self.config.keys, config_path())
            self._warnings.extend(problems)
            self.set_keymap(keymap)

    def _set_titles(self) -> None:
        if not self.reports:
            self.title, self.sub_title = "zimao-tui", t("catalogue.title")
        elif len(self.reports) == 1:
            report = self.reports[0]
            self.title = inert(report.title)
            self.sub_title = inert(report_facts(report, " · "))
        else:
            self.title = "zimao-tui"
            self.sub_title = t("app.reports", n=len(self.reports))

    def _check_theme(self, theme: Theme, broken: dict[str, str]) -> str | None:
        """Build the CSS once with a user theme's variables; why it fails (kept in ``broken``
        by name), or None. Imported here: only users with such themes pay for it."""
        from zimao_tui.ui.theme_check import css_error

        error = css_error(self, theme)
        if error is not None:
            broken[theme.name] = error
        return error

    def _start_with_theme(self, name: str) -> None:
        """Make ``name`` the theme before any CSS is parsed, without Textual's theme watcher.

        ``self.theme = name`` runs App._watch_theme, which queues a re-parse of every
        stylesheet: right for a switch, wasted at start-up, where nothing has been parsed
        yet (~5 ms of the first paint, ``benchmarks/startup.py``). So the value is set
        without watchers and this does what the watcher would: the stylesheet gets the
        theme's variables before its first parse, the app its theme classes and ANSI
        filter. (Textual is pinned to a major version for this and for the snapshots.)
        """
        self.set_reactive(App.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        dark = self.current_theme.dark
        self.update_classes(
            {f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}, update=False
        )
        set_ansi_filter(self)

    def get_default_screen(self) -> Screen[None]:
        if self.shelf is not None:
            from zimao_tui.ui.screens.catalogue import CatalogueScreen

            return CatalogueScreen(self.shelf)
        return ExplorerScreen(self.reports)

    def on_mount(self) -> None:
        self._save_theme = True
        for warning in self._warnings:
            if is_cache_notice(warning):
                if self._cache_warned:
                    continue
                self._cache_warned = True
            self.warn(warning)

    # ------------------------------------------------------------------ helpers

    @property
    def bookmarks(self) -> BookmarkStore:
        """The bookmark store, made on first use but not read: :meth:`load_bookmarks` reads
        it on the bookmark queue, so no bookmark file work ever runs on the UI thread."""
        if self._bookmark_store is None:
            from zimao_tui.store.bookmarks import BookmarkStore

            self._bookmark_store = BookmarkStore(
                on_warning=self._warn_any_thread, read_only=self.read_only, load=False
            )
        return self._bookmark_store

    def load_bookmarks(self, done: Callable[[], None]) -> None:
        """Read the bookmark file in the bookmark queue's worker (unless a store given to the
        app was read already), then ``done()`` on the UI thread. Changes asked for meanwhile
        queue behind the load."""
        from zimao_tui.ui.bookmark_queue import queue_of

        store, reports = self.bookmarks, list(self.reports)

        def load() -> None:
            if not store.loaded:
                store.reload()
            for report in reports:  # where each bookmark is now: the tree's stars ask next
                store.for_report(report)

        queue_of(self).submit(load, lambda _: done())

    def _warn_any_thread(self, notice: Notice) -> None:
        """:meth:`warn`, also from the bookmark queue's worker (the store warns as it reads)."""
        import threading

        if threading.get_ident() == self._thread_id:
            self.warn(notice)
        else:
            self.call_from_thread(self.warn, notice)

    @property
    def reading(self) -> ReadingState:
        """Where each report was left, recent reports, the last folder (``store/reading.py``),
        read on first use (right after the first paint); what is wrong with the file is
        said once, then."""
        if self._reading is None:
            from zimao_tui.store.reading import ReadingState

            self._reading = ReadingState()
            for warning in self._reading.warnings:
                self.warn(warning)
        return self._reading

    def save_reading(self) -> bool:
        """Save the reading positions (quitting, switching reports); False and a message if
        the disk refuses. Nothing to do if the state was never read."""
        if self._reading is None:
            return True
        try:
            self._reading.save()
        except OSError as exc:
            self.reading_error = t("notice.reading_save_failed", error=exc)
            self.notify(self.reading_error, severity="error", timeout=8)
            return False
        return True

    @property
    def explorer(self) -> ExplorerScreen | None:
        """The explorer screen, wherever it is in the stack."""
        return next((s for s in reversed(self.screen_stack) if isinstance(s, ExplorerScreen)), None)

    def show_reports(self, reports: Sequence[Report]) -> None:
        """Explore ``reports`` from now on: a new explorer replaces the old (open_flow.py)."""
        self.reports = list(reports)
        self._set_titles()
        # A mode per set of reports: switching modes builds the new explorer while the old
        # one is still on its own stack (``switch_screen`` left the stack empty for a moment,
        # and mounting the search field asked for ``app.screen`` then).
        old, self._modes_made = self._explorer_mode, self._modes_made + 1
        mode = f"reports-{self._modes_made}"
        explorer = ExplorerScreen(self.reports)
        self.add_mode(mode, lambda: explorer)
        self.switch_mode(mode)
        self._explorer_mode = mode
        if old is not None and old != "_default":  # the catalogue's mode stays
            self.call_after_refresh(self.remove_mode, old)

    def open_catalogue(self) -> None:
        """The catalogue (``L``): the one the app started on, else the library's, opened now."""
        if self._catalogue_mode is None:
            from zimao_tui.store.library import Library
            from zimao_tui.ui.screens.catalogue import CatalogueScreen
            from zimao_tui.ui.screens.catalogue_flow import Shelf

            if self.shelf is None:
                self.shelf = Shelf(Library())
            screen = CatalogueScreen(self.shelf)
            self._catalogue_mode = "catalogue"
            self.add_mode("catalogue", lambda: screen)
        self._switch_to(self._catalogue_mode)

    def leave_catalogue(self) -> None:
        """Esc in the catalogue: back to the explorer, if a report was opened."""
        if self._explorer_mode is None:
            self.notify_in("catalogue", t("catalogue.nothing_open"), severity="warning", timeout=3)
            return
        self._switch_to(self._explorer_mode)

    def _switch_to(self, mode: str) -> None:
        """``switch_mode``, the first screen's mode included (made returnable only now: at
        start-up Textual's own way of building the first screen is the fast one)."""
        if mode == self.DEFAULT_MODE:
            returnable_default_mode(self)
        self.switch_mode(mode)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every toast inert and literal by default: messages quote file names, notes,
        queries and TOML keys (``[keys]``), none of which may act on the terminal or be
        read as markup. (No string in ``i18n`` uses markup.)"""
        super().notify(inert(message), title=inert(title), severity=severity, timeout=timeout, markup=markup)

    def get_key_display(self, binding: Binding) -> str:
        """A key as the footer and help show it, inert: keys come from ``config.toml``."""
        return inert(super().get_key_display(binding))

    def warn(self, notice: Notice | str) -> None:
        """A file problem the user must read: a long toast, the text shown as is (no markup:
        a path or a TOML key like ``[keys]`` must not be taken for a style)."""
        self.notify(str(notice), severity="warning", timeout=8, markup=False)

    def warn_cache(self, notice: Notice) -> None:
        """A cache that cannot be written (reports, index, keywords): shown once per run,
        whichever cache finds it first; everything works without it."""
        if not self._cache_warned:
            self._cache_warned = True
            self.warn(notice)

    def copy(self, text: str, label: str) -> None:
        """The one copy path (OSC 52 plus a native tool), with an honest notification."""
        from zimao_tui.ui.clipboard import copy_text  # first copy, not start-up, pays its imports

        copy_text(self, text, label, lambda message, severity: self.notify_in("copy", message, severity))

    def notify_in(
        self, slot: str, message: str, severity: SeverityLevel = "information", timeout: float | None = None
    ) -> None:
        """A notification that replaces the last one of its ``slot`` if still shown.

        ``c`` pressed ten times is one copy toast saying what the last copy did, not a
        column of them over the text. (Textual has no public way to withdraw a toast:
        see ``textual_compat.withdraw``.)
        """
        from textual.notifications import Notification, Notify

        previous = self._slots.get(slot)
        if previous is not None:
            withdraw(self, previous)
        notification = Notification(
            inert(message), "", severity, timeout or self.NOTIFICATION_TIMEOUT, markup=False
        )
        self._slots[slot] = notification
        self.post_message(Notify(notification))

    def watch_theme(self, theme: str) -> None:
        """Remember the theme, however it was chosen (key, palette, system command)."""
        if not self._save_theme or theme == self.config.theme or theme not in self.theme_names:
            return
        if self.read_only:  # the palette's theme list refuses first; nothing may be written
            return
        self.config.theme = theme
        try:
            save_config(self.config)
        except OSError as exc:
            self.notify(f"config.toml: {exc}", severity="error")

    # ------------------------------------------------------------------ actions

    def refused_in_read_only(self, what: str) -> bool:
        """In a read-only session, say that ``what`` (``bookmarks``, ``theme``) cannot be changed
        and return True; the caller then does nothing. False in a normal session."""
        if self.read_only:
            self.notify_in("read-only", t("readonly.refused", what=t(f"readonly.{what}")), severity="warning")
        return self.read_only

    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        where = str(event.path) if event.path is not None else (event.name or "")
        what = t(f"export.{event.name}") if event.name else ""
        self.notify_in("export", t("export.saved", name=inert(where), what=what))

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        self.notify_in("export", t("export.failed", error=inert(str(event.exception))), severity="error")

    def choose_theme(self, name: str) -> None:
        """Switch to theme ``name`` as the user's choice (the palette's theme list)."""
        if not self.refused_in_read_only("theme"):
            self.theme = name

    def action_cycle_theme(self) -> None:
        if self.refused_in_read_only("theme"):
            return
        names = self.theme_names or [self.theme]
        position = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(position + 1) % len(names)]
        self.notify(t("notify.theme", name=self.theme), timeout=2)

    async def action_quit(self) -> None:
        """Quit, saving where each report was left first."""
        self.save_reading()
        await super().action_quit()

    def action_help_quit(self) -> None:
        """ctrl+c with nothing to copy: Textual's hint that it does not quit, in our words."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                shown = self.get_key_display(active.binding) or key
                self.notify(t("app.help_quit", key=shown), title=t("app.help_quit_title"))
                return

    def action_help(self) -> None:
        from zimao_tui.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        self.push_screen(HelpScreen(self.screen.active_bindings))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands in the interface language, minus its theme picker (ours is
        in ZimaoCommands). One Textual adds later passes through as Textual words it."""
        for command in super().get_system_commands(screen):
            if command.callback == self.action_change_theme:
                continue
            name = _SYSTEM_COMMANDS.get(command.title)
            if name == "keys" and command.help.startswith("Hide"):
                name = "keys_hide"
            if name is None:
                yield command
            else:
                yield command._replace(title=t(f"system.{name}"), help=t(f"system.{name}.help"))

    def action_command_palette(self) -> None:
        """Textual's palette, with a placeholder in the interface language."""
        from textual.command import CommandPalette

        from zimao_tui.ui.textual_compat import LocalPalette

        # Textual types is_open for App[object], and App is invariant in its result type.
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            palette = LocalPalette(
                t("palette.no_matches"), id="--command-palette", placeholder=t("palette.placeholder")
            )
            self.push_screen(palette)
