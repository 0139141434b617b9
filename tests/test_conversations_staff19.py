"""Day 19 (staff side): faults an outside tester found running a staff day (/work/day19). Each
scenario holds the trial's sentence ("trial") and new wordings written before the fix ("fresh"):
1. S29: a resident's 不满意 about their resolved rubbish ticket goes to that ticket and reopens
   it, never to their open fire ticket, and carries no fire advice; then `#N 收回` works;
2. S42: a numberless closing on one's only claimed ticket resolves it; S43: a 👍 after a
   resolution is a thanks;
3. S76/S77: a claim or closing naming a ticket by its words picks that ticket;
4. S23/S51: `#N` with a plan claims; `#N` with an answer for the resident resolves it."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day14_words import _claimed
from tests.test_conversations_resid16 import _trial_and_fresh
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_conversations_trial12 import _later
from tests.test_ticket_time_limits import say

HOME, PARTY, PROPERTY = "3号楼居民群", "3号楼党小组", "物业服务中心群"

# -- 1. S29: 不满意 about the resolved rubbish ticket, with an open fire ticket ------------------


def _rubbish_fixed_fire_open(sim: Simulator) -> None:
    say(sim, HOME, "郭师傅", "三单元门口的垃圾桶两天没人收了 臭得很 野猫都在里面翻")
    say(sim, HOME, "郭师傅", "我也看到了 火苗都窜出来了 已经打119了 大家别下去")
    say(sim, PARTY, "刘志强", "#1 垃圾清运是物业的事 转物业")
    say(sim, PROPERTY, "钱经理", "#1 已处理 三单元垃圾桶清运完了")
    assert _states(sim)[0] == "resolved", _states(sim)


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(
        ["不满意 就收了一次 中午又满出来了 一天得收两趟"],
        ["不满意 才收了一回 下午又堆出来了", "不满意 垃圾桶又满出来了 一天收一次不够"],
    ),
)
def test_unsatisfied_goes_to_the_resolved_ticket_never_the_fire(sim: Simulator, line: str) -> None:
    _rubbish_fixed_fire_open(sim)
    said = _texts(say(sim, HOME, "郭师傅", line))
    assert not any("119" in t for t in said), said
    assert not any("#2" in t for t in said), said
    assert _states(sim)[0] != "resolved", (_states(sim), said)
    said = _texts(say(sim, PARTY, "刘志强", "#1 收回"))
    assert not any("不能收回" in t for t in said), said


# -- 2. S42: a numberless closing on one's only claimed ticket; S43: 👍 ------------------------

HOME2, PARTY2 = "2号楼居民群", "2号楼党小组"


def _charging_claimed(sim: Simulator) -> None:
    say(sim, HOME2, "宋先生", "又是哪个缺德的把电动车推进楼道充电 1单元一楼楼梯口 插线板拖得老长")
    say(sim, PARTY2, "陈桂兰", "#1 我马上下楼看看")
    assert _claimed(sim) == ["陈桂兰"]


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(
        ["电动车推走了 跟车主讲了不能在楼道充电 是1单元301家的"],
        ["车推出去了 插线板也收了 跟车主说好了", "电动车挪走了 跟那家说了以后别在楼道充电"],
    ),
)
def test_a_closing_without_number_resolves_the_only_claimed_ticket(
    sim: Simulator, line: str
) -> None:
    _charging_claimed(sim)
    said = say(sim, PARTY2, "陈桂兰", line)
    assert _states(sim) == ["resolved"], _texts(said)
    assert any(m.rendered().startswith("@宋先生") for m in said), _texts(said)


@pytest.mark.parametrize("line", _trial_and_fresh(["👍"], ["👍👍", "🙏"]))
def test_a_thumbs_up_after_a_resolution_is_a_thanks(sim: Simulator, line: str) -> None:
    _charging_claimed(sim)
    say(sim, PARTY2, "陈桂兰", "#1 已处理 电动车推走了")
    said = _texts(say(sim, HOME2, "宋先生", line))
    assert said, said
    assert _states(sim) == ["closed"], said


# -- 3. S76/S77: naming the ticket by its words ------------------------------------------------

HOME1, PARTY1 = "1号楼居民群", "1号楼党小组"


def _care_and_smell(sim: Simulator) -> None:
    say(
        sim,
        HOME1,
        "王阿姨",
        "我们单元301的李奶奶一个人住 儿子在外地 这两三天都没见她下楼买菜了 能不能叫社区的人去看看她",
    )
    _later(sim, 30)
    say(sim, HOME1, "蒋阿姨", "闻到一股烧焦的味道 楼道里有烟 好像是3楼那家 敲门没人应")
    _later(sim, 30)
    say(sim, HOME1, "蒋阿姨", "1单元楼道里一股烧焦塑料的味道 越来越浓 好像是从电井里出来的")
    assert len(_states(sim)) == 2


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(["我马上下楼看看 烧焦味那个"], ["烧焦味那个我去看", "焦味的事我这就下去"]),
)
def test_a_claim_naming_the_ticket_by_its_words_claims_it(sim: Simulator, line: str) -> None:
    _care_and_smell(sim)
    said = _texts(say(sim, PARTY1, "张建国", line))
    assert _claimed(sim) == [None, "张建国"], said


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(
        ["电井里一个插线板短路烧了 闸拉了 没起火 处理好了"],
        ["电井那个焦味是插线板烧了 已经处理好了", "烧焦味查到了 电井里线头烧了 换好了 处理完了"],
    ),
)
def test_a_closing_naming_the_ticket_by_its_words_resolves_it(sim: Simulator, line: str) -> None:
    _care_and_smell(sim)
    say(sim, PARTY1, "张建国", "#1 接单")
    say(sim, PARTY1, "张建国", "#2 接单")
    said = _texts(say(sim, PARTY1, "张建国", line))
    assert _states(sim)[1] == "resolved" and _states(sim)[0] != "resolved", said


# -- 4. S23/S51: a plan with a number claims; an answer with a number resolves ------------------

HOME4, PARTY4 = "4号楼居民群", "4号楼党小组"


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(
        ["好的 #1 我们下午去找502当面谈"], ["#1 明天上午我们上门去看看", "好 #1 我下午过去跟楼上说"]
    ),
)
def test_a_plan_with_a_number_claims(sim: Simulator, line: str) -> None:
    say(sim, HOME4, "何老师", "我家4单元402 卫生间天花板又在滴水 楼上那家一直不开门")
    said = _texts(say(sim, PARTY4, "孙丽", line))
    assert _claimed(sim) == ["孙丽"], said
    assert not any("仍未办结" in t for t in said), said


TRIAL_ASK = "下个月社区那个书法班还招人不 我想给我孙子报个名 他八岁"


@pytest.mark.parametrize(
    ("question", "line"),
    [
        pytest.param(
            TRIAL_ASK,
            "#1 书法班下个月3号开班 每周六上午9点在社区活动室 直接带孩子来就行",
            id="trial",
        ),
        pytest.param(
            "请问社区的少儿书法班什么时候开班 在哪上课",
            "#1 书法班每周六上午9点 在社区活动室 带孩子来报名就行",
            id="fresh-when-where",
        ),
        pytest.param(
            "社区的合唱队还收人不 我想报个名",
            "#1 合唱队每周三下午两点在活动室排练 直接来就行",
            id="fresh-still-taking",
        ),
        pytest.param(
            "请问社区的少儿书法班什么时候开班 在哪上课",
            "#1 书法班下周六开课 地点在活动室二楼",
            id="fresh-next-week",
        ),
    ],
)
def test_an_answer_with_a_number_reaches_the_resident_and_resolves(
    sim: Simulator, question: str, line: str
) -> None:
    say(sim, HOME4, "唐阿姨", question)
    said = say(sim, PARTY4, "孙丽", line)
    told = [m.text for m in said if m.rendered().startswith("@唐阿姨")]
    assert told and ("班" in told[0] or "队" in told[0]), _texts(said)
    assert _states(sim) == ["resolved"], _texts(said)


# -- 2b. S19: 不满意 after a ticket was marked not ours is answered and heard ----------------------


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(
        ["不满意 打12345要是有用我还找你们干嘛"],
        ["不满意 推来推去的 到底谁管", "不满意 让我打12345 打了也没人管"],
    ),
)
def test_unsatisfied_after_not_ours_is_answered_and_passed_on(sim: Simulator, line: str) -> None:
    say(sim, HOME2, "邓女士", "楼下烧烤摊的烟太大了 熏得我家窗户都不敢开 一股子油烟味")
    say(sim, PARTY2, "陈桂兰", "#1 非职责 烧烤摊占道经营归城管管 请拨打12345")
    said = say(sim, HOME2, "邓女士", line)
    assert any(m.rendered().startswith("@邓女士") for m in said), _texts(said)
    assert any(m.group == PARTY2 or m.room_id == PARTY2 for m in said), _texts(said)


# -- 5. S62/S65: sign-up head counts -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "size"),
    [
        pytest.param("我也去 带上我家俩孩子", 3, id="trial-S62"),
        pytest.param("报名 带着我家两个孙子", 3, id="fresh-my-two-grandsons"),
        pytest.param("我去 带上家里仨孩子", 4, id="fresh-three-kids"),
        pytest.param("就我和老大", 2, id="trial-S65"),
        pytest.param("我和我家老二去", 2, id="fresh-me-and-the-second"),
    ],
)
def test_a_sign_up_counts_me_and_those_i_bring(text: str, size: int) -> None:
    from service.community.chatwords import default_chat_words

    assert default_chat_words().sign_up_party.size(text) == size
