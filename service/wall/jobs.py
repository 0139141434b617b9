"""The weekly 回音壁 digest: every hour at the configured minute the job looks whether this
week's digest moment (config/wall.yaml) has come, outside the quiet hours (config/tickets.yaml,
the one definition), and not longer ago than `catch_up_hours`; then each resident group bound
to a building that has not had this week's digest gets it. A digest is sent once per group and
week: the row in wall_digests (and the outbox key wall:<group>:<week>) survive a restart."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from service.community import Community
from service.db import transaction
from service.outbox import Notice, already_queued, enqueue
from service.scheduling import Scheduling, runtime
from service.wall import digest
from service.wall.config import WallConfig, current_config
from service.wall.models import WallDigest

log = logging.getLogger(__name__)

DIGEST_JOB = "wall:digest"
LIKE_EXAMPLE = "#{n} 点赞"  # when the table has no `like` row


def setup(scheduling: Scheduling) -> None:
    scheduling.cron(
        DIGEST_JOB,
        run_digests,
        minute=current_config().time.minute,
        misfire_grace_time=timedelta(minutes=50),
    )


def run_digests() -> None:
    rt = runtime()
    send_digests(rt.factory, rt.community, current_config(), rt.clock.now())


def send_digests(
    factory: sessionmaker[Session], community: Community, config: WallConfig, now: datetime
) -> int:
    """Queue this week's digest for every resident group that has not had it; how many."""
    zone = community.zone
    if community.policy.quiet_hours.contains(now, zone):
        return 0
    week = digest.last_week(now, config, zone)
    if now >= week.end + timedelta(hours=config.catch_up_hours):
        return 0
    row = community.words.verb("like")
    example = row.example if row is not None else LIKE_EXAMPLE
    sent = 0
    with transaction(factory) as session:
        for group in community.groups:
            if group.kind != "resident" or group.building is None:
                continue
            cause = f"wall:{group.name}:{week.key}"
            if already_queued(session, cause) or sent_text(session, group.name, week.key):
                continue
            wall = digest.building_wall(session, community, config, group.building, week, now)
            text = digest.digest_text(wall, zone, config, example)
            if text is None:
                continue
            enqueue(session, cause, [Notice(text, group=group.name)], now)
            session.add(WallDigest(group_name=group.name, week=week.key, text=text, sent_at=now))
            sent += 1
    if sent:
        log.info("wall: %d digests queued for %s", sent, week.key)
    return sent


def sent_text(session: Session, group: str, week: str) -> str | None:
    """The digest as it was sent to `group` for `week`, if it was."""
    stmt = select(WallDigest.text).where(WallDigest.group_name == group, WallDigest.week == week)
    return session.scalar(stmt)
