"""Ticket states and the transitions between them."""

from __future__ import annotations

from typing import Final

OPEN: Final = "open"
CLAIMED: Final = "claimed"
RESOLVED: Final = "resolved"
CLOSED: Final = "closed"
REOPENED: Final = "reopened"
DUPLICATE: Final = "duplicate"
NOT_RESPONSIBLE: Final = "not_responsible"
CANCELLED: Final = "cancelled"

LABELS_ZH: Final = {
    OPEN: "待受理",
    CLAIMED: "处理中",
    RESOLVED: "已办结",
    CLOSED: "已完结",
    REOPENED: "重新处理中",
    DUPLICATE: "已合并",
    NOT_RESPONSIBLE: "非本单位职责",
    CANCELLED: "已撤销",
}

ACTIVE: Final = frozenset({OPEN, CLAIMED, REOPENED})
FINAL: Final = frozenset({CLOSED, DUPLICATE, NOT_RESPONSIBLE, CANCELLED})

TRANSITIONS: Final[dict[str, frozenset[str]]] = {
    OPEN: frozenset({OPEN, CLAIMED, RESOLVED, DUPLICATE, NOT_RESPONSIBLE, CANCELLED}),
    # claimed/reopened → open is a transfer: the new group has to claim it again.
    CLAIMED: frozenset({OPEN, RESOLVED, DUPLICATE, NOT_RESPONSIBLE, CANCELLED}),
    REOPENED: frozenset({OPEN, CLAIMED, RESOLVED, DUPLICATE, NOT_RESPONSIBLE, CANCELLED}),
    RESOLVED: frozenset({CLOSED, REOPENED}),
    CLOSED: frozenset(),
    DUPLICATE: frozenset(),
    NOT_RESPONSIBLE: frozenset(),
    CANCELLED: frozenset(),
}


# Moves only `#12 收回` makes: the group that marked a ticket 非职责 (or one above) has it
# again (day 16); a transfer of it stays refused.
TAKE_BACK_ONLY: Final[dict[str, frozenset[str]]] = {NOT_RESPONSIBLE: frozenset({OPEN})}

# Moves only `#12 不是重复` makes: a merged ticket is its own again, in the state it had.
UNMERGE_ONLY: Final[dict[str, frozenset[str]]] = {DUPLICATE: ACTIVE}


def can_move(current: str, target: str, taking_back: bool = False, unmerging: bool = False) -> bool:
    extra = TAKE_BACK_ONLY.get(current, frozenset()) if taking_back else frozenset()
    if unmerging:
        extra |= UNMERGE_ONLY.get(current, frozenset())
    return target in TRANSITIONS.get(current, frozenset()) | extra

# The kinds of audit event a closing records: the staff's words ("resolved"), or their answer to
# a resident's question, told the resident as the answer ("answered").
CLOSED_WITH_WORDS: Final = "resolved"
CLOSED_WITH_ANSWER: Final = "answered"
CLOSING_KINDS: Final = (CLOSED_WITH_WORDS, CLOSED_WITH_ANSWER)
