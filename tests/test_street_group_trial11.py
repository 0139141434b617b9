"""The eleventh street trial (docs/trials/street-group11/, a first contact on 6b41540): the street
office's words in a cold snap and the communities' answers; trial sentences ("trial") next to
wordings of mine ("fresh").

The worst failures: "幸福里 #10 怎么还没人接！摔倒的老人现在怎么样了" was answered with the
ticket's state and pressed nobody; the grid head's "收到 我现在就带人过去" in the grid's group,
the group paged for the fall the street pressed for, was lost; a car across the garage's spaces
was filed as a blocked drain."""

from __future__ import annotations

from datetime import datetime

import pytest

from service.bootstrap import Core
from service.clock import FakeClock
from tests.test_street_followups import _say_in
from tests.test_street_group_commands import ZONE, _say
from tests.test_street_group_trial9 import _at, _to_street
from tests.test_street_group_trial10 import _ticket


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 15, 8, 0, tzinfo=ZONE))


FALL = "1号楼门口有个老人滑倒了 躺地上起不来"
HEATING = "我们1单元暖气片一直不热"


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里 #1 怎么还没人接！摔倒的老人现在怎么样了", id="trial-S25"),
        pytest.param("幸福里 #1 人呢？老人家现在咋样了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_demand_then_a_question_presses_and_answers(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 8, 30)
    _say_in(core, clock, "1号楼居民群", "老王", FALL)
    _at(clock, 9, 0)
    told = _say(core, clock, "周主任", said)
    assert any(line.startswith("-> 1号楼党小组: 【街道督促】") for line in told), told
    assert any("当前状态：待受理" in line for line in _to_street(told)), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("收到 我现在就带人过去", id="trial-XA1"),
        pytest.param("好的 我叫上保安一起过去", id="fresh"),
    ],
)
def test_trial_and_fresh_the_grid_heads_answer_to_a_press_on_a_fall_its_group_was_paged_for(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 8, 30)
    _say_in(core, clock, "1号楼居民群", "老王", FALL)
    _at(clock, 9, 0)
    _say(core, clock, "周主任", "幸福里 #1 请马上安排人过去")
    _at(clock, 9, 5)
    told = _say_in(core, clock, "第一网格党支部群", "李网格长", said)
    assert _ticket(core, 1).claimed_by == "李网格长", told
    assert any("李网格长接单" in line for line in _to_street(told)), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里那个老人摔倒的咋样了", id="trial-S02"),
        pytest.param("幸福里暖气不热那个咋样了", id="fresh"),
    ],
)
def test_trial_and_fresh_how_is_it_asked_in_dialect_is_answered_with_progress(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 8, 30)
    _say_in(core, clock, "1号楼居民群", "老王", FALL)
    _say_in(core, clock, "1号楼居民群", "小李", HEATING)
    _at(clock, 9, 30)
    told = _say(core, clock, "周主任", said)
    assert any("当前状态" in line for line in _to_street(told)), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里有没有超期没办的", id="trial-S17"),
        pytest.param("幸福里过了时限还没办的有哪些", id="fresh"),
    ],
)
def test_trial_and_fresh_what_is_overdue_in_other_words_lists_the_late(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 8, 30)
    _say_in(core, clock, "1号楼居民群", "老王", FALL)
    _at(clock, 9, 30)
    told = _say(core, clock, "周主任", said)
    answer = " ".join(_to_street(told))
    assert "未办结工单 1 件" in answer and "#1，紧急" in answer, told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("幸福里还有啥没办完的", id="trial-S09"),
        pytest.param("幸福里还有什么没处理的", id="fresh"),
    ],
)
def test_trial_and_fresh_what_is_left_asked_with_what_names_every_open_ticket(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 8, 30)
    _say_in(core, clock, "1号楼居民群", "老王", FALL)
    _say_in(core, clock, "1号楼居民群", "小李", HEATING)
    _at(clock, 9, 30)
    answer = " ".join(_to_street(_say(core, clock, "周主任", said)))
    assert "需督办" in answer and "#1，紧急" in answer, answer
    assert "#2，负责：1号楼党小组" in answer, answer


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("地库入口有辆黑色SUV横着停 堵了好几个车位 打电话也不接", id="trial"),
        pytest.param("车库门口谁家的面包车斜着停 把好几个车位都堵了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_car_across_the_garages_spaces_is_parking_for_the_compound(
    core: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 8, 30)
    told = _say_in(core, clock, "4号楼居民群", "孙姐", said)
    ticket = _ticket(core, 1)
    assert (ticket.category, ticket.subcategory) == ("dispute", "停车"), told
    assert ticket.assigned_group == "社区党委工作群", told


def test_trial_a_car_in_the_fire_lane_at_the_gate_is_the_only_grids_in_a_one_grid_community(
    jinmao: Core, clock: FakeClock
) -> None:
    _at(clock, 8, 30)
    told = _say_in(jinmao, clock, "1号楼居民群", "老王", "东门那边有辆白色轿车堵着消防通道好几天了")
    assert _ticket(jinmao, 1).assigned_group == "第一网格党支部群", told
    _at(clock, 9, 0)
    pressed = _say(jinmao, clock, "周主任", "金茂 #1 今天下午五点前必须挪走")
    _at(clock, 9, 10)
    answer = _say_in(
        jinmao, clock, "第一网格党支部群", "马网格长", "收到 我联系派出所找车主 下午挪走"
    )
    assert any("【街道督促】" in line for line in pressed), pressed
    assert _ticket(jinmao, 1).claimed_by == "马网格长", answer
    assert _to_street(answer), answer


def test_trial_the_resident_chasing_is_shown_the_staffs_step_never_the_streets_wish(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 8, 40)
    _say_in(core, clock, "5号楼居民群", "钱大爷", "5号楼2单元301暖气片冰凉")
    _at(clock, 9, 0)
    _say(core, clock, "周主任", "幸福里 #1 修好了告诉我一声")
    _at(clock, 9, 50)
    _say_in(core, clock, "5号楼党小组", "周海", "#1 今天中午前供热公司上门换阀门")
    _at(clock, 12, 0)
    told = _say_in(core, clock, "5号楼居民群", "钱大爷", "暖气还是冰凉的 昨天就报了 到现在也没修好")
    to_him = " ".join(line for line in told if line.startswith("-> 5号楼居民群"))
    assert "供热公司上门换阀门" in to_him, told
    assert "告诉我一声" not in to_him, told


def test_trial_a_press_on_a_ticket_of_the_community_group_names_it_once(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 8, 30)
    _say_in(
        core, clock, "4号楼居民群", "孙姐", "地库入口有辆黑色SUV横着停 堵了好几个车位 打电话也不接"
    )
    _at(clock, 9, 0)
    told = _say(core, clock, "周主任", "幸福里 #1 请今天下午五点前处理好")
    answer = " ".join(_to_street(told))
    assert "已把您的督促转告社区党委工作群。" in answer, told


# Street check 11b (docs/trials/street-group11b/: unseen wording on 2cade04)


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("金茂电梯里关着孩子那个 我来处理 已经打了119", id="unseen-S17"),
        pytest.param("金茂电梯关人那个 我来 消防已经在路上了 打了119", id="fresh"),
    ],
)
def test_check_11b_the_street_claims_the_lift_with_the_number_it_called_and_closes_it(
    jinmao: Core, clock: FakeClock, said: str
) -> None:
    _at(clock, 21, 30)
    _say_in(
        jinmao,
        clock,
        "1号楼居民群",
        "小林妈妈",
        "1号楼的电梯卡在七楼和八楼中间不动了 我家孩子一个人在里面 哭着打电话给我",
    )
    _at(clock, 22, 20)
    claimed = _say(jinmao, clock, "周主任", said)
    assert _ticket(jinmao, 1).claimed_by == "周主任", claimed
    assert any(line.startswith("-> 1号楼居民群:") for line in claimed), claimed
    _at(clock, 22, 50)
    closed = _say(
        jinmao, clock, "周主任", "金茂那个孩子救出来了 消防把电梯门撬开的 孩子没事 已处理"
    )
    assert _ticket(jinmao, 1).state == "resolved", closed


def test_check_11b_a_claim_pointing_at_the_parking_takes_it_not_the_flood_beside_it(
    jinmao: Core, clock: FakeClock
) -> None:
    _at(clock, 9, 0)
    _say_in(jinmao, clock, "1号楼居民群", "老何", "1号楼地下车库进水了 水越来越多 都快到配电箱了")
    _at(clock, 10, 0)
    _say_in(jinmao, clock, "1号楼居民群", "小赵", "有人把车停在我的固定车位上 1号楼的 打电话也不接")
    _at(clock, 11, 15)
    told = _say_in(jinmao, clock, "1号楼党小组", "何军", "车位那个我去看看 找保安查下车牌")
    assert _ticket(jinmao, 2).claimed_by == "何军", told
    assert _ticket(jinmao, 1).claimed_by is None, told


def test_check_11b_the_matter_then_i_will_with_what_is_to_be_done_claims(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 15, 0)
    _say_in(core, clock, "幸福里业主群", "老孙", "东门那块积水好深 下水口好像堵了 进出都得蹚水")
    _at(clock, 15, 50)
    told = _say_in(core, clock, "社区党委工作群", "王书记", "东门积水的我来 让物业去把下水口掏一掏")
    assert _ticket(core, 1).claimed_by == "王书记", told


# Street check 11c (docs/trials/street-group11c/: unseen wording on 751aa5e)


def test_check_11c_handing_a_ticket_to_the_group_that_has_it_with_a_demand_presses(
    core: Core, clock: FakeClock
) -> None:
    _at(clock, 8, 30)
    _say_in(core, clock, "4号楼居民群", "谢先生", "4号楼后面的垃圾站一夜没清运，垃圾都堆到路上了")
    _at(clock, 9, 0, day=16)
    pressed = _say(core, clock, "周主任", "幸福里 #1 转 4号楼 请孙丽今天上午就叫环卫来清运")
    assert any(line.startswith("-> 4号楼党小组: 【街道督促】") for line in pressed), pressed
    _at(clock, 9, 10, day=16)
    answer = _say_in(core, clock, "4号楼党小组", "孙丽", "收到 环卫车十一点到")
    assert _to_street(answer), answer


def test_check_11c_a_bare_todo_names_every_open_ticket(core: Core, clock: FakeClock) -> None:
    _at(clock, 9, 0)
    _say_in(core, clock, "1号楼居民群", "小王", "1号楼2单元楼道灯坏了好几天了")
    _at(clock, 9, 30)
    told = " ".join(_to_street(_say(core, clock, "许干事", "待办")))
    assert "#1，负责：1号楼党小组" in told, told
