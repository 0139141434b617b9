"""Day 42 (docs/trials/day42/report.md, first contact on 88a1632): trial sentences ("trial") next
to wordings of mine ("fresh").

1. a child missing, told by word statistics as a guess, is no chase of the building's gas smell
   of five hours ago (R65);
2. "老伴说她腰疼 不去了 就我一个" frees her place only (R44)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _paged
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

GAS = "3单元楼道里一股煤气味 好像是从301飘出来的 敲门没人开 味道挺冲的"
CLEAN_UP = "通知 12月20日9:30 春季大扫除志愿服务 地点:社区广场 对象:幸福里业主群 名额:20"


@pytest.mark.parametrize(
    "missing",
    [
        pytest.param(
            "小宇妈妈在东门找了半个多小时了 春游回来的车到了 小宇下车以后就没见人 手机也没带 穿蓝色校服",
            id="trial-R65",
        ),
        pytest.param(
            "乐乐放学半个多小时了还没进家门 他奶奶在楼下等了好久 谁看见了说一声",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_a_missing_child_is_no_chase_of_an_old_gas_page(
    sim: Simulator, missing: str
) -> None:
    _at(sim, 13, 50)
    say(sim, "2号楼居民群", "孙大妈", GAS)
    _at(sim, 18, 30)
    messages = say(sim, "2号楼居民群", "周老师", missing)
    texts = _texts(messages)
    assert not any("煤气味" in t for t in texts), texts
    assert any("紧急 #2】" in t for t in _paged(messages)), texts


@pytest.mark.parametrize(
    "dropping",
    [
        pytest.param("老伴说她腰疼 不去了 就我一个", id="trial-R44"),
        pytest.param("老头子感冒了 去不了了 就我自己", id="fresh"),
    ],
)
def test_trial_and_fresh_the_partner_dropping_out_keeps_ones_own_place(
    sim: Simulator, dropping: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", CLEAN_UP)
    _at(sim, 8, 10)
    say(sim, "幸福里业主群", "周大爷", "大扫除我和老伴俩人都去")
    _at(sim, 9, 0)
    texts = _texts(say(sim, "幸福里业主群", "周大爷", dropping))
    assert any("报名保留" in t and "还剩19个" in t for t in texts), texts
