"""Every feature's standing jobs, registered whenever a scheduler starts. Add yours to SETUPS
(see service/scheduling.py for how to write and register a job)."""

from __future__ import annotations

from service import housekeeping
from service.bootstrap import Core
from service.clock import Clock, FakeClock
from service.consultations import jobs as consultation_jobs
from service.events import jobs as event_jobs
from service.members import jobs as member_jobs
from service.scheduling import BackgroundScheduling, Lease, ManualScheduling, Setup
from service.tickets import jobs as ticket_jobs
from service.visits import jobs as visit_jobs
from service.wall import jobs as wall_jobs

SETUPS: tuple[Setup, ...] = (
    event_jobs.setup,
    ticket_jobs.setup,
    member_jobs.setup,
    housekeeping.setup,
    visit_jobs.setup,
    consultation_jobs.setup,
    wall_jobs.setup,
)


def background_scheduling(
    core: Core, clock: Clock, lease: Lease | None = None, follow_often: bool = True
) -> BackgroundScheduling:
    """The scheduler of `hongqiao run` (not started yet: call start_in_background())."""
    return BackgroundScheduling(core, clock, SETUPS, lease, follow_often)


def manual_scheduling(core: Core, clock: FakeClock) -> ManualScheduling:
    """The scheduler of the simulator and tests, started; moved with run_until()."""
    scheduling = ManualScheduling(core, clock, SETUPS)
    scheduling.start()
    return scheduling
