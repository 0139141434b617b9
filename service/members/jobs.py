"""Standing jobs of the members slice: settle meeting points nightly, and on the first working
day of a month at 09:00 send the bulletin (and, in a new quarter, the ranking) to the community
group. Each message is keyed by its period, so a second run sends nothing twice."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from service.community import Community
from service.db import transaction
from service.members import bulletin, messages, points
from service.outbox import Notice, already_queued, enqueue
from service.scheduling import Scheduling, runtime

SETTLE_JOB = "members:settle-points"
BULLETIN_JOB = "members:bulletin"
BULLETIN_HOUR = 9


def setup(scheduling: Scheduling) -> None:
    scheduling.cron(
        SETTLE_JOB, run_settle, hour=0, minute=20, misfire_grace_time=timedelta(hours=6)
    )
    scheduling.cron(
        BULLETIN_JOB,
        run_bulletin,
        hour=BULLETIN_HOUR,
        minute=0,
        misfire_grace_time=timedelta(hours=6),
    )


def run_settle() -> None:
    rt = runtime()
    with transaction(rt.factory) as session:
        points.settle_events(session, rt.community, rt.clock.now())


def run_bulletin() -> None:
    rt = runtime()
    send_bulletins(rt.factory, rt.community, rt.clock.now())


def send_bulletins(factory: sessionmaker[Session], community: Community, now: datetime) -> int:
    """On the first working day of a month: last month's bulletin; of a quarter, also last
    quarter's ranking (each only when something happened in it). Returns how many messages
    were queued."""
    today = now.astimezone(community.zone).date()
    if today != bulletin.first_working_day(today.year, today.month):
        return 0
    sent = 0
    group = community.community_group.name
    with transaction(factory) as session:
        month = bulletin.last_month(today, community)
        cause = f"bulletin:{month:%Y-%m}"
        monthly = bulletin.monthly(session, community, month, now)
        if not monthly.is_empty and not already_queued(session, cause):
            text = messages.bulletin_text(monthly)
            enqueue(session, cause, [Notice(text, group=group)], now)
            sent += 1
        if today.month in bulletin.QUARTER_FIRST_MONTHS:
            quarter = bulletin.last_quarter(today, community)
            cause = f"ranking:{quarter.year}-Q{(quarter.month - 1) // 3 + 1}"
            ranking = bulletin.quarterly(session, community, quarter, now)
            if not ranking.is_empty and not already_queued(session, cause):
                enqueue(session, cause, [Notice(messages.ranking_text(ranking), group=group)], now)
                sent += 1
    return sent
