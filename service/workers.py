"""Bot workers sharing a street's WeChat accounts (`hongqiao bot` for a whole street).

Each account (a community's) is led by whichever worker holds its lease (service.leadership:
the community's advisory lock or lock file), so an account is never served twice and a dead
worker's accounts are taken by the others within the lease's check interval. Workers share the
accounts evenly: each leads at most its share, ceil(accounts / workers alive), takes another
while it has room and hands one over while it has more (a worker that joins gets its share from
those already running).

On PostgreSQL every worker marks itself alive with an advisory lock of its own (freed by the
server when the worker dies), and counts the others' in pg_locks; it holds that lock and its
accounts' leases on one connection (WorkerLocks). SQLite lives on one machine:
a worker there counts itself alone and leads every account; a second one stands by."""

from __future__ import annotations

import logging
import math
import secrets
import threading
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, NullPool, TextClause, create_engine, text

from service.scheduling import HELD_HERE, KEEPALIVES, Lease

log = logging.getLogger(__name__)

# The advisory locks marking workers alive: this class in the key's high half, a random number
# in the low half (the scheduler's locks use another class, service.scheduling.lock_key).
WORKER_CLASS = 0x776F726B  # "work"


class Presence(Protocol):
    def join(self) -> None: ...

    def alive(self) -> int:
        """How many workers are running now, this one included."""
        ...

    def leave(self) -> None: ...


class WorkerLocks:
    """PostgreSQL: one connection per worker holds all its advisory locks: its presence (alive
    while held) and the lease of each account it leads. A street worker leading ten accounts
    keeps one connection for them, not ten (each account's bot has its own engine).

    When the connection drops, every lock on it goes with it: each lease is found lost on its
    next check (service.leadership), and the next try opens a new connection, presence first."""

    def __init__(self, engine: Engine) -> None:
        self._engine = create_engine(engine.url, poolclass=NullPool)
        self._conn: Connection | None = None
        self._held: set[int] = set()
        self._mutex = threading.Lock()

    def join(self) -> None:
        with self._mutex:
            self._connection()

    def alive(self) -> int:
        with self._mutex:
            count = self._run(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                " AND objsubid = 1 AND classid::bigint = :worker AND database ="
                " (SELECT oid FROM pg_database WHERE datname = current_database())",
                worker=WORKER_CLASS,
            )
        return max(1, int(count or 0))

    def leave(self) -> None:
        """Leaving on purpose frees every lock before the connection closes: the server ends
        a closed connection's session on its own time, so the others would still count this
        worker alive for a moment."""
        with self._mutex:
            if self._conn is not None:
                try:
                    self._conn.execute(text("SELECT pg_advisory_unlock_all()"))
                except Exception as exc:  # the connection is gone, and the locks with it
                    log.warning("could not free the worker's locks: %s", exc)
            self._drop()
        self._engine.dispose()

    def lease(self, key: int) -> Lease:
        return _LockOf(self, key)

    def try_lock(self, key: int) -> bool:
        with self._mutex:
            if key not in self._held and self._run("SELECT pg_try_advisory_lock(:key)", key=key):
                self._held.add(key)
            return key in self._held

    def holds(self, key: int) -> bool:
        with self._mutex:
            if self._conn is None or key not in self._held:
                return False
            try:
                return bool(self._run(HELD_HERE, high=key >> 32, low=key & 0xFFFFFFFF))
            except Exception as exc:
                log.error("the connection holding the worker's locks failed: %s", exc)
                return False

    def unlock(self, key: int) -> None:
        with self._mutex:
            if key in self._held:
                self._held.discard(key)
                try:
                    self._run("SELECT pg_advisory_unlock(:key)", key=key)
                except Exception as exc:  # the connection is gone, and the lock with it
                    log.warning("could not unlock an advisory lock: %s", exc)

    def _run(self, sql: str | TextClause, **params: int) -> Any:
        """One statement on the locks' connection; a failed connection is dropped (its locks
        are gone with it) and the error raised."""
        statement = text(sql) if isinstance(sql, str) else sql
        try:
            return self._connection().scalar(statement, params)
        except Exception:
            self._drop()
            raise

    def _connection(self) -> Connection:
        if self._conn is not None:
            return self._conn
        conn = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            for name, seconds in KEEPALIVES.items():
                conn.execute(text(f"SET {name} = {seconds}"))
            while not conn.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": _presence()}):
                pass  # a random key another worker holds: pick again
        except Exception:
            conn.invalidate()
            conn.close()
            raise
        self._conn = conn
        return conn

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        self._held.clear()
        if conn is not None:
            conn.invalidate()  # closed, not pooled: the server frees every lock it held
            conn.close()


def _presence() -> int:
    return (WORKER_CLASS << 32) | secrets.randbelow(2**31)


class _LockOf:
    """An account's lease, held on its worker's locks connection."""

    def __init__(self, locks: WorkerLocks, key: int) -> None:
        self._locks, self._key = locks, key

    def acquire(self) -> bool:
        return self._locks.try_lock(self._key)

    def check(self) -> bool:
        return self._locks.holds(self._key)

    def release(self) -> None:
        self._locks.unlock(self._key)


class Alone:
    """SQLite (one machine): this worker counts itself alone."""

    def join(self) -> None:
        return None

    def alive(self) -> int:
        return 1

    def leave(self) -> None:
        return None


def presence_for(engine: Engine) -> Presence:
    return WorkerLocks(engine) if engine.dialect.name == "postgresql" else Alone()


class Held(Protocol):
    @property
    def held(self) -> bool: ...


class Share:
    """The accounts one worker leads: at most ceil(accounts / workers alive)."""

    def __init__(self, accounts: int, presence: Presence) -> None:
        self.accounts = accounts
        self._presence = presence
        self._leads: list[Held] = []

    def add(self, lead: Held) -> None:
        self._leads.append(lead)

    def quota(self) -> int:
        try:
            alive = self._presence.alive()
        except Exception:  # the database is unreachable: keep what is held, take nothing
            log.exception("could not count the workers alive")
            return sum(lead.held for lead in self._leads)
        return math.ceil(self.accounts / alive)

    def admits(self) -> bool:
        """Whether this worker may take one more account now."""
        return sum(lead.held for lead in self._leads) < self.quota()

    def surplus(self, lead: Held) -> bool:
        """Whether `lead` should be handed over: this worker leads more than its share, and
        `lead` is the last of its leads (one at a time, the others keep theirs)."""
        held = [x for x in self._leads if x.held]
        return len(held) > self.quota() and held[-1] is lead
