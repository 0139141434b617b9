"""Day 52 (docs/trials/day52/, a first contact on ca294c4: a winter day and night of 91 resident
messages and 57 staff lines): trial sentences ("trial") next to wordings of mine ("fresh").

The worst failure: a staff member who had just arrived at the flooding basement and shut the
main valve ("#17 我到地下室了 总阀已经关了") closed the emergency; the resident was asked whether
everyone was safe while the water was still rising, and her next message became a new page."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.simulator import Simulator
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("on_site", "noted"),
    [
        pytest.param("#1 我到地下室了 总阀已经关了", "总阀已经关了", id="trial-S17"),
        pytest.param("#1 我到楼下了 电闸先拉了", "电闸先拉了", id="fresh"),
    ],
)
def test_trial_and_fresh_arriving_at_the_flood_claims_it_and_never_closes_it(
    sim: Simulator, on_site: str, noted: str
) -> None:
    """On site, the first thing done: the emergency is claimed, the resident told someone is on
    it, and the water rising afterwards is still word of the same ticket, not a new page."""
    sim.clock.set(datetime(2027, 1, 14, 12, 10, tzinfo=ZONE))
    say(sim, "6号楼居民群", "老赵", "6号楼地下室的水管爆了 水哗哗往外冒 快淹到配电箱了")
    sim.clock.set(datetime(2027, 1, 14, 12, 15, tzinfo=ZONE))
    told = _texts(say(sim, "6号楼党小组", "吴敏", on_site))
    assert any("已由吴敏接单" in t for t in told), told
    assert any("正在处理" in t and noted in t for t in told), told
    assert not any("已办结" in t or "安全了吗" in t for t in told), told
    sim.clock.set(datetime(2027, 1, 14, 17, 10, tzinfo=ZONE))
    later = _texts(say(sim, "6号楼居民群", "老赵", "地下室水还在往外冒 水没过脚脖子了"))
    assert not any("【紧急 #2】" in t or "【可能紧急 #2】" in t for t in later), later
