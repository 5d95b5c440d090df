"""Statements of absence: a clause without a number that says there was none, and so fixes a
metric at 0 (全年未收到公开申请 → req_received 0; 未发生行政复议和行政诉讼 → recon_total 0 and
lit_total 0). One sentence often carries several zeros. A missing section carries none, and a
cut sentence ("2017年度未") says nothing.

Also the statements that fix a value without a number otherwise: 上述申请已全部按期答复 (all the
requests just counted were answered).
"""
from __future__ import annotations

from extractors.rules import sections
from extractors.rules.matcher import RECEIVED_TOTAL, REQUEST, Statement
from extractors.rules.vocabulary import REVIEW_KIND

# A negation that says something did not happen (未经复议 is a kind of lawsuit, not an absence).
NONE_HAPPENED = r"(?:没有|未(?!经|按|予|作|能)|无|均未|未曾|从未|不曾|零|尚未|暂无|并无|并未)"
WHOLE_SUBJECT = r"全(?:省|市|区|县|州|盟|旗|镇|乡)"  # 全区收到的申请已全部办结, 全区本年度均未发生
STATED_ZERO = r"(?:均|都|皆)?(?:为|是)(?:零|0)(?!\d)"

# 全年未收到公开申请 / 没有接到群众…的申请 / 未接收到政府信息公开申请 / 无依申请公开事项 /
# 依申请公开数量为零: the words between the verb and 申请 never name a review or another system.
# (未收到传真申请 is one channel's absence, 未发生因政府信息公开申请行政复议 a review's.)
_NOT_A_REQUEST = (r"复议|诉讼|咨询|信访|投诉|举报|建议|提案|审批|许可|办件|服务|因|网上|网络|传真|信函|当面|邮件|来访|书面|"
                  r"现场|窗口|在线")
REQUEST_ABSENT = (
    r"(?:没有|未|尚未|均未|未曾|从未|并未|不曾)(?:直接)?(?:收到|接到|接收到?|受理(?:到)?|发生|有|出现)(?:过)?"
    r"(?:(?!" + _NOT_A_REQUEST + r")[^。；;，,])*?申请(?!人|书|表|[^。；;，,]{0,4}(?:复议|诉讼))"
    r"|(?:没有|无|未发生|未有|不存在)(?:任何)?(?:一件|一例)?(?:依申请公开|申请公开|(?:政府)?信息公开(?:的)?申请)"
    r"(?![^。；;，,]{0,4}?(?:收费|费用|费))"  # (无依申请公开收费: no fee, not no request)
    r"|(?:没有|无)人[^。；;，,]{0,12}?(?:提出|提交|递交)[^。；;，,]{0,16}?申请"
    # 无公民、法人或其他组织向我镇提出政府信息公开申请: the applicants named, then the act
    r"|(?:没有|无|未有)(?:任何)?(?:公民|自然人|个人|群众|单位|法人|申请人)[^。；;，,]{0,16}?(?:提出|提交|递交)[^。；;，,]{0,16}?申请"
    r"(?!人|书|表)"
    r"|(?:依申请公开|公开申请|政府信息公开申请)(?:的)?(?:事项|数量|件数|数)?(?:均|都)?(?:为|是)(?:零|0)(?!\d)"
)

# 未召开新闻发布会 / 也未开展在线访谈活动: no event of the kind held.
NO_EVENT = r"(?:未|没有|无|未曾)(?:召开|举办|举行|组织|开展|进行)(?:过)?(?:任何)?"
STATEMENTS = (
    Statement(("pro_press_conferences",), NO_EVENT + r"(?:新闻)?发布会", rule="events_absent", example="本年度我县未召开新闻发布会"),
    Statement(("pro_online_interviews",), NO_EVENT + r"(?:在线|网上|网络|线上)访谈", rule="events_absent",
              example="也未开展在线访谈活动"),
    Statement(("req_received",), REQUEST_ABSENT, topic=REQUEST, part=sections.REQUESTS,
              sentence_has=r"政府信息|信息公开|依申请|公开申请|申请公开", rule="request_absent",
              example="全年未收到政府信息公开申请"),
    Statement(("recon_total",), NONE_HAPPENED + r"[^。；;，,]{0,30}?(?:行政复议|复议)|复议[^。；;，,]{0,20}?" + STATED_ZERO,
              rule="review_absent", example="未发生行政复议案件"),
    Statement(("lit_total",), NONE_HAPPENED + r"[^。；;，,]{0,40}?(?:行政诉讼|诉讼|起诉)|诉讼[^。；;，,]{0,20}?" + STATED_ZERO,
              rule="review_absent", example="没有提起行政诉讼"),
    Statement(("complaint_total",),
              NONE_HAPPENED + r"[^。；;，,]{0,40}?(?:申诉|举报|投诉)|(?:申诉|举报|投诉)[^。；;，,]{0,20}?" + STATED_ZERO,
              part=sections.REVIEW, sentence_has="信息公开|依申请公开", rule="complaint_absent", example="也没有收到相关申诉"),
    # 市政府作为被申请人的行政复议和行政诉讼均未发生 / 行政诉讼、申诉案件均未发生: the noun, then its
    # absence, in one clause.
    *(Statement((metric,), named + r"[^。；;，,]{0,16}?(?:均|都|也|亦)?(?:未|没有|无)(?:发生|出现|产生)",
                rule="review_absent", example="行政复议和行政诉讼均未发生")
      for metric, named in (("recon_total", "复议"), ("lit_total", "诉讼"))),
    Statement(("complaint_total",), r"申诉[^。；;，,]{0,16}?(?:均|都|也|亦)?(?:未|没有|无)(?:发生|出现|产生)",
              part=sections.REVIEW, sentence_has="信息公开|依申请公开", rule="complaint_absent",
              example="行政诉讼、申诉案件均未发生"),
    # 因…被申请行政复议、提起行政诉讼或申诉的，本年度均未发生: the absence said after the noun, in a
    # clause of its own.
    *(Statement((metric,), r"^(?:" + WHOLE_SUBJECT + r")?(?:本年度?|今年|全年|当年)?(?:均|都|也|亦)?(?:未|没有|无)(?:发生|出现|产生|收到|接到|受理)",
                pattern_in="opening",
                sentence_has=named, rule="review_absent", example="因政府信息公开被申请行政复议的，本年度均未发生")
      for metric, named in (("recon_total", "复议"), ("lit_total", "诉讼"),
                            # (complaints about anything are common; only those on disclosure)
                            ("complaint_total", r"^(?=.*信息公开).*(?:申诉|举报|投诉)"))),
    # 所有申请均已在规定时限内答复 / 上述申请已全部按期答复 / 市本级受理的申请已全部按期答复: all
    # the requests counted before in the clause's scope.
    Statement(("req_answered",),
              r"^(?:(?:" + WHOLE_SUBJECT + r"|[\u4e00-\u9fff]{0,8}?(?:本级|政府|行署))?(?:所有|全部|上述|以上|所受理的?|受理的|收到的|这些)?(?:的)?"
              r"(?:政府信息公开|依申请公开)?申请(?:事项)?(?:均|都|已|全部|均已|都已|已全部|已经)"
              # (我苏木均在规定期限内予以答复; 已全部按期答复 opening its sentence; never 已答复的申请中)
              r"|(?:(?:我|本)[\u4e00-\u9fff]{1,2}?)?(?:均|都|全部|均已|都已|已全部))"
              r"[^,，;；]{0,14}?(?:答复|办结|办复|处理完毕|办理完毕)(?!的)",
              value=RECEIVED_TOTAL, pattern_in="opening", topic=REQUEST, part=sections.REQUESTS, confidence=0.75,
              rule="answered_all_statement", example="上述申请已全部按期答复"),
)

# 行政复议、行政诉讼及申诉数均为0件: one number for every kind a list names.
REVIEW_LIST = (
    r"(?:" + REVIEW_KIND + r")(?:[^,，;；\d]{0,3}?(?:和|及|与|、|或|以及)[^,，;；\d]{0,3}?(?:" + REVIEW_KIND + r"))+"
    r"(?:案件|案|数量|数|件数)?(?:均|都|各)(?:为|是|有)?\s*$"
)
REVIEW_KINDS_NAMED = (("recon_total", r"复议"), ("lit_total", r"诉讼"), ("complaint_total", r"申诉|举报|投诉"))
# 申诉：无。 / 行政诉讼：暂无 / 网上申请：无: a label and a word of absence, nothing else.
LABELLED_NONE = r"^\s*(?P<label>[^,，;；:：。]{1,16}?)\s*[：:]\s*(?:均|都|皆)?(?:无|暂无|没有|零|为零|不涉及)\s*[。；;]?\s*$"
# 无网上申请 / 没有通过网络提出的申请 / 未收到传真申请: a channel that brought no request.
NO_CHANNEL = (r"^(?:并|且|另)?(?:无|没有|未收到|未有|未接到)(?:通过|以)?(?P<channel>[^,，;；。\d]{1,10}?)"
              r"(?:方式|形式|途径|渠道)?(?:提出|提交|递交)?(?:的)?申请[。；;]?\s*$")
# 均为网上申请 after a count of requests: all of them came by one channel.
# (申请1件，系申请人通过网上申请提交: the one request's channel)
ALL_BY_ONE_CHANNEL = (r"^(?:且|并且?|其中)?(?:(?:全部|均|都)(?:为|是|通过|采用|以|由|系)?(?:申请人)?(?:通过|以|采用)?"
                      r"|系(?:申请人)?(?:通过|以|采用)?)")
