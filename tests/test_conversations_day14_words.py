"""Issue 11, day 14: the trial's own sentences, each next to a fresh wording written before the
fix (so the fresh ones measure something about unseen text):
- a resident's thanks after a fix is 满意 on the ticket its words point to (不滴了 → the leak,
  没再打电钻了 → the noise, 菜/饭 → the shopping or meal ticket); a ticket the resident follows
  only because their report was merged into it ranks below their own;
- the night worker's numberless claim whose words fit one waiting ticket claims it, and the
  numberless closing that follows closes the ticket in hand; a list says how many it leaves out;
- a hypothetical fire ("真着火了都跑不出去") is no fire, medicine running out is care, and a
  quarrel inside the group is chatter."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.models import Ticket
from service.understanding import Classifier
from tests.test_conversations_conv12 import _rated
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial12 import _later, _pages, _to
from tests.test_ticket_time_limits import say


def _claimed(sim: Simulator) -> list[str | None]:
    with sim.core.factory() as session:
        return [t.claimed_by for t in session.scalars(select(Ticket).order_by(Ticket.id))]


# -- 1. thanks after a fix ------------------------------------------------------------------


@pytest.mark.parametrize("thanks", ["好了 不滴了 谢谢", "这两天不渗了 谢谢你们"])
def test_thanks_saying_the_drip_stopped_rates_the_leak(sim: Simulator, thanks: str) -> None:
    say(sim, "1号楼居民群", "刘奶奶", "楼上天天往下滴水 我家阳台晾的衣服全湿了 我是1单元302")
    say(sim, "1号楼党小组", "张建国", "#1 已处理 找到402了 是热水器管子漏 已经让他修好了")
    _later(sim, 20)
    rated = _to(say(sim, "1号楼居民群", "刘奶奶", thanks), "1号楼居民群")
    assert len(rated) == 1 and "#1" in rated[0] and "满意" in rated[0], rated
    assert _rated(sim) == ["satisfied"]


@pytest.mark.parametrize("thanks", ["谢谢周书记 昨晚没再打电钻了", "谢谢 楼上装修的没再吵了"])
def test_thanks_saying_the_drilling_stopped_rates_the_noise_not_the_pigeons(
    sim: Simulator, thanks: str
) -> None:
    say(sim, "5号楼居民群", "刘婶", "5号楼3单元楼道有人在窗台上养鸽子 鸽子屎弄得到处都是")
    say(sim, "5号楼居民群", "刘婶", "5号楼3单元楼上装修电钻声 晚上十一点了还在打")
    say(sim, "5号楼党小组", "周海", "#1 已处理 跟养鸽子的说了 鸽子笼搬走了")
    say(sim, "5号楼党小组", "周海", "#2 已处理 跟楼上说了 晚上八点以后不施工")
    _later(sim, 60)
    rated = _to(say(sim, "5号楼居民群", "刘婶", thanks), "5号楼居民群")
    assert len(rated) == 1 and "#2" in rated[0] and "满意" in rated[0], rated
    assert _rated(sim) == [None, "satisfied"]


def _shopping_and_merged_leak(sim: Simulator) -> None:
    """钱奶奶's shopping request (#2) and her leak report (#3) merged into 刘奶奶's #1; both
    #1 and #2 resolved the same morning."""
    say(sim, "1号楼居民群", "刘奶奶", "楼上天天往下滴水 我家阳台晾的衣服全湿了 我是1单元302")
    say(
        sim,
        "1号楼居民群",
        "钱奶奶",
        "我一个人住 腿脚不好下不了楼 想问问有没有人能帮我买点菜送上来 1号楼2单元101",
    )
    _later(sim, 120)
    say(sim, "1号楼居民群", "钱奶奶", "1号楼2单元楼道墙上在渗水 墙皮都泡了")
    assert len(_states(sim)) == 3
    say(sim, "1号楼党小组", "张建国", "#3 重复 #1")
    say(sim, "1号楼党小组", "张建国", "#1 已处理 找到402了 是热水器管子漏 已经让他修好了")
    say(sim, "1号楼党小组", "张建国", "#2 已处理 给钱奶奶买了米面油和青菜送上去了")
    _later(sim, 30)


@pytest.mark.parametrize("thanks", ["菜收到了 谢谢小张 好人啊👍", "青菜和米都拿到了 谢谢你们"])
def test_thanks_for_the_vegetables_rates_the_shopping_ticket(sim: Simulator, thanks: str) -> None:
    _shopping_and_merged_leak(sim)
    rated = _to(say(sim, "1号楼居民群", "钱奶奶", thanks), "1号楼居民群")
    assert len(rated) == 1 and "#2" in rated[0] and "满意" in rated[0], rated
    assert _rated(sim)[1] == "satisfied"


def test_a_plain_thanks_rates_her_own_ticket_before_one_she_follows_by_a_merge(
    sim: Simulator,
) -> None:
    _shopping_and_merged_leak(sim)
    rated = _to(say(sim, "1号楼居民群", "钱奶奶", "谢谢小张 辛苦了"), "1号楼居民群")
    assert len(rated) == 1 and "#2" in rated[0] and "满意" in rated[0], rated
    assert _rated(sim)[1] == "satisfied"


@pytest.mark.parametrize("thanks", ["饭送到了 谢谢社区", "今天的午饭送来了 谢谢你们"])
def test_thanks_for_the_meal_rates_the_meal_ticket(sim: Simulator, thanks: str) -> None:
    say(sim, "2号楼居民群", "王阿姨", "请问低保怎么申请 需要什么材料 我家老头子以后看病开销太大了")
    say(
        sim,
        "2号楼居民群",
        "王阿姨",
        "老头子住院了 家里就剩我一个 腿也不好 这两天能不能有人帮忙送个饭",
    )
    say(sim, "2号楼党小组", "陈桂兰", "#1 低保带户口本身份证和收入证明到社区服务站申请")
    say(sim, "2号楼党小组", "陈桂兰", "#2 已处理 王阿姨这几天的饭社区食堂给送 已经安排好了")
    _later(sim, 90)
    rated = _to(say(sim, "2号楼居民群", "王阿姨", thanks), "2号楼居民群")
    assert len(rated) == 1 and "#2" in rated[0] and "满意" in rated[0], rated
    assert _rated(sim)[1] == "satisfied"


# -- 2. the night worker's own words --------------------------------------------------------


def _night_of_building_5(sim: Simulator, danger: str) -> None:
    """Building 5 with several tickets waiting, then a danger reported by a resident."""
    say(sim, "5号楼居民群", "李大爷", "电梯又坏了 我住十八楼走不下去啊")
    say(sim, "5号楼居民群", "刘婶", "5号楼3单元楼道有人在窗台上养鸽子 鸽子屎弄得到处都是")
    say(sim, "5号楼居民群", "小王", "5号楼2单元楼道灯不亮了 黑乎乎的")
    say(sim, "5号楼居民群", "老孙", "5号楼门口的下水道堵了 一股臭味")
    _later(sim, 30)
    say(sim, "5号楼居民群", "小陈妈妈", danger)
    _later(sim, 5)


@pytest.mark.parametrize(
    ("danger", "claim", "closing"),
    [
        (
            "楼道里有个人喝醉了躺在地上 怎么叫都不醒 外面零下好几度",
            "收到 我马上下楼看看喝醉那个",
            "人扶回家了 家属接走了",
        ),
        (
            "1单元门口有个老人倒在地上 叫他也不应",
            "好的 我这就过去看看倒在门口那个老人",
            "老人已经送回家了 没事了",
        ),
    ],
)
def test_a_numberless_claim_naming_the_danger_claims_it_and_the_closing_closes_it(
    sim: Simulator, danger: str, claim: str, closing: str
) -> None:
    _night_of_building_5(sim, danger)
    claimed = _to(say(sim, "5号楼党小组", "周海", claim), "5号楼党小组")
    assert len(claimed) == 1 and "#5" in claimed[0] and "周海" in claimed[0], claimed
    assert _claimed(sim) == [None, None, None, None, "周海"]
    _later(sim, 20)
    closed = say(sim, "5号楼党小组", "周海", closing)
    assert closed, "a closing is never met with silence"
    assert _states(sim)[4] == "resolved", closed
    assert any("#5" in t for t in _to(closed, "5号楼居民群")), closed


def test_a_list_of_tickets_says_how_many_it_leaves_out(sim: Simulator) -> None:
    for n in range(1, 9):
        say(sim, "5号楼居民群", f"居民{n}", f"5号楼{n}单元楼道灯不亮了 黑乎乎的")
    asked = _to(say(sim, "5号楼党小组", "周海", "好的 我来处理"), "5号楼党小组")
    assert len(asked) == 1 and "8" in asked[0], asked
    listed = asked[0].count("楼道灯")
    assert listed < 8 and f"另有{8 - listed}件" in asked[0], asked


# -- 3. kinds of the classifier ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "3单元楼道里堆满了纸箱子旧沙发 过道都走不过去了 真着火了都跑不出去",
        "一楼过道全是电动车和旧家具 真要着火了人都出不去",
        "楼梯口堆满了纸板和旧床垫 真起火了就跑不掉了",
    ],
)
def test_clutter_with_a_fire_only_imagined_is_a_dispute_not_a_fire(text: str) -> None:
    read = Classifier.default().classify(text)
    assert read.category == "dispute" and not read.emergency, read.reasons


@pytest.mark.parametrize(
    "text",
    [
        "电梯到现在还没人来修 我两天没下楼了 药也快吃完了",
        "我一个人在家 降压药快没了 腿脚不好下不了楼",
        "老伴的药剩不了几片了 我又走不开 谁能帮忙去医院开点药",
    ],
)
def test_medicine_running_out_is_care_not_an_emergency(text: str) -> None:
    read = Classifier.default().classify(text)
    assert not read.emergency and read.emergency_level != "possible", read.reasons


@pytest.mark.parametrize(
    "text", ["你这人怎么说话的 讲不讲道理", "你什么态度啊 会不会好好说话", "你这个人讲不讲理啊"]
)
def test_a_quarrel_inside_the_group_is_chatter(text: str) -> None:
    read = Classifier.default().classify(text)
    assert read.category == "none", read.reasons


def test_a_hypothetical_fire_in_the_group_pages_nobody(sim: Simulator) -> None:
    said = say(
        sim,
        "5号楼居民群",
        "刘婶",
        "3单元楼道里堆满了纸箱子旧沙发 过道都走不过去了 真着火了都跑不出去",
    )
    assert not _pages(said) and not any("119" in m.text for m in said), said
    assert _states(sim) == ["open"]
