"""Text normalisation before matching: one canonical form for every way residents type.

Steps: NFKC (full-width → half-width), control characters → space, emoji and WeChat emoji
codes ([流泪]) removed, @mentions removed (and remembered), traditional → simplified (OpenCC),
word families (typos, homophones, dialect) rewritten to their canonical word, whitespace
collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import opencc

_WECHAT_EMOJI = re.compile(r"\[[\u4e00-\u9fff]{1,4}\]")
# WeChat ends a mention with U+2005; after NFKC that is a plain space.
_MENTION = re.compile(r"@([^\s@,，。.!！?？:：;；]{1,12})")
_SPACES = re.compile(r"\s+")
_DROP_CATEGORIES = frozenset({"So", "Sk", "Cs", "Co", "Cn", "Mn", "Me"})
_SPACE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Zs"})


@dataclass  # not frozen: made once per message, and frozen fields cost a call each
class Normalised:
    text: str
    mentions: tuple[str, ...]


@cache
def _t2s() -> Any:
    return opencc.OpenCC("t2s")


# Where OpenCC looks for characters to convert: CJK Unified Ideographs and the compatibility
# block (the extensions are rare in chat and still converted when another character is).
_CJK_BLOCKS = ((0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@cache
def traditional_characters() -> frozenset[str]:
    """Every character OpenCC's t2s changes on its own, computed once from OpenCC itself.

    A message without any of them is left as it is: no conversion cost, and no phrase-level
    rewriting of simplified text (t2s turns the simplified 打坏 into 打坯).
    """
    chars = [chr(code) for first, last in _CJK_BLOCKS for code in range(first, last + 1)]
    converted: str = _t2s().convert("\n".join(chars))
    return frozenset(ch for ch, out in zip(chars, converted.split("\n"), strict=True) if ch != out)


@cache
def _traditional_pattern() -> re.Pattern[str]:
    """Any of traditional_characters(): one scan of a message, no set lookup per character."""
    chars = sorted(traditional_characters())
    return re.compile("[" + "".join(map(re.escape, chars)) + "]" if chars else "(?!)")


def to_simplified(text: str) -> str:
    if _traditional_pattern().search(text) is None:
        return text
    result: str = _t2s().convert(text)
    return result


def _clean_char(ch: str) -> str:
    if ch.isascii():
        return " " if (ch < " " or ch == "\x7f") else ch
    category = unicodedata.category(ch)
    if category in _SPACE_CATEGORIES:
        return " "
    # Mn is dropped so emoji variation selectors go; CJK text has no combining marks.
    if category in _DROP_CATEGORIES:
        return ""
    return ch


class _CleanTable(dict[int, str]):
    """str.translate table filled on first sight of each character (then a C-level lookup)."""

    def __missing__(self, codepoint: int) -> str:
        replacement = _clean_char(chr(codepoint))
        if len(self) < 100_000:
            self[codepoint] = replacement
        return replacement


_CLEAN = _CleanTable()
# Characters _clean_char keeps as they are, in the ranges most messages are made of (printable
# ASCII, CJK ideographs, common CJK punctuation; tests/test_understanding_normalise.py checks
# them): a message of these alone is not translated at all.
_KEPT_RANGES = "\x20-\x7e\u4e00-\u9fff\u3001\u3002\u300a-\u3011\u2018\u2019\u201c\u201d"
_NEEDS_CLEANING = re.compile(f"[^{_KEPT_RANGES}]")


class FamilyRewriter:
    """Rewrite every variant of a word family to its canonical word, longest variant first."""

    def __init__(self, families: Mapping[str, list[str]]) -> None:
        self._canonical: dict[str, str] = {}
        for canonical, variants in families.items():
            for variant in variants:
                self._canonical[to_simplified(variant.lower())] = canonical
        # A canonical word is kept as it stands, so a variant inside it is not rewritten again
        # (么时候 inside 什么时候 made 什什么时候).
        for canonical in families:
            self._canonical.setdefault(to_simplified(canonical.lower()), canonical)
        ordered = sorted(self._canonical, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def _replace(self, match: re.Match[str]) -> str:
        return self._canonical[match.group(0)]

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(self._replace, text)


def normalise(text: str, rewrite: FamilyRewriter | None = None) -> Normalised:
    # Each step is skipped when the text cannot need it (most messages are plain text).
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if _NEEDS_CLEANING.search(text):
        text = text.translate(_CLEAN)
    if "[" in text:
        text = _WECHAT_EMOJI.sub(" ", text)
    mentions: tuple[str, ...] = ()
    if "@" in text:
        mentions = tuple(m.group(1) for m in _MENTION.finditer(text))
        text = _MENTION.sub(" ", text)
    text = to_simplified(text).lower()
    if rewrite is not None:
        text = rewrite(text)
    text = _SPACES.sub(" ", text).strip()
    return Normalised(text=text, mentions=mentions)
