"""Parsing chat commands such as `#12 已处理 换了灯泡` (full-width ＃ and digits accepted)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Chat words for each ticket verb; longer words first so 已处理完 wins over 已处理.
TICKET_VERBS: dict[str, tuple[str, ...]] = {
    "resolve": (
        "已处理完毕",
        "已处理好",
        "已处理完",
        "已处理",
        "已解决",
        "已办结",
        "已修好",
        "办结",
    ),
}
_VERB_WORDS = sorted(
    ((word, verb) for verb, words in TICKET_VERBS.items() for word in words),
    key=lambda pair: -len(pair[0]),
)
_COMMAND = re.compile(
    r"^#\s*(?P<ref>[^\s#]*?)\s*(?P<verb>" + "|".join(w for w, _ in _VERB_WORDS) + r")(?P<rest>.*)$",
    re.S,
)
_LOOSE = re.compile(r"^#\s*(?P<ref>\d+)\b")
_EVENT_REF = re.compile(r"^#\s*E\s*\d", re.I)  # `#E7 …` is an event (bot/handlers/events.py)


@dataclass(frozen=True)
class TicketCommand:
    ticket_id: int | None  # None when the reference after # is not a number
    ref: str
    verb: str
    argument: str


@dataclass(frozen=True)
class UnknownTicketCommand:
    ticket_id: int


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def parse(text: str) -> TicketCommand | UnknownTicketCommand | None:
    text = normalise(text)
    if not text.startswith("#") or _EVENT_REF.match(text):
        return None
    match = _COMMAND.match(text)
    if match:
        ref = match["ref"]
        verb = dict(_VERB_WORDS)[match["verb"]]
        ticket_id = int(ref) if ref.isdigit() and len(ref) <= 10 else None
        return TicketCommand(ticket_id, ref, verb, match["rest"].strip(" ：:，,"))
    loose = _LOOSE.match(text)
    if loose and len(loose["ref"]) <= 10:
        return UnknownTicketCommand(int(loose["ref"]))
    return None
