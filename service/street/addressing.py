"""Which community a message in the street office's group is for.

Every community's bot is in the 街道党工委's group, and each community numbers its tickets from
#1, so a command there names its community first: "金茂 #1 接单", "金茂社区 #1 进度",
"【金茂社区】待办", or quotes a notice that names it. Only that community's bot acts on it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# What may stand before and after the name: "【金茂社区】#1 接单", "@金茂 待办", "金茂：#1 进度".
_OPENERS = "【[「『(（@ \t"
_CLOSERS = "】]」』)）:：,，、 \t"
_SUFFIX = "社区"


@dataclass(frozen=True)
class Addressed:
    community: str | None  # the community's full name, None when the message names none
    text: str  # the message without the name before it (a quote-reply is kept whole)


def short_name(name: str) -> str:
    """What people call a community: 金茂社区 → 金茂."""
    short = name.removesuffix(_SUFFIX)
    return short if len(short) >= 2 else name


def addressed(
    text: str, communities: Sequence[str], quote: re.Pattern[str], openers: Sequence[str] = ()
) -> Addressed:
    """The community ``text`` names first (its full or short name, after any of `openers`:
    "哦 幸福里 #2"), or the one community the notice it quotes names; with one community in
    the street, that one."""
    quoted = quote.match(text)
    body = quoted["reply"] if quoted else text
    named = _named_first(body, communities) or _named_first(_opened(body, openers), communities)
    if named is not None:
        name, rest = named
        return Addressed(name, text if quoted else rest)
    if quoted:
        # The bot's notices give the full name ("【街道督办】金茂社区 工单 #1"); people, the short.
        found = [c for c in communities if c in quoted["quoted"]] or [
            c for c in communities if short_name(c) in quoted["quoted"]
        ]
        if len(found) == 1:
            return Addressed(found[0], text)
    if len(communities) == 1:
        return Addressed(communities[0], text)
    return Addressed(None, text)


def looks_named(
    text: str, communities: Sequence[str], openers: Sequence[str] = ()
) -> Addressed | None:
    """The one community whose short name ``text`` opens with, mistyped by one letter after
    its first ("金贸那边电梯的事物业接了没", "幸福理还有啥没办的"; fifth street trial), with
    the text after it; None when none or several look so."""
    start = _opened(text, openers)
    found = []
    for name in communities:
        short = short_name(name)
        head = start[: len(short)]
        off = sum(a != b for a, b in zip(head, short, strict=False))
        # one letter off after the first ("金贸"), or any one of three or more ("心福里": street
        # trial 8, D085)
        first_kept = head[:1] == short[:1] or len(short) >= 3
        if len(head) == len(short) >= 2 and first_kept and off == 1:
            found.append(Addressed(name, start[len(short) :].lstrip(_CLOSERS)))
    return found[0] if len(found) == 1 and found[0].text else None


def _opened(text: str, openers: Sequence[str]) -> str:
    """The text after the words that open it ("哦", "请问", "嗯嗯 好的"), longest first."""
    start = text.lstrip(_OPENERS)
    ordered = sorted(openers, key=len, reverse=True)
    while (opener := next((o for o in ordered if start.startswith(o)), None)) is not None:
        start = start[len(opener) :].lstrip(_OPENERS + _CLOSERS)
    return start


def _named_first(text: str, communities: Sequence[str]) -> tuple[str, str] | None:
    start = text.lstrip(_OPENERS)
    # Longest first: "金茂花园社区" is not "金茂社区" followed by "花园…".
    spellings = sorted(
        ((spelling, name) for name in communities for spelling in {name, short_name(name)}),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    for spelling, name in spellings:
        if start.startswith(spelling):
            rest = start[len(spelling) :].lstrip(_CLOSERS)
            if rest:
                return name, rest
    return None
