"""Reminders across holidays, restarts and downtime: sent once, late within grace, never in a
burst; and the scheduling facade other features use."""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service import holidays
from service.bootstrap import Core, open_core
from service.clock import FakeClock
from service.events.flows import stamp
from service.events.jobs import send_reminder
from service.events.models import Event
from service.jobs import background_scheduling
from service.models import OutboxMessage
from service.scheduling import ManualScheduling, SchedulerBusy, runtime
from service.settings import Settings
from tests.dialog import verify_dialog
from tests.sample_config import CONFIG, file_to_change

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: str, hm: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{hm}").replace(tzinfo=SHANGHAI)


# -- holidays ----------------------------------------------------------------------------------

HOLIDAY_EVENTS = """
presets:
  主题党日: {rrule: "FREQ=MONTHLY;BYMONTHDAY=1", time: "09:00", summary: null}
  升旗仪式: {rrule: "FREQ=WEEKLY;BYDAY=MO", time: "07:30", holiday: skip, summary: null}
series:
  - {id: theme-day, preset: 主题党日, title: 主题党日活动, place: 党群服务中心,
     audience: {groups: [第一网格党支部群]}, organiser: 李网格长}
  - {id: flag, preset: 升旗仪式, title: 升旗仪式, place: 社区广场,
     audience: {groups: [社区党委工作群]}, organiser: 王书记}
"""


@pytest.fixture
def holiday_core(tmp_path: Path, database_url: str) -> Iterator[Core]:
    config = tmp_path / "config"
    shutil.copytree(CONFIG, config)
    (file_to_change(config, "events.yaml")).write_text(HOLIDAY_EVENTS, encoding="utf-8")
    core = open_core(Settings(config_dir=config), database_url=database_url, fresh=True)
    yield core
    core.engine.dispose()


def test_holiday_moves_a_meeting_to_the_next_working_day(holiday_core: Core) -> None:
    # National Day 2026: 10月1日–7日 off, 10月10日 (a Saturday) is a make-up working day.
    sim = Simulator(holiday_core, FakeClock(at("2026-09-28", "09:00")))
    try:
        verify_dialog(
            sim,
            """
            第一网格党支部群 | 李网格长 | 活动
            -> 第一网格党支部群: @李网格长 近期活动： / #E1 10月8日（周四）09:00 主题党日活动（未回复） / 回复活动编号（如“#E1”）查看详情。
            # flag raising skips the holiday Monday 10月5日
            社区党委工作群 | 刘值班 | 活动
            -> 社区党委工作群: @刘值班 近期活动： / #E2 10月12日（周一）07:30 升旗仪式（未回复） / #E3 10月19日（周一）07:30 升旗仪式（未回复） / #E4 10月26日（周一）07:30 升旗仪式（未回复） / 回复活动编号（如“#E2”）查看详情。
            @clock 2026-10-07 18:00
            -> 第一网格党支部群: 【活动提醒】主题党日活动 #E1 / 时间：明天 10月8日（周四）09:00（原定10月1日，遇国庆节顺延） / 地点：党群服务中心 / 参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。
            """,
        )
    finally:
        sim.close()


def test_holidays_of_known_and_unknown_years() -> None:
    assert holidays.public_holiday(date(2026, 10, 1)) == "国庆节"
    assert holidays.public_holiday(date(2026, 10, 10)) is None  # make-up working Saturday
    assert holidays.is_working_day(date(2026, 10, 10))
    assert holidays.next_working_day(date(2026, 10, 1)) == date(2026, 10, 8)
    assert holidays.public_holiday(date(2026, 12, 5)) is None  # a weekend is not a holiday
    # Years chinese-calendar does not know: fixed-date holidays and Monday–Friday.
    assert holidays.public_holiday(date(2031, 1, 1)) == "元旦"
    assert holidays.public_holiday(date(2031, 2, 3)) is None
    assert holidays.next_working_day(date(2031, 1, 1)) == date(2031, 1, 2)
    assert holidays.next_working_day(date(2030, 12, 31)) == date(2031, 1, 2)


def test_lunar_holidays_of_a_year_not_yet_published_are_holidays() -> None:
    # chinese-calendar does not know 2027 yet; its statutory days come from config/holidays.yaml.
    assert holidays.public_holiday(date(2027, 4, 5)) == "清明节"  # a Monday
    assert not holidays.is_working_day(date(2027, 4, 5))
    assert holidays.public_holiday(date(2027, 2, 5)) == "春节"  # 除夕
    assert holidays.next_working_day(date(2027, 2, 5)) == date(2027, 2, 9)
    assert holidays.public_holiday(date(2027, 6, 9)) == "端午节"
    assert holidays.public_holiday(date(2027, 9, 15)) == "中秋节"
    assert holidays.public_holiday(date(2027, 5, 2)) == "劳动节"
    assert holidays.is_working_day(date(2027, 4, 6))


def test_sample_config_moves_new_year_theme_day_of_an_unknown_year(sim: Simulator) -> None:
    with sim.core.factory() as session:
        theme = session.scalars(
            select(Event).where(Event.series_key == "theme-day").order_by(Event.starts_at)
        ).first()
    assert theme is not None and theme.holiday == "元旦"
    assert theme.starts_at.astimezone(SHANGHAI) == at("2027-01-04", "09:00")


# -- restarts and downtime ---------------------------------------------------------------------

STUDY = "通知 12月3日15:00 支部学习 地点:党群服务中心 对象:第一网格党支部群"


def _texts(*sims: Simulator) -> list[str]:
    return [m.rendered() for s in sims for m in s.gateway.sent]


def test_restart_in_the_middle_of_a_day_sends_each_reminder_once(core: Core) -> None:
    sim_a = Simulator(core, FakeClock(at("2026-12-01", "09:00")))
    asyncio.run(sim_a.say("社区党委工作群", "王书记", STUDY))
    asyncio.run(sim_a.advance_to(at("2026-12-03", "12:00")))
    # 14:00: the study's hour-before reminder is queued, then the process dies before sending.
    assert isinstance(sim_a.scheduling, ManualScheduling)
    sim_a.scheduling.run_until(at("2026-12-03", "14:00"))
    sim_a.close()

    clock_b = FakeClock(at("2026-12-03", "14:00"))
    sim_b = Simulator(core, clock_b)
    try:
        with sim_b.core.factory() as session:
            study = session.scalars(select(Event).where(Event.title == "支部学习")).one()
        # the job fires again (a crash between queueing and the job store's update): no-op
        send_reminder(study.id, "1h", stamp(study.starts_at))
        send_reminder(study.id, "1h", stamp(study.starts_at))
        asyncio.run(sim_b.advance_to(at("2026-12-03", "21:00")))
    finally:
        sim_b.close()

    said = Counter(_texts(sim_a, sim_b))
    assert max(said.values()) == 1, [t for t, n in said.items() if n > 1]
    reminders = [t for t in said if t.startswith("【活动提醒】")]
    assert [t.split("\n")[0] for t in reminders] == [
        "【活动提醒】3号楼党小组会 #E1",  # 12月2日 18:00
        f"【活动提醒】支部学习 #E{study.id}",  # 12月2日 18:00
        f"【活动提醒】支部学习 #E{study.id}",  # 12月3日 14:00, queued by A, sent by B
        "【活动提醒】3号楼党小组会 #E1",  # 12月3日 18:30
    ]
    assert sum(t.startswith("【报名汇总】") for t in said) == 2  # 13:00 study, 17:30 meeting


def test_downtime_sends_late_reminders_within_grace_and_skips_older(
    core: Core, caplog: pytest.LogCaptureFixture
) -> None:
    sim_a = Simulator(core, FakeClock(at("2026-12-01", "09:00")))
    asyncio.run(sim_a.say("社区党委工作群", "王书记", STUDY))
    asyncio.run(sim_a.advance_to(at("2026-12-03", "09:00")))
    sim_a.close()
    before = len(sim_a.gateway.sent)

    # Down from 09:00 to 18:45: the study's 13:00 summary and 14:00 reminder are hours old;
    # the meeting's 17:30 summary and 18:30 reminder are within their two hours of grace.
    caplog.set_level(logging.WARNING)
    sim_b = Simulator(core, FakeClock(at("2026-12-03", "18:45")))
    try:
        late = [m.rendered() for m in asyncio.run(sim_b.deliver())]
    finally:
        sim_b.close()
    assert before > 0
    assert [t.split("\n")[0] for t in late] == [
        "【报名汇总】3号楼党小组会 #E1，今天 12月3日（周四）19:30",
        "@刘志强 3号楼党小组会 #E1 将于今天 12月3日（周四）19:30开始，还没收到您的回复。"
        "参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。",
        "【活动提醒·补发】3号楼党小组会 #E1",
    ]
    assert late[2].endswith("（系统恢复后补发，比原定晚了15分钟）")
    missed = [r.getMessage() for r in caplog.records if "was missed by" in r.getMessage()]
    assert len(missed) == 2 and all(":summary" in m or ":remind:1h" in m for m in missed)


# -- the facade --------------------------------------------------------------------------------

RUNS: list[datetime] = []


def record_run() -> None:
    """A job for the facade tests (module level, so the job store can find it again)."""
    RUNS.append(runtime().clock.now())


def test_cron_and_interval_jobs_run_at_their_due_times_on_the_fake_clock(sim: Simulator) -> None:
    scheduling = sim.scheduling
    assert isinstance(scheduling, ManualScheduling)
    RUNS.clear()
    scheduling.cron(
        "test:morning", record_run, hour=9, minute=0, misfire_grace_time=timedelta(hours=1)
    )
    scheduling.every(
        "test:sweep", record_run, timedelta(minutes=30), misfire_grace_time=timedelta(minutes=5)
    )
    asyncio.run(sim.advance_to(at("2026-12-02", "10:00")))
    local = [r.astimezone(SHANGHAI).strftime("%d %H:%M") for r in RUNS]
    assert local[:4] == ["01 09:00", "01 09:30", "01 10:00", "01 10:30"]
    assert local.count("02 09:00") == 2  # the cron and a sweep
    assert len(local) == 50 + 2  # 50 half-hours and two mornings


def test_registering_again_keeps_an_overdue_run(core: Core) -> None:
    clock = FakeClock(at("2026-12-01", "08:00"))
    sim = Simulator(core, clock)
    scheduling = sim.scheduling
    assert isinstance(scheduling, ManualScheduling)
    scheduling.cron(
        "test:morning", record_run, hour=9, minute=0, misfire_grace_time=timedelta(hours=1)
    )
    sim.close()
    RUNS.clear()
    # Restart at 09:20 (the 09:00 run is overdue); the feature registers its job again.
    again = Simulator(core, FakeClock(at("2026-12-01", "09:20")))
    try:
        assert isinstance(again.scheduling, ManualScheduling)
        again.scheduling.cron(
            "test:morning", record_run, hour=9, minute=0, misfire_grace_time=timedelta(hours=1)
        )
        again.scheduling.run_due()
    finally:
        again.close()
    assert [r.astimezone(SHANGHAI).strftime("%H:%M") for r in RUNS] == ["09:20"]


def test_only_one_scheduler_runs_per_database(core: Core) -> None:
    first = Simulator(core, FakeClock(at("2026-12-01", "09:00")))
    try:
        with pytest.raises(SchedulerBusy):
            Simulator(core, FakeClock(at("2026-12-01", "09:00")))
        standby = background_scheduling(core, FakeClock(at("2026-12-01", "09:00")))
        assert not standby.try_start() and not standby.running
    finally:
        first.close()
    try:
        assert standby.try_start() and standby.running
    finally:
        standby.shutdown()
    # APScheduler fires on the real clock: a reminder whose real time has come may be queued, but
    # the two schedulers never queue the same message twice.
    with core.factory() as session:
        rows = session.scalars(select(OutboxMessage)).all()
        said = [(r.room_id, r.group_name, r.text) for r in rows]
        assert len(said) == len(set(said))
