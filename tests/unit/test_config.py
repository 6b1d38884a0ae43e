"""config.toml: defaults, round trip, unknown keys kept, bad files reported and left alone."""

from __future__ import annotations

from pathlib import Path

from zimao_tui.i18n import set_language
from zimao_tui.insights.citation import DEFAULT_TEMPLATE
from zimao_tui.store.config import Config, config_path, load_config, save_config


def test_defaults_when_missing() -> None:
    config, warnings = load_config()
    assert (config.theme, config.lang, config.citation_template, warnings) == (
        "zimao-paper",
        "zh",
        DEFAULT_TEMPLATE,
        [],
    )


def test_round_trip_keeps_unknown_keys(user_dirs: dict[str, Path]) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text(
        'future = { x = 1 }\ntheme = "zimao-ink"\n[keys]\n"zimao.search" = "/,ctrl+f"\n', encoding="utf-8"
    )
    config, warnings = load_config()
    assert warnings == [] and config.theme == "zimao-ink" and config.keys == {"zimao.search": "/,ctrl+f"}
    config.lang = "en"
    assert save_config(config)
    again, _ = load_config()
    assert again.lang == "en" and again.extra == {"future": {"x": 1}} and again.keys == config.keys


def test_bad_values_warn(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('lang = "fr"\ntheme = 3\nkeys = 1\n', encoding="utf-8")
    config, warnings = load_config(path)
    assert config.lang == "zh" and config.theme == "zimao-paper"
    assert len(warnings) == 3
    # Worded when shown, in the language chosen by then (config.toml's own lang may change it).
    assert "配置项 theme 应为字符串" in str(warnings[0]) and str(path) in str(warnings[0])
    set_language("en")
    try:
        assert "'theme' should be a string" in str(warnings[0])
        assert "[keys] must be a table" in str(warnings[2])
    finally:
        set_language("zh")


def test_corrupt_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(b'theme = "unterminated\n')
    config, warnings = load_config(path)
    assert not config.writable and "不是有效的 TOML" in str(warnings[0])
    config.theme = "zimao-ink"
    assert save_config(config, path) is False
    assert path.read_bytes() == b'theme = "unterminated\n'


def test_save_creates_folder(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "config.toml"
    assert save_config(Config(theme="zimao-contrast"), path)
    assert load_config(path)[0].theme == "zimao-contrast"
