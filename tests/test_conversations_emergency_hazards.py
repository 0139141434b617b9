"""Issue 10/11, an outside tester's emergency kinds (docs/conversations.md): several residents
reporting one hazard of their building (a gas smell, a sparking wire) are one page, whatever
words each uses and told from home or not; another hazard or another building still pages; and
fumes from a charcoal fire are told to air the room and call 120, not to flee a fire. New
sentences, not the tester's."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.simulator import Simulator
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

DUTY_GROUP = "社区党委工作群"


def _paged(messages: list) -> bool:  # type: ignore[type-arg]
    return any(m.room_id == DUTY_GROUP and "紧急 #" in m.text for m in messages)


def _later(sim: Simulator, minutes: int) -> None:
    asyncio.run(sim.advance_to(sim.clock.now() + timedelta(minutes=minutes)))


# One hazard of a building told twice, by two residents in their own words.
ONE_HAZARD_TWICE = {
    "gas smell": (
        "2号楼3单元楼梯间一股煤气味 好冲",
        "我家门口也是一股燃气味 3单元不知道谁家漏气了",
    ),
    "sparks": ("5号楼2单元楼道的电线冒火花了", "5号楼楼道那根电线一直在打火 噼里啪啦的"),
}


@pytest.mark.parametrize("hazard", ONE_HAZARD_TWICE)
def test_a_second_report_of_one_hazard_in_other_words_joins_and_does_not_page_again(
    sim: Simulator, hazard: str
) -> None:
    first, again = ONE_HAZARD_TWICE[hazard]
    group = first[:3] + "居民群"  # 2号楼居民群
    assert _paged(say(sim, group, "裴师傅", first))
    _later(sim, 10)
    joined = say(sim, group, "甘女士", again)
    assert not _paged(joined), _texts(joined)
    assert any("已有居民反映过" in t and "#1" in t for t in _texts(joined)), _texts(joined)


def test_a_fire_after_a_gas_smell_or_the_same_hazard_in_another_building_still_pages(
    sim: Simulator,
) -> None:
    assert _paged(say(sim, "2号楼居民群", "邱阿姨", "2号楼3单元楼梯间一股煤气味 好冲"))
    _later(sim, 10)
    assert _paged(say(sim, "2号楼居民群", "祝先生", "2号楼3单元楼道着火了 烟很大"))
    assert _paged(say(sim, "3号楼居民群", "卫女士", "3号楼1单元楼道里好大的燃气味"))


def test_a_gas_report_saying_it_is_getting_worse_still_pages_again(sim: Simulator) -> None:
    assert _paged(say(sim, "2号楼居民群", "邱阿姨", "2号楼3单元楼梯间一股煤气味 好冲"))
    _later(sim, 10)
    assert _paged(say(sim, "2号楼居民群", "骆先生", "3单元的燃气味越来越浓了 还没人来"))


def test_charcoal_fumes_are_told_to_air_the_room_and_call_120_not_to_flee_a_fire(
    sim: Simulator,
) -> None:
    told = _texts(say(sim, "4号楼居民群", "柏先生", "4号楼2单元 我爸在屋里生炭火盆 现在头晕恶心"))
    advice = [t for t in told if "已收到" in t]
    assert advice and "通风" in advice[0] and "120" in advice[0], told
    assert "119" not in advice[0] and "撤离" not in advice[0], told
