"""Issue 12 throughput: a new report costs the same number of statements however many tickets
are open in its building (the duplicate check loaded each candidate's followers one by one)."""

from __future__ import annotations

import asyncio

from sqlalchemy import event

from bot.messages import InboundMessage
from bot.simulator import Simulator

CHATTER_STATEMENTS = 7
REPORT_STATEMENTS = 11


def statements(sim: Simulator, room: str, sender: str, text: str) -> int:
    count = 0

    def seen(*_: object) -> None:
        nonlocal count
        count += 1

    event.listen(sim.core.engine, "before_cursor_execute", seen)
    try:
        asyncio.run(sim.say(room, sender, text))
    finally:
        event.remove(sim.core.engine, "before_cursor_execute", seen)
    return count


def test_a_report_costs_the_same_with_many_tickets_open_in_the_building(sim: Simulator) -> None:
    first = statements(sim, "3号楼居民群", "居民0", "3号楼1单元101室家里水管漏水了")
    for n in range(1, 25):
        room = 100 * (n % 17 + 1) + n // 17 + 1
        asyncio.run(sim.say("3号楼居民群", f"居民{n}", f"3号楼{n % 4 + 1}单元{room}室马桶堵了"))
    later = statements(sim, "3号楼居民群", "居民99", "3号楼2单元1502室家里水管漏水了")
    assert later <= first + 2, (first, later)


def test_sqlite_commits_a_message_without_waiting_for_the_disk(sim: Simulator) -> None:
    """WAL with synchronous=NORMAL: a commit does not fsync (a checkpoint does)."""
    if sim.core.engine.dialect.name != "sqlite":
        return
    with sim.core.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def routed(sim: Simulator, room: str, sender: str, text: str) -> int:
    """Statements the router alone runs for one message (BEGIN and savepoints included)."""
    count = 0

    def seen(*_: object) -> None:
        nonlocal count
        count += 1

    message = InboundMessage(f"m-{sender}", sender, sender, text, room, room)
    event.listen(sim.core.engine, "before_cursor_execute", seen)
    try:
        sim.router.handle(message)
    finally:
        event.remove(sim.core.engine, "before_cursor_execute", seen)
    return count


def test_chatter_and_a_new_report_cost_few_statements(sim: Simulator) -> None:
    """Issue 12: the outbox rows of a message are one statement, not one per notice."""
    routed(sim, "3号楼居民群", "居民1", "大家好")  # binds the room
    assert routed(sim, "3号楼居民群", "居民2", "谢谢大家") <= CHATTER_STATEMENTS
    assert routed(sim, "3号楼居民群", "居民3", "3号楼2单元1502室家里水管漏水了") <= REPORT_STATEMENTS
