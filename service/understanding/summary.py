"""A short ticket title: the clause that carries the main problem, without place words."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from service.understanding.matcher import Hit, Tokens

MAX_SUMMARY_CHARS = 16
_LEADING_FILLER = re.compile(
    r"^(?:的|在|我们|咱们|这边|那边|那个|这个|就是|还有|然后|我家的|[\s,，.。:：])+"
)
_TRAILING_FILLER = re.compile(r"(?:[\s,，.。:：]|的)+$")


def clause_span(tokens: Tokens, clause: int) -> tuple[int, int] | None:
    """Where the clause's first token starts and its last one ends (clause numbers only
    grow from token to token)."""
    first = bisect_left(tokens.clauses, clause)
    last = bisect_right(tokens.clauses, clause) - 1
    if last < first:
        return None
    return tokens.offsets[first], tokens.offsets[last] + len(tokens.words[last])


def summarise(
    text: str, tokens: Tokens, anchor: Hit | None, place_spans: tuple[tuple[int, int], ...]
) -> str:
    if anchor is None:
        return ""
    span = clause_span(tokens, anchor.clause)
    if span is None:
        return ""
    start, end = span
    pieces = []
    cursor = start
    for a, b in place_spans:
        if b <= cursor or a >= end:
            continue
        pieces.append(text[cursor : max(a, cursor)])
        cursor = max(cursor, b)
    pieces.append(text[cursor:end] if cursor < end else "")
    kept = "".join(pieces)
    clause = _TRAILING_FILLER.sub("", _LEADING_FILLER.sub("", kept))
    if len(clause) < 2:
        clause = anchor.word
    return clause[:MAX_SUMMARY_CHARS]
