"""Outcomes of the requests answered: granted, partly granted, denied, not this agency's, does not
exist, unclear, referred elsewhere, duplicate, already public, other; as counts (同意公开230件,
其中230件同意公开, 对15件申请予以公开) or as shares (占62.5%). A category that merges two
(申请内容不明确或转其他途径办理) is out_other, not either one.
"""
from __future__ import annotations

from extractors.rules.matcher import REQUEST, SEGMENT, Phrase

# Outcome words, tried in order (the narrowest first).
OUTCOMES = (
    # (告知申请人向有关机关申请 / 告知相应机关: sent to the body that holds it)
    ("out_not_held_by_agency", r"(?:不属于|非|不属)本(?:行政)?(?:机关|单位|部门)(?:公开|掌握|职责|负责)?(?:范围)?|不属于本机关"
                               r"|(?<!本机关)不掌握(?:该|相关|所申请的?)?(?:政府)?信息"
                               r"|告知(?:其|申请人)?(?:向)?(?:相应|有关|相关)(?:的)?(?:行政)?(?:机关|部门|单位)"),
    ("out_nonexistent", r"(?:信息)?不存在"),
    ("out_unclear", r"(?:内容)?不明确|描述不清|(?:告知|要求)(?:申请人)?(?:作出)?(?:更改|补充|补正)"),
    ("out_other_channel", r"(?:其他|其它)(?:途径|渠道)"),
    ("out_duplicate", r"重复(?:提出|提交|递交)?(?:的)?申请"),
    ("out_already_public", r"(?:已|已经)?(?:属于|属)?(?:已)?主动公开(?:的)?(?:范围|内容|信息)?"
                           r"(?:(?:并|的)?告知(?:其|申请人)?(?:获取|查询|查阅)?(?:的)?(?:途径|方式|渠道|网址))?"
                           r"|告知(?:其|申请人)?(?:获取|查询|查阅)(?:的)?(?:途径|方式|渠道|网址)"),
    ("out_partial", r"部分公开"),
    ("out_denied", r"不予公开|不能公开|不公开|不同意公开"),
    ("out_granted", r"(?:(?<!不)同意|予以|准予)(?:全部)?公开(?:答复)?|全部公开|公开信息"),
    ("out_other", r"(?:其他|其它)(?:情况|情形|原因|方式)?"),
)
_SPECIFIC = "|".join(words for metric, words in OUTCOMES if metric != "out_other")
# 申请内容不明确或转其他途径办理 / 申请内容不明确等其他情形: out_other.
MERGED = (r"(?:" + _SPECIFIC + r")[^,，;；]{0,4}?(?:或|或者|及|和|、)[^,，;；]{0,8}?(?:" + _SPECIFIC + r")"
          r"|(?:" + _SPECIFIC + r")[^,，;；]{0,4}?等(?:其他|其它)")
# What may stand between a number printed first and its outcome: 15件为部分公开, 3件属于非本机关,
# 4件所申请信息不存在, 11件经检索信息不存在, 对9件涉及商业秘密的申请依法不予公开, 9件因申请的信息
# 不存在, 7件因涉及商业秘密或个人隐私不予公开.
_NUMBER_FIRST_LINK = (r"(?:的)?(?:涉及[^,，;；]{0,16}?的)?(?:申请)?(?:因|经(?:检索|查询|核查|查找)|所申请的?|均)?"
                      r"(?:涉及[^,，;；]{0,16}?)?(?:的)?(?:申请的?)?(?:信息|政府信息)?(?:为|属于|属|系|是|被|已|予以|依法|已被)?"
                      r"(?:(?:已)?(?:告知|引导)(?:申请人|其)?(?:通过|向|到|从)?)?")

PHRASES = (
    Phrase("out_other", near=MERGED, near_in=SEGMENT, topic=REQUEST, example="申请内容不明确或转其他途径办理的3件"),
    *(Phrase(metric, before=r"(?:" + words + r")[^,，;；、]{0,6}?", topic=REQUEST, example="同意公开230件")
      for metric, words in OUTCOMES),
    Phrase("out_other", after=_NUMBER_FIRST_LINK + MERGED, topic=REQUEST, when=("number_first",),
           example="3件申请内容不明确或转其他途径办理"),
    *(Phrase(metric, after=_NUMBER_FIRST_LINK + r"(?:" + words + r")", topic=REQUEST, when=("number_first",),
             example="其中230件同意公开")
      for metric, words in OUTCOMES if metric != "out_other"),
)

# Outcome words found anywhere in the label of a share (因不属于本机关职责范围而告知申请人…的占9.3%).
SHARE_LABELS = tuple(Phrase(metric, near=r"(?:" + words + r")", near_in=SEGMENT, topic=REQUEST,
                            example="因不属于本机关职责范围而告知申请人向有关部门申请的占9.3%")
                     for metric, words in OUTCOMES if metric != "out_other")
# 另有2.3%因申请内容不明确要求申请人补正: the share first, its outcome after it.
SHARES_FIRST = tuple(Phrase(metric + "_pct", after=r"(?:的)?(?:因|为|属于|属|系|是)?(?:申请)?(?:" + words + r")", topic=REQUEST,
                            units="percent", when=("number_first",), example="另有2.3%因申请内容不明确要求申请人补正")
                     for metric, words in OUTCOMES if metric != "out_other")

# Parts of a breakdown that a share (占N%) may be given for.
SHARE_PARENTS = frozenset({metric for metric, _ in OUTCOMES} | {
    "req_in_person", "req_fax", "req_online", "req_letter", "req_email", "req_other_channel"})
