"""Issue 11, day 9 leftover: on a care ticket the visit is the work. A worker who writes
"#N 看过了 … 帮她买了药" has done what was asked; the resident must hear so, not the worker be
told the ticket is still open. The same words on a repair ticket are only a step."""

from __future__ import annotations

from bot.simulator import Simulator
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def test_a_visit_told_as_done_closes_a_care_ticket(sim: Simulator) -> None:
    say(sim, "2号楼居民群", "郑女士", "2号楼3单元我妈一个人住 腿脚不方便 想请社区帮忙买点菜和降压药")
    assert _states(sim) == ["open"]
    done = _texts(say(sim, "2号楼党小组", "陈桂兰", "#1 去看望了 陪她聊了会天 给她买了米和油"))
    assert any("工单 #1 已办结" in t for t in done), done
    assert _states(sim) == ["resolved"]


def test_a_visit_told_as_what_was_seen_closes_a_care_ticket(sim: Simulator) -> None:
    say(sim, "5号楼居民群", "韩先生", "5号楼1单元的孙大爷老伴走了以后一个人在家 麻烦社区有空去看看他")
    done = _texts(say(sim, "5号楼党小组", "周海", "#1 下午去看了 老爷子挺精神的"))
    assert any("工单 #1 已办结" in t for t in done), done
    assert _states(sim) == ["resolved"]


def test_a_visit_with_more_to_come_is_a_note_not_a_closing(sim: Simulator) -> None:
    say(sim, "2号楼居民群", "郑女士", "2号楼3单元我妈一个人住 腿脚不方便 想请社区帮忙买点菜和降压药")
    kept = _texts(say(sim, "2号楼党小组", "陈桂兰", "#1 看过了 明天再陪她去医院开药"))
    assert not any("已办结" in t for t in kept), kept
    assert _states(sim) != ["resolved"]


def test_a_look_at_a_broken_lamp_is_not_a_repair(sim: Simulator) -> None:
    say(sim, "2号楼居民群", "郑女士", "2号楼3单元楼道灯坏了 晚上黑乎乎的")
    kept = _texts(say(sim, "2号楼党小组", "陈桂兰", "#1 看了一下"))
    assert not any("已办结" in t for t in kept), kept
    assert _states(sim) != ["resolved"]
