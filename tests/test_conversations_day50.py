"""Day 50 (docs/trials/day50/report.md, a short first contact on d4531fe, a hot July week in both
communities of the street): trial sentences ("trial") next to wordings of mine ("fresh").

A witness asking whether it is a fire ("是不是着火了") is no news that the danger is over (R25):
its 不是着火 stands in a question."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _paged
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    "asked",
    [
        pytest.param("6号楼那边窗户冒黑烟了 是不是着火了", id="trial-R25"),
        pytest.param("6号楼402那边一直有烟往外冒 是不是着火了呀", id="fresh"),
    ],
)
def test_trial_and_fresh_a_witness_asking_whether_it_is_a_fire_is_no_all_clear(
    sim: Simulator, asked: str
) -> None:
    _at(sim, 19, 20)
    sent = say(sim, "6号楼居民群", "小杨", "6号楼402门缝里在冒烟 一股焦糊味 敲门没人应")
    assert _paged(sent), _texts(sent)
    _at(sim, 19, 30)
    told = _texts(say(sim, "5号楼居民群", "老马", asked))
    assert not any("险情已解除" in t for t in told), told
