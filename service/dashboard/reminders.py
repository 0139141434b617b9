"""Events for the dashboard: reminders going out today and upcoming events with sign-ups."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.community import Community
from service.events.flows import leads_of
from service.events.leads import MAX_LEAD
from service.events.models import LEAVE, SCHEDULED, SIGNED_UP, WAITING, Event

UPCOMING = timedelta(days=31)


@dataclass(frozen=True)
class Reminder:
    at: datetime
    event: Event
    groups: str


@dataclass(frozen=True)
class Upcoming:
    event: Event
    signed_up: int
    waiting: int
    leave: int


def _scheduled(session: Session, start: datetime, end: datetime) -> list[Event]:
    stmt = (
        select(Event)
        .where(Event.state == SCHEDULED, Event.starts_at >= start, Event.starts_at < end)
        .order_by(Event.starts_at, Event.id)
    )
    return list(session.scalars(stmt))


def reminders_today(session: Session, community: Community, now: datetime) -> list[Reminder]:
    """Every reminder of a scheduled event that falls due today, in time order."""
    zone = ZoneInfo(community.timezone)
    today = now.astimezone(zone).date()
    found = []
    for event in _scheduled(session, now, now + MAX_LEAD + timedelta(days=1)):
        for lead in leads_of(event):
            due = lead.due(event.starts_at.astimezone(zone))
            if due.date() == today:
                audience = [*event.audience_groups, *event.audience_members]
                found.append(Reminder(due, event, "、".join(audience) or "—"))
    return sorted(found, key=lambda r: r.at)


def upcoming_events(session: Session, now: datetime, limit: int = 30) -> list[Upcoming]:
    out = []
    for event in _scheduled(session, now, now + UPCOMING)[:limit]:
        out.append(upcoming_of(event))
    return out


def upcoming_of(event: Event) -> Upcoming:
    """An event with how many people signed up, wait and are on leave (a sign-up with a
    companion counts two)."""
    counts: Counter[str] = Counter()
    for r in event.responses:
        counts[r.status] += r.seats or 1
    return Upcoming(event, counts[SIGNED_UP], counts[WAITING], counts[LEAVE])
