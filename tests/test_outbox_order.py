"""What goes out first when the outbox is full (issue 12, items 3 and 4): emergencies do not wait
behind a flood of replies, a resident repeating a report hears "您已反映过" at most once an hour,
and one room waiting for a retry does not hold up the others however many rows it has."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

from bot.dispatcher import Dispatcher
from bot.messages import InboundMessage, OutboundMessage
from bot.simulator import RecordingGateway, Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.db import transaction
from service.models import OutboxMessage
from service.outbox import Notice, enqueue, free_claims

FLOOD = 30


def _hear(sim: Simulator, group: str, sender: str, text: str) -> None:
    """A message the router handles without anything being sent yet (a busy sender)."""
    sim.router.handle(
        InboundMessage(
            message_id=f"test-{uuid.uuid4().hex}",
            sender_id=sender,
            sender_name=sender,
            text=text,
            room_id=group,
            room_topic=group,
        )
    )


def _flood(core: Core, clock: FakeClock) -> None:
    """Replies queued earlier in one residents' group, not sent yet."""
    with transaction(core.factory) as session:
        for n in range(FLOOD):
            notice = Notice(f"回复{n}", room_id="3号楼居民群")
            enqueue(session, f"test:flood:{n}", [notice], clock.now())


def test_an_emergency_alert_goes_out_before_a_flood_of_earlier_replies(
    sim: Simulator, core: Core, clock: FakeClock
) -> None:
    _flood(core, clock)
    _hear(sim, "4号楼居民群", "老孙", "4号楼楼下有人打架 都见血了")
    said = asyncio.run(sim.deliver())
    texts = [m.text for m in said]
    alerts = [i for i, t in enumerate(texts) if "【紧急 #1】" in t]
    first_reply = texts.index("回复0")
    assert len(alerts) == 3
    assert max(alerts) < first_reply, texts[: max(alerts) + 1]
    # Replies keep their order among themselves.
    assert [t for t in texts if t.startswith("回复")] == [f"回复{n}" for n in range(FLOOD)]


def test_staff_notices_go_out_before_a_flood_of_earlier_replies(
    sim: Simulator, core: Core, clock: FakeClock
) -> None:
    _flood(core, clock)
    _hear(sim, "5号楼居民群", "老周", "1单元楼道灯坏了")
    texts = [m.text for m in asyncio.run(sim.deliver())]
    notice = next(i for i, t in enumerate(texts) if t.startswith("【新工单 #1】"))
    assert notice < texts.index("回复0")


def test_a_resident_repeating_the_same_words_is_answered_and_the_group_told_once_an_hour(
    sim: Simulator, clock: FakeClock
) -> None:
    for _ in range(20):
        _hear(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    texts = [m.text for m in asyncio.run(sim.deliver())]
    assert sum("已收到您反映的问题（工单 #1" in t for t in texts) == 1
    assert sum("已把您说的转告" in t for t in texts) == 1
    assert sum("居民补充" in t for t in texts) == 1
    # Another resident joins once; their own repeats are answered for them once.
    for _ in range(3):
        _hear(sim, "3号楼居民群", "李大爷", "2单元楼道灯不亮")
    texts = [m.text for m in asyncio.run(sim.deliver())]
    assert sum("已有居民反映过" in t for t in texts) == 1
    assert sum("已把您说的转告" in t for t in texts) == 1
    # An hour later the first resident is heard again, once.
    asyncio.run(sim.advance_to(clock.now() + timedelta(minutes=61)))
    for _ in range(5):
        _hear(sim, "3号楼居民群", "张阿姨", "楼道灯还没修吗")
    texts = [m.text for m in asyncio.run(sim.deliver())]
    assert sum("已把您说的转告" in t for t in texts) == 1


class FailingIn:
    """A gateway that cannot deliver to one room; everything else goes through."""

    def __init__(self, room: str) -> None:
        self.room = room
        self.sent: list[OutboundMessage] = []

    async def send(self, message: OutboundMessage) -> None:
        if message.room_id == self.room:
            raise RuntimeError("room unavailable")
        self.sent.append(message)


def test_a_room_waiting_for_a_retry_does_not_hold_up_other_rooms(
    core: Core, clock: FakeClock
) -> None:
    with transaction(core.factory) as session:
        for n in range(250):  # more than one read of the old dispatcher (200 rows)
            enqueue(session, f"test:stuck:{n}", [Notice(f"堵{n}", room_id="stuck")], clock.now())
        enqueue(session, "test:other", [Notice("别的群", room_id="other")], clock.now())
    gateway = FailingIn("stuck")
    dispatcher = Dispatcher(core.factory, gateway, clock)
    asyncio.run(dispatcher.drain())  # the first row of "stuck" fails and waits for a retry
    assert [m.text for m in gateway.sent] == ["别的群"]
    with transaction(core.factory) as session:
        enqueue(session, "test:later", [Notice("后来的", room_id="other")], clock.now())
    asyncio.run(dispatcher.drain())
    assert [m.text for m in gateway.sent] == ["别的群", "后来的"]
    with core.factory() as session:
        stuck = session.get_one(OutboxMessage, 1)
        assert stuck.attempts == 1 and stuck.state == "pending"


def test_rows_already_sent_are_not_sent_by_a_recording_gateway_again(
    core: Core, clock: FakeClock
) -> None:
    with transaction(core.factory) as session:
        enqueue(session, "test:once", [Notice("一次", room_id="r")], clock.now())
    gateway = RecordingGateway()
    dispatcher = Dispatcher(core.factory, gateway, clock)
    asyncio.run(dispatcher.drain())
    asyncio.run(dispatcher.drain())
    assert [m.text for m in gateway.sent] == ["一次"]


class SlowToAnswer:
    """WeChat taking a while to confirm a send it has already taken."""

    def __init__(self) -> None:
        self.sent: list[OutboundMessage] = []
        self.sending = asyncio.Event()

    async def send(self, message: OutboundMessage) -> None:
        self.sent.append(message)  # delivered to the group ...
        self.sending.set()
        await asyncio.sleep(0.2)  # ... and confirmed a moment later


def test_a_bot_stopped_while_wechat_takes_a_message_records_it_and_the_next_sends_it_not_again(
    core: Core, clock: FakeClock
) -> None:
    """A worker killed or an account handed over stops the bot while a reply is on its way; the
    next leader (which frees what its predecessor held) does not send that reply a second time."""
    with transaction(core.factory) as session:
        enqueue(session, "test:ack", [Notice("已收到您反映的问题", room_id="r")], clock.now())
    slow = SlowToAnswer()

    async def stopped_mid_send() -> None:
        running = asyncio.create_task(Dispatcher(core.factory, slow, clock).run())
        await slow.sending.wait()
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)

    asyncio.run(stopped_mid_send())
    assert [m.text for m in slow.sent] == ["已收到您反映的问题"]
    with transaction(core.factory) as session:
        free_claims(session)  # as the next leader does on taking over
    after = RecordingGateway()
    asyncio.run(Dispatcher(core.factory, after, clock).drain())
    assert after.sent == []
