"""Hostile input shared by the security tests: a report that tries to act on the terminal.

Imported as ``hostile`` (tests/ is on sys.path through its conftest). The fixed report holds
one of each attack the issue names; ``hostile_text`` generates random Unicode with every
C0/C1 control and bidi character and markup fragments, for the property tests.
"""

from __future__ import annotations

import base64
import re

from hypothesis import strategies as st

from zimao_tui.document.inert import BIDI_CONTROLS, UNSAFE

OSC52 = "\x1b]52;c;" + base64.b64encode(b"PWNED-CLIPBOARD").decode() + "\x1b\\"
OSC0 = "\x1b]0;PWNED-TITLE\x07"
CLEAR = "\x1b[2J\x1b[H"
C1_CSI = "\x9b31m"
SGR = "\x1b[31m"
RLO = "\u202e"

FILLER = "正常的措施，推动高质量发展，优化营商环境，建设现代化产业体系，投入3000万元用于人才引进。"
"""Padding: the decoder refuses a file where more than 1% of characters are controls."""

TITLE = f"关于恶意报告{CLEAR}测试{RLO}的通知\u202c"
"""The title: no OSC here, since an OSC needs a ``;`` and a line with one reads as a sentence,
not a title (the parser then names the report after its file); the heading carries the OSC 0."""
CHAPTER = f"一、[/]章节[link=https://evil.example]链接[/link]{OSC0}"
SECTION = f"(一)[bold]加粗[/bold]小节{RLO}反转\u202c"
MEASURE = f"注入剪贴板{OSC52}的句子，设立不低于5亿元的“硬核[/]科技”基金，引用《[/]文件》。"
MEASURE2 = f"清屏{CLEAR}的措施，红色{SGR}文字与C1控制{C1_CSI}红色\x9b0m的措施。"


def report_text(
    title: str = TITLE, chapter: str = CHAPTER, section: str = SECTION, body: str = "", filler: int = 0
) -> str:
    """A report in the genre's layout with the given pieces, padded with ordinary measures:
    ``filler`` of them, by default enough that the decoder's 1% limit on control characters
    lets the file through (the checks here are about display, not about that limit)."""
    body = body or MEASURE + MEASURE2
    head = [title, "", "2022-07-05 09:52 来源:攻击者", "", chapter, "", section, "", body, ""]
    controls = sum(1 for ch in "".join(head) if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\x7f")
    filler = filler or max(40, controls * 120 // len(FILLER) + 1)
    lines = [*head, "二、正常章节", "", "(一)正常小节", "", FILLER * filler, ""]
    return "\n".join(lines)


EVERY_CONTROL = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)] + ["\x7f"]
EVERY_CONTROL += [chr(c) for c in range(0x80, 0xA0)] + list(BIDI_CONTROLS)

hostile_text = st.lists(
    st.one_of(
        st.sampled_from([*EVERY_CONTROL, OSC52, OSC0, CLEAR, "[/]", "[link=https://x]", "[bold]", "一、"]),
        st.characters(exclude_categories=["Cs"]),
    ),
    max_size=30,
).map("".join)
"""Random Unicode (no surrogates: they cannot be written to a file) with every control,
every bidi character, whole escape sequences and markup fragments in good supply."""

RICH_SGR = re.compile(r"\x1b\[[0-9;]*m")
"""The only escape sequence Rich writes for our styles (no hyperlinks, no cursor moves)."""


def unsafe_left(output: str, styled: bool = False) -> set[str]:
    """Control or bidi characters in ``output``, after taking away Rich's own SGR styling when
    ``styled``. Sound because report text is inert before Rich sees it: a report's own
    ``ESC [31m`` reaches Rich as ``␛[31m``, so any ESC left is one Rich wrote."""
    if styled:
        output = RICH_SGR.sub("", output)
    return UNSAFE & set(output)
