"""Interface strings of the bookmarks screen and the note dialog, in both languages.

They are merged into :data:`zimao_tui.ui.i18n.STRINGS` on import (without overriding a key
already there), so the screens use the same ``t()`` as the rest of the UI while this file
stays with the screens that own the strings.
"""

from __future__ import annotations

from zimao_tui.ui.i18n import STRINGS

_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "bm.title": "书签 · {n} 条",
        "bm.title_filtered": "书签 · {shown}/{n} 条",
        "bm.filter": "筛选（/）：原文、笔记、标签、章节",
        "bm.empty": "还没有书签：在措施上按 b 收藏，按 e 写笔记。",
        "bm.no_match": "没有符合“{query}”的书签。",
        "bm.orphaned": "已失效",
        "bm.not_open": "报告未打开",
        "bm.saved_as": "原 {id}",
        "bm.no_note": "（无笔记）",
        "bm.cannot_jump": "这条书签的原文已不在报告中，无法跳转；可按 e 编辑或 d 删除。",
        "bm.cannot_jump_closed": "这条书签所属的报告《{title}》没有打开，无法跳转。",
        "bm.nothing": "没有选中的书签",
        "bm.deleted": "已删除书签",
        "bm.saved": "笔记已保存",
        "bm.confirm_delete": "删除这条书签和它的笔记？",
        "bm.yes": "删除",
        "bm.no": "取消",
        "bm.key.close": "关闭",
        "bm.key.jump": "跳转",
        "bm.key.filter": "筛选",
        "bm.key.delete": "删除",
        "bm.key.edit": "编辑笔记",
        "bm.key.list": "到列表",
        "bm.key.confirm": "确认",
        "bm.key.cancel": "取消",
        "note.title": "笔记 · {excerpt}",
        "note.note": "笔记",
        "note.tags": "标签（空格或逗号分隔）",
        "note.tags_placeholder": "例如：自贸区，金融 人才",
        "note.save": "保存（ctrl+s）",
        "note.cancel": "取消（Esc）",
        "note.key.save": "保存",
        "note.key.cancel": "取消",
    },
    "en": {
        "bm.title": "Bookmarks · {n}",
        "bm.title_filtered": "Bookmarks · {shown}/{n}",
        "bm.filter": "Filter (/): text, note, tags, headings",
        "bm.empty": "No bookmarks yet: press b on a measure to add one, e to write a note.",
        "bm.no_match": "No bookmark matches “{query}”.",
        "bm.orphaned": "orphaned",
        "bm.not_open": "report not open",
        "bm.saved_as": "was {id}",
        "bm.no_note": "(no note)",
        "bm.cannot_jump": "This bookmark's text is no longer in the report; press e to edit or d to delete it.",
        "bm.cannot_jump_closed": "This bookmark's report 《{title}》 is not open.",
        "bm.nothing": "No bookmark selected",
        "bm.deleted": "Bookmark deleted",
        "bm.saved": "Note saved",
        "bm.confirm_delete": "Delete this bookmark and its note?",
        "bm.yes": "Delete",
        "bm.no": "Cancel",
        "bm.key.close": "Close",
        "bm.key.jump": "Go to",
        "bm.key.filter": "Filter",
        "bm.key.delete": "Delete",
        "bm.key.edit": "Edit note",
        "bm.key.list": "To list",
        "bm.key.confirm": "Confirm",
        "bm.key.cancel": "Cancel",
        "note.title": "Note · {excerpt}",
        "note.note": "Note",
        "note.tags": "Tags (space or comma separated)",
        "note.tags_placeholder": "e.g. ftz, finance talent",
        "note.save": "Save (ctrl+s)",
        "note.cancel": "Cancel (Esc)",
        "note.key.save": "Save",
        "note.key.cancel": "Cancel",
    },
}

for _lang, _table in _STRINGS.items():
    for _key, _text in _table.items():
        STRINGS[_lang].setdefault(_key, _text)  # type: ignore[index]


def excerpt(text: str, width: int = 40) -> str:
    """The start of a measure, on one line, for titles and list rows."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
