"""The scope a free-text number takes from the words of its sentence other than a subject: the
owner of the channel it was published in, or the government named in what was counted."""
from __future__ import annotations

import re

from extractors.rules import scope as scopes
from extractors.rules.matcher import CHANNEL_OWNER_STRENGTH, CLAUSE_SUBJECT_STRENGTH, SENTENCE_SUBJECT_STRENGTH

_GAZETTE_TITLE = re.compile(r"《[\u4e00-\u9fff]{2,16}(?:政报|政府公报)》")
_GOVERNMENT_CONFERENCE = re.compile(r"(?:省|市|州|盟|县|区|旗)(?:人民)?政府新闻发布会")
_GOVERNMENT_FACET = re.compile(r"(?<![全各我本])(?:自治区|省|市|州|盟|县|区|旗)(?:人民)?(?:政府)?层面")


def of_channel(metric: str, clause: str, sentence: str, scope: str, strength: float,
               inside_total: bool) -> tuple[str, float]:
    """A proactive-disclosure count (``metric``, not a share) in a channel the government owns.

    What the government's own site publishes is the government's, unless the clause names
    another subject (市政府公报全年编印12期，刊发文件156件: the owner may open the sentence). A
    sentence listing the channels of the jurisdiction's total shares its scope (我区公开2318条。
    其中，区政府门户网站公开1920条; 全县主动公开3,482条，其中县政府门户网站公开2,146条), so the owner
    counts only outside such a list (``inside_total``)."""
    owner = scopes.channel_owner_scope(clause) or scopes.channel_owner_scope(sentence)
    if owner and strength < CLAUSE_SUBJECT_STRENGTH and not inside_total:
        scope, strength = owner, CHANNEL_OWNER_STRENGTH
    # 共发行《兰州政报》12期，发布政府信息662条: the government's gazette, named by its title.
    if (metric == "pro_gazette" and strength < CLAUSE_SUBJECT_STRENGTH and not inside_total
            and _GAZETTE_TITLE.search(sentence)):
        scope, strength = scopes.GOVERNMENT, CHANNEL_OWNER_STRENGTH
    return scope, strength


def of_object(metric: str, sentence: str, clause_start: int, number_start: int, scope: str,
              strength: float) -> tuple[str, float]:
    """The government named in what the clause counts, between its start and the number
    (offsets in ``sentence``)."""
    # 省政府新闻办公室组织省政府新闻发布会46场: the government's conferences, named in the object,
    # whoever organised them.
    if metric == "pro_press_conferences" and _GOVERNMENT_CONFERENCE.search(sentence, clause_start, number_start):
        scope, strength = scopes.GOVERNMENT, SENTENCE_SUBJECT_STRENGTH
    # 发布自治区层面政策解读材料64篇: the government's own level, named in the object.
    if scope == scopes.WHOLE and _GOVERNMENT_FACET.search(sentence, clause_start, number_start):
        scope, strength = scopes.GOVERNMENT, SENTENCE_SUBJECT_STRENGTH
    return scope, strength
