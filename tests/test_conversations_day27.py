"""Day 27 (docs/trials/day27/report.md, first contact on 7724bdd): trial sentences ("trial")
next to wordings of mine ("fresh").

1. a new danger told by someone with a ticket open about something else is a page of its own,
   never "情况加重" of that ticket: a child on the roof is no news of the visit asked for an old
   man (R55), a feverish child none of the playground slide (R83), a husband gone missing none
   of the 老年卡 question (R91); the old ticket keeps its own place and problem."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    ("group", "who", "first", "danger"),
    [
        pytest.param(
            "1号楼居民群",
            "林叔",
            "1单元502的老孙头好几天没见着了 他儿子在外地 以前天天在楼下下棋 社区能不能去看看",
            "1号楼楼顶天台边上坐着个小孩 就他一个人 腿耷拉在外面 看着吓人",
            id="trial-roof-after-visit",
        ),
        pytest.param(
            "1号楼居民群",
            "小陈妈妈",
            "孩子放学回来说小花园滑梯那有块铁皮翘起来了 把裤子划破了 家长们让孩子小心点",
            "孩子发高烧39度8 老公出差 我一个人带俩孩子打不到车 社区有人能帮帮忙吗 1号楼3单元",
            id="trial-fever-after-slide",
        ),
        pytest.param(
            "2号楼居民群",
            "唐奶奶",
            "请问老年卡年审要带什么东西 去哪儿办呀",
            "我老伴一早出去遛弯到现在还没回来 他有老年痴呆 手机也没带",
            id="trial-missing-after-question",
        ),
        pytest.param(
            "3号楼居民群",
            "胡大姐",
            "3单元门口的路灯坏了好几天了 晚上黑乎乎的",
            "我家老头在卫生间摔了 叫他不答应 3单元201",
            id="fresh-fall-after-lamp",
        ),
        pytest.param(
            "4号楼居民群",
            "钱叔",
            "请问社区有没有老年食堂 怎么报名",
            "楼下车棚那边有个小孩爬到围墙上面去了 下面是马路",
            id="fresh-wall-after-canteen",
        ),
    ],
)
def test_trial_and_fresh_a_new_danger_is_its_own_page_never_worse_news_of_another_ticket(
    sim: Simulator, group: str, who: str, first: str, danger: str
) -> None:
    _at(sim, 9, 0)
    say(sim, group, who, first)
    _at(sim, 13, 0)
    texts = _texts(say(sim, group, who, danger))
    assert any(t.startswith("【紧急 #2】") for t in texts), texts
    assert not any("情况加重" in t or "#1" in t for t in texts), texts
