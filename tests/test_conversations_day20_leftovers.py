"""Day 20, the two follow-ups still filed as tickets of their own (docs/trials/day20/report.md):
trial sentences ("trial") next to wordings written before the fix ("fresh").

R12: a neighbour says the lift of an open ticket is still broken and tells their own trouble
from it (a mother who cannot climb to the eleventh floor): word of the lift ticket, which its
group hears in full, not a care ticket left behind when the lift goes to the property company.

R23: "+1 天天吵 …" right after a square-dance complaint that waits for its building in the
same chat: a second voice of that complaint, not a new noise ticket of the writer's building."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.simulator import Simulator
from tests.test_conversations_resid16 import _tickets, _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

ZONE = ZoneInfo("Asia/Shanghai")


def _at(sim: Simulator, hour: int, minute: int = 0) -> None:
    sim.clock.set(datetime(2026, 12, 8, hour, minute, tzinfo=ZONE))
    asyncio.run(sim.deliver())


# -- R12: the lift still broken, and a mother who cannot climb ----------------------------------

LIFT = "5号楼1单元的电体又坏了停在三楼不动 按了半天没反应 我们住十一楼的咋整啊"
STILL_BROKEN_TRIAL = ["电体还是坏的 我妈腿脚不好 爬不了十一楼 今天要去医院复查怎么办"]
STILL_BROKEN_FRESH = [
    "电梯到现在还没修好 我爸坐轮椅 下午要去透析 下不去楼",
    "电梯还是不动 家里老太太九十了 走不了楼梯 药快吃完了",
]


@pytest.mark.parametrize("text", _trial_and_fresh(STILL_BROKEN_TRIAL, STILL_BROKEN_FRESH))
def test_trial_and_fresh_lift_still_broken_with_a_stranded_parent_is_word_of_the_lift_ticket(
    sim: Simulator, text: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "5号楼居民群", "小鱼儿", LIFT)
    _at(sim, 9, 40)
    texts = _texts(say(sim, "5号楼居民群", "老马", text))
    assert len(_tickets(sim)) == 1, _tickets(sim)
    assert any("已有居民反映过" in t and "#1" in t for t in texts), texts
    # Those on the lift hear the neighbour's own trouble, word for word.
    assert any("【工单 #1 居民补充】老马" in t and text[-6:] in t for t in texts), texts


def test_a_different_thing_still_broken_opens_its_own_ticket(sim: Simulator) -> None:
    _at(sim, 9, 0)
    say(sim, "5号楼居民群", "小鱼儿", LIFT)
    _at(sim, 9, 40)
    say(sim, "5号楼居民群", "老马", "5号楼2单元楼道灯还是不亮 晚上我妈下楼差点摔了")
    assert len(_tickets(sim)) == 2, _tickets(sim)


# -- R23: "+1" under a complaint that waits for its building -------------------------------------

SQUARE_DANCE = "能不能管管广场舞 每天晚上音响开那么大 一直放到九点多 孩子写不了作业 老人睡不着"
PLUS_ONE_TRIAL = ["+1 天天吵 我们6号楼对着广场的这边最受罪"]
PLUS_ONE_FRESH = [
    "同样 那个音响每晚震得头疼 我住3号楼",
    "我家也是 天天晚上吵到九点 2号楼这边听得清清楚楚",
]


@pytest.mark.parametrize("text", _trial_and_fresh(PLUS_ONE_TRIAL, PLUS_ONE_FRESH))
def test_trial_and_fresh_plus_one_joins_the_complaint_waiting_for_its_building(
    sim: Simulator, text: str
) -> None:
    _at(sim, 20, 0)
    asked = _texts(say(sim, "幸福里业主群", "6楼的小林", SQUARE_DANCE))
    assert any("几号楼" in t for t in asked), asked
    _at(sim, 20, 5)
    texts = _texts(say(sim, "幸福里业主群", "失眠的老刘", text))
    assert len(_tickets(sim)) == 1, _tickets(sim)
    assert any("已有居民反映过" in t and "#1" in t for t in texts), texts
