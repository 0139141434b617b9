"""When a ticket is due to be claimed and resolved, from the community's time limits.

The claim clock starts when the ticket is opened; both clocks start again when it is handed to
another group (a transfer or 收回: the new group has to claim it), and the resolve clock
restarts when a resident's 不满意 reopens it. A non-emergency opened in the quiet hours
(config/tickets.yaml) starts its clocks when they end: nobody was told of it before. Step k of
the escalation ladder falls due at k times the limit.

This module is the one definition of "late": a ticket in hand that nobody has claimed is late
to be claimed from its claim time; any ticket in hand is late to be resolved from its resolve
time; a time limit falls due at its instant. An emergency its resident said is over ("孩子找到
了", `over_said_at`) is late for nothing: it waits for its group to check and resolve it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from service.community import Community
from service.community.policy import Duration
from service.tickets import states


class Timed(Protocol):
    """What the time limits read from a ticket: a Ticket, or a lighter row with these fields
    (the dashboard checks thousands of tickets per page view)."""

    @property
    def created_at(self) -> datetime: ...
    @property
    def emergency(self) -> bool: ...
    @property
    def subcategory(self) -> str | None: ...
    @property
    def complex(self) -> bool: ...
    @property
    def reopened_at(self) -> datetime | None: ...
    @property
    def assigned_at(self) -> datetime | None: ...


class Tracked(Timed, Protocol):
    """What "late" reads besides the time limits: the state and whether it was claimed."""

    @property
    def state(self) -> str: ...
    @property
    def claimed_at(self) -> datetime | None: ...
    @property
    def over_said_at(self) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class Late:
    what: Literal["claim", "resolve"]
    due: datetime


def claim_limit(ticket: Timed, community: Community) -> Duration:
    return community.policy.limit_for(ticket.emergency, ticket.subcategory).claim


def resolve_limit(ticket: Timed, community: Community) -> Duration:
    if ticket.complex:
        return community.policy.complex_resolve
    return community.policy.limit_for(ticket.emergency, ticket.subcategory).resolve


def clock_start(ticket: Timed, community: Community, moment: datetime) -> datetime:
    quiet = community.policy.quiet_hours
    if ticket.emergency or not quiet.contains(moment, community.zone):
        return moment
    return quiet.ends_after(moment, community.zone)


def claim_due(ticket: Timed, community: Community, step: int = 1) -> datetime:
    start = clock_start(ticket, community, ticket.assigned_at or ticket.created_at)
    return claim_limit(ticket, community).after(start, community.zone, step)


def resolve_due(ticket: Timed, community: Community, step: int = 1) -> datetime:
    restarts = [t for t in (ticket.reopened_at, ticket.assigned_at) if t is not None]
    start = clock_start(ticket, community, max(restarts, default=ticket.created_at))
    return resolve_limit(ticket, community).after(start, community.zone, step)


_DueKey = tuple[datetime, bool, str | None, bool, datetime | None, datetime | None]
_MEMO_TICKETS = 200_000  # due times kept per community, about 300 bytes each
_MEMO_COMMUNITIES = 64
_memos: dict[int, tuple[Community, dict[_DueKey, tuple[datetime, datetime]]]] = {}


def due_times(ticket: Timed, community: Community) -> tuple[datetime, datetime]:
    """When a ticket is due to be claimed and resolved (step 1).

    Remembered per community and per the fields the limits read, so a dashboard or the street
    overview checking thousands of open tickets on every view works each one out once: the
    community's configuration is frozen and the holiday calendar is fixed data, so the same
    fields always give the same times, and a ticket whose fields change gets a new key."""
    entry = _memos.get(id(community))
    if entry is None or entry[0] is not community:
        if len(_memos) >= _MEMO_COMMUNITIES:
            _memos.clear()
        entry = _memos[id(community)] = (community, {})
    memo = entry[1]
    key = (
        ticket.created_at,
        ticket.emergency,
        ticket.subcategory,
        ticket.complex,
        ticket.reopened_at,
        ticket.assigned_at,
    )
    found = memo.get(key)
    if found is None:
        if len(memo) >= _MEMO_TICKETS:
            memo.clear()
        found = memo[key] = (claim_due(ticket, community), resolve_due(ticket, community))
    return found


def passed(due: datetime, now: datetime) -> bool:
    """A time limit falls due at its instant: the reminder goes then, and every list counts it."""
    return due <= now


def awaiting_claim(ticket: Tracked) -> bool:
    return ticket.state in states.ACTIVE and ticket.claimed_at is None


@dataclass(frozen=True, slots=True)
class Due:
    """When a ticket in hand falls late, for what: its claim time while nobody has claimed it,
    then its resolve time. Kept by the street overview, which checks thousands of open
    tickets against a new `now` on every visit."""

    claim: datetime | None  # None: claimed already
    resolve: datetime

    def late_at(self, now: datetime) -> Late | None:
        if self.claim is not None and passed(self.claim, now):
            return Late("claim", self.claim)
        return Late("resolve", self.resolve) if passed(self.resolve, now) else None


def due(ticket: Tracked, community: Community) -> Due | None:
    """None: late for nothing (not in hand, or its emergency said over)."""
    if ticket.state not in states.ACTIVE or ticket.over_said_at is not None:
        return None
    claim, resolve = due_times(ticket, community)
    return Due(claim if awaiting_claim(ticket) else None, resolve)


def late(ticket: Tracked, community: Community, now: datetime) -> Late | None:
    """Whether a ticket is late, and for what: the claim first, then the resolution."""
    found = due(ticket, community)
    return found.late_at(now) if found is not None else None
