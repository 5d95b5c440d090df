"""Administrative reconsideration (行政复议), lawsuits (行政诉讼) and complaints (申诉/举报/投诉):
their totals and results (维持, 纠正, 其他, 尚未审结), as counts and as statements without a number
(复议2件，均维持原答复 / 复议1件，目前正在审理: the result of all the cases).

A reconsideration organ's whole caseload (办理各类行政复议案件320件) is every case it handled, not
the ones about information disclosure; such a clause ends the topic.
"""
from __future__ import annotations

from extractors.rules import sections
from extractors.rules.matcher import REVIEW, SENTENCE, Phrase
from extractors.rules.vocabulary import TAIL

ALL_REVIEWS = r"^(?!.*信息公开).*(?:(?:各类|各种|所有|全部)(?:行政)?(?:复议|诉讼|应诉)|行政应诉)"
RECON_TOTAL = r"行政复议(?:申请|案件|案)?(?:[^,，;；]{0,4}?)"  # (行政复议的案件)
# (驳回起诉, 撤回起诉: a result, not a lawsuit)
LIT_TOTAL = r"(?:行政诉讼|(?<!驳回)(?<!撤回)(?:提起诉讼|起诉))(?:的)?(?:案件|案)?"

# Results, by the words that name them; a row's {review} is the clause's topic (recon or lit).
# 原告撤诉 / 申请人撤回申请 / 终止: the case ended without a ruling on the merits.
RESULT_WORDS = (
    ("pending", r"尚未审结|未审结|未结案|审理中|在审理|正在审理|尚在审理|仍在审理|正在办理"),
    ("corrected", r"纠错|纠正|撤销|确认[^,，;；。\d]{0,12}?违法|责令|败诉"),
    ("upheld", r"维持|驳回|胜诉"),
    ("other", r"撤诉|撤回|终止"),
)
# After a number (维持原答复2件), the words up to it; a count may also name the other results
# (其他情形1件), which a result said of every case (均为其他) does not.
_RESULT_TAIL = {"upheld": r"[^,，;；]{0,24}?"}
RESULTS = tuple(
    (result, (r"(?:其他|其它|" + said + r")(?:情况|情形|结果|方式)?" if result == "other" else f"(?:{said})")
     + _RESULT_TAIL.get(result, r"[^,，;；]{0,6}?"))
    for result, said in RESULT_WORDS)
# "of all the cases": 均/全部/都, or 已 after the deciding body (一审法院均判决驳回, 两案均被驳回).
ALL_CASES = r"^(?:(?:经复议|经审理|法院)?已|[^,，;；\d]{0,8}?(?:均|全部|都|皆))"

PHRASES = (
    Phrase("recon_total", before=RECON_TOTAL, unless=ALL_REVIEWS, example="行政复议案件3件"),
    Phrase("recon_total", after=r"(?:(?:涉及|有关|关于|因)[^,，;；\d]{0,12}?)?(?:的)?行政复议", unless=(ALL_REVIEWS, LIT_TOTAL + TAIL),
           example="3件涉及政府信息公开的行政复议"),
    Phrase("lit_total", before=LIT_TOTAL, unless=ALL_REVIEWS, example="行政诉讼2件"),
    Phrase("lit_total", after=r"(?:(?:涉及|有关|关于|因)[^,，;；\d]{0,12}?)?(?:的)?行政诉讼", unless=ALL_REVIEWS,
           example="2件涉及政府信息公开的行政诉讼"),
    *(Phrase("{review}_" + result, before=result_words, topic=REVIEW, unless=ALL_REVIEWS, example="维持原答复2件")
      for result, result_words in RESULTS),
    # 另有1件尚在审理中 / 其中2件维持原答复 / 另1件截至年底尚未审结: the number first, its result after it.
    *(Phrase("{review}_" + result, after=r"(?:的)?(?:案件)?(?:(?:截至|截止|至)?(?:年底|年末|报告期末))?(?:目前|仍|已|均|被|已被)*(?:经|由|因)?(?:申请人|原告|当事人|法院|复议机关)?"
             r"(?:主动|一审|二审)?(?:判决|裁定|决定)?(?:" + said + r")", topic=REVIEW,
             unless=ALL_REVIEWS, when=("number_first",), example="另有1件尚在审理中")
      for result, said in RESULT_WORDS),
    # 本年度发生1件 / 今年收到2件, in a clause about reviews: the year's total with a bare verb.
    Phrase("{review}_total", before=r"(?:本年度?|今年|当年|全年)(?:共)?(?:发生|收到|受理|办理|新收)", topic=REVIEW,
           unless=ALL_REVIEWS, when=("nothing_after",), example="《条例》实施以来累计发生行政诉讼6件，本年度发生1件"),
    # 全年共办理各类行政复议案件45件，其中涉及政府信息公开的2件: the disclosure cases of a caseload.
    *(Phrase(total, before=r"(?:涉及|有关|关于|属于)(?:政府)?信息公开(?:的|类)?(?:案件)?", near=kind, near_in=SENTENCE,
             example="全年共办理各类行政复议案件45件，其中涉及政府信息公开的2件")
      for total, kind in (("recon_total", "复议"), ("lit_total", "诉讼"))),
    Phrase("complaint_total", before=r"(?:申诉|举报|投诉)(?:案件)?", part=sections.REVIEW, unless=ALL_REVIEWS,
           example="申诉1件"),
    # 行政复议：0件；行政诉讼：0件；申诉：0件, in any part: 申诉 after the reviews.
    Phrase("complaint_total", before=r"申诉(?:案件)?", topic=REVIEW, unless=ALL_REVIEWS,
           example="行政复议：0件；行政诉讼：0件；申诉：0件"),
)
