"""Street check 12 (docs/trials/street-group12/, a first contact on c74c3f5): the street office's
words in the first cold snap of winter and the communities' answers; trial sentences ("trial")
next to wordings of mine ("fresh").

The worst failures: "两个社区今天怎么样" got no answer from either community; "金茂那个暖气的事
咋样了" with two heating tickets open was told nothing fits; "幸福里那个摔腿老人的事 办好了告诉我
一声", nearly the README's own example, was read as a closing with no number, so the street never
heard the closing; a secretary's briefing was answered as the street claiming a ticket; property's
"盐已经撒了 草垫十二点前铺好" told the street the ice was done twenty minutes before it was."""

from __future__ import annotations

from datetime import datetime

import pytest

from service.bootstrap import Core
from service.clock import FakeClock
from tests.test_street_followups import _say_in
from tests.test_street_group_commands import ZONE, _say
from tests.test_street_group_trial9 import _at, _state, _to_street
from tests.test_street_group_trial10 import _ticket


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 15, 6, 0, tzinfo=ZONE))


BURST = "快来人啊 2号楼2单元地下室水管爆了 水哗哗往外冒 都流到楼道里了"
FALL = "4号楼3单元门口一大片冰 我妈刚才摔了一跤 腿疼得站不起来了"


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("两个社区今天怎么样", id="trial-S51"),
        pytest.param("两个社区今天早上怎么样 一降温暖气的投诉多不多", id="trial-S01"),
        pytest.param("今天两个社区咋样", id="fresh"),
    ],
)
def test_trial_and_fresh_how_the_day_went_asked_bare_gets_the_days_figures(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 7, 35)
    _say_in(core, clock, "3号楼居民群", "张阿姨", "3单元暖气一点都不热 屋里才十四度")
    _at(clock, 8, 30)
    told = _to_street(_say(core, clock, "周主任", said))
    assert any("今天新收工单 1 件" in line for line in told), told


def test_trial_two_heating_tickets_asked_after_by_their_words_are_both_told(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 7, 35)
    _say_in(core, clock, "3号楼居民群", "张阿姨", "3单元暖气一点都不热 屋里才十四度")
    _at(clock, 7, 45)
    _say_in(core, clock, "5号楼居民群", "王大爷", "5号楼2单元暖气也不热")
    _at(clock, 10, 40)
    told = _to_street(_say(core, clock, "许干事", "幸福里那个暖气的事咋样了"))
    assert any("工单 #1" in line and "工单 #2" in line for line in told), told
    assert not any("没有找到" in line for line in told), told


@pytest.mark.parametrize(
    ("report", "said"),
    [
        pytest.param(BURST, "幸福里那个爆管的 修好了跟我说一声", id="trial-S17"),
        pytest.param(FALL, "幸福里那个摔腿老人的事 办好了告诉我一声", id="trial-S28"),
        pytest.param(BURST, "幸福里地下室爆水管那个 弄好了说一声", id="fresh"),
    ],
)
def test_trial_and_fresh_a_wish_to_hear_of_the_closing_by_its_words_is_kept_and_kept(
    core: Core, clock: FakeClock, report: str, said: str
) -> None:
    _at(clock, 7, 0)
    _say_in(
        core,
        clock,
        "6号楼居民群",
        "赵阿姨",
        "6号楼1单元301的赵奶奶一个人住 敲门半天没人应 是不是摔倒了",
    )
    _say_in(core, clock, "6号楼党小组", "吴敏", "#1 门开了 奶奶在睡觉 没事 已处理")
    _at(clock, 8, 0)
    where = "2号楼居民群" if report == BURST else "4号楼居民群"
    _say_in(core, clock, where, "刘阿姨", report)
    _at(clock, 11, 10)
    told = _to_street(_say(core, clock, "周主任", said))
    assert any("工单 #2" in line and "办结时会在本群告诉您" in line for line in told), told
    _at(clock, 12, 0)
    group = "2号楼党小组" if report == BURST else "4号楼党小组"
    closed = _say_in(
        core, clock, group, "陈桂兰" if report == BURST else "孙丽", "#2 弄好了 已处理"
    )
    assert _state(core, 2) == "resolved", closed
    assert any("工单 #2 已办结" in line for line in _to_street(closed)), closed


def test_trial_a_secretarys_briefing_in_the_street_group_gets_no_answer(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 7, 35)
    _say_in(core, clock, "3号楼居民群", "张阿姨", "3单元暖气一点都不热 屋里才十四度")
    _say_in(core, clock, "2号楼居民群", "刘阿姨", BURST)
    _at(clock, 8, 32)
    told = _say(
        core, clock, "王书记", "幸福里这边一早收到两起暖气不热、一处爆管 陈桂兰已经在现场了"
    )
    assert not any("街道督办" not in line for line in _to_street(told)), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里 #1 燃气公司到了没有？处理好了告诉我一声", id="trial-S06"),
        pytest.param("幸福里 #1 有人过去了吗 弄完了跟我说一声", id="fresh"),
    ],
)
def test_trial_and_fresh_a_question_with_a_wish_to_hear_of_the_closing_is_kept(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 8, 35)
    _say_in(core, clock, "1号楼居民群", "孙奶奶", "1号楼3单元楼道里好大一股煤气味")
    _say_in(core, clock, "1号楼党小组", "张建国", "#1 我马上过去")
    _at(clock, 8, 42)
    told = _to_street(_say(core, clock, "周主任", said))
    assert any("办结时会在本群告诉您" in line for line in told), told
    _at(clock, 8, 50)
    closed = _say_in(core, clock, "1号楼党小组", "张建国", "#1 灶台软管老化漏气 换了新管子 已处理")
    assert any("工单 #1 已办结" in line for line in _to_street(closed)), closed


def test_trial_more_work_pressed_on_a_closed_ticket_reaches_its_group_and_the_answer_the_street(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 10, 0)
    _say_in(core, clock, "6号楼居民群", "小吴", "6号楼1单元楼道里有人给电动车充电 插座在冒火花")
    _say_in(core, clock, "6号楼党小组", "吴敏", "#1 插头拔了 电闸也关了 没着起来 已处理")
    _at(clock, 11, 0)
    _say_in(core, clock, "6号楼居民群", "小吴", "6号楼2单元暖气片冰凉")
    _at(clock, 15, 30)
    pressed = _say(
        core, clock, "周主任", "幸福里 #1 充电冒火花的 6号楼的飞线充电要全部查一遍 本周五前整改完"
    )
    assert any(line.startswith("-> 6号楼党小组: 【街道督促】工单 #1") for line in pressed), pressed
    _at(clock, 15, 35)
    told = _say_in(core, clock, "6号楼党小组", "吴敏", "收到 周五前把6号楼全查一遍")
    assert any("工单 #1" in line and "全查一遍" in line for line in _to_street(told)), told
    assert not any("#2" in line for line in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("那个东门的冰后来怎么样了", id="trial-S42"),
        pytest.param("东门结冰那个现在咋样了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_ticket_asked_after_naming_no_community_is_answered_by_its_own(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 8, 10)
    _say_in(core, clock, "幸福里业主群", "孙大爷", "东门那个大坡全结冰了 走路直打滑 赶紧撒点盐吧")
    _at(clock, 9, 50)
    told = _to_street(_say(core, clock, "周主任", said))
    assert any("工单 #1" in line and "东门" in line for line in told), told


def test_fresh_a_question_naming_no_community_that_fits_nothing_here_is_left_alone(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 8, 10)
    _say_in(core, clock, "幸福里业主群", "孙大爷", "东门那个大坡全结冰了 走路直打滑 赶紧撒点盐吧")
    _at(clock, 9, 50)
    assert _say(core, clock, "周主任", "那个电梯的事后来怎么样了") == []


def test_trial_a_hand_over_of_a_ticket_not_brought_to_the_street_presses_with_its_words(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 8, 0)
    _say_in(
        core,
        clock,
        "4号楼居民群",
        "钱老师",
        "4号楼1单元楼道里的暖气管冻裂了 一直在滴水 地上都结冰了",
    )
    _at(clock, 9, 0)
    told = _say(
        core,
        clock,
        "许干事",
        "幸福里 #1 转 物业 请钱经理今天上午把4号楼的暖气管换掉 楼道里的冰铲干净",
    )
    pressed = [line for line in told if line.startswith("-> 4号楼党小组: 【街道督促】")]
    assert pressed and "暖气管换掉" in pressed[0] and "转物业" in pressed[0], told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("收到 盐已经撒了 草垫十二点前铺好", id="trial-X17"),
        pytest.param("收到 冰铲了一半 下班前铲完", id="fresh"),
    ],
)
def test_trial_and_fresh_an_answer_promising_the_rest_by_a_time_is_no_closing(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 8, 10)
    _say_in(core, clock, "幸福里业主群", "孙大爷", "东门那个大坡全结冰了 走路直打滑 赶紧撒点盐吧")
    _say_in(core, clock, "社区党委工作群", "王书记", "#1 转 物业")
    _at(clock, 11, 30)
    _say(core, clock, "周主任", "幸福里 #1 请物业中午前把草垫铺上")
    _at(clock, 11, 40)
    told = _say_in(core, clock, "物业服务中心群", "钱经理", said)
    assert _ticket(core, 1).state != "resolved", told
    assert any("工单 #1" in line for line in _to_street(told)), told


# Street check 12b (docs/trials/street-group12b/, a first contact on fcac5ea).


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("人扶回家了 腿没事 家属在照顾", id="trial-X04"),
        pytest.param("老爷子扶上楼了 家里人在陪着", id="fresh"),
    ],
)
def test_trial_and_fresh_the_grid_heads_word_that_the_fallen_man_is_home_closes_the_fall(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 23, 20)
    _say_in(core, clock, "5号楼居民群", "周大姐", "快来人 5号楼门口有个老人摔倒在雪地里了 起不来")
    _at(clock, 23, 24)
    _say_in(core, clock, "第二网格党支部群", "赵网格长", "收到我来 我马上下楼")
    _at(clock, 23, 50)
    told = _say_in(core, clock, "第二网格党支部群", "赵网格长", said)
    assert _state(core, 1) == "resolved", told


def test_fresh_a_sprain_of_ones_own_closes_no_fall_in_hand(core: Core, clock: FakeClock) -> None:
    _at(clock, 23, 20)
    _say_in(core, clock, "5号楼居民群", "周大姐", "快来人 5号楼门口有个老人摔倒在雪地里了 起不来")
    _at(clock, 23, 24)
    _say_in(core, clock, "第二网格党支部群", "赵网格长", "收到我来 我马上下楼")
    _at(clock, 23, 30)
    _say_in(core, clock, "第二网格党支部群", "赵网格长", "我刚才崴了一下脚 没事了")
    assert _state(core, 1) != "resolved"


def test_trial_the_streets_own_all_clear_in_plain_words_closes_what_it_claimed(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 10, 0)
    _say_in(core, clock, "4号楼居民群", "小王", "4号楼3单元楼道里有股烧焦的味道 电表箱在冒烟")
    _at(clock, 11, 10)
    _say(core, clock, "周主任", "幸福里 #1 接单 我让供电所的人直接过去")
    _at(clock, 11, 40)
    told = _say(
        core, clock, "周主任", "幸福里4号楼电表箱那个 供电所看过了 是接头老化 已经换了 没事了"
    )
    assert _state(core, 1) == "resolved", told
    assert any("已办结" in line for line in _to_street(told)), told
