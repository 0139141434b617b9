"""Stopping the scheduler never hangs, whatever a running job is doing (issue: SIGTERM while the
planning job was adding reminder jobs never exited, and hung CI).

APScheduler 3's own `shutdown(wait=True)` holds the job-store lock while it waits for running
jobs; a job that then adds or reads a job waits for that lock forever. These tests run a real
BackgroundScheduler on the test database with a job that waits until stopping has begun and
only then registers another job, and check that stopping finishes, the job's change is not lost
and the lease is free for the next scheduler.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta

import pytest
from apscheduler.events import EVENT_SCHEDULER_PAUSED, SchedulerEvent

from service.bootstrap import Core
from service.clock import SystemClock
from service.scheduling import BackgroundScheduling, active

ROUNDS = 25  # per variant and database: 50 stops in a row on each backend
STOP_WITHIN = 10.0  # seconds

job_started = threading.Event()
stopping_begun = threading.Event()
job_finished = threading.Event()
added_job_ran = threading.Event()
added_due_in = timedelta(days=1)


def record_added_run() -> None:
    added_job_ran.set()


def adds_a_job_once_stopping_begins() -> None:
    """Like the planning job: registers reminder jobs, here only after stopping has begun."""
    job_started.set()
    assert stopping_begun.wait(STOP_WITHIN), "stopping never began"
    scheduling = active()
    assert scheduling is not None
    scheduling.at(
        "test:added-while-stopping",
        record_added_run,
        SystemClock().now() + added_due_in,
        misfire_grace_time=timedelta(minutes=1),
    )
    job_finished.set()


def _start_with_the_job(core: Core) -> BackgroundScheduling:
    scheduling = BackgroundScheduling(core, SystemClock(), setups=())
    assert scheduling.try_start()
    scheduling.remove("test:added-while-stopping")
    scheduling.at(
        "test:adds-while-stopping",
        adds_a_job_once_stopping_begins,
        SystemClock().now(),
        misfire_grace_time=timedelta(minutes=1),
    )
    return scheduling


def _stop_in_a_thread(scheduling: BackgroundScheduling) -> threading.Thread:
    stopper = threading.Thread(target=scheduling.shutdown, name="test-stopper", daemon=True)
    stopper.start()
    return stopper


def _reset() -> None:
    for flag in (job_started, stopping_begun, job_finished, added_job_ran):
        flag.clear()


@pytest.mark.parametrize("variant", ["job-waits-for-the-stop", "job-races-the-stop"])
def test_stopping_while_a_job_adds_a_job_finishes_and_keeps_the_change(
    core: Core, variant: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Added while stopping and due at once: it must run after the next start, not be lost
    # (APScheduler's last pass would hand it to the stopped executor and count it as run).
    waits = variant == "job-waits-for-the-stop"
    monkeypatch.setattr(f"{__name__}.added_due_in", timedelta(0) if waits else timedelta(days=1))
    caplog.set_level(logging.WARNING, logger="apscheduler")
    for round_no in range(ROUNDS):
        _reset()
        scheduling = _start_with_the_job(core)
        assert job_started.wait(STOP_WITHIN), f"round {round_no}: the job never ran"
        if waits:
            # Released by the scheduler itself once it has stopped handing out runs, i.e.
            # while shutdown() is waiting for this job to finish.
            def release(event: SchedulerEvent) -> None:
                stopping_begun.set()

            scheduling._scheduler.add_listener(release, EVENT_SCHEDULER_PAUSED)
            began = time.monotonic()
            stopper = _stop_in_a_thread(scheduling)
        else:
            began = time.monotonic()
            stopper = _stop_in_a_thread(scheduling)
            stopping_begun.set()
        stopper.join(STOP_WITHIN)
        assert not stopper.is_alive(), f"round {round_no}: shutdown hung"
        assert time.monotonic() - began < STOP_WITHIN
        assert job_finished.is_set(), f"round {round_no}: the job did not finish"
        assert not scheduling.running and active() is None

        # The lease is free and the job's change was stored before the scheduler stopped.
        after = BackgroundScheduling(core, SystemClock(), setups=())
        assert not added_job_ran.is_set()
        assert after.try_start(), f"round {round_no}: the lease was not released"
        try:
            if waits:
                assert added_job_ran.wait(STOP_WITHIN), f"round {round_no}: the added run was lost"
            else:
                assert after.get("test:added-while-stopping") is not None
        finally:
            after.shutdown()
    # No run was handed to a stopped executor ("Error submitting job"), none was skipped.
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


unstuck = threading.Event()


def stuck_until_released() -> None:
    job_started.set()
    unstuck.wait(60)


def test_stopping_gives_up_on_a_job_that_never_finishes(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stuck job delays stopping by STOP_WAIT at most; the lease is still released."""
    import service.scheduling as scheduling_module

    monkeypatch.setattr(scheduling_module, "STOP_WAIT", timedelta(seconds=0.5))
    _reset()
    unstuck.clear()
    scheduling = BackgroundScheduling(core, SystemClock(), setups=())
    assert scheduling.try_start()
    scheduling.at(
        "test:stuck",
        stuck_until_released,
        SystemClock().now(),
        misfire_grace_time=timedelta(minutes=1),
    )
    try:
        assert job_started.wait(STOP_WITHIN)
        began = time.monotonic()
        scheduling.shutdown()
        assert time.monotonic() - began < 3
        after = BackgroundScheduling(core, SystemClock(), setups=())
        assert after.try_start()
        after.shutdown()
    finally:
        unstuck.set()


def test_a_standby_that_was_shut_down_does_not_start_later(core: Core) -> None:
    leader = BackgroundScheduling(core, SystemClock(), setups=())
    assert leader.try_start()
    standby = BackgroundScheduling(core, SystemClock(), setups=())
    try:
        assert not standby.start_or_standby(retry=timedelta(seconds=0.05))
        standby.shutdown()
    finally:
        leader.shutdown()
    time.sleep(0.2)  # several retry periods of the (stopped) standby
    assert not standby.running
