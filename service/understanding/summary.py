"""A short ticket title: the clause that carries the main problem, without place words."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from service.understanding.matcher import Hit, Tokens

MAX_SUMMARY_CHARS = 16
# A title shorter than this takes in the clause before it.
MIN_SUMMARY_CHARS = 6
# ... and what a place taken out of the words leaves before them ("402家的老人", "楼道里的
# 自行车": 家的, 里的). 我们 of 我们楼, 我们小区, 我们家 stays: without it "楼有个独居的
# 马爷爷" (day 22); so does 这个 of 这个月 ("月的物业费…"; day 23).
_LEADING_FILLER = re.compile(
    r"^(?:的|在|(?:我们|咱们)(?![楼小区单元院家])|这边|那边|(?:那个|这个)(?![月星礼周季年])|就是|还有|然后|"
    r"我家的|家里的|家的|里面的|里的|[啊呀哈嗯哦]|"
    # the second of two places after the first was taken out ("[3号楼]和4号楼中间那棵大香樟")
    r"[和与跟](?=\d|[一二三四五六七八九十]+号)|"
    r"[\s,，.。:：])+"
)
# A word left dangling when the place after it, ending a clause, was taken out
# ("我奶奶一个人住在[3单元201]", "我爸住在[5号楼3单元] 腿脚不好").
_BEFORE_PLACE = "在于的就"
_CLAUSE_END = " ,，.。;；:：!！?？"
_TRAILING_FILLER = re.compile(r"(?:[\s,，.。:：]|的)+$")
# Words a title cut short must not end on ("…漏水就在", "…阳台一个").
_CUT_TAIL = re.compile(
    r"(?:就在|就|在|一个|那个|这个|个|啊|呢|吧|把|被|和|跟|到|还是|还|也|按|或者|给|对|从|向|是|[\s,，.。:：]|的)+$"
)


def _without_dangling(
    text: str, at: list[int], place_spans: tuple[tuple[int, int], ...], end: int
) -> list[int]:
    """The kept positions without a word left dangling before a place taken out (住在)."""
    drop: set[int] = set()
    for a, b in place_spans:
        while (b2 := next((y for x, y in place_spans if x == b), None)) is not None:
            b = b2  # 5号楼3单元: one place told in two spans
        if b < end and text[b] not in _CLAUSE_END:
            continue  # "住在3单元的老人": the words after the place go on
        i = a - 1
        while i in at and text[i] in _BEFORE_PLACE:
            drop.add(i)
            i -= 1
    return [i for i in at if i not in drop]


def without_leading_fragment(text: str) -> str:
    """A clause without the fillers before it, and without what a place taken out of it left
    ("家的老人一个人在家" is "老人一个人在家")."""
    return _LEADING_FILLER.sub("", text)


def clause_span(tokens: Tokens, clause: int) -> tuple[int, int] | None:
    """Where the clause's first token starts and its last one ends (clause numbers only
    grow from token to token)."""
    first = bisect_left(tokens.clauses, clause)
    last = bisect_right(tokens.clauses, clause) - 1
    if last < first:
        return None
    return tokens.offsets[first], tokens.offsets[last] + len(tokens.words[last])


def _kept_length(text: str, start: int, end: int, place_spans: tuple[tuple[int, int], ...]) -> int:
    """How many characters of text[start:end] are left without place words and fillers."""
    if not place_spans:  # most messages name no place
        kept = text[start:end]
        return len(_TRAILING_FILLER.sub("", _LEADING_FILLER.sub("", kept)))
    kept = "".join(
        ch
        for i, ch in enumerate(text[start:end], start)
        if not any(a <= i < b for a, b in place_spans)
    )
    return len(_TRAILING_FILLER.sub("", _LEADING_FILLER.sub("", kept)))


# Between two clauses kept together a title shows a space ("门禁坏了 刷卡没反应"), not the
# half-width comma text cleaning left.
_BETWEEN_CLAUSES = re.compile(r"\s*[,，;；]+\s*")


def summarise(
    text: str, tokens: Tokens, anchor: Hit | None, place_spans: tuple[tuple[int, int], ...]
) -> str:
    return _BETWEEN_CLAUSES.sub(" ", _summarise(text, tokens, anchor, place_spans)).strip()


def _summarise(
    text: str, tokens: Tokens, anchor: Hit | None, place_spans: tuple[tuple[int, int], ...]
) -> str:
    if anchor is None:
        return ""
    span = clause_span(tokens, anchor.clause)
    if span is None:
        return ""
    start, end = span
    extended = False
    first = bisect_left(tokens.clauses, anchor.clause)
    if first > 0 and _kept_length(text, start, end, place_spans) < MIN_SUMMARY_CHARS:
        # "要报名吗", "说了也不听": a clause this short says nothing without the one before it.
        before = clause_span(tokens, tokens.clauses[first - 1])
        if before is not None and _kept_length(text, *before, place_spans) < 2:
            before = None  # only a place before it (2号楼停电了): the clause says it all
        if before is not None and _kept_length(text, before[0], end, place_spans) <= (
            MAX_SUMMARY_CHARS
        ):
            start, extended = before[0], True
        elif before is not None:
            start, end, extended = before[0], before[1], True  # the clause before says it
    # "谁的车堵在1号楼消防通道上了": a place inside the sentence does not end the clause.
    while (place_end := next((b for a, b in place_spans if a == end), None)) is not None:
        if place_end not in tokens.offsets:
            break
        nxt = clause_span(tokens, tokens.clauses[tokens.offsets.index(place_end)])
        if nxt is None or nxt[1] <= end:
            break
        end = nxt[1]
    at: list[int] = []  # where each kept character stands in the text
    cursor = start
    for a, b in place_spans:
        if b <= cursor or a >= end:
            continue
        at.extend(range(cursor, max(a, cursor)))
        cursor = max(cursor, b)
    at.extend(range(cursor, end))
    at = _without_dangling(text, at, place_spans, end)
    kept = "".join(text[i] for i in at)
    lead = len(kept) - len(_LEADING_FILLER.sub("", kept))
    kept, at = kept[lead:], at[lead:]
    clause = _TRAILING_FILLER.sub("", kept)
    if len(clause) < 2:
        return anchor.word[:MAX_SUMMARY_CHARS]
    if len(clause) <= MAX_SUMMARY_CHARS:
        return clause
    # Too long: keep the problem word in view, start and cut where words start (never inside
    # one), and do not end on a word that leads on.
    starts = set(tokens.offsets)
    at = at[: len(clause)]
    word_end = anchor.char_start + len(anchor.word)
    begin = next((k for k, i in enumerate(at) if i >= word_end), len(at)) - MAX_SUMMARY_CHARS
    if extended:
        begin = 0  # the clause before leads: it says what the short one is about
    begin = next((k for k in range(max(begin, 0), len(at)) if at[k] in starts), 0)
    clause, at = clause[begin:], at[begin:]
    # Started inside a phrase ("[楼道]里的自行车…"): its leftover is no part of the title.
    lead = len(clause) - len(_LEADING_FILLER.sub("", clause))
    clause, at = clause[lead:], at[lead:]
    if len(clause) <= MAX_SUMMARY_CHARS:
        return clause
    cut = next((k for k in range(MAX_SUMMARY_CHARS, 1, -1) if at[k] in starts), MAX_SUMMARY_CHARS)
    # A run-on with no punctuation ("老爷爷好几天没见着了平时每天都下楼…"): end where a told
    # thing ends (了), not in the middle of the next one (day 23).
    done = clause.rfind("了", MIN_SUMMARY_CHARS - 1, cut)
    if done >= 0:
        cut = done + 1
    short = _CUT_TAIL.sub("", clause[:cut])
    return short if len(short) >= 2 else clause[:MAX_SUMMARY_CHARS]


def with_subject(title: str, text: str, subjects: tuple[str, ...]) -> str:
    """The title, led by the person the message is about when it names none of `subjects` and
    the message does: the first named, the longest word where two start at once (老头子, not
    老头)."""
    if not title or any(s in title for s in subjects):
        return title
    found = [(text.find(s), -len(s), s) for s in subjects if s in text]
    if not found:
        return title
    subject = min(found)[2]
    for k in range(len(subject) - 1, 0, -1):
        if title.startswith(subject[-k:]):
            # "爸早上八点出门…" (its 我 taken as a filler) led by 我爸: "我爸早上八点出门…" (day 57)
            return subject + title[k:]
    return f"{subject} {title}"
