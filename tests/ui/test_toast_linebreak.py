"""Toasts break lines by the Chinese rules (issue 15): no line starts with 、 or ；, and
``OSC 52`` is never split."""

from __future__ import annotations

from itertools import pairwise

from textual.widgets._toast import Toast

from zimao_tui.i18n import set_language, t
from zimao_tui.ui.text.linebreak import Kinsoku, break_offsets
from zimao_tui.ui.textual_compat import kinsoku_toasts


def lines(text: str, width: int) -> list[str]:
    cuts = [0, *break_offsets(text, width), len(text)]
    return [text[a:b] for a, b in pairwise(cuts)]


def test_osc_52_stays_whole_at_every_width() -> None:
    for lang in ("zh", "en"):
        set_language(lang)
        try:
            message = t("copy.osc", label=t("copy.measure"), count=42)
        finally:
            set_language("zh")
        for width in range(12, 60):
            assert all(not line.startswith(("52", "\u00a052")) for line in lines(message, width)), width


def test_no_line_of_a_message_starts_with_a_pause_mark() -> None:
    message = "已删除书签：深入学习贯彻党的十九大精神、紧密围绕新要求；认真落实国家、湖北省、武汉市的安排部署"
    for width in range(8, 50):
        assert all(not line.startswith(("、", "；", "，")) for line in lines(message, width))


def test_toasts_render_through_kinsoku() -> None:
    kinsoku_toasts()
    kinsoku_toasts()  # once is enough: a second call does not wrap it twice
    from textual.notifications import Notification

    drawn = Toast(Notification("已复制措施（42字）、经OSC\u00a052发送", "", "information", 3)).render()
    assert isinstance(drawn, Kinsoku)  # so the toast's text is cut by break_offsets
    assert drawn.content.plain == "已复制措施（42字）、经OSC\u00a052发送"
