"""Normalisation: one canonical text for traditional, full-width, emoji and voice-typed input."""

from __future__ import annotations

import pytest

from service.understanding import normalise as normalise_module
from service.understanding.normalise import FamilyRewriter, normalise
from service.understanding.numerals import cn_digits, cn_to_int


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("電梯壞了", "电梯坏了"),
        ("樓道燈不亮", "楼道灯不亮"),
        ("３号楼２单元", "3号楼2单元"),
        ("ＡＢＣ　１２３", "abc 123"),
        ("电梯坏了😡😡", "电梯坏了"),
        ("着急[流泪][捂脸]快来", "着急 快来"),
        ("👍👍👍", ""),
        ("好的\x00\x07\u200b了", "好的 了"),
        ("  多个   空格\n\t换行  ", "多个 空格 换行"),
    ],
)
def test_normalise_gives_simplified_half_width_text(raw: str, expected: str) -> None:
    assert normalise(raw).text == expected


def test_mentions_are_removed_and_remembered() -> None:
    result = normalise("@物业\u2005@社区 楼道灯坏了")
    assert result.text == "楼道灯坏了"
    assert result.mentions == ("物业", "社区")


def test_word_families_rewrite_homophones_and_typos() -> None:
    rewrite = FamilyRewriter({"电梯": ["电体", "店梯"], "楼道": ["楼到"], "煤气": ["煤汽"]})
    assert normalise("店梯又坏了 楼到里有煤汽味", rewrite).text == "电梯又坏了 楼道里有煤气味"
    assert normalise("電體壞了", rewrite).text == "电梯坏了"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三", 3),
        ("十", 10),
        ("十七", 17),
        ("二十", 20),
        ("二十三", 23),
        ("两", 2),
        ("一百零一", 101),
        ("15", 15),
        ("三零二", 302),
        ("", None),
        ("楼", None),
    ],
)
def test_chinese_numerals(text: str, value: int | None) -> None:
    assert cn_to_int(text) == value


def test_room_numbers_read_digit_by_digit() -> None:
    assert cn_digits("三零二") == "302"
    assert cn_digits("一二〇一") == "1201"
    assert cn_digits("三楼") is None


def test_characters_left_untranslated_are_kept_by_cleaning() -> None:
    kept = [chr(c) for c in range(0x30000) if not normalise_module._NEEDS_CLEANING.match(chr(c))]
    assert len(kept) > 20000
    assert all(normalise_module._clean_char(ch) == ch for ch in kept)
