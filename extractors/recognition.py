"""Is this page a 政府信息公开(工作)年度报告? A decision with its reasons, for every file.

A report is recognised by what it is, at any length: a township's three sentences ("2015年我乡
主动公开政府信息312条，全年未收到公开申请，未发生行政复议和诉讼") are a whole report. What
makes a page a report, strongest first:

- its title names the 政府信息公开(工作)年度报告 (or 年报, or 关于…政府信息公开工作情况的报告) of a
  year: a heading line, not a sentence quoting it;
- the report speaks of itself (现将…报告如下, 本报告, 统计期限为…);
- the standardized tables are printed (their fixed row labels, or table 四's header, with numbers);
- the legacy outline: parts on proactive disclosure, requests, fees, reconsideration and
  lawsuits, problems (three of them);
- it states the year's disclosure figures in the first person (我镇主动公开政府信息22条, 我局未
  收到申请) — a fragment of a report (a page cut by an archive) is known by these alone.

What makes a page something else: it lists several report titles (an index page); its headline
names another kind of document (公开指南, 公开目录, a regulation, a notice about the report, a
解读, a 政府工作报告 or another annual report) and it has no report title; it is a regulation
(第N条 articles). A report title with no text under it (the report is an attachment) is no
report either, with its own reason, so that the user sees what is missing.

Every signal is a row of a table below: a new wording is a new row and a test.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.metadata import YEAR_NUMBER
from extractors.model import Block, Document
from extractors.rules import sections

NOT_A_REPORT = "not_a_report"
NO_REPORT_TEXT = "no_report_text"

# --- report titles ----------------------------------------------------------------------------
_YEAR = YEAR_NUMBER + r"\s*年"
_REPORT_NAMES = (
    re.compile(r"(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:情况)?(?:报告|年报)"),
    re.compile(r"(?:政府)?信息公开(?:工作)?" + _YEAR + r"度?(?:工作)?报告"),
    re.compile(r"政务公开(?:和政府信息公开)?(?:工作)?年度(?:工作)?报告"),
    re.compile(r"关于.{0,30}政府信息公开(?:工作)?(?:情况)?的(?:报告|汇报)"),
)
# A title line says what it is; a line saying something about a report is another document.
_ABOUT_A_REPORT = re.compile(
    r"关于(?:发布|公布|印发|报送|做好|编制|开展|上报|提交|转发|公开)|(?:的|之)(?:通知|公告|通报|函|批复)$"
    r"|解读|图解|一图读懂|已(?:经)?(?:发布|公布|上线|公开)|《"
)
# What may follow the report's name on a title line: a bracketed year, a posting date, a table
# cell's pipes (crawled pages keep them).
_TITLE_END = re.compile(r"(?:[(（\[【〔]?(?:" + YEAR_NUMBER + r")(?:年度?)?[)）\]】〕]?)?"
                        r"(?:[(（\[【](?:全文|摘要|正文|节选|修订版|文字版|图文版)[)）\]】])?"
                        r"(?:(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}(?:\d{1,2}:\d{2}(?::\d{2})?)?)?\|*")
# Labels a page puts before its own title (名称: / 标题: / 第一篇: / Page 8 -), and labels of a
# link to another page (相关链接: / 附件:), whose report is not this page.
_TITLE_LABEL = re.compile(r"^(?:名称|标题|题名|文章标题|主题|第[一二三四五六七八九十\d]+篇|Page\d+)[:：\-—]?", re.I)
_LINK_LABEL = re.compile(r"^(?:相关链接|相关文件|相关阅读|附件\d*|链接|下载|原文|来源|上一篇|下一篇)[:：]")
_BODY_BEFORE_NAME = re.compile(r"[\u4e00-\u9fff]{2,}(?:省|市|县|区|州|盟|旗|局|委|办|厅|乡|镇|街道|办事处|中心|院|署|会)$")
_MAX_TITLE_CHARS = 90
_HEAD_BLOCKS = 20  # blocks searched for a title or a headline
_MIN_INDEX_TITLES = 4  # report titles listed on one page: an index page

# --- other kinds of documents, named by a headline ----------------------------------------------
_OTHER_KINDS = (
    ("a disclosure guide (公开指南)", re.compile(r"公开指南|申请指南|办事指南")),
    ("a disclosure catalogue (公开目录)", re.compile(r"公开目录|目录说明|目录编制")),
    ("a regulation or rule", re.compile(r"条例|规定|办法|细则|规范|制度$|实施意见|暂行")),
    ("a notice", re.compile(r"通知|公告|通告|通报|公示|启事|函$|批复")),
    ("an interpretation (解读)", re.compile(r"解读|图解|读懂")),
    ("a work plan or key points", re.compile(r"工作要点|实施方案|工作方案|工作计划|行动计划")),
    ("a government work report", re.compile(r"政府工作报告")),
    ("another annual report", re.compile(
        r"法治政府|依法行政|统计公报|公报$|预算|决算|建议办理|提案办理|热线|政务服务|数据开放|信用|企业年度报告|年度报告公示"
        r"|工作总结|半年|述职|巡察|审计报告|考核办法|考核结果")),
    ("a reply to one applicant", re.compile(r"答复书|告知书|答复函")),
    ("news", re.compile(r"召开|举办|举行|开展|启动|推进会|培训|检查|调研|部署|视察|座谈|获评|荣获")),
)
# An article opens a line (第二十条第（一）项 is a table's row group, not an article).
_REGULATION_ARTICLE = re.compile(r"(?:^|\n)\s*第[一二三四五六七八九十百零〇]{1,4}条(?![第(（])")
_MIN_ARTICLES = 5

# --- the report speaking of itself --------------------------------------------------------------
_SELF_REFERENCES = (
    re.compile(r"现将.{0,60}?(?:政府信息公开|政务公开|信息公开).{0,30}?(?:报告|汇报|公布|公告)(?:如下|于后)"),
    re.compile(r"本(?:年度)?报告|本年报|本报(?:告)?所列"),
    re.compile(r"(?:报告|年报)(?:由|包括|分为|共分|全文包括).{0,30}?(?:组成|部分|情况)|全文包括"),
    re.compile(r"统计(?:期限|时限|时间|期间|区间|周期|期)"),
    re.compile(r"(?:特向社会公开|现予公布|予以公布).{0,30}?(?:报告|年报)"),
)

# 现将我镇2014年政府信息公开工作年度情况报告如下: the text says it is the year's disclosure report,
# whatever its headline calls it (a 政务公开工作总结 page that holds the report).
_DECLARES_ITSELF = re.compile(r"现将.{0,40}?政府信息公开(?:工作)?(?:年度|" + YEAR_NUMBER + r"年度?).{0,12}?报告(?:如下|于后)")

# --- the year's disclosure figures, or their absence ------------------------------------------
_COUNT = r"(?:\d[\d,.]*|[零〇一二两三四五六七八九十百千]+)\s*(?:万|亿)?\s*(?:余|多)?\s*(?:条|件|宗|项|篇|次|起|个)"
_FIGURES = (
    ("proactive", re.compile(r"(?:主动公开|公开|发布|更新)(?:了)?[^。；;\n]{0,24}?(?:信息|文件)[^。；;\n]{0,10}?" + _COUNT)),
    ("proactive", re.compile(_COUNT + r"[^。；;\n]{0,6}?(?:政府|政务)信息")),
    ("requests", re.compile(r"(?:收到|受理|接到|接收|办理)[^。；;\n]{0,24}?申请[^。；;\n]{0,10}?" + _COUNT)),
    ("requests", re.compile(r"(?:未|没有|无|尚未|均未|不曾)[^。；;\n]{0,16}?(?:收到|接到|受理|接收|发生|有)[^。；;\n]{0,24}?申请")),
    ("requests", re.compile(r"没有依申请公开|无依申请公开|依申请公开(?:的)?(?:数量|件数)?(?:为)?(?:零|0)")),
    ("review", re.compile(r"(?:行政复议|行政诉讼|复议|诉讼)[^。；;\n]{0,12}?" + _COUNT)),
    ("review", re.compile(r"(?:未|没有|无|尚未|均未|不曾|从未)(?:发生|收到|接到|出现|产生|有|涉及)[^。；;\n]{0,40}?"
                          r"(?:行政复议|行政诉讼|复议|诉讼)|(?:复议|诉讼)[^。；;\n]{0,12}?(?:均为|为|是)(?:零|0)")),
    ("fees", re.compile(r"(?:未|没有|无|不|均未)(?:向[^。；;\n]{0,20}?)?收(?:取)?[^。；;\n]{0,16}?费|(?:未|没有)(?:发生|产生)[^。；;\n]{0,20}?"
                        r"(?:收费|费用)|(?:没有|未|不|无|免)收费|收取[^。；;\n]{0,20}?费用?[^。；;\n]{0,6}?\d")),
)
# "我镇", "本局", "全县", "县政府": the report's own voice, as fragments of a report are written.
_OWN_VOICE = re.compile(r"(?:我|本|全)(?:乡|镇|街道|街|办|局|委|厅|单位|部门|中心|县|市|区|州|盟|旗|省|机关|院|署|所|站)")

# --- the standardized tables --------------------------------------------------------------------
_TABLE_LABELS = re.compile(
    r"本年新收|上年结转|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|结转下年度|"
    r"结果维持|结果纠正|尚未审结|复议后起诉|直接起诉|本年制发件数|本年废止件数|现行有效件数|"
    r"本年新制作数量|本年新公开数量|对外公开总数量|第二十条第|行政事业性收费|申请人情况"
)
_MIN_TABLE_LABELS = 4
_MIN_NUMBER_ROWS = 6
_MAX_ROW_CHARS = 160
_CELL_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
# Table 四 alone (a PDF page of it): its block headers and its 15 numbers.
_TABLE4_HEADERS = re.compile(r"复议后起诉|未经复议直接起诉")
_TABLE4_ROW = re.compile(r"(?:\d+\s*[|\s]\s*){14,}\d+")
# A page cut from a report may open with its figures: 2013年，我县…公开政府信息1324条.
_OPENING_FIGURE = re.compile(
    r"\s*" + _YEAR + r"度?[,，]?\s*(?:我|本|全)[\u4e00-\u9fff]{1,3}[^。；;\n]{0,40}?(?:公开|发布|收到|受理)[^。；;\n]{0,30}?" + _COUNT)

_REPORT_PARTS = (sections.PROACTIVE, sections.REQUESTS, sections.FEES, sections.REVIEW, sections.PROBLEMS)
_MIN_PARTS = 3
# A line that only names a body or a year (某某乡人民政府, 2015年度) says nothing of what the page is.
_NAME_ONLY = re.compile(r"[\u4e00-\u9fff()（）]{2,30}?(?:人民政府|政府|办事处|街道|局|委员会|委|办公室|办|中心|厅|镇|乡|网站|网)"
                        r"|" + _YEAR + r"度?")
_MIN_HEADLINE_CHARS = 4
_MAX_HEADLINE_CHARS = 60
_PAGE_LABEL = re.compile(r"^[^:：]{1,8}[:：]|^(?:发布|来源|作者|时间|日期|点击|浏览)")
_MIN_CONTENT_CHARS = 40  # below this a titled page holds no report text


@dataclass(frozen=True)
class Recognition:
    is_report: bool
    reason: str  # "" for a report; not_a_report | no_report_text
    detail: str  # what was found, in words: the reasons for the decision either way


def _head(document: Document) -> list[Block]:
    return [block for block in document.blocks if block.kind == "paragraph"][:_HEAD_BLOCKS]


_SQUEEZE = re.compile(r"[\s|]+")


def _squeezed(text: str) -> str:
    return _SQUEEZE.sub("", text)


_YEAR_PATTERN = re.compile(_YEAR)


def report_title(line: str) -> bool:
    """True when ``line`` (matching text) is the title of a disclosure annual report: the report's
    name ends it (a bracketed year or a posting date may follow), it names a year or the body
    before the name, and it says nothing about the report (发布, 解读, 《…》)."""
    line = _TITLE_LABEL.sub("", _squeezed(line))
    if not line or len(line) > _MAX_TITLE_CHARS or "。" in line or _LINK_LABEL.match(line):
        return False
    name = next((found for pattern in _REPORT_NAMES for found in [pattern.search(line)] if found), None)
    if name is None or not _TITLE_END.fullmatch(line, name.end()):
        return False
    if _ABOUT_A_REPORT.search(line):
        return False
    # Of a year, or of a named body (北京市文化局政府信息公开年度报告): a bare 政府信息公开年报
    # is the name of a web site's column.
    return bool(_YEAR_PATTERN.search(line)) or bool(_BODY_BEFORE_NAME.search(line[:name.start()]))


def _titles(document: Document) -> list[str]:
    lines = (document.matching[block.start:block.end] for block in document.blocks if block.kind == "paragraph")
    return [_squeezed(line) for line in lines if report_title(line)]


def _headline(document: Document, head: list[Block]) -> str | None:
    """The first short line that is not page furniture or a section heading: a page's headline."""
    for block in head:
        line = document.matching[block.start:block.end].strip()
        squeezed = _squeezed(line)
        if len(squeezed) < _MIN_HEADLINE_CHARS or _PAGE_LABEL.match(line) or sections.heading_text(line):
            continue
        if line.startswith(("#", "source")) or "http" in line:
            continue
        if len(squeezed) > _MAX_HEADLINE_CHARS or re.search(r"[。；;，,]", line):
            return None  # the page opens with prose: no headline
        return squeezed
    return None


def _other_kind(headline: str | None) -> str | None:
    if headline is None or report_title(headline):
        return None
    for kind, pattern in _OTHER_KINDS:
        if pattern.search(headline):
            return kind
    return None


def _parts(document: Document) -> list[str]:
    found: list[str] = []
    for block in document.blocks:
        if block.kind != "paragraph":
            continue
        heading = sections.heading_text(document.matching[block.start:block.end].strip())
        if heading:
            part = sections.category_of(heading[1])
            if part in _REPORT_PARTS and part not in found:
                found.append(part)
    return found


def _figures(matching: str) -> tuple[list[str], bool]:
    """The kinds of the year's figures stated, and whether one is stated in the report's own voice."""
    kinds: list[str] = []
    own_voice = False
    for kind, pattern in _FIGURES:
        for match in pattern.finditer(matching):
            if kind not in kinds:
                kinds.append(kind)
            sentence_start = max(matching.rfind(mark, 0, match.start()) for mark in "。\n；;")
            if _OWN_VOICE.search(matching, sentence_start + 1, match.end()):
                own_voice = True
            break
    return kinds, own_voice


def _table_labels(matching: str) -> int:
    return len(set(_TABLE_LABELS.findall(matching)))


def recognize(document: Document) -> Recognition:
    """The decision for one document, with its reasons."""
    matching = document.matching
    head = _head(document)
    titles = _titles(document)
    distinct_titles = list(dict.fromkeys(titles))
    if len(distinct_titles) >= _MIN_INDEX_TITLES:
        return Recognition(False, NOT_A_REPORT,
                           f"an index page: it lists {len(distinct_titles)} report titles "
                           f"({distinct_titles[0]}, {distinct_titles[1]}, ...)")
    head_titles = [title for title in titles if any(
        _squeezed(document.matching[block.start:block.end]) == title for block in head)]
    title = head_titles[0] if head_titles else None
    headline = _headline(document, head)
    other_kind = _other_kind(headline)
    self_reference = next((found.group() for pattern in _SELF_REFERENCES if (found := pattern.search(matching))), None)
    parts = _parts(document)
    figure_kinds, own_voice = _figures(matching)
    table_labels = _table_labels(matching)
    tables = ((table_labels >= _MIN_TABLE_LABELS and _digit_cells(document))
              or (bool(_TABLE4_HEADERS.search(matching)) and bool(_TABLE4_ROW.search(matching))))
    plain_headline = headline is None or bool(_NAME_ONLY.fullmatch(headline))
    opening_figure = plain_headline and any(
        _OPENING_FIGURE.match(matching, block.start, block.end) for block in head)

    found = []
    if title:
        found.append(f"title names the report: {title}")
    if self_reference:
        found.append(f"speaks of itself as the report: {self_reference[:40]}")
    if tables:
        found.append(f"prints the standardized tables ({table_labels} of their labels)")
    if parts:
        found.append("report parts: " + ", ".join(parts))
    if figure_kinds:
        found.append("states the year's figures: " + ", ".join(figure_kinds)
                     + (" (in its own voice)" if own_voice else ""))
    if opening_figure:
        found.append("opens with the year's figure in its own voice, as a page cut from a report does")
    described = "; ".join(found) if found else "no report title, no report structure, no disclosure figures"

    declares_itself = bool(_DECLARES_ITSELF.search(matching)) and (len(parts) >= 2 or bool(figure_kinds))
    strong = title is not None or tables or declares_itself
    articles = len(_REGULATION_ARTICLE.findall(matching))
    if not strong and articles >= _MIN_ARTICLES:
        return Recognition(False, NOT_A_REPORT, f"a regulation: {articles} articles (第N条); {described}")
    if not strong and other_kind:
        return Recognition(False, NOT_A_REPORT, f"{other_kind}, by its headline {headline}; {described}")
    content_chars = sum(len(_squeezed(matching[block.start:block.end])) for block in document.blocks)
    if title and content_chars - len(title) < _MIN_CONTENT_CHARS and not (figure_kinds or tables):
        return Recognition(False, NO_REPORT_TEXT, f"the report's title with no text under it: {title}")
    accepted = (
        strong
        or opening_figure
        or (self_reference is not None and (len(parts) >= 2 or bool(figure_kinds)))
        or (len(parts) >= _MIN_PARTS and bool(figure_kinds))
        or (own_voice and len(figure_kinds) >= 2 and plain_headline)
    )
    if accepted:
        return Recognition(True, "", described)
    return Recognition(False, NOT_A_REPORT, described)


def _digit_cells(document: Document) -> bool:
    """Table cells with numbers: rows of a grid or lines of text that hold numbers and at most a
    label (规章 | 0 | 0 | 0, a crawled table's cells one per line, a PDF layer's row of numbers)."""
    rows = 0
    for block in document.blocks:
        if block.kind == "table_row":
            cells = [document.matching[start:end] for start, end in block.cells]
            rows += _is_number_row(cells)
    for line in document.matching.split("\n"):
        if len(line) <= _MAX_ROW_CHARS and "\t" not in line:
            rows += _is_number_row(re.split(r"[|\s]+", line))
    return rows >= _MIN_NUMBER_ROWS


def _is_number_row(cells: list[str]) -> bool:
    cells = [cell.strip() for cell in cells if cell.strip()]
    numbers = sum(1 for cell in cells if _CELL_NUMBER.fullmatch(cell))
    return numbers >= 1 and len(cells) - numbers <= 1
