"""zimao-tui: a terminal explorer for Chinese policy reports."""

__version__ = "0.1.0"
