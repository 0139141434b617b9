"""`hongqiao run` and `hongqiao bot` exit within 10 s of SIGTERM at any moment of start-up,
including while the scheduler's planning job is adding reminder jobs (which used to hang).

Each round makes the daily planning job overdue in the database first, so that it runs in the
scheduler's thread right after start, then sends SIGTERM either at a random moment of start-up
or just after the scheduler has started (while that planning runs). HONGQIAO_SIGTERM_ROUNDS
sets the rounds per command (CI: 4; `HONGQIAO_SIGTERM_ROUNDS=50` by hand).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from bot.wechat import free_port
from service.events.jobs import PLAN_JOB
from service.scheduling import JOBSTORE_TABLE
from tests.sample_config import CONFIG, file_to_change
from tests.test_puppet_service import (
    TOKEN,
    Lines,
    PuppetService,
    _env,
    _hongqiao,
    _install_node_packages,
)

ROUNDS = int(os.environ.get("HONGQIAO_SIGTERM_ROUNDS", "4"))
# Daily meetings added to the sample config, so that planning adds hundreds of reminder jobs
# and takes seconds: long enough for SIGTERM to land while it runs.
EXTRA_DAILY_SERIES = 30
EXIT_WITHIN = 10.0
# Real processes (npm install the first time, Node, a bot start each round): a longer limit.
pytestmark = pytest.mark.timeout(max(900, 40 * ROUNDS))
ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def puppet_service() -> Iterator[PuppetService]:
    _install_node_packages()
    server = PuppetService(free_port())
    yield server
    server.stop()


def _busy_config(tmp_path: Path, base: Path = CONFIG) -> Path:
    config = tmp_path / "busy-config"
    shutil.copytree(base, config)
    series = "".join(
        f"""
  - id: sigterm-test-{n}
    preset: 党小组会
    title: 测试例会{n}
    rrule: "FREQ=DAILY"
    place: 社区党群服务中心
    audience: {{groups: [3号楼党小组]}}
    organiser: 刘志强
"""
        for n in range(EXTRA_DAILY_SERIES)
    )
    events = file_to_change(config, "events.yaml")
    events.write_text(events.read_text(encoding="utf-8") + series, encoding="utf-8")
    return config


def _make_planning_overdue(database_url: str) -> None:
    """As after a night with the process down: the 00:10 planning run is due at start, and
    the coming days' reminder jobs are still to be added."""
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=database_url, tablename=JOBSTORE_TABLE)},
        timezone=ZONE,
    )
    scheduler.start(paused=True)
    try:
        for job in scheduler.get_jobs():
            if job.id == PLAN_JOB:
                job.modify(next_run_time=datetime.now(ZONE) - timedelta(minutes=5))
            elif job.id.startswith("event:"):
                job.remove()
    finally:
        scheduler.remove_jobstore("default", shutdown=False)  # or its last pass runs the job
        scheduler.shutdown(wait=False)


def _sigterm_rounds(env: dict[str, str], *args: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    moments: list[str] = []
    for round_no in range(ROUNDS):
        _make_planning_overdue(env["HONGQIAO_DATABASE_URL"])
        process = _hongqiao(env, *args)
        log = Lines(process.stdout)
        try:
            if round_no % 2:
                log.wait_for(lambda line: "Scheduler started" in line, "the scheduler to start")
                delay = rng.uniform(0.0, 4.0)
                moment = f"scheduler started + {delay:.2f} s"
            else:
                delay = rng.uniform(0.0, 6.0)
                moment = f"spawn + {delay:.2f} s"
            time.sleep(delay)
            sent = time.monotonic()
            process.send_signal(signal.SIGTERM)
            try:
                code = process.wait(timeout=EXIT_WITHIN)
            except subprocess.TimeoutExpired:
                pytest.fail(
                    f"round {round_no} (seed {seed}, SIGTERM at {moment}) did not exit within "
                    f"{EXIT_WITHIN:.0f} s; last lines:\n" + "\n".join(log.seen[-20:])
                )
            took = time.monotonic() - sent
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        # Before its own handlers are in place the process ends by the signal itself.
        assert code in (0, -signal.SIGTERM), "\n".join(log.seen[-20:])
        assert took < EXIT_WITHIN
        moments.append(f"{moment}: exit {code} in {took:.2f} s")
    return moments


def _prepared(env: dict[str, str], *args: str) -> None:
    """One full start and stop, so the database holds the standing jobs."""
    process = _hongqiao(env, *args)
    log = Lines(process.stdout)
    try:
        log.wait_for(
            lambda line: "scheduler started (BackgroundScheduling)" in line, "a first start"
        )
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_run_exits_within_ten_seconds_of_sigterm_during_start_up(tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HONGQIAO_DATABASE_URL": f"sqlite:///{tmp_path}/run.db",
        "HONGQIAO_CONFIG_DIR": str(_busy_config(tmp_path)),
    }
    args = ("run", "--port", str(free_port()))
    _prepared(env, *args)
    moments = _sigterm_rounds(env, *args, seed=17)
    assert len(moments) == ROUNDS


def test_bot_exits_within_ten_seconds_of_sigterm_during_start_up(
    puppet_service: PuppetService, tmp_path: Path
) -> None:
    env = _env(tmp_path, TOKEN, puppet_service.endpoint)
    env["HONGQIAO_CONFIG_DIR"] = str(_busy_config(tmp_path, Path(env["HONGQIAO_CONFIG_DIR"])))
    _prepared(env, "bot")
    moments = _sigterm_rounds(env, "bot", seed=71)
    assert len(moments) == ROUNDS
