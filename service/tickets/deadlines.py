"""When a ticket is due to be claimed and resolved, from the community's time limits.

The claim clock starts when the ticket is opened; the resolve clock restarts when a resident's
不满意 reopens it. Step k of the escalation ladder falls due at k times the limit."""

from __future__ import annotations

from datetime import datetime

from service.community import Community
from service.community.policy import Duration
from service.models import Ticket


def claim_limit(ticket: Ticket, community: Community) -> Duration:
    return community.policy.limit_for(ticket.emergency, ticket.subcategory).claim


def resolve_limit(ticket: Ticket, community: Community) -> Duration:
    if ticket.complex:
        return community.policy.complex_resolve
    return community.policy.limit_for(ticket.emergency, ticket.subcategory).resolve


def claim_due(ticket: Ticket, community: Community, step: int = 1) -> datetime:
    return claim_limit(ticket, community).after(ticket.created_at, community.zone, step)


def resolve_due(ticket: Ticket, community: Community, step: int = 1) -> datetime:
    start = ticket.reopened_at or ticket.created_at
    return resolve_limit(ticket, community).after(start, community.zone, step)


def due_times(ticket: Ticket, community: Community) -> tuple[datetime, datetime]:
    return claim_due(ticket, community), resolve_due(ticket, community)
