"""Day 22 (docs/trials/day22/report.md, first contact on 840486a): trial sentences ("trial")
next to wordings of mine written after reading the report ("fresh").

1. a neighbour's "the lift is stuck and does not move" is a me-too of the lift, not a person
   lying still (R03);
2. "the gas is gone, the dizzy old lady has recovered" is over news: a symptom told as recovered
   does not keep the danger open (R35);
3. "大橘找到了" (a cat) is no news that someone's sparks emergency is over (R38);
4. smoke reaching a mother upstairs with a child at home pages the fire again (R42);
5. what a missing man wears, told by his daughter, reaches everyone searching (R62);
6. a burning smell in the stairwell is a fire of its own, never news of the morning's gas leak
   (R85);
7. a leader's closing that ends with a bare 搞定 closes their ticket (S04, S69)."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.messages import OutboundMessage
from bot.simulator import Simulator
from service.tickets import jobs
from tests.test_conversations_resid16 import _tickets, _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

ZONE = ZoneInfo("Asia/Shanghai")


def _at(sim: Simulator, hour: int, minute: int = 0) -> list[str]:
    sim.clock.set(datetime(2026, 12, 15, hour, minute, tzinfo=ZONE))
    jobs.sweep_tickets(sim.core.factory, sim.core.community, sim.clock.now())
    return _texts(asyncio.run(sim.deliver()))


def _then(
    sim: Simulator,
    group: str,
    first: tuple[tuple[int, int], str, str],
    then: tuple[tuple[int, int], str, str],
) -> list[str]:
    """One message, then another in the same group later: the replies to the second."""
    (hour, minute), sender, text = first
    _at(sim, hour, minute)
    say(sim, group, sender, text)
    (hour, minute), sender, text = then
    _at(sim, hour, minute)
    return _texts(say(sim, group, sender, text))


LIFT = "我们1单元的电体又坏了 早上买菜下楼走了十几层 腿都软了"
LIFT_STILL_TRIAL = ["对对 1单元电梯停在8楼一动不动 按了半天没反应"]
LIFT_STILL_FRESH = ["1单元电梯一动不动好久了 按哪层都没反应"]


@pytest.mark.parametrize("text", _trial_and_fresh(LIFT_STILL_TRIAL, LIFT_STILL_FRESH))
def test_trial_and_fresh_a_lift_that_does_not_move_is_no_person_lying_still(
    sim: Simulator, text: str
) -> None:
    texts = _then(sim, "1号楼居民群", ((8, 10), "李大爷", LIFT), ((8, 20), "王女士", text))
    assert not any("紧急" in t for t in texts), texts
    assert not any("120" in t for t in texts), texts
    assert [emergency for _, _, _, emergency, _ in _tickets(sim)] == [False]


GAS = "4号楼东边那个单元门口有股很冲的煤气味 302的老太太说头晕"
GAS_OVER_TRIAL = [
    "燃气公司的人来了 是302家灶台阀门没关严 关了阀开窗通风 味道散了 头晕的老太太也缓过来了"
]
GAS_OVER_FRESH = ["阀门关好了 气味散了 胸闷的大爷也好多了", "燃气公司修好了 头晕的那位缓过来了"]


@pytest.mark.parametrize("text", _trial_and_fresh(GAS_OVER_TRIAL, GAS_OVER_FRESH))
def test_trial_and_fresh_a_symptom_told_as_recovered_is_over_news(
    sim: Simulator, text: str
) -> None:
    texts = _then(sim, "4号楼居民群", ((11, 0), "郑先生", GAS), ((13, 0), "郑先生", text))
    assert any("居民称险情已解除" in t for t in texts), texts
    assert not any("不要点火" in t for t in texts), texts


SPARKS = "3号楼我家厨房插座突然噼里啪啦冒火花 还有焦味"
CAT_FOUND_TRIAL = ["大橘找到了！！躲在地下车库 谢谢大家🙏"]
CAT_FOUND_FRESH = ["我家狗狗找到了 在楼下草丛里 谢谢各位"]


@pytest.mark.parametrize("text", _trial_and_fresh(CAT_FOUND_TRIAL, CAT_FOUND_FRESH))
def test_trial_and_fresh_a_pet_found_is_no_news_that_sparks_are_over(
    sim: Simulator, text: str
) -> None:
    texts = _then(sim, "3号楼居民群", ((9, 0), "小美", SPARKS), ((10, 0), "小美", text))
    assert not any("险情已解除" in t for t in texts), texts


FIRE = "五号楼一单元楼道里全是烟 一楼停的电动车烧起来了"
SMOKE_UP_TRIAL = ["我在一单元五楼 烟都窜上来了 楼道里看不见 家里还有个孩子"]
SMOKE_UP_FRESH = ["六楼这边烟窜上来了 下不去了 我和老伴在家"]


@pytest.mark.parametrize("text", _trial_and_fresh(SMOKE_UP_TRIAL, SMOKE_UP_FRESH))
def test_trial_and_fresh_smoke_reaching_people_upstairs_pages_the_fire_again(
    sim: Simulator, text: str
) -> None:
    texts = _then(sim, "5号楼居民群", ((14, 0), "邹姐", FIRE), ((14, 5), "林女士", text))
    assert any("情况加重" in t and text in t for t in texts), texts
    assert len(_tickets(sim)) == 1


MISSING = "我爸有点老年痴呆 下午四点出门遛弯到现在还没回来 手机也没带 穿着灰色棉袄"
LOOKS_TRIAL = ["他戴一顶黑色毛线帽 拄着拐杖 大概一米七"]
LOOKS_FRESH = ["他背着个蓝色布包 个子不高 有点驼背"]


@pytest.mark.parametrize("text", _trial_and_fresh(LOOKS_TRIAL, LOOKS_FRESH))
def test_trial_and_fresh_what_a_missing_man_wears_reaches_everyone_searching(
    sim: Simulator, text: str
) -> None:
    texts = _then(sim, "6号楼居民群", ((18, 0), "冯老师", MISSING), ((18, 10), "冯老师", text))
    leads = [t for t in texts if "线索" in t and text in t]
    assert len(leads) >= 3, texts  # the building's group, the grid, the community
    assert any("已把您补充的情况转告" in t for t in texts), texts


GAS_EARLY = "4号楼1单元门口有股很冲的煤气味"
BURNING_TRIAL = ["4号楼1单元楼道里一股烧焦的味道 还有点烟 不知道哪家的"]
BURNING_FRESH = ["1单元楼道一股焦糊味 还有烟 谁家的"]


@pytest.mark.parametrize("text", _trial_and_fresh(BURNING_TRIAL, BURNING_FRESH))
def test_trial_and_fresh_a_burning_smell_is_its_own_page_not_news_of_a_gas_leak(
    sim: Simulator, text: str
) -> None:
    texts = _then(sim, "4号楼居民群", ((11, 0), "马大姐", GAS_EARLY), ((21, 50), "马大姐", text))
    assert any("【紧急 #2】" in t for t in texts), texts
    assert not any("不要点火" in t for t in texts), texts


FLOOD = "三号楼地下室进水了 水已经漫到脚脖子 配电箱就在旁边"
DONE_TRIAL = ["地下室的水抽干了 配电箱没泡着 搞定"]
DONE_FRESH = ["水泵开了两个小时 水排干净了 完成"]


@pytest.mark.parametrize("text", _trial_and_fresh(DONE_TRIAL, DONE_FRESH))
def test_trial_and_fresh_a_closing_ending_with_a_bare_done_word_closes_the_ticket(
    sim: Simulator, text: str
) -> None:
    _at(sim, 20)
    say(sim, "3号楼居民群", "陈伯", FLOOD)
    say(sim, "3号楼党小组", "刘志强", "#1 收到我来 马上去地下室看看")
    _at(sim, 20, 40)
    texts = _texts(say(sim, "3号楼党小组", "刘志强", text))
    assert any("工单 #1 已办结" in t for t in texts), texts


def test_asking_whether_someone_can_manage_it_closes_nothing(sim: Simulator) -> None:
    _at(sim, 20)
    say(sim, "3号楼居民群", "陈伯", FLOOD)
    say(sim, "3号楼党小组", "刘志强", "#1 收到我来 马上去地下室看看")
    texts = _texts(say(sim, "3号楼党小组", "刘志强", "这事你能搞定"))
    assert not any("已办结" in t for t in texts), texts


def _on(sim: Simulator, day: int, hour: int, minute: int = 0) -> list[OutboundMessage]:
    """Set the clock to a day of December and run the sweep (escalations, morning summary)."""
    sim.clock.set(datetime(2026, 12, day, hour, minute, tzinfo=ZONE))
    jobs.sweep_tickets(sim.core.factory, sim.core.community, sim.clock.now())
    return asyncio.run(sim.deliver())


def test_a_take_back_at_night_tells_only_the_group_taking_it_until_morning(
    sim: Simulator,
) -> None:
    """Day 22 S72: "#21 收回" at 23:00 woke the property group and the resident."""
    _on(sim, 15, 15)
    say(sim, "4号楼居民群", "马大姐", "我们4号楼1单元801暖气也是温乎乎的 不够热")
    say(sim, "4号楼党小组", "孙丽", "#1 转 物业")
    _on(sim, 15, 23)
    night = say(sim, "4号楼党小组", "孙丽", "#1 收回")
    assert {m.room_id for m in night} == {"4号楼党小组"}, night
    assert any("收回" in m.text for m in night), night
    morning = _on(sim, 16, 7, 5)
    to_property = [m.text for m in morning if m.room_id == "物业服务中心群"]
    assert any("#1" in t and "收回" in t and "早间汇总" in t for t in to_property), morning


@pytest.mark.parametrize("text", _trial_and_fresh(["亮了 好"], ["好 挺好", "修好了 行"]))
def test_trial_and_fresh_a_short_yes_after_a_resolution_is_satisfied(
    sim: Simulator, text: str
) -> None:
    """Day 22 S94: "亮了 好" after the stairwell light was closed recorded no rating."""
    _at(sim, 9)
    say(sim, "6号楼居民群", "吴大爷", "6号楼2单元楼道灯坏了 黑咕隆咚的")
    say(sim, "6号楼党小组", "吴敏", "#1 接单")
    say(sim, "6号楼党小组", "吴敏", "#1 楼道灯全修好了 已处理")
    _at(sim, 10)
    texts = _texts(say(sim, "6号楼居民群", "吴大爷", text))
    assert any("满意" in t and "#1" in t for t in texts), texts


def test_a_chase_of_a_missing_person_page_is_no_lead(sim: Simulator) -> None:
    """What the daughter adds goes to every searcher; her "还没找到吗" is a chase, not a lead."""
    texts = _then(
        sim, "6号楼居民群", ((18, 0), "冯老师", MISSING), ((18, 30), "冯老师", "还没找到吗 急死了")
    )
    assert not any("线索" in t for t in texts), texts
