"""Day 24 (docs/trials/day24/report.md, first contact on d6f8dc6): trial sentences ("trial") next
to wordings of mine ("fresh").

1. worse news goes to the emergency of its hazard, or the writer's own, never to the latest
   emergency of the building (R37: gas news paged as the lift rescue);
2. "21号 收到我来" in a staff group claims ticket #21, never signs up for a meeting (S46);
3. a problem of its own is no "still broken" word of a neighbour's question (R31);
4. no fire advice again on a fire said to be over (R81);
5. relief answers: "没事了 车棚那边没烟了" confirms safety, "热了热了 屋里22度了" is 满意 without
   a "不客气" (S02, S103);
6. "小张妈妈的女儿" on a 接龙 is another person (S79)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

GAS = "我刚从外面回来 闻到2单元一楼一股很浓的煤气味 不知道是哪家的"
LIFT = "4号楼电梯里有人被关住了 按了警铃没人应 里面是个老人在喊"


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["煤气味还在 比刚才更浓了 有个老太太在家没开门"],
        ["煤气味越来越大了 一楼那家还是没人开门"],
    ),
)
def test_trial_and_fresh_worse_gas_news_goes_to_the_gas_page_not_the_latest_emergency(
    sim: Simulator, text: str
) -> None:
    _at(sim, 10, 0)
    say(sim, "4号楼居民群", "老刘", GAS)
    _at(sim, 10, 20)
    say(sim, "4号楼居民群", "小孙", LIFT)
    _at(sim, 10, 30)
    texts = _texts(say(sim, "4号楼居民群", "老刘", text))
    worse = [t for t in texts if "【紧急" in t and "情况加重" in t]
    assert worse and all("【紧急 #1 情况加重】" in t for t in worse), texts
    assert not any("#2" in t for t in texts), texts


def test_the_lift_rescue_reads_as_someone_trapped_with_lift_advice(sim: Simulator) -> None:
    _at(sim, 10, 20)
    texts = _texts(say(sim, "4号楼居民群", "小孙", LIFT))
    told = [t for t in texts if t.startswith("已收到")]
    assert told and "警铃" in told[0] and "平躺" not in told[0], texts
    with sim.core.factory() as session:
        ticket = session.get(Ticket, 1)
        assert ticket is not None and ticket.subcategory == "被困"


HEATING = "1号楼1单元暖气一点都不热 家里老两口冻得不行"


@pytest.mark.parametrize("claim", _trial_and_fresh(["1号 收到我来"], ["#1 我来", "1号 我来吧"]))
def test_trial_and_fresh_a_numbered_i_will_take_it_claims_the_ticket_not_a_meeting(
    sim: Simulator, claim: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "1号楼居民群", "郑阿姨", HEATING)
    _at(sim, 8, 10)
    texts = _texts(say(sim, "1号楼党小组", "张建国", claim))
    assert any("工单 #1 已由张建国接单" in t for t in texts), texts
    assert not any("报名" in t for t in texts), texts


def test_trial_a_problem_of_its_own_is_not_joined_to_a_neighbours_question(
    sim: Simulator,
) -> None:
    _at(sim, 10, 0)
    say(sim, "2号楼居民群", "小张妈妈", "请问社区那个寒假托管班还报名吗 孩子三年级")
    _at(sim, 12, 0)
    thrown = "谁家孩子天天在楼上往下扔东西 今天又一个苹果核砸我家窗台上 2单元的"
    texts = _texts(say(sim, "2号楼居民群", "王叔叔", thrown))
    assert not any("已有居民反映过" in t for t in texts), texts
    with sim.core.factory() as session:
        categories = [t.subcategory for t in session.scalars(select(Ticket).order_by(Ticket.id))]
    assert categories[-1] == "高空抛物", categories


def test_trial_no_fire_advice_again_on_a_fire_said_to_be_over(sim: Simulator) -> None:
    _at(sim, 20, 0)
    say(sim, "5号楼居民群", "周阿姨", "5号楼3单元有人在楼道里烧纸 烟好大 整个楼道都是烟 呛得不行")
    _at(sim, 20, 20)
    say(sim, "5号楼居民群", "周阿姨", "烟散了 是3楼老太太烧纸 被说了两句已经灭了 没事了")
    _at(sim, 21, 0)
    texts = _texts(
        say(sim, "5号楼居民群", "周阿姨", "5号楼3单元楼道里那堆烧过的纸灰还没人扫 黑乎乎一地")
    )
    assert texts and not any("119" in t or "撤离" in t for t in texts), texts


SHED = "3号楼1单元楼下那个电动车棚里 有辆电瓶车在冒烟 味道很冲"


@pytest.mark.parametrize(
    "text", _trial_and_fresh(["没事了 车棚那边没烟了 谢谢刘哥"], ["没烟了 也没味了 辛苦"])
)
def test_trial_and_fresh_relief_that_the_smoke_is_gone_confirms_safety(
    sim: Simulator, text: str
) -> None:
    _at(sim, 21, 0)
    say(sim, "3号楼居民群", "小赵", SHED)
    _at(sim, 21, 30)
    say(sim, "3号楼党小组", "刘志强", "#1 电瓶车电池鼓包冒烟 拿灭火器喷了 没起火 已处理")
    _at(sim, 21, 40)
    texts = _texts(say(sim, "3号楼居民群", "小赵", text))
    assert any("工单 #1 居民已确认安全" in t for t in texts), texts


def test_trial_saying_it_is_warm_now_is_satisfied_without_a_youre_welcome(
    sim: Simulator,
) -> None:
    _at(sim, 9, 0)
    say(sim, "1号楼居民群", "郑阿姨", HEATING)
    _at(sim, 10, 0)
    say(sim, "1号楼党小组", "张建国", "#1 热力公司来放了气 已处理")
    _at(sim, 10, 30)
    texts = _texts(say(sim, "1号楼居民群", "郑阿姨", "热了热了 屋里22度了"))
    assert any(t.startswith("好的，已按“满意”记下") for t in texts), texts


def test_trial_a_daughter_on_a_chain_list_is_signed_up_as_herself(sim: Simulator) -> None:
    _at(sim, 16, 0)
    notice = "通知 12月19日09:00 冬至包饺子 地点:社区活动室 对象:2号楼居民群 名额:10"
    say(sim, "社区党委工作群", "王书记", notice)
    _at(sim, 16, 10)
    chain = "接龙 冬至包饺子\n1.小张妈妈\n2.小张妈妈的女儿\n3.王叔叔"
    texts = _texts(say(sim, "2号楼居民群", "小张妈妈", chain))
    assert any("新报名3人：小张妈妈、小张妈妈的女儿、王叔叔" in t for t in texts), texts
