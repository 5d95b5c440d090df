"""Facts of the statistics table that many legacy reports (2008–2018) attach: 附表
政府信息公开情况统计表, columns 统计指标 | 单位 | 统计数 (or only 指标 | 数量).

Its rows map one-to-one onto the legacy codes (主动公开政府信息数 → pro_total, 收到申请数 →
req_received, 行政复议数量 → recon_total, ...). Wording, numbering (一、（一）1.) and the place
of the unit (its own column, （件） in the label, nothing) vary between provinces and years.

How a document is read:
  blocks → rows (``extractors.tables.rows``: HTML / Markdown / PDF / DOCX grid rows, and text
  lines "label unit number" or tab-separated) → runs of consecutive table-like blocks (prose
  ends a run) → inside a run, each row's label (numbering, 其中, the unit stripped) is matched
  against the row kinds below, in the part of the table it sits in (维持具体行政行为数 is
  recon_upheld under 行政复议数量 and lit_upheld under 行政诉讼数量).

A run is an appendix table only when at least ``_MIN_ROWS`` of its rows name a legacy code and
its rows hold at most ``_MAX_VALUES`` values: the standardized tables of 2019+ reports (表二/三/
四: 4, 8 or 15 value columns, other wording) are extractors/tables' job, never read here.

Facts: qualifier exact; scope = the report's own (whole for a government's report of its
jurisdiction, government for a department's or a township's own report);
evidence = the row as printed (label, unit, value) verbatim from ``Document.text``, offsets = that
span; rule ``legacy.appendix``. A blank or dash cell is no statement and gives no fact; "0" is 0.
The fee (依申请公开信息收取的费用) is read in yuan: a 万元 unit is multiplied by 10,000.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.metrics import unit_of
from extractors.model import Block, Document, Fact, Note
from extractors.per_document import per_document
from extractors.rules import scope as scopes
from extractors.rules import statistics_text
from extractors.rules.literals import RowIndex, required_literals
from extractors.tables.rows import TEXT_LINE, Cell, Row, block_rows, strip_blank_ends

RULE = "legacy.appendix"
CONFIDENCE_GRID = 0.9
CONFIDENCE_TEXT_LINE = 0.85

_MIN_ROWS = 3  # rows naming a legacy code, for a run of rows to count as the appendix table
_MAX_VALUES = 3  # value columns of a statistics table (统计数; sometimes 本年 | 上年 | 增减)
_MAX_LABEL = 60  # a longer "label" is prose with a number in it
_MAX_TEXT_LINE = 120  # a text line longer than this is prose, not a table row
_SENTENCE_END = re.compile(r"[。；;]")
_LINE = re.compile(r"[^\n]+")

# --- parts of the table ----------------------------------------------------------------------
PRO, RESPONSE, REQUEST, ANSWERS, RECON, LIT, COMPLAINT, FEE, OTHER = (
    "pro", "response", "request", "answers", "recon", "lit", "complaint", "fee", "other")
# Header rows (no value printed) name the part that follows.
_PART_WORDS = (
    (FEE, re.compile(r"收取.{0,6}费|收费")),
    (OTHER, re.compile(r"机构|经费|培训|会议|人员|队伍")),
    (RECON, re.compile(r"复议")),
    (LIT, re.compile(r"诉讼")),
    (COMPLAINT, re.compile(r"举报|投诉|申诉")),
    (RESPONSE, re.compile(r"回应|解读")),
    (REQUEST, re.compile(r"依申请|申请")),
    (PRO, re.compile(r"主动公开")),
)

# --- labels ------------------------------------------------------------------------------------
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}\s*[、.．]|"
    r"[①-⑳]|[•·\-*])\s*"
)
_SUB_ROW = re.compile(r"^(?:其中|内含|含)[:：]?")
_UNITS = statistics_text.UNITS
_UNIT_IN_BRACKETS = re.compile(r"[（(](?:单位[:：])?(?P<unit>" + _UNITS + r")[)）]")
_UNIT_AT_END = re.compile(r"(?<=[数量用额费])(?P<unit>" + _UNITS + r")$")
_REMARK = re.compile(r"[（(][^（()）]*[)）]")
_UNIT_CELL = statistics_text.UNIT_CELL


@dataclass(frozen=True)
class _Kind:
    metric: str  # a legacy code, or "" for a row known to have none
    pattern: re.Pattern
    parts: frozenset[str] | None = None  # where the row may sit; None: anywhere
    sets_part: str | None = None  # the part the row opens (a total opens its children's part)


def _kind(metric: str, words: str, parts: tuple[str, ...] | None = None, sets_part: str | None = None) -> _Kind:
    return _Kind(metric, re.compile(words), frozenset(parts) if parts else None, sets_part)


_IN_REQUESTS = (REQUEST, ANSWERS)
_LABEL = "label"  # the one text a row kind is matched against
# Tried in order; the first kind that matches the label (in its part) names the row.
_KINDS = (
    # Rows that have no legacy code, named first so that their words never reach a code's.
    _kind("", r"规范性文件|主要负责|负责同志|回应(?!.{0,4}公开)|舆情|热点|按时办结|按期办结|延期办结|"
              r"机构|查阅点|查阅场所|人员|培训|会议|经费|制发|行政事业性"),
    # proactive disclosure
    _kind("pro_gazette", r"公报"),
    _kind("pro_website", r"网站.{0,4}公开|网站.{0,2}发布|网站(?:信息)?数"),
    _kind("pro_weibo", r"微博(?!.{0,2}微信)"),
    _kind("pro_wechat", r"微信(?!.{0,2}微博)"),
    _kind("pro_other", r"其他(?:方式|渠道|途径|形式|载体).{0,4}(?:公开|发布)"),
    _kind("out_already_public", r"已主动公开|已公开范围|已经公开"),
    _kind("pro_total", r"^(?:本年度?|全年)?(?:共)?主动公开(?:的)?(?:各类)?(?:政府|政务)?信息(?:总?数|数量|条数|总量)?$",
          sets_part=PRO),
    _kind("pro_press_conferences", r"新闻发布会"),
    _kind("pro_online_interviews", r"(?:在线|网上|网络|线上)访谈"),
    _kind("pro_policy_interpretations", r"政策解读|解读(?:稿件|文章|材料)"),
    # reconsideration and lawsuits (before the requests: 行政复议申请数 is a case count)
    _kind("recon_total", r"行政复议|^复议(?:案件)?(?:数量|数|件数)", sets_part=RECON),
    _kind("lit_total", r"行政诉讼|^诉讼(?:案件)?(?:数量|数|件数)", sets_part=LIT),
    _kind("review_upheld", r"维持|驳回", (RECON, LIT)),
    _kind("review_corrected", r"纠错|纠正|撤销|确认违法", (RECON, LIT)),
    _kind("review_pending", r"未审结|审理中|未结", (RECON, LIT)),
    _kind("review_other", r"其他|其它", (RECON, LIT)),
    _kind("complaint_total", r"举报|投诉|申诉", sets_part=COMPLAINT),
    _kind("fee_collected_yuan", r"(?:收取|收缴).{0,6}费|申请.{0,8}(?:收费|费用)", sets_part=FEE),
    _kind("fee_collected_yuan", r"收费(?:金额|总额|数额|总计)?$|费用(?:总额|金额)?$", (FEE,)),
    # requests: the channels
    _kind("req_in_person", r"当面|现场|窗口|来访"),
    _kind("req_fax", r"传真"),
    _kind("req_online", r"网络|网上|在线申请|互联网"),
    _kind("req_letter", r"信函|邮寄|来信"),
    _kind("req_email", r"电子邮件|电子邮箱|电邮"),
    _kind("req_other_channel", r"其他(?:形式|方式|渠道|途径)(?:的)?申请|^其他(?:形式|方式|渠道)(?:数)?$", _IN_REQUESTS),
    # answers (outcomes before the totals: 同意公开答复数 is an outcome, not the answered count)
    _kind("out_partial", r"部分公开"),
    _kind("out_denied", r"不同意公开|不予公开|不公开"),
    _kind("out_granted", r"同意公开|予以公开|准予公开|公开答复"),
    _kind("out_not_held_by_agency", r"(?:不属于|不属|非)本(?:行政)?(?:机关|单位|部门)|本(?:行政)?机关不掌握"),
    _kind("out_nonexistent", r"不存在"),
    _kind("out_other_channel", r"其他途径|其它途径|其他渠道"),
    _kind("out_unclear", r"更改|补充|补正|不明确"),
    _kind("out_duplicate", r"重复申请"),
    _kind("req_answered", r"答复(?:申请)?(?:总?数|数量|件数)|已答复|^答复$", _IN_REQUESTS, sets_part=ANSWERS),
    _kind("req_completed", r"办结(?:申请)?(?:总?数|数量|件数)|已办结|^办结$", _IN_REQUESTS, sets_part=ANSWERS),
    _kind("out_other", r"^(?:其他|其它)(?:情形|情况|原因|处理|答复)?(?:数|件数)?$", (ANSWERS,)),
    _kind("req_received", r"收到.{0,8}申请|受理.{0,8}申请|申请(?:总数|总量|数量|件数|数)$|^(?:受理|收到)(?:数|总数|件数)$|"
                          r"^申请$", sets_part=REQUEST),
)
# (a label is tried only on the kinds whose words it holds)
_KIND_INDEX = RowIndex(_KINDS, lambda kind: ((_LABEL, words),) if (words := required_literals(kind.pattern)) else None)
# Words of the children of 不同意公开 (涉及国家秘密, 危及…, 法律法规规定的其他情形): no code.
_DENIED_CHILD = re.compile(r"涉及|危及|不是|不属于.{0,4}政府信息|法律|秘密|隐私|内部|过程")
_ANSWERS_OPENED_BY = frozenset({"req_answered", "req_completed"}) | {
    kind.metric for kind in _KINDS if kind.metric.startswith("out_")}


@dataclass
class _Row:
    row: Row
    label: str  # matching form, numbering, 其中 and unit removed
    unit: str
    metric: str | None = None  # a code; "" for a row known to have none; None: not recognised


def _clean_label(document: Document, row: Row) -> tuple[str, str]:
    """(label, unit): the row's label without numbering, 其中 and the unit it prints."""
    unit = ""
    cells = [re.sub(r"\s+", "", document.matching[start:end]) for start, end in row.label_spans]
    if len(cells) > 1 and _UNIT_CELL.match(cells[-1]):
        unit = cells.pop()
    label = "".join(cells)
    found = _UNIT_IN_BRACKETS.search(label)
    if found:
        unit = unit or found["unit"]
        label = label[:found.start()] + label[found.end():]
    found = _UNIT_AT_END.search(label)
    if found:
        unit = unit or found["unit"]
        label = label[:found.start()]
    while True:
        stripped = _SUB_ROW.sub("", _NUMBERING.sub("", label, count=1), count=1)
        if stripped == label:
            break
        label = stripped
    # Remarks in brackets (不同渠道和方式公开相同信息计1条 / 不包括政府公报…) are not the row's name.
    label = _REMARK.sub("", label)
    return label, unit


# "收到申请数 120件" / "收取的费用：0万元": a text line whose one value carries its unit after
# it (the rows reader leaves a number followed by a unit to prose). The label is separated from
# the number by white space or a colon, or ends in a word of quantity (收到申请数120件).
_NUMBER_UNIT_LINE = re.compile(
    r"\s*(?P<label>\S(?:.*?\S)?)(?:\s*[:：]\s*|\s+|(?<=[数量额用]))"
    r"(?P<value>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>" + _UNITS + r")\s*$"
)


def _number_unit_row(document: Document, start: int, end: int) -> Row | None:
    line = _NUMBER_UNIT_LINE.match(document.matching, start, end)
    if not line or re.search(r"\d", line["label"]) and not _NUMBERING.match(line["label"]):
        return None
    value_start, value_end = line.span("value")
    cell = Cell(float(line["value"].replace(",", "")), (), value_start, value_end)
    label_spans = (line.span("label"), line.span("unit"))
    return Row(re.sub(r"\s+", "", line["label"]), label_spans, (cell,), TEXT_LINE,
               line.start("label"), line.end("unit"))


def _reads_as_prose(text: str) -> bool:
    """A text line too long for a table row, or one that ends a sentence: prose, whatever its rows."""
    return len(text) > _MAX_TEXT_LINE or _SENTENCE_END.search(text) is not None


def _labels_fit(rows: list[Row]) -> bool:
    return bool(rows) and all(len(row.label) <= _MAX_LABEL for row in rows)


def _runs(document: Document) -> list[list[Row]]:
    """Rows of consecutive table-like lines; a line of prose ends a run. Grid rows are table
    rows; a paragraph is read line by line (a PDF reader may join a table's lines into one)."""
    runs: list[list[Row]] = []
    current: list[Row] = []
    for block in document.blocks:
        if block.kind == "table_row":
            lines = [(block, block_rows(document, block), True)]
        else:
            lines = []
            for line in _LINE.finditer(document.matching, block.start, block.end):
                line_block = Block("paragraph", line.start(), line.end())
                if _reads_as_prose(line.group()):
                    lines.append((line_block, [], False))  # (most lines: their rows are not read)
                    continue
                rows = block_rows(document, line_block)
                if not any(row.values for row in rows):
                    row = _number_unit_row(document, line.start(), line.end())
                    rows = [row] if row else rows
                lines.append((line_block, rows, _labels_fit(rows)))
        for _, rows, tabular in lines:
            if tabular:
                current.extend(rows)
            elif current:
                runs.append(statistics_text.regroup(current))
                current = []
    if current:
        runs.append(statistics_text.regroup(current))
    return runs


def _value(row: Row) -> Cell | None:
    """The printed statistic of a row: its first value cell that is not blank (a blank may be
    an empty unit column). None when nothing is printed."""
    for cell in row.values:
        if not cell.blank:
            return cell
    return None


def _classify(run: list[Row], document: Document) -> list[_Row]:
    part: str | None = None
    in_denied = False
    read: list[_Row] = []
    for row in run:
        values = strip_blank_ends(row.values)
        if len(values) > _MAX_VALUES or not row.label:
            read.append(_Row(row, "", ""))
            continue
        label, unit = _clean_label(document, row)
        item = _Row(row, label, unit)
        read.append(item)
        if not label:
            continue
        printed = _value(row) is not None
        kind = next((kind for kind in _KIND_INDEX.possible(lambda _: label)
                     if kind.pattern.search(label) and (kind.parts is None or part in kind.parts)), None)
        if in_denied and (kind is None or kind.metric in ("", "out_other")) and _DENIED_CHILD.search(label):
            item.metric = ""
            continue
        if kind is None:
            if not printed:
                # a header row: 一、主动公开情况 / 三、依申请公开情况 / 统计指标
                for name, pattern in _PART_WORDS:
                    if pattern.search(label):
                        part = name
                        break
            continue
        metric = kind.metric
        if metric.startswith("review_"):
            metric = ("recon_" if part == RECON else "lit_") + metric.split("_", 1)[1]
        item.metric = metric
        in_denied = metric == "out_denied"
        if kind.sets_part:
            part = kind.sets_part
        elif metric in _ANSWERS_OPENED_BY:
            part = ANSWERS
        elif metric.startswith("req_"):
            part = REQUEST if part not in _IN_REQUESTS else part
        elif metric.startswith("pro_"):
            part = PRO if part not in (PRO, RESPONSE) else part
        elif metric == "" and not printed:
            for name, pattern in _PART_WORDS:
                if pattern.search(label):
                    part = name
                    break
    return read


# Header words of the standardized tables (2019+ 表二/三/四): such a run is never an appendix.
_STANDARDIZED = re.compile(r"第二十条|信息内容|申请人情况|本年新收|上年结转|结转下年|结果维持|结果纠正|复议后起诉|直接起诉")


def _looks_like_appendix(read: list[_Row]) -> bool:
    if any(_STANDARDIZED.search(item.row.label) for item in read):
        return False
    coded = {item.metric for item in read
             if item.metric and (cell := _value(item.row)) is not None and cell.value is not None}
    return len(coded) >= _MIN_ROWS


def _fact(document: Document, item: _Row, metric: str, cell: Cell, scope: str, fee_unit: str) -> Fact:
    value = cell.value
    if metric == "fee_collected_yuan":
        cell_text = document.matching[cell.start:cell.end]
        unit = "万元" if "万元" in cell_text else (item.unit or fee_unit)
        if unit == "万元":
            value = round(value * 10_000, 6)
    start, end = item.row.start, max(item.row.end, cell.end, *(e for _, e in item.row.label_spans))
    while start < end and document.text[start].isspace():
        start += 1
    while end > start and document.text[end - 1].isspace():
        end -= 1
    confidence = CONFIDENCE_TEXT_LINE if item.row.source == TEXT_LINE else CONFIDENCE_GRID
    return Fact(metric=metric, value=value, unit=unit_of(metric), qualifier="exact", scope=scope,
                evidence=document.verbatim(start, end), start=start, end=end, rule=RULE,
                confidence=confidence)


def extract_appendix_facts(document: Document, scope: str = scopes.WHOLE, notes: list[Note] | None = None) -> list[Fact]:
    """Facts of the legacy statistics tables of ``document`` (none when it has none), in the
    report's own ``scope``: whole for a government's report, government for a department's or a
    township's (see ``issuer.speaks_for_itself``). Rows that cannot be read go to ``notes``."""
    facts: list[Fact] = []
    for run, read in _appendix_tables(document):
        run_text = "".join(item.row.label for item in read)
        fee_unit = "万元" if "万元" in run_text else "元"
        has_answered = any(item.metric == "req_answered" for item in read)
        coded: dict[str, _Row] = {}
        for item in read:
            metric = item.metric
            if metric == "req_completed":
                # 申请办结数 is the answered count only when the table prints no 申请答复数.
                metric = None if has_answered else "req_answered"
            if metric and metric not in coded and item.row.values:
                coded[metric] = item  # a header row (no value cells) names a part; it claims no code
        table_scope = _title_scope(document, run) or scope
        # Cells glued into one run of digits (本年 and 累计): cut where one reading fits.
        rows = statistics_text.unglue(document, {metric: item.row for metric, item in coded.items()},
                                      statistics_text.value_columns(run), statistics_text.cumulative_last(run), notes)
        for metric, item in coded.items():
            cell = _value(rows[metric]) if metric in rows else None
            if cell is None or cell.value is None:
                continue  # a blank or a dash is no statement, an unreadable row none either
            facts.append(_fact(document, item, metric, cell, table_scope, fee_unit))
    return facts


# 统计表（全县） / 县政府（县政府办公室）2016年政府信息公开情况统计表: whose numbers the table gives.
_BRACKETED_SCOPE = re.compile(r"[（(](全[省市县区州盟旗]|[\u4e00-\u9fff]{0,6}本级)[)）]")
_TABLE_TITLE = re.compile(r"统计表|统计数据|情况表")
_GOVERNMENT_WITH_OFFICE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:省|市|县|区|州|盟|旗)(?:人民)?政府[（(][^（()）]{0,12}办公[室厅][)）]")
_LEADING_YEAR = re.compile(r"^(?:附表\d?[:：]?)?\s*(?:(?:19|20)\d{2}\s*年度?)?")


def _title_scope(document: Document, run: list[Row]) -> str | None:
    """The scope a statistics table's title names, if any (else the report's own applies)."""
    for row in run[:4]:
        if row.values or not _TABLE_TITLE.search(row.label):
            continue
        bracketed = _BRACKETED_SCOPE.search(row.label)
        if bracketed:
            return scopes.clause_subject(bracketed.group(1))
        # Only the government with its office named (县政府（县政府办公室）…统计表) is told by the
        # title itself; 某县人民政府…统计表 in the government's report may total the whole county.
        if _GOVERNMENT_WITH_OFFICE.match(_LEADING_YEAR.sub("", row.label)):
            return scopes.GOVERNMENT
    return None


def appendix_row_spans(document: Document) -> list[tuple[int, int]]:
    """Spans of the rows read as a legacy statistics table, for callers that must not read them
    a second time (the standardized-table parsers)."""
    return [(item.row.start, item.row.end) for _, read in _appendix_tables(document) for item in read]


@per_document
def _appendix_tables(document: Document) -> list[tuple[list[Row], list[_Row]]]:
    """The runs of rows read as legacy statistics tables, with their rows classified (read once:
    the legacy rules take their facts, the table parsers leave their rows alone)."""
    tables = []
    for run in _runs(document):
        read = _classify(run, document)
        if _looks_like_appendix(read):
            tables.append((run, read))
    return tables
