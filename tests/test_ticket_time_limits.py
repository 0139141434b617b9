"""Time limits: reminders and escalation up the grid, unrated and unanswered tickets, the
morning overdue list. Time moves only on the fake clock."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.messages import OutboundMessage
from bot.simulator import Simulator
from service.clock import FakeClock
from service.dashboard import tally
from service.models import Ticket, TicketEvent
from service.tickets import jobs
from service.tickets.deadlines import Late

SHANGHAI = ZoneInfo("Asia/Shanghai")


def say(sim: Simulator, group: str, sender: str, text: str) -> list[OutboundMessage]:
    return asyncio.run(sim.say(group, sender, text))


def sweep(sim: Simulator, clock: FakeClock, delta: timedelta) -> list[OutboundMessage]:
    clock.advance(delta)
    jobs.sweep_tickets(sim.core.factory, sim.core.community, clock.now())
    return asyncio.run(sim.deliver())


def rooms(messages: list[OutboundMessage]) -> list[str]:
    return [m.room_id for m in messages]


def events(sim: Simulator, ticket_id: int) -> list[str]:
    with sim.core.factory() as session:
        stmt = select(TicketEvent.kind).where(TicketEvent.ticket_id == ticket_id)
        return list(session.scalars(stmt.order_by(TicketEvent.id)))


def test_unclaimed_ticket_climbs_the_ladder_once_per_step(sim: Simulator, clock: FakeClock) -> None:
    # Tuesday 2026-12-01 09:00: the claim limit is one working day.
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    assert sweep(sim, clock, timedelta(hours=23)) == []
    reminder = sweep(sim, clock, timedelta(hours=1, minutes=1))
    assert rooms(reminder) == ["3号楼党小组"]
    assert reminder[0].text.startswith("【超时提醒】工单 #1")
    assert "超时未接单" in reminder[0].text and "#1 接单" in reminder[0].text
    assert sweep(sim, clock, timedelta(hours=1)) == []  # each step once
    assert rooms(sweep(sim, clock, timedelta(days=1))) == ["第一网格党支部群"]
    top = sweep(sim, clock, timedelta(days=1))
    assert rooms(top) == ["社区党委工作群"] and top[0].text.startswith("【超时上报】")
    assert sweep(sim, clock, timedelta(days=1)) == []
    assert events(sim, 1) == ["created", "reminder", "escalated", "escalated"]


def test_working_days_skip_the_weekend(sim: Simulator, clock: FakeClock) -> None:
    clock.set(datetime(2026, 12, 4, 17, 0, tzinfo=SHANGHAI))  # a Friday
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    assert sweep(sim, clock, timedelta(days=2)) == []  # Sunday 17:00: not yet
    assert rooms(sweep(sim, clock, timedelta(days=1, minutes=1))) == ["3号楼党小组"]


def test_emergency_limits_are_minutes_and_claiming_stops_the_claim_ladder(
    sim: Simulator, clock: FakeClock
) -> None:
    say(sim, "2号楼居民群", "王阿姨", "救命 电梯里有人被困 1单元")
    # Every group had the alert: unclaimed, it is said once more, to the duty person's group
    # (emergency_repeat in config/tickets.yaml), not step by step; and the street office hears.
    assert rooms(sweep(sim, clock, timedelta(minutes=16))) == ["社区党委工作群", "幸福街道党工委工作群"]
    assert sweep(sim, clock, timedelta(minutes=15)) == []
    say(sim, "2号楼党小组", "陈桂兰", "#1 接单")
    assert sweep(sim, clock, timedelta(minutes=30)) == []
    late = sweep(sim, clock, timedelta(hours=1, minutes=5))  # past the 2-hour resolve limit
    assert rooms(late) == ["2号楼党小组"] and "超时未办结" in late[0].text


def test_complex_ticket_gets_fifteen_days(sim: Simulator, clock: FakeClock) -> None:
    say(sim, "6号楼居民群", "冯大姐", "6号楼下水道堵了 一股臭味")
    say(sim, "6号楼党小组", "吴敏", "#1 接单")
    say(sim, "6号楼党小组", "吴敏", "#1 复杂")
    assert sweep(sim, clock, timedelta(days=8)) == []
    assert rooms(sweep(sim, clock, timedelta(days=7, minutes=1))) == ["6号楼党小组"]


def test_unrated_ticket_closes_after_three_days_without_a_rating(
    sim: Simulator, clock: FakeClock
) -> None:
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    say(sim, "3号楼党小组", "刘志强", "#1 已处理 换了灯泡")
    sweep(sim, clock, timedelta(days=2, hours=23))
    with sim.core.factory() as session:
        assert session.get_one(Ticket, 1).state == "resolved"
    sweep(sim, clock, timedelta(hours=1))
    with sim.core.factory() as session:
        ticket = session.get_one(Ticket, 1)
        assert (ticket.state, ticket.rating) == ("closed", None)
    assert say(sim, "3号楼居民群", "张阿姨", "满意")[0].text == "您目前没有待评价的工单。"


def test_unanswered_place_question_goes_to_the_community_group(
    sim: Simulator, clock: FakeClock
) -> None:
    asked = say(sim, "幸福里业主群", "何阿姨", "楼道里的灯坏了好久了 晚上上下楼很危险")
    assert asked[0].text.startswith("请问是几号楼几单元")
    assert sweep(sim, clock, timedelta(minutes=9)) == []
    late = sweep(sim, clock, timedelta(minutes=2))
    # The resident was asked and is not told the opposite now; the community group is.
    assert rooms(late) == ["社区党委工作群"]
    assert "未注明楼栋" in late[0].text
    # The resident's next message is a new one, not an answer to a closed question.
    assert say(sim, "幸福里业主群", "何阿姨", "谢谢") == []


def test_morning_digest_lists_overdue_tickets_on_working_days_once(
    sim: Simulator, clock: FakeClock
) -> None:
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    say(sim, "5号楼居民群", "周阿姨", "5号楼电梯坏了 一直停在3层不动")
    community, factory = sim.core.community, sim.core.factory
    clock.advance(timedelta(days=1, minutes=1))  # Wednesday 09:01
    assert jobs.overdue_digest(factory, community, clock.now()) == 2
    # The reminders that fell due go out with the list (day 15: one sweep, once per group).
    sent = _lists(asyncio.run(sim.deliver()))
    # Each grid lists its own; the community group lists only what was escalated to it.
    assert rooms(sent) == ["第一网格党支部群", "第二网格党支部群"]
    assert "#1 3号楼2单元" in sent[0].text and "#2" not in sent[0].text
    assert jobs.overdue_digest(factory, community, clock.now()) == 0
    clock.set(datetime(2026, 12, 5, 9, 0, tzinfo=SHANGHAI))  # Saturday
    assert jobs.overdue_digest(factory, community, clock.now()) == 0


def _lists(sent: list[OutboundMessage]) -> list[OutboundMessage]:
    """What went to the grid and community groups: the morning lists, not the reminders to
    the building groups that fell due with them."""
    return [m for m in sent if not m.room_id.endswith("党小组")]


def test_nothing_overdue_sends_no_digest(sim: Simulator, clock: FakeClock) -> None:
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    assert jobs.overdue_digest(sim.core.factory, sim.core.community, clock.now()) == 0


def test_a_ticket_escalated_to_the_community_is_listed_there_and_not_in_its_grid(
    sim: Simulator, clock: FakeClock
) -> None:
    """Issue 11, day 13: the morning list named the same ticket in the grid's and in the
    community's list. Each group lists what it must act on: one list per ticket."""
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    say(sim, "3号楼居民群", "李大爷", "3单元门口的垃圾桶满了 没人倒")
    community, factory = sim.core.community, sim.core.factory
    clock.advance(timedelta(days=1, minutes=1))  # Wednesday 09:01
    jobs.overdue_digest(factory, community, clock.now())
    sent = _lists(asyncio.run(sim.deliver()))
    assert rooms(sent) == ["第一网格党支部群"] and "#1" in sent[0].text and "#2" in sent[0].text
    with factory.begin() as session:
        session.get(Ticket, 1).claim_stage = 3  # escalated up to the community group
    clock.advance(timedelta(days=1))  # Thursday 09:01
    jobs.overdue_digest(factory, community, clock.now())
    sent = asyncio.run(sim.deliver())
    # #2 climbs to the grid this very minute: its 超时上报 is all the grid hears of it (day 15).
    assert rooms(sent) == ["第一网格党支部群", "社区党委工作群"], sent
    assert sent[0].text.startswith("【超时上报】工单 #2")
    assert "#2" in sent[0].text and "#1" not in sent[0].text
    assert "#1" in sent[1].text and "#2" not in sent[1].text


def test_a_ticket_read_as_late_gets_its_new_groups_full_time_once_handed_over(
    sim: Simulator, clock: FakeClock
) -> None:
    """The street overview keeps each community's tickets in hand between looks
    (service.dashboard.tally); a ticket handed to another group (its clock restarts) is not
    held to the old times."""
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    community, factory = sim.core.community, sim.core.factory

    def late_now() -> list[tuple[int, Late]]:
        with factory() as session:
            return tally.read(session, community, clock.now(), [], 5).late

    clock.advance(timedelta(days=1, minutes=1))  # the claim limit is one working day
    assert [number for number, _ in late_now()] == [1]
    assert "转至物业服务中心群" in say(sim, "3号楼党小组", "刘志强", "#1 转 物业")[0].text
    assert late_now() == []
    clock.advance(timedelta(days=1))
    assert late_now() == [(1, Late("claim", clock.now()))]  # a working day after the hand-over
