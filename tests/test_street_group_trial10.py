"""The tenth street trial (docs/trials/street-group10/, a first contact on 3058ccb): the street
office's own words and the community's answers, trial sentences ("trial") next to wordings of
mine ("fresh").

The worst failures: the duty officer's "收到我来 我和保安一起出去找", five minutes after a missing
man was paged, went on the heating ticket the street had asked after the day before, so the
search was escalated to the street as unclaimed; "叫何军十点前必须到现场" made the director the
claimer of a flooded basement; a press told as "到现在都没人管？？" only got the ticket's state."""

from __future__ import annotations

from datetime import datetime

import pytest

from service.bootstrap import Core
from service.clock import FakeClock
from service.models import Ticket
from tests.dialog import talk
from tests.test_street_followups import _say_in
from tests.test_street_group_commands import LAMP_IN_XINGFULI, ZONE, _say
from tests.test_street_group_trial9 import _at, _to_street


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 15, 8, 0, tzinfo=ZONE))


def _ticket(core: Core, number: int) -> Ticket:
    with core.factory() as session:
        return session.get_one(Ticket, number)


HEATING = "2号楼暖气片一直不热 家里才14度"
MISSING = "2号楼3单元402的老爷子晚上出去遛弯到现在还没回来 电话也不接 八十多了有点糊涂"


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("收到我来 我和保安一起出去找", id="trial"),
        pytest.param("好的 我这就叫上保安出去找", id="fresh"),
    ],
)
def test_trial_and_fresh_the_duty_officers_answer_to_a_fresh_page_claims_the_page(
    jinmao: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 9, 0)
    _say_in(jinmao, clock, "2号楼居民群", "小王", HEATING)
    _at(clock, 17, 45)
    _say(jinmao, clock, "周主任", "金茂 #1 修好了跟我说一声")
    _at(clock, 1, 20, day=16)
    _say_in(jinmao, clock, "2号楼居民群", "小周", MISSING)
    _at(clock, 1, 25, day=16)
    told = _say_in(jinmao, clock, "社区党委工作群", "高值班", said)
    assert _ticket(jinmao, 2).claimed_by == "高值班", told
    assert _ticket(jinmao, 1).claimed_by is None, told
    assert not _to_street(told), told  # nothing for the street of the heating


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("金茂1号楼地下室进水那个 叫何军十点前必须到现场", id="trial-S26"),
        pytest.param("金茂地下室进水的 让何军马上过去看看", id="fresh"),
    ],
)
def test_trial_and_fresh_someone_named_to_go_is_a_press_never_the_street_claiming(
    jinmao: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 9, 10)
    _say_in(jinmao, clock, "1号楼居民群", "韩阿姨", "1号楼地下室进水了 水越来越多 都快漫到电梯井了")
    _at(clock, 9, 50)
    told = _say(jinmao, clock, "周主任", said)
    assert _ticket(jinmao, 1).claimed_by is None, told
    assert any(line.startswith("-> 1号楼党小组: 【街道督促】") for line in told), told
    _at(clock, 10, 5)
    answer = _say_in(
        jinmao, clock, "1号楼党小组", "何军", "到了 是消防管接头爆了 已经关了总阀 物业在抽水"
    )
    assert _ticket(jinmao, 1).claimed_by == "何军", answer
    assert _to_street(answer), answer


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里1号楼楼道灯那个单子 到现在都没人管？？", id="trial-S08"),
        pytest.param("幸福里楼道灯那个 怎么到现在还没人管", id="fresh"),
    ],
)
def test_trial_and_fresh_nobody_seeing_to_it_asked_is_a_press(
    core: Core, clock: FakeClock, said: str
) -> None:
    talk(core, clock, LAMP_IN_XINGFULI)
    _at(clock, 12, 30)
    told = _say(core, clock, "周主任", said)
    assert any(line.startswith("-> 1号楼党小组: 【街道督促】") for line in told), told


def test_trial_the_pressed_groups_answer_telling_what_was_done_reaches_the_street(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 9, 0)
    _say_in(core, clock, "2号楼居民群", "小陈", "楼上装修一大早就上电钻 家里老人孩子都受不了")
    _at(clock, 13, 30)
    _say(core, clock, "许干事", "幸福里 #1 噪音的事 陈桂兰到底去没去？请今天下班前给个答复")
    _at(clock, 14, 30)
    told = _say_in(
        core, clock, "2号楼党小组", "陈桂兰", "收到 我刚去楼上说了 跟装修师傅讲好早上九点以后才动工"
    )
    assert any("讲好早上九点以后" in line for line in _to_street(told)), told
    # an agreement made: done (street check 10c C06 reads "收到 …已经叫保洁清了" so too)
    assert _ticket(core, 1).state == "resolved", told


def test_trial_a_ticket_asked_after_by_words_takes_a_pair_told_apart(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 9, 0)
    _say_in(core, clock, "2号楼居民群", "小陈", "楼上装修一大早就上电钻 家里老人孩子都受不了")
    _say_in(
        core,
        clock,
        "6号楼居民群",
        "小刘",
        "我妈一个人住6号楼3单元402 前几天摔了腿下不了楼 能不能帮忙买点菜送上去",
    )
    _at(clock, 13, 5)
    told = _say(core, clock, "周主任", "幸福里那个摔腿老人的事 办好了告诉我一声")
    assert any("工单 #2" in line for line in told), told
    assert not any("工单 #1" in line for line in told), told


def test_trial_words_fitting_no_ticket_are_answered_so_never_with_another(
    jinmao: Core, clock: FakeClock
) -> None:
    _at(clock, 9, 0)
    _say_in(jinmao, clock, "1号楼居民群", "老李", "1号楼2单元楼道里堆了一堆纸箱子 万一着火怎么办")
    _at(clock, 16, 30)
    told = _say(jinmao, clock, "周主任", "金茂4号楼问老年食堂的那个咨询 怎么还没人回复居民")
    assert any("没有找到" in line for line in told), told
    assert not any("纸箱" in line for line in told), told


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        pytest.param("幸福里昨天晚上有啥事", "昨晚", id="trial-S23"),
        pytest.param("两个社区今天情况汇总一下", "今天新收工单", id="trial-S36"),
        pytest.param("幸福里超时单子有哪些", "未办结工单", id="fresh-S24"),
    ],
)
def test_trial_and_fresh_the_street_asks_of_the_night_the_day_and_what_is_late(
    core: Core, clock: FakeClock, said: str, answer: str
) -> None:
    _at(clock, 23, 0)
    _say_in(core, clock, "6号楼居民群", "孙阿姨", "2单元楼道里好大的煤气味 熏得头疼")
    _at(clock, 9, 0, day=16)
    _say_in(core, clock, "1号楼居民群", "小王", "1号楼2单元楼道灯坏了好几天了")
    _at(clock, 17, 0, day=16)
    told = _say(core, clock, "周主任", said)
    assert any(answer in line for line in told), told
    assert not any("本月统计" in line for line in told), told


# Street check 10b (docs/trials/street-group10b/: unseen wording on c7bb4cf)


def test_check_10b_the_weekend_asked_after_is_told_by_each_community(
    core: Core, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 12, 19, 22, 0, tzinfo=ZONE))  # a Saturday night
    _say_in(core, clock, "6号楼居民群", "孙阿姨", "2单元楼道里好大的煤气味 熏得头疼")
    clock.set(datetime(2026, 12, 21, 9, 40, tzinfo=ZONE))  # Monday
    told = _say(core, clock, "许干事", "周末两个社区有没有什么事")
    assert any("周末" in line and "紧急 1 件" in line and "#1" in line for line in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("请幸福里今天下午四点前安排人把楼道灯修好，修好了告诉我一声", id="unseen-S09"),
        pytest.param("幸福里 #1 到现在没人回居民 今天下班前给人家回个话", id="unseen-S18"),
        pytest.param("幸福里 #1 楼道灯弄好了吗 中午都过了", id="unseen-S34"),
    ],
)
def test_check_10b_a_press_with_a_deadline_or_a_wish_to_hear_is_told_to_the_group(
    core: Core, clock: FakeClock, said: str
) -> None:
    talk(core, clock, LAMP_IN_XINGFULI)
    _at(clock, 14, 0)
    told = _say(core, clock, "周主任", said)
    assert any(line.startswith("-> 1号楼党小组: 【街道督促】") for line in told), told


def test_check_10b_a_repair_told_done_without_a_number_closes_the_claimers_ticket(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 9, 0)
    _say_in(
        core, clock, "3号楼居民群", "孙大妈", "1号楼后面的健身器材螺丝松了 扶手晃得厉害 怕老人摔着"
    )
    _say_in(core, clock, "1号楼党小组", "张建国", "#1 接单")
    _at(clock, 14, 10)
    told = _say_in(core, clock, "1号楼党小组", "张建国", "螺丝都紧好了 扶手不晃了")
    assert _ticket(core, 1).state == "resolved", told


def test_check_10b_a_burst_pipe_asked_after_in_other_words_is_found(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 16, 40)
    _say_in(core, clock, "2号楼居民群", "小马", "2号楼3单元楼上水管爆了 水哗哗往下流 楼道里全是水")
    _at(clock, 8, 30, day=16)
    told = _say(core, clock, "许干事", "幸福里昨晚爆管那个 水停了没")
    assert any("工单 #1" in line for line in told), told


def test_check_10b_a_blocked_drain_overflowing_is_a_repair_never_a_page(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 8, 40)
    told = _say_in(
        core, clock, "5号楼居民群", "老王", "5号楼2单元门口下水道堵了 污水漫到路面上了 臭得很"
    )
    assert not any("紧急" in line for line in told), told
    assert _ticket(core, 1).emergency is False, told


# Street check 10c (docs/trials/street-group10c/: unseen wording on 73fd306)


def test_check_10c_an_answer_to_a_press_telling_it_done_closes_and_the_street_hears(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 9, 0)
    _say_in(core, clock, "5号楼居民群", "李大爷", "5号楼门口年货包装扔得到处都是 垃圾桶都满了")
    _at(clock, 22, 0)
    _say(core, clock, "周主任", "幸福里 #1 到现在都没人管？？")
    _at(clock, 9, 0, day=16)
    told = _say_in(
        core, clock, "5号楼党小组", "周海", "收到 早上七点已经叫保洁清了 垃圾桶也冲洗过了"
    )
    assert _ticket(core, 1).state == "resolved", told
    assert any("已办结" in line for line in _to_street(told)), told


def test_check_10c_an_emergency_in_hand_closed_in_words_with_a_repair_to_come(
    jinmao: Core, clock: FakeClock
) -> None:
    _at(clock, 11, 0)
    _say_in(jinmao, clock, "3号楼居民群", "韩大哥", "3号楼地下室水管爆了 水哗哗往外冒")
    _say_in(jinmao, clock, "3号楼党小组", "韩涛", "#1 收到我来")
    _at(clock, 11, 35)
    told = _say_in(
        jinmao,
        clock,
        "3号楼党小组",
        "韩涛",
        "总阀关了 水抽干了 是老化的管子接头裂了 物业下午来换 已处理",
    )
    assert _ticket(jinmao, 1).state == "resolved", told


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        pytest.param("金茂今天上午有什么情况没", "今天新收工单", id="unseen-S04"),
        pytest.param("幸福里和金茂这个月的满意率各是多少", "本月统计（金茂社区）", id="unseen-S34"),
    ],
)
def test_check_10c_questions_of_the_day_and_of_both_communities(
    jinmao: Core, clock: FakeClock, said: str, answer: str
) -> None:
    _at(clock, 9, 0)
    _say_in(jinmao, clock, "1号楼居民群", "老李", "1号楼2单元楼道里堆了一堆纸箱子")
    _at(clock, 9, 20)
    told = _say(jinmao, clock, "许干事", said)
    assert any(answer in line for line in told), told


# Left by street check 10c, mended on 6b41540 (no trial line of these is tuned on: fresh wordings)


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("金茂这周的数据发我一下", id="trial-S26"),
        pytest.param("金茂本周收了多少件", id="fresh"),
    ],
)
def test_check_10c_this_weeks_figures_are_the_weeks_never_the_months(
    jinmao: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 9, 0)  # Tuesday 15 December: the week before
    _say_in(jinmao, clock, "1号楼居民群", "老李", "1号楼2单元楼道里堆了一堆纸箱子")
    _at(clock, 9, 0, day=22)  # the Tuesday after
    _say_in(jinmao, clock, "2号楼居民群", "小王", HEATING)
    _at(clock, 10, 0, day=22)
    told = _say(jinmao, clock, "许干事", said)
    assert any("本周（周一以来）新收工单 1 件" in line for line in told), told
    assert any("目前未办结 2 件" in line for line in told), told
    assert not any("本月统计" in line for line in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福理还有哪些没办完的", id="trial-S16"),
        pytest.param("幸福里还有哪几件没处理的 列一下", id="fresh"),
    ],
)
def test_check_10c_which_tickets_are_open_names_every_one_not_only_the_late(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 9, 0)
    _say_in(core, clock, "1号楼居民群", "小王", "1号楼2单元楼道灯坏了好几天了")
    _say_in(core, clock, "5号楼居民群", "李大爷", "楼下垃圾桶满了两天了没人清 味道太大了")
    _say_in(core, clock, "2号楼居民群", "小陈", "楼上装修一大早就上电钻 家里老人孩子都受不了")
    _at(clock, 9, 30)  # nothing late yet
    told = _say(core, clock, "周主任", said)
    answer = " ".join(told)
    assert "未办结工单 3 件" in answer, told
    assert all(f"#{n}，" in answer for n in (1, 2, 3)), told
    assert "需督办" not in answer, told  # none is late: nothing to chase


def test_check_10c_the_streets_wish_to_hear_is_shown_as_the_streets_never_as_progress(
    core: Core, clock: FakeClock
) -> None:
    talk(core, clock, LAMP_IN_XINGFULI)
    _at(clock, 10, 0)
    _say_in(core, clock, "1号楼党小组", "张建国", "#1 已联系电工 下午来换")
    _at(clock, 11, 0)
    _say(core, clock, "许干事", "幸福里楼道灯那个 办好了告诉我一声")
    _at(clock, 11, 30)
    told = _say(core, clock, "周主任", "幸福里 #1 进度")
    answer = " ".join(told)
    assert "最新进展" in answer and "已联系电工" in answer, told
    assert "办好了告诉我一声" not in answer.split("最新进展")[1].split("街道")[0], told
    assert "街道督促" in answer, told
