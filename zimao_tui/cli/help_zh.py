"""The command line's help and argparse's own messages in Chinese.

English is the source language of the parsers (as with gettext): each subcommand writes its
help in English where it declares its options, and this table gives the Chinese for each, so
adding an option is one line in its module and one here. ``tests/unit/test_cli_usage_errors.py``
fails on any help string of any parser that has no entry, and on English left in ``--help``
under ``--lang zh``.

argparse's own words ("usage:", "options", "unrecognized arguments: %s"…) go through the
``_`` it imports from gettext; :func:`install` replaces that module global with
:func:`translate` (gettext's own route would need a compiled catalogue under the process's
locale, which the interface language does not follow). Messages of other Python versions
that are not in the table stay English.
"""

from __future__ import annotations

import argparse
from typing import Any, overload

from zimao_tui.i18n import language

ZH: dict[str, str] = {
    # argparse's own words (Python 3.10-3.13)
    "usage: ": "用法：",
    "options": "选项",
    "optional arguments": "选项",
    "positional arguments": "参数",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少参数：%s",
    "one of the arguments %s is required": "参数 %s 须给出其一",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选 %(choices)s）",
    "invalid choice: %(value)r, maximum %(max)d": "无效的选择：%(value)r",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "至多一个值",
    "expected at least one argument": "至少一个值",
    "not allowed with argument %s": "不能与参数 %s 同用",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "unexpected option string: %s": "意外的选项：%s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知命令 %(parser_name)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    " (see '%s --help')": "（见“%s --help”）",
    # zimao-tui
    "zimao-tui [--lang {zh,en}] [FILE|DIR …]\n       zimao-tui [--lang {zh,en}] COMMAND [options]": "zimao-tui "
    "[--lang {zh,en}] [FILE|DIR …]\n      zimao-tui [--lang {zh,en}] COMMAND [选项]",  # under 用法： (6 cells)
    "give either --library or --report": "--library 与 --report 只能给一个",
    "give either QUERY or --stdin": "给出 QUERY 或 --stdin 之一",
    "--limit must be at least 1": "--limit 至少为 1",
    "--jobs must be at least 1": "--jobs 至少为 1",
    "commands": "命令",
    "actions": "操作",
    "A terminal explorer for Chinese policy reports.": "中文政策文件的终端浏览器。",
    "A terminal explorer for Chinese policy reports. Opens the app on the given reports "
    "(default: the bundled report).": "中文政策文件的终端浏览器。在给出的报告上打开应用（默认：自带的报告）。",
    "Without a command, the app starts on the given reports (default: the bundled report). "
    "Run 'zimao-tui COMMAND --help' for a command's options. --lang may come before or after "
    "the command.": "不带命令时，在给出的报告上打开应用（默认：自带的报告）。"
    "“zimao-tui 命令 --help”显示该命令的选项。--lang 可放在命令之前或之后。",
    "Commands for scripting: %s. Run 'zimao-tui COMMAND --help' for one's options.": "供脚本使用的命令：%s。"
    "“zimao-tui 命令 --help”显示该命令的选项。",
    "interface language (default: config, else zh)": "界面语言（默认：配置文件，否则中文）",
    "report files or folders of reports": "报告文件或报告文件夹",
    "bookmarks, notes, themes and config cannot be changed (what `serve --read-only` runs)": "书签、笔记、"
    "主题和配置均不可更改（`serve --read-only` 即以此运行）",
    "a report file or a folder of reports (repeatable; default: the bundled report)": "报告文件或报告文件夹"
    "（可重复；默认：自带的报告）",
    # outline
    "print the report's chapters, sections and measure counts": "列出报告的章、节和措施数",
    "print the whole tree, measures included, as JSON": "以 JSON 输出整棵树（含措施）",
    # search
    "find measures by Chinese words (typos, any order), pinyin or pinyin initials": "按中文词语（容错、"
    "不计词序）、拼音或拼音首字母查找措施",
    "Query syntax: space = AND, 'a | b' = OR, 'word = exact, !word = exclude, ^word = at the start "
    "of a measure. Chinese, full pinyin (zhishichanquan) and initials (zscq) all work.": "查询语法：空格 = "
    "同时包含，'a | b' = 或，'词 = 精确匹配，!词 = 排除，^词 = 位于措施开头。中文、全拼（zhishichanquan）"
    "和首字母（zscq）均可。",
    "what to look for (quote it if it has spaces)": "要查找的内容（含空格时加引号）",
    "search every report in your library (see `add`) instead of --report": "搜索文库中的全部报告"
    "（见 `add`），代替 --report",
    "at most N hits per query (default 10)": "每个查询至多 N 条结果（默认 10）",
    "print hits as JSON": "以 JSON 输出结果",
    "read one query per line from stdin; with --json, print one JSON array per line": "从标准输入每行读一个"
    "查询；与 --json 同用时每行输出一个 JSON 数组",
    # bookmarks
    "list, add, remove or export bookmarks and their notes": "列出、添加、删除或导出书签及其笔记",
    "every bookmark with its note, tags and status": "全部书签及其笔记、标签和状态",
    "print a JSON array": "输出 JSON 数组",
    "bookmark a measure, or update its bookmark": "收藏一条措施，或更新其书签",
    "the measure's id, e.g. 3.2.5": "措施编号，如 3.2.5",
    "the note (replaces an existing note)": "笔记（替换原有笔记）",
    "a tag (repeatable; added to existing tags)": "标签（可重复；加在原有标签之后）",
    "delete a bookmark": "删除书签",
    "the measure's current id, or the bookmark's uid": "措施的当前编号，或书签的 uid",
    "every bookmark as Markdown quotes or JSON, for backup": "以 Markdown 引文或 JSON 导出全部书签，用于备份",
    "output format (default md)": "输出格式（默认 md）",
    # figures
    "list every figure (money, counts, percentages, amounts, durations, ages, dates) with its measure": "列出"
    "全部数字（金额、数量、百分比、规模、期限、年龄、日期）及其措施",
    "print a JSON array of figure objects": "输出数字对象的 JSON 数组",
    "print CSV with a header row": "输出带表头的 CSV",
    # terms
    "list coined terms (“…”) and cited documents (《…》) with their counts and measures": "列出提法（“…”）"
    "和引用的文件（《…》）及其次数和措施",
    'print [{"term", "kind", "count", "measure_ids"}] as JSON': '以 JSON 输出 [{"term", "kind", "count", '
    '"measure_ids"}]',
    # compare
    "compare two reports (A older, B newer): measures same, changed, new or dropped": "比较两份报告（A 较早，"
    "B 较新）：措施相同、改动、新增或删除",
    "the older report (a file)": "较早的报告（文件）",
    "the newer report (a file)": "较新的报告（文件）",
    "print the comparison as JSON": "以 JSON 输出比较结果",
    "output format (default pretty)": "输出格式（默认 pretty）",
    "list only these statuses: same, changed, new, dropped (comma-separated)": "只列出这些状态：same、"
    "changed、new、dropped（逗号分隔）",
    # trends
    "count terms in each report, oldest first, with the first report that uses each": "按时间先后统计各报告中"
    "的词语次数，并指出首次使用的报告",
    "words or phrases to count": "要统计的词语",
    "without terms: the N coined terms and documents whose use changed most": "不给词语时：用法变化最大的 N 个"
    "提法和文件",
    'print [{"term", "counts": [{"report", "date", "count"}], "first"}]': '输出 [{"term", "counts": '
    '[{"report", "date", "count"}], "first"}]',
    # serve
    "serve the app to a web browser (textual-serve; one app per visitor)": "在网页浏览器中提供本应用"
    "（textual-serve；每位访客一个应用）",
    "report files or folders (default: the bundled report)": "报告文件或文件夹（默认：自带的报告）",
    "address to listen on (default: %(default)s)": "监听地址（默认：%(default)s）",
    "port to listen on (default: %(default)s)": "监听端口（默认：%(default)s）",
    "visitors cannot change bookmarks, notes, themes or config": "访客不能更改书签、笔记、主题或配置",
    "interface language of the served app": "所提供应用的界面语言",
    # add, library, remove
    "add report files or folders to your library (without PATH: re-read what changed)": "把报告文件或文件夹"
    "加入文库（不给 PATH：重读有改动的文件）",
    "report files or folders": "报告文件或文件夹",
    "worker processes (default: one per core)": "工作进程数（默认：每个核心一个）",
    "list the reports in your library (title, date, issuer, kind, measures, file, present or missing) "
    "and the folders it watches": "列出文库中的报告（标题、日期、发文机关、格式、措施数、文件、在或缺失）"
    "及关注的文件夹",
    "do not watch the folders given (by default a plain `add` rescans them for new files)": "不关注给出的"
    "文件夹（默认关注：不带参数的 `add` 会读入其中的新文件）",
    "print the catalogue as JSON": "以 JSON 输出目录",
    "take reports out of your library by id (see `library`) or path; a folder's path stops watching it": "按"
    "编号（见 `library`）或路径把报告移出文库；给出文件夹则不再关注它",
    "a report's id, its file's path, or a folder's path": "报告的编号、其文件路径或文件夹路径",
}


@overload
def translate(message: str) -> str: ...
@overload
def translate(message: None) -> None: ...
def translate(message: str | None) -> str | None:
    """``message`` in the interface language (English is the source).

    A subcommand's description is its one-line help with a full stop, sometimes followed by
    more sentences (``search``): each sentence is looked up on its own.
    """
    if message is None or language() != "zh" or message in ZH.values():
        return message
    if message in ZH:
        return ZH[message]
    head, stop, tail = message.partition(". ")
    if stop and head in ZH:
        return ZH[head] + "。" + translate(tail)
    if message.endswith(".") and message[:-1] in ZH:
        return ZH[message[:-1]] + "。"
    return message


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, translating each help string, section title and paragraph as it
    writes them (the parsers keep the English source, see the module docstring)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return translate(super()._get_help_string(action))

    def start_section(self, heading: str | None) -> None:
        super().start_section(translate(heading))

    def add_text(self, text: str | None) -> None:
        super().add_text(translate(text))


def install() -> None:
    """Route argparse's own messages through :func:`translate` (see the module docstring)."""
    module: Any = argparse
    module._ = translate
