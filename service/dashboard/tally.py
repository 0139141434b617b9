"""A community's tickets in hand and its months' counts, kept in memory between looks and
brought up to date from what changed since the last one.

The street overview reads every community of the street on every visit: read afresh, thirty
communities of a busy year took 1.5 s. A tally reads a community once, then on each look asks
its storage only whether anything changed (the newest audit event and update time, two index
lookups) and, if so, reads again just the tickets that changed. Every change to a ticket records
an audit event and stamps `updated_at` (service.tickets.flows._record).

What "late" and the figures mean stays where it is defined: each ticket's time limits come from
service.tickets.deadlines (`due`), a month's counts from service.tickets.stats (`counts_of`,
`counted`); a ticket that changed is taken out of the counts as it was and put back as it is.

Ids are given out before commit, so a change is looked for a little before the last one seen
(OVERLAP events, SLACK of update time), and a tally is read afresh now and then (REFRESH, spread
so thirty communities do not all fall due on one visit)."""

from __future__ import annotations

import heapq
import random
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, select, union
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from service.community import Community
from service.models import Ticket, TicketEvent
from service.tickets import deadlines, states
from service.tickets.deadlines import Due, Late
from service.tickets.stats import (
    COUNTED_COLUMNS,
    Counted,
    Counts,
    counted,
    counts_of,
    pending_of,
)

OVERLAP = 50  # audit events read again before the newest one seen
SLACK = timedelta(minutes=1)  # update times read again before the newest one seen
REFRESH = 600.0  # seconds after which a tally is read afresh (times 1 to 1.5)
PERIODS = 4  # months kept per community
KEPT = 256  # communities kept (a process serves one street; tests open many storages)


@dataclass(frozen=True, slots=True)
class _Row(Counted):
    """A ticket as a tally reads it: what the figures count and what "late" reads."""

    id: int
    building: str | None
    over_said_at: datetime | None


_COLUMNS = (Ticket.id, Ticket.building, Ticket.over_said_at, *COUNTED_COLUMNS)


@dataclass(frozen=True, slots=True)
class _InHand:
    emergency: bool
    due: Due | None


@dataclass
class _Period:
    rows: dict[int, _Row]
    counts: Counts


@dataclass(frozen=True)
class Reading:
    """A community as it stands at `now`, and the counts of the months asked for."""

    active: int
    late_count: int
    late: list[tuple[int, Late]]  # the most overdue (ticket number, for what), first first
    emergency_count: int
    emergencies: list[int]  # open emergencies' numbers, oldest first
    counts: list[Counts]  # one per month asked for, in order


Mark = tuple[int | None, datetime | None]  # the newest audit event and update time


@dataclass
class _Tally:
    community: Community
    mark: Mark
    read_at: float
    expires: float
    in_hand: dict[int, _InHand] = field(default_factory=dict)
    periods: OrderedDict[tuple[datetime, datetime], _Period] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)


_tallies: dict[tuple[Engine, str], _Tally] = {}
_tallies_lock = threading.Lock()


def read(
    session: Session,
    community: Community,
    now: datetime,
    months: Sequence[tuple[datetime, datetime]],
    shown: int,
) -> Reading:
    """Where a community stands at `now` (tickets in hand, late ones, open emergencies; at most
    `shown` of each listed) and the community-wide counts of each month [start, end)."""
    conn = session.connection()
    tally = _tally_for(conn, community)
    with tally.lock:
        _bring_up_to_date(conn, tally)
        counts = [_counts_at(_period(conn, tally, start, end), tally, now) for start, end in months]
        late: list[tuple[int, Late]] = []
        emergencies = []
        for number, held in tally.in_hand.items():
            found = held.due.late_at(now) if held.due is not None else None
            if found is not None:
                late.append((number, found))
            if held.emergency:
                emergencies.append(number)
        return Reading(
            active=len(tally.in_hand),
            late_count=len(late),
            late=heapq.nsmallest(shown, late, key=lambda x: (x[1].due, x[0])),
            emergency_count=len(emergencies),
            emergencies=heapq.nsmallest(shown, emergencies),
            counts=counts,
        )


def _tally_for(conn: Connection, community: Community) -> _Tally:
    key = (conn.engine, community.name)
    with _tallies_lock:
        tally = _tallies.get(key)
        if tally is None or tally.community is not community or time.monotonic() > tally.expires:
            if len(_tallies) >= KEPT:
                _tallies.clear()
            tally = _tallies[key] = _Tally(community, (None, None), 0.0, 0.0)
        return tally


def _mark(conn: Connection) -> Mark:
    newest = select(
        select(func.max(TicketEvent.id)).scalar_subquery(),
        select(func.max(Ticket.updated_at)).scalar_subquery(),
    )
    event, updated = conn.execute(newest).one()
    return event, updated


def _bring_up_to_date(conn: Connection, tally: _Tally) -> None:
    mark = _mark(conn)
    if tally.read_at == 0.0 or _went_back(tally.mark, mark):
        _read_afresh(conn, tally, mark)
    elif mark != tally.mark:
        _apply(tally, _rows(conn, _changed_since(tally.mark)))
        tally.mark = mark


def _went_back(seen: Mark, mark: Mark) -> bool:
    """A storage restored from an older backup: nothing read before can be trusted."""
    (seen_event, seen_updated), (event, updated) = seen, mark
    return (seen_event or 0) > (event or 0) or (
        seen_updated is not None and (updated is None or updated < seen_updated)
    )


def _read_afresh(conn: Connection, tally: _Tally, mark: Mark) -> None:
    rows = _rows(conn, Ticket.state.in_(states.ACTIVE))
    tally.in_hand = {row.id: _held(row, tally.community) for row in rows}
    tally.periods.clear()
    tally.mark = mark
    tally.read_at = time.monotonic()
    tally.expires = tally.read_at + REFRESH * (1 + random.random() / 2)


def _changed_since(mark: Mark) -> ColumnElement[bool]:
    event, updated = mark
    recent = select(TicketEvent.ticket_id).where(TicketEvent.id > (event or 0) - OVERLAP)
    if updated is None:
        return Ticket.id.in_(recent)
    # A union, not an OR: each side is an index range (an OR read every ticket, 11 ms a look).
    touched = select(Ticket.id).where(Ticket.updated_at >= updated - SLACK)
    return Ticket.id.in_(union(recent, touched))


def _rows(conn: Connection, *where: ColumnElement[bool]) -> list[_Row]:
    return [_Row(**row._mapping) for row in conn.execute(select(*_COLUMNS).where(*where))]


def _held(row: _Row, community: Community) -> _InHand:
    return _InHand(row.emergency, deadlines.due(row, community))


def _apply(tally: _Tally, changed: Iterable[_Row]) -> None:
    community = tally.community
    for row in changed:
        if row.state in states.ACTIVE:
            tally.in_hand[row.id] = _held(row, community)
        else:
            tally.in_hand.pop(row.id, None)
        for (start, end), period in tally.periods.items():
            before = period.rows.pop(row.id, None)
            if before == row:  # read again (OVERLAP, SLACK) but unchanged
                period.rows[row.id] = row
                continue
            if before is not None:
                period.counts -= counts_of([before], community)
            if counted(row, start, end):
                period.rows[row.id] = row
                period.counts += counts_of([row], community)


def _counts_at(period: _Period, tally: _Tally, now: datetime) -> Counts:
    """A month's counts as read at `now`: what is still in hand and not yet due is left out of
    the rates that ask whether it was done in time (stats.pending_of)."""
    in_hand = (period.rows[n] for n in tally.in_hand if n in period.rows)
    return period.counts + pending_of(in_hand, tally.community, now)


def _period(conn: Connection, tally: _Tally, start: datetime, end: datetime) -> _Period:
    key = (start, end)
    period = tally.periods.get(key)
    if period is None:
        period_of = Ticket.created_at >= start, Ticket.created_at < end
        rows = {row.id: row for row in _rows(conn, *period_of) if counted(row, start, end)}
        period = tally.periods[key] = _Period(rows, counts_of(list(rows.values()), tally.community))
        while len(tally.periods) > PERIODS:
            tally.periods.popitem(last=False)
    tally.periods.move_to_end(key)
    return period
