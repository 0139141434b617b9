"""Bot workers sharing a street's WeChat accounts (`hongqiao bot` for a whole street).

Each account (a community's) is led by whichever worker holds its lease (service.leadership:
the community's advisory lock or lock file), so an account is never served twice and a dead
worker's accounts are taken by the others within the lease's check interval. Workers share the
accounts evenly: each leads at most its share, ceil(accounts / workers alive), takes another
while it has room and hands one over while it has more (a worker that joins gets its share from
those already running).

On PostgreSQL every worker marks itself alive with an advisory lock of its own (freed by the
server when the worker dies), and counts the others' in pg_locks. SQLite lives on one machine:
a worker there counts itself alone and leads every account; a second one stands by."""

from __future__ import annotations

import logging
import math
import secrets
from typing import Protocol

from sqlalchemy import Engine, text

from service.scheduling import AdvisoryLease

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


class AdvisoryPresence:
    """PostgreSQL: alive while this worker's advisory lock is held."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        key = (WORKER_CLASS << 32) | secrets.randbelow(2**31)
        self._lock = AdvisoryLease(engine, key=key)

    def join(self) -> None:
        if not self._lock.acquire():  # a random key another worker holds: pick again
            self._lock = AdvisoryLease(
                self._engine, key=(WORKER_CLASS << 32) | secrets.randbelow(2**31)
            )
            self._lock.acquire()

    def alive(self) -> int:
        with self._engine.connect() as conn:
            count = conn.scalar(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    " AND objsubid = 1 AND classid::bigint = :worker AND database ="
                    " (SELECT oid FROM pg_database WHERE datname = current_database())"
                ),
                {"worker": WORKER_CLASS},
            )
        return max(1, int(count or 0))

    def leave(self) -> None:
        self._lock.release()


class Alone:
    """SQLite (one machine): this worker counts itself alone."""

    def join(self) -> None:
        return None

    def alive(self) -> int:
        return 1

    def leave(self) -> None:
        return None


def presence_for(engine: Engine) -> Presence:
    return AdvisoryPresence(engine) if engine.dialect.name == "postgresql" else Alone()


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
