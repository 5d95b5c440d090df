"""Spans of injected gambling / porn spam inside report text.

Hacked government sites get site names pasted into their pages, often replacing a body name
(seed 003 reads "365-体育在线办公厅" where 辽宁省人民政府办公厅 was). The verbatim text is
never rewritten; callers use the spans to keep spam out of titles, issuing bodies and
jurisdiction names.

Two kinds of terms: strong ones that essentially never occur in a report, and weak ones
(彩票, 棋牌, 体育, 娱乐 ...) that do occur legitimately (福利彩票公益金, 棋牌室 licensing) and only
count as spam when glued to a site-like neighbour: digits or Latin before them ("365-", "bet"),
or 官网 / app / 注册 / 投注 after them. All patterns expect the MATCHING (simplified,
half-width) form of the text.
"""
from __future__ import annotations

import re

from extractors.normalize import first_char_guarded

_STRONG_TERM = first_char_guarded(
    "体育在线|在线体育|娱乐城|娱乐场|博彩|赌场|百家乐|真人视讯|真人娱乐|老虎机|六合彩|时时彩|"
    "北京赛车|新葡京|葡京|威尼斯人|太阳城|金沙娱乐|金沙国际|永利皇宫|亚博体育|开云体育|"
    "必威体育|博狗|皇冠体育|皇冠现金|澳门赌|网上赌|在线赌|成人视频|成人影院|色情网|av在线",
    re.IGNORECASE,
)
_WEAK_TERM = re.compile("彩票|棋牌|体育|娱乐|电竞|真人|竞彩|足彩|赌球|电子游艺")

# A site name glued before a term ("365-", "bet365", "js"), matched on the text just before
# it. List numbering ("1.体育设施") is not a site name, so a weak term needs a Latin letter or
# at least two digits there.
_SITE_NAME_BEFORE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*\s?$")
_WEAK_SITE_NAME_BEFORE = re.compile(r"(?:[A-Za-z][A-Za-z0-9\-]*|\d{2,}[A-Za-z0-9]*-?)$")
_SITE_WORD_AFTER = re.compile(r"官方网站|官网|网址|平台|app|注册|开户|登录|下载|入口|首页",
                              re.IGNORECASE)
# After a weak term only words that a site advertises count: "体育平台" can be a sports venue
# network, "体育官网注册" cannot.
_SPAM_WORD_AFTER = re.compile(r"官方网站|官网|网址|注册|开户|登录|入口|app|投注|下注",
                              re.IGNORECASE)
_LOOKBEHIND_CHARS = 24

# Latin words of gambling and porn sites, matched inside a Latin/digit token so that
# "StreamJAV" and "365bet" are caught; "java", "alphabet" and "better" are not.
_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*|\d+[A-Za-z][A-Za-z0-9]*")
_SPAM_TOKEN = re.compile(
    r"jav(?!a)|porn|xvideos|xnxx|casino|poker|slots?$|baccarat|\d+bet|bet\d+|^bet$|^sex$|^xxx$",
    re.IGNORECASE,
)


def _site_name_start(matching: str, term_start: int, pattern: re.Pattern) -> int | None:
    """Start of a site name glued right before ``term_start``, if there is one."""
    window_start = max(0, term_start - _LOOKBEHIND_CHARS)
    before = pattern.search(matching[window_start:term_start])
    return window_start + before.start() if before else None


def find_spam_spans(matching: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` spans of spam in ``matching``."""
    spans = []
    for term in _STRONG_TERM.finditer(matching):
        site_start = _site_name_start(matching, term.start(), _SITE_NAME_BEFORE)
        site_word = _SITE_WORD_AFTER.match(matching, term.end())
        spans.append((term.start() if site_start is None else site_start,
                      site_word.end() if site_word else term.end()))
    for term in _WEAK_TERM.finditer(matching):
        site_start = _site_name_start(matching, term.start(), _WEAK_SITE_NAME_BEFORE)
        site_word = _SPAM_WORD_AFTER.match(matching, term.end())
        if site_start is not None or site_word:
            spans.append((term.start() if site_start is None else site_start,
                          site_word.end() if site_word else term.end()))
    for token in _LATIN_TOKEN.finditer(matching):
        if _SPAM_TOKEN.search(token.group()):
            spans.append(token.span())
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def overlaps_spam(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``[start, end)`` shares a character with any of ``spans``."""
    return any(span_start < end and start < span_end for span_start, span_end in spans)


def contains_spam(matching: str) -> bool:
    return bool(find_spam_spans(matching))
