"""Issue 11, conv12: words an outside tester found misunderstood. A sign-up cancelled in
everyday words under an event notice; one person is one sign-up, however she signed up; a ticket
number written last after a closing; a thanks with several tickets waiting rates the ticket its
words name, or asks."""

from __future__ import annotations

from bot.simulator import Simulator
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def _three_in_hand(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "张阿姨", "3号楼2单元楼道灯坏了好几天了")
    say(sim, "3号楼居民群", "李大爷", "3号楼3单元门口的下水道堵了 一股臭味")
    say(sim, "3号楼居民群", "赵女士", "3号楼1单元的单元门关不上了")


def test_a_ticket_number_written_last_after_a_closing_closes_that_ticket(sim: Simulator) -> None:
    _three_in_hand(sim)
    done = _texts(say(sim, "3号楼党小组", "刘志强", "已经修好了 2号"))
    assert any("工单 #2 已办结" in t for t in done), done
    done = _texts(say(sim, "3号楼党小组", "刘志强", "处理完毕，3号单子"))
    assert any("工单 #3 已办结" in t for t in done), done
    done = _texts(say(sim, "3号楼党小组", "刘志强", "搞定了 是1号那个"))
    assert any("工单 #1 已办结" in t for t in done), done
    assert _states(sim) == ["resolved", "resolved", "resolved"]


def test_a_room_or_a_date_written_last_is_no_ticket_number(sim: Simulator) -> None:
    _three_in_hand(sim)
    asked = _texts(say(sim, "3号楼党小组", "刘志强", "修好了 3号楼502"))
    assert asked and "哪一张" in asked[0], asked
    asked = _texts(say(sim, "3号楼党小组", "刘志强", "已经修好了 12月2号"))
    assert asked and "哪一张" in asked[0], asked
    assert _states(sim) == ["open", "open", "open"]
