"""The Today page: this month against last, what is late, emergencies, buildings at a glance."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.community import Community
from service.dashboard.periods import month_start, next_month, previous_month
from service.dashboard.reminders import Reminder, reminders_today
from service.dashboard.search import scope_clause
from service.dashboard.upstream import Figures, Scope, compute_figures, due_times
from service.models import Ticket
from service.tickets import states


@dataclass(frozen=True)
class Late:
    ticket: Ticket
    due: datetime
    what: str  # "claim" or "resolve"


@dataclass(frozen=True)
class BuildingTile:
    building: int
    active: int
    late: int


@dataclass(frozen=True)
class GridRow:
    number: int
    name: str
    tiles: list[BuildingTile]


@dataclass(frozen=True)
class Today:
    this_month: Figures
    last_month: Figures
    active: int
    late: list[Late]
    emergencies: list[Ticket]
    grids: list[GridRow]
    reminders: list[Reminder]


def lateness(ticket: Ticket, now: datetime) -> Late | None:
    claim_due, resolve_due = due_times(ticket)
    if ticket.state == states.OPEN and now > claim_due:
        return Late(ticket, claim_due, "claim")
    if ticket.state in states.ACTIVE and now > resolve_due:
        return Late(ticket, resolve_due, "resolve")
    return None


def active_tickets(session: Session, community: Community, scope: Scope) -> list[Ticket]:
    stmt = (
        select(Ticket)
        .where(Ticket.state.in_(states.ACTIVE), scope_clause(community, scope))
        .order_by(Ticket.id)
    )
    return list(session.scalars(stmt))


def today(session: Session, community: Community, scope: Scope, now: datetime) -> Today:
    zone = ZoneInfo(community.timezone)
    start = month_start(now.astimezone(zone).date(), zone)
    this_month = compute_figures(session, community, start, next_month(start), scope)
    last_month = compute_figures(session, community, previous_month(start), start, scope)
    active = active_tickets(session, community, scope)
    late = sorted(
        (x for x in (lateness(t, now) for t in active) if x is not None), key=lambda x: x.due
    )
    per_building = Counter(t.building for t in active)
    late_per_building = Counter(x.ticket.building for x in late)
    visible = _visible_grids(community, scope)
    grids = [
        GridRow(
            grid.number,
            grid.name,
            [
                BuildingTile(b, per_building[str(b)], late_per_building[str(b)])
                for b in grid.buildings
                if scope.kind != "building" or b == scope.number
            ],
        )
        for grid in community.grids
        if grid.number in visible
    ]
    return Today(
        this_month=this_month,
        last_month=last_month,
        active=len(active),
        late=late,
        emergencies=[t for t in active if t.emergency],
        grids=grids,
        reminders=reminders_today(session, community, now),
    )


def _visible_grids(community: Community, scope: Scope) -> set[int]:
    if scope.kind == "grid" and scope.number is not None:
        return {scope.number}
    if scope.kind == "building" and scope.number is not None:
        grid = community.grid_of_building(scope.number)
        return {grid.number} if grid else set()
    return {g.number for g in community.grids}
