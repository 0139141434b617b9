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
