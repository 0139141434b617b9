"""Street check 13 (docs/trials/street-group13/, a first contact on 9f716c4): the street's winter
fire-safety round and year-end in both communities; trial sentences ("trial") next to wordings of
mine ("fresh").

The worst failures: a secretary's briefing in the street group closed an open emergency as the
street's own closing; the street's inspection findings ("金茂3号楼楼道里堆了好多纸箱 限今天下午
清掉") were lost, or pressed onto another building's ticket; a notice to get the year's figures
ready was answered with the month's statistics; a question of a closed ticket pressed its group
again."""

from __future__ import annotations

from datetime import datetime

import pytest

from service.bootstrap import Core
from service.clock import FakeClock
from tests.test_street_followups import _say_in
from tests.test_street_group_commands import ZONE, _say
from tests.test_street_group_trial9 import _state, _to_street
from tests.test_street_group_trial10 import _ticket


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 21, 8, 0, tzinfo=ZONE))


def _at(clock: FakeClock, hour: int, minute: int, day: int = 21) -> None:
    clock.set(datetime(2026, 12, day, hour, minute, tzinfo=ZONE))


WIRE = "1单元有人从三楼窗户拉电线下来给电动车充电 飞线充电太危险了"


@pytest.mark.parametrize(
    ("said", "group"),
    [
        pytest.param(
            "幸福里4号楼1单元楼道里停了三辆电动车 还在充电 今天之内必须清走",
            "4号楼党小组",
            id="trial-S013",
        ),
        pytest.param(
            "幸福里6号楼2单元楼道里堆满了杂物和旧家具 消防通道都堵了 限明天中午前清完",
            "6号楼党小组",
            id="trial-S057",
        ),
        pytest.param("幸福里3号楼楼道里堆了好多纸箱 限今天下午清掉", "3号楼党小组", id="fresh"),
    ],
)
def test_trial_and_fresh_an_inspection_finding_becomes_a_ticket_of_its_building(
    core: Core, clock: FakeClock, said: str, group: str
) -> None:
    _say_in(core, clock, "5号楼居民群", "王大爷", WIRE)
    _at(clock, 10, 5)
    told = _say(core, clock, "许干事", said)
    ticket = _ticket(core, 2)
    assert (ticket.assigned_group, ticket.emergency) == (group, False), told
    assert any(
        "已登记为工单" in line and "办结时会在本群告诉您" in line for line in _to_street(told)
    )
    assert any(line.startswith(f"-> {group}: 【新工单 #2】") for line in told), told
    assert _state(core, 1) == "open"  # the wire in 5号楼 is no part of it


def test_trial_the_findings_claim_and_closing_reach_the_street_and_nobody_asks_it_to_rate(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 10, 5)
    _say(core, clock, "许干事", "幸福里4号楼1单元楼道里停了三辆电动车 还在充电 今天之内必须清走")
    _at(clock, 17, 30)
    told = _say_in(core, clock, "4号楼党小组", "孙丽", "收到 电动车已经让车主推走了 已处理")
    street = _to_street(told)
    assert any("工单 #1 已办结（孙丽）" in line for line in street), told
    assert not any("满意" in line for line in street), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里4号楼电动车那个 清走没有", id="trial-S030"),
        pytest.param("幸福里4号楼飞线那个 拆了没有", id="fresh"),
    ],
)
def test_trial_and_fresh_a_question_of_a_building_with_no_ticket_gets_no_other_buildings(
    core: Core, clock: FakeClock, said: str
) -> None:
    _say_in(core, clock, "5号楼居民群", "王大爷", WIRE)
    _at(clock, 17, 30)
    told = _to_street(_say(core, clock, "许干事", said))
    assert not any("#1" in line for line in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里那个摔倒的老人 家属已经送到医院了", id="trial-S034b"),
        pytest.param("幸福里摔倒那个老人 人已经没事了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_secretarys_word_in_the_street_group_closes_no_emergency(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 2, 10, day=22)
    _say_in(core, clock, "2号楼居民群", "陈大姐", "1单元有个老人摔倒在楼梯上起不来了 叫不应 快来人")
    _at(clock, 7, 30, day=22)
    told = _say(core, clock, "王书记", said)
    assert _state(core, 1) == "open", told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "年终考核定于12月25日 请两个社区准备好全年工单台账和三率数据", id="trial-S036"
        ),
        pytest.param("下周一检查组来 各社区提前准备好本月的统计报表", id="fresh"),
    ],
)
def test_trial_and_fresh_a_notice_to_get_figures_ready_is_left_alone(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 8, 30, day=22)
    assert _to_street(_say(core, clock, "周主任", said)) == []


def test_trial_a_question_of_a_closed_ticket_is_answered_and_presses_nobody(
    core: Core, clock: FakeClock
) -> None:
    _say_in(core, clock, "5号楼居民群", "王大爷", WIRE)
    _at(clock, 16, 30)
    _say_in(core, clock, "5号楼党小组", "周海", "#1 飞线已经拆了 已处理")
    _at(clock, 17, 30)
    told = _say(core, clock, "许干事", "幸福里 #1 整改好了没")
    assert any("已办结" in line for line in _to_street(told)), told
    assert not any("街道督促" in line for line in told), told


def test_trial_more_work_naming_who_is_to_go_on_a_closed_finding_is_pressed(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 10, 5)
    _say(core, clock, "许干事", "幸福里4号楼1单元楼道里停了三辆电动车 还在充电 今天之内必须清走")
    _at(clock, 17, 30)
    _say_in(core, clock, "4号楼党小组", "孙丽", "收到 电动车已经让车主推走了 已处理")
    _at(clock, 15, 0, day=22)
    told = _say(core, clock, "周主任", "幸福里让孙丽今天晚上去4号楼再查一遍电动车")
    assert any(line.startswith("-> 4号楼党小组: 【街道督促】工单 #1") for line in told), told


@pytest.mark.parametrize(
    ("said", "period"),
    [
        pytest.param("两个社区一共多少件", "本月（1日以来）新收工单 2 件", id="trial-S067"),
        pytest.param("幸福里总共多少件", "本月（1日以来）新收工单 2 件", id="fresh"),
        pytest.param(
            "这周两个社区一共收了多少件 办结多少", "本周（周一以来）新收工单 2 件", id="trial-S068"
        ),
    ],
)
def test_trial_and_fresh_a_total_asked_with_no_period_is_the_months(
    core: Core, clock: FakeClock, said: str, period: str
) -> None:
    _at(clock, 9, 0)
    _say_in(core, clock, "5号楼居民群", "王大爷", WIRE)
    _at(clock, 9, 0, day=22)
    _say_in(core, clock, "3号楼居民群", "张阿姨", "3单元暖气一点都不热 屋里才十四度")
    _at(clock, 16, 0, day=23)
    told = _to_street(_say(core, clock, "周主任", said))
    assert any(period in line for line in told), told


def test_trial_the_grid_heads_answer_naming_one_of_two_pressed_tickets_reaches_the_street(
    jinmao: Core, clock: FakeClock
) -> None:
    _at(clock, 8, 30)
    _say_in(jinmao, clock, "2号楼居民群", "小王", "2单元301暖气不热 屋里才12度 孩子都感冒了")
    _say_in(jinmao, clock, "1号楼居民群", "李先生", "地下车库有人拉电线飞线给电动车充电 太危险了")
    _at(clock, 11, 0)
    _say(jinmao, clock, "周主任", "金茂 #1 暖气的事今天必须解决")
    _say(jinmao, clock, "周主任", "金茂 #2 到现在都没人管？？")
    _at(clock, 11, 40)
    told = _say_in(jinmao, clock, "第一网格党支部群", "马网格长", "收到 下午带物业去车库把线都清掉")
    assert any("工单 #2" in line and "车库" in line for line in _to_street(told)), told
    assert _ticket(jinmao, 2).claimed_by == "马网格长"


def test_a_finding_told_with_danger_words_is_filed_as_its_nuisance_with_no_page(
    core: Core, clock: FakeClock
) -> None:
    """A finding with a deadline ("电线都烧黑了 明天前整改") is no danger now: its ticket is
    the charging it is about, never a 火情 ticket that is no emergency."""
    _at(clock, 10, 5)
    told = _say(core, clock, "许干事", "幸福里3号楼地下室有人飞线充电 电线都烧黑了 明天前整改")
    ticket = _ticket(core, 1)
    assert (ticket.category, ticket.subcategory, ticket.emergency) == (
        "dispute",
        "违规充电",
        False,
    ), told
    assert not any("紧急" in line for line in told), told


def test_check_last_nights_emergencies_leave_out_this_mornings_lift(
    core: Core, clock: FakeClock
) -> None:
    """Second look at day 63 S24: a lift stuck at 08:37 is this morning's, not last night's."""
    _at(clock, 21, 30, day=21)
    _say_in(core, clock, "4号楼居民群", "孙阿姨", "2单元一楼楼道有个人倒在地上 喊他也不应 脸煞白")
    _at(clock, 8, 37, day=22)
    _say_in(core, clock, "1号楼居民群", "李奶奶", "1单元电梯卡在五楼和六楼中间了 里面有人")
    _at(clock, 9, 30, day=22)
    told = _to_street(_say(core, clock, "许干事", "昨晚两个社区有没有什么紧急情况"))
    night = [line for line in told if "昨晚" in line]
    assert len(night) == 1 and "1 件" in night[0] and "#1" in night[0], told
    assert "#2" not in night[0], told
