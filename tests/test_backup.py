"""Issue 12 housekeeping: `hongqiao backup` and `hongqiao restore` bring back every ticket, on
SQLite (online backup API) and PostgreSQL (pg_dump / pg_restore)."""

from __future__ import annotations

import asyncio
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main
from bot.simulator import Simulator
from service.db import make_engine, migrate
from service.models import Ticket, TicketEvent
from tests.conftest import throwaway_pg_database


@pytest.fixture
def empty_database(database_url: str, tmp_path: Path) -> Iterator[str]:
    """A second, empty database on the same backend to restore into."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump and pg_restore are not installed")
    with throwaway_pg_database(database_url, "hongqiao_restore") as url:
        yield url


def tickets(url: str) -> tuple[list[tuple[int, str, str]], int]:
    """Every ticket (number, state, the resident's words) and how many audit events."""
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(select(Ticket.id, Ticket.state, Ticket.text).order_by(Ticket.id))
        found = [(r[0], r[1], r[2]) for r in rows]
        events = conn.execute(select(func.count()).select_from(TicketEvent)).scalar_one()
    engine.dispose()
    return found, events


def test_backup_then_restore_into_a_fresh_database_finds_every_ticket(
    sim: Simulator,
    database_url: str,
    empty_database: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for n, text_ in enumerate(
        ["2单元楼道灯坏了好几天了", "1单元电梯又停了", "3号楼门口的垃圾好几天没人清理了"]
    ):
        asyncio.run(sim.say("3号楼居民群", f"居民{n}", text_))
    asyncio.run(sim.say("3号楼党小组", "刘志强", "#1 已处理 换了灯泡"))
    before = tickets(database_url)
    assert len(before[0]) == 3

    copy = tmp_path / "backups" / "hongqiao.backup"
    assert main(["backup", str(copy), "--db", database_url]) == 0
    assert copy.stat().st_size > 0
    assert main(["restore", str(copy), "--db", empty_database]) == 0
    assert "3 tickets" in capsys.readouterr().out
    assert tickets(empty_database) == before

    # A database that has tickets is not overwritten unless asked.
    assert main(["restore", str(copy), "--db", empty_database]) == 1
    assert "--replace" in capsys.readouterr().err
    assert main(["restore", str(copy), "--db", empty_database, "--replace"]) == 0
    assert tickets(empty_database) == before


def test_restore_of_a_missing_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["restore", str(tmp_path / "nothing.backup"), "--db", url]) == 1
    assert "is not a file" in capsys.readouterr().err


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask 022, under which new files are readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_database_its_wal_and_backups_are_readable_by_the_owner_only(
    tmp_path: Path, open_umask: None
) -> None:
    """The database holds the dashboard's session key and residents' words."""
    url = f"sqlite:///{tmp_path / 'data' / 'hongqiao.db'}"
    engine = make_engine(url)
    migrate(engine)
    with engine.connect() as conn:  # WAL files exist while a connection is open
        conn.execute(select(func.count()).select_from(Ticket))
        files = [
            tmp_path / "data" / name
            for name in ("hongqiao.db", "hongqiao.db-wal", "hongqiao.db-shm")
        ]
        assert all(f.exists() for f in files)
        assert {f.name: _mode(f) for f in files} == {f.name: 0o600 for f in files}
        copy = tmp_path / "backups" / "hongqiao.backup"
        assert main(["backup", str(copy), "--db", url]) == 0
        assert _mode(copy) == 0o600
    engine.dispose()
    restored = tmp_path / "restored.db"
    assert main(["restore", str(copy), "--db", f"sqlite:///{restored}"]) == 0
    assert _mode(restored) == 0o600


def test_a_database_created_readable_by_others_is_made_private(
    tmp_path: Path, open_umask: None
) -> None:
    path = tmp_path / "hongqiao.db"
    path.touch(mode=0o644)
    make_engine(f"sqlite:///{path}").dispose()
    assert _mode(path) == 0o600
