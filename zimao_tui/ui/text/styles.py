"""Highlight styles shared by more than one widget, named by theme variables.

Theme variables ($warning, $text …) rather than colours, so switching the theme recolours
every highlight without rebuilding anything.
"""

STYLE_MATCH = "bold $text on $warning 45%"
"""A search match, in the detail pane and in the search results list alike."""
