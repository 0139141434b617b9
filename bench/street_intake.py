"""A whole 街道's chat through real bot workers (`make bench-street-intake`): BENCH_COMMUNITIES
communities (default 30), each with its own WeChat account on a Node puppet service of its own
(wechaty-puppet-service serving wechaty-puppet-mock, as in tests/test_puppet_service.py), served
by BENCH_WORKERS `hongqiao bot` workers (default 3) on one PostgreSQL database. Each worker leads
its share of the accounts, each account in a `hongqiao bot --community SLUG --led` process.

Measured:
- intake: BENCH_WARMUP reports per account (default 10) just after the bots started (cold,
  printed), then BENCH_MESSAGES distinct reports per account (default 40) said at once in every
  account's resident groups; messages/s from the first said to the last ticket committed, across
  the accounts (target 300);
- each account's pace: the shortest gap between two of its sends (HONGQIAO_SEND_INTERVAL_SECONDS
  0.5 with 0.1 jitter here), against the interval (the jitter only adds to it);
- a worker killed (-9) while the acknowledgements are being sent: how long until its accounts
  are led again, every report acknowledged, none twice;
- the CPU each report costs the bots, PostgreSQL and the puppet services while they are taken in;
- the most connections PostgreSQL had at once while the street ran.

The data is generated, not checked in; the database is a throwaway one on
HONGQIAO_BENCH_DATABASE_URL (default: the local PostgreSQL as user postgres)."""

from __future__ import annotations

import itertools
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import street  # beside this file; reads BENCH_COMMUNITIES
from bench_intake import REPORTS
from sqlalchemy import text

from bot.live import account_variables
from bot.wechat import free_port
from service.db import make_engine
from service.settings import REPO_ROOT
from service.street.storage import schema_of
from tests.conftest import throwaway_pg_database
from tests.test_puppet_service import TOKEN, PuppetService, _install_node_packages

SERVER = os.environ.get(
    "HONGQIAO_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
PER_ACCOUNT = int(os.environ.get("BENCH_MESSAGES", "40"))
# Reports each account takes first, just after its bot started (cold: its first statements
# are compiled and prepared, its caches filled); the burst after them is the measured intake.
WARMUP = int(os.environ.get("BENCH_WARMUP", "10"))
INTERVAL, JITTER = 0.5, 0.1
TARGET_PER_SECOND = 300
BUILDINGS = 4  # every community has resident groups 1号楼居民群 … 4号楼居民群
RESIDENTS = WARMUP + PER_ACCOUNT  # one report each: a second might read as news of the first
ACK = "已收到您反映的问题"


class Account:
    """One community's WeChat account: a Node puppet service the bench says messages into; its
    sends are stamped with the time the puppet service took them (the wall clock, shared by
    every process here), not the time the bench read them: under load the bench's reading
    thread can be late by a few hundred milliseconds."""

    def __init__(self, slug: str) -> None:
        self.slug = slug
        self.rooms = {b: f"{slug}-b{b}@chatroom" for b in range(1, BUILDINGS + 1)}
        self.residents = [f"{slug}-r{n}" for n in range(RESIDENTS)]
        self.service = PuppetService(
            free_port(),
            contacts=[{"id": r, "name": f"居民{n}"} for n, r in enumerate(self.residents)],
            rooms=[
                {"id": room, "topic": f"{b}号楼居民群", "members": self.residents}
                for b, room in self.rooms.items()
            ],
        )
        self.sent: list[tuple[float, str, str]] = []  # (time.time(), conversation, text)
        self._read = 0

    def watch(self) -> None:
        lines = self.service.events.drain()
        for line in lines[self._read :]:
            event = json.loads(line)
            if event.get("event") == "sent":
                self.sent.append((event["at"] / 1000, event["conversation"], event["text"]))
        self._read = len(lines)

    def say(self, number: int) -> None:
        b, u = number % BUILDINGS + 1, (number // BUILDINGS) % 4 + 1
        floor, door = divmod(number // (BUILDINGS * 4), 4)
        text = REPORTS[(number // 16) % len(REPORTS)].format(
            b=b, u=u, r=(floor % 18 + 1) * 100 + door + 1
        )
        self.service.say(self.residents[number % RESIDENTS], text, room=self.rooms[b])

    def sends(self) -> list[tuple[float, str, str]]:
        return list(self.sent)


def watch_all(accounts: list[Account], stop: threading.Event) -> None:
    while not stop.wait(0.005):
        for account in accounts:
            account.watch()


class Worker:
    """A `hongqiao bot` worker; its output (and its bots') goes to a file."""

    def __init__(self, number: int, env: dict[str, str], logs: Path) -> None:
        self.log = logs / f"worker{number}.log"
        self._out = self.log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "bot"],
            cwd=REPO_ROOT,
            env=env,
            stdout=self._out,
            stderr=subprocess.STDOUT,
        )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def leads(self) -> set[str]:
        """The accounts this worker leads now, by its log."""
        led: set[str] = set()
        for line in self.text().splitlines():
            if found := re.search(r"this process leads \((\w+)\)", line):
                led.add(found[1])
            elif found := re.search(r"handing over \((\w+)\)", line):
                led.discard(found[1])
        return led


def wait_until(what: str, done: Any, seconds: float, workers: Sequence[Worker] = ()) -> float:
    started = time.monotonic()
    while not done():
        if time.monotonic() - started > seconds:
            raise SystemExit(f"timed out after {seconds:.0f} s waiting for {what}")
        for worker in workers:
            if worker.process.poll() is not None:  # e.g. PostgreSQL's max_connections reached
                raise SystemExit(f"a worker stopped; its log ends:\n{worker.text()[-3000:]}")
        time.sleep(0.1)
    return time.monotonic() - started


def quiet_hours_off(config: Path) -> None:
    """The bench runs on the real clock: quiet hours would hold notices until the morning."""
    tickets = config / "tickets.yaml"
    text = tickets.read_text(encoding="utf-8")
    tickets.write_text(text.replace('end: "07:00"', 'end: "22:00"'), encoding="utf-8")


def cpu_seconds(workers: Sequence[Worker]) -> dict[str, float]:
    """CPU time used so far (user and system) by the workers with their bots, by PostgreSQL's
    processes, and by the Node puppet services (WeChat's stand-in), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    processes: dict[int, tuple[int, str, float]] = {}  # pid: (parent, command, seconds)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # gone meanwhile
        command = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        processes[int(stat.parent.name)] = (
            int(fields[1]),
            command,
            (int(fields[11]) + int(fields[12])) / tick,
        )
    ours = {w.process.pid for w in workers}
    grew = True
    while grew:  # the workers' bots, and theirs
        found = {pid for pid, (parent, _, _) in processes.items() if parent in ours}
        grew = not found <= ours
        ours |= found
    used = {"bot workers and their bots": 0.0, "PostgreSQL": 0.0, "puppet services": 0.0}
    for pid, (_, command, seconds) in processes.items():
        if pid in ours:
            used["bot workers and their bots"] += seconds
        elif command.startswith("postgres"):
            used["PostgreSQL"] += seconds
        elif command.startswith("node"):
            used["puppet services"] += seconds
    return used


class Connections:
    """The most connections the database had at once (the bench's own two not counted)."""

    def __init__(self, url: str) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._engine = make_engine(url)
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _sample(self) -> None:
        now = text("SELECT count(*) - 2 FROM pg_stat_activity WHERE datname = current_database()")
        with self._engine.connect() as conn:
            while not self._stop.wait(0.2):
                self.peak = max(self.peak, int(conn.scalar(now) or 0))
                conn.commit()

    def stop(self) -> None:
        self._stop.set()
        self._sampler.join()  # its connection closed before the database is dropped
        self._engine.dispose()


def acks(accounts: list[Account]) -> list[tuple[float, str, str, str]]:
    return [
        (at, account.slug, conversation, text)
        for account in accounts
        for at, conversation, text in account.sends()
        if ACK in text
    ]


def main() -> int:
    _install_node_packages()
    total = street.COMMUNITIES * PER_ACCOUNT
    with (
        tempfile.TemporaryDirectory() as tmp,
        throwaway_pg_database(SERVER, "hongqiao_bench") as url,
    ):
        config = Path(tmp) / "config"
        slugs = street.street_config(config)
        quiet_hours_off(config)
        accounts = [Account(slug) for slug in slugs]
        watching = threading.Event()
        threading.Thread(target=watch_all, args=(accounts, watching), daemon=True).start()
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HONGQIAO_CONFIG_DIR": str(config),
            "HONGQIAO_DATABASE_URL": url,
            "HONGQIAO_WECHATY_CACHE_DIR": str(Path(tmp) / "wechaty"),
            "HONGQIAO_SEND_INTERVAL_SECONDS": str(INTERVAL),
            "HONGQIAO_SEND_JITTER_SECONDS": str(JITTER),
        }
        for account in accounts:
            token_name, endpoint_name = account_variables(account.slug)
            env[token_name], env[endpoint_name] = TOKEN, account.service.endpoint
        migrated = subprocess.run(
            [sys.executable, "-m", "bot.cli", "migrate"],
            cwd=REPO_ROOT,
            env=env,
            text=True,
            capture_output=True,
        )
        if migrated.returncode != 0:
            raise SystemExit(migrated.stderr[-2000:])
        # One connection reads every community's tickets, so the bench's own connections do
        # not count as the street's.
        counter = make_engine(url)
        every_ticket = " + ".join(
            f"(SELECT count(*) FROM {'public' if n == 0 else schema_of(slug)}.tickets)"
            for n, slug in enumerate(slugs)
        )
        connections = Connections(url)
        logs = Path(tmp) / "logs"
        logs.mkdir()
        workers = [Worker(n, env, logs) for n in range(WORKERS)]
        try:
            started = wait_until(
                "every account's bot to bind its rooms",
                lambda: all(
                    f"[{slug}] bot.live: room {slug}-b{BUILDINGS}@chatroom is"
                    in "".join(w.text() for w in workers)
                    for slug in slugs
                ),
                600,
                workers,
            )
            share = -(-len(slugs) // WORKERS)
            wait_until(  # workers that started together take all they can, then hand over
                "the accounts to be shared out",
                lambda: (
                    sum(map(len, (w.leads() for w in workers))) == len(slugs)
                    and all(len(w.leads()) <= share for w in workers)
                ),
                300,
                workers,
            )

            def every_bot_bound() -> bool:
                """Each account's bot has bound its rooms since the account last changed hands
                (a message said to an account while its new bot starts is lost)."""
                lines = [line for w in workers for line in w.text().splitlines()]

                def last(text: str) -> str:  # the newest such line's time stamp
                    return max((line[:23] for line in lines if text in line), default="")

                return all(
                    ""
                    < last(f"this process leads ({slug})")
                    <= last(f"[{slug}] bot.live: room {slug}-b{BUILDINGS}@chatroom is")
                    for slug in slugs
                )

            wait_until("the bots of accounts handed over", every_bot_bound, 300, workers)
            shares = [len(w.leads()) for w in workers]
            print(
                f"{len(slugs)} accounts on {WORKERS} workers, led {shares}; every bot up "
                f"{started:.0f} s after the workers started"
            )

            idle_before, idle_for = cpu_seconds(workers), 5.0
            time.sleep(idle_for)
            idle = {k: v - idle_before[k] for k, v in cpu_seconds(workers).items()}
            print(
                f"idle, before any message: the bots use "
                f"{idle['bot workers and their bots'] / idle_for:.2f} cores, PostgreSQL "
                f"{idle['PostgreSQL'] / idle_for:.2f}"
            )

            def tickets() -> int:
                with counter.connect() as conn:
                    return int(conn.scalar(text(f"SELECT {every_ticket}")) or 0)

            def burst(numbers: range, before: int, what: str) -> float:
                """Say these reports to every account at once; messages/s until all committed."""
                count = len(numbers) * len(accounts)
                cpu_before = cpu_seconds(workers)
                said = time.monotonic()
                for number in numbers:
                    for account in accounts:
                        account.say(number)
                said_all = time.monotonic() - said
                intake = wait_until(
                    f"{count} tickets", lambda: tickets() >= before + count, 600, workers
                )
                cpu_after = cpu_seconds(workers)
                rate = count / intake
                print(
                    f"{what}: {count} reports said in {said_all:.1f} s, all committed "
                    f"{intake:.1f} s after the first was said: {rate:.0f} messages/s "
                    f"on {os.cpu_count()} cores"
                )
                spent = {k: (cpu_after[k] - cpu_before[k]) * 1000 / count for k in cpu_after}
                product = spent["bot workers and their bots"] + spent["PostgreSQL"]
                print(
                    "  CPU per report while taking them in: "
                    + ", ".join(f"{k} {ms:.1f} ms" for k, ms in spent.items())
                    + f"; the bots and PostgreSQL at {TARGET_PER_SECOND} reports/s would need"
                    f" {product * TARGET_PER_SECOND / 1000:.1f} cores"
                )
                return rate

            warm = len(accounts) * WARMUP
            if WARMUP:
                burst(range(PER_ACCOUNT, PER_ACCOUNT + WARMUP), 0, "first reports (cold bots)")
            rate = burst(range(PER_ACCOUNT), warm, "intake")
            verdict = "meets" if rate >= TARGET_PER_SECOND else "is below"
            print(f"  intake {verdict} the target of {TARGET_PER_SECOND} messages/s")
            total += warm  # every report is acknowledged

            # A worker killed while the acknowledgements are still being sent at each pace.
            wait_until(
                "a third of the acknowledgements", lambda: len(acks(accounts)) >= total // 3, 600
            )
            victim = workers[0]
            orphaned = victim.leads()
            victim.process.kill()
            killed = time.monotonic()
            survivors = workers[1:]
            taken = wait_until(
                "the killed worker's accounts to be led again",
                lambda: orphaned <= set().union(*(w.leads() for w in survivors)),
                120,
            )
            wait_until(
                f"all {total} acknowledgements",
                lambda: len(acks(accounts)) >= total,
                900,
                survivors,
            )
            time.sleep(INTERVAL * 4)  # any send twice would arrive about now
            sent = acks(accounts)
            twice = [key for key, n in Counter((s, c, t) for _, s, c, t in sent).items() if n > 1]
            print(
                f"a worker killed with {len(orphaned)} accounts: led again {taken:.1f} s later; "
                f"{len(sent)} acknowledgements for {total} reports, {len(twice)} sent twice, "
                f"the last {time.monotonic() - killed:.0f} s after the kill"
            )

            gaps: dict[str, list[float]] = defaultdict(list)
            for account in accounts:
                times = sorted(at for at, _, _ in account.sends())
                gaps[account.slug] = [b - a for a, b in itertools.pairwise(times)]
            shortest = min((min(g) for g in gaps.values() if g), default=float("nan"))
            held = shortest >= INTERVAL - 0.005  # stamped to the millisecond
            print(
                f"pace: shortest gap between two sends of one account {shortest * 1000:.0f} ms "
                f"(interval {INTERVAL * 1000:.0f} ms, jitter {JITTER * 1000:.0f} ms): "
                f"{'held' if held else 'NOT held'}"
            )
            print(
                f"connections to PostgreSQL: at most {connections.peak} while the street ran"
                f" ({connections.peak / len(slugs):.1f} per account, {WORKERS} workers)"
            )
            met = rate >= TARGET_PER_SECOND and held
            return 0 if met and not twice and len(sent) >= total else 1
        finally:
            for worker in workers:
                if worker.process.poll() is None:
                    worker.process.send_signal(signal.SIGTERM)
            for worker in workers:
                try:
                    worker.process.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    worker.process.kill()
            watching.set()
            for account in accounts:
                account.service.stop()
            connections.stop()
            counter.dispose()


if __name__ == "__main__":
    sys.exit(main())
