"""Theme files: the bundled three load, broken user files are reported, not fatal."""

from __future__ import annotations

from pathlib import Path

from zimao_tui.ui.theming import load_themes, user_themes_dir


def test_bundled_themes() -> None:
    themes, failures = load_themes()
    by_name = {t.name: t for t in themes}
    assert failures == []
    assert {"zimao-paper", "zimao-ink", "zimao-contrast"} <= set(by_name)
    assert by_name["zimao-paper"].dark is False and by_name["zimao-ink"].dark is True
    assert by_name["zimao-contrast"].background == "#000000"


def test_user_themes_and_failures(user_dirs: dict[str, Path]) -> None:
    folder = user_themes_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('name = "mine"\nprimary = "#123456"\ndark = false\n', encoding="utf-8")
    (folder / "broken.toml").write_text("name = [\n", encoding="utf-8")
    (folder / "badcolour.toml").write_text('name = "x"\nprimary = "notacolour"\n', encoding="utf-8")
    (folder / "noname.toml").write_text('primary = "#fff"\n', encoding="utf-8")
    themes, failures = load_themes()
    assert "mine" in {t.name for t in themes}
    assert sorted(f.split(":")[0] for f in failures) == ["badcolour.toml", "broken.toml", "noname.toml"]
    assert any("not a colour" in f for f in failures)
