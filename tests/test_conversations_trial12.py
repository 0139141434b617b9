"""Issue 11, day 12: a follow-up joins the ticket it follows. New sentences, not the trial's: a
resident asking after their own problem ("有人去看我爸了吗", "门禁修好了吗") is told the state of
their ticket, even when the message reads as another category or as a danger; a neighbour asking
how a danger ended joins it and pages nobody; a danger getting worse still pages again; street
lamps, another unit and another thing stay apart."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.simulator import Simulator
from tests.test_conversations_trial7 import _states
from tests.test_ticket_time_limits import say


def _pages(messages: list) -> list[str]:  # type: ignore[type-arg]
    return [m.text for m in messages if m.room_id == "社区党委工作群" and "【紧急" in m.text]


def _to(messages: list, room: str) -> list[str]:  # type: ignore[type-arg]
    return [m.text for m in messages if m.room_id == room]


def _later(sim: Simulator, minutes: int) -> None:
    asyncio.run(sim.advance_to(sim.clock.now() + timedelta(minutes=minutes)))


def test_asking_if_someone_visited_my_father_tells_the_state_of_the_care_ticket(
    sim: Simulator,
) -> None:
    say(sim, "4号楼居民群", "滕女士", "我爸一个人住在4单元302 三天没接电话了 麻烦社区去看看")
    _later(sim, 240)
    asked = say(sim, "4号楼居民群", "滕女士", "有人去看我爸了吗 电话还是打不通")
    assert _states(sim) == ["open"] and not _pages(asked)
    told = _to(asked, "4号楼居民群")
    assert len(told) == 1 and "#1" in told[0], asked
    assert any("#1" in t for t in _to(asked, "4号楼党小组")), asked


def test_asking_if_the_door_is_fixed_joins_it_though_read_as_a_care_request(
    sim: Simulator,
) -> None:
    say(sim, "2号楼居民群", "景阿姨", "2单元门口的门禁又坏了 刷卡没反应")
    _later(sim, 90)
    asked = say(sim, "2号楼居民群", "景阿姨", "门禁修好了吗 我妈腿脚不好要出去买菜")
    assert _states(sim) == ["open"]
    assert any("#1" in t for t in _to(asked, "2号楼居民群")), asked


def test_the_same_noise_starting_again_joins_the_noise_ticket(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "苗先生", "3单元楼上装修用冲击钻 从早上八点响到现在")
    _later(sim, 300)
    say(sim, "3号楼居民群", "苗先生", "不是说跟他们讲过了吗 怎么又砸墙了")
    assert _states(sim) == ["open"]


def test_a_reporter_saying_the_wire_still_hangs_next_morning_pages_nobody(sim: Simulator) -> None:
    say(sim, "6号楼居民群", "庞师傅", "6号楼门口那根电线杆上的电线垂下来了 离地面很近")
    _later(sim, 14 * 60)
    again = say(sim, "6号楼居民群", "庞师傅", "电线那个还耷拉着 小孩放学都从那过")
    assert _states(sim) == ["open"] and not _pages(again), again
    assert any("#1" in t for t in _to(again, "6号楼居民群")), again


def test_a_neighbour_asking_how_the_wire_ended_joins_it_without_a_page_or_advice(
    sim: Simulator,
) -> None:
    say(sim, "6号楼居民群", "庞师傅", "6号楼门口那根电线杆上的电线垂下来了 离地面很近")
    _later(sim, 16 * 60)
    asked = say(sim, "6号楼居民群", "鲍阿姨", "昨天门口电线的事后来怎么样了 有人来弄了吗")
    assert _states(sim) == ["open"] and not _pages(asked), asked
    told = _to(asked, "6号楼居民群")
    # Told the state of the ticket, without the safety advice of a danger happening now.
    assert len(told) == 1 and "#1" in told[0] and told[0].endswith("不是同一件事”。"), told


def test_a_neighbour_saying_the_gas_smell_is_gone_is_no_new_emergency(sim: Simulator) -> None:
    say(sim, "1号楼居民群", "晏先生", "1号楼3单元楼道里燃气味很重 不知道谁家的")
    _later(sim, 20 * 60)
    said = say(sim, "1号楼居民群", "柏奶奶", "3单元煤气味的事后来怎么样了 今天闻不到了")
    assert _states(sim) == ["open"] and not _pages(said), said
    assert any("#1" in t for t in _to(said, "1号楼居民群")), said


def test_a_danger_getting_worse_still_pages_the_open_ticket_again(sim: Simulator) -> None:
    say(sim, "1号楼居民群", "车大爷", "1号楼2单元的水管爆了 地下室全是水")
    _later(sim, 60)
    worse = say(sim, "1号楼居民群", "邬女士", "水管爆了那个 水越来越大了 都漫到楼梯了")
    assert _states(sim) == ["open"]
    assert any("#1" in t for t in _pages(worse)), worse


def test_street_lamps_by_the_door_are_not_the_stairwell_lights(sim: Simulator) -> None:
    say(sim, "5号楼居民群", "葛老师", "2单元楼道灯不亮了 黑乎乎的")
    say(sim, "5号楼居民群", "付先生", "5号楼门口的路灯全不亮了 晚上黑乎乎的")
    assert _states(sim) == ["open", "open"]


def test_the_same_resident_on_street_lamps_after_stairwell_lights_opens_a_ticket(
    sim: Simulator,
) -> None:
    say(sim, "5号楼居民群", "葛老师", "2单元楼道灯不亮了 黑乎乎的")
    _later(sim, 30)
    say(sim, "5号楼居民群", "葛老师", "楼下的路灯也还是不亮 黑乎乎的")
    assert _states(sim) == ["open", "open"]


def test_a_follow_up_about_another_unit_is_not_the_residents_ticket(sim: Simulator) -> None:
    say(sim, "5号楼居民群", "葛老师", "2单元楼道灯不亮了 黑乎乎的")
    _later(sim, 30)
    say(sim, "5号楼居民群", "葛老师", "3单元的楼道灯还是不亮")
    assert _states(sim) == ["open", "open"]


def test_the_noise_starting_again_after_it_was_fixed_reopens_it(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "苗先生", "3单元楼上装修用冲击钻 从早上八点响到现在")
    say(sim, "3号楼党小组", "刘志强", "#1 已处理 跟装修队说好了 中午和晚上不施工")
    _later(sim, 120)
    say(sim, "3号楼居民群", "苗先生", "不是说跟他们讲过了吗 怎么又砸墙了")
    assert _states(sim) == ["reopened"]


def test_a_new_danger_that_asks_for_help_is_paged_not_joined_to_another_danger(
    sim: Simulator,
) -> None:
    say(sim, "2号楼居民群", "柯先生", "2号楼3单元楼道里有个老人在烧纸 烟很大")
    _later(sim, 30)
    paged = say(sim, "2号楼居民群", "詹阿姨", "3单元楼道里有个老人晕倒了 有人去看了吗 叫不醒")
    assert any("【紧急 #2】" in t for t in _pages(paged)), paged
