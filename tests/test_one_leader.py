"""One leader per database (issue 12, item 2): a second instance neither sends an outbox row a
second time nor connects to WeChat while another instance leads, and it takes over when the
leader goes away or loses its lease.

Two instances are modelled in one process: two dispatchers, or two `LiveService`s (each with its
own lease on the database, its own fake puppet and its own gateway, dispatchers and scheduler).
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import text

from bot.dispatcher import Dispatcher
from bot.live import LiveService
from bot.messages import OutboundMessage
from bot.wechat import puppet_bot
from service.bootstrap import Core
from service.clock import FakeClock
from service.db import transaction
from service.leadership import Leadership
from service.outbox import Notice, enqueue
from service.settings import Settings
from tests.wechat_fakes import RecordingPuppet, fake_sleep

pytestmark = pytest.mark.timeout(120)


class SlowGateway:
    """A gateway that takes a moment per message, so two senders overlap."""

    def __init__(self, sent: Counter[str]) -> None:
        self.sent = sent

    async def send(self, message: OutboundMessage) -> None:
        await asyncio.sleep(0.002)
        self.sent[message.text] += 1


def test_two_instances_send_each_outbox_row_once(core: Core, clock: FakeClock) -> None:
    with transaction(core.factory) as session:
        for n in range(40):
            notice = Notice(f"消息{n}", room_id=f"room-{n % 4}")
            enqueue(session, f"test:{n}", [notice], clock.now())
    sent: Counter[str] = Counter()
    first = Dispatcher(core.factory, SlowGateway(sent), clock, name="first")
    second = Dispatcher(core.factory, SlowGateway(sent), clock, name="second")

    async def both() -> None:
        await asyncio.gather(first.drain(), second.drain())

    asyncio.run(both())
    assert sorted(sent) == sorted(f"消息{n}" for n in range(40))
    assert set(sent.values()) == {1}, {t: c for t, c in sent.items() if c > 1}


def _live_service(
    core: Core, settings: Settings, clock: FakeClock, puppet: RecordingPuppet
) -> LiveService:
    puppet.add_contact("c_zhang", "张阿姨")
    puppet.add_room("room-1", "测试群", ["c_zhang"])
    return LiveService(
        core,
        settings,
        lambda: puppet_bot(puppet),
        clock,
        Leadership(core.engine, every=timedelta(seconds=0.05)),
        sleep=fake_sleep(clock),
        rng=random.Random(5),
        environ={},
    )


async def _within(condition: object, seconds: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():  # type: ignore[operator]
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.02)


async def _lead_and_stand_by(leader: LiveService, standby: LiveService) -> None:
    """The first leads and is logged in; the second, started later, builds nothing."""
    leader.start()
    await _within(lambda: leader.live is not None and leader.live.gateway.logged_in)
    standby.start()
    await asyncio.sleep(0.5)  # ten lease checks
    assert standby.live is None, "the standby built a WeChat connection"


def test_a_standby_connects_to_wechat_only_once_the_leader_is_gone(
    core: Core, settings: Settings, clock: FakeClock
) -> None:
    leader_puppet, standby_puppet = RecordingPuppet(clock), RecordingPuppet(clock)
    leader = _live_service(core, settings, clock, leader_puppet)
    standby = _live_service(core, settings, clock, standby_puppet)

    async def scenario() -> None:
        await _lead_and_stand_by(leader, standby)
        assert not standby_puppet.emitter.listeners("login"), "the standby listens to WeChat"
        with transaction(core.factory) as session:
            enqueue(session, "test:one", [Notice("只说一次", room_id="room-1")], clock.now())
        leader.live.dispatchers[0].notify()
        await _within(lambda: "只说一次" in leader_puppet.texts("room-1"))

        await leader.stop()  # the leader goes away: the standby takes over
        await _within(lambda: standby.live is not None and standby.live.gateway.logged_in)
        with transaction(core.factory) as session:
            enqueue(session, "test:two", [Notice("接班以后", room_id="room-1")], clock.now())
        standby.live.dispatchers[0].notify()
        await _within(lambda: "接班以后" in standby_puppet.texts("room-1"))
        await standby.stop()

    asyncio.run(scenario())
    assert leader_puppet.texts("room-1") == ["只说一次"]
    assert standby_puppet.texts("room-1") == ["接班以后"]


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_leader_whose_lease_connection_drops_stops_and_the_standby_takes_over(
    core: Core, settings: Settings, clock: FakeClock
) -> None:
    leader = _live_service(core, settings, clock, RecordingPuppet(clock))
    standby = _live_service(core, settings, clock, RecordingPuppet(clock))

    async def scenario() -> None:
        await _lead_and_stand_by(leader, standby)
        # The leader's lease connection drops (a network blip, a restarted pooler ...).
        with core.engine.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks "
                    "WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid() "
                    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                )
            )
        await _within(lambda: leader.live is None)  # the leader stopped its chat side
        await _within(lambda: standby.live is not None and standby.live.gateway.logged_in)
        assert not leader.leads and standby.leads
        await standby.stop()
        await leader.stop()

    asyncio.run(scenario())


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_the_server_notices_a_vanished_leader_within_seconds(core: Core) -> None:
    """A leader whose machine dies closes no socket: TCP keepalives on the lease connection let
    PostgreSQL drop it (and free the lock for the standby) within seconds, not hours."""
    leadership = Leadership(core.engine)
    assert leadership.try_acquire()
    try:
        lease_conn = leadership._lease._conn  # type: ignore[attr-defined]
        shown = [
            int(lease_conn.scalar(text(f"SHOW {name}")))
            for name in ("tcp_keepalives_idle", "tcp_keepalives_interval", "tcp_keepalives_count")
        ]
        assert shown[0] + shown[1] * shown[2] <= 20, shown
    finally:
        leadership.release()
