"""Proactive disclosure: the year's total, its channels (websites, gazette, Weibo, WeChat, other),
and the events that publish (press conferences, online interviews, policy interpretations).

A channel count is read where the report gives its totals: its part on proactive disclosure (or
anywhere, when it has no such part); elsewhere a count of items is one topic's or one
department's. The overview may still state the jurisdiction's own total with its subject and the
full act (2018年，全市主动公开政府信息8.64万余条).
"""
from __future__ import annotations

from extractors.rules import sections
from extractors.rules.matcher import (
    LEFT, SEGMENT, SENTENCE, SENTENCE_BEFORE_AND_CLAUSE, SENTENCE_TO_HERE, SINCE_LAST_FACT, Phrase,
)

PUBLISH_VERB = r"(?:主动)?(?:公开|发布|公布|发送|推送|刊发|刊登|刊载|编发|更新|公示|张贴)(?:了)?"
# (公开办事指南、审批流程等信息62条: the kinds listed before 等 are the information's)
# (公开我镇信息35条: the body's own information)
PUBLISH_OBJECT = (r"(?:(?:我|本)(?:镇|乡|街道|局|委|办|单位|机关|中心)(?:的)?)?(?:[\u4e00-\u9fff、“”]{1,16}?等)?(?:各类|各种|相关)?(?:动态|政府|政务|规范性|政策性)?(?:信息|文件|消息)"
                  r"(?:数量|总数)?")
# The act of publishing with its object (公开政府信息N条); after a channel's name the verb alone
# carries the count (其中政府网站公开7000条), when nothing follows the number (in 在政府网站公开
# 12个部门的预算 the 12 counts departments, not items).
PUBLISHED = PUBLISH_VERB + PUBLISH_OBJECT
PUBLISHED_VERB_ONLY = PUBLISH_VERB + r"(?:" + PUBLISH_OBJECT + r")?"
# The report's own total: the act and information as its object, nothing narrower.
TOTAL_ACT = r"(?:主动)?(?:公开|发布)(?:了)?(?:的)?(?:各类|各种)?(?:政府|政务)?信息(?:数量|总数|条数|数)?"
EXPLICIT_TOTAL_ACT = r"(?:共|共计|累计)?主动公开(?:了)?(?:各类|各种)?(?:政府|政务)信息(?:数量|总数)?"

# Screens: 显示屏, 电子屏, 电子触摸屏, LED屏.
SCREEN = r"(?:显示|电子|触摸|查询|LED|户外)屏"
# Channels, the most specific first. Channels with no code of their own are "other": notice
# boards, press, radio and TV, screens, bulletins.
CHANNELS = (
    ("pro_new_media", r"微博[^,，;；。]{0,12}微信|微信[^,，;；。]{0,12}微博|新媒体|两微"),
    ("pro_weibo", r"微博"),
    ("pro_wechat", r"微信|公众号"),
    ("pro_website", r"网站|政府网|门户网|信息网|政务网|公开网|子站|官网|网页"),
    ("pro_gazette", r"公报|政报"),
    ("pro_other", r"其他(?:方式|渠道|途径|形式|载体)|公开栏|公示栏|宣传栏|" + SCREEN + r"|报刊|报纸|广播|电视|简报"),
)
ANY_CHANNEL = "|".join(words for _, words in CHANNELS)
# Several channels named together (在镇政府网站和县政府信息公开平台公开信息86条, 通过…公开栏等渠道):
# what they disclosed is the total, not one channel's count (conditions.names_several_channels: two
# mentions joined by 和/、/及 of different kinds, or 等…渠道; 乡政府公开栏和各村公开栏 is one channel).
# Posts counted across platforms (政务网站、微信、微博共发布各类信息2483条, reposts included) are
# neither, so only 公开 makes it a total.
CHANNEL_MENTION = (r"(?:网站|网(?![上络])|平台|子站|专栏|栏目|公众号|微信|微博|客户端|APP|公开栏|公示栏|宣传栏|" + SCREEN
                   + r"|报刊|报纸|电视|广播|政报|公报|简报)")
CHANNELS_JOINED = r"^[^,，;；。]{0,16}?(?:和|、|及|与|以及|或)[^,，;；。]{0,16}?$"  # the words between two of them
MANY_CHANNELS = r"(?:等|多种)(?!其他|其它)[^,，;；。]{0,4}?(?:渠道|形式|方式|平台|途径|载体|媒介)"  # (公开栏等其他方式: other ways)
DISCLOSED = r"(?:主动)?公开(?:了)?" + r"(?:" + PUBLISH_OBJECT + r")?"
NEW_MEDIA = r"微信|微博|公众号|新媒体|客户端|APP|头条|抖音"
GAZETTE = dict(CHANNELS)["pro_gazette"]

# 共主动公开政府信息53条，全部在区政府门户网站“信息公开”专栏发布: every item through one channel.
ALL_IN_ONE_CHANNEL = (r"^(?:均|全部|都|全都)(?:在|通过|于|经)(?P<channel>[^,，;；。]{1,24}?)(?:予以|进行)?(?:发布|公开|刊登|刊发)")

# 主要公开渠道分别为：… / 发布渠道包括: a list of channels with their counts follows (to the
# sentence's end).
# 从公开方式看，: the same, as the angle the sentence takes.
CHANNEL_LIST_OPENER = (r"(?:渠道|方式|途径|载体|平台)[^,，;；。\d]{0,6}?(?:分别为|分别是|主要为|主要有|包括)[:：]?"
                       r"|(?:从|按|就)(?:公开|发布)?(?:渠道|方式|途径|载体)(?:上)?(?:来)?(?:看|分)")

INTERVIEW = r"(?:在线|线上|网上|网络)访谈"
QUOTE = r"[“”《》「」\"]?"

# Events: counted in 场/次/期/个.
EVENTS = (
    Phrase("pro_press_conferences", before=r"(?:新闻)?发布会(?:活动)?", units="events",
           example="召开新闻发布会12场"),
    Phrase("pro_press_conferences", after=r"(?:新闻)?发布会", units="events", example="举办12场新闻发布会"),
    Phrase("pro_press_conferences", before=r"(?:新闻)?发布会[^,，;；\d]{0,6}?(?:召开|举办|举行|组织)(?:了)?", units="events",
           example="新闻发布会全年召开18场"),
    Phrase("pro_online_interviews", before=INTERVIEW + QUOTE + r"(?:节目|活动|栏目)?", units="events",
           example="开展在线访谈8期"),
    Phrase("pro_online_interviews", after=QUOTE + INTERVIEW, units="events", example="举办8期在线访谈"),
    Phrase("pro_online_interviews", before=INTERVIEW + QUOTE + r"(?:节目|栏目)?[^,，;；\d]{0,6}?(?:举办|开展|组织|推出|进行|播出)(?:了)?",
           units="events", example="在线访谈全年举办7期"),
    # 组织“县长在线”访谈6期: the programme's quoted name, then 访谈.
    Phrase("pro_online_interviews", before=r"“[^”]{0,10}(?:在线|线上|网上|网络)[^”]{0,6}”(?:栏目|节目)?(?:访谈|直播访谈)",
           units="events", example="组织“县长在线”访谈6期"),
    # “在线访谈”栏目全年开展访谈41期: the programme named earlier in the sentence, the act after.
    Phrase("pro_online_interviews", before=r"(?:开展|举办|组织|进行|推出|做客)(?:了)?访谈(?:节目|活动)?",
           near=INTERVIEW, near_in=SENTENCE, units="events", example="“在线访谈”栏目全年开展访谈41期"),
    # 政策解读稿件36篇 / 解读政策文件30件 / 发布解读材料186篇 (without 政策, the act of publishing
    # makes it the report's count; a bare 其中图解解读材料N篇 is a subset by form).
    Phrase("pro_policy_interpretations",
           before=r"政策解读(?:信息|稿件|稿|文章|材料|产品)?|解读(?:了)?(?:各类|重要|重大)?政策(?:性)?(?:文件)?|"
                  r"(?:发布|刊发|推出|编发|撰写)(?:了)?(?:各类)?(?:政策)?解读(?:信息|稿件|稿|文章|材料)",
           units="items_or_events", example="发布政策解读稿件36篇"),
    Phrase("pro_policy_interpretations", after=r"(?:政策)?解读(?:信息|稿件|稿|文章|材料)?", units="items_or_events",
           example="36篇政策解读"),
)

_IN_PART = ("in_proactive_part",)


def _channel_rows(metric: str, channel: str, unless: str = "", one_channel: bool = True) -> tuple[Phrase, ...]:
    """One channel's count; not when several channels are named (see CHANNEL_MENTION)."""
    when = _IN_PART + (("one_channel",) if one_channel else ())
    return (
        # (LEFT too: the information's kinds may be listed with 、, 公开办事指南、审批流程等信息62条)
        Phrase(metric, before=PUBLISHED, before_in=(SEGMENT, LEFT), near=channel, unless=unless, when=when,
               example="政府网站公开信息7000条"),
        Phrase(metric, before=PUBLISHED_VERB_ONLY, near=channel, unless=unless, when=when + ("nothing_after",),
               example="其中政府网站公开7000条"),
    )


_NEW_MEDIA, _OTHER_WAYS = CHANNELS[0], ("pro_other", r"其他(?:方式|渠道|途径|形式|载体)")
_CHANNEL_ROWS = (
    # 微博、微信等新媒体 is one channel (combined); with a website in the list it is several.
    *_channel_rows(*_NEW_MEDIA, unless=r"网站|网(?![上络])", one_channel=False),
    *_channel_rows(*_OTHER_WAYS, one_channel=False),
    Phrase("pro_total", before=DISCLOSED, when=_IN_PART + ("several_channels",),
           example="通过区政府信息公开网、街道微信公众号等渠道公开信息共计203条"),
    Phrase("pro_total", before=DISCLOSED, when=_IN_PART + ("several_channels_in_sentence", "no_fact_before", "subject_not_named"),
           example="全年通过政务公开栏和县政府网站，共公开各类信息64条"),
    Phrase("pro_total", before=PUBLISHED_VERB_ONLY, unless=NEW_MEDIA, when=_IN_PART + ("several_channels",),
           example="在县政府门户网站及镇政务公开栏共发布信息105条"),
    # 公开37条、公示64条，共计101条: the sum the report gives after its channels.
    Phrase("pro_total", before=r"(?:共计|合计|总计|共|以上合计|[两二三四五六]项合计)", when=_IN_PART + ("sums_the_channels",),
           example="通过旗政府网站公开信息64条、在公开栏公示37条，共计101条"),
    Phrase("pro_total", before=r"(?:主动)?(?:公开|发布)(?:了)?(?:各类|各种)?(?:政府|政务)?(?:信息)?",
           when=_IN_PART + ("sums_the_channels",), example="通过镇政府网站公开信息176条，通过微信公众号推送信息142条，共计主动公开318条"),
    # 全年共发布了156条政府信息: the act, the number, then what was published.
    Phrase("pro_total", before=r"(?:主动)?(?:公开|发布)(?:了)?", after=r"(?:各类|各种)?(?:政府|政务)信息",
           when=_IN_PART + ("opens_with_publishing",), example="全年共发布了156条政府信息"),
    *(row for metric, channel in CHANNELS[1:] for row in _channel_rows(metric, channel)),
    # 公开方式以县政府网部门子站为主，该渠道公开76条: the channel the sentence just named.
    *(Phrase(metric, before=r"(?:该|此|这一?)(?:渠道|平台|网站|子站|途径|方式|载体)" + PUBLISHED_VERB_ONLY,
             near=channel, near_in=SENTENCE_TO_HERE, when=_IN_PART + ("one_channel_so_far",),
             example="公开方式以县政府网部门子站为主，该渠道公开76条")
      for metric, channel in CHANNELS),
    # 其余13条通过委机关公开栏公开: the number first, the channel after it.
    *(Phrase(metric, after=r"(?:信息)?(?:通过|在|经|利用|由|于)[^,，;；。\d]{0,12}?(?:" + channel + r")[^,，;；。\d]{0,6}?"
                           + PUBLISH_VERB,
             when=_IN_PART + ("number_first", "one_channel_after"),
             example="其余13条通过委机关公开栏公开")
      for metric, channel in CHANNELS),
    # 其中区政府门户网站98条，公开栏37条 / 其中網站(含轉發)319條 / 公开渠道分别为：门户网站8934条、
    # 政务微博1602条: the channels of a count just given or announced, named without a verb
    # (政务微博、微信1500条: both together).
    Phrase("pro_new_media", before=r"(?:" + CHANNELS[0][1] + r")[^,，;；。\d]{0,4}?", before_in=(LEFT,),
           when=_IN_PART + ("lists_channels", "nothing_after"), example="其中政务微博、微信1500条"),
    # (门户网站局信息公开专栏129条: a column of the channel named after it)
    *(Phrase(metric, before=r"(?:" + channel + r")(?:[^,，;；。\d]{0,10}?(?:专栏|栏目|子站|频道))?[^,，;；。\d]{0,4}?"
                            r"(?:[（(][^（()）\d]{1,8}[)）])?(?:张贴|发布|公开|推送|刊登)?",
             when=_IN_PART + ("lists_channels", "nothing_after"), example="其中区政府门户网站98条")
      for metric, channel in CHANNELS),
)
# 开通政务微博1126个，发布信息21.3万条: accounts of a channel opened earlier in the sentence (no fact
# read since), then what they published.
def _accounts_opened(channel: str) -> str:
    return (r"(?:开通|开设|注册|建成|建立)(?:了)?(?=[^,，;；。]{0,16}?(?:" + channel + r"))"
            r"[^,，;；。]{0,10}?(?:[\d,]+|[零〇一二两三四五六七八九十百千]+)\s*个[^,，;；。]{0,4}[,，]")


_ACCOUNT_ROWS = tuple(
    Phrase(metric, before=PUBLISHED, near=_accounts_opened(channel), near_in=SINCE_LAST_FACT,
           when=_IN_PART + ("subject_not_named",), example="开通政务微博1126个，发布信息21.3万条")
    for metric, channel in CHANNELS
)

PHRASES = EVENTS + (
    # The overview's own total, outside the part on proactive disclosure.
    Phrase("pro_total", before=EXPLICIT_TOTAL_ACT, part=sections.OVERVIEW, unless=ANY_CHANNEL,
           when=("proactive_part_elsewhere", "subject_named"), example="2018年，全市主动公开政府信息8.64万余条"),
    Phrase("pro_total", before=EXPLICIT_TOTAL_ACT, part=sections.OVERVIEW, unless=ANY_CHANNEL,
           when=("proactive_part_elsewhere", "opens_with_the_total_act"), example="全年共主动公开政府信息2743条"),
    # 《政报》24期，刊登省政府及省政府办公厅文件316件: what a gazette printed.
    Phrase("pro_gazette", before=r"(?:刊登|刊发|刊载|登载|收录)(?:了)?[^;；。]{0,30}?(?:文件|规章|信息)",
           before_in=(LEFT,), near=GAZETTE, near_in=SENTENCE_TO_HERE, when=_IN_PART,
           example="《政报》24期，刊登省政府文件316件"),
    # 市政府通过《市人民政府公报》公开规章和规范性文件132件: the gazette the clause publishes through.
    Phrase("pro_gazette", before=r"(?:" + GAZETTE + r")》?[^,，;；。\d]{0,6}?(?:公开|发布|刊登|刊发)(?:了)?"
                                 r"[^,，;；。\d]{0,20}?(?:文件|规章|信息)(?:等)?",
           before_in=(LEFT,), unless=r"网站|网(?![上络])|微博|微信|公众号|客户端|公开栏|报刊|报纸|电视|广播",
           when=_IN_PART + ("nothing_after",), example="市政府通过《市人民政府公报》公开规章和规范性文件132件"),
    *_CHANNEL_ROWS,
    *_ACCOUNT_ROWS,
    # 市政府门户网站完成改版，开设……栏目，全年发布信息9,514条: the portal, the sentence's subject.
    Phrase("pro_website", before=PUBLISHED, when=_IN_PART + ("subject_not_named", "no_fact_before", "portal_subject"),
           example="州人民政府门户网站完成改版，全年发布信息9514条"),
    # 《政府公报》刊发4期，公开信息23条: the gazette named earlier in the sentence.
    Phrase("pro_gazette", before=PUBLISHED, near=GAZETTE, near_in=SENTENCE_BEFORE_AND_CLAUSE, when=_IN_PART,
           example="《政府公报》刊发4期，公开信息23条"),
    Phrase("pro_total", before=TOTAL_ACT, when=_IN_PART + ("subject_named",), example="全县主动公开政府信息3482条"),
    # 主动公开合计：275条: the total as a label.
    Phrase("pro_total", before=r"主动公开(?:政府|政务)?(?:信息)?(?:数量|条数)?(?:合计|总计|总数|共计)", when=_IN_PART,
           example="主动公开合计：275条"),
    # 全年共主动公开政府信息6789条: the act opening the sentence states the report's own total.
    Phrase("pro_total", before=TOTAL_ACT, when=_IN_PART + ("opens_with_the_total_act",),
           example="全年共主动公开政府信息6789条"),
)

