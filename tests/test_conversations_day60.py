"""Day 60 (docs/trials/day60/, a first contact on 751aa5e: the first hot weekend in 金茂社区):
what was left after its first fixes (tests in test_conversations_day59b.py, "day60"). Trial
sentences ("trial") next to wordings of mine ("fresh").

The worst of what was left: three all-clears of emergencies told without a number were kept as
notes or asked about, so the gas leak, the man down in the heat and the child at a sixth-floor
window were escalated as late; a second neighbour hearing the same lift was a second page; a
branch blown onto an e-bike was paged at 05:40 as someone locked in a car."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day52 import ZONE
from tests.test_conversations_day56 import _count, _ticket
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def at(sim: Simulator, hour: int, minute: int) -> None:
    sim.clock.set(datetime(2029, 6, 2, hour, minute, tzinfo=ZONE))


def _drip_in_hand(jm: Simulator) -> None:
    """#1: a drip from upstairs 501 that 罗芳 has gone to see about."""
    at(jm, 9, 5)
    say(
        jm,
        "2号楼居民群",
        "李姐",
        "楼上空调外机一直往我家阳台滴水 我是2单元401的 楼上501的能不能管管",
    )
    at(jm, 9, 22)
    say(jm, "2号楼党小组", "罗芳", "#1 我这就去楼上501敲门说说")


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "煤气味那个找到了 101老太太炖汤忘了关火 汤扑出来把火浇灭了 阀门关了 窗户都打开了",
            id="trial-S10",
        ),
        pytest.param("燃气味那个查到了 是302家灶台阀门没关严 关严了 开窗通风了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_gas_all_clear_without_number_closes_the_leak_not_the_drip(
    jm: Simulator, said: str
) -> None:
    _drip_in_hand(jm)
    at(jm, 10, 5)
    say(jm, "2号楼居民群", "张大爷", "2号楼1单元楼道里一股煤汽味 很冲 不知道是谁家的")
    at(jm, 10, 8)
    say(jm, "2号楼党小组", "罗芳", "2号 我就在楼上 马上下来 大家别开灯别打火")
    at(jm, 10, 15)
    told = _texts(say(jm, "2号楼党小组", "罗芳", said))
    assert _ticket(jm, 2).state == "resolved", told
    assert _ticket(jm, 1).state != "resolved", told
    assert any("楼道里一股煤气味）已处理" in t and "安全了吗" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("老人醒了 是隔壁小区的 120拉走了 家属也联系上了", id="trial-S28"),
        pytest.param("那个大爷被120接走了 他家里人也到了", id="fresh"),
    ],
)
def test_trial_and_fresh_taken_by_ambulance_closes_the_man_down_not_the_scooter_complaint(
    jm: Simulator, said: str
) -> None:
    at(jm, 10, 30)
    say(
        jm,
        "1号楼居民群",
        "小区宝妈",
        "楼下那帮小孩骑滑板车在人行道上冲来冲去 刚才差点撞到我家老人 家长也不管管",
    )
    at(jm, 10, 35)
    say(jm, "1号楼党小组", "何军", "#1 下午去跟那几个孩子家长说一下")
    at(jm, 13, 15)
    paged = _texts(
        say(
            jm,
            "1号楼居民群",
            "王大妈",
            "1号楼4单元门口有个老头躺在地上叫他也没反应好像是中暑了脸通红的",
        )
    )
    assert _ticket(jm, 2).emergency and _ticket(jm, 2).emergency_level is None, paged
    assert not any("可能紧急" in t for t in paged), paged
    at(jm, 13, 17)
    say(jm, "1号楼党小组", "何军", "4单元门口那个老人 我马上到 120已经打了")
    at(jm, 13, 30)
    told = _texts(say(jm, "1号楼党小组", "何军", said))
    assert _ticket(jm, 2).state == "resolved", told
    assert _ticket(jm, 1).state != "resolved", told


def test_trial_a_child_at_a_sixth_floor_window_is_a_full_page_and_brought_in_closes_it(
    jm: Simulator,
) -> None:
    at(jm, 14, 0)
    told = _texts(
        say(
            jm,
            "4号楼居民群",
            "赵叔",
            "4号楼2单元楼道窗户开着 有个小孩趴在窗台上往外看 那是6楼啊 家里大人不知道在不在",
        )
    )
    ticket = _ticket(jm, 1)
    assert (ticket.emergency, ticket.emergency_level) == (True, None), told
    assert not any("可能紧急" in t for t in told), told
    resident = next(t for t in told if t.startswith("已收到您反映的问题"))
    assert "不要在楼下大声喊孩子" in resident and "家长" in resident, resident
    at(jm, 14, 3)
    say(jm, "4号楼党小组", "唐静", "1号 我就在楼下 马上上去")
    at(jm, 14, 10)
    closed = _texts(
        say(
            jm,
            "4号楼党小组",
            "唐静",
            "小孩抱下来了 是602家的 奶奶在屋里睡午觉 跟家长说了赶紧装个防护栏",
        )
    )
    assert _ticket(jm, 1).state == "resolved", closed


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("我趴在窗台上往外看 雪下得好大 好漂亮", id="fresh-adult"),
        pytest.param("我家猫天天趴在窗台上晒太阳", id="fresh-cat"),
    ],
)
def test_fresh_someone_grown_or_a_cat_on_a_sill_is_no_child_in_danger(
    jm: Simulator, said: str
) -> None:
    at(jm, 14, 0)
    told = _texts(say(jm, "4号楼居民群", "赵叔", said))
    assert not any(t.startswith("【紧急") for t in told), told
    assert not any(_ticket(jm, n).subcategory == "高处危险" for n in range(1, _count(jm) + 1))


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("4号楼3单元门口那棵树 昨晚风刮断了个大树枝 压在电动车上了", id="trial-R68"),
        pytest.param("5号楼后面的大树枝断了 砸在自行车棚上 压着好几辆自行车", id="fresh"),
    ],
)
def test_trial_and_fresh_a_branch_on_a_parked_bike_is_a_tree_to_clear_not_someone_pinned(
    jm: Simulator, said: str
) -> None:
    at(jm, 5, 40)
    told = _texts(say(jm, "4号楼居民群", "早起的老李", said))
    assert _count(jm) == 1, told
    assert not _ticket(jm, 1).emergency, told
    assert not any("锁在车里" in t or "【紧急" in t or "可能紧急" in t for t in told), told


def test_fresh_a_tree_fallen_on_someone_is_still_a_page(jm: Simulator) -> None:
    at(jm, 9, 0)
    told = _texts(say(jm, "4号楼居民群", "早起的老李", "门口大树倒了 压在一个老人身上 起不来了"))
    assert _ticket(jm, 1).emergency, told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("是的我刚下楼听到了 电梯里有个老太太在喊 门打不开", id="trial-R04"),
        pytest.param("对 电梯里确实有人 我在3楼听见拍门了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_second_neighbour_hearing_the_same_lift_is_no_second_page(
    jm: Simulator, said: str
) -> None:
    at(jm, 9, 12)
    say(jm, "1号楼居民群", "老周", "1号楼3单元电体又停了 卡在6楼不动 里面好像有人在拍门")
    at(jm, 9, 14)
    told = _texts(say(jm, "1号楼居民群", "小刘妈妈", said))
    assert _count(jm) == 1, told
    assert not any(t.startswith("【紧急") or "@高值班" in t for t in told), told


def test_fresh_a_lift_in_another_unit_is_its_own_page(jm: Simulator) -> None:
    at(jm, 9, 12)
    say(jm, "1号楼居民群", "老周", "1号楼3单元电梯又停了 卡在6楼不动 里面好像有人在拍门")
    at(jm, 9, 14)
    told = _texts(say(jm, "1号楼居民群", "小刘妈妈", "1单元电梯也卡住了 里面有个小孩在哭"))
    assert _count(jm) == 2, told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("#1 泵房是物业管的 转给他们", id="trial-S07"),
        pytest.param("#1 水泵归物业管 交给他们处理吧", id="fresh"),
    ],
)
def test_trial_and_fresh_a_transfer_to_them_goes_to_the_group_named_before(
    jm: Simulator, said: str
) -> None:
    at(jm, 9, 25)
    say(jm, "4号楼居民群", "阳光明媚", "4号楼停水了？？？我家水龙头一滴都没有 洗衣机洗了一半😭")
    at(jm, 9, 42)
    told = _texts(say(jm, "4号楼党小组", "唐静", said))
    assert _ticket(jm, 1).assigned_group == "物业服务中心群", told


@pytest.mark.parametrize(
    ("group", "who", "said"),
    [
        pytest.param("社区党委工作群", "孟书记", "2号楼配电箱打火那个现在啥情况了", id="trial-S25"),
        pytest.param("第一网格党支部群", "马网格长", "配电箱那个现在什么情况了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_progress_question_naming_the_matter_gets_its_progress(
    jm: Simulator, group: str, who: str, said: str
) -> None:
    at(jm, 12, 30)
    say(jm, "2号楼居民群", "小王", "2号楼后面那个配电箱的门开着 里面电线在打火花 小孩在旁边玩")
    at(jm, 12, 31)
    say(jm, "1号楼居民群", "老周", "1号楼3单元电梯卡在6楼不动 里面好像有人在拍门")
    at(jm, 12, 32)
    say(jm, "2号楼党小组", "罗芳", "1号 我马上过去")
    at(jm, 12, 55)
    told = _texts(say(jm, group, who, said))
    assert any("工单 #1" in t and "罗芳正在处理" in t for t in told), told
    assert not any("已处理 处理说明" in t or "#2" in t for t in told), told
