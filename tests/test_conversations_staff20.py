"""Day 20 (staff side): faults an outside tester found running a staff day (/work/day20). Each
scenario holds the trial's sentence ("trial") and new wordings written before the fix ("fresh"):
1. S23: an agreement reached, told with no number ("跟401说好了 …不干了"), closes the one ticket
   the sender has in hand; a staff sentence the bot cannot place is answered, never silence;
2. S36: "#30 垃圾清走了 跟保洁说了每天下午再收一次": the result and a standing arrangement
   ("每天下午") close the ticket, never a note;
3. S54: a numberless closing pointing at its matter ("路灯那个换了灯泡 弄好了") closes the one
   ticket the matter names, even one not yet claimed, never asking about an unrelated one;
4. S16: "好的 #14 我们再去盯一下 早上七点去守着": going to keep watch is someone on it;
5. R47: a resident typing a staff command is refused without naming another building's group."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day14_words import _claimed
from tests.test_conversations_resid16 import _trial_and_fresh
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_conversations_trial12 import _later
from tests.test_ticket_time_limits import say

# -- 1. S23: an agreement reached, no number, on the one ticket in hand ---------------------------

HOME1, PARTY1 = "1号楼居民群", "1号楼党小组"
NOISE = "1号楼2单元401装修 天天电钻 中午都不停 我家老人心脏不好受不了"


def _noise_claimed(sim: Simulator) -> None:
    say(sim, HOME1, "楼上楼下", NOISE)
    say(sim, PARTY1, "张建国", "#1 装修扰民的事 我去找401谈谈")
    assert _claimed(sim) == ["张建国"]


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(
        ["跟401说好了 中午十二点到两点不施工 晚上六点以后也不干了"],
        ["和401那家谈好了 午休时间不打电钻了", "401答应了 以后中午和晚上都不施工"],
    ),
)
def test_an_agreement_reached_closes_the_one_ticket_in_hand(sim: Simulator, line: str) -> None:
    _noise_claimed(sim)
    said = say(sim, PARTY1, "张建国", line)
    assert _states(sim) == ["resolved"], _texts(said)
    assert any(m.rendered().startswith("@楼上楼下") for m in said), _texts(said)


@pytest.mark.parametrize("line", ["跟401说好了 中午不施工", "401那家答应了 晚上不干了"])
def test_an_agreement_with_two_tickets_in_hand_is_never_silence(sim: Simulator, line: str) -> None:
    _noise_claimed(sim)
    say(sim, HOME1, "老李", "1号楼楼下那个路灯晚上一闪一闪的 好几天了")
    say(sim, PARTY1, "张建国", "#2 接单")
    said = _texts(say(sim, PARTY1, "张建国", line))
    assert said, said
    assert _states(sim)[1] != "resolved", said


# -- 2. S36: the result and a standing arrangement, with the number ------------------------------

HOME4, PARTY4 = "4号楼居民群", "4号楼党小组"
RUBBISH = "垃圾桶满了一天了都没人收 4号楼门口那两个 臭味熏天 野猫翻得满地都是"


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(
        ["#1 垃圾清走了 跟保洁说了每天下午再收一次"],
        ["#1 垃圾都运走了 以后每天晚上多收一趟", "#1 垃圾拉走了 保洁答应每天中午再来收一次"],
    ),
)
def test_a_result_and_a_standing_arrangement_close_the_ticket(sim: Simulator, line: str) -> None:
    say(sim, HOME4, "老吴", RUBBISH)
    said = say(sim, PARTY4, "孙丽", line)
    assert _states(sim) == ["resolved"], _texts(said)
    assert any(m.rendered().startswith("@老吴") for m in said), _texts(said)


@pytest.mark.parametrize("line", ["#1 垃圾明天下午再来清", "#1 跟保洁说了 下午去清"])
def test_a_plan_to_clear_later_stays_open(sim: Simulator, line: str) -> None:
    say(sim, HOME4, "老吴", RUBBISH)
    said = _texts(say(sim, PARTY4, "孙丽", line))
    assert _states(sim) != ["resolved"], said


# -- 3. S54: the matter's words pick the ticket -------------------------------------------------

PROPERTY, MANAGER = "物业服务中心群", "钱经理"


def _lift_and_lamp(sim: Simulator) -> None:
    say(sim, "5号楼居民群", "小鱼儿", "5号楼1单元的电梯又坏了停在三楼不动 按了半天没反应")
    say(sim, HOME1, "热心肠老李", "1号楼楼下那个路灯晚上一闪一闪的 好几天了 走路看不清")
    say(sim, "5号楼党小组", "周海", "#1 转 物业")
    say(sim, PROPERTY, MANAGER, "#1 收到 马上安排电梯公司的人过去")
    _later(sim, 30)
    say(sim, PARTY1, "张建国", "#2 路灯归物业管 转物业")
    assert _claimed(sim) == [MANAGER, None]


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(
        ["路灯那个换了灯泡 弄好了"], ["路灯的事弄好了 换了个镇流器", "楼下路灯那个修好了 不闪了"]
    ),
)
def test_a_closing_naming_the_matter_closes_that_ticket(sim: Simulator, line: str) -> None:
    _lift_and_lamp(sim)
    said = _texts(say(sim, PROPERTY, MANAGER, line))
    assert _states(sim)[1] == "resolved" and _states(sim)[0] != "resolved", said
    assert not any("哪一张" in t for t in said), said


# -- 4. S16: going to keep watch is a claim ------------------------------------------------------

HOME6, PARTY6 = "6号楼居民群", "6号楼党小组"
DOG = "谁家的狗天天在6号楼单元门口拉屎 也不收拾 早上送孩子差点踩上 太恶心了"


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(
        ["好的 #1 我们再去盯一下 早上七点去守着"],
        ["#1 我们去盯着 看是谁家的狗", "#1 明早六点半我去单元门口蹲守"],
    ),
)
def test_going_to_keep_watch_claims(sim: Simulator, line: str) -> None:
    say(sim, HOME6, "宝妈小敏", DOG)
    said = _texts(say(sim, PARTY6, "吴敏", line))
    assert _claimed(sim) == ["吴敏"], said
    assert not any("仍未办结" in t for t in said), said


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(["好的 #1 我们再去盯一下 早上七点去守着"], ["#1 我们再去盯着 看是谁家的狗"]),
)
def test_keeping_watch_on_a_reopened_ticket_claims_it_again(sim: Simulator, line: str) -> None:
    say(sim, HOME6, "宝妈小敏", DOG)
    say(sim, PARTY6, "吴敏", "#1 我们贴了告示 也找养狗的几户谈了 已处理")
    say(sim, HOME6, "宝妈小敏", "不满意 今天早上门口还是有一坨")
    assert _states(sim) == ["reopened"]
    said = _texts(say(sim, PARTY6, "吴敏", line))
    assert _states(sim) == ["claimed"], said
    assert not any("仍未办结" in t for t in said), said


# -- 5. R47: a resident typing a staff command -------------------------------------------------


@pytest.mark.parametrize("line", _trial_and_fresh(["#1 已处理"], ["#1 接单", "#1 转 物业"]))
def test_a_resident_typing_a_staff_command_is_not_told_whose_ticket_it_is(
    sim: Simulator, line: str
) -> None:
    say(sim, HOME6, "宝妈小敏", DOG)
    said = _texts(say(sim, "3号楼居民群", "楼下小吴", line))
    assert said, said
    assert not any("6号楼" in t for t in said), said
    assert any("工作人员" in t for t in said), said
