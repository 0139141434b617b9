"""The sweep, the emergency's own minute and the morning list may run at once in the real
scheduler (its job threads): an emergency falling due then is climbed once, never told twice to
the duty staff or the street."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from service.bootstrap import Core
from service.clock import FakeClock
from service.community import Community
from service.models import OutboxMessage
from service.tickets import jobs
from tests.test_street_followups import _say_in
from tests.test_street_group_commands import ZONE

Job = Callable[[sessionmaker[Session], Community, datetime], int]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 15, 9, 0, tzinfo=ZONE))


def _run_at_once(core: Core, now: datetime, work: list[Job]) -> list[BaseException]:
    start = threading.Barrier(len(work))
    failed: list[BaseException] = []

    def run(job: Job) -> None:
        start.wait()
        try:
            job(core.factory, core.community, now)
        except BaseException as exc:
            failed.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return failed


def test_an_emergency_due_while_the_sweep_runs_is_told_once_to_each_group(
    core: Core, clock: FakeClock
) -> None:
    _say_in(core, clock, "6号楼居民群", "孙阿姨", "2单元楼道里好大的煤气味 熏得头疼")
    with core.factory() as session:
        before = session.scalar(select(OutboxMessage.id).order_by(OutboxMessage.id.desc()))
    due = clock.now() + timedelta(minutes=20)  # past the 15 minutes to claim an emergency
    failed = _run_at_once(
        core, due, [jobs.sweep_tickets, jobs.sweep_emergencies, jobs.overdue_digest]
    )
    assert not failed, failed
    with core.factory() as session:
        said = session.scalars(select(OutboxMessage).where(OutboxMessage.id > (before or 0)))
        told = Counter(m.group_name for m in said if "#1" in m.text)
    assert told, "the unclaimed gas smell climbed nowhere"
    assert all(n == 1 for n in told.values()), told
