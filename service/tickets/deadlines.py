"""When a ticket is due to be claimed and resolved, from the community's time limits.

The claim clock starts when the ticket is opened; the resolve clock restarts when a resident's
不满意 reopens it. A non-emergency opened in the quiet hours (config/tickets.yaml) starts its
clocks when they end: nobody was told of it before. Step k of the escalation ladder falls due
at k times the limit. This module is the one definition of "late"."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from service.community import Community
from service.community.policy import Duration


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
    start = clock_start(ticket, community, ticket.created_at)
    return claim_limit(ticket, community).after(start, community.zone, step)


def resolve_due(ticket: Timed, community: Community, step: int = 1) -> datetime:
    start = clock_start(ticket, community, ticket.reopened_at or ticket.created_at)
    return resolve_limit(ticket, community).after(start, community.zone, step)


def due_times(ticket: Timed, community: Community) -> tuple[datetime, datetime]:
    return claim_due(ticket, community), resolve_due(ticket, community)
