"""Scheduled ticket work: time limits, unanswered questions, unrated tickets, morning digest.

Each job runs in one transaction and writes what it says to the outbox with a key derived
from what happened, so running a job twice for the same moment says nothing twice."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from service.community import Community
from service.db import transaction
from service.outbox import Notice, already_queued, enqueue
from service.scheduling import Scheduling, runtime
from service.tickets import escalation, flows

SWEEP_JOB = "tickets:sweep"
# An emergency's limit falling due between two sweeps is acted on at its minute (below).
EMERGENCY_DUE_JOB = "tickets:emergency-due"
DIGEST_JOB = "tickets:overdue-digest"
# Deadlines are checked this often: a reminder comes at most this late (the simulator runs
# every sweep, so shorter costs test time).
SWEEP_EVERY = timedelta(minutes=10)
# The night's summary is still sent by the first sweep this long after the quiet hours, when the
# service was down at their end (a restart at 07:30 had lost it: days 32 and 33).
MORNING_CATCH_UP = timedelta(hours=3)


def setup(scheduling: Scheduling) -> None:
    scheduling.every(SWEEP_JOB, run_sweep, SWEEP_EVERY, misfire_grace_time=timedelta(hours=1))
    digest = scheduling.core.community.policy.digest_time
    scheduling.cron(
        DIGEST_JOB,
        run_overdue_digest,
        hour=digest.hour,
        minute=digest.minute,
        misfire_grace_time=timedelta(hours=2),
    )


def run_sweep() -> None:
    rt = runtime()
    now = rt.clock.now()
    sweep_tickets(rt.factory, rt.community, now)
    plan_emergency_due(rt.scheduling, now)


def run_emergency_due() -> None:
    rt = runtime()
    now = rt.clock.now()
    sweep_emergencies(rt.factory, rt.community, now)
    plan_emergency_due(rt.scheduling, now)


def plan_emergency_due(scheduling: Scheduling, now: datetime) -> None:
    """Plan a run at the first emergency limit falling due before the next sweep. Every limit
    of an emergency is at least one sweep away when it starts (15 minutes to claim), so the
    sweep before it always sees it: the duty staff and the street hear it on its minute, not
    up to a sweep later (street trials 6 and 7)."""
    core = scheduling.core
    with core.factory() as session:
        due = escalation.next_emergency_due(session, core.community, now, now + SWEEP_EVERY)
    if due is not None:
        scheduling.at(
            EMERGENCY_DUE_JOB, run_emergency_due, due, misfire_grace_time=timedelta(hours=1)
        )


def sweep_emergencies(factory: sessionmaker[Session], community: Community, now: datetime) -> int:
    """Climb the emergencies whose limits fell due; the rest waits for the sweep."""
    with transaction(factory) as session:
        notices = escalation.sweep_deadlines(session, community, now, emergencies_only=True)
        enqueue(session, f"{escalation.SWEEP_CAUSE}due:{now.isoformat()}", notices, now)
    return len(notices)


def run_overdue_digest() -> None:
    rt = runtime()
    overdue_digest(rt.factory, rt.community, rt.clock.now())


def sweep_tickets(factory: sessionmaker[Session], community: Community, now: datetime) -> int:
    """Expire place questions, close unrated tickets, climb the escalation ladder.

    Quiet hours (config/tickets.yaml): only emergencies climb; at the first sweep after them
    the rest climbs, and each group gets one summary with the night's new tickets. Several
    reminders for one group in one sweep are always sent as one message."""
    quiet = community.policy.quiet_hours
    zone = community.zone
    with transaction(factory) as session:
        if quiet.contains(now, zone):
            notices = escalation.sweep_deadlines(session, community, now, emergencies_only=True)
            enqueue(session, f"{escalation.SWEEP_CAUSE}{now.isoformat()}", notices, now)
            return len(notices)
        notices = flows.expire_place_questions(session, community, now)
        flows.close_unrated(session, community, now)
        overdue = escalation.sweep_deadlines(session, community, now)
        overdue = escalation.within_daily_limit(session, community, overdue, now)
        previous = now - SWEEP_EVERY
        # the end of the last quiet period (today's 07:00 from 07:00 on)
        ended = quiet.ends_after(now - timedelta(days=1), zone)
        morning = f"{escalation.SWEEP_CAUSE}morning:{ended.isoformat()}"
        night: list[Notice] = []
        if quiet.contains(previous, zone):
            started = quiet.started_before(previous, zone)
            night = escalation.morning_summary(session, community, started, now)
        elif now - ended <= MORNING_CATCH_UP and not already_queued(session, morning):
            # no sweep ran at the end of the night: its summary is still owed
            started = quiet.started_before(ended - SWEEP_EVERY, zone)
            night = escalation.morning_summary(session, community, started, ended)
        if night or quiet.contains(previous, zone):
            summary = escalation.one_per_group(night + overdue, heading=MORNING_HEADING)
            enqueue(session, morning, notices + summary, now)
            return len(notices) + len(summary)
        notices += escalation.one_per_group(overdue)
        enqueue(session, f"{escalation.SWEEP_CAUSE}{now.isoformat()}", notices, now)
    return len(notices)


MORNING_HEADING = "【早间汇总】夜间等待的新工单、居民补充和超时提醒："


def overdue_digest(factory: sessionmaker[Session], community: Community, now: datetime) -> int:
    """The working-day morning list; keyed by the local date so it goes out once a day."""
    cause = f"digest:{now.astimezone(community.zone).date().isoformat()}"
    if community.policy.quiet_hours.contains(now, community.zone):
        return 0  # the morning summary after the quiet hours lists what is overdue
    with transaction(factory) as session:
        if already_queued(session, cause):
            return 0
        # What falls due this very minute climbs first, so the list leaves out what that says
        # (one ticket once per group), whichever of the sweep and the list runs first.
        climbed = escalation.sweep_deadlines(session, community, now)
        climbed = escalation.within_daily_limit(session, community, climbed, now)
        climb_cause = f"{escalation.SWEEP_CAUSE}digest:{now.isoformat()}"
        enqueue(session, climb_cause, escalation.one_per_group(climbed), now)
        told_since = now - SWEEP_EVERY
        notices = escalation.overdue_digest(session, community, now, told_since=told_since)
        if not notices:
            return 0
        enqueue(session, cause, notices, now)
    return len(notices)
