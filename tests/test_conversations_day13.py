"""Issue 11, day 13: an outside tester's resident-side faults, rebuilt from the description in
new sentences. Advice follows the hazard (someone fallen behind a locked door is not told to
press the lift alarm; a pot burnt dry is not "flee the building"); an alert's title says what
is in danger and where; someone already on a 接龙 who writes "我也报名" is told so; an anxious
resident chasing an open ticket gets its state, once in a while, and no new ticket."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

LIFT_ADVICE = "按电梯内警铃"


def _advice(sim: Simulator, group: str, sender: str, text: str) -> str:
    """What the resident is told at once (the acknowledgement with its safety advice)."""
    told = [t for t in _texts(say(sim, group, sender, text)) if "已收到" in t]
    assert told, f"no acknowledgement for {text!r}"
    return told[0]


# Someone fallen or unwell at home behind a door: 120, do not move them, someone with a key.
FALLEN_AT_HOME = [
    "4号楼2单元301 我妈在家摔了一跤起不来 门从里面反锁了 我进不去",
    "4号楼503的奶奶被困在家里了 摔在卫生间出不来 一直在喊",
    "402的老爷子好像在屋里摔倒了 敲门不开 能听到他在里面小声喊",
    "5号楼601独居的王大爷在家起不来了 电话里说爬不起来 门锁着",
]


@pytest.mark.parametrize("text", FALLEN_AT_HOME)
def test_someone_fallen_behind_a_locked_door_is_told_to_call_120_not_the_lift_advice(
    sim: Simulator, text: str
) -> None:
    told = _advice(sim, "4号楼居民群", "钱阿姨", text)
    assert "120" in told and LIFT_ADVICE not in told and "扒门" not in told, told
    assert "钥匙" in told or "开门" in told, told


LIFT_TRAPPED = [
    "4号楼1单元电梯卡住了 我女儿被困在里面",
    "3号楼电梯停在两层中间 里面有个老人在拍门",
]


@pytest.mark.parametrize("text", LIFT_TRAPPED)
def test_someone_shut_in_a_lift_still_gets_the_lift_advice(sim: Simulator, text: str) -> None:
    assert LIFT_ADVICE in _advice(sim, "4号楼居民群", "郑先生", text)


def test_a_child_locked_in_a_car_is_told_to_call_110_or_119_not_the_lift_advice(
    sim: Simulator,
) -> None:
    told = _advice(sim, "2号楼居民群", "冯先生", "2号楼门口车里锁着个小孩 大人不在 孩子在哭")
    assert "车" in told and "110" in told and LIFT_ADVICE not in told, told


def test_smoke_from_a_pot_burnt_dry_is_told_to_turn_off_the_stove_and_air_the_room(
    sim: Simulator,
) -> None:
    told = _advice(sim, "4号楼居民群", "吴阿姨", "4号楼302家里锅烧干了 满屋子都是烟")
    assert "关火" in told and "通风" in told, told


def test_a_pan_on_fire_is_told_to_cover_it_never_to_pour_water(sim: Simulator) -> None:
    told = _advice(sim, "3号楼居民群", "褚先生", "3号楼501厨房油锅着火了")
    assert "锅盖" in told and "不要用水" in told, told


def test_a_fire_of_unknown_origin_is_still_told_to_call_119_and_leave(sim: Simulator) -> None:
    told = _advice(sim, "6号楼居民群", "卫女士", "6号楼楼道里好大的烟 不知道哪家着火了")
    assert "119" in told and "撤离" in told, told


@pytest.mark.parametrize(
    "text", ["2号楼地下室配电房进水了 水一直往里灌", "1号楼车库被水淹了 水还在涨"]
)
def test_water_in_a_power_room_or_garage_is_told_to_keep_away_not_to_shut_ones_own_valve(
    sim: Simulator, text: str
) -> None:
    told = _advice(sim, text[:3] + "居民群", "蒋师傅", text)
    assert "远离" in told and "自家总水阀" not in told, told
