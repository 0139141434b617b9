"""Issue 11: no 'database is locked' on SQLite and idempotent start-up planning."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.db import make_engine, session_factory, transaction
from service.events import flows
from service.events.models import Event


def test_writers_on_one_sqlite_file_queue_instead_of_failing(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'busy.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    factory = session_factory(engine)
    errors: list[str] = []

    def work() -> None:
        for i in range(25):
            try:
                with transaction(factory) as session:
                    session.execute(text("SELECT count(*) FROM t")).scalar()
                    time.sleep(0.002)  # a read, then a write, as flows do
                    session.execute(text("INSERT INTO t VALUES (:x)"), {"x": i})
            except Exception as exc:
                errors.append(repr(exc))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with factory() as session:
        assert session.execute(text("SELECT count(*) FROM t")).scalar() == 100
    engine.dispose()


def test_planning_twice_and_concurrently_creates_each_occurrence_once(core: Core) -> None:
    clock = FakeClock()
    now, until = clock.now(), clock.now() + timedelta(days=60)
    zone = flows.zone_of(core.community)
    with transaction(core.factory) as session:
        first = flows.materialise(session, core.events, zone, now, until)
    assert first
    # A second process that read "nothing planned yet" before the first committed: its rows
    # collide with the unique key and are skipped.
    with transaction(core.factory) as session:
        session.execute(Event.__table__.delete().where(Event.id == first[0].id))
    with transaction(core.factory) as session:
        again = flows.materialise(session, core.events, zone, now, until)
        assert len(again) == 1
        # planning the same window once more creates nothing
        assert flows.materialise(session, core.events, zone, now, until) == []
    with core.factory() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == len(first)


def test_rescheduling_from_chat_moves_jobs_after_the_commit_without_a_lock(
    sim: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    """改期 used to print 'database is locked': the job change ran when the handler's SAVEPOINT
    was released, while the message's own transaction still held SQLite's write lock."""
    caplog.set_level(logging.INFO)
    said = asyncio.run(
        sim.say(
            "社区党委工作群",
            "王书记",
            "通知 12月5日19:30 党小组会 地点:社区活动室 对象:3号楼党小组",
        )
    )
    ref = next(m.text.split("#E")[1].split("：")[0] for m in said if "已发布活动" in m.text)
    said = asyncio.run(sim.say("社区党委工作群", "王书记", f"改期 #E{ref} 12月6日19:30"))
    assert any("改到12月6日" in m.text for m in said)
    later = asyncio.run(sim.advance_to(sim.clock.now().replace(day=6, hour=18, minute=31)))
    reminders = [m.text for m in later if f"#E{ref}" in m.text and "活动提醒" in m.text]
    assert len(reminders) == 2  # the day before at 18:00 and an hour before the new start
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "database is locked" not in caplog.text
