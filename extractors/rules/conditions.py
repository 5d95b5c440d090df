"""The named conditions a phrasing row may ask for (``Phrase.when``): small facts about the clause
a number stands in that no pattern of one row can see (whether its subject was named, what
follows the number, which part of the report it sits in)."""
from __future__ import annotations

import re

from extractors.rules import scope as scopes
from extractors.rules import sections
from extractors.rules import vocabulary as words
from extractors.rules.families import fees, proactive, requests
from extractors.rules.matcher import CLAUSE_SUBJECT_STRENGTH, FEE, Window

_NOTHING_AFTER = re.compile(words.NOTHING_AFTER)
# 全年共主动公开政府信息6789条: the act and information as its object, opening the clause. 主动 is
# required in a government's report, where a paragraph on one topic ends 共公开各类信息3700余条; a
# township's or a department's report (全年发布各类信息86条) has no such topics.
_TOTAL_OPENING = re.compile(r"^(?:共|共计|累计|总计)?(?:主动公开(?:了)?(?:的)?(?:各类|各种)?(?:政府|政务)?|(?:公开|发布)(?:了)?(?:的)?(?:政府|政务))信息")
_BODY_TOTAL_OPENING = re.compile(r"^(?:共|共计|累计|总计)?(?:主动)?(?:公开|发布)(?:了)?(?:的)?(?:各类|各种)?(?:政府|政务)?信息(?!化)")
_PORTAL_OPENING = re.compile(r"^(?!通过|利用|在|经|依托|借助)[\u4e00-\u9fff]{0,12}?(?:政府|行政公署|行署)(?:门户)?网站?"
                             r"(?:[“\"][^”\"]{1,12}[”\"])?")
_REQUEST_FEE_NAME = re.compile(fees.REQUEST_FEE_NAME)
_ANY_CHANNEL = re.compile(proactive.ANY_CHANNEL)
_NUMBER_FIRST = re.compile(words.NUMBER_FIRST)
_PUBLISHING_OPENING = re.compile(r"^(?:共|共计|累计|总计)?(?:主动)?(?:公开|发布)(?:了)?\s*$")
# 共计101条 / 三项合计141条 / 共计主动公开318条 / 全年主动公开政府信息86条, after the channels
_SUM_OF_CHANNELS = re.compile(r"(?:全年|本年度?)?(?:(?:共计|合计|总计|共|以上合计|[两二三四五六]项合计)(?:主动)?(?:公开|发布)?(?:了)?"
                              r"|(?:共计|合计|共)?主动公开(?:了)?)(?:各类|各种)?(?:政府|政务)?(?:信息)?")
_PROACTIVE_CHANNELS = frozenset(metric for metric, _ in proactive.CHANNELS)
_REQUEST_CHANNELS = frozenset(metric for metric, _ in requests.CHANNELS)
_CHANNEL_LIST_OPENER = re.compile(proactive.CHANNEL_LIST_OPENER)
_MANY_CHANNELS = re.compile(proactive.MANY_CHANNELS)
_CHANNEL_MENTION = re.compile(proactive.CHANNEL_MENTION)
_CHANNELS_JOINED = re.compile(proactive.CHANNELS_JOINED)
_CHANNEL_KINDS = tuple((metric, re.compile(words)) for metric, words in proactive.CHANNELS[1:])  # (new media: two kinds)
_OTHER_WAYS = "pro_other"


def _opens_with_the_total_act(window: Window) -> bool:
    opening = _BODY_TOTAL_OPENING if window.body_report else _TOTAL_OPENING
    return (bool(opening.match(scopes.strip_filler(window.clause)))
            and not window.fact_before_in_sentence and not _ANY_CHANNEL.search(window.sentence_before))


def _opens_with_publishing(window: Window) -> bool:
    return (bool(_PUBLISHING_OPENING.match(scopes.strip_filler(window.left)))
            and not window.fact_before_in_sentence and not _ANY_CHANNEL.search(window.sentence_before))


def _sums_the_channels(window: Window) -> bool:
    return (bool(_SUM_OF_CHANNELS.fullmatch(window.segment.strip())) and bool(window.previous_metric)
            and window.previous_metric in _PROACTIVE_CHANNELS)


def _channel_mentions(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, kind) of each channel the text names."""
    mentions, previous_end = [], 0
    for found in _CHANNEL_MENTION.finditer(text):
        mentions.append((found.start(), found.end(),
                         _channel_kind(found.group(), text[max(previous_end, found.start() - 3):found.end()])))
        previous_end = found.end()
    return mentions


def names_several_channels(text: str) -> bool:
    """Channels named together (政府网站和公开栏, 两个网站, 网站和信息公开平台), or 等…渠道. Boards
    and screens are one channel, "other ways", however many are named (乡政府公开栏和各村公开栏,
    电子屏和公开栏)."""
    if _MANY_CHANNELS.search(text):
        return True
    mentions = _channel_mentions(text)
    return any(_CHANNELS_JOINED.match(text[first_end:second_start]) and not first_kind == second_kind == _OTHER_WAYS
               for (_, first_end, first_kind), (second_start, _, second_kind) in zip(mentions, mentions[1:]))


def _channel_item(window: Window) -> bool:
    """The clause is one item of a listing of channels: a breakdown (其中…), or after a channel's
    count in the same sentence (通过网站公开98460条，通过报刊电视等方式公开1.22万条), or after an
    opening that announces channels (从公开方式看，)."""
    return (window.breakdown or window.previous_metric in _PROACTIVE_CHANNELS
            or bool(_CHANNEL_LIST_OPENER.search(window.sentence_before)))


def _one_channel(window: Window) -> bool:
    """Within a listing, mentions of one kind are that channel (政府公众信息网及部门网站: websites;
    报刊电视及村务公开栏等方式: other ways); elsewhere they may be the total (see names_several_channels)."""
    if not names_several_channels(window.left):
        return True
    return _channel_item(window) and len({kind for _, _, kind in _channel_mentions(window.left)}) == 1


def _channel_kind(mention: str, with_words_before: str) -> str | None:
    # (网 alone is a website by the words before it: 政府网, 信息公开网)
    for text in (mention, with_words_before):
        kind = next((metric for metric, pattern in _CHANNEL_KINDS if pattern.search(text)), None)
        if kind:
            return kind
    return None


def _lists_channels(window: Window) -> bool:
    """The clause lists channels: in the breakdown of a count just given (其中…), or after a
    sentence opening that announces them (主要公开渠道分别为：)."""
    return (window.breakdown and window.number_before) or bool(_CHANNEL_LIST_OPENER.search(window.sentence_before))


def _portal_subject(window: Window) -> bool:
    opening = scopes.strip_filler(window.sentence)
    return bool(scopes.channel_owner_scope(opening)) and bool(_PORTAL_OPENING.match(opening))


def _fee_context(window: Window) -> bool:
    return window.topic == FEE or window.part == sections.FEES or bool(_REQUEST_FEE_NAME.search(window.sentence))


CONDITIONS = {
    "subject_named": lambda window: window.subject_strength == CLAUSE_SUBJECT_STRENGTH,
    "subject_not_named": lambda window: window.subject_strength < CLAUSE_SUBJECT_STRENGTH,
    "nothing_after": lambda window: bool(_NOTHING_AFTER.match(window.right)),
    "number_first": lambda window: bool(_NUMBER_FIRST.match(window.segment)),
    # (县本级受理61件, a sentence of its own in the part on requests, counts requests too)
    "sentence_says_request": lambda window: "申请" in window.sentence or window.part == sections.REQUESTS,
    "in_proactive_part": lambda window: window.in_proactive_part,
    "proactive_part_elsewhere": lambda window: not window.in_proactive_part,
    "no_fact_before": lambda window: not window.fact_before_in_sentence,
    "in_breakdown": lambda window: window.breakdown,
    "number_before": lambda window: window.number_before,
    "opens_with_the_total_act": _opens_with_the_total_act,
    "opens_with_publishing": _opens_with_publishing,
    "sums_the_channels": _sums_the_channels,
    "portal_subject": _portal_subject,
    "lists_channels": _lists_channels,
    # (an item of a listing of channels is never the total, whatever it names)
    "several_channels": lambda window: names_several_channels(window.left) and not _channel_item(window),
    "several_channels_in_sentence": lambda window: (names_several_channels(window.sentence_before + window.clause)
                                                    and not _channel_item(window)),
    "one_channel": _one_channel,
    "one_channel_so_far": lambda window: not names_several_channels(window.sentence_before + window.left),
    "one_channel_after": lambda window: not names_several_channels(window.right),
    "fee_context": _fee_context,
    "after_a_request_channel": lambda window: window.previous_metric in _REQUEST_CHANNELS,
}
