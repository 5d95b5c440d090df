"""Lines that belong to the web site around a report, not to the report.

Scraped pages keep their chrome: breadcrumbs, share widgets, font-size switches, footers with
ICP numbers, image file names left where pictures were, stray tags, and short Latin spam. Such
lines stay in ``Document.text`` (it is verbatim) but never become blocks, so rules and the
metadata extractor do not read them.

Every check expects the MATCHING form of a line (simplified, half-width; see
``extractors.normalize``) so that traditional-script pages are recognised by the same patterns.
Patterns that could also occur in report prose only apply to short lines: chrome is terse,
report paragraphs are not.
"""
from __future__ import annotations

import re

_SHORT_WIDGET_LINE = 40
_SHORT_FOOTER_LINE = 120
_SHORT_NAV_LINE = 200

_NO_CONTENT = re.compile(r"^[\W_]*$")  # bullets, rules, "|---|---|"
_ONLY_TAGS = re.compile(r"^[\s•·*\-]*(?:<[^<>]*>[\s•·]*)+$")
_IMAGE_FILE_NAME = re.compile(r"^[\s•·]*[\w\-]+\.(?:png|jpe?g|gif|bmp|webp)\s*$", re.IGNORECASE)
_LATIN_ONLY = re.compile(r"^[\s•·]*[A-Za-z][A-Za-z0-9 ._\-]{0,39}$")
_NAVIGATION = re.compile(
    r"(?:您的位置|您现在的位置|您现在所在的位置|您所在的位置|当前位置|所在位置|现在位置)"
    r"|首页\s*(?:>|>>|->|»|›|/|\\)"
)
_WIDGET = re.compile(
    r"分享到|扫一扫|字体\s*:|字体大小|字号\s*:|字体\s*[【\[]?\s*大\s*中\s*小|关闭窗口|关闭本页|返回顶部|收藏本页"
    r"|加入收藏|上一篇|下一篇|浏览次数|阅读次数|点击数\s*:|访问量\s*:|相关(?:文章|链接|阅读|新闻)\s*:?$"
    r"|浏览器版本太低|更好的浏览体验|升级您的浏览器|即将离开|网站地图|联系我们|关于本网|关于我们"
    r"|(?:^|[\s【\[|])打印(?:本页|文章|此页|页面)?(?:$|[\s】\]|])"
)
_FOOTER = re.compile(
    r"版权所有|copyright|©|ICP备|ICP证|公网安备|网站标识码"
    r"|技术支持\s*:|^\W*主\s*办\s*(?:单位)?\s*:|^\W*承\s*办\s*(?:单位)?\s*:|联系电话\s*:"
    r"|e-?mail\s*:|建议使用.{0,20}浏览器|建议.{0,20}分辨率|分辨率\s*\d+\s*[x×*]\s*\d+",
    re.IGNORECASE,
)
_LINK_LIST_HEADING = re.compile(r"^\s*[-—]\s*\S{2,12}\s*[-—]\s*$")  # "- 市直部门网站 -"


def is_noise_line(matching_line: str) -> bool:
    """True when the (matching form of a) line is site chrome rather than report content."""
    line = matching_line.strip()
    if _NO_CONTENT.match(line) or _ONLY_TAGS.match(line) or _IMAGE_FILE_NAME.match(line):
        return True
    if _LATIN_ONLY.match(line):
        return True
    length = len(line)
    if length <= _SHORT_NAV_LINE and _NAVIGATION.search(line):
        return True
    if length <= _SHORT_WIDGET_LINE and (_WIDGET.search(line) or _LINK_LIST_HEADING.match(line)):
        return True
    return length <= _SHORT_FOOTER_LINE and bool(_FOOTER.search(line))


# Markers that only a site footer prints. Once one appears in the closing part of a page, the
# rest of the page (link lists to sister sites, hotline numbers) is footer too.
_FOOTER_MARKER = re.compile(r"版权所有|ICP备|ICP证|公网安备|网站标识码|copyright|©", re.IGNORECASE)
_FOOTER_ZONE_SHARE = 0.4


def footer_start(matching_lines: list[str]) -> int:
    """Index of the first line of the page footer, or ``len(matching_lines)`` when none.

    Only the closing part of the page is searched, so a report that quotes such a word early
    on is not cut.
    """
    first_candidate = int(len(matching_lines) * (1 - _FOOTER_ZONE_SHARE))
    for index in range(first_candidate, len(matching_lines)):
        line = matching_lines[index]
        if len(line) <= _SHORT_FOOTER_LINE and _FOOTER_MARKER.search(line):
            return index
    return len(matching_lines)


# (bullets: • · ■ □ ● ○ ◆ ◇ ▲ △ ★ ☆ ▪ ▶ ► ※ ✓ √; a dash stays: "- 3 -" is a page number)
_LEADING_JUNK = re.compile(r"^(?:\s|[•·■□●○◆◇▲△★☆▪▶►※✓√]|<[^<>]*>)+")
_TRAILING_JUNK = re.compile(r"(?:\s|<[^<>]*>)+$")


def content_bounds(line: str) -> tuple[int, int]:
    """``(start, end)`` of ``line`` without surrounding whitespace, bullets and tags.

    Returns an empty span (start == end) when nothing is left.
    """
    leading = _LEADING_JUNK.match(line)
    start = leading.end() if leading else 0
    trailing = _TRAILING_JUNK.search(line, start)
    end = trailing.start() if trailing else len(line)
    return start, max(start, end)
