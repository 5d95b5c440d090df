"""Fees collected for requests (收取费用120元, 收取检索、复制、邮寄等费用1.2万元, 收费总额为45元) and
their absence (未收取任何费用, 分文未收). A sum is a request fee only in the part on fees, in a
clause about fees, or in a sentence naming the disclosure fee; a tariff (收费标准为每页0.5元) is no
fee collected.
"""
from __future__ import annotations

from extractors.rules import sections
from extractors.rules.matcher import FEE, LEFT, SENTENCE, SENTENCE_TO_HERE, Phrase, Statement

# The charged items may be listed (检索、复制、邮寄等费用), so up to ~24 characters sit between.
FEE_AMOUNT = r"(?:收取|收费)[^,，;；标每]{0,24}?(?:费用|费)?"
# 收取政府信息公开信息处理费0元 (the 2021 fee regime's wording), outside the part on fees.
REQUEST_FEE_NAME = r"信息处理费|(?:政府)?信息公开[^。；;]{0,8}?(?:费用|收费)|依申请[^。；;]{0,24}?(?:费用|收费)"
FEE_ABSENT = (
    r"(?:未|没有|均未|不曾|未曾|没|无)[^。；;]{0,30}?收取?[^。；;]{0,24}?(?:费用|费)|未收费|不收(?:取)?(?:任何)?费|零收费"
    r"|免收[^。；;，,]{0,16}?(?:费用|费)|不涉及(?:任何)?(?:收费|费用)"
    r"|未产生(?:任何)?费用|分文(?:未收|不收|未取|不取)|(?:未|没有)收(?:取)?分文"
    r"|(?:收费|费用)(?:金额|总额|数额)?(?:均)?(?:为|是)(?:零|0)(?![\d.])|(?:费用|收费)[^。；;，,]{0,4}?(?:一律|全部|均)(?:免收|减免|免除)"
)

PHRASES = (
    Phrase("fee_collected_yuan", before=FEE_AMOUNT, before_in=(LEFT,), when=("fee_context",),
           example="收取检索、复制、邮寄等费用120元"),
    # The sum after the charged items (收取检索费180元、复制费356元，合计536元).
    Phrase("fee_collected_yuan", before=r"(?:合计|共计|总计)(?:为|收取|收费)?", near=FEE_AMOUNT, near_in=SENTENCE_TO_HERE,
           when=("fee_context",), example="收取检索费180元、复制费356元，合计536元"),
)

STATEMENTS = (
    # (收取费用0.12万元，均为复制、邮寄等成本费用，没有收取检索费: one item not charged beside an
    # amount is no zero for the fee.)
    Statement(("fee_collected_yuan",), FEE_ABSENT, topic=FEE, part=sections.FEES,
              sentence_has=r"申请|依申请|政府信息|信息公开|信息处理费", unless=r"\d\s*(?:万)?元", rule="fee_absent",
              example="未收取任何费用"),
    # 四、收费及减免情况 / 无。: the part on fees says only that there were none.
    Statement(("fee_collected_yuan",), r"^\s*(?:无|没有|暂无|不涉及)\s*[。；;]?\s*$", part=sections.FEES,
              pattern_in=SENTENCE, rule="fee_part_none", example="无。"),
)
