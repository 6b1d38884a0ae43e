"""A report title cut to a table column's cells (the catalogue's title column)."""

from __future__ import annotations

from rich.cells import cell_len

from zimao_tui.ui.text.snippets import fit_title

GWR = "2025年中华人民共和国国务院政府工作报告"


def test_a_title_that_fits_is_whole() -> None:
    assert fit_title(GWR, cell_len(GWR)) == GWR


def test_a_long_title_is_cut_with_an_ellipsis_and_keeps_its_end() -> None:
    for cells in (10, 16, 25, 30):
        cut = fit_title(GWR, cells)
        assert cell_len(cut) <= cells
        assert "…" in cut and cut.startswith("2025") and cut.endswith("报告")


def test_a_dated_title_keeps_its_year_in_brackets() -> None:
    title = "武汉自贸片区高质量发展创新举措（2023年）"
    assert fit_title(title, 24).endswith("（2023年）")


def test_latin_titles_count_one_cell_a_letter() -> None:
    cut = fit_title("Implementation plan for the bonded zones", 20)
    assert cell_len(cut) == 20 and cut.startswith("Implementati") and cut.endswith("zones")
