"""The street office's overview: each community's four rates for a month against the month
before, and where it stands now (tickets open, late, open emergencies, and which ones to chase),
with the street's total.

Each community's figures are read from its own storage with its own time limits, and kept
between visits (service.dashboard.tally); the street's total adds their counts up."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import reduce

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.bootstrap import Core
from service.community import Community
from service.dashboard import tally
from service.dashboard.periods import month_start, next_month, previous_month
from service.dashboard.today import Standing
from service.models import Ticket
from service.tickets import deadlines, states
from service.tickets.messages import place_of, title
from service.tickets.stats import Counts, Figures, figures_of

# Tickets listed per community for the street to chase: its open emergencies, then its most
# overdue tickets.
CHASED = 10
# Communities read at once (each with its own connection) when the overview is made.
READERS = 8


@dataclass(frozen=True)
class Chased:
    """A ticket the street office may chase the community about, as it reads it."""

    number: int
    title: str
    place: str
    group: str | None
    emergency: bool
    late: str | None  # "claim" (not taken) or "resolve" (not done), when past its limit
    due: datetime | None


@dataclass(frozen=True)
class CommunityLine:
    slug: str
    name: str
    this_month: Counts
    last_month: Counts
    now: Standing
    chased: tuple[Chased, ...] = ()

    @property
    def figures(self) -> Figures:
        return figures_of(self.this_month)

    @property
    def before(self) -> Figures:
        return figures_of(self.last_month)


@dataclass(frozen=True)
class Overview:
    month: date  # the first day of the month shown
    lines: list[CommunityLine]

    @property
    def figures(self) -> Figures:
        return figures_of(reduce(Counts.__add__, (x.this_month for x in self.lines), Counts()))

    @property
    def before(self) -> Figures:
        return figures_of(reduce(Counts.__add__, (x.last_month for x in self.lines), Counts()))

    @property
    def now(self) -> Standing:
        return Standing(
            sum(x.now.active for x in self.lines),
            sum(x.now.late for x in self.lines),
            sum(x.now.emergencies for x in self.lines),
        )


def community_line(core: Core, month: date, now: datetime) -> CommunityLine:
    community = core.community
    start = month_start(month, community.zone)
    months = [(start, next_month(start)), (previous_month(start), start)]
    with core.factory() as session:
        found = tally.read(session, community, now, months, CHASED)
        return CommunityLine(
            core.slug,
            community.name,
            found.counts[0],
            found.counts[1],
            Standing(found.active, found.late_count, found.emergency_count),
            tuple(_chased(session, community, now, found)),
        )


def standing(
    session: Session,
    community: Community,
    now: datetime,
    shown: int = CHASED,
    every_open: bool = False,
) -> tuple[Standing, list[Chased]]:
    """Where the community stands now, as the street reads it: tickets in hand, late, open
    emergencies, and the ones to chase (emergencies first, then the most overdue); with
    `every_open`, the rest of the open tickets after them, oldest first ("幸福里还有哪些没办完的";
    street check 10c S16)."""
    found = tally.read(session, community, now, [], shown)
    counts = Standing(found.active, found.late_count, found.emergency_count)
    return counts, _chased(session, community, now, found, every_open)[:shown]


def _chased(
    session: Session,
    community: Community,
    now: datetime,
    found: tally.Reading,
    every_open: bool = False,
) -> list[Chased]:
    """Open emergencies first, then the most overdue of the rest (then, with `every_open`, the
    other open tickets, oldest first)."""
    late = dict(found.late)
    emergencies = set(found.emergencies)
    numbers = [*found.emergencies, *(n for n in late if n not in emergencies)][:CHASED]
    if every_open and len(numbers) < CHASED:
        rest = select(Ticket.id).where(Ticket.state.in_(states.ACTIVE), Ticket.id.not_in(numbers))
        numbers += session.scalars(rest.order_by(Ticket.id).limit(CHASED - len(numbers))).all()
    tickets = {t.id: t for t in session.scalars(select(Ticket).where(Ticket.id.in_(numbers)))}
    chased = []
    for number in numbers:
        ticket = tickets[number]
        past = late.get(number) or deadlines.late(ticket, community, now)
        chased.append(
            Chased(
                ticket.id,
                title(ticket),
                place_of(ticket).label(),
                ticket.assigned_group,
                ticket.emergency,
                past.what if past else None,
                past.due if past else None,
            )
        )
    return chased


def overview(cores: Sequence[Core], month: date, now: datetime) -> Overview:
    """Each community read on a thread of its own (its own storage and connections): most of a
    line's time is waiting for its database."""
    with ThreadPoolExecutor(min(READERS, len(cores)), thread_name_prefix="overview") as pool:
        lines = list(pool.map(lambda core: community_line(core, month, now), cores))
    return Overview(month, lines)


@dataclass(frozen=True)
class Day:
    """A community's day so far, as the street asks of it ("今天收了几件 办了几件")."""

    received: int
    emergencies: int
    closed: int
    active: int


def day_so_far(session: Session, community: Community, now: datetime) -> Day:
    """Tickets received and closed (办结: resolved) since local midnight, and those in hand."""
    return _since(session, _local_midnight(community, now))


def week_so_far(session: Session, community: Community, now: datetime) -> Day:
    """The same since Monday 00:00 of this week ("金茂这周的数据发我一下"; street check 10c S26)."""
    midnight = _local_midnight(community, now)
    return _since(session, midnight - timedelta(days=midnight.weekday()))


def month_so_far(session: Session, community: Community, now: datetime) -> Day:
    """The same since the 1st of this month, 00:00 ("两个社区一共多少件", no period said; street
    check 13 S067)."""
    midnight = _local_midnight(community, now)
    return _since(session, midnight.replace(day=1))


def _since(session: Session, start: datetime) -> Day:
    received = list(session.scalars(select(Ticket.emergency).where(Ticket.created_at >= start)))
    closed = session.scalars(select(Ticket.id).where(Ticket.resolved_at >= start)).all()
    active = session.scalars(select(Ticket.id).where(Ticket.state.in_(states.ACTIVE))).all()
    return Day(len(received), sum(1 for e in received if e), len(closed), len(active))


# Last night, as the street asks of it ("昨晚有没有紧急情况"): from this hour of the day before
# to this hour of the day it is asked (a lift at 08:37 is this morning's, not last night's).
LAST_NIGHT_FROM_HOUR = 18
LAST_NIGHT_UNTIL_HOUR = 8


def emergencies_last_night(session: Session, community: Community, now: datetime) -> list[Ticket]:
    """The emergencies reported from 18:00 of the day before to 08:00 today (昨晚), oldest
    first."""
    midnight = _local_midnight(community, now)
    since = midnight - timedelta(hours=24 - LAST_NIGHT_FROM_HOUR)
    until = midnight + timedelta(hours=LAST_NIGHT_UNTIL_HOUR)
    stmt = select(Ticket).where(
        Ticket.emergency.is_(True), Ticket.created_at >= since, Ticket.created_at < until
    )
    return list(session.scalars(stmt.order_by(Ticket.id)))


SATURDAY = 5  # datetime.weekday()


@dataclass(frozen=True)
class Weekend:
    """The last weekend as the street asks of it ("周末两个社区有没有什么事"): the tickets received
    from Saturday 00:00 to Monday 00:00 (or to now, asked on the weekend)."""

    received: int
    emergencies: list[Ticket]


def last_weekend(session: Session, community: Community, now: datetime) -> Weekend:
    midnight = _local_midnight(community, now)
    weekday = midnight.weekday()  # Monday 0 … Sunday 6
    if weekday >= SATURDAY:
        start, end = midnight - timedelta(days=weekday - SATURDAY), now
    else:
        start = midnight - timedelta(days=weekday + 2)
        end = start + timedelta(days=2)
    stmt = select(Ticket).where(Ticket.created_at >= start, Ticket.created_at < end)
    received = list(session.scalars(stmt.order_by(Ticket.id)))
    return Weekend(len(received), [t for t in received if t.emergency])


def _local_midnight(community: Community, now: datetime) -> datetime:
    local = now.astimezone(community.zone)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)
