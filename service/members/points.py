"""The points ledger (党员积分制): every change is one row with its reason and source; totals are
sums of rows; nothing is changed in place (a correction is a row of its own).

Awards are idempotent: each cause has a stable `source_key` (e.g. `ticket:12:resolved:张三`),
so a hook called twice, a job run again or a repeated event adds nothing. The ticket and event
flows call `on_ticket` / `on_attendance` where they record the change; `settle_events` (a
daily job, and before each bulletin) counts leave and absence once attendance was taken."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community
from service.dashboard.periods import month_start, next_month, previous_month
from service.errors import InvalidInput, NotFound, NotPermitted
from service.events.models import LEAVE, SCHEDULED, Event
from service.members import messages, registration
from service.members.models import PointsEntry
from service.members.rules import MANUAL, PointsRules, current_rules
from service.models import Ticket
from service.tickets.states import CLOSING_KINDS

SYSTEM = "系统"
# Meetings further back than this are not settled again by the daily job.
SETTLE_WINDOW = timedelta(days=120)
RECENT = 5
_SATISFIED_KINDS = frozenset({"rated", "reporter_rated", "follower_rated"})


@dataclass(frozen=True)
class Award:
    member: str
    rule: str
    reason: str
    source_kind: str
    source_id: int | None
    key: str
    at: datetime


def _add(
    session: Session,
    award: Award,
    points: int,
    now: datetime,
    by: str = SYSTEM,
) -> PointsEntry | None:
    """Add the row unless its key is in the ledger already (also when another writer added it
    first: the unique key refuses the second row and only this savepoint is undone)."""
    if session.scalar(select(PointsEntry.id).where(PointsEntry.source_key == award.key)):
        return None
    entry = PointsEntry(
        member_name=award.member,
        points=points,
        rule=award.rule,
        reason=award.reason,
        source_kind=award.source_kind,
        source_id=award.source_id,
        source_key=award.key,
        at=award.at,
        recorded_at=now,
        recorded_by=by,
    )
    try:
        with session.begin_nested():
            session.add(entry)
    except IntegrityError:
        return None
    return entry


def _by_rule(session: Session, award: Award, rules: PointsRules, now: datetime) -> None:
    rule = rules.rule(award.rule)
    _add(session, replace(award, reason=f"{rule.label}：{award.reason}"), rule.points, now)


# -- hooks: tickets --------------------------------------------------------------------------


def on_ticket(session: Session, ticket: Ticket, now: datetime) -> None:
    """Award what the ticket's audit trail earned and is not in the ledger yet: +resolved for
    each person who resolved it (once per ticket), +satisfied once for the resolver when a
    resident rated 满意, −reopened for the resolver each time a resident sent it back."""
    rules = current_rules()
    resolver: str | None = None
    reopened = 0
    what = f"工单 #{ticket.id}"
    for event in ticket.events:
        if event.kind in CLOSING_KINDS and event.actor_id != "system":
            member = registration.approved_of(session, event.actor_id)
            resolver = member.name if member is not None else event.actor_name
            key = f"ticket:{ticket.id}:resolved:{resolver}"
            award = Award(resolver, "ticket_resolved", what, "ticket", ticket.id, key, event.at)
            _by_rule(session, award, rules, now)
        elif resolver is None:
            continue
        elif event.kind in _SATISFIED_KINDS and (event.note or "").startswith("满意"):
            key = f"ticket:{ticket.id}:satisfied"
            award = Award(resolver, "ticket_satisfied", what, "ticket", ticket.id, key, event.at)
            _by_rule(session, award, rules, now)
        elif event.kind == "reopened":
            reopened += 1
            key = f"ticket:{ticket.id}:reopened:{reopened}"
            award = Award(resolver, "ticket_reopened", what, "ticket", ticket.id, key, event.at)
            _by_rule(session, award, rules, now)


# -- hooks: events ---------------------------------------------------------------------------


def _event_reason(event: Event) -> str:
    return f"{event.title} {event.ref}"


def on_attendance(session: Session, community: Community, event: Event, now: datetime) -> None:
    """Award attendance for each member signed in at `event` (residents signed in earn
    nothing); a member counted absent before being signed in gets the deduction back (as a
    row of its own)."""
    rules = current_rules()
    rule = "volunteer_attended" if event.category == "volunteer" else "meeting_attended"
    members = known_members(session, community)
    for row in event.attendance:
        name = row.member_name
        if name not in members:
            continue  # a resident signed in: attendance is recorded, points are for members
        key = f"event:{event.id}:attended:{name}"
        award = Award(name, rule, _event_reason(event), "event", event.id, key, event.starts_at)
        _by_rule(session, award, rules, now)
        absent = session.scalar(
            select(PointsEntry).where(PointsEntry.source_key == f"event:{event.id}:absent:{name}")
        )
        if absent is not None and absent.points:
            undo = Award(
                name,
                "meeting_absent",
                messages.absence_undone(_event_reason(event)),
                "event",
                event.id,
                f"event:{event.id}:absent-undone:{name}",
                event.starts_at,
            )
            _add(session, undo, -absent.points, now)


def expected_at(session: Session, community: Community, event: Event) -> list[str]:
    """Who an event expects, one rule for the reminders' 未回复, the bulletin's 应到 and
    absence: for a party group, the members whose own group it is (registration.home_groups:
    staff listed in several party groups, a 书记 or 网格长, belong to none of them); for other
    groups, their configured members; and members invited by name."""
    homes = registration.home_groups(session, community)
    names: list[str] = []
    for group_name in event.audience_groups:
        group = community.group(group_name)
        if group is None:
            continue
        if group.kind == "party":
            names.extend(n for n, home in homes.items() if home == group.name)
        else:
            names.extend([*([group.leader] if group.leader else []), *group.members])
    names.extend(event.audience_members)
    return list(dict.fromkeys(names))


def expected_for_points(session: Session, community: Community, event: Event) -> list[str]:
    """Who a meeting counts as expected for absence (expected_at), less the organiser and
    whoever recorded attendance: they were there, signed in or not."""
    running = {event.organiser, *(a.recorded_by for a in event.attendance)}
    return [n for n in expected_at(session, community, event) if n not in running]


def settle_events(session: Session, community: Community, now: datetime) -> int:
    """Count leave (0) and absence without leave for meetings whose attendance was taken and
    that ended `absence_after_hours` ago. Returns how many rows were added."""
    rules = current_rules()
    wait = timedelta(hours=rules.absence_after_hours)
    stmt = select(Event).where(
        Event.state == SCHEDULED,
        Event.category == "meeting",
        Event.starts_at >= now - SETTLE_WINDOW,
        Event.starts_at <= now,
    )
    before = _count(session)
    for event in session.scalars(stmt.order_by(Event.starts_at, Event.id)):
        if not event.attendance:
            continue  # attendance never taken: nobody is counted absent
        if event.starts_at + timedelta(minutes=event.duration_minutes) + wait > now:
            continue
        on_attendance(session, community, event, now)
        present = {a.member_name for a in event.attendance}
        on_leave = {r.member_name for r in event.responses if r.status == LEAVE}
        for name in expected_for_points(session, community, event):
            if name in present:
                continue
            rule = "meeting_leave" if name in on_leave else "meeting_absent"
            kind = "leave" if name in on_leave else "absent"
            key = f"event:{event.id}:{kind}:{name}"
            award = Award(name, rule, _event_reason(event), "event", event.id, key, event.starts_at)
            _by_rule(session, award, rules, now)
    return _count(session) - before


def _count(session: Session) -> int:
    return session.scalar(select(func.count(PointsEntry.id))) or 0


# -- manual adjustments ----------------------------------------------------------------------


def known_members(session: Session, community: Community) -> set[str]:
    """Who earns points and is ranked: configured people and approved registrations."""
    return {p.name for p in community.people} | registration.approved_names(session)


def find_member(session: Session, community: Community, name: str) -> str:
    """The member named (积分调整, 设岗), spaces ignored (registration.normalise_name); an
    unknown name is answered."""
    name = registration.normalise_name(name)
    if name not in known_members(session, community):
        raise NotFound(f"no member {name!r}", messages.unknown_member(name))
    return name


def adjust(
    session: Session,
    community: Community,
    actor: Actor,
    member: str,
    points: int,
    reason: str,
    now: datetime,
) -> PointsEntry:
    """A staff adjustment with a reason: a row of its own, never a change to another row. Staff
    of the member's own party group or above may adjust (community staff for members without
    one)."""
    registration.require_member_staff(community, actor, messages.STAFF_ONLY)
    member = find_member(session, community, member)
    home = registration.home_groups(session, community).get(member)
    group = community.group(home) if home else community.community_group
    if group is None or not registration.may_manage_members(community, actor, [group]):
        raise NotPermitted(f"{actor.name} ({actor.id}) may not adjust points", messages.STAFF_ONLY)
    cap = current_rules().max_adjustment
    if points == 0 or abs(points) > cap:
        raise InvalidInput(f"adjustment {points} out of range", messages.adjust_range(cap))
    if not reason.strip():
        raise InvalidInput("an adjustment needs a reason", messages.ADJUST_HELP)
    award = Award(
        member, MANUAL, reason.strip()[:200], "manual", None, f"manual:{uuid.uuid4().hex}", now
    )
    entry = _add(session, award, points, now, by=actor.name)
    assert entry is not None  # a fresh random key
    return entry


# -- reading ---------------------------------------------------------------------------------


def total(
    session: Session, member: str, start: datetime | None = None, end: datetime | None = None
) -> int:
    stmt = select(func.coalesce(func.sum(PointsEntry.points), 0)).where(
        PointsEntry.member_name == member
    )
    if start is not None:
        stmt = stmt.where(PointsEntry.at >= start)
    if end is not None:
        stmt = stmt.where(PointsEntry.at < end)
    return int(session.scalar(stmt) or 0)


@dataclass(frozen=True)
class Period:
    """A month or a year asked about (上个月, 12月份, 去年): [start, end)."""

    start: datetime
    end: datetime
    whole_year: bool = False


def last_month_period(now: datetime, zone: ZoneInfo) -> Period:
    this = month_start(now.astimezone(zone).date(), zone)
    return Period(previous_month(this), this)


def named_month_period(now: datetime, zone: ZoneInfo, month: int) -> Period:
    """The latest month numbered `month` that has begun (12月 asked in January: last December)."""
    today = now.astimezone(zone).date()
    year = today.year if month <= today.month else today.year - 1
    start = month_start(date(year, month, 1), zone)
    return Period(start, next_month(start))


def last_year_period(now: datetime, zone: ZoneInfo) -> Period:
    year = now.astimezone(zone).year - 1
    start = month_start(date(year, 1, 1), zone)
    return Period(start, start.replace(year=year + 1), whole_year=True)


@dataclass(frozen=True)
class MyPoints:
    member: str
    month: int
    year: int
    recent: list[PointsEntry]
    asked: int = 0  # the points of `period`, when one was asked about
    period: Period | None = None


def my_points(
    session: Session,
    community: Community,
    member: str,
    now: datetime,
    period: Period | None = None,
) -> MyPoints:
    local = now.astimezone(community.zone)
    month = month_start(local.date(), community.zone)
    year = month.replace(month=1)
    recent = session.scalars(
        select(PointsEntry)
        .where(PointsEntry.member_name == member)
        .order_by(PointsEntry.at.desc(), PointsEntry.id.desc())
        .limit(RECENT)
    )
    if period is not None and period.start == month:
        period = None  # this month: the usual answer says it
    return MyPoints(
        member,
        total(session, member, month),
        total(session, member, year),
        list(recent),
        total(session, member, period.start, period.end) if period else 0,
        period,
    )


def ranking(
    session: Session, community: Community, start: datetime, end: datetime
) -> list[tuple[str, int]]:
    """Members by their points in [start, end), highest first (ties by name); ledger rows of
    anyone who is not a member (known_members) are left out."""
    stmt = (
        select(PointsEntry.member_name, func.sum(PointsEntry.points))
        .where(PointsEntry.at >= start, PointsEntry.at < end)
        .group_by(PointsEntry.member_name)
    )
    members = known_members(session, community)
    rows = [(name, int(points)) for name, points in session.execute(stmt) if name in members]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def group_ranking(
    session: Session, community: Community, start: datetime, end: datetime
) -> list[tuple[str, int, int]]:
    """Party groups by their members' points in [start, end): (group, points, members)."""
    homes = registration.home_groups(session, community)
    points: dict[str, int] = {}
    members: dict[str, int] = {}
    for home in homes.values():
        members[home] = members.get(home, 0) + 1
        points.setdefault(home, 0)
    for name, earned in ranking(session, community, start, end):
        if name in homes:
            points[homes[name]] += earned
    rows = [(group, points[group], members[group]) for group in points]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


# -- hooks: household visits (service/visits) ------------------------------------------------


def on_visit(
    session: Session,
    member: str,
    household: str,
    label: str,
    visit_id: int,
    at: datetime,
    day: date,
) -> None:
    """+household_visit for a visit to a household (党员包户): once per household and (local)
    day."""
    key = f"visit:{household}:{day:%Y-%m-%d}"
    award = Award(member, "household_visit", f"走访{label}", "visit", visit_id, key, at)
    _by_rule(session, award, current_rules(), at)
