"""`hongqiao backup FILE` and `hongqiao restore FILE`: a consistent copy of the whole database
while the bot runs, and that copy put back.

SQLite uses its online backup API (a consistent snapshot page by page, writers keep working);
PostgreSQL uses pg_dump's custom format and pg_restore, which must be on the PATH. A restore
goes into an empty database (or replaces one when asked to) and then migrates, so a backup
made by an older version comes back with the newest schema."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.engine import URL, make_url

from service.db import make_engine, migrate, private_file
from service.models import Ticket


class BackupError(Exception):
    """The backup or restore could not be done; the message says why (English, for the CLI)."""


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return Path(url.database)


def _libpq(url: URL) -> str:
    """The SQLAlchemy URL as pg_dump and pg_restore read it (no driver name)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (needed for PostgreSQL)")
    return found


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {done.stderr.strip()[-500:]}")


def backup(database_url: str, target: Path) -> int:
    """Write a copy of the database to `target`; returns how many tickets it holds."""
    url = make_url(database_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    if url.get_backend_name() == "sqlite":
        source = _sqlite_path(url)
        if not source.exists():
            raise BackupError(f"{source} does not exist")
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        private_file(partial)  # a copy holds the session key and residents' words too
        with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
            src.backup(dst)
        src.close()
        dst.close()
        partial.replace(target)
    elif url.get_backend_name() == "postgresql":
        private_file(target)  # pg_dump keeps the mode of a file that exists
        _run([_tool("pg_dump"), "--format=custom", f"--file={target}", _libpq(url)])
    else:
        raise BackupError(f"backups of {url.get_backend_name()} are not supported")
    return _count_in_copy(url, target)


def _count_in_copy(url: URL, target: Path) -> int:
    if url.get_backend_name() != "sqlite":
        return -1  # a pg_dump archive is not a database to count in
    engine = make_engine(f"sqlite:///{target}")
    try:
        return _tickets(engine)
    finally:
        engine.dispose()


def _tickets(engine: Engine) -> int:
    if not inspect(engine).has_table(Ticket.__tablename__):
        return 0
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Ticket)).scalar_one())


def restore(database_url: str, source: Path, replace: bool = False) -> int:
    """Put the copy in `source` into the database; returns how many tickets it now holds. A
    database that already has tickets is only overwritten with `replace`."""
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    url = make_url(database_url)
    engine = make_engine(database_url)
    try:
        held = _tickets(engine)
        if held and not replace:
            raise BackupError(
                f"the database already holds {held} tickets; restore into an empty database "
                "or pass --replace"
            )
    finally:
        engine.dispose()
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(source) as src, sqlite3.connect(_sqlite_path(url)) as dst:
            src.backup(dst)
        src.close()
        dst.close()
    elif url.get_backend_name() == "postgresql":
        _run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                f"--dbname={_libpq(url)}",
                str(source),
            ]
        )
    else:
        raise BackupError(f"restoring into {url.get_backend_name()} is not supported")
    engine = make_engine(database_url)
    try:
        migrate(engine)
        return _tickets(engine)
    finally:
        engine.dispose()
