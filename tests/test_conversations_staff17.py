"""Day 17 (staff side): faults a fresh-eyes tester found running a staff day through
`hongqiao shell` (docs/trials/day17). Each scenario holds the trial's sentence ("trial") and
new wordings of the same situation written before the fix ("fresh"):
1. a claim in own words with no number that names the matter ("电梯的事我来跟",
   "垃圾的事我联系环卫了") claims the one waiting ticket it names, or asks which; chat such as
   "我去吃个饭" stays silent;
2. a rating in natural words: 不满意 at the end of a complaint reopens, relief words right after
   a fix ("热乎了 这回舒坦了") are 满意, and "#6 不是很满意" is no 满意;
3. the property group's "不归我们管" on a ticket transferred to it sends it back to the sender
   (the resident is not told 不属于社区职责范围); a note with a time to come is no closing;
4. a merge into a closed ticket tells the merged resident the result now; "社区有什么志愿活动可以
   参加吗 …" lists the activities; "敬老院那个算我和老伴两个" signs up two."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day14_words import _claimed
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

PARTY = "3号楼党小组"
WORKER = "刘志强"
HOME = "3号楼居民群"

# -- 1. a claim in own words names the matter ---------------------------------------------------

LIFT = "3号楼2单元电梯坏了 停在5楼不动"
HEAT = "3号楼1单元暖气不热 屋里才十几度"
RUBBISH = "3号楼门口垃圾好几天没人收了 臭得很"
DRILL = "3号楼3单元楼上天天电钻响 中午都不让人休息"
LEAK = "3号楼1单元地下室水管漏水 一直滴"
LAMP = "3号楼2单元楼道灯坏了 晚上黑漆漆的"


def _four_waiting(sim: Simulator) -> None:
    say(sim, HOME, "赵阿姨", LIFT)
    say(sim, HOME, "钱大爷", HEAT)
    say(sim, HOME, "孙奶奶", RUBBISH)
    say(sim, HOME, "李叔", DRILL)


def _claims(sim: Simulator, line: str, number: int) -> None:
    _four_waiting(sim)
    said = _texts(say(sim, PARTY, WORKER, line))
    assert any(f"工单 #{number} 已由{WORKER}接单" in t for t in said), said
    expected = [WORKER if i == number else None for i in range(1, 5)]
    assert _claimed(sim) == expected, said


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("电梯的事我来跟", 1),
        ("暖气的事我来", 2),
        ("垃圾的事我联系环卫了", 3),
        ("我去跟3单元楼上那家说说电钻的事", 4),
    ],
)
def test_trial_a_claim_naming_the_matter_claims_that_ticket(
    sim: Simulator, line: str, number: int
) -> None:
    _claims(sim, line, number)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("电梯那个我去找维保问问", 1),
        ("暖气的事我来盯着", 2),
        ("收到 垃圾那个我联系一下物业", 3),
        ("电钻那件事我去楼上敲门说说", 4),
    ],
)
def test_fresh_a_claim_naming_the_matter_claims_that_ticket(
    sim: Simulator, line: str, number: int
) -> None:
    _claims(sim, line, number)


@pytest.mark.parametrize("line", ["电梯的事我来跟", "电梯那个我去问问"])
def test_a_claim_naming_a_matter_two_tickets_share_asks_which(sim: Simulator, line: str) -> None:
    say(sim, HOME, "赵阿姨", LIFT)
    say(sim, HOME, "周大爷", "3号楼1单元电梯门关不上 一直响")
    said = _texts(say(sim, PARTY, WORKER, line))
    assert len(said) == 1 and "#1" in said[0] and "#2" in said[0], said
    assert _claimed(sim) == [None, None]


@pytest.mark.parametrize(
    "line", ["我去吃个饭 一会回来", "我来统计一下人数", "我去开个会", "我来说两句"]
)
def test_chat_with_a_general_word_claims_nothing(sim: Simulator, line: str) -> None:
    _four_waiting(sim)
    assert _texts(say(sim, PARTY, WORKER, line)) == []
    assert _claimed(sim) == [None] * 4


@pytest.mark.parametrize("line", ["垃圾的事我带人清理干净了", "垃圾那个我来弄的 已经清理完了"])
def test_a_numberless_closing_with_a_claim_word_still_closes(sim: Simulator, line: str) -> None:
    say(sim, HOME, "孙奶奶", RUBBISH)
    say(sim, HOME, "赵阿姨", LAMP)
    said = _texts(say(sim, PARTY, WORKER, line))
    assert any("工单 #1 已办结" in t for t in said), said


# -- 2. ratings in natural words ---------------------------------------------------------------


def _fixed(sim: Simulator, report: str, note: str) -> None:
    say(sim, HOME, "赵阿姨", report)
    done = _texts(say(sim, PARTY, WORKER, f"#1 已处理 {note}"))
    assert any("工单 #1 已办结" in t for t in done), done


def _reopened_by(sim: Simulator, report: str, line: str) -> None:
    _fixed(sim, report, "已经上门处理")
    said = _texts(say(sim, HOME, "赵阿姨", line))
    assert any("抱歉没能让您满意" in t for t in said), said
    assert _states(sim) == ["reopened"], said


@pytest.mark.parametrize(
    ("report", "line"),
    [
        (DRILL, "说是说了 昨晚十点还在打 一点用没有 不满意"),
        (HEAT, "我家3单元还是温吞吞的 不满意"),
    ],
)
def test_trial_unsatisfied_at_the_end_of_a_complaint_reopens(
    sim: Simulator, report: str, line: str
) -> None:
    _reopened_by(sim, report, line)


@pytest.mark.parametrize(
    ("report", "line"),
    [
        (LAMP, "换了两天又黑了 跟没修一样 很不满意"),
        (DRILL, "楼上照样天天打 说了也白说 不太满意"),
        (HEAT, "#1 不是很满意 还是凉"),
    ],
)
def test_fresh_unsatisfied_in_own_words_reopens(sim: Simulator, report: str, line: str) -> None:
    _reopened_by(sim, report, line)


def _rated_satisfied(sim: Simulator, report: str, line: str) -> None:
    _fixed(sim, report, "已经上门处理")
    said = _texts(say(sim, HOME, "赵阿姨", line))
    assert any("满意" in t and "#1" in t for t in said), said
    assert _states(sim) == ["closed"], said


def test_trial_relief_words_after_a_fix_are_satisfied(sim: Simulator) -> None:
    _rated_satisfied(sim, HEAT, "热乎了 这回舒坦了")


@pytest.mark.parametrize(
    ("report", "line"), [(HEAT, "暖和了 这下屋里舒服了"), (LEAK, "不漏了 这回踏实了")]
)
def test_fresh_relief_words_after_a_fix_are_satisfied(
    sim: Simulator, report: str, line: str
) -> None:
    _rated_satisfied(sim, report, line)


def test_a_complaint_ending_unsatisfied_with_nothing_to_rate_is_still_a_report(
    sim: Simulator,
) -> None:
    said = _texts(say(sim, HOME, "赵阿姨", "3号楼2单元楼道灯坏了好几天了 没人管 不满意"))
    assert any("#1" in t for t in said), said
    assert _states(sim) == ["open"]


# -- 3. the property group refuses a transfer; a note with a time to come ------------------------

BURST = "3号楼502家里暖气管爆了 水往楼下渗"


def _sent_to_property(sim: Simulator) -> None:
    say(sim, HOME, "赵阿姨", BURST)
    moved = _texts(say(sim, PARTY, WORKER, "#1 转 物业"))
    assert any("物业" in t for t in moved), moved


def _refused(sim: Simulator, line: str) -> None:
    _sent_to_property(sim)
    said = say(sim, "物业服务中心群", "钱经理", line)
    texts = _texts(said)
    assert not any(m.rendered().startswith("@赵阿姨") for m in said), texts
    assert not any("不属于社区职责范围" in t for t in texts), texts
    assert any(m.group == PARTY and "#1" in m.text for m in said), texts
    with sim.core.factory() as session:
        ticket = session.scalars(select(Ticket)).one()
        assert (ticket.state, ticket.assigned_group) == ("open", PARTY)


def test_trial_the_property_groups_not_ours_sends_the_ticket_back(sim: Simulator) -> None:
    _refused(sim, "#1 这是业主家里的管子 不归我们管")


@pytest.mark.parametrize(
    "line", ["#1 漏的是住户自己家里的角阀 不归我们管", "#1 非职责 户内管道归业主自己修"]
)
def test_fresh_the_property_groups_refusal_goes_back_to_the_sender(
    sim: Simulator, line: str
) -> None:
    _refused(sim, line)


def test_a_party_groups_not_responsible_still_tells_the_resident(sim: Simulator) -> None:
    say(sim, HOME, "赵阿姨", BURST)
    said = _texts(say(sim, PARTY, WORKER, "#1 非职责 户内管道归业主自己修"))
    assert any("不属于社区职责范围" in t for t in said), said


def _still_open_after(sim: Simulator, line: str) -> None:
    say(sim, HOME, "赵阿姨", BURST)
    say(sim, PARTY, WORKER, "#1 接单")
    said = _texts(say(sim, PARTY, WORKER, line))
    assert not any("已办结" in t for t in said), said
    assert _states(sim) == ["claimed"], said


def test_trial_a_note_with_a_time_to_come_is_no_closing(sim: Simulator) -> None:
    _still_open_after(sim, "#1 联系上502业主了 晚上回来关阀门")


@pytest.mark.parametrize(
    "line", ["#1 找到502的钥匙了 晚上过去关阀门", "#1 跟业主通上电话了 中午回来开门"]
)
def test_fresh_a_note_with_a_time_to_come_is_no_closing(sim: Simulator, line: str) -> None:
    _still_open_after(sim, line)


@pytest.mark.parametrize("line", ["#1 下午电工来换了开关 灯亮了", "#1 昨天晚上修好了"])
def test_a_closing_that_names_a_time_of_day_still_closes(sim: Simulator, line: str) -> None:
    say(sim, HOME, "赵阿姨", LAMP)
    said = _texts(say(sim, PARTY, WORKER, line))
    assert any("工单 #1 已办结" in t for t in said), said


def test_an_emergency_closed_with_family_there_tonight_still_closes(sim: Simulator) -> None:
    say(sim, HOME, "赵阿姨", "3号楼501老人摔倒了 起不来 快来人")
    said = _texts(say(sim, PARTY, WORKER, "#1 老人已经送医了 家属晚上陪着"))
    assert any("工单 #1 已办结" in t for t in said), said


# -- 4. smaller ---------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["#2 重复 #1", "#2 合并 #1"])
def test_a_merge_into_a_closed_ticket_tells_the_resident_the_result(
    sim: Simulator, line: str
) -> None:
    say(sim, HOME, "赵阿姨", LAMP)
    say(sim, PARTY, WORKER, "#1 已处理 声控开关换了")
    say(sim, HOME, "钱大爷", "3号楼2单元楼道的灯不亮 上下楼摸黑")
    assert len(_states(sim)) == 2
    said = say(sim, PARTY, WORKER, line)
    told = [m.text for m in said if m.rendered().startswith("@钱大爷")]
    assert told and "声控开关换了" in told[0] and "结果会通知您" not in told[0], _texts(said)
    assert not any("继续处理" in t for t in _texts(said)), _texts(said)


@pytest.mark.parametrize(
    "line",
    [
        "社区有什么志愿活动可以参加吗 我退休了有时间",
        "我刚搬来 最近有什么活动能参加吗 想认识认识邻居",
        "退休在家闲着 社区有啥活动可以参加吗 想找点事做",
    ],
)
def test_a_longer_question_about_activities_lists_them(sim: Simulator, line: str) -> None:
    said = _texts(say(sim, "幸福里业主群", "吴老师", line))
    assert said and "活动" in said[0] and "#1" not in said[0], said
    assert _states(sim) == []


def _elder_visit(sim: Simulator) -> None:
    asyncio.run(
        sim.say(
            "社区党委工作群",
            "王书记",
            "通知 12月19日9:00 敬老院慰问志愿服务 对象:3号楼居民群 名额:10",
        )
    )


@pytest.mark.parametrize(
    "line", ["敬老院那个算我和老伴两个", "敬老院慰问算我跟我闺女", "敬老院那个加上我和老伴"]
)
def test_a_sign_up_for_two_in_own_words_signs_up_two(sim: Simulator, line: str) -> None:
    _elder_visit(sim)
    said = _texts(say(sim, HOME, "赵阿姨", line))
    assert any("已为您报名" in t and "2人" in t for t in said), said
    assert _states(sim) == []
