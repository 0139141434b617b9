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
from service.dashboard.upstream import Figures, Scope, cached_figures
from service.models import Ticket
from service.tickets import deadlines, states


@dataclass(frozen=True)
class Late:
    ticket: Ticket
    due: datetime
    what: str  # "claim" or "resolve"


@dataclass(frozen=True)
class LateCount:
    ticket_id: int
    building: str | None
    due: datetime
    what: str


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
    late_count: int
    late: list[Late]  # the first SHOWN, most overdue first
    emergencies: list[Ticket]
    grids: list[GridRow]
    reminders: list[Reminder]


SHOWN = 20

# The four rate cards: name, figure, and what it counts in one line a worker understands.
RATE_CARDS = (
    ("响应率", "response_rate", "本月登记、已到接单时限的工单里，按时接单的占多少"),
    ("解决率", "resolution_rate", "本月登记的工单里，已经办结的占多少"),
    ("满意率", "satisfaction_rate", "居民评价过的工单里，评“满意”的占多少"),
    ("按时办结率", "on_time_resolution_rate", "本月登记、已到办结时限的工单里，按时办结的占多少"),
)


def lateness(ticket: Ticket, community: Community, now: datetime) -> Late | None:
    late = deadlines.late(ticket, community, now)
    return Late(ticket, late.due, late.what) if late else None


@dataclass(frozen=True, slots=True)
class _Timing:
    """What "late" reads (service.tickets.deadlines.Tracked), without a whole ticket."""

    state: str
    created_at: datetime
    emergency: bool
    subcategory: str | None
    complex: bool
    reopened_at: datetime | None
    assigned_at: datetime | None
    claimed_at: datetime | None
    over_said_at: datetime | None


@dataclass(frozen=True)
class _Active:
    count: int
    late: list[LateCount]  # most overdue first
    buildings: list[str | None]  # one per active ticket
    emergencies: int


def _late_counts(session: Session, community: Community, scope: Scope, now: datetime) -> _Active:
    """Active tickets read as plain rows: how many, which are late, where, how many are
    emergencies. Only the columns the time limits need are loaded; the limits themselves come
    from service.tickets."""
    rows = (
        session.connection()
        .execute(
            select(
                Ticket.id,
                Ticket.state,
                Ticket.building,
                Ticket.created_at,
                Ticket.emergency,
                Ticket.subcategory,
                Ticket.complex,
                Ticket.reopened_at,
                Ticket.assigned_at,
                Ticket.claimed_at,
                Ticket.over_said_at,
            ).where(Ticket.state.in_(states.ACTIVE), scope_clause(community, scope))
        )
        .all()
    )
    late = []
    for ticket_id, state, building, *timed in rows:
        found = deadlines.late(_Timing(state, *timed), community, now)
        if found is not None:
            late.append(LateCount(ticket_id, building, found.due, found.what))
    late.sort(key=lambda x: x.due)
    return _Active(len(rows), late, [row[2] for row in rows], sum(bool(row[4]) for row in rows))


@dataclass(frozen=True)
class Standing:
    """Where a community stands now: tickets open, late (service.tickets.deadlines), and open
    emergencies among them."""

    active: int
    late: int
    emergencies: int


def active_tickets(session: Session, community: Community, scope: Scope) -> list[Ticket]:
    stmt = (
        select(Ticket)
        .where(Ticket.state.in_(states.ACTIVE), scope_clause(community, scope))
        .order_by(Ticket.id)
    )
    return list(session.scalars(stmt))


def open_emergencies(
    session: Session, community: Community, scope: Scope, limit: int
) -> list[Ticket]:
    """Emergencies not yet dealt with, oldest first: they lead every list they appear in."""
    stmt = (
        select(Ticket)
        .where(Ticket.emergency, Ticket.state.in_(states.ACTIVE), scope_clause(community, scope))
        .order_by(Ticket.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def today(session: Session, community: Community, scope: Scope, now: datetime) -> Today:
    zone = ZoneInfo(community.timezone)
    start = month_start(now.astimezone(zone).date(), zone)
    this_month = cached_figures(session, community, start, next_month(start), scope, now)
    last_month = cached_figures(session, community, previous_month(start), start, scope, now)
    found = _late_counts(session, community, scope, now)
    active, late = found.count, found.late
    per_building = Counter(found.buildings)
    late_per_building = Counter(x.building for x in late)
    shown = {t.id: t for t in _tickets(session, [x.ticket_id for x in late[:SHOWN]])}
    emergencies = open_emergencies(session, community, scope, SHOWN)
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
        active=active,
        late_count=len(late),
        late=[Late(shown[x.ticket_id], x.due, x.what) for x in late[:SHOWN]],
        emergencies=emergencies,
        grids=grids,
        reminders=reminders_today(session, community, now),
    )


def _tickets(session: Session, ids: list[int]) -> list[Ticket]:
    return list(session.scalars(select(Ticket).where(Ticket.id.in_(ids)))) if ids else []


def _visible_grids(community: Community, scope: Scope) -> set[int]:
    if scope.kind == "grid" and scope.number is not None:
        return {scope.number}
    if scope.kind == "building" and scope.number is not None:
        grid = community.grid_of_building(scope.number)
        return {grid.number} if grid else set()
    return {g.number for g in community.grids}
