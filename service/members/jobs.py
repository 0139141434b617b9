"""Standing jobs of the members slice: settle meeting points nightly, and on the first working
day of a month at 09:00 send the bulletin (and, in a new quarter, the ranking) to the community
group. Each message is keyed by its period, so a second run sends nothing twice."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from service.community import Community
from service.db import transaction
from service.members import bulletin, messages, points
from service.members.models import MemberBulletin
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
        cause = bulletin_cause(month)
        monthly = bulletin.monthly(session, community, month, now)
        if not monthly.is_empty and not _sent(session, cause):
            _send(session, cause, messages.bulletin_text(monthly), group, now)
            sent += 1
        if today.month in bulletin.QUARTER_FIRST_MONTHS:
            quarter = bulletin.last_quarter(today, community)
            cause = f"ranking:{quarter.year}-Q{(quarter.month - 1) // 3 + 1}"
            ranking = bulletin.quarterly(session, community, quarter, now)
            if not ranking.is_empty and not _sent(session, cause):
                _send(session, cause, messages.ranking_text(ranking), group, now)
                sent += 1
    return sent


def _sent(session: Session, cause: str) -> bool:
    return already_queued(session, cause) or sent_text(session, cause) is not None


def _send(session: Session, cause: str, text: str, group: str, now: datetime) -> None:
    """Queue it for the community group, and keep it as sent for the 党员积分 page."""
    enqueue(session, cause, [Notice(text, group=group)], now)
    session.add(MemberBulletin(cause=cause, text=text, sent_at=now))


def bulletin_cause(month: date) -> str:
    return f"bulletin:{month:%Y-%m}"


def shown_text(session: Session, month: date, monthly: bulletin.Bulletin) -> str:
    """The bulletin of `month` as staff read it (the 党员积分 page, 通报 in chat): the text as it
    was sent, else worded from the figures now."""
    return sent_text(session, bulletin_cause(month)) or messages.bulletin_text(monthly)


def sent_text(session: Session, cause: str) -> str | None:
    """The bulletin or ranking of `cause` as it was sent, if it was."""
    return session.scalar(select(MemberBulletin.text).where(MemberBulletin.cause == cause))
