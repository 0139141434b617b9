"""Scheduled ticket work: time limits, unanswered questions, unrated tickets, morning digest.

Each job runs in one transaction and writes what it says to the outbox with a key derived
from what happened, so running a job twice for the same moment says nothing twice."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from service.community import Community
from service.db import transaction
from service.models import OutboxMessage
from service.outbox import enqueue
from service.tickets import escalation, flows


def sweep_tickets(factory: sessionmaker[Session], community: Community, now: datetime) -> int:
    """Expire place questions, close unrated tickets, climb the escalation ladder."""
    with transaction(factory) as session:
        notices = flows.expire_place_questions(session, community, now)
        flows.close_unrated(session, community, now)
        notices += escalation.sweep_deadlines(session, community, now)
        enqueue(session, f"sweep:{now.isoformat()}", notices, now)
    return len(notices)


def overdue_digest(factory: sessionmaker[Session], community: Community, now: datetime) -> int:
    """The 09:00 list; keyed by the local date so a second run that day says nothing."""
    day = now.astimezone(community.zone).date().isoformat()
    with transaction(factory) as session:
        notices = escalation.overdue_digest(session, community, now)
        if notices and not _already_sent(session, day):
            enqueue(session, f"digest:{day}", notices, now)
            return len(notices)
    return 0


def _already_sent(session: Session, day: str) -> bool:
    key = f"digest:{day}:0"
    stmt = select(OutboxMessage.id).where(OutboxMessage.idempotency_key == key)
    return session.scalar(stmt) is not None
