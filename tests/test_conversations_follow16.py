"""Day 16: follow-ups of a paged emergency. The trial's material is lost; each test case with
"trial" in its name rebuilds a scenario around the trial's own sentence (docs/conversations.md,
"Day 16 follow-ups"); each with "fresh" uses new wordings of the same kind, written before the
change.

News that an emergency is over, in the words of its kind ("家人找来了 接回去了", "120拉走了"),
reaches its group and the ticket; the same hazard getting worse ("烟越来越大了") re-pages the
same ticket as 情况加重, never a new one; updates and chases of an open emergency ("消防车到了吗",
"人还在里面") join it."""

from __future__ import annotations

import pytest

from bot.messages import OutboundMessage
from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day14_followups import _pages
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial12 import _later, _to
from tests.test_ticket_time_limits import say


def _over_said(sim: Simulator) -> list[bool]:
    with sim.core.factory() as session:
        return [t.over_said_at is not None for t in session.query(Ticket).order_by(Ticket.id)]


def _paged_then(
    sim: Simulator, group: str, who: str, first: str, minutes: int, later_who: str, later: str
) -> tuple[str, list[OutboundMessage]]:
    """`first` pages (its group: the room of the 【紧急 #1】 notice); `minutes` later `later_who`
    writes `later` in the same chat: that group and what the bot told."""
    first_told = say(sim, group, who, first)
    assert _pages(first_told), first_told
    staff = next(m.room_id for m in first_told if "紧急 #1】" in m.text)
    _later(sim, minutes)
    return staff, say(sim, group, later_who, later)


# -- 1. over news in the words of its kind reaches the group ---------------------------------

MISSING = ("1号楼居民群", "林阿姨", "我家老爷子早上出去遛弯到现在没回来 他有点糊涂 1号楼2单元的")
ILL = ("5号楼居民群", "小唐", "5号楼1单元楼道里有个大爷突然晕倒了 快来人")
FIRE = ("3号楼居民群", "孟女士", "3号楼2单元楼道里电动车着火了 冒黑烟")
GAS = ("4号楼居民群", "赵先生", "4号楼1单元楼道里一股好大的煤气味 好呛")
FLOOD = ("6号楼居民群", "田先生", "6号楼3单元地下室水管爆了 水哗哗往外冒")
TRAPPED = ("2号楼居民群", "蒋大妈", "2号楼电梯卡住了 我女儿关在里面出不来")

# (first report, the one telling it is over: the reporter or a neighbour, what they say)
OVER = {
    "trial family took him home": (MISSING, "林阿姨", "家人找来了 接回去了"),
    "fresh missing back home": (MISSING, "林阿姨", "老爷子自己走回来了 到家了"),
    "fresh missing picked up": (MISSING, "林阿姨", "在公园长椅上找到他了 已经接回家了"),
    "fresh missing police brought": (MISSING, "林阿姨", "派出所的民警把我家老爷子送到家了"),
    "fresh missing neighbour": (MISSING, "王大爷", "林阿姨家老爷子他儿子接回去了 大家别找了"),
    "trial ambulance took him": (ILL, "小唐", "120拉走了"),
    "fresh ill ambulance": (ILL, "小唐", "救护车把人接走了 家属跟着去了"),
    "fresh ill at hospital": (ILL, "小唐", "大爷已经送到人民医院了 家里人陪着"),
    "fresh ill neighbour": (ILL, "周阿姨", "那个大爷被救护车接走了"),
    "fresh fire out": (FIRE, "孟女士", "火已经被邻居用灭火器浇灭了 没事了"),
    "fresh fire firemen": (FIRE, "孟女士", "消防员来了 火全灭了 就是楼道熏黑了"),
    "fresh gas closed": (GAS, "赵先生", "燃气公司来人把阀门关了 现在闻不到味道了"),
    "fresh gas fixed": (GAS, "赵先生", "燃气公司查过了 接口拧紧了 已经不漏了"),
    "fresh flood stopped": (FLOOD, "田先生", "物业把总阀关了 管子也接好了 不淹了"),
    "fresh flood done": (FLOOD, "田先生", "维修师傅来了 管子修好了 没事了"),
    "fresh trapped out": (TRAPPED, "蒋大妈", "电梯公司的人到了 我女儿已经出电梯了 平安"),
    "fresh trapped firemen": (TRAPPED, "蒋大妈", "消防员把门扒开了 孩子没事了"),
}


@pytest.mark.parametrize("case", OVER)
def test_news_that_an_emergency_is_over_in_its_own_words_reaches_the_group(
    sim: Simulator, case: str
) -> None:
    (group, who, first), teller, news = OVER[case]
    staff, told = _paged_then(sim, group, who, first, 40, teller, news)
    assert len(_states(sim)) == 1 and not _pages(told), told
    in_group = _to(told, staff)
    assert len(in_group) == 1 and "#1 居民补充" in in_group[0] and news in in_group[0], told
    assert "#1 已处理" in in_group[0], in_group
    reply = _to(told, group)
    assert len(reply) == 1 and "#1" in reply[0], told
    assert _over_said(sim) == [True], told


def test_asking_whether_the_missing_person_is_found_is_no_over_news(sim: Simulator) -> None:
    group, who, first = MISSING
    _, told = _paged_then(sim, group, who, first, 40, "王大爷", "老爷子到家了吗 接回去了没有")
    assert _over_said(sim) == [False] and not _pages(told), told


STILL_THERE = {
    "fresh valve shut smell stays": (GAS, "赵先生", "阀门关了 但味道还是很大"),
    "fresh fire out smoke stays": (FIRE, "孟女士", "火是灭了 可楼道里还有烟 呛得很"),
    "fresh valve shut water stays": (FLOOD, "田先生", "总阀关了 水还在往外流"),
}


@pytest.mark.parametrize("case", STILL_THERE)
def test_a_danger_said_stopped_but_still_there_is_no_over_news(sim: Simulator, case: str) -> None:
    (group, who, first), teller, news = STILL_THERE[case]
    staff, told = _paged_then(sim, group, who, first, 20, teller, news)
    assert len(_states(sim)) == 1 and _over_said(sim) == [False], told
    assert any(news in t and "#1" in t for t in _to(told, staff)), told


# -- 2. the same hazard getting worse re-pages the same ticket -------------------------------

# (first report, the one telling it is worse, what they say)
WORSE = {
    "trial smoke bigger": (FIRE, "孟女士", "烟越来越大了"),
    "fresh fire spreads": (FIRE, "孟女士", "火蔓延到隔壁那辆车了"),
    "fresh fire reaches": (FIRE, "孟女士", "火烧到二楼窗户了"),
    "trial smoke bigger neighbour": (FIRE, "老何", "烟越来越大了"),
    "fresh smoke neighbour": (FIRE, "老何", "楼道里烟更大了 都看不见了"),
    "fresh still smoking worse": (FIRE, "老何", "还在冒烟 越冒越多"),
    "fresh gas stronger": (GAS, "赵先生", "味道越来越重了"),
    "fresh gas neighbour": (GAS, "钱大姐", "煤气味越来越冲了 整层都是"),
    "fresh water more": (FLOOD, "田先生", "水越来越多了"),
    "fresh water neighbour": (FLOOD, "邓师傅", "水越涨越高 快到膝盖了"),
}


@pytest.mark.parametrize("case", WORSE)
def test_the_same_hazard_getting_worse_pages_the_same_ticket_again(
    sim: Simulator, case: str
) -> None:
    (group, who, first), teller, news = WORSE[case]
    _, told = _paged_then(sim, group, who, first, 10, teller, news)
    assert len(_states(sim)) == 1, told
    pages = _pages(told)
    assert pages and all("#1 情况加重" in p for p in pages), told


def test_something_else_getting_worse_in_the_chat_pages_nobody(sim: Simulator) -> None:
    group, who, first = FIRE
    _, told = _paged_then(sim, group, who, first, 10, "老何", "楼上装修越来越吵了 天天这样")
    assert not _pages(told), told


# -- 3. updates and chases of an open emergency join it --------------------------------------

FOLLOW = {
    "trial anyone coming": (FIRE, "孟女士", "还没人来吗"),
    "trial fire engine": (FIRE, "孟女士", "消防车到了吗"),
    "trial still inside": (TRAPPED, "蒋大妈", "人还在里面"),
    "fresh engine arrived": (FIRE, "孟女士", "消防车到了 正在灭火"),
    "fresh firemen where": (FIRE, "老何", "消防的人到哪了 怎么还没到"),
    "fresh lift rescue where": (TRAPPED, "蒋大妈", "救援的人什么时候到啊 孩子还在里面"),
    "fresh gas company": (GAS, "赵先生", "燃气公司的人来了吗"),
    "fresh still searching": (MISSING, "林阿姨", "还没找到 大家帮忙留意一下"),
    "fresh ill waiting": (ILL, "小唐", "120还没到 大爷还躺在地上"),
}


@pytest.mark.parametrize("case", FOLLOW)
def test_an_update_or_chase_of_an_open_emergency_joins_it(sim: Simulator, case: str) -> None:
    (group, who, first), teller, news = FOLLOW[case]
    staff, told = _paged_then(sim, group, who, first, 15, teller, news)
    assert len(_states(sim)) == 1, told
    assert all("#1" in p for p in _pages(told)), told
    reply = _to(told, group)
    assert len(reply) == 1 and "#1" in reply[0], told
    if teller == who:  # the reporter's own words reach the group; a neighbour follows it
        assert any(news in t and "#1" in t for t in _to(told, staff)), told


def test_asking_after_a_repair_at_night_wakes_no_staff_group(sim: Simulator) -> None:
    _later(sim, 14 * 60)  # 22:00
    say(sim, "2号楼居民群", "方大爷", "2号楼1单元楼道灯不亮了 晚上上楼摸黑")
    _later(sim, 60)
    told = say(sim, "2号楼居民群", "方大爷", "修灯的师傅什么时候到 到了吗")
    assert len(_states(sim)) == 1, told
    assert [m.room_id for m in told] == ["2号楼居民群"], told


def test_over_news_at_night_reaches_the_group_at_once(sim: Simulator) -> None:
    _later(sim, 15 * 60)  # 23:00
    group, who, first = ILL
    staff, told = _paged_then(sim, group, who, first, 30, who, "120拉走了")
    assert any("#1 居民补充" in t for t in _to(told, staff)), told
    assert _over_said(sim) == [True], told
    # The grid and the duty person were woken by the alert: they hear it is over too.
    for above in ("第二网格党支部群", "社区党委工作群"):
        heard = _to(told, above)
        assert len(heard) == 1 and "#1" in heard[0] and "120拉走了" in heard[0], told
        assert "已解除" in heard[0], heard


def test_news_of_the_rescue_right_after_asking_is_still_passed_on(sim: Simulator) -> None:
    group, who, first = FIRE
    staff, _ = _paged_then(sim, group, who, first, 10, who, "消防车到了吗")
    _later(sim, 3)
    told = say(sim, group, who, "消防车到了 正在灭火")
    assert any("消防车到了 正在灭火" in t and "#1" in t for t in _to(told, staff)), told
