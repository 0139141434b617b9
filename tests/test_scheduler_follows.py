"""The scheduler may run in another process than the change: the street's one scheduler runs
every community's jobs while the accounts' bots and the web run none. A meeting posted in chat
or on the dashboard there still gets its reminders: the change's transaction carries a request
that the scheduler follows within seconds, wherever it runs, and at once in its own process."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from bot.live import StreetScheduler, street_scheduler_lease
from bot.simulator import Simulator
from service import scheduling as scheduling_module
from service.bootstrap import Core, open_core
from service.clock import SystemClock
from service.events.jobs import reminder_job_id, summary_job_id
from service.events.models import Event
from service.jobs import background_scheduling
from service.leadership import Leadership
from service.models import ScheduleRequest
from service.settings import Settings
from service.workers import presence_for

pytestmark = pytest.mark.timeout(120)


def _meeting(day: date) -> str:
    return f"通知 {day.month}月{day.day}日15:00 支部学习 地点:党群服务中心 对象:第一网格党支部群"


def _within(seconds: float, condition: Callable[[], bool]) -> float:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > seconds:
            raise AssertionError(f"not within {seconds} s")
        time.sleep(0.05)
    return time.monotonic() - started


def _pending(core: Core) -> int:
    with core.factory() as session:
        return session.scalar(select(func.count()).select_from(ScheduleRequest)) or 0


def test_a_meeting_posted_where_no_scheduler_runs_gets_its_reminders_from_the_one_elsewhere(
    core: Core,
    settings: Settings,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """王书记 posts a meeting through a bot that runs no scheduler (a street worker's account
    bot, on its own connection to the database); the scheduler running elsewhere plans its
    reminders and the organiser's summary on its next pass. The passes leave the log alone."""
    caplog.set_level(logging.INFO)
    monkeypatch.setattr(scheduling_module, "FOLLOW_EVERY", timedelta(seconds=1))
    scheduler = background_scheduling(core, SystemClock())
    scheduler.start()
    elsewhere = open_core(settings, database_url=database_url)
    chat = Simulator(elsewhere, SystemClock())  # a real clock: this bot schedules nothing
    try:
        assert chat.scheduling is None
        said = asyncio.run(
            chat.say("社区党委工作群", "王书记", _meeting(date.today() + timedelta(days=3)))
        )
        assert said[0].text.startswith("已发布"), said[0].text
        with core.factory() as session:
            event = session.scalars(select(Event).where(Event.title == "支部学习")).one()
        jobs = [reminder_job_id(event.id, lead) for lead in event.reminders]
        jobs.append(summary_job_id(event.id))
        took = _within(5, lambda: all(scheduler.get(job) is not None for job in jobs))
        print(f"the meeting's {len(jobs)} jobs were planned {took:.1f} s after it was posted")
        _within(5, lambda: _pending(core) == 0)  # the request is gone once followed
        runs = [r for r in caplog.records if r.name.startswith("apscheduler.executors")]
        assert not [r for r in runs if scheduling_module.FOLLOW_JOB in r.getMessage()]
    finally:
        chat.close()
        scheduler.shutdown()
        elsewhere.engine.dispose()


def test_a_meeting_posted_where_the_scheduler_runs_is_planned_at_once(sim: Simulator) -> None:
    said = asyncio.run(sim.say("社区党委工作群", "王书记", _meeting(date(2026, 12, 3))))
    assert "#E" in said[0].text, said[0].text
    assert sim.scheduling is not None
    with sim.core.factory() as session:
        event = session.scalars(select(Event).where(Event.title == "支部学习")).one()
    assert sim.scheduling.get(reminder_job_id(event.id, event.reminders[0])) is not None
    assert _pending(sim.core) == 0


def test_requests_made_while_no_scheduler_ran_are_followed_when_one_starts(core: Core) -> None:
    """A meeting posted while no scheduler ran (the worker running it was restarting)."""
    chat = Simulator(core, SystemClock())
    asyncio.run(chat.say("社区党委工作群", "王书记", _meeting(date.today() + timedelta(days=3))))
    assert _pending(core) == 1
    scheduler = background_scheduling(core, SystemClock())
    scheduler.start()
    try:
        with core.factory() as session:
            event = session.scalars(select(Event).where(Event.title == "支部学习")).one()
        assert scheduler.get(summary_job_id(event.id)) is not None
        assert _pending(core) == 0
    finally:
        scheduler.shutdown()


async def _until(condition: Callable[[], bool], seconds: float = 10.0) -> float:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > seconds:
            raise AssertionError(f"not within {seconds} s")
        await asyncio.sleep(0.02)
    return time.monotonic() - started


def _runs_every_community(scheduler: StreetScheduler, cores: list[Core]) -> bool:
    running = scheduler.running
    return [s.core for s in running] == cores and all(s.running for s in running)


def test_the_street_has_one_scheduler_for_all_its_communities_and_a_second_worker_takes_over(
    core: Core,
    jinmao: Core,
    settings: Settings,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two street workers: the first runs 幸福里's and 金茂's jobs, the second none; a meeting
    posted through 金茂's account bot (its own connection, no scheduler) is planned by 金茂's
    scheduler in the first worker on its next pass. When the first worker stops, the second
    runs every community's jobs within seconds."""
    monkeypatch.setattr(scheduling_module, "FOLLOW_EVERY", timedelta(seconds=0.3))
    cores = [core, jinmao]
    account_bot = open_core(settings, database_url=database_url, community="jinmao")
    presences = [presence_for(core.engine), presence_for(core.engine)]

    def worker(n: int) -> StreetScheduler:
        presences[n].join()
        lease = street_scheduler_lease(core, presences[n])
        every = timedelta(seconds=0.05)
        return StreetScheduler(cores, Leadership(core.engine, every=every, lease=lease))

    async def scenario() -> None:
        first, second = worker(0), worker(1)
        first.start()
        await _until(lambda: _runs_every_community(first, cores))
        second.start()
        await asyncio.sleep(0.5)
        assert second.running == []
        chat = Simulator(account_bot, SystemClock())  # no scheduler of its own
        day = date.today() + timedelta(days=3)
        await chat.say(
            "社区党委工作群", "孟书记", _meeting(day).replace("第一网格党支部群", "社区党委工作群")
        )
        with jinmao.factory() as session:
            event = session.scalars(select(Event).where(Event.title == "支部学习")).one()
        jinmaos = first.running[1]
        took = await _until(lambda: jinmaos.get(summary_job_id(event.id)) is not None)
        print(f"金茂's meeting planned by the street's scheduler {took:.2f} s after it was posted")
        await _until(lambda: _pending(jinmao) == 0)
        await first.stop()
        took = await _until(lambda: _runs_every_community(second, cores))
        print(f"the second worker ran every community's jobs {took:.2f} s after the first stopped")
        assert second.running[1].get(summary_job_id(event.id)) is not None
        await second.stop()

    try:
        asyncio.run(scenario())
    finally:
        for presence in presences:
            presence.leave()
        account_bot.engine.dispose()
