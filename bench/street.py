"""A whole 街道 on PostgreSQL (`make bench-street`): COMMUNITIES communities, TICKETS tickets in
all with their audit rows, each community in its own schema, all served by one street service.
Measured as full HTTP answers of signed-in users:

- a community account's filtered ticket list (target p95 < 50 ms) and Today page (< 300 ms);
- the street office's overview of every community (target p95 < 500 ms), the first visit
  (nothing cached) and the ones after.

The data is generated, not checked in. The server is HONGQIAO_BENCH_DATABASE_URL (default: the
local PostgreSQL as user postgres); a throwaway database is made there and dropped after.
BENCH_COMMUNITIES and BENCH_TICKETS make it smaller (defaults 30 and 1,000,000)."""

from __future__ import annotations

import gc
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from bench_dashboard import p95, ticket_rows, timed  # beside this file
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from service.bootstrap import Core, open_core
from service.clock import FakeClock
from service.db import transaction
from service.models import Ticket, TicketEvent
from service.settings import REPO_ROOT, Settings
from service.staff import accounts
from service.street.office import open_office
from service.street.web import CommunityService, mount_path, street_app
from service.web.app import create_app

COMMUNITIES = int(os.environ.get("BENCH_COMMUNITIES", "30"))
TICKETS = int(os.environ.get("BENCH_TICKETS", "1000000"))
SERVER = os.environ.get(
    "HONGQIAO_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
LIST_QUERIES = [
    "/tickets",
    "/tickets?state=open",
    "/tickets?state=closed&building=3",
    "/tickets?category=maintenance&grid=1",
    "/tickets?subcategory=电梯&since=2026-10-01&until=2026-10-31",
    "/tickets?q=漏水",
    "/tickets?q=漏水&building=2",
    "/tickets?building=4&page=20",
]
PASSWORD = "bench password"


@contextmanager
def throwaway_database() -> Iterator[str]:
    server = make_url(SERVER)
    name = f"hongqiao_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def street_config(target: Path) -> list[str]:
    """The sample config with COMMUNITIES communities: 幸福里 and copies of 金茂."""
    shutil.copytree(REPO_ROOT / "config", target)
    slugs = ["xingfuli"] + [f"c{n:02d}" for n in range(2, COMMUNITIES + 1)]
    for number, slug in enumerate(slugs[1:], start=2):
        shutil.copytree(target / "communities" / "jinmao", target / "communities" / slug)
        path = target / "communities" / slug / "community.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("name: 金茂社区", f"name: 第{number}社区"),
            encoding="utf-8",
        )
    shutil.rmtree(target / "communities" / "jinmao")
    street = (target / "street.yaml").read_text(encoding="utf-8")
    street = street.replace("communities: [xingfuli, jinmao]", f"communities: [{', '.join(slugs)}]")
    (target / "street.yaml").write_text(street, encoding="utf-8")
    return slugs


def seed(core: Core, count: int, now: datetime, rng: random.Random) -> None:
    buildings = [b for g in core.community.grids for b in g.buildings]
    tickets, events = ticket_rows(count, now, rng, buildings)
    with transaction(core.factory) as session:
        session.execute(insert(Ticket), tickets)
        session.execute(insert(TicketEvent), events)
    with core.engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()


def one_more_ticket(core: Core, number: int, now: datetime, rng: random.Random) -> None:
    """A new open ticket, as a busy street has between two looks at its overview."""
    buildings = [b for g in core.community.grids for b in g.buildings]
    tickets, events = ticket_rows(1, now, rng, buildings)
    opened = {"created_at": now, "updated_at": now, "state": "open", "claimed_at": None}
    closed = {"resolved_at": None, "resolved_by": None, "resolution_note": None, "rating": None}
    with transaction(core.factory) as session:
        session.execute(insert(Ticket), [{**tickets[0], **opened, **closed, "id": number}])
        session.execute(insert(TicketEvent), [{**events[0], "ticket_id": number, "at": now}])


def sign_in(client: TestClient, base: str, username: str) -> None:
    page = client.get(f"{base}/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    form = {"username": username, "password": PASSWORD, "csrf_token": token.group(1)}
    answer = client.post(f"{base}/login", data=form, follow_redirects=False)
    assert answer.status_code == 303, answer.text[:300]


def main() -> int:
    clock = FakeClock()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp, throwaway_database() as url:
        settings = Settings(config_dir=Path(tmp) / "config")
        slugs = street_config(settings.config_dir)
        started = time.perf_counter()
        cores = []
        for slug in slugs:
            core = open_core(settings, database_url=url, fresh=True, community=slug)
            seed(core, TICKETS // len(slugs), clock.now(), rng)
            cores.append(core)
        print(
            f"seeded {len(slugs)} communities, {TICKETS:,} tickets and their audit rows"
            f" in {time.perf_counter() - started:.0f} s"
        )
        office = open_office(url, fresh=True)
        with transaction(office.factory) as session:
            accounts.add_street_account(
                session, username="jiedao", password=PASSWORD, now=clock.now(), display_name=None
            )
        services = []
        for core in cores:
            with transaction(core.factory) as session:
                accounts.add_account(
                    session,
                    core.community,
                    username="bench",
                    password=PASSWORD,
                    role="community",
                    now=clock.now(),
                )
            app = create_app(
                core, clock=clock, secret_key="bench", mounted_at=mount_path(core.slug)
            )
            services.append(CommunityService(core, app))
        client = TestClient(street_app("幸福街道", services, office, clock, "bench"))
        gc.freeze()  # as `hongqiao web` does before it serves (bot/cli.py, _serve)
        base = mount_path(slugs[len(slugs) // 2])
        sign_in(client, base, "bench")
        sign_in(client, "", "jiedao")
        first_overview = timed(client, "/overview")
        for path in LIST_QUERIES:  # warm caches once, as a service running a while has them
            timed(client, base + path)
        lists = [timed(client, base + path) for _ in range(10) for path in LIST_QUERIES]
        today = [timed(client, base + "/") for _ in range(20)]
        overviews = [timed(client, "/overview") for _ in range(20)]
        busy = []
        for number in range(TICKETS // len(slugs) + 1, TICKETS // len(slugs) + 11):
            for core in cores:
                one_more_ticket(core, number, clock.now(), rng)
            busy.append(timed(client, "/overview"))
        for core in cores:
            core.engine.dispose()
        office.engine.dispose()
    list_p95, today_p95, overview_p95 = p95(lists), p95(today), p95(overviews)
    print(
        f"{len(slugs)} communities, {TICKETS // len(slugs):,} tickets each, one community account:"
    )
    print(
        f"  ticket list with filters: p95 {list_p95:.1f} ms"
        f" (median {statistics.median(lists):.1f} ms) target < 50 ms"
    )
    print(
        f"  Today page:               p95 {today_p95:.1f} ms"
        f" (median {statistics.median(today):.1f} ms) target < 300 ms"
    )
    print(
        f"street overview of all {len(slugs)}: p95 {overview_p95:.1f} ms"
        f" (median {statistics.median(overviews):.1f} ms; first visit, nothing cached:"
        f" {first_overview:.0f} ms) target < 500 ms; slowest"
        f" {', '.join(f'{x:.0f}' for x in sorted(overviews)[-3:])} ms"
    )
    print(
        f"street overview while every community takes a new ticket between two views:"
        f" p95 {p95(busy):.1f} ms (median {statistics.median(busy):.1f} ms)"
    )
    return 0 if list_p95 < 50 and today_p95 < 300 and overview_p95 < 500 else 1


if __name__ == "__main__":
    sys.exit(main())
