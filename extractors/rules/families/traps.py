"""Numbers that stand near disclosure words but count something else (FORMAT.md, "Numbers that
are not disclosure figures"): window and online services (办件, 审批, 许可), hotlines, mailboxes,
petitions and deputies' proposals, cumulative totals beside the year's figure, last year's figure
and the change since, shares by applicant or by topic, items of information sorted by their
disclosure attribute, reviews caused by something else than disclosure.

A row names the words that give the trap away, where they are looked for, and the metrics it
vetoes: a number the families read as such a metric is dropped when the row holds. Vetoes only
ever remove a reading; a wrong number is worse than a missing one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from extractors.rules import vocabulary as words
from extractors.rules.matcher import LEFT, REST_OF_SENTENCE, SEGMENT, SENTENCE, SENTENCE_TO_HERE, SINCE_LAST_FACT, Window

REQUEST_METRICS = r"^(?:req_|out_)"
RATES = r"_rate_pct$"
REVIEW_TOTALS = r"^(?:recon|lit)_"
SHARES = r"_pct$"
EVERY_METRIC = ""


# The span a clause speaks of (kept by legacy.py from clause to clause in a sentence): several
# years, from a marker on, until a clause names the year itself again.
# (5月1日以来 and 今年以来 are this year: the first report counts from the Regulations' start.)
SEVERAL_YEARS = (r"(?<!今年)(?<!本年)(?<![月日])以来|历年|至今|迄今|截至目前|截止目前"
                 r"|(?:19|20)\d{2}\s*年\s*(?:至|到|—|–|-|－|~)\s*(?:19|20)\d{2}\s*年")
RUNNING_TOTAL = r"累计"  # several years only when the sentence names a cut-off date or a start
CUT_OFF = r"截至|截止|(?<!今年)(?<!本年)(?<![月日])以来|历年|自(?:19|20)\d{2}"
THIS_YEAR = r"本年|今年|本年度|当年|全年|其中(?:19|20)\d{2}\s*年"


@dataclass(frozen=True)
class Trap:
    words: str  # the words that give the trap away
    window: str  # where they are looked for (a matcher window)
    metrics: str = EVERY_METRIC  # the metrics vetoed (a regex on the code; "" for every one)
    when: str = ""  # a Window flag that must also hold ("cumulative")
    not_when: str = ""  # a Window flag that must not hold ("breakdown")
    also: tuple[str, str] = ()  # (words, window): found as well, for a trap told by two signs
    example: str = ""

    @cached_property
    def compiled(self) -> tuple[re.Pattern, re.Pattern, re.Pattern | None]:
        return re.compile(self.words), re.compile(self.metrics), re.compile(self.also[0]) if self.also else None


TRAPS = (
    # Cumulative totals: the clause speaks of several years (legacy.py keeps the span a clause covers).
    Trap(r".", SEGMENT, when="cumulative", example="《条例》实施以来累计受理申请612件"),
    # A rate, not a count (对每一件申请, 每条信息).
    Trap(r"每\s*$", SEGMENT, example="对每一件申请，我局均认真登记、按时答复"),
    # Departments' websites and lower bodies' boards inside a government's report.
    # (各村, 各嘎查, 各社区: a township's own boards, not other bodies'; 政府门户网站及部门子网站: the
    # portal with the departments' sites, every site of the jurisdiction; “部门信息公开”栏目: a column's name)
    Trap(r"(?:各(?!级|村|嘎查|社区|居委)|(?<![及和、与“])部门)[^,，;；。]{0,8}?(?:网站|微博|微信|政务新媒体|栏目)", LEFT, r"^pro_",
         example="区政府各部门网站全年发布信息1.7万条"),
    # (their boards are the jurisdiction's other ways inside the breakdown of its total: 全县共主动
    # 公开2146条，其中县政府门户网站发布1573条，各乡镇、部门公开栏发布573条)
    Trap(r"(?:各(?!级|村|嘎查|社区|居委)|部门)[^,，;；。]{0,8}?(?:公开栏|公示栏|宣传栏)", LEFT, r"^pro_", not_when="breakdown",
         example="各部门公开栏张贴信息800余条"),
    # A reason for denial (法律法规规定的其他情形, after 涉及国家秘密, 商业秘密…), not an outcome.
    # (法律、法规规定的: the segment starts after 、)
    Trap(r"法规(?:规定|禁止)[^,，;；。\d]{0,6}?(?:其他|其它)", SEGMENT, r"^out_other",
         example="法律法规规定的其他情形：0件"),
    # Leaders attending press conferences are not conferences held (省政府领导出席新闻发布会12场次).
    Trap(r"(?:出席|参加|参与)[^,，;；]{0,6}?$", SEGMENT, r"^pro_press_conferences$",
         example="省政府领导出席新闻发布会12场次"),
    # Another year's figure (2009年全市受理申请978件, in the 2010 report).
    Trap(r".", SEGMENT, when="other_year", example="2009年全市受理申请978件，今年申请数量明显增多"),
    # Last year's figure in a comparison (由上年的29件增加到43件: 29 is last year's).
    Trap(r"(?:由|从|比|较|对比)(?:上年|去年|上一年|上年度|前一年|同期|\d{4}\s*年)(?:同期)?(?:度)?(?:的)?\s*$", SEGMENT,
         example="依申请公开申请量由上年的29件增加到43件"),
    # The change since last year, not the year's figure (较上年减少320元, 比上年增加612件).
    Trap(r"(?:比|较|同比)[^,，;；]{0,10}?(?:增加|增长|减少|下降|提高|降低|上升|多|少)(?:了)?\s*$", SEGMENT,
         example="收取检索复制费用较上年减少320元"),
    # Window and online government services, licensing, fees of other kinds.
    Trap(r"办件|办事|审批|行政许可|许可事项|服务事项|政务服务事项|便民服务|代收|行政事业性收费|服务中心受理|网上申报|信箱|热线|12345", LEFT,
         r"^(?:req_|out_|fee_)", example="政务服务中心全年受理公众办事申请3.6万件"),
    # Letters and visits (群众来信来访1200余件次) are petitions; a count the report itself says is not
    # a disclosure request (…，不计入依申请公开数量) is not one.
    # (告知通过信访等其他途径办理的1件: an outcome naming the petition channel)
    Trap(r"(?:来信来访|来访来信|群众来信|群众来访|信访)(?![^,，;；。]{0,4}?(?:途径|渠道))", SEGMENT, REQUEST_METRICS,
         example="全县另受理群众来信来访1200余件次"),
    Trap(r"^[^。；;]*?不(?:计入|属于|算作|纳入|列入)[^。；;]{0,4}?(?:政府信息)?(?:依申请公开|信息公开申请)", REST_OF_SENTENCE,
         REQUEST_METRICS, example="接待来访咨询146人次（不属于依申请公开）"),
    # Consultations (接待居民现场咨询62人次, 受理咨询和申请120件): questions answered, not requests.
    # (告知向其他途径咨询办理 is an outcome's wording)
    Trap(r"(?<!途径)(?<!渠道)(?<!部门)(?<!机关)咨询", SEGMENT, REQUEST_METRICS, example="街道受理点全年接待居民现场咨询62人次"),
    # A rate or count that follows another system's numbers in the sentence (12345热线办结率97.6%).
    Trap(r"办件|热线|12345|信箱|建议|提案|信访|审批|许可|办事|服务中心|留言|来信", SINCE_LAST_FACT, RATES,
         example="市政务服务中心全年办件量36.8万件，办结率99.8%"),
    # A review organ's whole caseload, whose disclosure cases the sentence goes on to give (全年办理
    # 行政复议案件320件，其中涉及政府信息公开的5件: 5, not 320).
    Trap(r"^[^。；;]*?其中[^。；;\d]{0,6}?(?:涉及|有关|关于|属于)(?:政府)?信息公开", REST_OF_SENTENCE, REVIEW_TOTALS,
         example="全年共办理行政复议案件320件，其中涉及政府信息公开的5件"),
    # Reviews caused by something else (因行政许可事项引发的行政复议案件7件).
    Trap(r"因(?!(?:政府)?信息公开|依申请|不服|对)[^,，;；。]{1,16}?(?:引发|引起|提起|产生|发生)", SENTENCE_TO_HERE, REVIEW_TOTALS,
         example="因行政许可事项引发的行政复议案件7件"),
    # Counts by applicant type (自然人申请180件，法人或其他组织申请20件, 申请人中公民43人次、法人或其他
    # 组织4件): a dimension, not a code (其他组织 is no 其他情形).
    Trap(r"(?:自然人|公民|个人|法人|其他组织|企业|律师)(?:提出|提交)?(?:的)?(?:申请)?\s*$", SEGMENT, REQUEST_METRICS,
         example="其中，自然人申请180件，法人或其他组织申请20件"),
    # Shares by applicant type or by topic (公民申请占90%, 从申请内容看…其他占36%).
    Trap(r"公民|自然人|法人|其他组织|企业|个人|律师|外地|本地", SEGMENT, SHARES, example="公民申请占90%"),
    # (按答复类型分 / 从办理结果看 sort by outcome: the codes themselves)
    Trap(r"^\s*(?:从|按|就|以)(?![^,，;；]{0,4}?(?:答复|办理|处理)(?:结果|类型|情况))[^,，;；]{0,12}?(?:内容|领域|类别|类型|对象|主体|申请人|身份|部门|地区)[^,，;；]{0,4}?(?:看|来看|分|划分|统计|分析)",
         SENTENCE, example="从申请内容看，涉及征地拆迁的占41.7%，其他占36%"),
    # One charged item among several (收取检索费180元、复制费356.5元、邮寄费92元，合计628.5元): the
    # items are parts of the fee; their sum, or the one item charged, is the fee (复制费用560元，
    # 较上年减少120元: one item and a change).
    Trap(r"(?:检索|复制|复印|打印|邮寄|邮递|工本|资料)(?:费|费用)\s*$", SEGMENT, r"^fee_",
         also=(r"(?<!减免)(?<!减)(?:费用?|合计|共计|总计)(?:为|收取)?\s*" + words.AMOUNT_OF_MONEY, REST_OF_SENTENCE), example="收取检索费180元、复制费356.5元、邮寄费92元，合计628.5元"),
    # Items of information sorted by their disclosure attribute, not requests and their outcomes.
    Trap(r"属性|确定为|新产生的?(?:政府)?信息|制发(?:的)?文件|登记(?:政府)?信息|公开属性", SENTENCE_TO_HERE, REQUEST_METRICS,
         example="全年新产生的政府信息中，确定为依申请公开的12条，不予公开的27条"),
    Trap(r"(?:依申请公开|不予公开|部分公开|免予公开)(?:的)?(?:政府)?信息\s*$", SEGMENT, REQUEST_METRICS,
         example="主动公开信息734条，依申请公开信息12条，不予公开信息27条"),
)


def vetoed(metric: str, window: Window) -> bool:
    """True when a trap row says the number read as ``metric`` counts something else."""
    for trap in TRAPS:
        words, metrics, also = trap.compiled
        if (trap.when and not getattr(window, trap.when)) or (trap.not_when and getattr(window, trap.not_when)):
            continue
        if metrics.search(metric) and words.search(window.text(trap.window)) and (
                also is None or also.search(window.text(trap.also[1]))):
            return True
    return False
