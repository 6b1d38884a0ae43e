"""Trimming a screen's footer: one rule for every screen that needs its room at 80 columns.

Textual's Footer lays its keys out in one row and docks the palette key (^p) over whatever
does not fit, so a screen with many keys of its own hides the app's less urgent ones (the
explorer's detail pane and the catalogue hide ``t``). Only ``show`` changes: the key still
works, and the help screen and the palette, which read the bindings, still list it.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import replace

from textual.binding import ActiveBinding


def hidden_in_footer(bindings: Mapping[str, ActiveBinding], ids: Set[str]) -> dict[str, ActiveBinding]:
    """``bindings`` with those whose id is in ``ids`` left out of the footer."""
    return {
        key: active._replace(binding=replace(active.binding, show=False))
        if active.binding.id in ids
        else active
        for key, active in bindings.items()
    }
