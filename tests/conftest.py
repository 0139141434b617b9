"""Shared fixtures: a migrated database (SQLite, and PostgreSQL when configured) and a simulator."""

from __future__ import annotations

import faulthandler
import gc
import os
import uuid
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.simulator import Simulator
from service.bootstrap import Core, open_core
from service.clock import FakeClock
from service.scheduling import active
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


@pytest.fixture
def core(settings: Settings, database_url: str) -> Iterator[Core]:
    core = open_core(settings, database_url=database_url, fresh=True)
    yield core
    scheduling = active()
    if scheduling is not None:  # a test that built a Simulator and did not close it
        scheduling.shutdown()
    # A session a test forgot to close lives in a reference cycle until the collector runs; on
    # PostgreSQL its open transaction would block the next test's DROP TABLE.
    gc.collect()
    core.engine.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sim(core: Core, clock: FakeClock) -> Iterator[Simulator]:
    simulator = Simulator(core, clock)
    yield simulator
    simulator.close()
