"""Day 22 leftovers (docs/trials/day22/report.md, first contact on 840486a): trial sentences
("trial") next to wordings of mine ("fresh").

1. staff undo a merge they made: `#28 不是重复 …` gives the ticket back its own life, its
   resident leaves the other ticket and is told (S81: it answered "请对 #4 操作 … #4 不是重复");
2. a question asked as a wish and a weekday ("我想参加社区合唱队 每周几排练啊") is answered by
   the staff's reply with its number, which goes to the resident (S96);
3. "火灭了 消防车走了 没人受伤" from the leader who took the fire closes the fire, even with
   other emergencies of the building waiting (S75);
4. a bare 满意 with two tickets waiting lists each with what it was about (S104)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from service.models import Ticket
from service.tickets import states
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

HEATING_1 = "4号楼2单元暖气片摸着冰凉 一点都不热"
HEATING_2 = "我家4号楼1单元302暖气也不热 屋里才十几度"


def _ticket(sim: Simulator, number: int) -> Ticket:
    with sim.core.factory() as session:
        ticket = session.get(Ticket, number)
        assert ticket is not None
        session.expunge(ticket)
        return ticket


def _followers(sim: Simulator, number: int) -> list[str]:
    with sim.core.factory() as session:
        ticket = session.get(Ticket, number)
        assert ticket is not None
        return [f.person_name for f in ticket.followers]


def _two_heating_tickets_merged(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(sim, "4号楼居民群", "马大姐", HEATING_1)
    _at(sim, 8, 10)
    say(sim, "4号楼居民群", "何奶奶", HEATING_2)
    _at(sim, 8, 20)
    merged = _texts(say(sim, "4号楼党小组", "孙丽", "#2 重复 #1"))
    assert any("已合并到工单 #1" in t for t in merged), merged
    assert _followers(sim, 1) == ["何奶奶"]


UNMERGE_TRIAL = ["#2 不是重复 何奶奶家是另一根管子 我去看看"]
UNMERGE_FRESH = ["#2 拆开", "#2 不算重复 是两回事", "#2 取消合并"]


@pytest.mark.parametrize("text", _trial_and_fresh(UNMERGE_TRIAL, UNMERGE_FRESH))
def test_trial_and_fresh_staff_undo_a_merge_and_the_resident_hears_it_is_handled_on_its_own(
    sim: Simulator, text: str
) -> None:
    _two_heating_tickets_merged(sim)
    _at(sim, 8, 30)
    replies = say(sim, "4号楼党小组", "孙丽", text)
    texts = _texts(replies)
    assert any("工单 #2 已与 #1 分开，单独处理" in t for t in texts), texts
    told = [m.text for m in replies if m.room_id.endswith("4号楼居民群") or "何奶奶" in m.text]
    assert any("工单 #2）已单独处理" in t for t in told), texts
    assert not any("请对 #1 操作" in t for t in texts), texts
    ticket = _ticket(sim, 2)
    assert ticket.state in states.ACTIVE and ticket.merged_into is None
    assert _followers(sim, 1) == []
    # the resident of #1 alone is asked about #1's result; 何奶奶 waits for her own
    _at(sim, 9, 0)
    closed = _texts(say(sim, "4号楼党小组", "孙丽", "#1 已处理 阀门打开了"))
    assert not any("何奶奶" in t for t in closed), closed


def test_staff_saying_i_am_on_it_while_undoing_a_merge_also_take_the_ticket(
    sim: Simulator,
) -> None:
    _two_heating_tickets_merged(sim)
    _at(sim, 8, 30)
    texts = _texts(say(sim, "4号楼党小组", "孙丽", UNMERGE_TRIAL[0]))
    ticket = _ticket(sim, 2)
    assert ticket.state == states.CLAIMED and ticket.claimed_by == "孙丽"
    # one answer in the group: split and taken, never also "接单请回复"
    assert not any("接单请回复" in t for t in texts), texts
    assert any("已由孙丽接单" in t for t in texts), texts


def test_undoing_a_merge_of_a_ticket_never_merged_says_there_is_nothing_to_undo(
    sim: Simulator,
) -> None:
    _at(sim, 8, 0)
    say(sim, "4号楼居民群", "马大姐", HEATING_1)
    _at(sim, 8, 10)
    texts = _texts(say(sim, "4号楼党小组", "孙丽", "#1 不是重复"))
    assert texts == ["工单 #1 没有合并到别的工单，无需拆开。"], texts


def test_a_resident_cannot_undo_a_merge_made_by_staff(sim: Simulator) -> None:
    _two_heating_tickets_merged(sim)
    _at(sim, 8, 30)
    say(sim, "4号楼居民群", "马大姐", "#2 不是重复")
    assert _ticket(sim, 2).state == states.DUPLICATE


def test_the_timeline_of_an_undone_merge_reads_in_chinese(sim: Simulator) -> None:
    _two_heating_tickets_merged(sim)
    _at(sim, 8, 30)
    say(sim, "4号楼党小组", "孙丽", "#2 拆开")
    _at(sim, 8, 40)
    shown = "\n".join(_texts(say(sim, "4号楼党小组", "孙丽", "工单 #2")))
    assert "拆开单独处理" in shown, shown
    assert "unmerged" not in shown, shown


ASKED_TRIAL = [
    ("我想参加社区合唱队 每周几排练啊", "#1 合唱队每周二周四下午两点在活动室排练 直接去就行")
]
ASKED_FRESH = [
    ("太极拳队星期几活动 我想参加", "#1 太极拳队每天早上七点在广场 直接去就行"),
    ("书法班几号开课呀", "#1 书法班下个月3号开课 在二楼教室"),
]


@pytest.mark.parametrize(
    ("asked", "answer"),
    [pytest.param(*case, id=f"trial-{case[0]}") for case in ASKED_TRIAL]
    + [pytest.param(*case, id=f"fresh-{case[0]}") for case in ASKED_FRESH],
)
def test_trial_and_fresh_a_staff_answer_to_an_activity_question_reaches_the_resident(
    sim: Simulator, asked: str, answer: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "6号楼居民群", "小吴", asked)
    _at(sim, 8, 10)
    texts = _texts(say(sim, "6号楼党小组", "吴敏", answer))
    reply = answer.removeprefix("#1 ")
    assert any("答复如下" in t and reply in t for t in texts), texts
    assert not any("仍未办结" in t for t in texts), texts


FIRE = "1号楼楼下停的一辆车着火了 火苗蹿得老高 旁边还停着电动车"


def test_trial_the_leader_who_took_the_fire_closes_it_without_its_number(
    sim: Simulator,
) -> None:
    _at(sim, 8, 0)
    say(sim, "1号楼居民群", "王阿姨", "1号楼1单元电梯又坏了")
    _at(sim, 8, 10)
    say(sim, "1号楼居民群", "刘婶", "1号楼1单元1602 我婆婆摔了起不来 腿在流血")
    _at(sim, 8, 20)
    say(sim, "1号楼居民群", "赵叔", "1号楼3单元702 邻居说刚才听见屋里咚的一声 敲门没人应")
    _at(sim, 8, 30)
    say(sim, "1号楼居民群", "小孙", FIRE)
    _at(sim, 8, 32)
    say(sim, "1号楼党小组", "张建国", "收到 我马上下楼看看着火那个")
    _at(sim, 9, 10)
    texts = _texts(say(sim, "1号楼党小组", "张建国", "火灭了 消防车走了 没人受伤"))
    assert any("工单 #4 已办结" in t for t in texts), texts
    assert not any("请问说的是哪张工单" in t for t in texts), texts


def test_a_bare_rating_with_two_tickets_waiting_names_what_each_was_about(
    sim: Simulator,
) -> None:
    _at(sim, 8, 0)
    say(sim, "2号楼居民群", "钱阿姨", "2号楼1单元楼道灯不亮了")
    _at(sim, 8, 10)
    say(sim, "2号楼居民群", "钱阿姨", "2号楼门口的垃圾桶满了两天没人收")
    _at(sim, 9, 0)
    say(sim, "2号楼党小组", "陈桂兰", "#1 已处理 换了灯泡")
    say(sim, "2号楼党小组", "陈桂兰", "#2 已处理 垃圾清走了")
    _at(sim, 9, 30)
    texts = _texts(say(sim, "2号楼居民群", "钱阿姨", "满意"))
    assert len(texts) == 1, texts
    assert "#1 楼道灯不亮了" in texts[0] and "#2 " in texts[0] and "垃圾桶" in texts[0], texts
