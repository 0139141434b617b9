"""Day 26 (docs/trials/day26/report.md, first contact on 617d85b): trial sentences ("trial")
next to wordings of mine ("fresh").

1. a father gone out at midnight in his underwear is a missing person paged at once, never a
   care ticket held for the morning (R83);
2. someone short of breath in a flat of their own is their own page, never "worse news" of a
   neighbour's emergency in another unit (R81);
3. the duty officer in the community group claims and closes, with no number, the one emergency
   the group was alerted to (S96, S97)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _tickets, _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["我爸又不见了！半夜自己开门走了 就穿了秋衣秋裤和拖鞋"],
        ["我妈半夜自己出门了 穿着睡衣和拖鞋 到现在没回来"],
    ),
)
def test_trial_and_fresh_someone_gone_at_midnight_undressed_is_paged_at_once(
    sim: Simulator, text: str
) -> None:
    _at(sim, 23, 50)
    texts = _texts(say(sim, "5号楼居民群", "黄先生", text))
    assert any(t.startswith("【紧急 #1】") for t in texts), texts
    assert not any("07:00" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["我一个人在家 心口发慌 喘不上气 儿子在外地 2单元203"],
        ["2单元502 我胸口闷得厉害 喘不过气来 家里就我一个"],
    ),
)
def test_trial_and_fresh_a_danger_in_another_flat_is_its_own_page_not_worse_news(
    sim: Simulator, text: str
) -> None:
    _at(sim, 23, 50)
    say(sim, "4号楼居民群", "郑大哥", "4号楼1单元601 我老公突然喘不上气 脸都紫了 快来人")
    _at(sim, 23, 55)
    texts = _texts(say(sim, "4号楼居民群", "孙奶奶", text))
    assert any(t.startswith("【紧急 #2】") for t in texts), texts
    assert not any("情况加重" in t for t in texts), texts
    assert [e for _, _, _, e, _ in _tickets(sim)] == [True, True]


def test_trial_the_duty_officer_claims_and_closes_the_one_alerted_emergency_with_no_number(
    sim: Simulator,
) -> None:
    _at(sim, 23, 10)
    say(sim, "5号楼居民群", "小美", "3单元又停电了 楼道里一股焦糊味 配电箱那边还有滋滋声")
    _at(sim, 23, 15)
    claimed = _texts(say(sim, "社区党委工作群", "刘值班", "收到 我马上下楼看看5号楼配电箱那个"))
    assert any("工单 #1 已由刘值班接单" in t for t in claimed), claimed
    _at(sim, 23, 50)
    closed = _texts(
        say(sim, "社区党委工作群", "刘值班", "电工看了 是新换的空开接头松了 拧紧了 没起火 已处理")
    )
    assert any("工单 #1 已办结（刘值班）" in t for t in closed), closed
