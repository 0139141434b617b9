"""Day 17 leftovers (docs/trials/day17/diagnosis_staff.md, "Smaller findings"). Each holds the
trial's sentence ("trial") and new wordings of the same situation written before the fix
("fresh"):
1. a group-buy 接龙 ("今日团购：东北大米 … 接龙下单") is no sign-up for an activity: silent;
2. "理发几点来着" about the one open event it names is answered with that event's time and place;
3. `#N 非紧急 是同一家吵架`: the staff's own words decide the new reading; with none, a
   neutral reading of the emergency's kind (never 维修维护 for a drunk man);
4. over news at night about an emergency paged before the night wakes nobody: it waits for the
   morning summary (news of one paged this same night still goes at once)."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.simulator import Simulator
from service.tickets import jobs
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

ZONE = ZoneInfo("Asia/Shanghai")
OWNERS = "幸福里业主群"
HOME = "3号楼居民群"


def _announce(sim: Simulator, line: str) -> None:
    asyncio.run(sim.say("社区党委工作群", "王书记", line))


def _two_events_for(sim: Simulator, group: str) -> None:
    _announce(sim, f"通知 12月19日9:00 敬老院慰问志愿服务 对象:{group} 名额:10")
    _announce(sim, f"通知 12月20日14:00 义务理发 地点:社区活动室 对象:{group} 名额:10")


# -- 1. a group-buy 接龙 is no sign-up -------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "今日团购：东北大米 10斤39.9 接龙下单\n1. 花开富贵 5斤",  # trial R58
        "明天水果拼团 苹果10元3斤 要的接龙\n1. 李姐 2份",
        "团购鸡蛋 一箱30枚25元 接龙\n1.王姐 一箱\n2.小刘 两箱",
        "拼单买橙子的接龙 1.张阿姨 5斤",
    ],
)
def test_a_group_buy_chain_is_no_sign_up_and_no_ticket(sim: Simulator, line: str) -> None:
    _two_events_for(sim, OWNERS)
    said = _texts(say(sim, OWNERS, "团购群主", line))
    assert said == [], said
    assert _states(sim) == []


def test_a_chain_for_an_activity_still_signs_up(sim: Simulator) -> None:
    _two_events_for(sim, OWNERS)
    said = _texts(say(sim, OWNERS, "老刘", "敬老院慰问接龙\n1.张阿姨\n2.老刘"))
    assert any("报名" in t for t in said), said


# -- 2. a question about one named event -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("理发几点来着", "14:00"),  # trial S74
        ("理发的地点在哪", "社区活动室"),
        ("敬老院那个几点集合啊", "9:00"),
        ("明天理发是什么时候开始", "14:00"),
    ],
)
def test_a_question_about_one_named_event_is_answered_with_it(
    sim: Simulator, line: str, when: str
) -> None:
    _two_events_for(sim, HOME)
    said = _texts(say(sim, HOME, "老赵", line))
    assert len(said) == 1 and when in said[0], said
    assert _states(sim) == []


# -- 3. 非紧急 reads the staff's words ----------------------------------------------------------


def _label_after(said: list[str]) -> str:
    corrected = [t for t in said if t.startswith("已更正工单")]
    assert corrected, said
    return corrected[0].split("→")[-1]


@pytest.mark.parametrize(
    ("report", "group", "party", "line", "label"),
    [
        (  # trial S2 (#37): a fight read as an emergency, the staff say it is one household's quarrel
            "5号楼2单元楼上打起来了 女的一直喊救命 还有摔东西的声音",
            "5号楼居民群",
            "5号楼党小组",
            "#1 非紧急 是同一家吵架",
            "矛盾调处",
        ),
        (
            "楼下花坛边躺着个人 一动不动 叫也不应",
            "3号楼居民群",
            "3号楼党小组",
            "#1 非紧急 是个喝醉的 不是急病",
            "爱心帮扶",
        ),
        (
            "3号楼2单元楼道里好大烟味 好像哪里烧东西",
            "3号楼居民群",
            "3号楼党小组",
            "#1 非紧急 是楼道堆的纸箱 没着火",
            "占道堆物",
        ),
        (
            "楼上好像有人在打架 砰砰的 女的在喊救命",
            "5号楼居民群",
            "5号楼党小组",
            "#1 非紧急 就是楼上两口子拌嘴",
            "矛盾调处",
        ),
    ],
)
def test_not_emergency_takes_the_reading_from_the_staffs_words(
    sim: Simulator, report: str, group: str, party: str, line: str, label: str
) -> None:
    first = _texts(say(sim, group, "居民甲", report))
    assert any("紧急" in t for t in first), first
    said = _texts(say(sim, party, "王书记", line))
    assert label in _label_after(said), said


# -- 4. over news at night of an emergency paged the day before ------------------------------


def _at(sim: Simulator, day: int, hour: int, minute: int = 0) -> None:
    sim.clock.set(datetime(2026, 12, day, hour, minute, tzinfo=ZONE))


def _sweep(sim: Simulator) -> list[str]:
    jobs.sweep_tickets(sim.core.factory, sim.core.community, sim.clock.now())
    return _texts(asyncio.run(sim.deliver()))


@pytest.mark.parametrize(
    "line",
    [
        "我妈在医院抢救过来了 谢谢大家",  # trial R92
        "我妈转到普通病房了 没事了 谢谢大家",
        "老太太在医院醒过来了 没事了 让大家担心了",
    ],
)
def test_over_news_at_night_of_a_day_emergency_waits_for_the_morning(
    sim: Simulator, line: str
) -> None:
    _at(sim, 1, 15, 30)
    paged = _texts(say(sim, "4号楼居民群", "吴老师", "4号楼3单元我妈突然晕倒了 叫不醒 快来人"))
    assert any("紧急" in t for t in paged), paged
    _at(sim, 2, 4, 0)
    said = say(sim, "4号楼居民群", "吴老师", line)
    assert [m.room_id for m in said] == [said[0].room_id] and "07:00" in said[0].text, _texts(said)
    _at(sim, 2, 7, 5)
    morning = _sweep(sim)
    assert any("早间汇总" in t and line[:6] in t for t in morning), morning


def test_over_news_of_an_emergency_paged_this_night_goes_at_once(sim: Simulator) -> None:
    _at(sim, 2, 3, 0)
    paged = _texts(say(sim, "6号楼居民群", "小马", "6号楼1单元配电箱在冒火花 噼里啪啦的"))
    assert any("紧急" in t for t in paged), paged
    _at(sim, 2, 3, 10)
    said = _texts(say(sim, "6号楼居民群", "小马", "物业电工来了 总闸拉了 没事了"))
    assert any("居民称险情已解除" in t for t in said), said


def test_restored_news_at_night_of_a_ticket_in_hand_waits_for_the_morning(sim: Simulator) -> None:
    _at(sim, 1, 15, 0)
    say(sim, "3号楼居民群", "钱大爷", "3号楼2单元电梯坏了 停在5楼不动")
    _at(sim, 1, 23, 30)
    said = say(sim, "3号楼居民群", "钱大爷", "谢谢大家关心 电梯修好了")
    assert len(said) == 1 and "07:00" in said[0].text, _texts(said)
    _at(sim, 2, 7, 5)
    morning = _sweep(sim)
    assert any("早间汇总" in t and "电梯修好了" in t for t in morning), morning
