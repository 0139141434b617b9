"""Issue 11, day 15: follow-ups of open emergencies and the night. The trial's material is lost;
each test with "trial" in its name rebuilds a scenario around the trial's own sentence (docs/
conversations.md, "Day 15"); each with "fresh" uses new wordings of the same kind, written before
the change.

Symptoms of the person already in danger are worse news of that emergency; a missing person's
description opened by 补充 reaches the searchers; "电梯还是不动" joins the lift ticket; a flood
spreading to another floor at night joins the paged flood, never waits for the morning; news that
a danger is over without an over word (水不喷了, 人是清醒的) reaches the group; over news goes
to the open emergency its words fit; a different problem after a resolution notice is a new
report, not 不满意."""

from __future__ import annotations

import pytest

from bot.messages import OutboundMessage
from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day14_followups import _pages, worse_pages_the_same_ticket
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial12 import _later, _to
from tests.test_ticket_time_limits import say


def _over_said(sim: Simulator) -> list[bool]:
    with sim.core.factory() as session:
        return [t.over_said_at is not None for t in session.query(Ticket).order_by(Ticket.id)]


def _update_of_a_page(
    sim: Simulator, case: tuple[str, str, str, str], minutes: int
) -> tuple[str, list[OutboundMessage]]:
    """The first report pages (its group: the room of the 【紧急 #1】 notice); `minutes` later its
    reporter sends the update, which opens no ticket: that group and what the update told."""
    group, who, first, update = case
    first_told = say(sim, group, who, first)
    assert _pages(first_told), first_told
    staff = next(m.room_id for m in first_told if "紧急 #1】" in m.text)
    _later(sim, minutes)
    told = say(sim, group, who, update)
    assert len(_states(sim)) == 1, told
    return staff, told


# -- 1. symptoms of the person in danger are worse news ---------------------------------------

# (group, reporter, first report, minutes later, the update)
SYMPTOMS = {
    "trial husband short of breath": (
        "5号楼居民群",
        "刘姐",
        "5号楼2单元电梯卡在两层中间 我老公在里面出不来",
        20,
        "里面很闷 喘不上气 你们快点",
    ),
    "fresh grandson dizzy": (
        "3号楼居民群",
        "钱阿姨",
        "3号楼1单元电梯停在半空 我孙子被困在里面了",
        15,
        "孩子在里面一直哭 说头晕想吐",
    ),
    "fresh father chest pain": (
        "6号楼居民群",
        "于先生",
        "6号楼电梯突然不动了 我爸困在里面 门打不开",
        25,
        "我爸有心脏病 现在说胸口疼 快点啊",
    ),
}


@pytest.mark.parametrize("case", SYMPTOMS)
def test_symptoms_of_the_trapped_person_page_the_same_ticket_as_worse(
    sim: Simulator, case: str
) -> None:
    worse_pages_the_same_ticket(sim, *SYMPTOMS[case])


# -- 2. a description opened by 补充 reaches the searchers ------------------------------------

DESCRIBED = {
    "trial red wool hat": (
        "2号楼居民群",
        "小周",
        "我婆婆早上出去买菜到现在还没回来 她有点老年痴呆 2号楼3单元的",
        "补充一下 我婆婆戴一顶红色毛线帽",
    ),
    "fresh navy jacket": (
        "4号楼居民群",
        "孔女士",
        "我爸下午出门散步到现在没回来 他记性不好 4号楼1单元的",
        "补充 我爸穿一件深蓝色夹克 背有点驼",
    ),
    "fresh yellow schoolbag": (
        "1号楼居民群",
        "魏先生",
        "我家儿子放学到现在没回家 十岁 1号楼2单元",
        "再补充一句 孩子背着一个黄色书包 戴眼镜",
    ),
}


@pytest.mark.parametrize("case", DESCRIBED)
def test_a_description_added_with_buchong_is_passed_to_the_searchers(
    sim: Simulator, case: str
) -> None:
    group, _, _, update = DESCRIBED[case]
    staff, told = _update_of_a_page(sim, DESCRIBED[case], 30)
    assert not _pages(told), told
    assert any(update in t and "#1" in t for t in _to(told, staff)), told
    reply = _to(told, group)
    assert len(reply) == 1 and "#1" in reply[0] and "转告" in reply[0], told


# -- 3. "the lift still does not move" joins the lift ticket ---------------------------------

LIFT_STILL = {
    "trial still not moving": (
        "5号楼居民群",
        "刘姐",
        "5号楼2单元电梯卡在两层中间 我老公在里面出不来",
        "电梯还是不动…",
    ),
    "fresh no movement yet": (
        "2号楼居民群",
        "蒋大妈",
        "2号楼电梯卡住了 我女儿关在里面出不来",
        "电梯到现在一点动静都没有…",
    ),
    "fresh still stuck": (
        "4号楼居民群",
        "章先生",
        "4号楼2单元电梯困人了 我老婆在里面",
        "电梯还卡着呢 门也打不开",
    ),
}


@pytest.mark.parametrize("case", LIFT_STILL)
def test_the_lift_still_stuck_joins_the_lift_emergency(sim: Simulator, case: str) -> None:
    _, told = _update_of_a_page(sim, LIFT_STILL[case], 20)
    reply = _to(told, LIFT_STILL[case][0])
    assert len(reply) == 1 and "#1" in reply[0], told


# -- 4. a flood spreading at night joins the paged flood -------------------------------------

FLOOD_SPREADS = {
    "trial sixth floor door": "我家六楼门口也全是水了 快来人看看",
    "fresh fourth floor corridor": "我们4楼楼道里也开始积水了 快来人",
    "fresh hall flooded": "楼下大厅也全是水 电梯口都淹了 赶紧来人",
}


@pytest.mark.parametrize("case", FLOOD_SPREADS)
def test_a_flood_spreading_at_night_joins_the_paged_flood_and_never_waits(
    sim: Simulator, case: str
) -> None:
    _later(sim, 14 * 60 + 10)  # 23:10
    first = "5号楼2单元楼上水管爆了 水从天花板哗哗往下流 家里都淹了 我们是702"
    assert _pages(say(sim, "5号楼居民群", "小陈妈妈", first))
    _later(sim, 30)
    told = say(sim, "5号楼居民群", "老郑", FLOOD_SPREADS[case])
    assert len(_states(sim)) == 1, told
    reply = _to(told, "5号楼居民群")
    assert len(reply) == 1 and "#1" in reply[0] and "07:00" not in reply[0], told


# -- 5. over news without an over word -------------------------------------------------------

OVER_UNSAID = {
    "trial valve closed": (
        "3号楼居民群",
        "严师傅",
        "3号楼1单元楼道里水管爆了 水喷得到处都是",
        "阀门关掉了 水不喷了",
    ),
    "trial locksmith came": (
        "4号楼居民群",
        "吴大姐",
        "4号楼2单元501的老太太摔倒在家里 门锁着进不去 叫她只能听见哼哼",
        "开锁的来了 门打开了 人是清醒的",
    ),
    "fresh main valve shut": (
        "6号楼居民群",
        "田先生",
        "6号楼3单元地下室水管爆了 水哗哗往外冒",
        "总阀关了 现在不往外冒水了",
    ),
    "fresh door forced": (
        "2号楼居民群",
        "潘阿姨",
        "2号楼1单元302的老爷子摔倒了 门反锁着 我们进不去",
        "119的人到了 门撬开了 老爷子意识清楚 能说话",
    ),
    "fresh lift opened": (
        "1号楼居民群",
        "贾女士",
        "1号楼电梯卡住了 我妈被困在里面",
        "电梯公司的人来了 把人放出来了 没受伤",
    ),
}


@pytest.mark.parametrize("case", OVER_UNSAID)
def test_news_that_a_danger_stopped_or_the_person_is_safe_is_told_to_the_group(
    sim: Simulator, case: str
) -> None:
    staff, told = _update_of_a_page(sim, OVER_UNSAID[case], 40)
    assert not _pages(told), told
    in_group = _to(told, staff)
    assert len(in_group) == 1 and "#1 居民补充" in in_group[0], told
    assert "#1 已处理" in in_group[0], in_group
    assert _over_said(sim) == [True], told


# -- 6. over news goes to the open emergency its words fit -----------------------------------


def _fire_then_child_in_lift(sim: Simulator, resolved: bool) -> None:
    """A fire reported (and resolved, then the child trapped at 02:50 the next night; else
    the child trapped an hour after the fire), then ten minutes pass."""
    say(sim, "3号楼居民群", "孟女士", "3号楼2单元楼道里电动车着火了 好大的烟")
    if resolved:
        _later(sim, 30)
        say(sim, "3号楼党小组", "刘志强", "#1 已处理 火扑灭了 电动车拖走了")
        _later(sim, 17 * 60 + 20)
    else:
        _later(sim, 60)
    assert _pages(say(sim, "3号楼居民群", "孟女士", "3号楼电梯卡住了 我家孩子一个人在里面"))
    _later(sim, 10)


CHILD_OUT = {
    "trial child out": "孩子出来了 没事",
    "fresh everyone fine": "人出来了 都好好的",
    "fresh rescued": "电梯门开了 孩子救出来了 没事了",
}


@pytest.mark.parametrize("case", CHILD_OUT)
def test_over_news_at_night_goes_to_the_child_in_the_lift_not_yesterdays_fire(
    sim: Simulator, case: str
) -> None:
    _fire_then_child_in_lift(sim, resolved=True)
    told = say(sim, "3号楼居民群", "孟女士", CHILD_OUT[case])
    assert _states(sim) == ["resolved", "open"], told
    assert _over_said(sim) == [False, True], told
    assert any("#2 居民补充" in t for t in _to(told, "3号楼党小组")), told


@pytest.mark.parametrize("case", CHILD_OUT)
def test_over_news_with_both_emergencies_open_picks_the_one_it_fits(
    sim: Simulator, case: str
) -> None:
    _fire_then_child_in_lift(sim, resolved=False)
    told = say(sim, "3号楼居民群", "孟女士", CHILD_OUT[case])
    assert _over_said(sim) == [False, True], told
    assert _states(sim)[0] != "closed", told


# -- 7. another problem after a resolution notice is a new report ---------------------------

ANOTHER_AFTER = {
    "trial night water": "楼上又在往下渗水了 卫生间天花板湿了一大片",
    "fresh night noise": "楼上又在拖家具 咚咚响 根本睡不着",
    "fresh night smell": "楼道里又有一股烧焦的味道 不知道谁家的",
}


def _new_report_at_night(sim: Simulator, resolved: dict[str, str], text: str) -> None:
    """Tickets reported and resolved (report: closing), then at 03:00 the next night the same
    resident tells `text`: a new ticket, none of the resolved ones reopened."""
    for report in resolved:
        say(sim, "2号楼居民群", "方大爷", report)
    _later(sim, 60)
    for number, closing in enumerate(resolved.values(), start=1):
        say(sim, "2号楼党小组", "陈桂兰", f"#{number} 已处理 {closing}")
    _later(sim, 17 * 60)
    told = say(sim, "2号楼居民群", "方大爷", text)
    states = _states(sim)
    assert states == ["resolved"] * len(resolved) + [states[-1]], told
    assert len(states) == len(resolved) + 1, told
    assert not any("不满意" in t or "重新" in t for t in _to(told, "2号楼居民群")), told


@pytest.mark.parametrize("case", ANOTHER_AFTER)
def test_a_different_problem_at_night_after_a_resolution_is_a_new_report(
    sim: Simulator, case: str
) -> None:
    lamp = {"2号楼1单元楼道灯又不亮了 晚上上楼摸黑": "楼道灯换好了"}
    _new_report_at_night(sim, lamp, ANOTHER_AFTER[case])


OTHER_NOISE = {
    "trial dog at night": "楼下的狗又叫了一晚上 吵得根本睡不着",
    "fresh car horns": "外面又有车一直按喇叭 吵死了",
    "fresh other unit lamp": "2号楼3单元的楼道灯又不亮了",
}


@pytest.mark.parametrize("case", OTHER_NOISE)
def test_another_thing_or_place_after_a_resolution_is_a_new_report_not_a_rating(
    sim: Simulator, case: str
) -> None:
    resolved = {
        "2号楼1单元楼上装修电钻一直响 中午都不停": "跟装修队说了 中午停工",
        "2号楼1单元楼道灯不亮了": "楼道灯换好了",
    }
    _new_report_at_night(sim, resolved, OTHER_NOISE[case])


def test_over_news_fitting_none_of_two_open_emergencies_asks_which_and_marks_none(
    sim: Simulator,
) -> None:
    say(sim, "3号楼居民群", "孟女士", "3号楼2单元楼道里电动车着火了 好大的烟")
    _later(sim, 30)
    say(sim, "3号楼居民群", "孟女士", "3号楼1单元楼道里一股煤气味 好呛")
    _later(sim, 10)
    told = say(sim, "3号楼居民群", "孟女士", "人出来了 都好好的")
    assert _over_said(sim) == [False, False] and _states(sim) == ["open", "open"], told
    reply = _to(told, "3号楼居民群")
    assert len(reply) == 1 and "#1" in reply[0] and "#2" in reply[0], told
