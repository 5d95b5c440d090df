"""Bytes to text for Chinese report files.

Order of trust: a byte-order mark, then strict UTF-8 (which almost never decodes a legacy file
by accident), then the encodings Chinese government sites actually use — GB18030 (a superset of
GBK and GB2312), Big5 and UTF-16 — as proposed by charset-normalizer and checked by us.

GBK and Big5 byte ranges overlap, so Big5 bytes often decode "successfully" as GBK into
nonsense. Every candidate is therefore scored by the share of characters that dominate real
report text (的, 政, 府, 公, 开/開 ...); nonsense scores near zero. A file that decodes to
nothing that looks like Chinese text is refused as ``undecodable``.
"""
from __future__ import annotations

import codecs

import charset_normalizer

from extractors.readers.registry import UnreadableFile
from extractors.readers.sniff import utf16_byte_order

_BOM_CODECS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_LEGACY_CANDIDATES = ["gb18030", "big5", "cp950", "utf_16_le", "utf_16_be"]

# A UTF-8 file with a few damaged bytes (a cut download, one bad character) is still UTF-8;
# a GBK file read as UTF-8 breaks on nearly every Chinese character.
_MAX_DAMAGED_UTF8_SHARE = 0.001

# Frequent characters of report text in both scripts; mis-decoded text almost never hits them.
_COMMON_REPORT_CHARS = frozenset(
    "的一是在了和有为年月日中国人民政府信息公开開工作报報告情况況申请請主动動依法市县縣区區省"
    "部门門办辦理发發布本全件条條次等对對行进進务務关關于於会會管服体體制度规規加强強建设設"
)
_MIN_CJK_SHARE = 0.8  # of the non-ASCII, non-space characters
_MIN_COMMON_SHARE = 0.03  # of the Han characters; real report text is around 0.3


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _is_cjk_text_char(char: str) -> bool:
    code = ord(char)
    return (
        _is_han(char)
        or 0x3000 <= code <= 0x303F  # CJK punctuation: 。、《》【】
        or 0xFF00 <= code <= 0xFFEF  # full-width forms: ，（）：
        or 0x2000 <= code <= 0x206F  # general punctuation: “”‘’…—
        or code in (0x00B7, 0x2022, 0x25CF, 0x25A0, 0x2192, 0x00D7)  # · • ● ■ → ×
    )


def chinese_text_score(text: str) -> float:
    """0 when ``text`` is not Chinese prose; otherwise the share of common report characters."""
    non_ascii = [char for char in text if ord(char) > 127 and not char.isspace()]
    if not non_ascii:
        return 0.0
    cjk = sum(1 for char in non_ascii if _is_cjk_text_char(char))
    if cjk < len(non_ascii) * _MIN_CJK_SHARE:
        return 0.0
    han = [char for char in non_ascii if _is_han(char)]
    if not han:
        return 0.0
    common = sum(1 for char in han if char in _COMMON_REPORT_CHARS)
    share = common / len(han)
    return share if share >= _MIN_COMMON_SHARE else 0.0


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(1, len(text) * _MAX_DAMAGED_UTF8_SHARE):
        return text
    return None


def _legacy_candidates(data: bytes) -> list[tuple[str, str]]:
    """(encoding, text) pairs worth scoring, charset-normalizer's proposals first."""
    candidates: list[tuple[str, str]] = []
    matches = charset_normalizer.from_bytes(data, cp_isolation=_LEGACY_CANDIDATES)
    for match in matches:
        candidates.append((match.encoding, str(match)))
    proposed = {encoding for encoding, _ in candidates}
    byte_order = utf16_byte_order(data[:8192])
    fallbacks = ["gb18030", "big5"] + ([f"utf_16_{byte_order}"] if byte_order else [])
    for encoding in fallbacks:
        if encoding in proposed:
            continue
        try:
            candidates.append((encoding, data.decode(encoding)))
        except UnicodeDecodeError:
            continue
    return candidates


def decode_text(data: bytes) -> tuple[str, str]:
    """``(text, Python codec name used)``; raises ``UnreadableFile("undecodable")``."""
    for bom, codec in _BOM_CODECS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codecs.lookup(codec).name
            except UnicodeDecodeError as error:
                raise UnreadableFile("undecodable", f"the file starts with a {codec} byte-order mark but is not "
                                     f"{codec} text ({error}): save it again as UTF-8")
    utf8_text = _decode_utf8(data)
    if utf8_text is not None:
        return utf8_text, "utf-8"
    best_text, best_encoding, best_score = None, None, 0.0
    for encoding, text in _legacy_candidates(data):
        score = chinese_text_score(text)
        if score > best_score:
            best_text, best_encoding, best_score = text, encoding, score
    if best_text is None:
        raise UnreadableFile(
            "undecodable", "neither UTF-8 nor GB18030/Big5/UTF-16 yields Chinese text: if it is a "
            "report, save it again as UTF-8"
        )
    return best_text, codecs.lookup(best_encoding).name
