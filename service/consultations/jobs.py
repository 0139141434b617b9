"""Standing job of the consultations slice: on the first working day of a month, at
`consultations.post_at` (config/commands.yaml; moved out of the quiet hours), last month's
most-raised problems go to the community group. Each consultation has a job at its deadline
that publishes the result (`schedule_close`, registered once the opening commits)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from service.community import Community
from service.consultations import flows, messages
from service.consultations.models import Consultation
from service.db import transaction
from service.members import bulletin
from service.outbox import Notice, already_queued, enqueue
from service.scheduling import Scheduling, request, runtime

TOP_JOB = "consultations:top-problems"
FOLLOW_KIND = "consultation"  # a request to plan one consultation's closing (schedule_close)
# A run missed by downtime still posts the same day (never in the quiet hours); a day missed
# entirely is caught up by the next day's run, within the first week of the month.
GRACE = timedelta(hours=12)
CATCH_UP = timedelta(days=7)
CLOSE_GRACE = timedelta(days=30)  # a result is still worth publishing after downtime
# The example in the monthly post closes on a real date people can copy: 10 days on, 18:00.
EXAMPLE_DEADLINE, EXAMPLE_TIME = timedelta(days=10), time(18, 0)


def post_time(community: Community) -> time:
    """The configured time, or the end of the quiet hours when it falls inside them."""
    at = community.words.consultations.post_at
    quiet = community.policy.quiet_hours
    probe = datetime.combine(datetime(2026, 1, 1).date(), at, community.zone)
    return quiet.end if quiet.contains(probe, community.zone) else at


def setup(scheduling: Scheduling) -> None:
    community = scheduling.core.community
    at = post_time(community)
    scheduling.cron(TOP_JOB, run_top, hour=at.hour, minute=at.minute, misfire_grace_time=GRACE)
    scheduling.follow(FOLLOW_KIND, _follow_close)
    # A consultation opened while no scheduler ran here (the dashboard of a standby) gets its
    # closing job when one starts; an existing job is kept as it is.
    with scheduling.core.factory() as session:
        waiting = session.execute(
            select(Consultation.id, Consultation.deadline).where(Consultation.closed_at.is_(None))
        ).all()
    for number, deadline in waiting:
        if scheduling.get(close_job(number)) is None:
            _add_close(scheduling, community, number, deadline)


def run_top() -> None:
    rt = runtime()
    send_top_problems(rt.factory, rt.community, rt.clock.now())


def top_cause(month: datetime) -> str:
    return f"consult-top:{month:%Y-%m}"


def send_top_problems(factory: sessionmaker[Session], community: Community, now: datetime) -> bool:
    """On the first working day of a month (or, after downtime, a day of the week after it):
    last month's most-raised problems, once."""
    zone = community.zone
    today = now.astimezone(zone).date()
    first = bulletin.first_working_day(today.year, today.month)
    if not first <= today < first + CATCH_UP or community.policy.quiet_hours.contains(now, zone):
        return False
    month = bulletin.last_month(today, community)
    start = datetime.combine(month, time(0), zone)
    end = datetime.combine(today.replace(day=1), time(0), zone)
    cause = top_cause(start)
    with transaction(factory) as session:
        if already_queued(session, cause):
            return False
        rows = flows.top_problems(session, start, end, community.words.consultations.top)
        if not rows:
            return False
        top = rows[0]
        example = next(
            (
                g.name
                for g in community.groups
                if g.kind == "resident"
                and g.building is not None
                and str(g.building) == top.building
            ),
            community.community_group.name,
        )
        deadline = datetime.combine(today + EXAMPLE_DEADLINE, EXAMPLE_TIME, zone)
        problems = [(p.what, p.times, p.tickets) for p in rows]
        text = messages.top_problems(month, problems, example, deadline)
        enqueue(session, cause, [Notice(text, group=community.community_group.name)], now)
    return True


def close_job(number: int) -> str:
    return f"consultations:close:{number}"


def close_at(community: Community, deadline: datetime) -> datetime:
    quiet = community.policy.quiet_hours
    return (
        quiet.ends_after(deadline, community.zone)
        if quiet.contains(deadline, community.zone)
        else deadline
    )


def schedule_close(session: Session, number: int) -> None:
    """The consultation closes at its deadline: planned once the opening commits, wherever the
    scheduler runs (the deadline is read back then)."""
    request(session, FOLLOW_KIND, number)


def _follow_close(scheduling: Scheduling, number: int) -> None:
    with scheduling.core.factory() as session:
        consultation = session.get(Consultation, number)
        if consultation is None or consultation.closed_at is not None:
            return
        deadline = consultation.deadline
    _add_close(scheduling, scheduling.core.community, number, deadline)


def _add_close(
    scheduling: Scheduling, community: Community, number: int, deadline: datetime
) -> None:
    when = close_at(community, deadline)
    scheduling.at(
        close_job(number), run_close, when, args=(number,), misfire_grace_time=CLOSE_GRACE
    )


def run_close(number: int) -> None:
    rt = runtime()
    now = rt.clock.now()
    with transaction(rt.factory) as session:
        notices = flows.close(session, rt.community, number, now)
        enqueue(session, f"consult-result:{number}", notices, now)
