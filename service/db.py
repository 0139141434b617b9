"""Engine, sessions and migrations."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, cast

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, Table, create_engine, event, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, make_transient_to_detached, sessionmaker
from sqlalchemy.pool import NullPool
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.schema import ColumnDefault

from service.base import Base

log = logging.getLogger(__name__)
Model = TypeVar("Model", bound=Base)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


# How long a SQLite writer waits for another process's (or thread's) write to finish.
SQLITE_BUSY_SECONDS = 30
# PostgreSQL connections an engine keeps open while idle, and how many more it opens for a
# burst. A street has an engine per community in every process (30 communities, each with a
# bot process and its share of the web's), so what each keeps idle is what the server's
# max_connections must hold (docs/deployment.md).
POOL_KEPT = 2
POOL_BURST = 10


def make_engine(url: str, search_path: str | None = None, pooled: bool = True) -> Engine:
    """An engine for the URL; on PostgreSQL `search_path` puts every unqualified table of every
    statement in that schema (a community's own, service/street/storage.py), and an engine not
    `pooled` keeps no connection between uses (a street worker's, which reads rarely)."""
    if url.startswith("sqlite:///"):
        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
            private_database(Path(database))
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    pool: dict[str, Any] = (
        {"pool_size": POOL_KEPT, "max_overflow": POOL_BURST} if pooled else {"poolclass": NullPool}
    )
    if search_path is not None:
        options = {"options": f"-c search_path={search_path}"}
        return create_engine(url, connect_args=options, **pool)
    return create_engine(url, **pool)


PRIVATE_MODE = 0o600


def private_file(path: Path) -> None:
    """Create `path` (empty) readable and writable by its owner only, or take group and others'
    access away from an existing one. SQLite gives its -wal and -shm files the mode of the
    database file, so they follow."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_MODE))  # never truncates
        if stat.S_IMODE(path.stat().st_mode) & 0o077:
            os.chmod(path, PRIVATE_MODE)
    except PermissionError as exc:  # another user's file: say so, the database still opens
        log.warning("cannot make %s private: %s", path, exc)


def private_database(path: Path) -> None:
    """The SQLite file holds the dashboard's session key and residents' words: owner only,
    with the WAL files an older version left readable by others."""
    private_file(path)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            private_file(companion)


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")  # before anything waits
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a crash or kill -9 of the
    # bot loses nothing; a power cut or a crash of the machine keeps the database consistent
    # but may lose the last commits. FULL made every message wait for the disk.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # pysqlite starts a transaction only before INSERT/UPDATE/DELETE, not before SAVEPOINT: a
    # savepoint opened first is then the outermost transaction and its RELEASE commits, whatever
    # happens to the enclosing unit of work. SQLAlchemy emits BEGIN itself (_sqlite_begin).
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]


def _sqlite_begin(conn: Connection) -> None:
    if conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT":
        return
    conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get(SQLITE_BEGIN, '')}".strip())


# Execution option: how a SQLite transaction begins (DEFERRED, IMMEDIATE or EXCLUSIVE).
SQLITE_BEGIN = "hongqiao_sqlite_begin"


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (a database already there is only looked at)."""
    cfg = _alembic_config()
    with engine.begin() as conn:
        if schema_is_current(conn):
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def schema_is_current(conn: Connection) -> bool:
    """Whether the database stands at the newest revision this code ships."""
    return set(MigrationContext.configure(conn).get_current_heads()) == set(_head_revisions())


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def _head_revisions() -> tuple[str, ...]:
    """The newest revision(s) of the migrations shipped with this code (read once a process)."""
    return tuple(ScriptDirectory.from_config(_alembic_config()).get_heads())


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error.

    On SQLite the unit takes the write lock when it begins (BEGIN IMMEDIATE), so two writers
    (the bot's message, the scheduler's sweep after a commit, a shell on the same file) queue
    for up to SQLITE_BUSY_SECONDS instead of one failing with "database is locked" when it
    turns from reading to writing over a snapshot another writer has changed."""
    with factory() as session, session.begin():
        if session.get_bind().dialect.name == "sqlite":
            session.connection(execution_options={SQLITE_BEGIN: "IMMEDIATE"})
        yield session


def insert_new(session: Session, table: type[Base], rows: Sequence[Mapping[str, object]]) -> int:
    """Insert the rows whose key is not there yet, in one statement on the session's
    connection (no ORM objects); how many were new (0: every key was there already)."""
    conn = session.connection()
    # One multi-row VALUES statement: its rowcount is exact (an executemany's is not, on psycopg).
    result = conn.execute(_insert_ignoring(conn.dialect.name, table).values(list(rows)))
    return int(result.rowcount)


@cache
def _insert_ignoring(dialect: str, table: type[Base]) -> Insert:
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    if dialect == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing()
    raise RuntimeError(f"no insert-if-new on {dialect}")  # the two supported databases


def insert_loaded(session: Session, model: type[Model], values: Mapping[str, object]) -> Model:
    """Insert one row by a Core statement and return it as a persistent ORM object, loaded as
    if read back: no unit-of-work flush (which cost a quarter of a report's intake). Columns
    not given take their Python default, or NULL; relationships load when first asked."""
    table = cast(Table, model.__table__)
    row = dict(values)
    for column in table.columns:
        if column.primary_key or column.key in row:
            continue
        default = column.default
        if not isinstance(default, ColumnDefault):
            row[column.key] = None
        else:
            row[column.key] = default.arg(None) if default.is_callable else default.arg
    (key,) = table.primary_key.columns
    row[key.key] = session.connection().execute(insert(table).returning(key), row).scalar_one()
    loaded = model(**row)
    make_transient_to_detached(loaded)  # its attributes count as loaded from the database
    session.add(loaded)
    return loaded
