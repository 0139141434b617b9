"""In `hongqiao run` one asyncio loop serves the web and runs the simulator's chat and the
delivery of the outbox. A web request that holds the SQLite write lock needs that loop to finish
and let the lock go; if chat or delivery waited for the lock on the loop, both stood still for
the busy timeout (found by a red team: one playground message and one Open311 report at the same
moment froze the server for minutes and lost the message). Chat and delivery now wait off the
loop: while another connection holds the write lock, the loop keeps running."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Awaitable, Callable

import pytest

from bot.simulator import Simulator

HOLD = 1.0  # seconds the other connection keeps the write lock


def _hold_write_lock(path: str, started: threading.Event) -> None:
    conn = sqlite3.connect(path, timeout=30)
    conn.execute("BEGIN IMMEDIATE")
    started.set()
    time.sleep(HOLD)
    conn.rollback()
    conn.close()


def _ticks_while_locked(sim: Simulator, work: Callable[[], Awaitable[object]]) -> int:
    if sim.core.engine.dialect.name != "sqlite":
        pytest.skip("the SQLite write lock")
    path = sim.core.engine.url.database
    assert path
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, started))
    holder.start()
    started.wait()

    async def scenario() -> int:
        task = asyncio.create_task(work())  # type: ignore[arg-type]
        ticks = 0
        while not task.done():
            await asyncio.sleep(0.01)
            ticks += 1
        await task
        return ticks

    try:
        return asyncio.run(scenario())
    finally:
        holder.join()


def test_a_chat_message_waits_for_the_write_lock_off_the_loop(sim: Simulator) -> None:
    ticks = _ticks_while_locked(sim, lambda: sim.say("3号楼居民群", "张阿姨", "2单元楼道灯坏了"))
    assert ticks >= HOLD / 0.01 / 3, f"the loop ran only {ticks} times while the lock was held"
    assert any("工单 #1" in line.text for line in sim.transcript)


def test_delivery_waits_for_the_write_lock_off_the_loop(sim: Simulator) -> None:
    asyncio.run(sim.say("3号楼居民群", "张阿姨", "2单元楼道灯坏了"))
    asyncio.run(sim.say("3号楼居民群", "李大爷", "1单元楼道灯也坏了"))  # queued, then sent
    ticks = _ticks_while_locked(sim, sim.deliver)
    assert ticks >= HOLD / 0.01 / 3, f"the loop ran only {ticks} times while the lock was held"
