"""Intake of distinct reports: each message through the router (identity, classification,
duplicate check, routing) to a new ticket, its audit event and its outbox rows, one transaction
per message as in production; beside it, a bare insert of the very same rows, one transaction
per message, so the ratio is the bot's own cost over the database's floor.

    .venv/bin/python bench/bench_intake.py [COUNT]

SQLite always; PostgreSQL too when HONGQIAO_BENCH_DATABASE_URL (or HONGQIAO_TEST_DATABASE_URL)
names a server (a throwaway database is created and dropped). The sends themselves (the
dispatcher, paced for WeChat) are not part of intake and are not measured here."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select

from bot.messages import InboundMessage
from bot.simulator import Simulator
from service.bootstrap import open_core
from service.clock import FakeClock
from service.models import OutboxMessage, SeenMessage, Ticket, TicketEvent
from service.settings import REPO_ROOT, Settings
from tests.conftest import throwaway_pg_database

COUNT = 1000
TARGET_PER_SECOND = 300  # SQLite, on the 2-core machine the issue names

# Household matters with a room number: two households are never the same problem, so every
# report opens its own ticket (the old bench measured joining ticket #1).
REPORTS = (
    "{b}号楼{u}单元{r}室家里水管漏水了",
    "{b}号楼{u}单元{r}室楼上往下渗水，天花板都湿了",
    "{b}号楼{u}单元{r}室门锁坏了打不开",
    "{b}号楼{u}单元{r}室马桶堵了",
    "{b}号楼{u}单元{r}室家里暖气不热",
)


def reports(count: int) -> Iterator[tuple[str, str, str]]:
    """(room, resident, text) for `count` distinct reports from distinct residents."""
    for i in range(count):
        b, u = i % 6 + 1, (i // 6) % 4 + 1
        floor, door = divmod(i // 24, 4)
        room = (floor % 18 + 1) * 100 + door + 1
        text = REPORTS[(i // 24) % len(REPORTS)].format(b=b, u=u, r=room)
        yield f"{b}号楼居民群", f"居民{i}", text


@dataclass(frozen=True)
class Figures:
    backend: str
    count: int
    tickets: int
    rows: int
    intake_seconds: float
    intake_cpu_seconds: float
    bare_seconds: float

    def line(self) -> str:
        rate = self.count / self.intake_seconds
        bare = self.count / self.bare_seconds
        return (
            f"{self.backend:<10} {self.count} reports → {self.tickets} tickets, {self.rows} rows: "
            f"intake {rate:7.1f} msg/s ({self.intake_seconds * 1000 / self.count:5.2f} ms each, "
            f"{self.intake_cpu_seconds * 1000 / self.count:5.2f} ms CPU), "
            f"bare insert {bare:7.1f} msg/s, ratio {self.intake_seconds / self.bare_seconds:4.1f}x"
        )


TABLES = (Ticket.__table__, TicketEvent.__table__, OutboxMessage.__table__, SeenMessage.__table__)


def measure(backend: str, url: str, bare_url: str, count: int) -> Figures:
    settings = Settings(config_dir=REPO_ROOT / "config")
    core = open_core(settings, database_url=url, fresh=True)
    sim = Simulator(core, FakeClock())
    messages = [
        InboundMessage(f"bench-{i}", who, who, said, room, room)
        for i, (room, who, said) in enumerate(reports(count))
    ]
    sim.router.handle(InboundMessage("warm-up", "居民x", "居民x", "你好", "1号楼居民群"))
    started, cpu_started = time.perf_counter(), time.process_time()
    for message in messages:
        sim.router.handle(message)
    intake, intake_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    sim.close()

    # The same rows, grouped per message, read back from what the router wrote.
    with core.engine.connect() as conn:
        tickets = {
            r["reporter_id"]: dict(r) for r in conn.execute(select(Ticket.__table__)).mappings()
        }
        events: dict[int, list[dict[str, object]]] = {}
        for r in conn.execute(select(TicketEvent.__table__)).mappings():
            events.setdefault(r["ticket_id"], []).append(dict(r))
        outbox: dict[str, list[dict[str, object]]] = {}
        for r in conn.execute(select(OutboxMessage.__table__)).mappings():
            outbox.setdefault(str(r["idempotency_key"]).split(":")[1], []).append(dict(r))
        seen = {
            r["message_id"]: dict(r) for r in conn.execute(select(SeenMessage.__table__)).mappings()
        }
        rows = sum(conn.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES)
    core.engine.dispose()

    bare_core = open_core(settings, database_url=bare_url, fresh=True)
    engine = bare_core.engine
    started = time.perf_counter()
    for message in messages:
        ticket = tickets.get(message.sender_id)
        with engine.begin() as conn:
            if ticket is not None:
                conn.execute(insert(Ticket.__table__), [ticket])
                conn.execute(insert(TicketEvent.__table__), events.get(int(ticket["id"]), []))
            if message.message_id in outbox:
                conn.execute(insert(OutboxMessage.__table__), outbox[message.message_id])
            conn.execute(insert(SeenMessage.__table__), [seen[message.message_id]])
    bare = time.perf_counter() - started
    engine.dispose()
    return Figures(backend, count, len(tickets), rows, intake, intake_cpu, bare)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else COUNT
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        results.append(
            measure("sqlite", f"sqlite:///{tmp}/intake.db", f"sqlite:///{tmp}/bare.db", count)
        )
    server = os.environ.get("HONGQIAO_BENCH_DATABASE_URL") or os.environ.get(
        "HONGQIAO_TEST_DATABASE_URL"
    )
    if server:
        with (
            throwaway_pg_database(server, "hongqiao_bench") as url,
            throwaway_pg_database(server, "hongqiao_bench") as bare_url,
        ):
            results.append(measure("postgresql", url, bare_url, count))
    for figures in results:
        print(figures.line())
    sqlite = results[0]
    rate = sqlite.count / sqlite.intake_seconds
    verdict = "meets" if rate >= TARGET_PER_SECOND else "is below"
    print(f"SQLite intake {verdict} the target of {TARGET_PER_SECOND} messages/s")


if __name__ == "__main__":
    main()
