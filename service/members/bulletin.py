"""一月一通报, 一季一评比: the monthly bulletin (for the month just ended) and the quarterly
ranking, as data; `messages` words them. Sent on the first working day at 09:00 (jobs.py), and
shown on the dashboard and in the monthly .xlsx report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import takewhile
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.community import Community
from service.dashboard.periods import month_start, next_month, previous_month
from service.events.models import SCHEDULED, Event
from service.holidays import is_working_day
from service.members import points
from service.members.rules import current_rules
from service.tickets.stats import Figures, Scope, cached_figures

QUARTER_FIRST_MONTHS = (1, 4, 7, 10)


@dataclass(frozen=True)
class Bulletin:
    community: str
    start: datetime
    end: datetime
    received: int
    resolved: int
    grids: list[tuple[str, Figures]]
    top_members: list[tuple[str, int]]
    top_groups: list[tuple[str, int, int]]  # group, points, members
    meetings: int  # meetings held: those whose attendance was taken
    present: int  # attendances at those meetings
    expected: int
    volunteer_shifts: int
    volunteers: int
    top: int = 0  # how many were asked for (bulletin_top); more are listed when tied at the cut

    @property
    def is_empty(self) -> bool:
        """Nothing happened (a community that just started): no bulletin is sent."""
        return not (self.received or self.top_members or self.meetings or self.volunteer_shifts)


@dataclass(frozen=True)
class Ranking:
    community: str
    start: datetime
    end: datetime
    members: list[tuple[str, int]]
    groups: list[tuple[str, int, int]]
    top: int = 0  # how many were asked for (ranking_top); more are listed when tied at the cut

    @property
    def is_empty(self) -> bool:
        return not self.members and not any(points for _, points, _ in self.groups)

    @property
    def quarter(self) -> int:
        return (self.start.month - 1) // 3 + 1


Row = TypeVar("Row", tuple[str, int], tuple[str, int, int])


def top_with_ties(rows: list[Row], count: int) -> list[Row]:
    """The first `count` rows with points (rows are sorted by points, highest first) and
    everyone tied with the last of them: a tie is never cut."""
    earned = [row for row in rows if row[1] > 0]
    shown = earned[:count]
    if shown:
        shown += takewhile(lambda row: row[1] == shown[-1][1], earned[count:])
    return shown


def first_working_day(year: int, month: int) -> date:
    day = date(year, month, 1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def monthly(
    session: Session, community: Community, month: date, now: datetime, settle: bool = True
) -> Bulletin:
    """The bulletin of the month containing `month`; the job settles meeting points first
    (`settle`), pages and reports only read."""
    if settle:
        points.settle_events(session, community, now)
    start = month_start(month, community.zone)
    end = next_month(start)
    rules = current_rules()
    figures = cached_figures(session, community, start, end, Scope("community"), now)
    grids = [
        (
            grid.name,
            cached_figures(session, community, start, end, Scope("grid", grid.number), now),
        )
        for grid in community.grids
    ]
    held = list(
        session.scalars(
            select(Event)
            .where(Event.state == SCHEDULED, Event.starts_at >= start, Event.starts_at < end)
            .where(Event.starts_at <= now)
            .order_by(Event.starts_at, Event.id)
        )
    )
    meetings = [e for e in held if e.category == "meeting"]
    taken = [e for e in meetings if e.attendance]
    shifts = [e for e in held if e.category == "volunteer" and e.attendance]
    members = points.known_members(session, community)  # residents sign in too; not counted
    return Bulletin(
        community=community.name,
        start=start,
        end=end,
        received=figures.counted,  # not a ticket closed as 非诉求 (one definition: stats)
        resolved=figures.resolved,
        grids=grids,
        top_members=top_with_ties(
            points.ranking(session, community, start, end), rules.bulletin_top
        ),
        top_groups=top_with_ties(
            points.group_ranking(session, community, start, end), rules.bulletin_top
        ),
        meetings=len(taken),
        present=sum(len(e.attendance) for e in taken),
        expected=sum(
            len(
                set(points.expected_for_points(session, community, e))
                | {a.member_name for a in e.attendance}
            )
            for e in taken
        ),
        volunteer_shifts=len(shifts),
        volunteers=sum(1 for e in shifts for a in e.attendance if a.member_name in members),
        top=rules.bulletin_top,
    )


def quarter_start(day: date, community: Community) -> datetime:
    first_month = (day.month - 1) // 3 * 3 + 1
    return month_start(day.replace(month=first_month, day=1), community.zone)


@dataclass(frozen=True)
class Place:
    """A member's place in this quarter's ranking (None: no positive points, not ranked)."""

    first_month: int
    last_month: int
    points: int
    place: int | None
    tied: bool = False  # others share the place (并列)


def my_place(session: Session, community: Community, member: str, now: datetime) -> Place:
    """我排第几名: the quarter so far, ranked as the quarterly ranking ranks (ties share a
    place; only positive points are ranked)."""
    start = quarter_start(now.astimezone(community.zone).date(), community)
    # The whole quarter, as 我的积分 counts the whole month: an adjustment made this very
    # minute or a meeting later today already counts.
    end = quarter_start(start.astimezone(community.zone).date() + timedelta(days=95), community)
    rows = points.ranking(session, community, start, end)
    mine = next((p for name, p in rows if name == member), 0)
    place = 1 + sum(1 for _, p in rows if p > mine) if mine > 0 else None
    tied = place is not None and sum(1 for _, p in rows if p == mine) > 1
    return Place(start.month, start.month + 2, mine, place, tied)


def quarterly(
    session: Session, community: Community, day: date, now: datetime, settle: bool = True
) -> Ranking:
    """The ranking of the quarter containing `day`."""
    if settle:
        points.settle_events(session, community, now)
    start = quarter_start(day, community)
    end = next_month(next_month(next_month(start)))
    top = current_rules().ranking_top
    return Ranking(
        community.name,
        start,
        end,
        top_with_ties(points.ranking(session, community, start, end), top),
        top_with_ties(points.group_ranking(session, community, start, end), top),
        top,
    )


def last_month(today: date, community: Community) -> date:
    return previous_month(month_start(today, community.zone)).date()


def last_quarter(today: date, community: Community) -> date:
    start = quarter_start(today, community)
    return (start - timedelta(days=1)).date()
