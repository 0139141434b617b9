"""Parsing chat commands. Full-width ＃ and digits are accepted, spaces are optional.

- ticket verbs: `#12 接单`, `#12 已处理 换了灯泡`, `#12 转 物业`, `#12 备注 …`, `#12 重复 #10`,
  `#12 非职责 …`, `#12 复杂`, `#12 撤销`, `#12 进度`, `#12 满意`, `#12 不满意 原因`
- words: `工单 #12`, `待办`, `统计`, `我的工单`, `满意 [#12]`, `不满意 [#12] 原因`
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Chat words for each ticket verb; longer words are tried first (不满意 before 满意).
TICKET_VERBS: dict[str, tuple[str, ...]] = {
    "claim": ("接单", "认领", "领单"),
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
    "transfer": ("转办", "转给", "转交", "转"),
    "note": ("备注",),
    "merge": ("重复", "合并到", "合并"),
    "not_responsible": ("非本单位职责", "非职责"),
    "complex": ("复杂",),
    "cancel": ("撤销", "撤回"),
    "progress": ("进度", "查询", "状态"),
    "unsatisfied": ("不满意",),
    "satisfied": ("非常满意", "满意"),
}
_VERB_OF = {word: verb for verb, words in TICKET_VERBS.items() for word in words}
_VERB_ALTERNATION = "|".join(sorted(_VERB_OF, key=len, reverse=True))
_TICKET_COMMAND = re.compile(
    rf"^#\s*(?P<ref>[^\s#]*?)\s*(?P<verb>{_VERB_ALTERNATION})(?P<rest>.*)$", re.S
)
_EVENT_REF = re.compile(r"^#\s*[Ee]\d+")
_LOOSE = re.compile(r"^#\s*(?P<ref>\d+)(?!\d)")
_DETAIL = re.compile(r"^工单\s*(?:#\s*(?P<ref>\S+)|(?P<num>\d+))$")
_RATING = re.compile(
    r"^(?P<verb>不满意|非常满意|满意)\s*(?:#\s*(?P<ref>\d+))?[\s，,：:。!！]*(?P<rest>.*)$", re.S
)
_TICKET_NUMBER = re.compile(r"^#\s*(?P<ref>\d{1,10})$")
MAX_REF_DIGITS = 10


@dataclass(frozen=True)
class TicketCommand:
    ticket_id: int | None  # None when the reference after # is not a number
    ref: str
    verb: str
    argument: str


@dataclass(frozen=True)
class UnknownTicketCommand:
    """Starts with # but is no command we know; ticket_id None when no number follows."""

    ticket_id: int | None


@dataclass(frozen=True)
class WordCommand:
    """A command without a leading ticket number: 待办, 统计, 我的工单, 工单 #12."""

    verb: str
    ticket_id: int | None = None
    ref: str = ""


@dataclass(frozen=True)
class Rating:
    satisfied: bool
    ticket_id: int | None
    reason: str

    @property
    def is_bare(self) -> bool:
        """Only the verdict (and a number): clearly meant as a rating, never a new report."""
        return not self.reason


Command = TicketCommand | UnknownTicketCommand | WordCommand | Rating

_WORDS = {
    "待办": "todo",
    "待办工单": "todo",
    "统计": "stats",
    "本月统计": "stats",
    "我的工单": "mine",
}


# Only the parts commands are made of are folded (＃, full-width digits and spaces), so a
# note such as "已联系电工，明天来" keeps its punctuation.
_FOLD = str.maketrans({"＃": "#", "\u3000": " ", **{chr(0xFF10 + d): str(d) for d in range(10)}})


def normalise(text: str) -> str:
    return text.translate(_FOLD).strip()


def _number(ref: str) -> int | None:
    return int(ref) if ref.isdigit() and len(ref) <= MAX_REF_DIGITS else None


def parse(text: str) -> Command | None:
    text = normalise(text)
    if text in _WORDS:
        return WordCommand(_WORDS[text])
    detail = _DETAIL.match(text)
    if detail:
        ref = detail["ref"] or detail["num"]
        return WordCommand("detail", _number(ref), ref)
    rating = _RATING.match(text)
    if rating:
        ref = rating["ref"]
        return Rating(rating["verb"] != "不满意", int(ref) if ref else None, rating["rest"].strip())
    if not text.startswith("#") or _EVENT_REF.match(text):
        return None
    match = _TICKET_COMMAND.match(text)
    if match:
        ref = match["ref"]
        verb = _VERB_OF[match["verb"]]
        argument = match["rest"].strip(" ：:，,")
        if verb in {"satisfied", "unsatisfied"}:
            return Rating(verb == "satisfied", _number(ref), argument)
        return TicketCommand(_number(ref), ref, verb, argument)
    number = _TICKET_NUMBER.match(text)
    if number:
        return WordCommand("progress", int(number["ref"]), number["ref"])
    loose = _LOOSE.match(text)
    if loose and len(loose["ref"]) <= MAX_REF_DIGITS:
        return UnknownTicketCommand(int(loose["ref"]))
    return UnknownTicketCommand(None)


def merge_target(argument: str) -> int | None:
    """`#12 重复 #10` → 10."""
    match = re.match(r"^#?\s*(\d{1,10})\b", normalise(argument))
    return int(match[1]) if match else None
