"""Requests: how many were received (受理/收到/接到 …申请 N件, N件依申请公开事项), by which channel
(当面, 网络, 信函, 传真, 电子邮件, 其他), how many were answered, and the rates a report states
(答复率, 实际公开比例). Every row needs the clause to be about disclosure requests: a sentence on
letters, hotlines or mailboxes (市长信箱来信560件) is another system.
"""
from __future__ import annotations

from extractors.rules.matcher import LEFT, REQUEST, SEGMENT, SENTENCE_TO_HERE, Phrase
from extractors.rules.vocabulary import RECEIVE_VERB, REQUEST_NOUN

# 受理涉及征地拆迁的申请120件: a topic's share of the requests, not the number received.
REQUEST_SUBSET = r"(?:涉及|关于|有关|针对)(?!(?:政府)?信息公开|依申请)[^,，;；:：]{1,12}?的"

# Channels, tried in order: a category that says 其他 is the other channels, even when it names
# some of them (传真及电子邮件等其他方式申请145件).
CHANNELS = (
    ("req_other_channel", r"其他(?:形式|方式|途径|渠道)"),
    ("req_email", r"电子邮件|电子邮箱|电邮|邮件"),
    ("req_fax", r"传真"),
    ("req_in_person", r"当面|现场|窗口|面对面|来访"),
    ("req_online", r"网络|网上|网站|在线|互联网|信息公开平台|政务网|客户端|平台"),
    ("req_letter", r"信函|邮寄|信件|来信|书面|邮政"),
)
# A channel's count names the request (申请, 提交, 方式 …); how a request was answered or settled
# is an outcome, not the channel it came by.
CHANNEL_WORD = r"申请|受理|提交|提出|递交|寄送|邮寄|送达|来自|方式|形式|渠道|通道"
NOT_A_CHANNEL = r"答复|回复|告知|引导|解决|获取|不明确|不存在|办理的|转"

ANSWER_VERB = r"(?:答复|办结|办复|回复|处理完毕|办理完毕|予以答复)"
# Work whose items are also 受理 and 办结 (approvals, services, letters): a bare 办结N件 after them is theirs.
OTHER_WORK = r"审批|许可|办件|办事|服务中心|服务事项|信箱|热线|12345|信访|建议|提案|来信|咨询"
# 已全部办结 / 均已依法答复 / 并已进行回复 / 各有关部门均及时给予了答复, after a request count and
# before any other number: all of them answered.
ANSWERED_ALL_CLAUSE = r"^[^,，;；。\d]{0,8}?(?:已|均|都|全部|并|且)[^,，;；。]{0,18}?" + ANSWER_VERB  # (均在15个工作日内答复)

# 57件申请已全部办结 / 市政府受理的28件申请均已按期答复 / 受理申请19件，19件均已按时答复: all the
# requests just counted answered.
ANSWERED_AFTER = (r"^(?:(?:政府信息公开|依申请公开)?申请(?:事项)?)?(?:均|都|已|全部|均已|都已|已全部|已经)[^,，;；\d]{0,14}?"
                  + ANSWER_VERB)

PHRASES = (
    # (全年通过网上依申请公开系统共受理申请15件: the system every request came through, a total)
    *(Phrase(metric, near=(CHANNEL_WORD, channel), near_in=SEGMENT, unless=(NOT_A_CHANNEL, r"共(?:计)?(?:受理|收到|接到|接收)"),
             unless_in=SEGMENT, topic=REQUEST, example="网上申请22件")
      for metric, channel in CHANNELS),
    # 来自网络18件、信函9件、当面4件: after a channel's count, the next channel named alone.
    *(Phrase(metric, before=r"(?:" + channel + r")[^,，;；、。\d]{0,3}?", unless=NOT_A_CHANNEL, unless_in=SEGMENT,
             topic=REQUEST, when=("after_a_request_channel",), example="来自网络18件、信函9件、当面4件")
      for metric, channel in CHANNELS),
    # 其余7件通过电子邮件提出 / 另有12件为网上申请: the number first, its channel after it.
    *(Phrase(metric, after=r"(?:申请)?(?:是|为|均为|系)?(?:通过|以|经|采用|采取|由)?(?:" + channel + r")"
                           r"[^,，;；。\d]{0,4}?(?:方式|形式|渠道)?(?:提出|提交|递交|申请|送达|寄送)",
             unless=NOT_A_CHANNEL, unless_in=SEGMENT, topic=REQUEST, when=("number_first",),
             example="其余7件通过电子邮件提出")
      for metric, channel in CHANNELS),
    # 受理政府信息公开申请1234件 / 接收申请书42份 / 收到依申请公开件9件; the verb may sit before an
    # enumeration (收到公民、法人和其他组织提出的政府信息公开申请312件), so the clause is read too.
    Phrase("req_received", before=RECEIVE_VERB + r"(?:了)?[^,，;；:：]{0,16}?(?:" + REQUEST_NOUN + r"|申请)(?:书|表|件)?",
           before_in=(SEGMENT, LEFT), unless=REQUEST_SUBSET, topic=REQUEST, example="受理政府信息公开申请1234件"),
    # 政府信息公开申请总量为120件: the total named as a quantity.
    Phrase("req_received", before=r"(?:" + REQUEST_NOUN + r"|申请)(?:总量|总数|总件数|数量|量)", unless=REQUEST_SUBSET,
           topic=REQUEST, example="政府信息公开申请总量为120件"),
    # 全市政府信息公开申请共1,203件: the request named in full, a filler, the number.
    Phrase("req_received", before=r"(?:政府信息公开|依申请公开|信息公开)(?:的)?申请", unless=(REQUEST_SUBSET, ANSWER_VERB), topic=REQUEST,
           when=("nothing_after",), example="全市政府信息公开申请共1203件"),
    # 其中市政府办公室受理36件: a named subject and the verb alone, inside a sentence on requests.
    Phrase("req_received", before=r"(?:共|共计|累计)?" + RECEIVE_VERB + r"(?:了)?", unless=REQUEST_SUBSET,
           topic=REQUEST, when=("subject_named", "nothing_after", "sentence_says_request"),
           example="其中市政府办公室受理36件"),
    # 依申请公开系统共收到1宗: the system or the kind of request named before the verb.
    Phrase("req_received", before=r"(?:依申请公开|信息公开申请|公开申请)[^,，;；:：]{0,8}?(?:共|共计)?" + RECEIVE_VERB,
           unless=REQUEST_SUBSET, topic=REQUEST, example="政府信息依申请公开系统共收到1宗"),
    # 2015年全市受理申请1120件，今年受理1350件: the year named, then the bare verb.
    Phrase("req_received", before=r"(?:本年度?|今年|当年)(?:共|共计)?" + RECEIVE_VERB + r"(?:了)?", unless=REQUEST_SUBSET,
           topic=REQUEST, when=("nothing_after", "sentence_says_request"), example="今年受理1350件"),
    # 受理45件依申请公开事项 / 受理的24件申请 (a bare 申请, not 申请人 or 申请表)
    Phrase("req_received", after=r"(?:(?:政府)?(?:信息公开|依申请公开|公开)(?:信息)?(?:的)?(?:申请|事项|请求)|申请(?!人|表|书))",
           near=RECEIVE_VERB, topic=REQUEST, example="受理45件依申请公开事项"),
    # 区政府受理的19件均已按期答复: what a body received, all answered.
    Phrase("req_answered", before=RECEIVE_VERB + r"(?:了)?的(?:申请)?",
           after=r"(?:申请)?(?:均|都|全部|均已|都已|已全部)[^,，;；\d]{0,14}?" + ANSWER_VERB, topic=REQUEST,
           example="区政府受理的19件均已按期答复"),
    # 57件申请已全部办结: the number first, the answer after it.
    Phrase("req_answered", after=ANSWERED_AFTER, topic=REQUEST, when=("number_first",), example="57件申请已全部办结"),
    # 按时答复申请98件 / 办结政府信息公开申请112件
    Phrase("req_answered",
           before=r"(?<!公开)(?<!同意)(?:已|已经)?(?:全部|均)?(?:依法)?" + ANSWER_VERB + r"(?:了)?(?:" + REQUEST_NOUN + r"|申请)",
           topic=REQUEST, example="办结政府信息公开申请112件"),
    # 已答复9件 / 全市已办结415件: the verb alone, in a sentence that counts nothing else (网上审批平台
    # …受理3400件，办结3380件 counts approvals).
    # (因其他情形作出答复的441件: answered for a reason, an outcome)
    Phrase("req_answered", before=r"(?<!公开)(?<!同意)(?:已|已经)?(?:全部|均)?(?:依法)?" + ANSWER_VERB + r"(?:了)?",
           unless=(OTHER_WORK, r"因[^,，;；。]{1,12}?" + ANSWER_VERB + r"(?:的)?\s*$"), unless_in=SENTENCE_TO_HERE,
           topic=REQUEST, example="共受理申请10件，已答复9件"),
)

RATES = (
    # 同意公开和部分公开的占73.96% / 全部或部分公开的比例为75%: granted and partly granted together.
    Phrase("req_disclosure_rate_pct",
           before=r"(?:(?:同意|予以|准予|全部)?公开(?:的)?|全部)(?:和|及|与|或|、|以及)(?:同意|予以|准予)?部分公开(?:的)?"
                  r"(?:申请|件数)?(?:合计|共|总计|共计)?(?:约|近|大约)?(?:占|所占)?(?:比|[^,，;；\d%]{0,8}?(?:总数|总量|比例|比重|比率|申请|件数))?(?:的)?(?:比例|比重)?",
           topic=REQUEST, example="同意公开和部分公开的占73.96%"),
    # (同意公开和同意部分公开的申请占已办结申请的74.6%: the share of what was answered)
    Phrase("req_answer_rate_pct", before=r"(?:答复|办结|办复)率", before_in=(LEFT,), topic=REQUEST,
           example="按时答复率100%"),
    Phrase("req_disclosure_rate_pct", before=r"(?<!部分)(?:实际)?公开(?:的)?(?:比例|比率|率)", before_in=(LEFT,),
           topic=REQUEST, example="实际公开比例为85%"),
)
