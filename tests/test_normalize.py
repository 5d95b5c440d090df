"""The matching twin (same length, simplified, half-width) and script detection."""
from __future__ import annotations


import pytest

from extractors import normalize
from extractors.normalize import detect_script, to_matching, traditional_share

import shared_paths

SEEDS = shared_paths.CORPUS / "seeds"


def seed_texts() -> list[str]:
    if not SEEDS.is_dir():
        pytest.skip(f"shared corpus not available at {SEEDS}")
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def test_traditional_becomes_simplified_with_the_same_length():
    text = "南湖區二〇一五年度政府信息公開工作年報"
    matching = to_matching(text)
    assert matching == "南湖区二〇一五年度政府信息公开工作年报"
    assert len(matching) == len(text)


def test_simplified_text_is_unchanged():
    text = "2019年,白石县主动公开政府信息1520条。"
    assert to_matching(text) == text


def test_full_width_ascii_and_ideographic_space_are_folded():
    text = "全年受理申请３７件，其中网络申请２１件（含ＡＰＰ）：\u3000完毕"
    assert to_matching(text) == "全年受理申请37件,其中网络申请21件(含APP): 完毕"


def test_phrase_conversion_keeps_offsets():
    text = "乾隆年間的舊檔案已乾淨整理,後續著手公開"
    matching = to_matching(text)
    assert len(matching) == len(text)
    assert "干净" in matching and "后续" in matching
    for index, char in enumerate("公開"):
        assert matching[text.index("公開") + index] == "公开"[index]


def test_characters_outside_the_basic_plane_keep_length():
    text = "二噁英檢測𠀀報告"  # t2s maps 噁 to an astral character in some phrases
    assert len(to_matching(text)) == len(text)


def test_falls_back_to_per_character_conversion_when_length_changes(monkeypatch):
    class LengthChangingConverter:
        def convert(self, text: str) -> str:
            return text + "!" if len(text) > 1 else {"開": "开", "報": "报"}.get(text, text)

    monkeypatch.setattr(normalize, "_T2S", LengthChangingConverter())
    monkeypatch.setattr(normalize, "_t2s", LengthChangingConverter().convert)  # the whole-text conversion
    monkeypatch.setattr(normalize, "_SIMPLIFIED_CHAR", {})
    text = "公開年報"
    assert to_matching(text) == "公开年报"


def test_detect_script():
    assert detect_script("本年報根據條例編制,全年主動公開政府信息2148條。") == "traditional"
    assert detect_script("本年报根据条例编制,全年主动公开政府信息2148条。") == "simplified"
    assert detect_script("") == "simplified"
    assert detect_script("StreamJAV 12345") == "simplified"


def test_a_few_traditional_characters_do_not_make_a_simplified_text_traditional():
    text = "本年报根据条例编制,全年主动公开政府信息2148条,其中《於陵县志》节选一篇。" * 3
    assert traditional_share(text) < normalize.TRADITIONAL_SHARE_THRESHOLD
    assert detect_script(text) == "simplified"


def test_converter_is_built_once():
    converter = normalize._T2S
    to_matching("政府信息公開")
    assert normalize._T2S is converter


def test_seed_scripts_and_lengths():
    texts = seed_texts()
    assert [detect_script(text) for text in texts] == [
        "traditional", "simplified", "traditional", "simplified", "traditional"
    ]
    for text in texts:
        assert len(to_matching(text)) == len(text)




# --- the conversion made cheaper gives OpenCC's own result ---------------------------------------

from extractors import normalize as _normalize  # noqa: E402


def test_t2s_converts_only_pieces_with_changing_chars_but_gives_opencc_result():
    samples = [
        "",
        "政府信息公開工作年度報告",
        "本機關2015年共受理政府信息公開申請12件，其中網上申請3件。",
        "乾隆年間，乾淨的衣服；著作權、顯著。",  # phrases (乾隆, 乾淨) and 著
        "全部简体的文字，没有繁体字。一、概述（一）主动公开",
        "混合：简体段落。繁體段落——頭髮、發展！\n  第二行 abc ＡＢＣ",
    ]
    for text in samples:
        assert _normalize._t2s(text) == _normalize._T2S.convert(text)


def test_t2s_changing_chars_hold_traditional_chars_and_not_common_simplified_ones():
    assert {"開", "報", "機", "乾"} <= _normalize._T2S_CHANGING
    assert not {"的", "政", "府", "公", "开"} & _normalize._T2S_CHANGING


def test_has_traditional_chars_same_answer_when_asked_again():
    assert not _normalize._has_traditional_chars("简体的文字")
    assert not _normalize._has_traditional_chars("简体的文字")  # from the cache of unchanged chars
    assert _normalize._has_traditional_chars("简体的文字與")
    assert "與" not in _normalize._UNCHANGED_CHARS


def test_traditional_share_counts_repeats():
    assert _normalize.traditional_share("開開开a") == 2 / 3
    assert _normalize.traditional_share("開開开a") == 2 / 3  # cached kinds
    assert _normalize.traditional_share("abc") == 0.0


# --- first_char_guarded: the same matches, found faster -------------------------------------------

import re  # noqa: E402

from extractors.normalize import first_char_guarded  # noqa: E402


@pytest.mark.parametrize("pattern, flags, guarded", [
    ("体育在线|在线体育|av在线", re.IGNORECASE, True),
    (r"(?:\d[\d,.]*|[零一二]+)\s*件", 0, True),
    (r"[A-Za-z][A-Za-z0-9]*|\d+[A-Za-z]", 0, True),
    (r"x+y|(?:ab|c)d", 0, True),
    (r"^abc", 0, False),  # an anchor: no first character known
    (r"a?b", 0, False),  # an optional start
    (r"[^a]b", 0, False),  # a negated class
    (r"(?i)ab", 0, False),  # global flags in the pattern
    (r"(?:a|)b", 0, False),  # an empty alternative
])
def test_first_char_guarded_matches_what_the_plain_pattern_matches(pattern, flags, guarded):
    compiled = first_char_guarded(pattern, flags)
    plain = re.compile(pattern, flags)
    assert compiled.flags == plain.flags
    assert (compiled.pattern != pattern) is guarded
    texts = ["", "体育在线 AV在线 Av在线真人", "共12,3件 二件 零件", "abc StreamJAV 365bet x7",
             "xxy cd abd ab xy", "bab b", "AB ab", "zzabc"]
    for text in texts:
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for start in range(len(text) + 1):
            assert bool(compiled.match(text, start)) == bool(plain.match(text, start))


def test_t2s_gives_opencc_result_on_the_fixtures_traditional_reports():
    from pathlib import Path
    paths = sorted(Path(__file__).parent.glob("fixtures/**/*.txt"))
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in paths]
    traditional = [text for text in texts if detect_script(text) == "traditional"]
    assert len(traditional) >= 5
    for text in traditional + texts[:20]:
        assert _normalize._t2s(text) == _normalize._T2S.convert(text)
