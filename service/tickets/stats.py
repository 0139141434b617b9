"""The figures hotlines are judged by (12345 接诉即办), for a period and a scope.

- received: tickets opened in the period, not counting ones merged into another;
- counted (the rates' base): received less tickets withdrawn by the resident, closed by staff
  as not a request (非诉求) or not the community's job; the monthly bulletin's 受理;
- resolved: counted tickets resolved (waiting for the rating, or closed after it);
- response rate: claimed (or resolved straight away) within the claim limit;
- resolution rate: resolved (waiting for the rating, or closed after it);
- on-time resolution rate: resolved within the resolve limit;
- satisfaction rate: satisfied / rated (no rating counts as neither);
- reopen rate: reopened at least once / ever resolved.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from service.community import Community, Group
from service.models import Ticket, TicketEvent
from service.tickets import deadlines, states


@dataclass(frozen=True)
class Scope:
    kind: Literal["community", "grid", "building"]
    number: int | None = None

    def label(self, community: Community) -> str:
        if self.kind == "building":
            return f"{self.number}号楼"
        if self.kind == "grid":
            grid = next((g for g in community.grids if g.number == self.number), None)
            return grid.name if grid else f"网格{self.number}"
        return community.name

    def buildings(self, community: Community) -> list[str] | None:
        """None means every ticket, including ones with no building."""
        if self.kind == "building":
            return [str(self.number)]
        if self.kind == "grid":
            grid = next((g for g in community.grids if g.number == self.number), None)
            return [str(b) for b in grid.buildings] if grid else []
        return None


def scope_groups(community: Community, scope: Scope) -> tuple[set[str], set[str]]:
    """(building numbers as text, group names) a scope covers; empty sets for the community.

    A ticket belongs to a grid by its building, or by the group now handling it (a ticket with
    no building can still sit with a grid's or a building's group)."""
    if scope.kind == "community":
        return set(), set()
    buildings = set(scope.buildings(community) or [])
    groups = {g.name for g in community.groups if str(g.building) in buildings}
    if scope.kind == "grid":
        groups |= {g.group for g in community.grids if g.number == scope.number}
    return buildings, groups


def covers_building(community: Community, scope: Scope, building: str | None) -> bool:
    """A scope holds what happens in this building (None: no building named, which only the
    whole community's scope holds): where an account of that scope may file a request."""
    buildings = scope.buildings(community)
    return buildings is None or (building is not None and building in buildings)


def is_visible(community: Community, visible: Scope, ticket: Ticket) -> bool:
    """Who sees which ticket: a scope sees the tickets of its buildings and of its groups (the
    web's lists and pages, and the chat's `#12 进度` from staff)."""
    if visible.kind == "community":
        return True
    buildings, groups = scope_groups(community, visible)
    return ticket.building in buildings or ticket.assigned_group in groups


def scope_people(community: Community, scope: Scope) -> set[str] | None:
    """Configured people wholly within a scope (None: everyone): those whose every group (as
    leader or member) is one of the scope's groups. 王书记 sits in grid groups too, but also in
    the community group, so a grid's scope does not hold him."""
    if scope.kind == "community":
        return None
    _, groups = scope_groups(community, scope)
    belongs: dict[str, set[str]] = {}
    for group in community.groups:
        for name in {*group.members, *([group.leader] if group.leader else [])}:
            belongs.setdefault(name, set()).add(group.name)
    return {name for name, theirs in belongs.items() if theirs <= groups}


def grid_of(community: Community, group: Group) -> int | None:
    """The grid whose scope holds a group (None: 社区, 物业 and others above every grid)."""
    return next(
        (
            g.number
            for g in community.grids
            if group.name in scope_groups(community, Scope("grid", g.number))[1]
        ),
        None,
    )


def home_grid(community: Community, name: str) -> int | None:
    """The grid a configured person works within (None: someone above every grid)."""
    return next(
        (
            g.number
            for g in community.grids
            if name in (scope_people(community, Scope("grid", g.number)) or ())
        ),
        None,
    )


@dataclass(frozen=True)
class Figures:
    received: int
    counted: int
    resolved: int
    response_rate: float | None
    resolution_rate: float | None
    on_time_resolution_rate: float | None
    satisfaction_rate: float | None
    rated: int
    reopen_rate: float | None
    avg_claim_minutes: float | None
    avg_resolve_hours: float | None


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class Counted:
    """The columns the figures read, as a plain row: loading whole tickets for two months of a
    busy community made the dashboard's Today page slow."""

    state: str
    created_at: datetime
    emergency: bool
    subcategory: str | None
    complex: bool
    reopened_at: datetime | None
    assigned_at: datetime | None
    claimed_at: datetime | None
    resolved_at: datetime | None
    rating: str | None
    reopen_count: int


COUNTED_COLUMNS = (
    Ticket.state,
    Ticket.created_at,
    Ticket.emergency,
    Ticket.subcategory,
    Ticket.complex,
    Ticket.reopened_at,
    Ticket.assigned_at,
    Ticket.claimed_at,
    Ticket.resolved_at,
    Ticket.rating,
    Ticket.reopen_count,
)


def _period(
    community: Community, start: datetime, end: datetime, scope: Scope
) -> list[ColumnElement[bool]]:
    where = [Ticket.created_at >= start, Ticket.created_at < end, Ticket.state != states.DUPLICATE]
    buildings = scope.buildings(community)
    if buildings is not None:
        where.append(Ticket.building.in_(buildings))
    return where


@dataclass(frozen=True)
class Counts:
    """What the figures are made of, as whole numbers and sums: the counts of several
    communities add up to the street's (a rate of rates would weigh a small community as much
    as a large one)."""

    received: int = 0
    counted: int = 0
    resolved: int = 0
    responded: int = 0
    on_time: int = 0
    rated: int = 0
    satisfied: int = 0
    ever_resolved: int = 0
    reopened: int = 0
    claimed: int = 0
    claim_minutes: float = 0.0
    resolve_hours: float = 0.0
    # Not yet due at the time they were counted (`pending_of`): a ticket registered an hour ago
    # has not failed to be claimed or resolved in time, so it is in neither rate's whole yet.
    claim_pending: int = 0
    resolve_pending: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f) + getattr(other, f) for f in _COUNTS_FIELDS))

    def __sub__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f) - getattr(other, f) for f in _COUNTS_FIELDS))


_COUNTS_FIELDS = tuple(f.name for f in fields(Counts))


def figures_of(c: Counts) -> Figures:
    return Figures(
        received=c.received,
        counted=c.counted,
        resolved=c.resolved,
        response_rate=_rate(c.responded, c.counted - c.claim_pending),
        resolution_rate=_rate(c.resolved, c.counted),
        on_time_resolution_rate=_rate(c.on_time, c.counted - c.resolve_pending),
        satisfaction_rate=_rate(c.satisfied, c.rated),
        rated=c.rated,
        reopen_rate=_rate(c.reopened, c.ever_resolved),
        avg_claim_minutes=c.claim_minutes / c.claimed if c.claimed else None,
        avg_resolve_hours=c.resolve_hours / c.resolved if c.resolved else None,
    )


_CACHE_SIZE = 256
_cache: OrderedDict[tuple[object, ...], tuple[tuple[object, ...], Counts, list[Counted]]] = (
    OrderedDict()
)
_cache_lock = threading.Lock()


def cached_figures(
    session: Session,
    community: Community,
    start: datetime,
    end: datetime,
    scope: Scope,
    now: datetime,
) -> Figures:
    """compute_figures, reused while no ticket of the period changed (see cached_counts)."""
    return figures_of(cached_counts(session, community, start, end, scope, now))


def cached_counts(
    session: Session,
    community: Community,
    start: datetime,
    end: datetime,
    scope: Scope,
    now: datetime,
) -> Counts:
    """count_tickets, reused while no ticket of the period changed. Every change to a ticket
    records an audit event, so the newest event id (with the count and newest update time) tells
    whether anything moved. Last month's figures, read on every dashboard visit, rarely do."""
    stamp_stmt = (
        select(
            func.count(func.distinct(Ticket.id)),
            func.max(TicketEvent.id),
            func.max(Ticket.updated_at),
        )
        .select_from(Ticket)
        .outerjoin(TicketEvent, TicketEvent.ticket_id == Ticket.id)
        .where(*_period(community, start, end, scope))
    )
    stamp = tuple(session.connection().execute(stamp_stmt).one())
    # The storage too: the communities of a street share this process, and ids and names
    # alone could meet.
    key = (session.connection().engine, community.name, start, end, scope)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] == stamp:
            _cache.move_to_end(key)
            return hit[1] + pending_of(hit[2], community, now)
    tickets = _counted_rows(session, community, start, end, scope)
    counts = counts_of(tickets, community)
    still_open = [t for t in tickets if _still_open(t)]
    with _cache_lock:
        _cache[key] = (stamp, counts, still_open)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return counts + pending_of(still_open, community, now)


def compute_figures(
    session: Session,
    community: Community,
    start: datetime,
    end: datetime,
    scope: Scope,
    now: datetime,
) -> Figures:
    return figures_of(count_tickets(session, community, start, end, scope, now))


def count_tickets(
    session: Session,
    community: Community,
    start: datetime,
    end: datetime,
    scope: Scope,
    now: datetime,
) -> Counts:
    tickets = _counted_rows(session, community, start, end, scope)
    return counts_of(tickets, community) + pending_of(tickets, community, now)


def _counted_rows(
    session: Session, community: Community, start: datetime, end: datetime, scope: Scope
) -> list[Counted]:
    stmt = select(*COUNTED_COLUMNS).where(*_period(community, start, end, scope))
    # Core rows, not ORM rows: the ORM's per-row bookkeeping doubled the time on busy months.
    return [Counted(**row._mapping) for row in session.connection().execute(stmt)]


def counted(ticket: Counted, start: datetime, end: datetime) -> bool:
    """Whether a ticket is one of a period's (community-wide): what `_period` selects."""
    return start <= ticket.created_at < end and ticket.state != states.DUPLICATE


_NOT_COUNTED = frozenset({states.CANCELLED, states.NOT_RESPONSIBLE})


def _is_resolved(ticket: Counted) -> bool:
    return ticket.state in {states.RESOLVED, states.CLOSED} and ticket.resolved_at is not None


def _still_open(ticket: Counted) -> bool:
    """Counted in the rates and not yet resolved: what may still be pending (`pending_of`)."""
    return ticket.state not in _NOT_COUNTED and not _is_resolved(ticket)


def pending_of(tickets: Iterable[Counted], community: Community, now: datetime) -> Counts:
    """Of a period's tickets, how many are not yet due at `now` to be claimed (and are not),
    and to be resolved (and are not): the response and on-time rates leave them out until
    they are done or late. The only counts that depend on the time they are read at."""
    claim = resolve = 0
    for ticket in tickets:
        if not _still_open(ticket):
            continue
        claim_due, resolve_due = deadlines.due_times(ticket, community)
        claim += ticket.claimed_at is None and now < claim_due
        resolve += now < resolve_due
    return Counts(claim_pending=claim, resolve_pending=resolve)


def counts_of(tickets: Sequence[Counted], community: Community) -> Counts:
    """The figures' counts of a period's tickets (each `counted` in it), the same whenever
    they are read (what is not yet due is `pending_of`)."""
    base = [t for t in tickets if t.state not in _NOT_COUNTED]
    claimed_on_time = [
        t for t in base if t.claimed_at and t.claimed_at <= deadlines.due_times(t, community)[0]
    ]
    resolved = [t for t in base if _is_resolved(t)]
    on_time = [
        t
        for t in resolved
        if t.resolved_at and t.resolved_at <= deadlines.due_times(t, community)[1]
    ]
    ever_resolved = [t for t in base if t.resolved_at is not None]
    rated = [t for t in base if t.rating is not None]
    claimed = [t for t in base if t.claimed_at]
    return Counts(
        received=len(tickets),
        counted=len(base),
        resolved=len(resolved),
        responded=len(claimed_on_time),
        on_time=len(on_time),
        rated=len(rated),
        satisfied=sum(t.rating == "satisfied" for t in rated),
        ever_resolved=len(ever_resolved),
        reopened=sum(t.reopen_count > 0 for t in ever_resolved),
        claimed=len(claimed),
        claim_minutes=sum(
            (t.claimed_at - t.created_at).total_seconds() / 60 for t in claimed if t.claimed_at
        ),
        resolve_hours=sum(
            (t.resolved_at - t.created_at).total_seconds() / 3600 for t in resolved if t.resolved_at
        ),
    )


def month_of(now: datetime, community: Community) -> tuple[datetime, datetime]:
    """The start of this month and of the next, in the community's timezone."""
    start = now.astimezone(community.zone).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = (start + timedelta(days=32)).replace(day=1)
    return start, end


def readable_duration(minutes: float) -> str:
    """One unit a person reads at a glance: 40 分钟, 2.5 小时, 3.2 天."""
    if minutes < 90:
        return f"{minutes:.0f} 分钟"
    if minutes < 48 * 60:
        return f"{minutes / 60:.1f} 小时"
    return f"{minutes / 1440:.1f} 天"


def format_figures(figures: Figures, title: str) -> str:
    def pct(value: float | None) -> str:
        return "—" if value is None else f"{value:.0%}"

    lines = [
        f"{title}：受理 {figures.received} 件",
        f"响应率 {pct(figures.response_rate)}：在时限内接单的占比（未到时限的不计）",
        # the count too: "金茂上个月办结了多少" (street trial 9 S28)
        f"解决率 {pct(figures.resolution_rate)}：已经办结的占比（办结 {figures.resolved} 件）",
        f"按时办结率 {pct(figures.on_time_resolution_rate)}：在时限内办结的占比（未到时限的不计）",
        (
            f"满意率 {pct(figures.satisfaction_rate)}：评价过的 {figures.rated} 件里满意的占比"
            if figures.rated
            else "满意率 —：还没有居民评价"
        ),
        f"重开率 {pct(figures.reopen_rate)}：办结后居民不满意、重新处理的占比",
    ]
    if figures.avg_claim_minutes is not None:
        lines.append(f"平均接单用时 {readable_duration(figures.avg_claim_minutes)}：从反映到接单")
    if figures.avg_resolve_hours is not None:
        resolve = readable_duration(figures.avg_resolve_hours * 60)
        lines.append(f"平均办结用时 {resolve}：从反映到办结，只算已办结的")
    return "\n".join(lines)
