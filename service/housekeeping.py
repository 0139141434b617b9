"""Daily housekeeping: seen message ids and sent outbox rows are deleted once they are older than
the retention in config/tickets.yaml (`retention`, 90 days by default). Tickets, their events
and the audit trails are kept."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from service.db import transaction
from service.models import OutboxMessage, SeenMessage
from service.scheduling import Scheduling, runtime

log = logging.getLogger(__name__)

PRUNE_JOB = "housekeeping:prune"


def setup(scheduling: Scheduling) -> None:
    scheduling.cron(PRUNE_JOB, run_prune, hour=3, minute=30, misfire_grace_time=timedelta(hours=12))


def run_prune() -> None:
    rt = runtime()
    with transaction(rt.factory) as session:
        prune(session, rt.clock.now(), rt.community.policy.retention.span())


def prune(session: Session, now: datetime, keep: timedelta) -> tuple[int, int]:
    """Delete what is older than `keep`; returns (seen message ids, sent outbox rows)."""
    cutoff = now - keep
    seen = session.execute(delete(SeenMessage).where(SeenMessage.seen_at < cutoff))
    sent = session.execute(
        delete(OutboxMessage).where(OutboxMessage.state == "sent", OutboxMessage.sent_at < cutoff)
    )
    counts = (int(getattr(seen, "rowcount", 0)), int(getattr(sent, "rowcount", 0)))
    if any(counts):
        log.info("pruned %d seen message ids and %d sent outbox rows", *counts)
    return counts
