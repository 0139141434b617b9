"""Shared fixtures: a migrated database (SQLite, and PostgreSQL when configured) and a simulator."""

from __future__ import annotations

import faulthandler
import gc
import os
import shutil
import uuid
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, inspect, text
from sqlalchemy.engine import make_url

from bot.simulator import Simulator
from service.bootstrap import Core, open_core, wipe
from service.clock import FakeClock
from service.db import schema_is_current
from service.scheduling import running
from service.settings import REPO_ROOT, Settings

PG_URL = os.environ.get("HONGQIAO_TEST_DATABASE_URL")
STACKS_BEFORE_TIMEOUT = 5.0  # seconds


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    """Dump every thread's stack shortly before pytest-timeout fails a hanging test: the
    failure shows the main thread, a deadlock needs the others too."""
    marker = item.get_closest_marker("timeout")
    limit = (
        float(marker.args[0]) if marker and marker.args else float(item.config.getini("timeout"))
    )
    if limit > STACKS_BEFORE_TIMEOUT:
        faulthandler.dump_traceback_later(limit - STACKS_BEFORE_TIMEOUT)
    try:
        return (yield)
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True, scope="module")
def _collect_what_the_module_left() -> Iterator[None]:
    """Each test's teardown collects what the test left and freezes the rest (see `core`); once
    a module's own fixtures are gone, what they held is collected too, so nothing a module
    left behind lives on frozen."""
    yield
    gc.unfreeze()
    gc.collect()
    gc.freeze()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A throwaway PostgreSQL database on the configured server, dropped at the end."""
    if not PG_URL:
        pytest.skip("HONGQIAO_TEST_DATABASE_URL is not set")
    with throwaway_pg_database(PG_URL) as url:
        yield url


@contextmanager
def throwaway_pg_database(server_url: str, prefix: str = "hongqiao_test") -> Iterator[str]:
    server = make_url(server_url)
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
        # A test database lives for one run: its commits need not wait for the disk (a crash
        # loses at most the last few, never consistency), which PostgreSQL tests spent most of
        # their time on. The product's own databases keep the server's setting.
        conn.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    yield server.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hongqiao.db'}"
    url: str = request.getfixturevalue("pg_database")
    return url


@pytest.fixture
def settings() -> Settings:
    return Settings(config_dir=REPO_ROOT / "config")


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to the newest revision once, copied by each test that needs an
    empty database (migrating from nothing took a large share of every test's time)."""
    path = tmp_path_factory.mktemp("migrated") / "hongqiao.db"
    template = open_core(Settings(config_dir=REPO_ROOT / "config"), f"sqlite:///{path}", fresh=True)
    template.engine.dispose()
    return path


def start_empty(request: pytest.FixtureRequest, database_url: str) -> None:
    """Leave the test's database as a fresh migration would: no rows, numbering from 1."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        template: Path = request.getfixturevalue("migrated_sqlite_file")
        shutil.copyfile(template, str(url.database))
        return
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            if schema_is_current(conn):
                empty_every_table(conn)
                return
        wipe(engine)
    finally:
        engine.dispose()


def empty_every_table(conn: Connection) -> None:
    """Delete every row (foreign keys not checked while doing so) and restart every sequence:
    a millisecond, where dropping and migrating again took a quarter of a second."""
    tables = [name for name in inspect(conn).get_table_names() if name != "alembic_version"]
    conn.exec_driver_sql(
        "SET LOCAL session_replication_role = replica; "
        + " ".join(f'DELETE FROM "{name}";' for name in tables)
        + " SELECT setval(seqrelid, seqstart, false) FROM pg_sequence;"
    )


@pytest.fixture
def core(request: pytest.FixtureRequest, settings: Settings, database_url: str) -> Iterator[Core]:
    for stray in running():  # left by an earlier test that had no `core` to stop it
        stray.shutdown()
    start_empty(request, database_url)
    core = open_core(settings, database_url=database_url)
    yield core
    for scheduling in running():  # a test that built a Simulator and did not close it
        scheduling.shutdown()
    # A session a test forgot to close lives in a reference cycle until the collector runs; on
    # PostgreSQL its open transaction would block the next test's DROP TABLE.
    gc.collect()
    # What survives lives on (modules, tests, word lists, configuration): frozen, the next
    # collections skip it instead of walking millions of objects again, which took about a
    # second a test.
    gc.freeze()
    core.engine.dispose()


@pytest.fixture
def jinmao(core: Core, settings: Settings, database_url: str) -> Iterator[Core]:
    """金茂社区, the street's second community, on the same database as `core` (幸福里社区)."""
    other = open_core(settings, database_url=database_url, fresh=True, community="jinmao")
    yield other
    other.engine.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sim(core: Core, clock: FakeClock) -> Iterator[Simulator]:
    simulator = Simulator(core, clock)
    yield simulator
    simulator.close()


@pytest.fixture
def jm(jinmao: Core, clock: FakeClock) -> Iterator[Simulator]:
    """金茂社区's bot, on the same clock as `sim` (幸福里社区's)."""
    simulator = Simulator(jinmao, clock)
    yield simulator
    simulator.close()
