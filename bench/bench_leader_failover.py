"""Two `hongqiao run` on one PostgreSQL database with the Node mock puppet service (issue 12):
every outbox row is sent once, and after a kill -9 of the leader the standby is sending within
30 s. Prints the figures; exits non-zero when a row is lost, sent more than once beyond the one
repeat a kill may cause, or the takeover takes 30 s or more.

    .venv/bin/python bench/bench_leader_failover.py [--rows 300] [--interval 0.05]

Needs node and npm (the puppet service is npm-installed into tests/.node the first time) and a
PostgreSQL server (HONGQIAO_BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/
postgres); a throwaway database is created and dropped."""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from bot.wechat import free_port
from service.db import make_engine, session_factory, transaction
from service.models import OutboxMessage
from service.outbox import Notice, enqueue
from tests.test_puppet_service import (
    NODE_DIR,
    TOKEN,
    PuppetService,
    _config_without_quiet_hours,
    _install_node_packages,
)

TAKEOVER_LIMIT = 30.0
ROOMS = ("r3@chatroom", "p3@chatroom")


class Log:
    """A process's output lines with arrival times, read by a thread."""

    def __init__(self, name: str, stream: Any) -> None:
        self.name = name
        self.lines: list[tuple[float, str]] = []
        self._queue: queue.Queue[tuple[float, str]] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: Any) -> None:
        for line in stream:
            self._queue.put((time.monotonic(), line.rstrip("\n")))

    def drain(self) -> None:
        while True:
            try:
                self.lines.append(self._queue.get_nowait())
            except queue.Empty:
                return

    def wait_for(self, needle: str, timeout: float = 120.0) -> float:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.drain()
            for at, line in self.lines:
                if needle in line:
                    return at
            time.sleep(0.05)
        tail = "\n".join(line for _, line in self.lines[-30:])
        raise SystemExit(f"{self.name}: no '{needle}' within {timeout:.0f} s:\n{tail}")

    def has(self, needle: str) -> bool:
        self.drain()
        return any(needle in line for _, line in self.lines)


def _throwaway_database(server_url: str) -> tuple[str, str]:
    server = make_url(server_url)
    name = f"hongqiao_failover_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.set(database=name).render_as_string(hide_password=False), name


def _drop_database(server_url: str, name: str) -> None:
    admin = create_engine(
        make_url(server_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _start(env: dict[str, str], name: str, work: Path) -> tuple[subprocess.Popen[str], Log]:
    own = {**env, "HONGQIAO_WECHATY_CACHE_DIR": str(work / f"wechaty-{name}")}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run", "--port", str(free_port())],
        cwd=Path(__file__).resolve().parents[1],
        env=own,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    return process, Log(name, process.stdout)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--interval", type=float, default=0.05, help="send interval, seconds")
    args = parser.parse_args()
    server_url = os.environ.get(
        "HONGQIAO_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    if shutil.which("node") is None or shutil.which("npm") is None:
        print("skipped: the puppet service needs node and npm")
        return 0
    _install_node_packages()
    assert NODE_DIR.exists()
    try:
        database_url, db_name = _throwaway_database(server_url)
    except OperationalError as exc:
        print(f"skipped: no PostgreSQL server at {server_url} ({exc.orig})")
        return 0
    service = PuppetService(free_port())
    sent: list[tuple[float, str]] = []
    leader = standby = None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            env = {
                "PATH": os.environ.get("PATH", ""),
                "HONGQIAO_CONFIG_DIR": str(_config_without_quiet_hours(work)),
                "HONGQIAO_DATABASE_URL": database_url,
                "HONGQIAO_SEND_INTERVAL_SECONDS": str(args.interval),
                "HONGQIAO_SEND_JITTER_SECONDS": "0",
                "WECHATY_PUPPET_SERVICE_TOKEN": TOKEN,
                "WECHATY_PUPPET_SERVICE_ENDPOINT": service.endpoint,
            }
            subprocess.run(
                [sys.executable, "-m", "bot.cli", "migrate"],
                cwd=Path(__file__).resolve().parents[1],
                env=env,
                check=True,
                capture_output=True,
            )
            engine = make_engine(database_url)
            factory = session_factory(engine)
            now = datetime.now(UTC)
            with transaction(factory) as session:
                for n in range(args.rows):
                    notice = Notice(f"failover-{n:04d}", room_id=ROOMS[n % len(ROOMS)])
                    enqueue(session, f"bench:failover:{n}", [notice], now)

            def pump_sent() -> None:
                # The service's reader thread queues its output lines; nothing else reads them now.
                while True:
                    try:
                        line = service.events._queue.get(timeout=0.2)
                    except queue.Empty:
                        if stop_pump.is_set():
                            return
                        continue
                    event = json.loads(line)
                    if event.get("event") == "sent" and event["text"].startswith("failover-"):
                        sent.append((time.monotonic(), event["text"]))

            stop_pump = threading.Event()
            threading.Thread(target=pump_sent, daemon=True).start()

            started = time.monotonic()
            leader, leader_log = _start(env, "first", work)
            leader_log.wait_for("this process leads")
            standby, standby_log = _start(env, "second", work)
            standby_log.wait_for("standing by")
            print(f"first leads, second stands by ({time.monotonic() - started:.1f} s)")
            half = args.rows // 2
            end = time.monotonic() + 300
            while len(sent) < half and time.monotonic() < end:
                time.sleep(0.05)
            if standby_log.has("WeChat logged in") or standby_log.has("WeChat connection"):
                print("FAIL: the standby connected to the puppet service while not leading")
                return 1
            killed_at = time.monotonic()
            leader.kill()
            leader.wait()
            print(f"kill -9 of the leader after {len(sent)} of {args.rows} rows were sent")
            standby_log.wait_for("this process leads", timeout=120)
            end = time.monotonic() + 300
            while len({t for _, t in sent}) < args.rows and time.monotonic() < end:
                time.sleep(0.1)
            time.sleep(2 * args.interval + 1)  # a late repeat would show up now
            stop_pump.set()
            after = [at for at, _ in sent if at > killed_at]
            takeover = (after[0] - killed_at) if after else float("inf")
            counts = Counter(t for _, t in sent)
            lost = [f"failover-{n:04d}" for n in range(args.rows)]
            lost = [t for t in lost if t not in counts]
            repeated = {t: c for t, c in counts.items() if c > 1}
            with factory() as session:
                still = session.scalar(
                    select(func.count())
                    .select_from(OutboxMessage)
                    .where(OutboxMessage.state != "sent")
                )
            engine.dispose()
            print(f"rows: {args.rows}; sent events: {len(sent)}; distinct: {len(counts)}")
            print(f"lost: {len(lost)}; sent more than once: {repeated or 'none'}")
            print(f"rows not marked sent in the database: {still}")
            print(f"takeover (kill -9 to the standby's first send): {takeover:.1f} s")
            ok = not lost and len(repeated) <= 1 and takeover < TAKEOVER_LIMIT and still == 0
            print("OK" if ok else "FAIL")
            return 0 if ok else 1
    finally:
        for process in (leader, standby):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
        service.stop()
        _drop_database(server_url, db_name)


if __name__ == "__main__":
    raise SystemExit(main())
