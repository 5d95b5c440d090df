"""Facts of the legacy (free-text) reports: every number that a metric of the legacy family names,
with its scope, qualifier and the sentence it came from.

The reader walks a report part by part (``sections``), sentence by sentence and clause by clause
(``mentions``), and hands each number to the phrasing families (``families/``: tables of rows read
by ``matcher``). What the reader keeps from clause to clause is what no single row can see:

- the topic (requests, reconsideration, lawsuits, fees), so 其中维持70件 knows what was upheld;
- the scope, from the subject opening a clause or a sentence (全市 / 市本级 / 市政府 / 我局 /
  a department or a lower level, whose numbers are dropped: ``scope``);
- the totals just read, for the parts and statements that refer back to them (其中县本级8件,
  上述申请已全部答复, 复议2件，均维持原答复).

Which year a figure speaks of is told by ``years``, the scope its channel or object names by
``object_scope``; the candidates are merged into facts by ``merging``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.issuer import Issuer, issuer_of, speaks_for_itself
from extractors.metadata import extract_metadata
from extractors.metrics import load_metrics, unit_of
from extractors.model import Document, Fact, Note
from extractors.rules import appendix, lists, object_scope, sections, statements, years
from extractors.rules.conditions import CONDITIONS
from extractors.rules import scope as scopes
from extractors.rules import vocabulary as words
from extractors.rules.families import absence, fees, outcomes, proactive, requests, reviews, traps
from extractors.rules.matcher import (
    CARRIED_STRENGTH, CLAUSE_SUBJECT_STRENGTH, FEE, LIT, RECON, REQUEST,
    SENTENCE_SUBJECT_STRENGTH, Window, first_match,
)
from extractors.rules.merging import Candidate, merge, trimmed
from extractors.rules.mentions import (
    Mention, clause_spans, has_mention, last_segment, left_context, mentions, sentence_spans,
)

RULESET = "legacy"

# Rows for counts, in the order they are tried: reviews before requests (行政复议申请3件 is a case
# count), outcomes after the request counts, proactive disclosure last.
COUNT_ROWS = reviews.PHRASES + requests.PHRASES + outcomes.PHRASES + proactive.PHRASES
REQUEST_ROWS = requests.PHRASES + outcomes.PHRASES
# The matcher indexes a table of rows by its identity: a slice is a table of its own.
_STATED_RATE, _OTHER_RATES = requests.RATES[:1], requests.RATES[1:]

_TOPIC_WORDS = (
    (RECON, re.compile(r"行政复议|复议")),
    (LIT, re.compile(r"行政诉讼|诉讼|起诉")),
    (REQUEST, re.compile(r"依申请|信息公开申请|公开申请|申请公开|申请(?:形式|方式|渠道|内容)")),
    # (■ 收费：未收取费用 in a report without headings: the label names the part)
    (FEE, re.compile(r"^\s*(?:\d{1,2}\s*[.．、]\s*|[（(][一二三四五六七八九十\d]{1,2}[)）]\s*)?(?:依申请公开)?(?:收费|费用)(?:及减免)?(?:情况)?\s*[：:]")),
)
# Letters, visits, hotlines and mailboxes (市长信箱来信560件，办结率100%) are another system than
# disclosure requests, even inside the part on requests (a lone 来访/来信 can name a channel).
_OTHER_SYSTEM = re.compile(r"信箱|来信来访|来访来信|群众来信|群众来访|信访|热线|12345|留言|咨询")
_ALL_REVIEWS = re.compile(reviews.ALL_REVIEWS)
_BREAKDOWN = re.compile(words.BREAKDOWN)
_BREAKDOWN_OPENED = re.compile(words.BREAKDOWN_OPENED)
_NOTHING_AFTER = re.compile(words.NOTHING_AFTER)
_GROWTH = re.compile(words.GROWTH)
_PROACTIVE_HEADING = re.compile(r"[一二三四五六七八九十][、.．]\s*[^\n]{0,12}主动公开")
# 占总数的 / 占总量 / 占申请总数的 / 占全部申请的 / 占比
_SHARE_OF_TOTAL = re.compile(r"占(?:比|[^,，;；\d%]{0,8}?(?:总数|总量|总件数|总额|总和|总体|全部|总|申请|比例|比重))?"
                             r"(?:的)?(?:比例|比重)?" + words.TAIL)
_REQUEST_NOUN_BEFORE = re.compile(r"(?:" + words.REQUEST_NOUN + r"|申请)" + words.TAIL)
_RECEIVED_AFTER = re.compile(r"^(?:(?:政府)?(?:信息公开|依申请公开|公开)(?:信息)?(?:的)?(?:申请|事项|请求)|申请(?!人|表|书))")
_ANSWERED_AFTER = re.compile(requests.ANSWERED_AFTER)
_REVIEW_LIST = re.compile(absence.REVIEW_LIST)
_REVIEW_KINDS_NAMED = tuple((metric, re.compile(named)) for metric, named in absence.REVIEW_KINDS_NAMED)
# 行政复议：2件（均维持原答复）: the result of all the cases in brackets right after the total.
_BRACKETED_RESULT = re.compile(r"^\s*[（(](?P<words>[^（()）\d]{1,20})[)）]")
_BRACKETED_CHANNEL = re.compile(r"(?:均为|全部为|均系|全部|均|系)?(?:通过|以|采用|经)?(?P<channel>[^，,、；;]{1,8}?)"
                                r"(?:方式)?(?:申请|提交|提出|递交)")
# Words before 占 that name what the share is of (not fillers: 其中, 约, 达, 的).
_NAMED = re.compile(r"(?!其中|约|近|共|达|为|的|了)[\u4e00-\u9fff]")
_CHANNEL_METRICS = frozenset({metric for metric, _ in requests.CHANNELS} | {metric for metric, _ in proactive.CHANNELS})
_PARTS_WITH_SHARES = frozenset(row["code"] for row in load_metrics() if row["parent"] and row["family"] == "legacy")
_CHANNEL_LIST_OPENER = re.compile(proactive.CHANNEL_LIST_OPENER)
_REVIEWS_OF_ALL = re.compile(r"^(?:行政)?(?:复议|诉讼)(?:案件)?(?:均|全部|都)")
_CASE_UNITS = frozenset({"件", "件次", "人次", "宗", "起", "份"})  # requests, never items of information (条)
_ASIDE = re.compile(r"[（(][^（）()]{1,40}[）)]")
# 申请量由上年的29件增加到43件: the number after 增加到 is the year's figure of what the clause
# named before 由 (the number after 由 is last year's).
_CHANGED_TO = re.compile(r"(?P<named>.*?)(?:由|从)(?:[^,，;；]|,(?=\d{3}))*?(?:增加|增长|上升|减少|下降|提高|降低)(?:到|至|为)\s*$")
_YEAR_PART = re.compile(r"^\s*(?:其中)?[,，]?\s*(?:本年度?|今年|当年|(?:19|20)\d{2}\s*年度?)(?:共|新增|新)?"
                        r"(?:发布|公开|更新|受理|收到|答复|办结|发生)?(?:了)?(?:政府|政务)?(?:信息)?" + words.TAIL)

# A part of a total (see _part_of_total): the subject, then at most a verb of the total's kind.
_LABEL_MAX_CHARS = 16  # a sentence this short that names a subject labels the figures after it
_PART_VERBS = {
    "req_received": r"(?:受理|收到|接收|接到|办理)",
    "pro_total": r"(?:主动)?(?:公开|发布)",
    "pro_press_conferences": r"(?:组织|牵头)?(?:举办|召开|举行)|组织",
    "pro_online_interviews": r"(?:组织)?(?:举办|开展)|组织|参加",
}
_SUBJECT_AND_VERB = re.compile(
    r"^\s*(?:其中)?[,，:：]?\s*(?:以)?(?:[\u4e00-\u9fff]{0,7}?(?:省|市|区|县|州|盟|旗))?(?:本级|人民政府|政府|行政公署|行署)"
    r"(?:新闻办公室|新闻办|办公厅|办公室)?(?:的?名义)?(?:共|共计|累计|全年)?(?P<verb>[\u4e00-\u9fff]{0,4}?)(?:了)?(?:的)?\s*$"
)


@dataclass
class _Clause:
    """One clause under reading, with what the reader knows around it."""

    paragraph_offset: int
    part: str
    sentence: str
    sentence_start: int  # paragraph-local
    sentence_end: int
    clause: str
    clause_start: int  # paragraph-local
    scope: str
    strength: float
    topic: str | None
    next_clause: str
    breakdown: bool
    several_years: bool  # the clause speaks of several years (a cumulative total)
    # (the part's own count, the sentence's scope before it): a number larger than the part's
    # count in a clause that carries the part's scope belongs to the whole again
    part_limit: tuple[float, str] | None = None
    cumulative_asides: tuple[tuple[int, int], ...] = ()  # paragraph-local spans of (历年累计…) asides


class _Reader:
    """Reads one document; keeps the state that carries from paragraph to paragraph."""

    def __init__(self, document: Document, own_place: str | None, issuer: Issuer | None,
                 report_year: int | None, notes: list[Note] | None) -> None:
        self.document = document
        self.notes = notes
        self.candidates: list[Candidate] = []
        self.has_proactive_part = bool(_PROACTIVE_HEADING.search(document.matching))
        # The report's own jurisdiction (a subject naming another place is another body), its
        # issuer and year. The pipeline passes what it already found; what a caller did not pass
        # is read here, so that every caller reads a report alike.
        if own_place is None or issuer is None or report_year is None:
            metadata = extract_metadata(document)
            own_place = metadata.jurisdiction_name if own_place is None else own_place
            issuer = issuer_of(document, metadata) if issuer is None else issuer
            report_year = metadata.report_year if report_year is None else report_year
        self.own_place = own_place
        # A department's or a township's own report (市教育局2012年……报告, 我镇): its numbers are
        # the body's own, so an unnamed subject defaults to the body itself, not the jurisdiction.
        self.issuer = issuer
        self.default_scope = scopes.GOVERNMENT if speaks_for_itself(issuer) else scopes.WHOLE
        self.received_by_scope: dict[str, float] = {}  # for 上述申请已全部答复, per scope
        self.review_totals: dict[tuple[str, str], float] = {}  # (recon_total | lit_total, scope): for 均在审理中
        # Another year named before a number makes it that year's; only trusted when the report's
        # own year is named throughout (a report year misread would drop every number).
        self.report_year = report_year if years.named_most(document.matching, report_year) else None
        self.stated_year = report_year
        # The last total of this paragraph, for its parts (其中县本级公开5318条, 其中市政府举办46场).
        self.last_total_metric: str | None = None
        self.last_total_sentence: int | None = None  # document offset of the sentence that gave it
        # A running total (累计 since 2008) just passed over: (metric, document offset of its sentence).
        self.running_total: tuple[str, int] | None = None

    # -- driving -------------------------------------------------------------------------------
    def run(self) -> list[Fact]:
        tracker = sections.SectionTracker()
        for block in self.document.blocks:
            if block.kind != "paragraph":
                continue
            matching = self.document.matching[block.start:block.end]
            part = tracker.feed(matching.strip())
            if part != sections.PROBLEMS:  # targets and plans, not results
                self._read_paragraph(matching, block.start, part)
        # The attached statistics table (附表): the report's own numbers again, so a count the text
        # gave merges with it (the text's mention is kept: its sentence names the scope).
        for fact in appendix.extract_appendix_facts(self.document, self.default_scope, self.notes):
            self.candidates.append(Candidate(fact, CARRIED_STRENGTH))
        return merge(self.candidates, self.document)

    def _read_paragraph(self, text: str, offset: int, part: str) -> None:
        topic = {sections.REQUESTS: REQUEST, sections.FEES: FEE}.get(part)
        paragraph_scope: str | None = None
        self.last_total_metric = None
        last_fact_end = 0
        for sentence_start, sentence_end in sentence_spans(text):
            sentence = text[sentence_start:sentence_end]
            sentence_scope = None
            if self._outgrows_its_part(sentence, paragraph_scope, topic):
                # 市政府办公室受理申请58件。在已办结的429件中……: more requests than the part received
                # are the whole's; the part's scope stops here.
                paragraph_scope = self.default_scope
            previous: Mention | None = None
            request_count: statements.Counted | None = None
            proactive_count: statements.Counted | None = None
            clauses = clause_spans(sentence)
            breakdown = False
            several_years = False
            scope_of_whole: str | None = None  # the sentence's scope before a breakdown named a part
            named_scope: str | None = None  # the scope the sentence's own subject named
            part_total: float | None = None  # the part's own count, which none of its numbers exceeds
            for index, (clause_start, clause_end) in enumerate(clauses):
                clause_text = sentence[clause_start:clause_end]
                # The span the clause speaks of: several years from a marker on (累计 since 2008),
                # until a clause names the year itself again (其中2015年…).
                if years.names_this_year(clause_text):
                    several_years = False
                # (主动公开5812条（历年累计公开2.3万条）: an aside in brackets speaks of several years
                # alone; the clause around it, and the clauses after, of the year.)
                asides = tuple((sentence_start + clause_start + aside.start(), sentence_start + clause_start + aside.end())
                               for aside in _ASIDE.finditer(clause_text) if years.speaks_of_several_years(aside.group(), sentence))
                if (years.speaks_of_several_years(_ASIDE.sub("", clause_text) if asides else clause_text, sentence)
                        and not years.spans_only_this_year(sentence[:clause_end], self.stated_year)):
                    several_years = True
                subject = scopes.clause_subject(clause_text, self.issuer, self.own_place)
                # 其中县本级8件: a part of the total just given; its subject names that part only.
                breakdown = breakdown or bool(_BREAKDOWN.match(clause_text))
                topic = _topic_of(clause_text, part) or topic
                if _ALL_REVIEWS.search(clause_text):
                    topic = None
                if subject and subject != scopes.OTHER_BODY and not breakdown:
                    sentence_scope = named_scope = subject
                elif subject in (scopes.OWN_LEVEL, scopes.GOVERNMENT) and breakdown:
                    # 全市收到1286件，其中市本级收到412件，同意公开273件…: the part named in a
                    # breakdown is what the rest of its sentence speaks of (not the next sentence),
                    # as far as its numbers fit in that part (see part_total).
                    scope_of_whole, sentence_scope = sentence_scope or paragraph_scope or self.default_scope, subject
                    part_total = None
                if subject:
                    scope, strength = subject, CLAUSE_SUBJECT_STRENGTH
                elif sentence_scope:
                    scope, strength = sentence_scope, SENTENCE_SUBJECT_STRENGTH
                else:
                    scope, strength = paragraph_scope or self.default_scope, CARRIED_STRENGTH
                carried_part = not subject and scope_of_whole is not None and sentence_scope != scope_of_whole
                clause = _Clause(offset, part, sentence, sentence_start, sentence_end, clause_text,
                                 sentence_start + clause_start, scope, strength, topic,
                                 sentence[clauses[index + 1][0]:clauses[index + 1][1]] if index + 1 < len(clauses) else "",
                                 breakdown, several_years,
                                 (part_total, scope_of_whole) if carried_part and part_total is not None else None,
                                 asides)
                found = list(mentions(clause_text, clause.clause_start))
                if not found:
                    self._read_statements(clause, index == 0, previous, request_count, proactive_count)
                floor = clause.clause_start
                listed = lists.respective_metrics(clause_text, [m.start - clause.clause_start for m in found],
                                                  [m.end - clause.clause_start for m in found], topic == REQUEST,
                                                  sentence[clauses[index - 1][0]:clauses[index - 1][1]] if index else "")
                for number, mention in enumerate(found):
                    left = left_context(text, floor, mention.start)
                    window = self._window(clause, mention, left, text[mention.end:sentence_start + clause_end],
                                          text[max(sentence_start, last_fact_end):mention.start],
                                          last_fact_end > sentence_start, previous_metric=previous.metric if previous else None)
                    self._classify(clause, mention, window, previous, listed[number] if listed else None)
                    if part_total is None and scope_of_whole is not None and mention.scope == sentence_scope:
                        part_total = mention.value
                    elif clause.part_limit and mention.metric and mention.value > clause.part_limit[0]:
                        sentence_scope = scope_of_whole  # the breakdown is over: the rest is the whole's
                    if mention.metric in ("recon_total", "lit_total") and mention.scope:
                        self.review_totals.setdefault((mention.metric, mention.scope), mention.value)
                    if mention.metric == "req_received" and mention.scope:
                        self.received_by_scope.setdefault(mention.scope, mention.value)
                        if _ANSWERED_AFTER.search(window.right):
                            # 市政府受理的28件申请均已按期答复
                            self._add(clause, "req_answered", mention, confidence=0.8, rule="answered_all_after")
                    # What later numberless clauses of the sentence may speak of (均已按期答复, 全部在
                    # 区政府门户网站发布): the count, while only its channels follow.
                    if mention.metric == "req_received" or (
                            mention.metric is None and self._is_request_count(window)
                            and not traps.vetoed("req_received", window)):
                        request_count = statements.Counted("req_received", mention.value, mention.scope or clause.scope)
                    elif not (_is_channel(mention.metric, "req_")
                              or (mention.metric is None and mention.unit in words.PERCENT)):
                        request_count = None  # (比上年增长12% in between keeps it)
                    if mention.metric == "pro_total" and mention.scope:
                        proactive_count = statements.Counted("pro_total", mention.value, mention.scope)
                    elif not _is_channel(mention.metric, "pro_"):
                        proactive_count = None
                    if mention.metric in ("recon_total", "lit_total"):
                        # 办理各类行政复议案件86件，其中涉及政府信息公开的3件，维持2件: the results
                        # that follow are those cases'.
                        topic = RECON if mention.metric == "recon_total" else LIT
                    if mention.metric:
                        last_fact_end = mention.end
                        if not breakdown and mention.metric in _PART_VERBS:
                            self.last_total_metric = mention.metric
                            self.last_total_sentence = offset + sentence_start
                    previous = mention
                    floor = mention.end
            # The subject a sentence names carries to the next sentences when the sentence counts
            # something or labels what follows (市本级：); 市政府办公室对依申请公开实行统一登记 tells
            # how the work is done, not whose figures follow.
            if named_scope and (previous is not None or len(sentence.strip()) <= _LABEL_MAX_CHARS
                                or sentence.rstrip().endswith((":", "："))):
                paragraph_scope = named_scope

    def _outgrows_its_part(self, sentence: str, carried: str | None, topic: str | None) -> bool:
        """A sentence on requests that would carry a part's scope (own level, government) while
        counting more requests than the part received."""
        if topic != REQUEST or carried not in (scopes.OWN_LEVEL, scopes.GOVERNMENT) or self.default_scope != scopes.WHOLE:
            return False
        received = self.received_by_scope.get(carried)
        return received is not None and any(
            mention.unit in _CASE_UNITS and mention.value > received for mention in mentions(sentence, 0))

    def _window(self, clause: _Clause, mention: Mention | None, left: str = "", right: str = "",
                since_last_fact: str = "", fact_before: bool = False, opening: str = "",
                previous_metric: str | None = None) -> Window:
        request_topic = clause.topic == REQUEST and not (
            _OTHER_SYSTEM.search(clause.sentence) and "申请" not in clause.sentence)
        return Window(
            clause=clause.clause, sentence=clause.sentence,
            sentence_before=clause.sentence[:clause.clause_start - clause.sentence_start],
            left=left, right=right, since_last_fact=since_last_fact, unit=mention.unit if mention else "",
            topic=clause.topic, request_topic=request_topic, part=clause.part, subject_strength=clause.strength,
            in_proactive_part=not self.has_proactive_part or clause.part == sections.PROACTIVE,
            fact_before_in_sentence=fact_before, breakdown=clause.breakdown,
            cumulative=clause.several_years or (mention is not None and any(
                start <= mention.start < end for start, end in clause.cumulative_asides)),
            body_report=self.default_scope == scopes.GOVERNMENT, opening=opening, previous_metric=previous_metric,
            number_before=mention is not None and has_mention(clause.sentence[:mention.start - clause.sentence_start]),
            other_year=mention is not None and years.other_year(clause.sentence[:mention.start - clause.sentence_start], self.report_year),
            rest_of_sentence=clause.sentence[mention.end - clause.sentence_start:] if mention else "",
            conditions=CONDITIONS,
        )

    # -- numbers ----------------------------------------------------------------------------------
    def _classify(self, clause: _Clause, mention: Mention, window: Window, previous: Mention | None,
                  named: str | None) -> None:
        changed = _CHANGED_TO.match(clause.sentence, clause.clause_start - clause.sentence_start,
                                    mention.start - clause.sentence_start)
        if changed and changed["named"].strip():
            window = replace(window, left=changed["named"])
        if each := lists.each_metrics(window.left, clause.topic == REQUEST):
            # 当面申请和信函申请各1件: the number for each name.
            for each_metric in each:
                if window.unit in words.UNITS_OF[unit_of(each_metric)] and not traps.vetoed(each_metric, window):
                    self._add(clause, each_metric, mention)
            return
        if named and window.unit in words.PERCENT and named in _PARTS_WITH_SHARES:
            metric = named + "_pct"  # 当面申请和网络申请…分别占40.5%和37.8%
        elif named and window.unit in words.UNITS_OF[unit_of(named)]:
            metric = named  # 政务微博、政务微信分别发布信息1396条、1022条
        else:
            metric = self._metric(clause, mention, window, previous)
        if metric and window.cumulative and traps.vetoed(metric, window):
            self.running_total = (metric, clause.paragraph_offset + clause.sentence_start)
        elif metric is None:
            metric = self._year_of_running_total(clause, window)
        mention.metric = None if metric is None or traps.vetoed(metric, window) else metric
        if mention.metric:
            self._add(clause, mention.metric, mention, previous=previous)
        elif metric is None and mention.unit in words.CASES and (listed := _REVIEW_LIST.search(window.left)):
            # 行政复议、行政诉讼均为0件: one number for every kind the list names.
            for listed_metric, named in _REVIEW_KINDS_NAMED:
                if named.search(listed.group()) and not traps.vetoed(listed_metric, window):
                    self._add(clause, listed_metric, mention)
        bracketed = _BRACKETED_RESULT.match(window.right)
        if bracketed and mention.metric == "req_received" and (
                one_channel := _BRACKETED_CHANNEL.fullmatch(bracketed["words"])):
            # 申请1件（当面申请）: the channel of every request counted, in brackets.
            for stated in statements.requests_by_one_channel(one_channel["channel"], statements.Counted(
                    mention.metric, mention.value, mention.scope)):
                self._add_statement(clause, stated.metric, stated.value, stated.rule, stated.confidence, stated.scope)
        if bracketed and mention.metric in ("recon_total", "lit_total"):
            # 行政复议：2件（均维持原答复）: the result of all the cases in brackets.
            for stated in statements.review_result(bracketed["words"], statements.Counted(
                    mention.metric, mention.value, mention.scope)):
                self._add_statement(clause, stated.metric, stated.value, stated.rule, stated.confidence, stated.scope)

    def _metric(self, clause: _Clause, mention: Mention, window: Window, previous: Mention | None) -> str | None:
        if mention.unit in words.PERCENT:
            return self._share(window, previous)
        if mention.unit in words.MONEY:
            return first_match(fees.PHRASES, window)
        return first_match(COUNT_ROWS, window) or self._part_of_total(clause, mention, window)

    def _share(self, window: Window, previous: Mention | None) -> str | None:
        """A share: a rate a report states (答复率, 实际公开比例), a share that names its own part
        (当面申请占41.2%), or the share of the count just before it (同意公开230件，占81%)."""
        if _GROWTH.search(window.left):
            return None
        rate = first_match(_STATED_RATE, window) or first_match(outcomes.SHARES_FIRST, window)
        if rate:
            return rate
        share = _SHARE_OF_TOTAL.search(window.left)
        if share:
            label = last_segment(window.left[:share.start()])
            if label.strip() and window.request_topic:
                named = replace(window, left=label, right="", unit="件")
                part = first_match(REQUEST_ROWS, named) or first_match(outcomes.SHARE_LABELS, named)
                if part in outcomes.SHARE_PARENTS:
                    return part + "_pct"
            # 同意公开164件，占78.1%: the share of the count just read, when nothing else is named
            # before 占 (公民申请占90% names an applicant type, 其中财政信息占20% a topic).
            if not _NAMED.search(label) and previous and previous.metric in _PARTS_WITH_SHARES and previous.scope:
                return previous.metric + "_pct"
            return None
        return first_match(_OTHER_RATES, window)

    def _part_of_total(self, clause: _Clause, mention: Mention, window: Window) -> str | None:
        """其中县本级8件 / 其中，市本级公开42115条 / 其中市政府举办46场 / 其中市政府新闻办组织召开28场:
        inside a breakdown, the report's own level or government (or the office acting for it) named
        with at most a bare verb gives its part of the total just stated, in that total's metric."""
        metric = self.last_total_metric
        if (metric is None or not clause.breakdown or clause.strength != CLAUSE_SUBJECT_STRENGTH
                or clause.scope not in (scopes.OWN_LEVEL, scopes.GOVERNMENT)):
            return None
        if mention.unit not in words.UNITS_OF[unit_of(metric)] or not _NOTHING_AFTER.match(window.right):
            return None
        opening = _SUBJECT_AND_VERB.match(window.segment)
        if not opening:
            return None
        verb = opening["verb"]
        if verb and not re.fullmatch(_PART_VERBS[metric], verb):
            return None  # 其中市政府转办30件: another act than the total's
        return metric

    def _year_of_running_total(self, clause: _Clause, window: Window) -> str | None:
        """截至年底，政府门户网站累计发布信息8.2万条，其中本年度发布1.35万条: after a running total,
        the year's own part with a bare verb is the year's figure of the same metric."""
        if self.running_total is None or self.running_total[1] != clause.paragraph_offset + clause.sentence_start:
            return None
        metric = self.running_total[0]
        if window.unit in words.UNITS_OF[unit_of(metric)] and _YEAR_PART.search(window.segment) \
                and _NOTHING_AFTER.match(window.right):
            return metric
        return None

    @staticmethod
    def _is_request_count(window: Window) -> bool:
        return (window.request_topic and window.unit in words.REQUESTS
                and bool(_REQUEST_NOUN_BEFORE.search(window.segment) or _RECEIVED_AFTER.search(window.right)))

    # -- clauses without a number ----------------------------------------------------------------
    def _read_statements(self, clause: _Clause, first_clause: bool, previous: Mention | None,
                         request_count: statements.Counted | None,
                         proactive_count: statements.Counted | None) -> None:
        window = self._window(clause, None, opening=scopes.strip_filler(clause.clause))
        counted, since_previous = None, ""
        if previous and previous.metric:
            counted = statements.Counted(previous.metric, previous.value, previous.scope)
            since_previous = clause.sentence[previous.end - clause.sentence_start:clause.clause_start - clause.sentence_start]
        elif named := _REVIEWS_OF_ALL.match(window.opening):
            # 行政诉讼案件均在审理中, a sentence after the count: every case of the kind counted before.
            total_metric = "recon_total" if "复议" in named.group() else "lit_total"
            if total := self.review_totals.get((total_metric, clause.scope)):
                counted, since_previous = statements.Counted(total_metric, total, clause.scope), named.group()
        for stated in statements.numberless_facts(window, first_clause, self.received_by_scope.get(clause.scope),
                                                  counted, request_count, proactive_count, since_previous):
            self._add_statement(clause, stated.metric, stated.value, stated.rule, stated.confidence, stated.scope)

    # -- recording -------------------------------------------------------------------------------
    def _add(self, clause: _Clause, metric: str, mention: Mention, confidence: float = 0.9,
             rule: str | None = None, previous: Mention | None = None) -> None:
        scope, strength = clause.scope, clause.strength
        if clause.part_limit and mention.value > clause.part_limit[0] and not metric.endswith("_pct"):
            scope = clause.part_limit[1]  # 全市共受理120件，其中市本级受理40件，同意公开80件: 80 is the city's
        if metric.startswith("pro_") and not metric.endswith("_pct"):
            sentence_before = clause.sentence[:clause.clause_start - clause.sentence_start]
            # (…其中通过县政府门户网站公开2105条，通过县政府公报等其他方式公开758条: the next channel
            # of the same breakdown; 全省政府网站发布N条，其中省政府门户网站发布M条 is a part of one channel;
            # 全市通过网站公开98460条，通过《洛阳市人民政府公报》公开1120条: a listing without 其中 too.)
            next_channel = (previous is not None and previous.metric in _CHANNEL_METRICS
                            and previous.metric != metric and previous.scope == scope)
            inside_total = next_channel or _CHANNEL_LIST_OPENER.search(sentence_before) is not None or (  # 主要公开渠道分别为：
                self.last_total_metric == "pro_total" and (
                    _BREAKDOWN.match(clause.sentence) is not None
                    or ((_BREAKDOWN.match(clause.clause) is not None or _BREAKDOWN_OPENED.search(sentence_before))
                        and self.last_total_sentence == clause.paragraph_offset + clause.sentence_start)))
            scope, strength = object_scope.of_channel(metric, clause.clause, clause.sentence, scope, strength, inside_total)
        scope, strength = object_scope.of_object(metric, clause.sentence, clause.clause_start - clause.sentence_start,
                                                 mention.start - clause.sentence_start, scope, strength)
        if scope == scopes.OTHER_BODY:
            return
        mention.scope = scope
        self._record(clause, metric, mention.value, mention.qualifier, scope, strength,
                     f"{RULESET}.{rule or metric}", confidence if strength else confidence - 0.1)

    def _add_statement(self, clause: _Clause, metric: str, value: float, rule: str, confidence: float = 0.85,
                       scope: str | None = None) -> None:
        scope = scope or clause.scope
        if scope != scopes.OTHER_BODY:
            self._record(clause, metric, value, "exact", scope, clause.strength, f"{RULESET}.{rule}", confidence)

    def _record(self, clause: _Clause, metric: str, value: float, qualifier: str, scope: str, strength: float,
                rule: str, confidence: float) -> None:
        start, end = trimmed(self.document.text, clause.paragraph_offset + clause.sentence_start,
                              clause.paragraph_offset + clause.sentence_end)
        # The evidence is cut once a candidate is kept (see merging): a sentence holding many
        # numbers would otherwise be copied once per number.
        fact = Fact(metric=metric, value=value, unit=unit_of(metric), qualifier=qualifier, scope=scope,
                    evidence="", start=start, end=end, rule=rule, confidence=round(confidence, 2))
        self.candidates.append(Candidate(fact, strength))


def _is_channel(metric: str | None, family: str) -> bool:
    """A channel (or a channel's share) of requests or of proactive disclosure."""
    return bool(metric) and metric.startswith(family) and metric.removesuffix("_pct") in _CHANNEL_METRICS


def _topic_of(clause: str, part: str) -> str | None:
    for topic, pattern in _TOPIC_WORDS:
        if pattern.search(clause):
            return topic
    # Outside the part on requests a bare 申请 is any application (网上申请端, 项目申请).
    if part == sections.REQUESTS and "申请" in clause:
        return REQUEST
    return None


def extract_legacy_facts(document: Document, own_place: str | None = None, issuer: Issuer | None = None,
                         report_year: int | None = None, notes: list[Note] | None = None) -> list[Fact]:
    """``own_place``, ``issuer`` and ``report_year``: the report's jurisdiction name, issuer and
    year, when the caller knows them (the year lets another year's figures be told apart).
    What could not be read (a statistics table's unreadable rows) goes to ``notes``."""
    return _Reader(document, own_place, issuer, report_year, notes).run()
