"""The bot on WeChat in-process: the real `Wechaty` class over a recording FakePuppet."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from itertools import pairwise

import pytest
from sqlalchemy import func, select

from bot.router import VOICE_REPLY
from bot.wechaty_compat import GRPCError, GrpcStatus, MessageType
from service.bootstrap import Core
from service.clock import FakeClock
from service.community.rooms import bind_room
from service.db import transaction
from service.delivery import delivery_health
from service.identity import issue_code, redeem_code
from service.models import OutboxMessage, RoomBinding, SeenMessage, Ticket
from service.settings import Settings
from service.tickets.messages import ask_place
from tests.wechat_fakes import BOT_NAME, RecordingPuppet, connect, live_bot, until

RESIDENTS = "r3@chatroom"
PARTY = "p3@chatroom"


@pytest.fixture
def puppet(core: Core, clock: FakeClock) -> RecordingPuppet:
    puppet = RecordingPuppet(clock)
    for contact_id, name in [
        ("c_zhang", "张阿姨"),
        ("c_li", "李大爷"),
        ("c_liu", "刘志强"),
        ("c_fake", "刘志强"),  # someone who took the party leader's name
    ]:
        puppet.add_contact(contact_id, name)
    puppet.add_room(RESIDENTS, "3号楼居民群", ["c_zhang", "c_li", "c_fake"])
    puppet.add_room(PARTY, "3号楼党小组", ["c_liu"])
    puppet.add_room("x@chatroom", "吃瓜群", ["c_li"])
    with transaction(core.factory) as session:  # as an admin's `绑定 3号楼 党小组` would
        bind_room(session, PARTY, "3号楼党小组", "王书记", clock.now())
    return puppet


def _count(core: Core, model: type) -> int:
    with core.factory() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


async def _handled(core: Core, message_id: str) -> None:
    def seen() -> bool:
        with core.factory() as session:
            return session.get(SeenMessage, message_id) is not None

    await until(seen)


def test_report_ack_notice_and_bound_staff_reply(
    core: Core, settings: Settings, puppet: RecordingPuppet, clock: FakeClock
) -> None:
    async def run() -> None:
        live = live_bot(core, settings, puppet, clock)
        await connect(live)
        with core.factory() as session:  # rooms bound by topic at login
            bound = {b.room_id: b.group_name for b in session.scalars(select(RoomBinding))}
        assert bound == {RESIDENTS: "3号楼居民群", PARTY: "3号楼党小组"}

        report = puppet.inject("c_zhang", "2单元楼道灯坏了好几天了", RESIDENTS)
        await _handled(core, report)
        await live.dispatchers[0].drain()
        ack, notice = puppet.sent
        assert ack.conversation == RESIDENTS and ack.mention_ids == ("c_zhang",)
        assert ack.text.startswith("@张阿姨 已收到您反映的问题（工单 #1")
        assert notice.conversation == PARTY and notice.text.startswith("【新工单 #1】")

        # A nickname grants nothing: the impostor and the unbound leader are both refused.
        for sender, room in [("c_fake", RESIDENTS), ("c_liu", PARTY)]:
            refused = puppet.inject(sender, "#1 已处理 换了灯泡", room)
            await _handled(core, refused)
        await live.dispatchers[0].drain()
        # The impostor in the residents' group is not told whose ticket it is; in the party
        # group the leader may read it.
        to_impostor, to_leader = puppet.sent[2:]
        assert (
            to_impostor.conversation == RESIDENTS
            and "抱歉，只有工作人员可以办理" in to_impostor.text
        )
        assert to_leader.conversation == PARTY and "抱歉，只有3号楼党小组" in to_leader.text

        with transaction(core.factory) as session:
            code = issue_code(session, core.community, "刘志强", clock.now())
        in_group = puppet.inject("c_liu", f"认证 {code}", PARTY)
        await _handled(core, in_group)
        await live.dispatchers[0].drain()
        assert "不要发在群里" in puppet.sent[-1].text  # ... and that code is now spoiled

        with transaction(core.factory) as session:
            code = issue_code(session, core.community, "刘志强", clock.now())
        auth = puppet.inject("c_liu", f"认证 {code.lower()}")  # private chat, any case
        await _handled(core, auth)
        await live.dispatchers[0].drain()
        assert puppet.sent[-1].conversation == "c_liu"
        assert puppet.sent[-1].text.startswith("认证成功，您好，刘志强")

        done = puppet.inject("c_liu", "#1 已处理 换了灯泡", PARTY)
        await _handled(core, done)
        await live.dispatchers[0].drain()
        assert puppet.texts(PARTY)[-1] == "工单 #1 已办结（刘志强）：换了灯泡"
        assert puppet.texts(RESIDENTS)[-1].startswith("@张阿姨 您反映的问题（工单 #1")
        with core.factory() as session:
            ticket = session.get_one(Ticket, 1)
            assert (ticket.state, ticket.resolved_by) == ("resolved", "刘志强")
        await live.stop()

    asyncio.run(run())


def test_a_look_alike_staff_group_binds_by_topic_only_with_its_authenticated_leader(
    core: Core, settings: Settings, puppet: RecordingPuppet, clock: FakeClock
) -> None:
    puppet.add_contact("c_sun", "孙丽")
    puppet.add_room("fake@chatroom", "物业服务中心群", ["c_zhang", "c_li"])  # a resident's
    puppet.add_room("g1@chatroom", "第一网格党支部群", ["c_li"])  # its head is not in it
    puppet.add_room("p4@chatroom", "4号楼党小组", ["c_sun"])  # its leader, authenticated
    puppet.add_room("r4@chatroom", "4号楼居民群", ["c_li"])  # residents: the topic will do
    with transaction(core.factory) as session:
        code = issue_code(session, core.community, "孙丽", clock.now())
        redeem_code(session, core.community, code, "c_sun", clock.now())

    async def run() -> None:
        live = live_bot(core, settings, puppet, clock)
        await connect(live)
        with core.factory() as session:
            bound = {b.room_id: b.group_name for b in session.scalars(select(RoomBinding))}
        assert bound == {
            RESIDENTS: "3号楼居民群",
            PARTY: "3号楼党小组",
            "p4@chatroom": "4号楼党小组",
            "r4@chatroom": "4号楼居民群",
        }
        # A message in the look-alike room binds nothing either.
        said = puppet.inject("c_zhang", "大家好", "fake@chatroom")
        await _handled(core, said)
        with core.factory() as session:
            assert session.get(RoomBinding, "fake@chatroom") is None
        await live.stop()

    asyncio.run(run())


def test_own_echoes_old_messages_unbound_rooms_and_other_kinds(
    core: Core, settings: Settings, puppet: RecordingPuppet, clock: FakeClock
) -> None:
    async def run() -> None:
        live = live_bot(core, settings, puppet, clock)
        await connect(live)
        stale = puppet.inject(
            "c_li", "楼道灯坏了", RESIDENTS, sent_at=clock.now() - timedelta(hours=2)
        )
        elsewhere = puppet.inject("c_li", "3号楼楼道灯坏了", "x@chatroom")
        voice = puppet.inject("c_li", "", RESIDENTS, kind=MessageType.MESSAGE_TYPE_AUDIO)
        image = puppet.inject("c_li", "", RESIDENTS, kind=MessageType.MESSAGE_TYPE_IMAGE)
        mentioned = puppet.inject(
            "c_zhang", f"@{BOT_NAME}\u20053号楼2单元电梯坏了", RESIDENTS, mention_ids=("wxid_bot",)
        )
        private = puppet.inject("c_li", "楼道灯坏了")  # no building in a private chat
        for message_id in (elsewhere, voice, image, mentioned, private):
            await _handled(core, message_id)
        await live.dispatchers[0].drain()
        with core.factory() as session:
            assert session.get(SeenMessage, stale) is None  # ignored, not answered
            tickets = {t.text: t.awaiting_place for t in session.scalars(select(Ticket))}
        # The private report waits for its building; nothing from the stale or unbound room.
        assert tickets == {"3号楼2单元电梯坏了": False, "楼道灯坏了": True}
        said = [(s.conversation, s.text, s.mention_ids) for s in puppet.sent]
        assert (RESIDENTS, f"@李大爷 {VOICE_REPLY}", ("c_li",)) in said
        assert ("c_li", ask_place(), ()) in said  # a private chat gets no @mention
        assert len(said) == 4  # voice, ack, party notice, question: nothing for the rest
        # The bot's own messages came back as events and were not handled as inbound.
        assert _count(core, SeenMessage) == 5
        assert _count(core, OutboxMessage) == 4
        await live.stop()

    asyncio.run(run())


def test_a_send_asks_the_puppet_service_only_what_it_needs_and_its_echo_is_not_read(
    core: Core, settings: Settings, puppet: RecordingPuppet, clock: FakeClock
) -> None:
    """Sending is most of a bot's work: the acknowledgement (one @mention of a room member)
    and the group's notice (none) go out without the room's member list being fetched, and
    WeChat's echo of each is never loaded back (each load is a round trip to the service)."""
    asked: list[tuple[str, str]] = []
    for call in ("message_payload", "room_members"):
        original = getattr(puppet, call)

        async def counted(key: str, _call: str = call, _original: object = original) -> object:
            asked.append((_call, key))
            return await _original(key)  # type: ignore[operator]

        setattr(puppet, call, counted)

    async def run() -> None:
        live = live_bot(core, settings, puppet, clock)
        await connect(live)
        asked.clear()
        report = puppet.inject("c_zhang", "2单元楼道灯坏了好几天了", RESIDENTS)
        await _handled(core, report)
        await live.dispatchers[0].drain()
        for _ in range(3):  # the echoes' events run on the loop
            await asyncio.sleep(0)
        ack, notice = puppet.sent
        assert ack.text.startswith("@张阿姨 已收到") and ack.mention_ids == ("c_zhang",)
        assert notice.conversation == PARTY
        assert asked == [("message_payload", report)]
        await live.stop()

    asyncio.run(run())


def test_logout_pauses_delivery_and_login_resumes_it(
    core: Core, settings: Settings, puppet: RecordingPuppet, clock: FakeClock
) -> None:
    async def run() -> None:
        live = live_bot(core, settings, puppet, clock)
        await connect(live)
        puppet.logout_now()
        await until(lambda: not live.gateway.logged_in)
        report = puppet.inject("c_zhang", "2单元楼道灯坏了", RESIDENTS)
        await _handled(core, report)
        await live.dispatchers[0].drain()
        assert puppet.sent == []
        with core.factory() as session:
            health = delivery_health(session)
        assert (health.pending, health.failed) == (2, 0)
        assert [(g.gateway, g.state) for g in health.gateways] == [("wechat", "logged_out")]
        assert not health.ok

        puppet.login_now()
        await until(lambda: live.gateway.logged_in)
        await live.dispatchers[0].drain()
        assert len(puppet.sent) == 2
        with core.factory() as session:
            health = delivery_health(session)
        assert (health.pending, health.failed, health.ok) == (0, 0, True)
        assert health.last_sent_at is not None
        await live.stop()
        with core.factory() as session:
            assert delivery_health(session).gateways[0].state == "stopped"

    asyncio.run(run())


def test_failures_back_off_then_fail_and_rate_limits_slow_everyone(
    core: Core, settings: Settings, puppet: RecordingPuppet, clock: FakeClock
) -> None:
    async def run() -> None:
        live = live_bot(core, settings, puppet, clock)
        dispatcher = live.dispatchers[0]
        await connect(live)
        puppet.failures = [GRPCError(GrpcStatus.INTERNAL, "boom")] * 5
        puppet.failing_room = RESIDENTS
        report = puppet.inject("c_zhang", "2单元楼道灯坏了", RESIDENTS)
        await _handled(core, report)
        tries = []
        for _ in range(5):
            await dispatcher.drain()
            with core.factory() as session:
                ack = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).first()
                assert ack is not None
                tries.append((ack.attempts, ack.state, ack.next_attempt_at))
            if ack.next_attempt_at is not None:
                clock.set(ack.next_attempt_at)
        assert [t[:2] for t in tries] == [
            (1, "pending"),
            (2, "pending"),
            (3, "pending"),
            (4, "pending"),
            (5, "failed"),
        ]
        due = [t[2] for t in tries[:4]]
        gaps = [(b - a).total_seconds() for a, b in pairwise(due)]
        assert gaps[1] > gaps[0]  # exponential backoff between attempts
        # The party-group notice (another room) was not held back by the failing ack.
        assert [s.conversation for s in puppet.sent] == [PARTY]
        with core.factory() as session:
            health = delivery_health(session)
        assert health.failed == 1 and "boom" in (health.recent_failures[0].error or "")

        puppet.failures = [GRPCError(GrpcStatus.RESOURCE_EXHAUSTED, "slow down")]
        puppet.failing_room = None
        second = puppet.inject("c_li", "3号楼1单元电梯坏了", RESIDENTS)
        await _handled(core, second)
        before = clock.now()
        await dispatcher.drain()
        await dispatcher.drain()
        first_after, second_after = puppet.sent[1], puppet.sent[2]
        assert (first_after.at - before).total_seconds() >= 60  # paused after "slow down"
        assert (second_after.at - first_after.at).total_seconds() >= 3.0  # slower pace now
        with core.factory() as session:
            attempts = session.scalars(
                select(OutboxMessage.attempts).where(OutboxMessage.state == "sent")
            ).all()
        assert set(attempts) == {1}  # a rate limit is not a failed attempt
        await live.stop()

    asyncio.run(run())


def test_long_text_goes_out_in_parts_cut_at_lines(
    core: Core, settings: Settings, puppet: RecordingPuppet, clock: FakeClock
) -> None:
    async def run() -> None:
        live = live_bot(core, settings.model_copy(update={"send_max_chars": 60}), puppet, clock)
        await connect(live)
        text = "\n".join(f"第{n}行：请各位党员准时参加主题党日活动。" for n in range(1, 9))
        with transaction(core.factory) as session:
            from service.outbox import Notice, enqueue

            enqueue(session, "test:long", [Notice(text, group="3号楼党小组")], clock.now())
        await live.dispatchers[0].drain()
        parts = puppet.texts(PARTY)
        assert len(parts) > 1 and all(len(p) <= 60 for p in parts)
        assert "\n".join(parts) == text  # nothing lost, cut only at line ends
        await live.stop()

    asyncio.run(run())


def test_lost_connection_is_retried_with_backoff_and_logged(
    core: Core,
    settings: Settings,
    puppet: RecordingPuppet,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    drops = [ConnectionResetError("stream reset"), OSError("network is unreachable")]
    original_start = puppet.start

    async def flaky_start() -> None:
        if drops:
            raise drops.pop(0)
        await original_start()

    puppet.start = flaky_start  # type: ignore[method-assign]

    async def run() -> None:
        live = live_bot(core, settings, puppet, clock)
        before = clock.now()
        await connect(live)
        assert (clock.now() - before).total_seconds() == 1 + 2  # waited 1 s, then 2 s
        report = puppet.inject("c_zhang", "2单元楼道灯坏了", RESIDENTS)
        await _handled(core, report)
        await live.dispatchers[0].drain()
        assert len(puppet.sent) == 2  # working normally after the reconnects
        await live.stop()

    asyncio.run(run())
    lost = [r.getMessage() for r in caplog.records if "connection lost" in r.getMessage()]
    assert lost == [
        "WeChat connection lost (ConnectionResetError: stream reset); reconnecting in 1 s",
        "WeChat connection lost (OSError: network is unreachable); reconnecting in 2 s",
    ]
