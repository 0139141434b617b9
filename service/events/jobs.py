"""Scheduled jobs of events: planning (materialise recurring events, keep reminder jobs in step
with the events table), reminders and the organiser's summary.

Job ids are stable: `event:<id>:remind:<lead>` and `event:<id>:summary`. Outbox keys are
`event-reminder:<id>:<start>:<lead>` and `event-summary:<id>:<start>`, so a reminder is queued
once per event, occurrence and lead time however often its job fires."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.db import transaction
from service.events import flows
from service.events.leads import parse_lead
from service.events.models import SCHEDULED, Event
from service.outbox import Notice, already_queued, enqueue
from service.scheduling import Scheduling, request, runtime

log = logging.getLogger(__name__)

PLAN_JOB = "events:plan"
FOLLOW_KIND = "event"  # a request to bring one event's jobs in step (sync_after_commit)
MATERIALISE_AHEAD = timedelta(days=60)
# Reminder jobs exist for events starting within this window (leads are at most 7 days).
JOBS_AHEAD = timedelta(days=8)


def setup(scheduling: Scheduling) -> None:
    scheduling.cron(
        PLAN_JOB, plan_events, hour=0, minute=10, misfire_grace_time=timedelta(hours=12)
    )
    scheduling.follow(FOLLOW_KIND, sync_event)
    plan_events()


def plan_events() -> None:
    """Materialise recurring events and (re)register the jobs of the coming days' events."""
    rt = runtime()
    now = rt.clock.now()
    with transaction(rt.factory) as session:
        created = flows.materialise(session, rt.core.events, rt.zone, now, now + MATERIALISE_AHEAD)
        upcoming = list(
            session.scalars(
                select(Event.id).where(
                    Event.state == SCHEDULED,
                    Event.starts_at > now,
                    Event.starts_at <= now + JOBS_AHEAD,
                )
            )
        )
    if created:
        log.info("materialised %d event occurrence(s)", len(created))
    for done, event_id in enumerate(upcoming):
        if rt.scheduling.stopping:
            log.info("stopping: %d event(s) left to plan at the next start", len(upcoming) - done)
            return
        sync_event(rt.scheduling, event_id)


def sync_after_commit(session: Session, event_id: int) -> None:
    """The event's jobs follow it once this transaction commits, wherever the scheduler runs."""
    request(session, FOLLOW_KIND, event_id)


def reminder_job_id(event_id: int, lead: str) -> str:
    return f"event:{event_id}:remind:{lead}"


def summary_job_id(event_id: int) -> str:
    return f"event:{event_id}:summary"


def sync_event(scheduling: Scheduling, event_id: int) -> None:
    """Make the event's jobs match the committed event: add or move what lies ahead, remove
    what belongs to a cancelled event or an old start; leave overdue jobs to misfire handling."""
    rt = scheduling.runtime
    now = rt.clock.now()
    with transaction(rt.factory) as session:
        event = session.get(Event, event_id)
        if event is None:
            return
        live = event.state == SCHEDULED and event.starts_at <= now + JOBS_AHEAD
        start = flows.stamp(event.starts_at)
        local_start = event.starts_at.astimezone(rt.zone)
        wanted: list[tuple[str, Callable[..., None], datetime, tuple[object, ...]]] = [
            (
                reminder_job_id(event_id, spec),
                send_reminder,
                parse_lead(spec).due(local_start),
                (event_id, spec, start),
            )
            for spec in event.reminders
        ]
        if event.summary_lead and event.organiser:
            due = parse_lead(event.summary_lead).due(local_start)
            wanted.append((summary_job_id(event_id), send_summary, due, (event_id, start)))
    for job_id, func, planned, args in wanted:
        due = flows.after_quiet_hours(rt.community, planned, event.starts_at)
        existing = scheduling.get(job_id)
        if live and due > now:
            scheduling.at(job_id, func, due, args=args, misfire_grace_time=flows.REMINDER_GRACE)
        elif existing is not None and (not live or existing.args != args):
            scheduling.remove(job_id)


def send_reminder(event_id: int, lead: str, start: str) -> None:
    rt = runtime()
    now = rt.clock.now()
    _queue_once(
        f"event-reminder:{event_id}:{start}:{lead}",
        lambda session: flows.reminder(
            session, rt.community, event_id, parse_lead(lead), start, now
        ),
    )


def send_summary(event_id: int, start: str) -> None:
    rt = runtime()
    now = rt.clock.now()
    _queue_once(
        f"event-summary:{event_id}:{start}",
        lambda session: flows.summary(session, rt.community, event_id, start, now),
    )


def _queue_once(cause: str, build: Callable[[Session], list[Notice]]) -> None:
    rt = runtime()
    try:
        with transaction(rt.factory) as session:
            if already_queued(session, cause):
                log.info("%s was already queued; not again", cause)
                return
            enqueue(session, cause, build(session), rt.clock.now())
    except IntegrityError:
        log.info("%s was queued by a concurrent run; not again", cause)
