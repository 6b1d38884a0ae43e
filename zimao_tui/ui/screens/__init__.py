"""Full screens: the explorer, and the help, bookmarks, figures, glossary, compare and trends
screens it pushes; the catalogue of the library (``catalogue.py``) and its library search.

Screens compose widgets and dialogs; only the explorer and the catalogue (its library search)
import other screens (to push them).
The explorer's parts by concern sit beside it: ``search_flow`` (the last search's hits),
``bookmark_actions``, ``copy_actions`` and ``startup_work`` (its two workers); they may import
the explorer only for type checking. A screen offers commands to the palette by naming binding
ids in ``PALETTE`` next to its ``BINDINGS`` (``ui/commands.py`` reads them).
"""
