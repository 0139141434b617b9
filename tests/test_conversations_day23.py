"""Day 23 (docs/trials/day23/report.md, first contact on 2daefbb): trial sentences ("trial") next
to wordings of mine ("fresh").

1. danger told on one's own ticket that was no emergency (a welfare visit asked for in the
   morning, then "敲门也没人应 里面好像有哼哼的声音") pages at once as 情况加重, the ticket becomes
   an emergency, and the resident gets the advice (R48: "请再耐心等一等")."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

VISIT = (
    "那个我说一下啊就是1单元701的老爷爷好几天没见着了平时每天都下楼晒太阳的"
    "门口的牛奶也没拿能不能有人去看看"
)
DANGER_TRIAL = ["701的事有人去了吗 我刚敲门也没人应 里面好像有哼哼的声音"]
DANGER_FRESH = [
    "701那边还没人去吗 我刚才听见屋里咚的一声 叫他也不答应",
    "老爷爷家我刚去了 从门缝看见他倒在地上 叫不醒",
]


@pytest.mark.parametrize("text", _trial_and_fresh(DANGER_TRIAL, DANGER_FRESH))
def test_trial_and_fresh_danger_told_on_ones_own_routine_ticket_pages_at_once(
    sim: Simulator, text: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "小吴", VISIT)
    _at(sim, 15, 50)
    replies = say(sim, "3号楼居民群", "小吴", text)
    texts = _texts(replies)
    paged = [m for m in replies if "【紧急 #1 情况加重】" in m.text]
    assert paged and any(m.mentions for m in paged), texts
    told = [t for t in texts if "情况紧急，已立即通知值班人员（工单 #1）" in t]
    assert told and "120" in told[0], texts
    assert not any("请再耐心等一等" in t for t in texts), texts
    with sim.core.factory() as session:
        ticket = session.get(Ticket, 1)
        assert ticket is not None and ticket.emergency and ticket.category == "emergency"
        assert ticket.room == "701"
        # the page is titled by the danger told now, not by the visit asked for this morning
        assert "好几天没见着" not in ticket.summary
        assert ticket.summary and ticket.summary in paged[0].text


def test_a_plain_chase_of_a_routine_ticket_still_waits_its_turn(sim: Simulator) -> None:
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "小吴", VISIT)
    _at(sim, 15, 50)
    texts = _texts(say(sim, "3号楼居民群", "小吴", "701的事有人去了吗 怎么还没人来"))
    assert any("请再耐心等一等" in t for t in texts), texts
    assert not any("紧急" in t for t in texts), texts


def test_a_danger_of_another_thing_from_the_same_resident_is_a_page_of_its_own(
    sim: Simulator,
) -> None:
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "小吴", "3号楼2单元楼道灯不亮了 晚上黑乎乎的")
    _at(sim, 15, 50)
    texts = _texts(say(sim, "3号楼居民群", "小吴", "楼道里着火了 好多烟"))
    assert any("【紧急 #2】" in t for t in texts), texts
    with sim.core.factory() as session:
        light = session.get(Ticket, 1)
        assert light is not None and not light.emergency


def test_a_child_shut_in_the_lift_of_ones_own_repair_ticket_makes_it_the_emergency(
    sim: Simulator,
) -> None:
    _at(sim, 9, 0)
    say(sim, "4号楼居民群", "马大姐", "4号楼电梯又坏了 停在5楼")
    _at(sim, 9, 30)
    texts = _texts(say(sim, "4号楼居民群", "马大姐", "电梯里关着个小孩 在里面哭"))
    assert any("【紧急 #1 情况加重】" in t for t in texts), texts
    assert not any("#2" in t for t in texts), texts


SMOKE = "三单元楼道里有人抽烟 烟头扔到纸箱上冒烟了 好大的烟"
PIPE = "你好 我是5单元的 我家水管冻裂了 厨房地上全是水 还在往外喷"
RELIEF_TRIAL = ["灭了就好 谢谢刘书记"]
RELIEF_FRESH = ["火灭了就好 辛苦了", "灭了就放心了 谢谢"]


@pytest.mark.parametrize("text", _trial_and_fresh(RELIEF_TRIAL, RELIEF_FRESH))
def test_trial_and_fresh_relief_after_ones_fire_is_put_out_confirms_it_not_a_neighbours_flood(
    sim: Simulator, text: str
) -> None:
    _at(sim, 21, 0)
    say(sim, "3号楼居民群", "吕大姐", SMOKE)
    _at(sim, 21, 20)
    say(sim, "3号楼居民群", "老邓", PIPE)
    _at(sim, 21, 50)
    say(sim, "3号楼党小组", "刘志强", "#2 我去看看")
    say(sim, "3号楼党小组", "刘志强", "#1 去看了 纸箱子烧着了一点 已经用水浇灭了 处理好了")
    _at(sim, 21, 55)
    texts = _texts(say(sim, "3号楼居民群", "吕大姐", text))
    assert any("工单 #1 居民已确认安全" in t for t in texts), texts
    assert not any("#2" in t for t in texts), texts
    with sim.core.factory() as session:
        pipe = session.get(Ticket, 2)
        assert pipe is not None and pipe.over_said_at is None


REHEARSAL = "通知 12月17日14:00 元旦联欢会彩排 地点:社区活动室 对象:3号楼居民群 名额:8"


def _rehearsal(sim: Simulator) -> None:
    _at(sim, 16, 0)
    announced = _texts(say(sim, "社区党委工作群", "王书记", REHEARSAL))
    assert any("已发布活动" in t for t in announced), announced


@pytest.mark.parametrize(
    ("text", "seats"),
    [
        pytest.param("算我一个 我们腰鼓队来三个人", 3, id="trial-算我一个 我们腰鼓队来三个人"),
        pytest.param("+1 我们去两个人", 2, id="fresh-我们去两个人"),
    ],
)
def test_trial_and_fresh_a_sign_up_for_a_group_takes_as_many_places_as_it_says(
    sim: Simulator, text: str, seats: int
) -> None:
    _rehearsal(sim)
    _at(sim, 16, 10)
    texts = _texts(say(sim, "3号楼居民群", "张阿姨", text))
    assert any(f"已为您报名（共{seats}人）" in t and f"还剩{8 - seats}个" in t for t in texts), (
        texts
    )


def test_trial_one_of_a_group_dropping_out_keeps_the_rest_signed_up(sim: Simulator) -> None:
    _rehearsal(sim)
    _at(sim, 16, 10)
    say(sim, "3号楼居民群", "张阿姨", "算我一个 我们腰鼓队来三个人")
    _at(sim, 16, 30)
    texts = _texts(say(sim, "3号楼居民群", "张阿姨", "彩排我们腰鼓队有一个来不了了 就我们俩"))
    assert any("已改为2人" in t and "还剩6个" in t for t in texts), texts
    assert not any("已取消您的报名" in t for t in texts), texts


def test_trial_a_chain_line_naming_someones_spouse_signs_up_another_person(
    sim: Simulator,
) -> None:
    _rehearsal(sim)
    _at(sim, 16, 10)
    say(sim, "3号楼居民群", "王大妈", "我也去")
    _at(sim, 16, 20)
    chain = "接龙\n1.王大妈\n2.李大爷\n3.李大爷老伴"
    texts = _texts(say(sim, "3号楼居民群", "李大爷", chain))
    assert any("新报名2人：李大爷、李大爷老伴" in t and "之前已报名：王大妈" in t for t in texts), (
        texts
    )


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("#1 体检是下周三上午 带身份证和医保卡 要空腹", id="trial"),
        pytest.param("#1 明天上午九点在服务站 带上身份证就行", id="fresh-tomorrow"),
    ],
)
def test_trial_and_fresh_an_answer_naming_a_day_reaches_the_resident(
    sim: Simulator, answer: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "1号楼居民群", "高阿姨", "社区下周是不是有免费体检 老年人要带什么")
    _at(sim, 9, 30)
    texts = _texts(say(sim, "1号楼党小组", "张建国", answer))
    assert any("答复如下" in t and answer.removeprefix("#1 ") in t for t in texts), texts
    assert not any("仍未办结" in t for t in texts), texts


def test_staff_who_promise_to_answer_tomorrow_keep_it_as_a_note(sim: Simulator) -> None:
    _at(sim, 9, 0)
    say(sim, "1号楼居民群", "高阿姨", "社区下周是不是有免费体检 老年人要带什么")
    _at(sim, 9, 30)
    texts = _texts(say(sim, "1号楼党小组", "张建国", "#1 我问一下卫生站 明天回复您"))
    assert not any("答复如下" in t for t in texts), texts


def _resolved_light(sim: Simulator) -> None:
    _at(sim, 9, 0)
    say(sim, "6号楼居民群", "杨大哥", "6号楼2单元楼道灯不亮了")
    _at(sim, 9, 30)
    say(sim, "6号楼党小组", "吴敏", "#1 已处理 换了灯泡")


def test_trial_taking_back_a_ticket_waiting_for_its_rating_offers_to_reopen_it(
    sim: Simulator,
) -> None:
    _resolved_light(sim)
    _at(sim, 10, 0)
    texts = _texts(say(sim, "6号楼党小组", "吴敏", "#1 收回 我们再盯一盯"))
    assert texts == ["工单 #1 已办结，正在等居民评价。如需重新处理，请回复：#1 重新处理"], texts


def test_trial_merging_into_a_finished_ticket_says_it_is_finished_and_how_to_close(
    sim: Simulator,
) -> None:
    _resolved_light(sim)
    _at(sim, 9, 40)
    say(sim, "6号楼居民群", "杨大哥", "满意")
    _at(sim, 10, 0)
    say(sim, "6号楼居民群", "小周", "6号楼2单元二楼的灯也不亮 黑乎乎的")
    _at(sim, 10, 10)
    texts = _texts(say(sim, "6号楼党小组", "吴敏", "#2 跟1号是一回事"))
    assert any("工单 #1（" in t and "已完结" in t and "#2 已处理" in t for t in texts), texts
