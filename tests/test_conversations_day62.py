"""Day 62 (docs/trials/day62/, a first contact on fcac5ea: a snowstorm and a power cut in 金茂社区):
what was fixed at once; the rest is left in docs/trials/day62/after.md."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day52 import ZONE
from tests.test_conversations_day56 import _ticket
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "俺家小孙子放学到现在还没回来 平时四点半就到家了 现在五点多了 天都黑了雪这么大 "
            "电话手表也打不通 3号楼1单元",
            id="trial-R63",
        ),
        pytest.param("我外孙女下午出去玩到现在还没回家 天黑了 电话也打不通", id="fresh"),
    ],
)
def test_trial_and_fresh_a_grandchild_not_home_after_dark_is_a_full_page(
    jm: Simulator, said: str
) -> None:
    jm.clock.set(datetime(2026, 12, 15, 17, 10, tzinfo=ZONE))
    told = _texts(say(jm, "3号楼居民群", "赵婶", said))
    ticket = _ticket(jm, 1)
    assert (ticket.emergency, ticket.emergency_level) == (True, None), told
    assert not any("可能紧急" in t for t in told), told


MISSING = (
    "俺家小孙子放学到现在还没回来 平时四点半就到家了 现在五点多了 天都黑了雪这么大 "
    "电话手表也打不通 3号楼1单元"
)


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "赵婶家孙子是不是穿红棉袄的 我刚在东门外公交站看见一个背蓝书包的小男孩",
            id="trial-R64",
        ),
        pytest.param("赵婶家小孙子是不是背个蓝书包 刚才在超市门口看到一个小孩在哭", id="fresh"),
    ],
)
def test_trial_and_fresh_a_sighting_naming_the_searching_family_is_a_lead(
    jm: Simulator, said: str
) -> None:
    jm.clock.set(datetime(2026, 12, 15, 17, 10, tzinfo=ZONE))
    say(jm, "3号楼居民群", "赵婶", MISSING)
    jm.clock.set(datetime(2026, 12, 15, 17, 20, tzinfo=ZONE))
    told = _texts(say(jm, "金茂业主群", "小林", said))
    assert any("【工单 #1 线索】小林" in t for t in told), told
    assert not any("几号楼几单元" in t for t in told), told


CO = "停电了家里点了好几根蜡烛 还在卧室开了个煤气取暖器 窗户关得严严的 孩子刚才说头晕想吐"


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("请问一下 这次停电停这么久 物业费能不能减免 找谁说", id="trial-R18"),
        pytest.param("请问停电那会冰箱里的东西全坏了 这个能找谁赔", id="trial-R55"),
        pytest.param("停了一天电 这个月电费能不能减免啊", id="fresh"),
    ],
)
def test_trial_and_fresh_who_pays_for_the_outage_is_a_question_of_its_own(
    jm: Simulator, said: str
) -> None:
    jm.clock.set(datetime(2026, 12, 15, 8, 2, tzinfo=ZONE))
    say(jm, "2号楼居民群", "小赵", CO)
    jm.clock.set(datetime(2026, 12, 15, 10, 2, tzinfo=ZONE))
    told = _texts(say(jm, "2号楼居民群", "钱阿姨", said))
    ticket = _ticket(jm, 2)
    assert ticket.category == "inquiry", told
    assert not any("通风" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "俺老伴在家吸氧 制氧机一停电就不转了 备用那个氧气瓶顶多撑一个钟头 2单元302",
            id="trial-R04",
        ),
        pytest.param("停电了 我爸的呼吸机用不了 氧气袋也快没了 3单元101", id="fresh"),
    ],
)
def test_trial_and_fresh_oxygen_stopped_by_the_power_cut_is_a_full_page(
    jm: Simulator, said: str
) -> None:
    jm.clock.set(datetime(2026, 12, 15, 7, 30, tzinfo=ZONE))
    told = _texts(say(jm, "2号楼居民群", "王大爷", said))
    ticket = _ticket(jm, 1)
    assert (ticket.emergency, ticket.emergency_level) == (True, None), told
    assert any("氧" in t and "120" in t for t in told[:1]), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("我们楼停点了 从早上六点多就没电 冰箱都不响了 1单元", id="trial-R02"),
        pytest.param("3单元一早就没电了 冰箱也不响了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_fridge_gone_silent_in_a_power_cut_is_the_power_cut(
    jm: Simulator, said: str
) -> None:
    jm.clock.set(datetime(2026, 12, 15, 7, 8, tzinfo=ZONE))
    told = _texts(say(jm, "1号楼居民群", "刘阿姨", said))
    ticket = _ticket(jm, 1)
    assert (ticket.category, ticket.subcategory) == ("maintenance", "供电"), told
