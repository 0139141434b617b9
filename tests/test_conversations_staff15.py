"""Issue 11, day 15 (staff side): faults an outside tester found, each with the trial's sentence
("trial") and new wordings of the same kind written before the fix ("fresh"):
1. a closing with an explicit loose number (11号, 2号) closes that ticket unless its words fit
   another ticket and not the numbered one; who did the work (消防, 电梯公司) names no ticket;
2. a staff line with a ticket number and what was done or answered (a care visit, the answer
   to an activity question) closes the ticket, never silence;
3. a claimed emergency transferred to another group is not escalated as 未接单 as if nobody had
   ever taken it;
4. on the 09:00 sweep one ticket is said once per group (the morning list or the escalation);
5. chatter holding a general claim word (我去吃个饭, 我来统计一下人数) claims nothing."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

import pytest

from bot.simulator import Simulator
from service.clock import FakeClock
from service.tickets import jobs
from tests.test_conversations_day14_words import _claimed
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say, sweep

# -- 1. an explicit number with a closing word wins ------------------------------------------

FIRE = "3号楼2单元楼道里着火了 好大的烟 已经打119了 消防车快来"
BUTTONS = "3号楼1单元电梯按钮不亮 按了没反应"
TRAPPED = "3号楼3单元电梯卡住了 我老公被困在里面 快来人"
FILLERS = [
    ("4号楼居民群", "4号楼门口垃圾桶满了 没人倒"),
    ("5号楼居民群", "5号楼2单元楼道灯坏了"),
    ("6号楼居民群", "6号楼下水道堵了 一股臭味"),
    ("1号楼居民群", "1号楼小区东门的路灯不亮"),
    ("2号楼居民群", "2号楼健身器材的螺丝松了"),
    ("4号楼居民群", "4号楼楼顶漏水 墙皮都泡了"),
    ("5号楼居民群", "5号楼门禁刷卡刷不开"),
    ("6号楼居民群", "6号楼暖气不热"),
]


def _two_lifts_and_a_fire(sim: Simulator) -> None:
    """#1 a fire, #2 lift buttons dead, #3..#10 elsewhere, #11 a man trapped in the lift: all
    in 3号楼 but the fillers."""
    say(sim, "3号楼居民群", "赵阿姨", FIRE)
    say(sim, "3号楼居民群", "钱大爷", BUTTONS)
    for group, text in FILLERS:
        say(sim, group, "居民", text)
    say(sim, "3号楼居民群", "孙阿姨", TRAPPED)


def _state_of(sim: Simulator, number: int) -> str:
    return _states(sim)[number - 1]


def _closes_the_numbered_lift_ticket(sim: Simulator, closing: str, number: int) -> None:
    _two_lifts_and_a_fire(sim)
    done = _texts(say(sim, "3号楼党小组", "刘志强", closing))
    assert any(t.startswith(f"工单 #{number} 已办结") for t in done), done
    assert _state_of(sim, number) == "resolved"
    assert _state_of(sim, 1) == "open"  # never the fire


@pytest.mark.parametrize(
    ("closing", "number"),
    [
        ("11号 人昨天就被消防接出来了 已处理", 11),
        ("电梯公司换了个控制板 2号修好了", 2),
    ],
)
def test_trial_an_explicit_number_and_a_closing_word_close_that_ticket(
    sim: Simulator, closing: str, number: int
) -> None:
    _closes_the_numbered_lift_ticket(sim, closing, number)


@pytest.mark.parametrize(
    ("closing", "number"),
    [
        ("11号 消防队来撬开门把人救出来了 处理好了", 11),
        ("消防的把人弄出来了 11号搞定了", 11),
        ("2号 维保公司的人来换了块板子 已经修好了", 2),
        ("电梯厂家来人看过了 2号处理好了", 2),
    ],
)
def test_fresh_an_explicit_number_and_a_closing_word_close_that_ticket(
    sim: Simulator, closing: str, number: int
) -> None:
    _closes_the_numbered_lift_ticket(sim, closing, number)


def test_fresh_words_that_fit_only_another_ticket_are_still_asked(sim: Simulator) -> None:
    """The rule stays: words naming the fire and nothing of #2 are asked about."""
    _two_lifts_and_a_fire(sim)
    asked = _texts(say(sim, "3号楼党小组", "刘志强", "楼道着火那个 2号搞定了"))
    assert len(asked) == 1 and "#2" in asked[0] and "#1" in asked[0], asked
    assert _state_of(sim, 2) == "open" and _state_of(sim, 1) == "open"


# -- 2. a number and what was done or answered closes the ticket --------------------------

CARE = "3号楼502的王奶奶一个人住 好几天没见她出门了 麻烦社区去看看"
CHOIR = "请问社区有合唱队吗 什么时候活动 在哪里"


def _care_and_choir(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "李阿姨", CARE)
    say(sim, "3号楼居民群", "周大妈", CHOIR)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("1号 刚去问过了 老人家说一切都好", 1),
        ("2号 合唱队每周三下午两点在活动室 欢迎参加", 2),
    ],
)
def test_trial_a_number_and_what_was_done_or_answered_closes_the_ticket(
    sim: Simulator, line: str, number: int
) -> None:
    _care_and_choir(sim)
    sent = say(sim, "3号楼党小组", "刘志强", line)
    staff = [m.text for m in sent if m.room_id == "3号楼党小组"]
    residents = [m.text for m in sent if m.room_id == "3号楼居民群"]
    assert any(t.startswith(f"工单 #{number} 已办结") for t in staff), staff
    assert len(residents) == 1, residents
    assert _state_of(sim, number) == "resolved"


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("1号 上午敲门进去了 老太太身体挺好 就是有点感冒", 1),
        ("1号 和王奶奶聊了半天 她说没事 让大家放心", 1),
        ("2号 合唱队周三下午活动 地点在二楼活动室", 2),
        ("2号 有的 每周三下午两点 在社区活动室 直接去就行", 2),
    ],
)
def test_fresh_a_number_and_what_was_done_or_answered_closes_the_ticket(
    sim: Simulator, line: str, number: int
) -> None:
    _care_and_choir(sim)
    sent = say(sim, "3号楼党小组", "刘志强", line)
    staff = [m.text for m in sent if m.room_id == "3号楼党小组"]
    assert any(t.startswith(f"工单 #{number} 已办结") for t in staff), staff
    assert _state_of(sim, number) == "resolved"


@pytest.mark.parametrize("line", ["1号 老人家说腿有点疼 明天再去看看", "1号 打了两次电话没人接"])
def test_a_number_and_words_that_close_nothing_are_kept_as_a_note_with_a_reply(
    sim: Simulator, line: str
) -> None:
    _care_and_choir(sim)
    told = _texts(say(sim, "3号楼党小组", "刘志强", line))
    assert len(told) == 1 and "#1" in told[0], told
    assert _state_of(sim, 1) == "open"


# -- 3. a claimed emergency transferred is not escalated as never claimed -------------------

LIFT = "3号楼2单元电梯里有人被困 出不来"


@pytest.mark.parametrize(
    "transfer",
    ["#1 转 物业", "#1 电梯的事 我们弄不了 转物业", "1号 电梯公司要物业联系 转物业处理"],
)
def test_trial_and_fresh_a_claimed_emergency_transferred_keeps_a_sensible_claim_clock(
    sim: Simulator, clock: FakeClock, transfer: str
) -> None:
    say(sim, "3号楼居民群", "张阿姨", LIFT)
    say(sim, "3号楼党小组", "刘志强", "#1 接单")
    sweep(sim, clock, timedelta(minutes=5))
    moved = _texts(say(sim, "3号楼党小组", "刘志强", transfer))
    assert any("物业服务中心群" in t for t in moved), moved
    assert sweep(sim, clock, timedelta(minutes=10)) == []  # the new group's limit runs anew
    late = _texts(sweep(sim, clock, timedelta(minutes=10)))
    assert all("无人接单" not in t and "超时未接单" not in t for t in late), late
    assert any("刘志强" in t for t in late), late  # says who had it


# -- 4. one ticket once per group on the 09:00 sweep ---------------------------------------


def _nine_oclock(sim: Simulator, clock: FakeClock, digest_first: bool) -> list[str]:
    """Thursday 09:00: the lamp reported Tuesday 09:00 climbs to the grid (twice its one
    working day) at the very moment of the morning list."""
    clock.advance(timedelta(days=2))
    community, factory = sim.core.community, sim.core.factory
    if digest_first:
        jobs.overdue_digest(factory, community, clock.now())
    jobs.sweep_tickets(factory, community, clock.now())
    if not digest_first:
        jobs.overdue_digest(factory, community, clock.now())
    return [m.text for m in asyncio.run(sim.deliver()) if m.room_id == "第一网格党支部群"]


@pytest.mark.parametrize("digest_first", [False, True])
def test_trial_a_ticket_escalated_at_nine_is_said_once_to_the_grid(
    sim: Simulator, clock: FakeClock, digest_first: bool
) -> None:
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    told = _nine_oclock(sim, clock, digest_first)
    assert sum(bool(re.search(r"#1(?!\d)", t)) for t in told) == 1, told


@pytest.mark.parametrize("digest_first", [False, True])
def test_fresh_two_tickets_escalated_at_nine_are_each_said_once_to_the_grid(
    sim: Simulator, clock: FakeClock, digest_first: bool
) -> None:
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    say(sim, "1号楼居民群", "李大爷", "1号楼门口的垃圾桶满了 没人倒")
    told = _nine_oclock(sim, clock, digest_first)
    for number in (1, 2):
        said = sum(bool(re.search(rf"#{number}(?!\d)", t)) for t in told)
        assert said == 1, (number, told)


# -- 5. chatter with a general claim word claims nothing ------------------------------------


def _claims_nothing(sim: Simulator, ticket: str, chatter: str) -> None:
    say(sim, "3号楼居民群", "李阿姨", ticket)
    said = _texts(say(sim, "3号楼党小组", "刘志强", chatter))
    assert not any("接单" in t for t in said), said
    assert _claimed(sim) == [None]


@pytest.mark.parametrize(
    ("ticket", "chatter"),
    [
        ("3号楼502王奶奶腿脚不便 想请人帮忙送个饭", "我去吃个饭"),
        ("3号楼想组织个合唱队 麻烦统计一下人数 看有多少人想参加", "我来统计一下人数"),
    ],
)
def test_trial_chatter_with_a_general_claim_word_claims_nothing(
    sim: Simulator, ticket: str, chatter: str
) -> None:
    _claims_nothing(sim, ticket, chatter)


@pytest.mark.parametrize(
    ("ticket", "chatter"),
    [
        ("3号楼1单元门口快递柜坏了 取不了快递", "我去取个快递 马上回来"),
        ("3号楼想办个读书会 问问大家意见", "我来说两句大家的意见"),
        ("3号楼2单元电梯里有人被困 出不来", "我去开个会 电梯那边谁盯一下"),
    ],
)
def test_fresh_chatter_with_a_general_claim_word_claims_nothing(
    sim: Simulator, ticket: str, chatter: str
) -> None:
    _claims_nothing(sim, ticket, chatter)


@pytest.mark.parametrize("claim", ["我去看看王奶奶送饭的事", "王奶奶那个我来安排 马上过去"])
def test_fresh_a_real_claim_that_fits_still_claims(sim: Simulator, claim: str) -> None:
    say(sim, "3号楼居民群", "李阿姨", "3号楼502王奶奶腿脚不便 想请人帮忙送个饭")
    said = _texts(say(sim, "3号楼党小组", "刘志强", claim))
    assert any("工单 #1 已由刘志强接单" in t for t in said), said
