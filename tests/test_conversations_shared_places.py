"""A danger at a place of the whole compound (the garage, a gate, the square), told by several
residents in several chats, is one page (day 28 R02, R03, R04, R11: one flooded garage told in
three chats was four pages, the reporter's own update among them). Trial sentences ("trial")
next to wordings of mine ("fresh"); each also shows what must stay a page of its own."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _tickets
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

FLOOD = "地下车库那个坡道口水已经漫进去了 水哗哗往下灌 下面还停着好多车"


def _pages(texts: list[str]) -> list[str]:
    return [t for t in texts if "【紧急 #" in t or "【可能紧急 #" in t]


@pytest.mark.parametrize(
    ("chat", "text"),
    [
        pytest.param(
            "2号楼居民群", "东边车库那个坡口也在进水啊 赶紧叫人拿沙袋挡一下", id="trial-R04"
        ),
        pytest.param("4号楼居民群", "地库B区也进水了 积水快到脚脖子了", id="fresh-other-chat"),
        pytest.param("幸福里业主群", "停车场那边全是水 好几辆车都泡着了", id="fresh-owners-chat"),
    ],
)
def test_trial_and_fresh_the_garage_flood_told_from_another_chat_joins_the_first_page(
    sim: Simulator, chat: str, text: str
) -> None:
    _at(sim, 7, 45)
    say(sim, "幸福里业主群", "阿杰", FLOOD)
    _at(sim, 7, 52)
    texts = _texts(say(sim, chat, "陈阿姨", text))
    assert not _pages(texts), texts
    assert any("已有居民反映过（工单 #1" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("车库水已经淹到第一排车的车门了 物业的人到现在一个都没看到", id="trial-R11"),
        pytest.param("车库里积水越来越深 已经到膝盖了 还是没人来", id="fresh"),
    ],
)
def test_trial_and_fresh_the_reporters_own_news_of_the_garage_flood_goes_on_their_ticket(
    sim: Simulator, text: str
) -> None:
    _at(sim, 7, 45)
    say(sim, "幸福里业主群", "阿杰", FLOOD)
    _at(sim, 8, 20)
    texts = _texts(say(sim, "幸福里业主群", "阿杰", text))
    assert not any("已收到您反映的问题" in t for t in texts), texts
    assert any("工单 #1" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("我的车就停在B2-068 水都到轮胎一半了 谁有物业电话啊😭", id="trial-R03"),
        pytest.param("我家电动车还在下面 这可咋整啊", id="fresh"),
    ],
)
def test_trial_and_fresh_a_worry_naming_no_danger_under_the_owners_chat_flood_is_word_of_it(
    sim: Simulator, text: str
) -> None:
    _at(sim, 7, 45)
    say(sim, "幸福里业主群", "阿杰", FLOOD)
    _at(sim, 7, 50)
    texts = _texts(say(sim, "幸福里业主群", "小林妈妈", text))
    assert not _pages(texts), texts
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    ("chat", "text"),
    [
        pytest.param(
            "2号楼居民群", "车库里有辆电动车在冒烟 好大的焦味", id="fresh-fire-in-the-garage"
        ),
        pytest.param(
            "3号楼居民群", "3号楼地下室也进水了 水漫到配电箱那了", id="fresh-a-buildings-basement"
        ),
        pytest.param(
            "幸福里业主群",
            "东门口有个老人摔倒了 头上在流血 叫他也不太应",
            id="fresh-a-fall-at-the-gate",
        ),
    ],
)
def test_fresh_another_danger_or_another_place_is_a_page_of_its_own(
    sim: Simulator, chat: str, text: str
) -> None:
    _at(sim, 7, 45)
    say(sim, "幸福里业主群", "阿杰", FLOOD)
    _at(sim, 7, 55)
    texts = _texts(say(sim, chat, "老胡", text))
    assert any("【紧急 #2" in t or "【可能紧急 #2" in t for t in texts), texts


def test_fresh_a_garage_flood_after_the_first_was_said_over_is_paged_again(sim: Simulator) -> None:
    _at(sim, 7, 45)
    say(sim, "幸福里业主群", "阿杰", FLOOD)
    _at(sim, 8, 30)
    say(sim, "幸福里业主群", "阿杰", "水退了 沙袋挡住了 没事了")
    _at(sim, 9, 30)
    texts = _texts(say(sim, "2号楼居民群", "陈阿姨", "车库又进水了 西边坡道口水哗哗往下流"))
    assert any("【紧急 #2" in t or "【可能紧急 #2" in t for t in texts), texts
