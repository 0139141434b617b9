"""Text from outside (chat, forms, query strings, API bodies, spreadsheets) cleaned in one place,
so that every database, spreadsheet and chat window takes it and shows it as it was meant.

Removed: NUL and the other C0 controls but tab and line breaks (PostgreSQL refuses NUL, Excel
files refuse the rest, \\x1b starts terminal escapes), DEL and the C1 controls, the bidirectional
embeddings, overrides, isolates and marks (an RLO in a name reverses the reply around it), lone
surrogates (no valid UTF-8) and the noncharacters U+FFFE/U+FFFF. Emoji joiners and variation
selectors stay."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_UNWANTED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]"
)
_BREAKS = re.compile(r"[\t\n\r]+")


def clean(text: str) -> str:
    """Text as people meant it: without the characters above; line breaks and tabs kept."""
    return _UNWANTED.sub("", text)


def clean_line(text: str) -> str:
    """A one-line value (a name, a group topic, a spreadsheet cell): cleaned, line breaks and
    tabs as single spaces, no surrounding spaces."""
    return _BREAKS.sub(" ", clean(text)).strip()


_MOBILE = re.compile(r"(?<!\d)(1\d{2})[\s-]?\d{4}[\s-]?(\d{4})(?!\d)")


def mask_phones(text: str) -> str:
    """Mobile numbers shown the way Chinese services show them (138****5678): a staff note
    relayed to a residents' group ("他电话13812345678") does not publish anybody's number."""
    return _MOBILE.sub(r"\1****\2", text)


def letters(text: str, keep: str = "") -> str:
    """Only the letters and digits of a text (Chinese characters are letters), and any of
    `keep`: punctuation, spaces and emoji fall away ("好的！👍" → "好的")."""
    return "".join(ch for ch in text if ch.isalnum() or ch in keep)


_CLAUSE_BREAK = re.compile(r"([\s,，。；;！!、~～]+)")


def clauses(text: str) -> list[tuple[str, str]]:
    """The clauses of a sentence, each with the separator after it ("" for the last), so a
    sentence with some clauses left out keeps its own punctuation."""
    parts = _CLAUSE_BREAK.split(text)
    return list(zip(parts[::2], [*parts[1::2], ""], strict=True))


def without_clauses(text: str, words: tuple[str, ...]) -> str:
    """The sentence without its clauses holding one of `words` ("管子通开了 自己不会看吗" →
    "管子通开了")."""
    kept = [c + sep for c, sep in clauses(text) if not any(w in c for w in words)]
    return "".join(kept).strip(" ，,。；;！!、~～")


def without_leading(text: str, words: tuple[str, ...]) -> str:
    """The sentence without its first clauses that are only one of `words` ("好的 我明早八点就
    过去" → "我明早八点就过去"); the sentence as it is when nothing else is left."""
    parts = clauses(text)
    start = 0
    while start < len(parts) and parts[start][0].strip(" ，,。！!~～") in words:
        start += 1
    if start == len(parts):
        return text
    return "".join(c + sep for c, sep in parts[start:]).strip(" ，,。；;！!、~～")


def blanked(text: str, words: Iterable[str]) -> str:
    """`text` with each of `words` blanked to spaces of its length, offsets kept ("听说明天要停水"
    → "  明天要停水": what the words run into is not read as another word)."""
    for word in words:
        text = text.replace(word, " " * len(word))
    return text


def reworded(text: str, words: Mapping[str, str]) -> str:
    """`text` with each of `words` replaced by its own wording, longest first, in one pass
    ("让她打12345问" → "可以打12345问"; "让他们" kept when listed as itself)."""
    if not words:
        return text
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    return pattern.sub(lambda m: words[m.group(0)], text).strip(" ，,。；;！!、~～")
