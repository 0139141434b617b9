"""Day 28 (docs/trials/day28/report.md, first contact on 4ab3871): trial sentences ("trial")
next to wordings of mine ("fresh").

1. a lost child found somewhere else ("找到了找到了！在6号楼架空层躲雨") is the all-clear of the
   search, never silence because the place found is another building (R46);
2. staff saying their people are on site ("1号 我们的人已经在车库了") claim the ticket, never
   close it while the water is still being pumped (S09);
3. the safety advice fits the danger: someone short of breath sits up, never "保持病人平躺"
   (R07); a dog bite is washed and seen to for rabies (R50);
4. who came to one's danger and what they found ("电工来了 把总闸拉了 说是进水短路") is news of it,
   never a new page for the cause they were told (R73);
5. a question about a danger named as a matter already known ("今天电梯关人这个事 …能不能赔")
   pages nobody (R76)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

LOST = "我儿子刚才在游乐场滑梯那玩 我转身接个电话人就不见了 4岁 穿黄色雨衣 蓝色雨靴 大家帮忙找找"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("找到了找到了！在6号楼架空层躲雨 睡着了😭 谢谢大家", id="trial-R46"),
        pytest.param("孩子找着了 在5号楼的快递柜后面 虚惊一场", id="fresh"),
    ],
)
def test_trial_and_fresh_a_child_found_in_another_building_is_the_all_clear(
    sim: Simulator, text: str
) -> None:
    _at(sim, 14, 0)
    say(sim, "3号楼居民群", "郭女士", LOST)
    _at(sim, 14, 38)
    texts = _texts(say(sim, "3号楼居民群", "郭女士", text))
    assert any("【工单 #1 居民称险情已解除】" in t for t in texts), texts


FLOOD = "地下车库那个坡道口水已经漫进去了 水哗哗往下灌 下面还停着好多车"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1号 我们的人已经在车库了", id="trial-S09"),
        pytest.param("#1 师傅已经在现场了 正在抽水", id="fresh"),
    ],
)
def test_trial_and_fresh_people_on_site_claim_the_ticket_never_close_it(
    sim: Simulator, text: str
) -> None:
    _at(sim, 7, 45)
    say(sim, "幸福里业主群", "阿杰", FLOOD)
    _at(sim, 8, 0)
    texts = _texts(say(sim, "社区党委工作群", "刘值班", text))
    assert not any("已办结" in t or "已处理" in t for t in texts), texts
    assert any("接单" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        pytest.param(
            "停电了我家老伴的制氧机用不了 她喘不上气 嘴唇都有点发紫了 住5-2-701",
            "不要让他平躺",
            id="trial-R07",
        ),
        pytest.param(
            "我爸哮喘犯了 憋得说不出话 药吸了也不管用 5号楼", "不要让他平躺", id="fresh-breath"
        ),
        pytest.param(
            "楼下有只大黄狗把一个小孩咬了 腿上在流血 狗主人不在 狗还在那边转",
            "狂犬疫苗",
            id="trial-R50",
        ),
    ],
)
def test_trial_and_fresh_the_safety_advice_fits_the_danger(
    sim: Simulator, text: str, advice: str
) -> None:
    _at(sim, 8, 5)
    texts = _texts(say(sim, "5号楼居民群", "老马", text))
    assert any(advice in t for t in texts), texts
    assert not any("保持病人平躺" in t for t in texts), texts


SPARKS = "我们2单元配电箱那里刚才啪的一声冒火花 现在有股焦糊味 楼道灯全灭了"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("电工来了 把总闸拉了 说是进水短路", id="trial-R73"),
        pytest.param("物业来了 说是电箱受潮漏电 已经断电了", id="fresh"),
    ],
)
def test_trial_and_fresh_who_came_and_what_they_found_is_news_of_the_danger(
    sim: Simulator, text: str
) -> None:
    _at(sim, 20, 40)
    say(sim, "1号楼居民群", "老杨", SPARKS)
    _at(sim, 20, 50)
    texts = _texts(say(sim, "1号楼居民群", "老杨", text))
    assert any(t.startswith("【工单 #1 居民补充】") for t in texts), texts
    assert not any("#2" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("我问一下 今天电梯关人这个事 物业有没有什么说法 能不能赔", id="trial-R76"),
        pytest.param("早上车库进水淹车那件事 保险能赔吗", id="fresh"),
    ],
)
def test_trial_and_fresh_a_question_about_a_known_matter_pages_nobody(
    sim: Simulator, text: str
) -> None:
    _at(sim, 22, 50)
    texts = _texts(say(sim, "4号楼居民群", "小吴", text))
    assert not any("紧急" in t for t in texts), texts
