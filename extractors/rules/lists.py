"""Several names, then their numbers in the same order: “安吉发布”政务微博、政务微信分别发布信息1396条、
1022条 / 当面、网络、信函申请分别为7件、10件、2件 / 行政复议、行政诉讼分别为3件、1件; or one number for
each of them (当面申请和信函申请各1件).

Each name is read by the family that names such things (a proactive channel, a request channel,
an outcome, a kind of review); the list is read only when every name is known and there are as
many numbers as names.
"""
from __future__ import annotations

import re

from extractors.rules.families import outcomes, proactive, requests

_RESPECTIVELY = re.compile(r"(?P<names>[^,，;；。:：]*?)分别(?:为|是|有|达|发布|公开|推送|刊发|受理|收到|办理|占)?"
                           r"(?:了)?(?:各类)?(?:政府|政务)?(?:信息)?\s*$")
# 以当面申请和网络申请为主， / 主要是政府网站和政务微博，: the names close the clause before.
_NAMES_CLOSING = re.compile(r"^(?:[^,，;；。:：]*?(?:以|主要是|主要为|主要有))?(?P<names>[^,，;；。:：]+?)(?:为主|居多|最多)?[,，]?\s*$")
_NAME_SEPARATOR = re.compile(r"、|和|及|与|以及|或")
_BETWEEN_NUMBERS = re.compile(r"^\s*(?:、|和|及|与|以及|,|，)\s*$")
_REVIEWS = (("recon_total", re.compile(r"复议")), ("lit_total", re.compile(r"诉讼")),
            ("complaint_total", re.compile(r"申诉|举报|投诉")))


def _named(name: str, about_requests: bool) -> str | None:
    for metric, pattern in _REVIEWS:
        if pattern.search(name):
            return metric
    families = [proactive.CHANNELS]
    if about_requests:
        families = [requests.CHANNELS, outcomes.OUTCOMES[:-1]] + families
    for table in families:
        for metric, words in table:
            if re.search(words, name):
                return metric
    return None


def respective_metrics(clause: str, starts: list[int], ends: list[int], about_requests: bool,
                       clause_before: str = "") -> list[str] | None:
    """The metric of each number of ``clause`` (numbers at ``starts``/``ends``, clause offsets) when
    the clause lists names and then their numbers (…分别…), else None. The names may close the
    clause before (``clause_before``: 以当面申请和网络申请为主，分别占40.5%和37.8%)."""
    if len(starts) < 2:
        return None
    found = _RESPECTIVELY.search(clause[:starts[0]])
    if not found:
        return None
    if any(not _BETWEEN_NUMBERS.match(clause[end:start]) for end, start in zip(ends, starts[1:])):
        return None
    listed = found["names"]
    if not listed.strip() and (named_before := _NAMES_CLOSING.search(clause_before)):
        listed = named_before["names"]
    names = [name for name in _NAME_SEPARATOR.split(listed) if name.strip()]
    if len(names) != len(starts):
        return None
    metrics = [_named(name, about_requests) for name in names]
    if any(metric is None for metric in metrics) or len(set(metrics)) != len(metrics):
        return None
    return metrics


# (网上申请和信函申请均为0件: 均为 / 都是 say the same)
_EACH = re.compile(r"(?P<names>[^,，;；。:：]*?)(?:各(?:为|有|是)?|(?:均|都)(?:为|是))\s*$")


def each_metrics(left: str, about_requests: bool) -> list[str] | None:
    """The metrics of the names before 各 (当面申请和信函申请各1件: one number for each), when there
    are two or more and every one is known, else None."""
    found = _EACH.search(left)
    if not found:
        return None
    names = [name for name in _NAME_SEPARATOR.split(found["names"]) if name.strip()]
    if len(names) < 2:
        return None
    metrics = [_named(name, about_requests) for name in names]
    if any(metric is None for metric in metrics) or len(set(metrics)) != len(metrics):
        return None
    return metrics
