"""Clauses without a number that still fix a value: statements of absence (the rows of
``families/absence.py`` and ``families/fees.py``), "all of them" after a count (均为网上申请, 均已
按期答复, 全部在区政府门户网站发布), a result said of every case (复议2件，均维持原答复), and a
label with a word of absence (申诉：无).

``numberless_facts`` returns what the clause states; the reader records it in the clause's scope
(or the one given with it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.rules import sections
from extractors.rules import vocabulary as words
from extractors.rules.families import absence, fees, outcomes, proactive, requests, reviews
from extractors.rules.matcher import FEE, RECEIVED_TOTAL, REQUEST, Window, statements_holding

ROWS = absence.STATEMENTS + fees.STATEMENTS

_LABELLED_NONE = re.compile(absence.LABELLED_NONE)
_NO_CHANNEL = re.compile(absence.NO_CHANNEL)
_ALL_BY_ONE_CHANNEL = re.compile(absence.ALL_BY_ONE_CHANNEL)
_ANSWERED_ALL = re.compile(requests.ANSWERED_ALL_CLAUSE)
_REQUEST_CHANNELS = tuple((metric, re.compile(channel)) for metric, channel in requests.CHANNELS)
_PROACTIVE_CHANNELS = tuple((metric, re.compile(channel)) for metric, channel in proactive.CHANNELS)
_ALL_IN_ONE_CHANNEL = re.compile(proactive.ALL_IN_ONE_CHANNEL)
_REVIEW_KINDS_NAMED = tuple((metric, re.compile(named)) for metric, named in absence.REVIEW_KINDS_NAMED)
_REVIEW_KIND_LABEL = re.compile(r"(?:政府信息公开)?(?:" + words.REVIEW_KIND + r")(?:[、和及与]|" + words.REVIEW_KIND
                                + r"|案件|情况|数量|数)*")
_ALL_CASES = re.compile(reviews.ALL_CASES)
_ALL_WORD = re.compile(r"均|全部|都|皆")
# 依申请公开：无 / 政府信息公开申请：无
_REQUESTS_LABEL = re.compile(r"(?:本年度?|全年)?(?:政府信息)?(?:依申请公开|公开申请|信息公开申请|申请公开)(?:的)?(?:情况|数量|事项|件数|数)?")
# An outcome said near the clause's start (words of outcomes.OUTCOMES; 其他 says no outcome).
_OUTCOME_SAID = tuple((metric, re.compile(r"^[^,，;；\d]{0,16}?(?:" + said + r")"))
                      for metric, said in outcomes.OUTCOMES if metric != "out_other")
# 同意公开 / 予以公开 / 属于已主动公开范围, the clause naming nothing but an outcome
_BARE_OUTCOME = re.compile(r"^(?:并|已|均|且|经审查)?[^,，;；\d]{0,12}?[。；;]?\s*$")
# (当场向其提供了名单复印件 / 依法向其提供了相关文件: the one request granted)
_PROVIDED_TO_THE_ONE = re.compile(r"^[^,，;；\d]{0,10}?(?:向|为)(?:其|申请人)提供")
_OF_ALL_REQUESTS = re.compile(r"^(?:上述|以上|所有|这些)?(?:的)?(?:政府信息公开|依申请公开)?申请(?:事项)?(?:均|全部|都)")
_NEGATION = re.compile(r"未|没有|并非")
_FEES_LABEL = re.compile(r"(?:依申请公开)?(?:收费|费用)(?:及减免)?(?:情况)?")  # 收费情况：不涉及, in any part
_THE_ONE_BY = re.compile(r"^(?:(?:为|是|系)(?:申请人)?(?:通过|以|采用)?|申请人(?:通过|以|采用))")
# 该信息… / 告知其… / 我局决定不予公开: the one request spoken of, or the body deciding it
_THE_ONE = re.compile(r"^[^,，;；\d]{0,6}?(?:该|此|这|其)|^(?:我|本)(?:局|委|办|镇|乡|街道|中心|单位|机关)")
# 我局已按期答复 / 并于10个工作日内作出书面答复 (a time limit is no count)
_ANSWERED_THE_ONE = re.compile(r"^(?:我[局委办镇乡]|本(?:机关|单位|局|委|办))?[^,，;；\d]{0,4}?(?:已|均已|并于?|于)[^,，;；]{0,16}?"
                               + requests.ANSWER_VERB)
# (复议机关武汉市人民政府决定维持: the deciding body may be named before the result)
_RESULT_STATEMENTS = tuple((result, re.compile(r"^[^,，;；\d]{0,16}?(?:" + said + r")"))
                           for result, said in reviews.RESULT_WORDS)


@dataclass(frozen=True)
class Counted:
    """A number read earlier in the sentence that a later clause may speak of."""

    metric: str
    value: float
    scope: str | None  # None: not recorded (another body's)


@dataclass(frozen=True)
class Stated:
    metric: str
    value: float
    rule: str
    confidence: float = 0.85
    scope: str | None = None  # None: the clause's own scope


def numberless_facts(window: Window, first_clause: bool, received_total: float | None,
                     previous: Counted | None, request_count: Counted | None,
                     proactive_count: Counted | None, since_previous: str = "") -> list[Stated]:
    """What a clause without a number states. ``received_total``: the requests counted before in
    the clause's scope; ``previous``: the number just before; ``request_count`` and
    ``proactive_count``: the sentence's request count and proactive count, when only their parts
    (channels) were read since; ``since_previous``: the sentence's words between the number just
    before and this clause."""
    stated: list[Stated] = []
    for row in statements_holding(ROWS, window):
        value = 0.0 if row.value != RECEIVED_TOTAL else received_total
        if value is not None:
            stated += [Stated(metric, value, row.rule, row.confidence) for metric in row.metrics]
    stated += review_result(window.opening, previous, since_previous)
    if not first_clause:
        stated += _labelled_none(window)
    if window.topic == REQUEST and (no_channel := _NO_CHANNEL.match(window.opening)):
        stated += _channel(no_channel["channel"], 0.0, "channel_absent")
    if window.topic == REQUEST and received_total:
        stated += _outcome_of_all(window.opening, received_total)
        if received_total == 1 and request_count is None and (by := _THE_ONE_BY.match(window.clause)):
            # 收到申请1件。申请人通过信函要求公开……: the one request's channel, a sentence later
            stated += requests_by_one_channel(window.clause[by.end():], Counted("req_received", 1.0, None))
    if window.topic == REQUEST and received_total and not first_clause:
        stated += _labelled_requests(window, received_total)
    if request_count is not None and window.topic == REQUEST:
        # 受理申请19件，均为网上申请 / 受理申请1件，为网上申请: every request came by that channel.
        if all_by := (_ALL_BY_ONE_CHANNEL.match(window.clause)
                      or (request_count.value == 1 and _THE_ONE_BY.match(window.clause))):
            stated += requests_by_one_channel(window.clause[all_by.end():], request_count)
        # 县政府受理的19件申请中，当面申请7件，…，均已在法定期限内答复: all of them answered.
        if _ANSWERED_ALL.search(window.opening):
            stated.append(Stated("req_answered", request_count.value, "answered_all_later_clause", 0.8,
                                 request_count.scope))
    if proactive_count is not None and (one := _ALL_IN_ONE_CHANNEL.search(window.opening)):
        # 我局共主动公开政府信息53条，全部在区政府门户网站“信息公开”专栏发布.
        for metric, channel in _PROACTIVE_CHANNELS:
            if channel.search(one["channel"]):
                stated.append(Stated(metric, proactive_count.value, "all_in_one_channel", 0.75, proactive_count.scope))
                break
    return stated


# Label lines after a count of requests (收到申请：1件 / 申请方式：信函 / 办理结果：属于已主动公开范围).
_CHANNEL_LABEL = re.compile(r"^\s*(?:申请)?(?:方式|渠道|途径|形式)\s*[：:]\s*(?:均为|全部为|都是|均是|为)?(?P<channel>[^,，;；。、和及]{1,8}?)"
                            r"(?:申请|提交|提出)?\s*[。；;]?\s*$")
_OUTCOME_LABEL = re.compile(r"^\s*(?:办理|答复|处理)(?:结果|情况)\s*[：:]")


def _labelled_requests(window: Window, received_total: float) -> list[Stated]:
    """申请方式：信函 names the channel of every request counted before (one channel named, no
    count); 办理结果：属于已主动公开范围 the outcome of the one request there was."""
    if labelled := _CHANNEL_LABEL.match(window.sentence):
        named = [metric for metric, channel in _REQUEST_CHANNELS if channel.search(labelled["channel"])]
        if len(named) == 1:
            return [Stated(named[0], received_total, "labelled_channel", 0.75)]
    if received_total == 1 and _OUTCOME_LABEL.match(window.sentence):
        found = [metric for metric, pattern in _OUTCOME_SAID if pattern.search(window.opening)]
        if len(found) == 1:
            return [Stated(found[0], 1.0, "labelled_outcome", 0.75)]
    return []


def requests_by_one_channel(naming: str, count: Counted) -> list[Stated]:
    """均为网上申请 (after 均), 申请1件（当面申请）(in brackets): every request counted came by the
    channel ``naming`` names first."""
    for metric, channel in _REQUEST_CHANNELS:
        if channel.match(naming) or channel.match(naming.lstrip("以通过用")):
            return [Stated(metric, count.value, "all_by_one_channel", 0.75, count.scope)]
    return []


def _outcome_of_all(opening: str, received_total: float) -> list[Stated]:
    """申请均予以公开 / 该信息属于已主动公开范围 / 告知其所申请信息不属于本机关公开范围: an outcome
    said without a number of every request counted (均, 全部), or of the one request there was
    (该, 其; 我局已按期答复: the one request answered). A clause naming two outcomes says neither."""
    if _NEGATION.search(opening):
        return []  # 均未予以公开 is no grant
    if received_total == 1 and _ANSWERED_THE_ONE.match(opening):
        return [Stated("req_answered", 1.0, "answered_the_one", 0.75)]  # 申请1件…我局已按期答复
    found = [metric for metric, pattern in _OUTCOME_SAID if pattern.search(opening)]
    if received_total == 1 and not found and _PROVIDED_TO_THE_ONE.match(opening):
        found = ["out_granted"]
    if len(found) != 1:
        return []
    if received_total == 1 and _BARE_OUTCOME.match(opening):
        return [Stated(found[0], 1.0, "outcome_of_the_one", 0.75)]  # 申请1件，…，已按时答复，同意公开
    if _ALL_WORD.match(opening) or _OF_ALL_REQUESTS.match(opening) or (received_total == 1 and _THE_ONE.search(opening)):
        return [Stated(found[0], received_total, "outcome_of_all", 0.75)]
    return []


def review_result(opening: str, previous: Counted | None, since_previous: str = "") -> list[Stated]:
    """复议2件，均维持原答复 / 复议1件，目前正在审理 / 复议2件，均已结案，维持原答复: a numberless
    result after the total is the result of all its cases (of the one case when there is one)."""
    if previous is None or previous.metric not in ("recon_total", "lit_total") or not previous.value:
        return []
    if previous.scope is None:
        return []  # the total was another body's
    if _ALL_CASES.match(opening) or previous.value == 1 or _ALL_WORD.search(since_previous):
        for result, said in _RESULT_STATEMENTS:
            if said.search(opening):
                return [Stated(previous.metric.replace("total", result), previous.value, "review_result_all", 0.75,
                               previous.scope)]
    return []


def _labelled_none(window: Window) -> list[Stated]:
    """申诉：无 / 行政复议：暂无 / 收取费用：无: the label names what there was none of."""
    found = _LABELLED_NONE.match(window.sentence)
    if not found:
        return []
    label = found["label"]
    if (window.part == sections.REVIEW or re.search("复议|诉讼|申诉|举报|投诉", label)) and _REVIEW_KIND_LABEL.fullmatch(label):
        return [Stated(metric, 0.0, "labelled_none") for metric, named in _REVIEW_KINDS_NAMED if named.search(label)]
    if ((window.part == sections.FEES or window.topic == FEE) and re.search(r"收费|费用|收取", label)
            or _FEES_LABEL.fullmatch(label)):
        return [Stated("fee_collected_yuan", 0.0, "labelled_none")]
    if _REQUESTS_LABEL.fullmatch(label):
        return [Stated("req_received", 0.0, "labelled_none")]
    if window.topic == REQUEST and label.endswith("申请"):
        return _channel(label, 0.0, "labelled_none")
    return []


def _channel(words_naming_it: str, value: float, rule: str) -> list[Stated]:
    for metric, channel in _REQUEST_CHANNELS:
        if channel.search(words_naming_it):
            return [Stated(metric, value, rule)]
    return []
