"""Street workers share the communities' accounts: each leads at most ceil(accounts / workers
alive), takes one more while it has room and hands its last one over while it leads too many;
on PostgreSQL the workers alive are counted by their advisory locks, which die with them.
(The workers themselves, with real processes, puppet services and a kill -9, are in
test_puppet_service.py.)"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, text

from service.scheduling import lock_key
from service.workers import Share, WorkerLocks


@dataclass
class Lead:
    held: bool = False


@dataclass
class Counted:
    workers: int
    fails: bool = False

    def join(self) -> None:
        return None

    def alive(self) -> int:
        if self.fails:
            raise OSError("the database is unreachable")
        return self.workers

    def leave(self) -> None:
        return None


def _share(accounts: int, presence: Counted) -> tuple[Share, list[Lead]]:
    share = Share(accounts, presence)
    leads = [Lead() for _ in range(accounts)]
    for lead in leads:
        share.add(lead)
    return share, leads


def test_a_worker_alone_leads_every_account() -> None:
    share, leads = _share(3, Counted(1))
    for lead in leads:
        assert share.admits()
        lead.held = True
    assert not share.admits() and not any(share.surplus(lead) for lead in leads)


def test_when_a_second_worker_joins_the_first_hands_over_its_last_account_only() -> None:
    presence = Counted(1)
    share, leads = _share(3, presence)
    for lead in leads:
        lead.held = True
    presence.workers = 2  # quota 2 of 3
    assert [share.surplus(lead) for lead in leads] == [False, False, True]
    leads[2].held = False
    assert not share.admits() and not any(share.surplus(lead) for lead in leads)


def test_when_a_worker_dies_the_others_take_its_accounts() -> None:
    presence = Counted(3)
    share, leads = _share(30, presence)
    for lead in leads[:10]:
        lead.held = True
    assert not share.admits()  # 10 of 30 with three alive
    presence.workers = 2
    assert share.admits()  # room for 15


def test_a_worker_that_cannot_count_keeps_what_it_leads_and_takes_nothing() -> None:
    presence = Counted(2)
    share, leads = _share(4, presence)
    for lead in leads[:3]:
        lead.held = True
    presence.fails = True
    assert not share.admits() and not any(share.surplus(lead) for lead in leads)


def test_workers_alive_are_counted_by_their_locks_on_postgresql(pg_database: str) -> None:
    engine = create_engine(pg_database)
    first, second = WorkerLocks(engine), WorkerLocks(engine)
    try:
        first.join()
        assert first.alive() == 1
        second.join()
        assert first.alive() == second.alive() == 2
        second.leave()  # its locks are freed before it goes
        assert first.alive() == 1
    finally:
        first.leave()
        second.leave()
        engine.dispose()


def _holders(engine: Engine, keys: list[int]) -> set[int]:
    """The server processes (one per connection) holding these advisory locks."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                " AND objsubid = 1 AND (classid::bigint << 32) + objid::bigint = ANY(:keys)"
            ),
            {"keys": keys},
        )
        return {pid for (pid,) in rows}


def test_a_worker_holds_every_accounts_lease_on_one_connection_and_loses_them_with_it(
    pg_database: str,
) -> None:
    """A street worker leading ten accounts keeps one connection for them, not ten; when that
    connection dies, each lease is found lost, another worker takes them, and the worker
    itself comes back on a new connection."""
    engine = create_engine(pg_database)
    first, second = WorkerLocks(engine), WorkerLocks(engine)
    keys = [lock_key(f"community_lease{n}") for n in range(3)]
    try:
        first.join()
        second.join()
        leases = [first.lease(key) for key in keys]
        assert [lease.acquire() for lease in leases] == [True, True, True]
        assert all(lease.check() for lease in leases)
        (holder,) = _holders(engine, keys)
        theirs = second.lease(keys[0])
        assert not theirs.acquire()  # led by the first worker
        with engine.connect() as conn:  # its connection dies, as when its machine does
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": holder})
        assert not any(lease.check() for lease in leases)
        assert theirs.acquire() and theirs.check()
        assert leases[1].acquire()  # a new connection, presence first
        assert first.alive() == second.alive() == 2
        assert len(_holders(engine, keys[1:2])) == 1 and holder not in _holders(engine, keys)
        assert not leases[0].acquire()
    finally:
        first.leave()
        second.leave()
        engine.dispose()
