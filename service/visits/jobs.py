"""Standing job of the visits slice: every hour outside the quiet hours, remind members of
visits due and tell the groups of visits long overdue (each once; see flows.send_reminders)."""

from __future__ import annotations

from datetime import timedelta

from service.db import transaction
from service.scheduling import Scheduling, runtime
from service.visits import flows
from service.visits.config import current_households

REMIND_JOB = "visits:remind"
REMIND_EVERY = timedelta(hours=1)


def setup(scheduling: Scheduling) -> None:
    scheduling.every(REMIND_JOB, run_reminders, REMIND_EVERY, misfire_grace_time=REMIND_EVERY)


def run_reminders() -> None:
    rt = runtime()
    with transaction(rt.factory) as session:
        flows.send_reminders(
            session, rt.community, current_households(rt.community), rt.clock.now()
        )
