"""Dashboard speed with 100,000 tickets in SQLite: the filtered ticket list (target p95 < 50 ms)
and the Today page (target p95 < 300 ms), measured as full HTTP answers of a signed-in user."""

from __future__ import annotations

import random
import re
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import insert

from service.bootstrap import open_core
from service.clock import FakeClock
from service.db import transaction
from service.models import Ticket, TicketEvent
from service.settings import REPO_ROOT, Settings
from service.staff import accounts
from service.web.app import create_app

TICKETS = 100_000
ACTIVE_SHARE = 0.03
CATEGORIES = [
    ("maintenance", "照明"),
    ("maintenance", "电梯"),
    ("maintenance", "给排水"),
    ("dispute", "噪音"),
    ("care", None),
    ("inquiry", None),
    ("emergency", "火情"),
]
WORDS = ["楼道灯坏了", "电梯异响", "下水道堵了", "楼上很吵", "想咨询补贴", "门口漏水", "有烟味"]
LIST_QUERIES = [
    "/tickets",
    "/tickets?state=open",
    "/tickets?state=closed&building=3",
    "/tickets?category=maintenance&grid=1",
    "/tickets?subcategory=电梯&since=2026-10-01&until=2026-10-31",
    "/tickets?grid=2&state=resolved",
    "/tickets?q=漏水",
    "/tickets?q=漏水&building=5",
    "/tickets?q=%2312345",
    "/tickets?building=4&page=20",
]


def seed(core_factory, now) -> None:  # type: ignore[no-untyped-def]
    tickets, events = ticket_rows(TICKETS, now, random.Random(7), list(range(1, 7)))
    with transaction(core_factory) as session:
        session.execute(insert(Ticket), tickets)
        session.execute(insert(TicketEvent), events)


def ticket_rows(
    count: int, now: datetime, rng: random.Random, buildings: list[int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A year of tickets (ACTIVE_SHARE still open) and their audit rows, as table rows."""
    tickets: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for number in range(1, count + 1):
        created = now - timedelta(minutes=rng.randint(0, 365 * 24 * 60))
        category, sub = rng.choice(CATEGORIES)
        building = str(rng.choice(buildings))
        active = rng.random() < ACTIVE_SHARE
        resolved = None if active else created + timedelta(hours=rng.expovariate(1 / 30))
        state = rng.choice(["open", "claimed"]) if active else "closed"
        claimed = None if state == "open" else created + timedelta(minutes=rng.randint(5, 2000))
        tickets.append(
            {
                "id": number,
                "state": state,
                "category": category,
                "subcategory": sub,
                "emergency": category == "emergency",
                "building": building,
                "unit": str(rng.randint(1, 4)),
                "text": f"{building}号楼{rng.choice(WORDS)}",
                "summary": rng.choice(WORDS),
                "keywords": [],
                "reporter_id": f"r{number % 3000}",
                "reporter_name": f"居民{number % 3000}",
                "source_room_id": f"{building}号楼居民群",
                "source_group": f"{building}号楼居民群",
                "assigned_group": f"{building}号楼党小组",
                "created_at": created,
                "updated_at": resolved or created,
                "claimed_at": claimed,
                "resolved_at": resolved,
                "resolved_by": None if active else "何军",
                "resolution_note": None if active else "已处理",
                "rating": None if active else rng.choice(["satisfied", "satisfied", None]),
            }
        )
        events.append(
            {
                "ticket_id": number,
                "kind": "created",
                "actor_id": "r",
                "actor_name": "r",
                "at": created,
            }
        )
        if claimed is not None:
            events.append(
                {
                    "ticket_id": number,
                    "kind": "claimed",
                    "from_state": "open",
                    "to_state": "claimed",
                    "actor_id": "s",
                    "actor_name": "s",
                    "at": claimed,
                }
            )
    return tickets, events


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def timed(client: TestClient, path: str) -> float:
    start = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return elapsed


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock()
        core = open_core(
            Settings(config_dir=REPO_ROOT / "config"),
            database_url=f"sqlite:///{Path(tmp) / 'bench.db'}",
            fresh=True,
        )
        started = time.perf_counter()
        seed(core.factory, clock.now())
        with core.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
        print(f"seeded {TICKETS:,} tickets in {time.perf_counter() - started:.1f} s")
        with transaction(core.factory) as session:
            accounts.add_account(
                session,
                core.community,
                username="bench",
                password="bench password",
                role="community",
                now=clock.now(),
            )
        client = TestClient(create_app(core, clock=clock, secret_key="bench"))
        login = client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', login.text)
        assert token is not None
        client.post(
            "/login",
            data={"username": "bench", "password": "bench password", "csrf_token": token.group(1)},
        )
        for path in LIST_QUERIES:  # warm caches once
            timed(client, path)
        lists = [timed(client, path) for _ in range(20) for path in LIST_QUERIES]
        today = [timed(client, "/") for _ in range(20)]
        worst = max(
            LIST_QUERIES, key=lambda p: statistics.median(timed(client, p) for _ in range(5))
        )
        core.engine.dispose()
    list_p95, today_p95 = p95(lists), p95(today)
    print(
        f"ticket list with filters: p95 {list_p95:.1f} ms"
        f" (median {statistics.median(lists):.1f} ms,"
        f" slowest query {worst}) target < 50 ms"
    )
    print(
        f"Today page:               p95 {today_p95:.1f} ms"
        f" (median {statistics.median(today):.1f} ms)"
        " target < 300 ms"
    )
    return 0 if list_p95 < 50 and today_p95 < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
