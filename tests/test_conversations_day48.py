"""Day 48 (docs/trials/day48/report.md, first contact on ba6006e, 清明 week): trial sentences
("trial") next to wordings of mine ("fresh").

1. a water main bursting under the road is paged (R88), and staff saying the repair is under
   way close nothing (S17);
2. smoke filling the stairwell is told to stay in behind a closed door, not to run down (R78);
3. events: the one brought along not going, said inside the clause, frees one place (R95); "+1
   我也去植树" in a building's chat is told where the owners' event takes sign-ups (R57)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _paged
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

PLANTING = "通知 12月19日9:00 植树活动 地点:小区南门绿地 对象:幸福里业主群 名额:20"


@pytest.mark.parametrize(
    "main",
    [
        pytest.param(
            "6号楼前面路上冒水了😱 地面都拱起来了 水往外涌 已经流到1单元地下室门口了", id="trial-R88"
        ),
        pytest.param("小区路面鼓起来一大块 水从底下往外涌", id="fresh"),
    ],
)
def test_trial_and_fresh_a_water_main_bursting_under_the_road_is_paged(
    sim: Simulator, main: str
) -> None:
    _at(sim, 9, 0)
    sent = say(sim, "6号楼居民群", "小赵", main)
    assert _paged(sent), _texts(sent)


@pytest.mark.parametrize(
    "under_way",
    [
        pytest.param("#1 自来水公司已经关阀在抢修了", id="trial-S17"),
        pytest.param("#1 师傅还在修 水小多了", id="fresh"),
    ],
)
def test_trial_and_fresh_staff_saying_the_repair_is_under_way_close_nothing(
    sim: Simulator, under_way: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "6号楼居民群", "小赵", "6号楼前面路上冒水了 地面都拱起来了 水往外涌")
    _at(sim, 9, 30)
    texts = _texts(say(sim, "6号楼党小组", "吴敏", under_way))
    assert not any("已办结" in t for t in texts), texts


@pytest.mark.parametrize(
    "smoke",
    [
        pytest.param("我们楼上好像着了 楼道里都是烟 是往下跑还是待家里", id="trial-R78"),
        pytest.param("楼梯间都是烟 跑不出去了 怎么办", id="fresh"),
    ],
)
def test_trial_and_fresh_smoke_filling_the_stairwell_is_told_to_stay_in(
    sim: Simulator, smoke: str
) -> None:
    _at(sim, 1, 40)
    sent = say(sim, "2号楼居民群", "李姐", smoke)
    told = [t for t in _texts(sent) if t.startswith("已收到您反映的问题")]
    assert _paged(sent), _texts(sent)
    assert told and "湿毛巾" in told[0] and "沿楼梯撤离" not in told[0], _texts(sent)


@pytest.mark.parametrize(
    "not_going",
    [
        pytest.param("我家老头子说他腰疼不去植树了 就我一个", id="trial-R95"),
        pytest.param("老伴说她不去了 就我自己", id="fresh"),
    ],
)
def test_trial_and_fresh_the_one_brought_along_not_going_frees_one_place(
    sim: Simulator, not_going: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", PLANTING)
    _at(sim, 9, 0)
    say(sim, "幸福里业主群", "王姐", "我和老头子俩人报名植树")
    _at(sim, 10, 0)
    sent = say(sim, "幸福里业主群", "王姐", not_going)
    assert any("已改为1人" in t for t in _texts(sent)), _texts(sent)
    assert not _paged(sent), _texts(sent)


@pytest.mark.parametrize(
    "going",
    [
        pytest.param("+1 我也去植树", id="trial-R57"),
        pytest.param("我也去 植树算我一个", id="fresh"),
    ],
)
def test_trial_and_fresh_going_to_the_owners_event_from_a_buildings_chat_is_answered(
    sim: Simulator, going: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", PLANTING)
    _at(sim, 10, 10)
    texts = _texts(say(sim, "5号楼居民群", "胖虎", going))
    assert any("植树活动 #E" in t and "幸福里业主群" in t for t in texts), texts


@pytest.mark.parametrize(
    "same",
    [
        pytest.param("1号跟2号是同一个爆管", id="trial-S18"),
        pytest.param("2号和1号说的是同一处漏水", id="fresh"),
    ],
)
def test_trial_and_fresh_two_tickets_of_one_thing_are_merged(sim: Simulator, same: str) -> None:
    _at(sim, 9, 0)
    say(sim, "6号楼居民群", "小赵", "6号楼前面路上冒水了 地面都拱起来了 水往外涌")
    _at(sim, 9, 10)
    say(sim, "6号楼居民群", "老钱", "6号楼门口的路底下水管爆了 水一直往外冒")
    _at(sim, 10, 0)
    texts = _texts(say(sim, "6号楼党小组", "吴敏", same))
    assert any("已合并到工单 #1" in t for t in texts), texts
