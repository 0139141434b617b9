"""Day 18 (staff side): faults a fresh-eyes tester found running a day through `hongqiao shell`
(docs/trials/day18). Each scenario holds the trial's sentence ("trial") and new wordings of the
same situation written before the fix ("fresh"):
1. S53: the property group's "扶手那个我们明天上午去焊" (a numberless claim told as a plan: a time
   to come, then going to do it) claims the ticket transferred to it;
2. S57: a staff answer speaking of the resident in the third person ("让她打12345问") is not
   relayed word for word: the resident reads "可以打12345问";
3. S56: a thanks (or a bare 满意) after answers never lists an emergency among the tickets to
   rate: an emergency's closing asked "安全了吗", not for a rating;
4. R46: the reporter's own news of a live emergency is passed to its group once, not twice;
5. R4: "电体又坏了 … 爬不动十一楼啊 谁能管管" is a broken lift (维修维护·电梯), not 助残: asking
   who will deal with it is a plea for the repair, not for help for the person;
   a care request for the stranded person ("谁能帮我抬下楼") stays care."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day14_words import _claimed
from tests.test_conversations_resid16 import _read, _trial_and_fresh
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_conversations_trial12 import _later
from tests.test_ticket_time_limits import say

PROPERTY = "物业服务中心群"
MANAGER = "钱经理"

# -- 1. S53: a numberless claim told as a plan in the property group ----------------------------

RAIL = "6栋2单元楼梯扶手松了 晃得厉害 老人扶着上楼不安全"
LAMP = "6号楼3单元楼道灯坏了 晚上黑漆漆的"


def _two_at_property(sim: Simulator) -> None:
    say(sim, "6号楼居民群", "林姐", RAIL)
    say(sim, "6号楼居民群", "马奶奶", LAMP)
    say(sim, "6号楼党小组", "吴敏", "扶手我去看了 得焊 物业的活 #1 得交物业处理")
    say(sim, "6号楼党小组", "吴敏", "#2 转 物业")
    with sim.core.factory() as session:
        groups = [t.assigned_group for t in session.scalars(select(Ticket).order_by(Ticket.id))]
    assert groups == [PROPERTY, PROPERTY], groups


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(
        ["扶手那个我们明天上午去焊"],
        ["扶手的事 我们下午过去看看", "楼梯扶手那个 明早让师傅去焊上", "扶手那个后天派师傅来修"],
    ),
)
def test_a_plan_to_go_naming_the_matter_claims_the_transferred_ticket(
    sim: Simulator, line: str
) -> None:
    _two_at_property(sim)
    said = _texts(say(sim, PROPERTY, MANAGER, line))
    assert any(f"工单 #1 已由{MANAGER}接单" in t for t in said), said
    assert _claimed(sim) == [MANAGER, None], said


@pytest.mark.parametrize("line", ["我们明天上午去开会", "明天下午我去趟区里"])
def test_a_plan_naming_no_ticket_claims_nothing(sim: Simulator, line: str) -> None:
    _two_at_property(sim)
    say(sim, PROPERTY, MANAGER, line)
    assert _claimed(sim) == [None, None]


# -- 2. S57: an answer in the third person -------------------------------------------------------

SCHOOL = "我家孩子明年9月上小学 户口不在这 学区怎么划的 要准备什么材料"
OLD_CARD = "请问老年卡在哪办 要带啥"


def _answered(sim: Simulator, question: str, line: str) -> str:
    say(sim, "1号楼居民群", "吴大姐", question)
    said = say(sim, "1号楼党小组", "张建国", line)
    told = [m.text for m in said if m.rendered().startswith("@吴大姐")]
    assert told and "答复如下" in told[0], _texts(said)
    return told[0]


def test_trial_an_answer_telling_colleagues_to_send_her_reads_to_her_as_you_can(
    sim: Simulator,
) -> None:
    told = _answered(sim, SCHOOL, "#1 学区的事归教育局管 不是社区能定的 让她打12345问")
    assert "12345" in told and "让她" not in told, told


@pytest.mark.parametrize(
    ("question", "line", "kept"),
    [
        (OLD_CARD, "#1 老年卡归人社局管 让她去区政务大厅办", "区政务大厅"),
        (OLD_CARD, "#1 跟她说带身份证和一寸照片到服务站办", "身份证"),
        (SCHOOL, "#1 叫她周一上午带户口本来服务站问", "户口本"),
    ],
)
def test_fresh_an_answer_in_the_third_person_is_told_to_the_resident_directly(
    sim: Simulator, question: str, line: str, kept: str
) -> None:
    told = _answered(sim, question, line)
    assert kept in told, told
    assert not any(w in told for w in ("让她", "跟她说", "叫她")), told


def test_a_care_closing_speaking_of_the_elder_keeps_its_words(sim: Simulator) -> None:
    say(sim, "6号楼居民群", "林姐", "6号楼3单元401马奶奶一个人住 下不了楼买菜 麻烦社区帮帮忙")
    said = say(sim, "6号楼党小组", "吴敏", "#1 已处理 帮她买了米面 让她有事打电话")
    told = [m.text for m in said if m.rendered().startswith("@林姐")]
    assert told and "让她有事打电话" in told[0], _texts(said)


# -- 3. S56: an emergency is never among the tickets to rate ------------------------------------


def _two_answers_and_an_emergency(sim: Simulator) -> None:
    home, party = "1号楼居民群", "1号楼党小组"
    say(sim, home, "孙大妈", "隔壁1单元302老刘头两天没见人了 刚才听见屋里哼哼 喊他也不答应")
    say(sim, party, "张建国", "#1 老刘头是摔了一跤 送医院了 家属已经到了")
    _later(sim, 60)
    say(sim, home, "孙大妈", "请问一下 办居住证要带啥材料 在哪办")
    say(sim, home, "孙大妈", "社区助餐点中午几点开门")
    say(sim, party, "张建国", "#2 居住证带身份证和租房合同到服务站办")
    say(sim, party, "张建国", "#3 助餐点中午11点开门 在服务站一楼")
    assert _states(sim) == ["resolved"] * 3


@pytest.mark.parametrize(
    "line", _trial_and_fresh(["知道了 谢谢"], ["好的 明白了 谢谢", "行 谢谢了"])
)
def test_a_thanks_after_two_answers_never_lists_the_emergency(sim: Simulator, line: str) -> None:
    _two_answers_and_an_emergency(sim)
    said = _texts(say(sim, "1号楼居民群", "孙大妈", line))
    assert said and not any("#1" in t for t in said), said
    assert _states(sim)[0] == "resolved"


def test_a_bare_satisfied_rates_the_one_non_emergency_waiting(sim: Simulator) -> None:
    home, party = "6号楼居民群", "6号楼党小组"
    say(sim, home, "马奶奶", "我一个人在家 胸口闷得慌 喘不上气 6号楼3单元401")
    say(sim, party, "吴敏", "#1 去看过了 没事了 血压有点高 让她歇着")
    _later(sim, 60)
    say(sim, home, "马奶奶", "6号楼3单元401 我腿脚不好 下不了楼买菜 谁能帮帮我")
    say(sim, party, "吴敏", "#2 已处理 去看望了马奶奶 帮她买了米面和菜")
    said = _texts(say(sim, home, "马奶奶", "满意"))
    assert any("#2" in t for t in said) and not any("#1" in t for t in said), said
    assert _states(sim) == ["resolved", "closed"], said


# -- 4. R46: the reporter's news of a live emergency told to its group once ----------------------


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(
        ["物业把总闸拉了 正在抽水 水不往里灌了"],
        ["物业来了 在抽水了 水没再往里进", "总闸关了 抽水泵开上了 水位在降"],
    ),
)
def test_the_reporters_news_of_a_live_emergency_reaches_its_group_once(
    sim: Simulator, line: str
) -> None:
    say(sim, "5号楼居民群", "小王", "5号楼1单元地下室进水了 水已经漫过配电箱下面了 还在往里灌")
    _later(sim, 15)
    said = say(sim, "5号楼居民群", "小王", line)
    in_group = [m.text for m in said if m.group == "5号楼党小组" or m.room_id == "5号楼党小组"]
    assert len(in_group) == len(set(in_group)), in_group
    assert len(_states(sim)) == 1


# -- 5. R4: a broken lift said with a homophone and a plea ---------------------------------------


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["电体又坏了 我八十多了爬不动十一楼啊 谁能管管"],
        [
            "电梯又停了 我七十多了腿不好 九楼爬不上去",
            "电梯坏了两天了 老人爬不动十楼 谁来管管",
            "电梯又不动了 我这把年纪爬不了八楼啊",
            "电梯又停了 我九十多了下不去楼 谁能管管",
        ],
    ),
)
def test_a_broken_lift_with_an_old_persons_plea_is_a_lift_repair(text: str) -> None:
    read = _read(text)
    assert (read.category, read.subcategory) == ("maintenance", "电梯"), read.reasons
    assert not read.emergency


@pytest.mark.xfail(reason="the learned second opinion (八十多, 有没) still reads care", strict=True)
def test_fresh_a_lift_plea_the_learned_reading_still_takes_for_care() -> None:
    read = _read("电梯坏一天了 我八十多了爬不上去 有没有人管")
    assert (read.category, read.subcategory) == ("maintenance", "电梯"), read.reasons


@pytest.mark.parametrize(
    "text", ["电梯停了 我八十多了 谁能帮我抬下楼", "电梯停了 我坐轮椅下不去 怎么办"]
)
def test_a_stranded_person_asking_for_help_is_still_care(text: str) -> None:
    read = _read(text)
    assert (read.category, read.subcategory) == ("care", "助残"), read.reasons


# -- 5b. R37: asking whether a question was answered is a chase of it ----------------------------


@pytest.mark.parametrize(
    "line",
    _trial_and_fresh(
        ["居住证的事有人回没"],
        ["居住证那个问题有人回复了吗", "上次问的居住证 有回音没", "我问的居住证的事还没人答复啊"],
    ),
)
def test_asking_if_a_question_was_answered_tells_its_state(sim: Simulator, line: str) -> None:
    say(sim, "1号楼居民群", "孙大妈", "请问一下 办居住证要带啥材料 在哪办")
    _later(sim, 180)
    said = say(sim, "1号楼居民群", "孙大妈", line)
    told = [m.text for m in said if m.rendered().startswith("@孙大妈")]
    assert told and "#1" in told[0], _texts(said)
    assert len(_states(sim)) == 1, _texts(said)
