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
        # Bindings (ids without the "zimao." prefix): short, for the footer and help. The
        # explorer's visible ones must fit one 80-column footer in both languages
        # (tests/ui/test_footer_fit.py); where that cuts a label short, the help screen
        # shows the "keyhelp." string of the same id instead (see binding_help).
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
        "keyhelp.prev_measure": "上一条措施",
        "keyhelp.next_measure": "下一条措施",
        "keyhelp.bookmark": "收藏/取消收藏",
        "keyhelp.palette": "命令面板：跳转、主题、复制",
        "keyhelp.figures_sort": "按下一列排序",
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
        "detail.label": "{label}：",
        "detail.separator": "、",
        "detail.tags": "标签",
        "detail.none": "无",
        "detail.loading": "计算中…",
        "detail.report": "《{title}》 {date} {source}",
        "detail.chapters": "章：{n}",
        "detail.empty": "在左侧目录中选择一条措施。",
        # Search.
        "search.placeholder": "搜索（/）：中文、拼音或首字母；↑↓ 历史",
        "search.loading": "正在准备搜索索引…",
        "search.none": "没有结果：{query}",
        "search.count": "{n} 个结果",
        "search.count_capped": "显示 {shown} / 共 {n} 个结果",
        "search.failed": "搜索索引不可用：{error}",
        "search.no_more": "没有更多匹配",
        "search.hit": "匹配 {n}/{total}：{query}",
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
        "copy.osc": "已复制{label}（{count}字），经终端剪贴板（OSC\u00a052）发送；终端不支持时可能未收到",
        "copy.native": "已复制{label}（{count}字）到剪贴板（{tool}，并经OSC\u00a052）",
        "copy.failed": "已复制{label}（{count}字），经OSC\u00a052发送；{tool}失败：{error}",
        # Help screen.
        "help.title": "帮助 · 按键",
        "help.key": "按键",
        "help.action": "功能",
        "help.close": "按 Esc 或 ? 关闭",
        "help.mouse": "鼠标：点击目录、滚动；在右侧拖选文字后按 ctrl+c 复制。",
        "help.config": "按键可在 {path} 的 [keys] 中改（键 id → 按键）。",
        # Command palette.
        "palette.placeholder": "搜索命令、章节或措施…",
        "system.quit": "退出",
        "system.quit.help": "立即退出 zimao-tui",
        "system.keys": "按键",
        "system.keys.help": "显示当前部件的说明和可用按键",
        "system.keys_hide": "按键",
        "system.keys_hide.help": "隐藏按键和部件说明",
        "system.maximize": "最大化",
        "system.maximize.help": "最大化当前部件",
        "system.minimize": "还原",
        "system.minimize.help": "还原部件的正常大小",
        "system.screenshot": "截图",
        "system.screenshot.help": "把当前屏幕保存为 SVG 图片",
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
        # Bookmarks screen and note dialog.
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
        "bm.read_only_newer": "书签文件由更新版本的 zimao-tui 写入（schema_version = {version}），只能查看，修改未保存。文件：{path}",
        "bm.read_only": "书签文件无法读取，只能查看，修改未保存。文件：{path}",
        "note.title": "笔记 · {excerpt}",
        "note.note": "笔记",
        "note.tags": "标签（空格或逗号分隔）",
        "note.tags_placeholder": "例如：自贸区，金融 人才",
        "note.save": "保存（ctrl+s）",
        "note.cancel": "取消（Esc）",
        "note.key.save": "保存",
        "note.key.cancel": "取消",
        # Figures screen.
        "figures.title": "数字一览",
        "figures.count": "{shown} / {total} 个数字",
        "figures.filter": "筛选：类型、单位、章节或原文（如 金额、家、三、近）",
        "figures.col.raw": "原文",
        "figures.col.value": "数值",
        "figures.col.unit": "单位",
        "figures.col.kind": "类型",
        "figures.col.approx": "≈",
        "figures.col.chapter": "章",
        "figures.col.measure": "条",
        "figures.col.excerpt": "摘录",
        "figures.col.report": "报告",
        "figures.chart.money": "金额",
        "figures.chart.count": "数字个数",
        "figures.kind.money": "金额",
        "figures.kind.count": "数量",
        "figures.kind.percent": "比例",
        "figures.kind.duration": "时长",
        "figures.kind.area": "面积",
        "figures.kind.date": "日期",
        "figures.sorted": "排序：{column}{arrow}",
        "key.figures.sort": "换排序列",
        "key.figures.reverse": "倒序",
        "key.figures.filter": "筛选",
        "key.figures.table": "回到表格",
        "key.figures.open": "跳到措施",
        # Glossary screen.
        # Errors that end a command (one line on stderr, exit status 2): the path first, as
        # every command-line tool names the file it is complaining about.
        "error.empty": "{path}：文件是空的",
        "error.bom": "{path}：以 {name} 字节顺序标记开头，却不是有效的 {name}（第 {offset} 字节：{reason}）",
        "error.binary": "{path}：这是二进制文件，不是文本报告",
        "error.encoding": "{path}：无法读取文字：既不是 UTF-8、UTF-16，也不是 GB18030/GBK（第 {offset} 字节无效）",
        "error.garbage": (
            "{path}：无法读取文字：不是 UTF-8 或 UTF-16，按 GBK 读出来是乱码（是 Big5 或别的编码吗？请先转成 UTF-8）"
        ),
        "error.no_text": "{path}：文件里没有文字",
        "error.no_report_text": "{path}：没有找到报告正文（只有标题、层级标题或网页杂项）",
        "error.no_such_file": "{path}：文件不存在",
        "error.is_directory": "{path}：这是文件夹，不是文件",
        "error.unreadable": "{path}：无法读取（{error}）",
        "error.empty_folder": "{path}：文件夹里没有报告（没有 {suffixes} 文件）",
        "error.no_such_path": "{path}：文件或文件夹不存在",
        # Notices: what went wrong with a file, shown as a notification (or on stderr). The
        # sentence comes first and the path last: a toast breaks a long path mid-word.
        "notice.config_unreadable": "无法读取配置文件（{error}），使用默认设置，文件保持不变：{path}",
        "notice.config_invalid": "配置文件不是有效的 TOML（{error}），使用默认设置，文件保持不变：{path}",
        "notice.config_not_string": "配置项 {key} 应为字符串，使用默认值：{path}",
        "notice.config_lang": "配置项 lang 只能是 {choices}，使用 {lang}：{path}",
        "notice.config_keys_values": '[keys] 的值须为字符串，如 "/,ctrl+f"；其余已忽略：{path}',
        "notice.config_keys_table": '[keys] 须为“绑定 id = "按键"”的表，已忽略：{path}',
        "notice.theme_failed": "主题文件有误，已跳过：{errors}",
        "notice.theme_missing": "找不到主题 {name}，改用 {fallback}",
        "notice.bookmarks_set_aside": "书签文件无法读取，已原样移到一旁，现从空书签开始。原因：{error}。原文件：{moved}",
        "notice.bookmarks_rewritten": (
            "书签文件被外部改坏，已原样移到一旁，并按这里显示的书签重写。原因：{error}。原文件：{moved}"
        ),
        "notice.bookmarks_unreadable": "无法读取书签文件（{error}），以只读方式打开，不会改写：{path}",
        "notice.bookmarks_newer": (
            "书签文件由更新版本的 zimao-tui 写入（schema_version = {version}），以只读方式打开，不会改写：{path}"
        ),
        "notice.report_skipped": "已跳过：{error}",
        "notice.report_cache": "无法保存已解析的报告（{error}），下次启动会重新解析：{folder}",
        "notice.history_unreadable": "无法读取搜索历史（{error}）：{path}",
        "notice.history_invalid": "搜索历史不是有效的 JSON（{error}），将重新记录：{path}",
        "notice.history_not_list": "搜索历史应为查询列表，将重新记录：{path}",
        "glossary.title": "术语表",
        "glossary.count": "{terms} 条新提法 · {documents} 份文件",
        "glossary.count_filtered": "显示 {shown} / 共 {total} 条",
        "glossary.filter": "筛选：输入词语；《 只看文件，“ 只看新提法",
        "glossary.occurrences": "“{term}” 出现 {count} 次，在 {n} 条措施中",
        "glossary.document_occurrences": "《{term}》 出现 {count} 次，在 {n} 条措施中",
        "glossary.none": "没有匹配的术语",
        "key.glossary.filter": "筛选",
        "key.glossary.switch": "切换列表",
        # --- h10-data ---
        "notice.bookmarks_temp": "无法删除上次中断的保存留下的临时文件（{error}）：{path}",
        "error.bookmarks_unreadable": "无法读取书签文件（{error}），没有输出任何书签：{path}",
        "error.bookmarks_unreadable_change": "无法读取书签文件（{error}），没有做任何修改：{path}",
        "error.argument_not_utf8": "{option} 不是有效的 UTF-8 文字（第 {offset} 个字符），没有保存：{text}",
        "error.bookmark_not_utf8": "书签含有不是 UTF-8 的字符（{error}），没有保存",
        "notice.config_citation": (
            "配置项 citation_template 有误（{problem}：只能写 {{text}} {{title}} {{path}} 这样的字段，"
            "不带格式说明，花括号成对），改用默认模板：{path}"
        ),
        "notice.keys_unknown_id": "[keys] 中的 {id} 不是任何按键绑定的 id（见帮助 ?），已忽略：{path}",
        "notice.keys_bad_key": "[keys] 中 {id} 的按键“{key}”不是有效的键名（如 x、slash、ctrl+f、f5），已忽略：{path}",
        "notice.keys_quit_key": "[keys] 中 {id} 不能用 {key}：q 和 ctrl+q 始终用于退出，已忽略：{path}",
        "bm.more": "还有 {n} 条未列出：按 / 输入筛选",
        # --- h10-crash ---
        "file.not_regular": "不是普通文件，而是设备、管道或套接字",
        "file.too_large": "文件太大，上限 {limit}",
        "file.too_deep": "嵌套超过 {limit} 层，视为损坏",
        "search.capped": "查询过长，只搜索了开头（最多 {chars} 个字符、{terms} 个词，每词 {term_chars} 个字符）：{query}",
        "search.line_too_long": "第 {line} 行超过 {limit} 个字符，已跳过",
        "search.line_endless": "第 {line} 行超过 {limit} 个字符仍未结束，停止读取",
        "notice.cache_unwritable": "缓存无法写入（{error}），不用缓存继续，下次启动会重新计算：{folder}",
        "notice.theme_broken": "主题 {name} 无法使用（{error}），改用 {fallback}",
        # --- h11-struct ---
        "detail.position_in_article": "第{n}句 / 共{total}句",
        # --- h11-meta ---
        "notice.furniture_unreadable": "无法读取网页杂项规则文件（{error}），已忽略：{path}",
        "notice.furniture_invalid": "网页杂项规则文件不是有效的 TOML（{error}），已忽略：{path}",
        "notice.furniture_key": "网页杂项规则文件中的 {key} 无法识别，已忽略：{path}",
        "notice.furniture_not_list": "网页杂项规则文件中的 {key} 应为字符串列表，已忽略：{path}",
        "notice.furniture_pattern": "网页杂项规则文件中的模式 {pattern} 无效（{error}），已忽略：{path}",
        # --- integration ---
        "heading.preamble": "前言",
        "heading.closing": "落款",
        "outline.measures": "{n} 条措施",
        "outline.count": "{n} 条",
        "outline.source": "来源 {source}",
        # Command-line output and errors (issue 15, h15-open: every CLI word through here).
        "cli.search_count": "{n} 条",
        "cli.search_count_capped": "前 {shown} 条，共 {n} 条",
        "cli.search_none": "（无结果）",
        "cli.bm_none": "没有书签。",
        "cli.bm_note": "笔记：",
        "cli.bm_tags": "标签：",
        "cli.bm_gone": "原文已不在报告中",
        "cli.bm_added": "已收藏 {id}（uid {uid}）",
        "cli.bm_removed": "已删除 {id} 的书签",
        "cli.bm_export_title": "书签",
        "cli.bm_saved_as": "保存时为 {id}",
        "cli.no_measure": "没有编号为 {id} 的措施（见 'zimao-tui outline --json'）",
        "cli.measure_ambiguous": "编号 {id} 在 {n} 份报告中都有；请用 --report 指定一份",
        "cli.no_bookmark": "{id} 上没有书签（见 'zimao-tui bookmarks list'）",
        "cli.bookmark_ambiguous": "{id} 指向 {n} 份报告中的书签；请用 --report 指定一份",
        "cli.figures_title": "{n} 个数字",
        "cli.col_measure": "措施",
        "cli.col_raw": "原文",
        "cli.col_value": "数值",
        "cli.col_unit": "单位",
        "cli.col_kind": "类型",
        "cli.col_chapter": "章",
        "cli.terms_title": "{n} 条术语与文件",
        "cli.col_term": "术语 / 文件",
        "cli.col_count": "次数",
        "cli.term": "术语",
        "cli.document": "文件",
        "error.bookmarks_read": "无法读取书签文件 {path}：{error}",
        "error.bookmarks_save": "无法保存书签文件 {path}：{error}",
        "error.bookmarks_lock_file": "无法创建书签锁文件 {path}：{error}",
        "error.bookmarks_locked": "另一个 zimao-tui 正占用书签锁 {path}；这次修改没有保存",
        "error.bookmarks_read_only": "书签文件 {path} 以只读方式打开（见启动时的提示）；没有做任何修改",
        "error.bookmarks_lossy": "书签无法无损写成 TOML，没有保存（这是 zimao-tui 的缺陷，请报告）",
        # Open, recent reports, resume, tree width, query syntax (issue 15, h15-open).
        "key.open_report": "打开",
        "keyhelp.open_report": "打开报告文件（文件浏览器）",
        "key.tree_wider": "目录栏加宽",
        "key.tree_narrower": "目录栏变窄",
        "cmd.open_report": "打开报告…",
        "cmd.recent": "最近：{title}",
        "open.title": "打开报告",
        "open.hint": "Enter 打开 · Backspace 上级文件夹 · ~ 主目录 · Esc 取消",
        "open.filter": "只显示报告文件：{suffixes}",
        "open.failed": "无法打开：{error}",
        "open.opened": "已打开《{title}》",
        "open.already": "《{title}》已经打开",
        "resume.returned": "回到上次读到的位置：{where}",
        "notice.reading_set_aside": "阅读位置文件已损坏（{error}），已原样移到 {moved}；从头记录",
        "notice.reading_newer": "阅读位置文件由更新版本的 zimao-tui 写入（schema_version = {version}），本次只读，不会改写：{path}",
        "notice.reading_unreadable": "无法读取阅读位置文件（{error}），本次不会改写它：{path}",
        "notice.reading_save_failed": "无法保存阅读位置：{error}",
        "search.syntax": '语法：a b 同时包含 · a | b 任一 · \'a 精确 · "a b" 词组 · !a 排除 · ^a 开头',
        "help.syntax_title": "搜索语法",
        "help.syntax": (
            "a b      同时包含 a 和 b\n"
            "a | b    包含 a 或 b\n"
            "'a       精确匹配 a（不做错字、拼音、同义词匹配）\n"
            '"a b"    词组，按原样精确匹配（含空格）\n'
            "!a       不含 a 的措施\n"
            "^a       以 a 开头的措施\n"
            "中文、全拼（zhishichanquan）和首字母（zscq）都可以搜。"
        ),
        "app.help_quit": "按 {key} 退出",
        "app.help_quit_title": "要退出吗？",
        "palette.no_matches": "没有匹配的命令",
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
        "key.prev_measure": "Prev",
        "key.next_measure": "Next",
        "key.next_hit": "Next match",
        "key.prev_hit": "Previous match",
        "key.bookmark": "Mark",
        "key.bookmarks": "Bookmarks",
        "key.note": "Note",
        "key.copy": "Copy",
        "key.cite": "Copy citation",
        "key.copy_section": "Copy section",
        "key.theme": "Theme",
        "key.help": "Help",
        "key.quit": "Quit",
        "key.palette": "Palette",
        "key.toggle_tree": "Tree pane",
        "key.figures": "Figures",
        "key.glossary": "Glossary",
        "key.results_down": "Next result",
        "key.results_up": "Previous result",
        "key.copy_selection": "Copy selection",
        "keyhelp.prev_measure": "Previous measure",
        "keyhelp.next_measure": "Next measure",
        "keyhelp.bookmark": "Bookmark / unbookmark",
        "keyhelp.palette": "Command palette: go to, theme, copy",
        "keyhelp.figures_sort": "Sort by the next column",
        "app.reports": "{n} report{n_s}",
        "tree.measures": "{n}",
        "detail.position": "measure {n} of {total}",
        "detail.measures": "Measures: {n}",
        "detail.keywords": "Keywords",
        "detail.figures": "Figures",
        "detail.terms": "Coined terms",
        "detail.note": "Note",
        "detail.label": "{label}: ",
        "detail.separator": ", ",
        "detail.tags": "Tags",
        "detail.none": "none",
        "detail.loading": "computing…",
        "detail.report": "《{title}》 {date} {source}",
        "detail.chapters": "Chapters: {n}",
        "detail.empty": "Pick a measure in the tree on the left.",
        "search.placeholder": "Search (/): Chinese, pinyin or initials; ↑↓ history",
        "search.loading": "Preparing the search index…",
        "search.none": "No results: {query}",
        "search.count": "{n} result{n_s}",
        "search.count_capped": "showing {shown} of {n} results",
        "search.failed": "Search index unavailable: {error}",
        "search.no_more": "No more matches",
        "search.hit": "Match {n}/{total}: {query}",
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
        "copy.osc": "Copied {label} ({count} char{count_s}) via the terminal clipboard (OSC\u00a052); terminals without it may not receive it",
        "copy.native": "Copied {label} ({count} char{count_s}) to the clipboard ({tool}, and OSC\u00a052)",
        "copy.failed": "Copied {label} ({count} char{count_s}) via OSC\u00a052; {tool} failed: {error}",
        "help.title": "Help · keys",
        "help.key": "Key",
        "help.action": "Action",
        "help.close": "Esc or ? closes",
        "help.mouse": "Mouse: click the tree, scroll; drag over text on the right, then ctrl+c copies it.",
        "help.config": "Remap keys in [keys] of {path} (binding id → key).",
        "palette.placeholder": "Search commands, chapters or measures…",
        "system.quit": "Quit",
        "system.quit.help": "Quit zimao-tui now",
        "system.keys": "Keys",
        "system.keys.help": "Show help for the focused widget and a summary of available keys",
        "system.keys_hide": "Keys",
        "system.keys_hide.help": "Hide the keys and widget help panel",
        "system.maximize": "Maximize",
        "system.maximize.help": "Maximize the focused widget",
        "system.minimize": "Minimize",
        "system.minimize.help": "Minimize the widget and restore to normal size",
        "system.screenshot": "Screenshot",
        "system.screenshot.help": "Save an SVG 'screenshot' of the current screen",
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
        "bm.read_only_newer": "The bookmarks file was written by a newer zimao-tui (schema_version = {version}); it is read-only and the change was not saved. File: {path}",
        "bm.read_only": "The bookmarks file cannot be read; it is read-only and the change was not saved. File: {path}",
        "note.title": "Note · {excerpt}",
        "note.note": "Note",
        "note.tags": "Tags (space or comma separated)",
        "note.tags_placeholder": "e.g. ftz, finance talent",
        "note.save": "Save (ctrl+s)",
        "note.cancel": "Cancel (Esc)",
        "note.key.save": "Save",
        "note.key.cancel": "Cancel",
        "figures.title": "Figures",
        "figures.count": "{shown} / {total} figure{total_s}",
        "figures.filter": "Filter: kind, unit, chapter or text (money, 家, 三, 近)",
        "figures.col.raw": "Text",
        "figures.col.value": "Value",
        "figures.col.unit": "Unit",
        "figures.col.kind": "Kind",
        "figures.col.approx": "≈",
        "figures.col.chapter": "Chapter",
        "figures.col.measure": "Id",
        "figures.col.excerpt": "Excerpt",
        "figures.col.report": "Report",
        "figures.chart.money": "Money",
        "figures.chart.count": "Figures",
        "figures.kind.money": "money",
        "figures.kind.count": "count",
        "figures.kind.percent": "percent",
        "figures.kind.duration": "duration",
        "figures.kind.area": "area",
        "figures.kind.date": "date",
        "figures.sorted": "Sorted by {column}{arrow}",
        "key.figures.sort": "Sort",
        "key.figures.reverse": "Reverse",
        "key.figures.filter": "Filter",
        "key.figures.table": "Table",
        "key.figures.open": "Go to measure",
        "error.empty": "{path}: the file is empty",
        "error.bom": "{path}: starts with a {name} byte-order mark but is not valid {name} ({reason} at byte {offset})",
        "error.binary": "{path}: this is a binary file, not a text report",
        "error.encoding": (
            "{path}: cannot read the text: it is neither UTF-8, UTF-16 nor GB18030/GBK (invalid byte at offset {offset})"
        ),
        "error.garbage": (
            "{path}: cannot read the text: it is not UTF-8 or UTF-16, and read as GBK it gives garbage "
            "(is it Big5 or another encoding? convert it to UTF-8 first)"
        ),
        "error.no_text": "{path}: the file contains no text",
        "error.no_report_text": "{path}: no report text found (only a title, headings or page furniture)",
        "error.no_such_file": "{path}: no such file",
        "error.is_directory": "{path}: is a directory",
        "error.unreadable": "{path}: cannot read it ({error})",
        "error.empty_folder": "{path}: the folder holds no reports (no {suffixes} files)",
        "error.no_such_path": "{path}: no such file or folder",
        "notice.config_unreadable": "{path}: cannot read it ({error}); using defaults and leaving it untouched",
        "notice.config_invalid": "{path}: not valid TOML ({error}); using defaults and leaving it untouched",
        "notice.config_not_string": "{path}: '{key}' should be a string; using the default",
        "notice.config_lang": "{path}: lang must be one of {choices}; using {lang}",
        "notice.config_keys_values": '{path}: [keys] values must be strings such as "/,ctrl+f"; others ignored',
        "notice.config_keys_table": '{path}: [keys] must be a table of binding id = "keys"; ignored',
        "notice.theme_failed": "theme files skipped: {errors}",
        "notice.theme_missing": "theme {name} not found; using {fallback}",
        "notice.bookmarks_set_aside": (
            "The bookmarks file could not be read; it was moved aside unchanged and bookmarks start empty. "
            "Reason: {error}. The file: {moved}"
        ),
        "notice.bookmarks_rewritten": (
            "The bookmarks file was damaged by another program; it was moved aside unchanged and rewritten "
            "from the bookmarks shown here. Reason: {error}. The file: {moved}"
        ),
        "notice.bookmarks_unreadable": (
            "cannot read the bookmarks file ({error}); opened read-only, it will not be rewritten: {path}"
        ),
        "notice.bookmarks_newer": (
            "the bookmarks file was written by a newer zimao-tui (schema_version = {version}); "
            "opened read-only, it will not be rewritten: {path}"
        ),
        "notice.report_skipped": "skipped {error}",
        "notice.report_cache": "cannot keep parsed reports ({error}); they will be parsed again next time: {folder}",
        "notice.history_unreadable": "cannot read the search history ({error}): {path}",
        "notice.history_invalid": "the search history is not valid JSON ({error}); starting a new one: {path}",
        "notice.history_not_list": "the search history should be a list of queries; starting a new one: {path}",
        "glossary.title": "Glossary",
        "glossary.count": "{terms} coined term{terms_s} · {documents} document{documents_s}",
        "glossary.count_filtered": "{shown} of {total} shown",
        "glossary.filter": "Filter: type a word; 《 documents only, “ terms only",
        "glossary.occurrences": "“{term}” occurs {count} time{count_s} in {n} measure{n_s}",
        "glossary.document_occurrences": "《{term}》 occurs {count} time{count_s} in {n} measure{n_s}",
        "glossary.none": "No matching terms",
        "key.glossary.filter": "Filter",
        "key.glossary.switch": "Switch list",
        # --- h10-data ---
        "notice.bookmarks_temp": "cannot remove a temp file left by an interrupted save ({error}): {path}",
        "error.bookmarks_unreadable": "cannot read the bookmarks file ({error}); no bookmarks were output: {path}",
        "error.bookmarks_unreadable_change": "cannot read the bookmarks file ({error}); nothing was changed: {path}",
        "error.argument_not_utf8": "{option} is not valid UTF-8 text (character {offset}); nothing was saved: {text}",
        "error.bookmark_not_utf8": "the bookmark holds characters that are not UTF-8 ({error}); nothing was saved",
        "notice.config_citation": (
            "{path}: citation_template cannot be used ({problem}: only fields such as {{text}} {{title}} {{path}}, "
            "without format specs, and paired braces); using the default"
        ),
        "notice.keys_unknown_id": "{path}: [keys] {id} is not the id of any key binding (see help, ?); ignored",
        "notice.keys_bad_key": "{path}: [keys] {id}: '{key}' is not a valid key name (such as x, slash, ctrl+f, f5); ignored",
        "notice.keys_quit_key": "{path}: [keys] {id} cannot take {key}: q and ctrl+q always quit; ignored",
        "bm.more": "{n} more not listed: press / and type to filter",
        # --- h10-crash ---
        "file.not_regular": "not a regular file but a device, pipe or socket",
        "file.too_large": "the file is too large (the limit is {limit})",
        "file.too_deep": "nested more than {limit} levels deep; treated as damaged",
        "search.capped": (
            "query too long: only its start was searched (at most {chars} characters and {terms} words, "
            "{term_chars} characters a word): {query}"
        ),
        "search.line_too_long": "line {line} is longer than {limit} characters; skipped",
        "search.line_endless": "line {line} runs past {limit} characters without ending; stopped reading",
        "notice.cache_unwritable": (
            "cannot write the cache ({error}); going on without it, and it will be rebuilt next time: {folder}"
        ),
        "notice.theme_broken": "theme {name} cannot be used ({error}); using {fallback}",
        # --- h11-struct ---
        "detail.position_in_article": "sentence {n} of {total}",
        # --- h11-meta ---
        "notice.furniture_unreadable": "cannot read the page-furniture rules ({error}); ignored: {path}",
        "notice.furniture_invalid": "the page-furniture rules are not valid TOML ({error}); ignored: {path}",
        "notice.furniture_key": "unknown entry {key} in the page-furniture rules, ignored: {path}",
        "notice.furniture_not_list": "{key} in the page-furniture rules should be a list of strings; ignored: {path}",
        "notice.furniture_pattern": "invalid pattern {pattern} in the page-furniture rules ({error}); ignored: {path}",
        # --- integration ---
        "heading.preamble": "Preamble",
        "heading.closing": "Closing",
        "outline.measures": "{n} measure{n_s}",
        "outline.count": "{n}",
        "outline.source": "source {source}",
        # Command-line output and errors (issue 15, h15-open: every CLI word through here).
        "cli.search_count": "{n} hit{n_s}",
        "cli.search_count_capped": "first {shown} of {n} hits",
        "cli.search_none": "(no results)",
        "cli.bm_none": "No bookmarks.",
        "cli.bm_note": "Note: ",
        "cli.bm_tags": "Tags: ",
        "cli.bm_gone": "text no longer in the report",
        "cli.bm_added": "bookmarked {id} (uid {uid})",
        "cli.bm_removed": "removed the bookmark on {id}",
        "cli.bm_export_title": "Bookmarks",
        "cli.bm_saved_as": "saved as {id}",
        "cli.no_measure": "no measure with id {id} (see 'zimao-tui outline --json')",
        "cli.measure_ambiguous": "id {id} is in {n} reports; name one with --report",
        "cli.no_bookmark": "no bookmark on {id} (see 'zimao-tui bookmarks list')",
        "cli.bookmark_ambiguous": "{id} names bookmarks in {n} reports; name one with --report",
        "cli.figures_title": "{n} figure{n_s}",
        "cli.col_measure": "Measure",
        "cli.col_raw": "Text",
        "cli.col_value": "Value",
        "cli.col_unit": "Unit",
        "cli.col_kind": "Kind",
        "cli.col_chapter": "Chapter",
        "cli.terms_title": "{n} term{n_s} and document{n_s}",
        "cli.col_term": "Term / document",
        "cli.col_count": "Count",
        "cli.term": "term",
        "cli.document": "document",
        "error.bookmarks_read": "cannot read the bookmarks file {path}: {error}",
        "error.bookmarks_save": "cannot save the bookmarks file {path}: {error}",
        "error.bookmarks_lock_file": "cannot create the bookmarks lock file {path}: {error}",
        "error.bookmarks_locked": "another zimao-tui holds the bookmarks lock {path}; the change was not saved",
        "error.bookmarks_read_only": "bookmarks file {path} is open read-only (see the warning at start); nothing was changed",
        "error.bookmarks_lossy": "the bookmarks could not be written as TOML without loss; nothing was saved (a zimao-tui bug: please report it)",
        # Open, recent reports, resume, tree width, query syntax (issue 15, h15-open).
        "key.open_report": "Open",
        "keyhelp.open_report": "open a report file (file browser)",
        "key.tree_wider": "Wider tree",
        "key.tree_narrower": "Narrower tree",
        "cmd.open_report": "Open a report…",
        "cmd.recent": "Recent: {title}",
        "open.title": "Open a report",
        "open.hint": "Enter open · Backspace parent folder · ~ home · Esc cancel",
        "open.filter": "report files only: {suffixes}",
        "open.failed": "Cannot open: {error}",
        "open.opened": "Opened 《{title}》",
        "open.already": "《{title}》 is already open",
        "resume.returned": "Back where you left off: {where}",
        "notice.reading_set_aside": "the reading-position file was damaged ({error}); moved aside unchanged to {moved}; starting afresh",
        "notice.reading_newer": "the reading-position file was written by a newer zimao-tui (schema_version = {version}); read-only this time, never rewritten: {path}",
        "notice.reading_unreadable": "cannot read the reading-position file ({error}); it will not be rewritten this time: {path}",
        "notice.reading_save_failed": "cannot save the reading position: {error}",
        "search.syntax": 'Syntax: a b both · a | b either · \'a exact · "a b" phrase · !a not · ^a starts',
        "help.syntax_title": "Search syntax",
        "help.syntax": (
            "a b      measures with both a and b\n"
            "a | b    with a or b\n"
            "'a       exactly a (no typo, pinyin or synonym matching)\n"
            '"a b"    the phrase, exactly as written (spaces too)\n'
            "!a       measures without a\n"
            "^a       measures that start with a\n"
            "Chinese, full pinyin (zhishichanquan) and initials (zscq) all work."
        ),
        "app.help_quit": "Press {key} to quit",
        "app.help_quit_title": "Do you want to quit?",
        "palette.no_matches": "No matching commands",
    },
}


class Notice:
    """A message for the user, put into words only when shown.

    Files are read before the interface language is known (config.toml's own warnings come
    before its ``lang`` is applied), so the model hands over the key and the details, and
    ``str(notice)`` speaks the language chosen by then.
    """

    __slots__ = ("fields", "key")

    def __init__(self, key: str, /, **fields: object) -> None:
        self.key = key
        self.fields = fields

    def __str__(self) -> str:
        return t(self.key, **self.fields)

    def __repr__(self) -> str:
        return f"Notice({self.key!r}, {self.fields!r})"


def set_language(lang: str) -> None:
    """Choose the interface language; unknown codes raise, so a typo cannot go unnoticed."""
    global _language
    if lang not in LANGS:
        raise ValueError(f"unknown interface language {lang!r} (expected one of {', '.join(LANGS)})")
    _language = lang


def language() -> Lang:
    """The current interface language."""
    return _language


def binding_help(binding_id: str, description: str) -> str:
    """How the help screen describes a binding: its ``keyhelp.`` string if it has one, else ``description``.

    The footer label (the binding's description) has to fit 80 columns, so some are cut
    short ("Prev"); the help screen has a line per key and room for the full wording.
    Keyed by the binding id, so a key remapped in config.toml keeps its help text.
    """
    key = "keyhelp." + binding_id.removeprefix("zimao.")
    return t(key) if key in STRINGS["zh"] else description


def t(key: str, /, **fields: object) -> str:
    """The interface string ``key`` in the current language, with ``{fields}`` filled in.

    A key missing from the current language falls back to Chinese, then raises KeyError:
    a missing string is a bug to fix, not something to paper over with the key itself.
    """
    text = STRINGS[_language].get(key)
    if text is None:
        text = STRINGS["zh"][key]
    if not fields:
        return text
    # English plurals: every whole-number field ``x`` also offers ``x_s``, "" for 1, else "s"
    # ("{n} result{n_s}"); Chinese has no plural and never uses them.
    plurals = {f"{k}_s": "" if v == 1 else "s" for k, v in fields.items() if isinstance(v, int)}
    return text.format(**fields, **plurals)
