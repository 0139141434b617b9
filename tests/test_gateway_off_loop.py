"""The WeChat gateway handles messages (database work and classification) off the asyncio loop,
in arrival order (issue 12, housekeeping): sending, the lease checks and the puppet's heartbeat
go on while a slow message is being handled."""

from __future__ import annotations

import asyncio
import threading
import time

from bot.messages import InboundMessage
from bot.wechat import WechatGateway, puppet_bot
from service.bootstrap import Core
from service.clock import FakeClock
from tests.wechat_fakes import RecordingPuppet, fake_sleep

SLOW = 0.3  # seconds one message takes to handle


def test_the_loop_keeps_running_while_a_message_is_handled_and_order_is_kept(
    core: Core, clock: FakeClock
) -> None:
    puppet = RecordingPuppet(clock)
    puppet.add_contact("c_zhang", "张阿姨")
    puppet.add_room("r3", "3号楼居民群", ["c_zhang"])
    handled: list[str] = []
    threads: set[int] = set()

    def slow_handle(message: InboundMessage) -> None:
        threads.add(threading.get_ident())
        time.sleep(SLOW)
        handled.append(message.text)

    async def scenario() -> int:
        gateway = WechatGateway(
            puppet_bot(puppet), core.factory, clock, slow_handle, sleep=fake_sleep(clock)
        )
        gateway.start()
        while not gateway.logged_in:
            await asyncio.sleep(0)
        for n in range(3):
            puppet.inject("c_zhang", f"第{n}条", "r3")
        ticks = 0
        deadline = time.monotonic() + 10 * SLOW
        while len(handled) < 3 and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
            ticks += 1
        await gateway.stop()
        return ticks

    ticks = asyncio.run(scenario())
    assert handled == ["第0条", "第1条", "第2条"]
    assert threading.get_ident() not in threads
    assert ticks >= 3 * SLOW / 0.01 / 2, f"the loop ran only {ticks} times in {3 * SLOW} s"
