"""The walking skeleton end to end: report → ticket in the building's party group → staff closes."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from bot.messages import InboundMessage
from bot.simulator import Simulator
from service.models import OutboxMessage, Ticket, TicketEvent
from tests.dialog import verify_dialog


def test_resident_report_is_routed_and_closed_by_staff_reply(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 张阿姨 | 2单元楼道灯坏了好几天了
        -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1：楼道灯坏了好几天了，3号楼2单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·照明 / 地点：3号楼2单元 / 居民原话：2单元楼道灯坏了好几天了 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼党小组 | 刘志强 | #1 已处理 换了灯泡
        -> 3号楼党小组: 工单 #1 已办结（刘志强）：换了灯泡
        -> 3号楼居民群: @张阿姨 您反映的问题（工单 #1：楼道灯坏了好几天了）已处理：换了灯泡。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        """,
    )
    with sim.core.factory() as session:
        ticket = session.get_one(Ticket, 1)
        assert (ticket.state, ticket.building, ticket.unit) == ("resolved", "3", "2")
        assert (ticket.resolved_by, ticket.resolution_note) == ("刘志强", "换了灯泡")
        assert [e.kind for e in ticket.events] == ["created", "resolved"]
        assert ticket.events[1].actor_name == "刘志强"


def test_chatter_gets_no_reply_and_no_ticket(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 李大爷 | 谢谢
        3号楼居民群 | 李大爷 | 收到
        3号楼居民群 | 王阿姨 | 早上好
        3号楼居民群 | 王阿姨 | 👍
        3号楼居民群 | 王阿姨 | 👍👍🌹
        3号楼居民群 | 王阿姨 |
        """,
    )
    with sim.core.factory() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
    assert asyncio.run(sim.say("3号楼居民群", "王阿姨", " \n\t　")) == []


def test_place_from_message_wins_over_the_group_building(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        幸福里业主群 | 孙先生 | 5号楼电梯坏了 一直停在3层不动
        -> 幸福里业主群: @孙先生 已收到您反映的问题（工单 #1：电梯坏了，5号楼），已转5号楼党小组处理。
        -> 5号楼党小组: 【新工单 #1】维修维护·电梯 / 地点：5号楼 / 居民原话：5号楼电梯坏了 一直停在3层不动 / 反映人：孙先生（幸福里业主群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        """,
    )


def test_emergency_goes_to_grid_and_community_with_duty_staff(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        2号楼居民群 | 王阿姨 | 救命 电梯里有人被困 1单元
        -> 2号楼居民群: @王阿姨 已收到您反映的问题（工单 #1：电梯里有人被困，2号楼1单元），已转2号楼党小组处理。请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。
        -> 2号楼党小组: 【紧急 #1】2号楼1单元 电梯里有人被困 / 类别：应急处理·被困 / 居民原话：救命 电梯里有人被困 1单元 / 反映人：王阿姨（2号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：2号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第一网格党支部群: 【紧急 #1】2号楼1单元 电梯里有人被困 / 类别：应急处理·被困 / 居民原话：救命 电梯里有人被困 1单元 / 反映人：王阿姨（2号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：2号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @刘值班 【紧急 #1】2号楼1单元 电梯里有人被困 / 类别：应急处理·被困 / 居民原话：救命 电梯里有人被困 1单元 / 反映人：王阿姨（2号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：2号楼党小组。请立即跟进，接单回复：#1 接单
        """,
    )


def test_refusals_change_nothing(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 张阿姨 | 2单元楼道灯坏了好几天了
        -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1：楼道灯坏了好几天了，3号楼2单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·照明 / 地点：3号楼2单元 / 居民原话：2单元楼道灯坏了好几天了 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        # a resident tries a staff command
        3号楼居民群 | 李大爷 | #1 已处理
        -> 3号楼居民群: @李大爷 抱歉，只有工作人员可以办理工单 #1。
        # staff of another building
        4号楼党小组 | 孙丽 | #1 已处理 修好了
        -> 4号楼党小组: @孙丽 抱歉，只有3号楼党小组及上级的工作人员可以处理工单 #1。
        3号楼党小组 | 刘志强 | #9999 已处理
        -> 3号楼党小组: @刘志强 未找到工单 #9999，请核对编号。
        3号楼党小组 | 刘志强 | #abc 已处理
        -> 3号楼党小组: @刘志强 工单编号应为数字，例如：#12 已处理 换了灯泡
        3号楼党小组 | 刘志强 | #99999999999999999999 已处理
        -> 3号楼党小组: @刘志强 工单编号应为数字，例如：#12 已处理 换了灯泡
        # full-width ＃ and digits work; the grid head above the building may act
        3号楼党小组 | 李网格长 | ＃１ 已处理 换了灯泡
        -> 3号楼党小组: 工单 #1 已办结（李网格长）：换了灯泡
        -> 3号楼居民群: @张阿姨 您反映的问题（工单 #1：楼道灯坏了好几天了）已处理：换了灯泡。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        3号楼党小组 | 刘志强 | #1 已处理 又换了一次
        -> 3号楼党小组: @刘志强 工单 #1 已经是“已办结”状态，无需重复操作。
        """,
    )
    with sim.core.factory() as session:
        ticket = session.get_one(Ticket, 1)
        assert (ticket.resolved_by, ticket.resolution_note) == ("李网格长", "换了灯泡")
        assert session.scalar(select(func.count()).select_from(TicketEvent)) == 2


def test_huge_and_hostile_text_is_stored_whole_and_quoted_short(sim: Simulator) -> None:
    long_text = "3号楼2单元楼道灯坏了，" + "晚上黑乎乎的很危险。" * 500

    sent = asyncio.run(sim.say("3号楼居民群", "张阿姨", long_text))
    notice = next(m for m in sent if m.room_id == "3号楼党小组")
    assert len(notice.text) < 400 and "全文见工单" in notice.text
    injection = "'; DROP TABLE tickets;-- <script>alert(1)</script> 楼道灯坏了"
    asyncio.run(sim.say("5号楼居民群", "黑客", injection))
    with sim.core.factory() as session:
        texts = [t.text for t in session.scalars(select(Ticket).order_by(Ticket.id))]
    assert texts == [long_text, injection]


def test_messages_in_unknown_rooms_are_ignored(sim: Simulator) -> None:

    sim.router.handle(
        InboundMessage(
            "x1", "路人", "路人", "楼道灯坏了", room_id="random-room", room_topic="吃瓜群"
        )
    )
    assert asyncio.run(sim.deliver()) == []


def test_a_redelivered_message_is_answered_once(sim: Simulator) -> None:

    message = InboundMessage(
        "dup-1", "张阿姨", "张阿姨", "3单元楼道灯坏了", "3号楼居民群", "3号楼居民群"
    )
    sim.router.handle(message)
    sim.router.handle(message)
    assert len(asyncio.run(sim.deliver())) == 2  # one acknowledgement, one party-group notice
    with sim.core.factory() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 1


def test_a_refused_command_changes_nothing_and_is_answered_once(sim: Simulator) -> None:
    """A refusal rolls back everything the message did (no savepoint per handler since #12's
    intake work) and is still answered, once, also when WeChat delivers the message again."""
    asyncio.run(sim.say("3号楼居民群", "张阿姨", "3单元楼道灯坏了"))
    refused = InboundMessage(
        "refused-1", "刘志强", "刘志强", "#99 接单", "3号楼党小组", "3号楼党小组"
    )
    sim.router.handle(refused)
    sim.router.handle(refused)
    answers = asyncio.run(sim.deliver())
    assert len(answers) == 1 and "未找到工单 #99" in answers[0].text, answers
    with sim.core.factory() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 1
        assert session.scalar(select(func.count()).select_from(TicketEvent)) == 1
