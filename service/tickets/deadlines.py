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


def due_times(ticket: Timed, community: Community) -> tuple[datetime, datetime]:
    return claim_due(ticket, community), resolve_due(ticket, community)


def passed(due: datetime, now: datetime) -> bool:
    """A time limit falls due at its instant: the reminder goes then, and every list counts it."""
    return due <= now


def awaiting_claim(ticket: Tracked) -> bool:
    return ticket.state in states.ACTIVE and ticket.claimed_at is None


def late(ticket: Tracked, community: Community, now: datetime) -> Late | None:
    """Whether a ticket is late, and for what: the claim first, then the resolution."""
    if ticket.state not in states.ACTIVE or ticket.over_said_at is not None:
        return None
    if awaiting_claim(ticket):
        due = claim_due(ticket, community)
        if passed(due, now):
            return Late("claim", due)
    due = resolve_due(ticket, community)
    return Late("resolve", due) if passed(due, now) else None
