"""Limits on guessing (passwords, staff codes): wrong tries counted atomically per key.

The rule, the same for every key (a source address, an account name, a person, a room):

- A key allows `free` wrong tries. After that, each further try must wait: FIRST_DELAY after the
  `free`-th wrong try, doubling with each further wrong one, at most MAX_DELAY.
- A try is counted *before* it is checked, with the rows of all its keys locked (row locks on
  PostgreSQL, the write lock taken by `service.db.transaction` on SQLite), so parallel tries
  cannot all slip through between a read and a write. While the last admitted try is being
  checked, its keys count as waiting.
- An admitted try with the right answer always succeeds and clears its keys: a slowdown only
  ever refuses tries made during a wait, never an admitted right answer.
- A key left alone for QUIET_RESET starts afresh.

Callers choose the keys so that guessing cannot keep the right person out: see
`service.staff.accounts.login_limits`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from service.db import insert_new
from service.models import AttemptLimit

FIRST_DELAY: Final = timedelta(seconds=30)
MAX_DELAY: Final = timedelta(minutes=15)
QUIET_RESET: Final = timedelta(days=1)
KEY_LENGTH: Final = 200


@dataclass(frozen=True)
class Limit:
    key: str
    free: int  # wrong tries allowed before the waits begin


def delay(failures: int, free: int) -> timedelta:
    """The wait after `failures` wrong tries (none before the `free`-th)."""
    if failures < free:
        return timedelta(0)
    wait: timedelta = FIRST_DELAY * (2 ** min(failures - free, 16))
    return min(wait, MAX_DELAY)


def _rows(session: Session, keys: Sequence[str], now: datetime) -> dict[str, AttemptLimit]:
    """The keys' rows, created if missing and locked for this transaction, stale ones reset."""
    values = [{"key": k, "failures": 0, "wait_until": None, "updated_at": now} for k in keys]
    insert_new(session, AttemptLimit, values)
    stmt = (
        select(AttemptLimit)
        .where(AttemptLimit.key.in_(keys))
        .order_by(AttemptLimit.key)  # one order everywhere: no deadlocks between tries
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    rows = {row.key: row for row in session.scalars(stmt)}
    for row in rows.values():
        if row.updated_at < now - QUIET_RESET:
            row.failures, row.wait_until = 0, None
    return rows


def _keys(limits: Iterable[Limit]) -> list[str]:
    return sorted({limit.key[:KEY_LENGTH] for limit in limits})


def waiting(session: Session, limits: Sequence[Limit], now: datetime) -> datetime | None:
    """A plain read, no lock: when a try under these keys may be made again, if it must wait
    (lets a flood of refused tries skip the write lock; `admit` decides for the others)."""
    keys = _keys(limits)
    rows = {
        r.key: r for r in session.scalars(select(AttemptLimit).where(AttemptLimit.key.in_(keys)))
    }
    waits = [
        row.wait_until
        for limit in limits
        if (row := rows.get(limit.key[:KEY_LENGTH])) is not None
        and row.updated_at >= now - QUIET_RESET
        and row.failures >= limit.free
        and row.wait_until is not None
        and row.wait_until > now
    ]
    return max(waits) if waits else None


def admit(session: Session, limits: Sequence[Limit], now: datetime) -> datetime | None:
    """Count one try under every key: None when admitted, else when to try again (then
    nothing is counted)."""
    rows = _rows(session, _keys(limits), now)
    waits = [
        row.wait_until
        for limit in limits
        if (row := rows[limit.key[:KEY_LENGTH]]).failures >= limit.free
        and row.wait_until is not None
        and row.wait_until > now
    ]
    if waits:
        return max(waits)
    for limit in limits:
        row = rows[limit.key[:KEY_LENGTH]]
        row.failures += 1
        row.updated_at = now
        if row.failures >= limit.free:  # the last free try, or one after a wait: in flight
            row.wait_until = now + MAX_DELAY
    return None


def failed(session: Session, limits: Sequence[Limit], now: datetime) -> datetime | None:
    """An admitted try was wrong: start the waits it earned; the longest wait, if any."""
    rows = _rows(session, _keys(limits), now)
    until: datetime | None = None
    for limit in limits:
        row = rows[limit.key[:KEY_LENGTH]]
        wait = delay(row.failures, limit.free)
        row.wait_until = now + wait if wait else None
        row.updated_at = now
        if wait and (until is None or (row.wait_until is not None and row.wait_until > until)):
            until = row.wait_until
    return until


def succeeded(
    session: Session, cleared: Sequence[Limit], given_back: Sequence[Limit], now: datetime
) -> None:
    """An admitted try was right: forget `cleared` keys; give the try back to `given_back`
    (a source shared by many people keeps its other counts)."""
    session.execute(delete(AttemptLimit).where(AttemptLimit.key.in_(_keys(cleared))))
    for limit in given_back:
        session.execute(
            update(AttemptLimit)
            .where(AttemptLimit.key == limit.key[:KEY_LENGTH], AttemptLimit.failures > 0)
            .values(failures=AttemptLimit.failures - 1, wait_until=None)
        )
    session.execute(delete(AttemptLimit).where(AttemptLimit.updated_at < now - QUIET_RESET))


def count(session: Session, key: str, now: datetime) -> int:
    """Wrong tries under a key lately (without counting one)."""
    row = session.get(AttemptLimit, key[:KEY_LENGTH])
    if row is None or row.updated_at < now - QUIET_RESET:
        return 0
    return row.failures


def note(session: Session, key: str, now: datetime) -> None:
    """Count a wrong try under a key that only watches (it never makes anyone wait)."""
    rows = _rows(session, [key[:KEY_LENGTH]], now)
    row = rows[key[:KEY_LENGTH]]
    row.failures += 1
    row.updated_at = now


def wait_zh(until: datetime, now: datetime) -> str:
    """How long to wait, as staff read it: 30 秒, 2 分钟."""
    seconds = max(1, int((until - now).total_seconds()))
    return f"{seconds} 秒" if seconds < 120 else f"{-(-seconds // 60)} 分钟"
