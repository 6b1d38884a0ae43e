"""Interface strings in Simplified Chinese (the default) and English.

One table per language and one lookup, ``t(key, **fields)``, so every screen speaks the
same language and a missing translation is a test failure rather than a blank label.
The language is module state set once by the launcher (``--lang`` or ``config.toml``)
BEFORE the UI modules are imported: Textual merges ``BINDINGS`` when a class is created,
so binding descriptions (Footer, help screen) are translated at import time.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

_language: Lang = "zh"

STRINGS: dict[Lang, dict[str, str]] = {
    "zh": {
        # Bindings (ids without the "zimao." prefix): short, for the footer and help.
        "key.search": "搜索",
        "key.back": "返回",
        "key.open": "展开/打开",
        "key.collapse": "折叠/上级",
        "key.down": "下移",
        "key.up": "上移",
        "key.top": "顶部",
        "key.bottom": "底部",
        "key.prev_measure": "上一条",
        "key.next_measure": "下一条",
        "key.next_hit": "下一个匹配",
        "key.prev_hit": "上一个匹配",
        "key.bookmark": "收藏",
        "key.bookmarks": "书签列表",
        "key.note": "笔记",
        "key.copy": "复制",
        "key.cite": "复制引文",
        "key.copy_section": "复制本节",
        "key.theme": "主题",
        "key.help": "帮助",
        "key.quit": "退出",
        "key.palette": "命令面板",
        "key.toggle_tree": "目录栏",
        "key.figures": "数字",
        "key.glossary": "术语",
        "key.results_down": "下一个结果",
        "key.results_up": "上一个结果",
        "key.copy_selection": "复制选中文字",
        # Header and tree.
        "app.reports": "{n} 份报告",
        "tree.measures": "{n}",
        # Detail pane.
        "detail.position": "第{n}条 / 共{total}条",
        "detail.measures": "措施：{n} 条",
        "detail.keywords": "关键词",
        "detail.figures": "数字",
        "detail.terms": "新提法",
        "detail.note": "笔记",
        "detail.tags": "标签",
        "detail.none": "无",
        "detail.report": "《{title}》 {date} {source}",
        "detail.chapters": "章：{n}",
        "detail.empty": "在左侧目录中选择一条措施。",
        # Search.
        "search.placeholder": "搜索（/）：中文、拼音或首字母；↑↓ 历史",
        "search.loading": "正在准备搜索索引…",
        "search.none": "没有结果：{query}",
        "search.count": "{n} 个结果",
        "search.failed": "搜索索引不可用：{error}",
        "search.no_more": "没有更多匹配",
        "search.hit": "匹配 {n}/{total}",
        "search.no_search": "还没有搜索：按 / 搜索",
        # Notifications.
        "notify.bookmarked": "已收藏",
        "notify.unbookmarked": "已取消收藏",
        "notify.no_measure": "先在目录中选择一条措施",
        "notify.no_section": "先选择一个章节或措施",
        "notify.theme": "主题：{name}",
        "notify.worker_failed": "{what} 失败：{error}",
        "notify.history_failed": "无法保存搜索历史：{error}",
        "notify.unavailable": "此功能尚不可用：{what}",
        "copy.measure": "措施",
        "copy.citation": "引文",
        "copy.section": "本节",
        "copy.selection": "选中文字",
        "copy.osc": "已复制{label}（{count} 字），经终端剪贴板（OSC 52）发送；终端不支持时可能未收到",
        "copy.native": "已复制{label}（{count} 字）到剪贴板（{tool}，并经 OSC 52）",
        "copy.failed": "已复制{label}（{count} 字），经 OSC 52 发送；{tool} 失败：{error}",
        # Help screen.
        "help.title": "帮助 · 按键",
        "help.key": "按键",
        "help.action": "功能",
        "help.close": "按 Esc 或 ? 关闭",
        "help.mouse": "鼠标：点击目录、滚动；在右侧拖选文字后按 ctrl+c 复制。",
        "help.config": "按键可在 {path} 的 [keys] 中改（键 id → 按键）。",
        # Command palette.
        "cmd.goto": "跳到",
        "cmd.theme": "切换主题：{name}",
        "cmd.bookmarks": "打开书签列表",
        "cmd.copy": "复制当前措施",
        "cmd.cite": "复制当前措施（带引文）",
        "cmd.copy_section": "复制当前章节",
        "cmd.help": "帮助",
        "cmd.toggle_tree": "显示/隐藏目录栏",
        "cmd.figures": "数字一览",
        "cmd.glossary": "术语表",
    },
    "en": {
        "key.search": "Search",
        "key.back": "Back",
        "key.open": "Open/expand",
        "key.collapse": "Collapse/parent",
        "key.down": "Down",
        "key.up": "Up",
        "key.top": "Top",
        "key.bottom": "Bottom",
        "key.prev_measure": "Prev measure",
        "key.next_measure": "Next measure",
        "key.next_hit": "Next match",
        "key.prev_hit": "Previous match",
        "key.bookmark": "Bookmark",
        "key.bookmarks": "Bookmarks",
        "key.note": "Note",
        "key.copy": "Copy",
        "key.cite": "Copy citation",
        "key.copy_section": "Copy section",
        "key.theme": "Theme",
        "key.help": "Help",
        "key.quit": "Quit",
        "key.palette": "Commands",
        "key.toggle_tree": "Tree pane",
        "key.figures": "Figures",
        "key.glossary": "Glossary",
        "key.results_down": "Next result",
        "key.results_up": "Previous result",
        "key.copy_selection": "Copy selection",
        "app.reports": "{n} reports",
        "tree.measures": "{n}",
        "detail.position": "measure {n} of {total}",
        "detail.measures": "Measures: {n}",
        "detail.keywords": "Keywords",
        "detail.figures": "Figures",
        "detail.terms": "Coined terms",
        "detail.note": "Note",
        "detail.tags": "Tags",
        "detail.none": "none",
        "detail.report": "《{title}》 {date} {source}",
        "detail.chapters": "Chapters: {n}",
        "detail.empty": "Pick a measure in the tree on the left.",
        "search.placeholder": "Search (/): Chinese, pinyin or initials; ↑↓ history",
        "search.loading": "Preparing the search index…",
        "search.none": "No results: {query}",
        "search.count": "{n} results",
        "search.failed": "Search index unavailable: {error}",
        "search.no_more": "No more matches",
        "search.hit": "Match {n}/{total}",
        "search.no_search": "No search yet: press / to search",
        "notify.bookmarked": "Bookmarked",
        "notify.unbookmarked": "Bookmark removed",
        "notify.no_measure": "Select a measure in the tree first",
        "notify.no_section": "Select a chapter, section or measure first",
        "notify.theme": "Theme: {name}",
        "notify.worker_failed": "{what} failed: {error}",
        "notify.history_failed": "Could not save search history: {error}",
        "notify.unavailable": "Not available yet: {what}",
        "copy.measure": "measure",
        "copy.citation": "citation",
        "copy.section": "section",
        "copy.selection": "selection",
        "copy.osc": "Copied {label} ({count} chars) via the terminal clipboard (OSC 52); terminals without it may not receive it",
        "copy.native": "Copied {label} ({count} chars) to the clipboard ({tool}, and OSC 52)",
        "copy.failed": "Copied {label} ({count} chars) via OSC 52; {tool} failed: {error}",
        "help.title": "Help · keys",
        "help.key": "Key",
        "help.action": "Action",
        "help.close": "Esc or ? closes",
        "help.mouse": "Mouse: click the tree, scroll; drag over text on the right, then ctrl+c copies it.",
        "help.config": "Remap keys in [keys] of {path} (binding id → key).",
        "cmd.goto": "Go to",
        "cmd.theme": "Switch theme: {name}",
        "cmd.bookmarks": "Open bookmarks",
        "cmd.copy": "Copy current measure",
        "cmd.cite": "Copy current measure with citation",
        "cmd.copy_section": "Copy current section",
        "cmd.help": "Help",
        "cmd.toggle_tree": "Show/hide the tree pane",
        "cmd.figures": "Figures overview",
        "cmd.glossary": "Glossary",
    },
}


def set_language(lang: str) -> None:
    """Choose the interface language; unknown codes raise, so a typo cannot go unnoticed."""
    global _language
    if lang not in LANGS:
        raise ValueError(f"unknown interface language {lang!r} (expected one of {', '.join(LANGS)})")
    _language = lang  # type: ignore[assignment]


def language() -> Lang:
    """The current interface language."""
    return _language


def t(key: str, **fields: object) -> str:
    """The interface string ``key`` in the current language, with ``{fields}`` filled in.

    A key missing from the current language falls back to Chinese, then raises KeyError:
    a missing string is a bug to fix, not something to paper over with the key itself.
    """
    text = STRINGS[_language].get(key)
    if text is None:
        text = STRINGS["zh"][key]
    return text.format(**fields) if fields else text
