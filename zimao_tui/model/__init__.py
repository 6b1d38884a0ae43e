"""Pure-Python model of a report: parsing, search, bookmarks, insights.

Nothing in this package imports Textual (tests/unit/test_layering.py checks it), so the
CLI, the benchmarks and the tests can use it without starting a UI.
"""
