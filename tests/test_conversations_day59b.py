"""Day 59b (docs/trials/day59b/, a first contact on 2cade04: a wet and windy weekend in 幸福里社区)
and street check 11b (docs/trials/street-group11b/, the same commit): trial sentences ("trial")
next to wordings of mine ("fresh").

The worst failures: a billboard blown over at the gate was paged as a car hurting someone and
escalated to the street; a roof-leak resident asking "物业今天几点来补屋顶啊" and "屋顶补好了没"
got no answer at all; a retort in a quarrel about washing became a lamp ticket (不晾 read as
不亮); the street director's "金茂电梯里关着孩子那个 我来处理 已经打了119" claimed nothing, so his
closing was refused and the child's mother heard nothing."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day52 import ZONE
from tests.test_conversations_day56 import _count, _ticket
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def at(sim: Simulator, hour: int, minute: int, day: int = 10) -> None:
    sim.clock.set(datetime(2029, 3, day, hour, minute, tzinfo=ZONE))


BILLBOARD = "东门那个大广告牌被风刮倒了 横在人行道上 骑电动车的都得绕到马路上去"


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(BILLBOARD, id="trial-R05"),
        pytest.param("南门口的宣传栏被风吹倒了 横在路上 大家绕着走", id="fresh"),
    ],
)
def test_trial_and_fresh_a_board_blown_over_is_a_repair_never_a_page(
    sim: Simulator, said: str
) -> None:
    at(sim, 9, 38)
    told = _texts(say(sim, "2号楼居民群", "刘阿姨", said))
    ticket = _ticket(sim, 1)
    assert (ticket.category, ticket.emergency) == ("maintenance", False), told
    assert ticket.assigned_group == "社区党委工作群", told  # a gate is the compound's


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("东门广告牌倒了 谁管管啊 早上送孩子差点撞上", id="trial-R09"),
        pytest.param("东门那块广告牌还躺在地上呢", id="fresh"),
    ],
)
def test_trial_and_fresh_the_same_board_at_the_gate_from_another_chat_joins(
    sim: Simulator, said: str
) -> None:
    at(sim, 9, 38)
    say(sim, "2号楼居民群", "刘阿姨", BILLBOARD)
    at(sim, 10, 18)
    told = _texts(say(sim, "幸福里业主群", "赵先生", said))
    assert _count(sim) == 1, told
    assert not any("几号楼" in t for t in told), told


def test_trial_a_retort_about_washing_is_no_lamp_ticket(sim: Simulator) -> None:
    at(sim, 10, 35)
    told = _texts(
        say(
            sim,
            "2号楼居民群",
            "小周",
            "下雨天衣服不晾阳台晾哪 你家被子湿了自己不会收啊 天天就你事多",
        )
    )
    assert _count(sim) == 0, told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "7楼那家的小孩一个人在阳台上 踩着凳子往外探头 家里好像没大人 我在楼下喊他也听不见",
            id="trial-R23",
        ),
        pytest.param("对面楼有个小孩扒着窗台往外探头 大人好像不在家", id="fresh"),
    ],
)
def test_trial_and_fresh_a_child_leaning_out_is_a_height_danger_never_a_missing_child(
    sim: Simulator, said: str
) -> None:
    at(sim, 12, 30)
    told = _texts(say(sim, "5号楼居民群", "郑阿姨", said))
    assert any("【紧急 #1】" in t and "高处危险" in t for t in told), told
    assert not any("走失" in t for t in told), told


ROOF = "我家顶楼又漏了 昨天晚上下了一夜 卧室天花板往下滴水 拿盆接着呢 3单元602"


@pytest.mark.parametrize(
    "asked",
    [
        pytest.param("物业今天几点来补屋顶啊", id="trial-R72"),
        pytest.param("屋顶补好了没 今天没下雨也看不出来", id="trial-R86"),
        pytest.param("社区的人中午来不来啊 我家盆都接满两个了", id="trial-R25"),
        pytest.param("物业说明天补 今晚还下雨咋整 屋里到处是水", id="trial-R51"),
        pytest.param("楼顶那个漏点啥时候来补啊", id="fresh"),
    ],
)
def test_trial_and_fresh_the_reporter_asking_after_the_roof_is_answered_with_its_ticket(
    sim: Simulator, asked: str
) -> None:
    at(sim, 9, 8)
    say(sim, "3号楼居民群", "王大爷", ROOF)
    at(sim, 9, 45)
    say(sim, "3号楼党小组", "刘志强", "#1 王大爷家漏水的 我中午过去看看")
    at(sim, 16, 0)
    told = _texts(say(sim, "3号楼居民群", "王大爷", asked))
    assert _count(sim) == 1, told
    assert any(t.startswith("工单 #1") for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("地下室水退了一半了 周师傅辛苦了", id="trial-R54"),
        pytest.param("水退下去一点了 还有半米深", id="fresh"),
    ],
)
def test_trial_and_fresh_water_half_gone_is_no_all_clear(sim: Simulator, said: str) -> None:
    at(sim, 9, 20)
    say(sim, "5号楼居民群", "李秀英", "5号楼地下室进水了 水都没过脚脖子了 还在往里灌")
    at(sim, 17, 50)
    told = _texts(say(sim, "5号楼居民群", "李秀英", said))
    assert not any("险情已解除" in t for t in told), told


def test_trial_a_neighbour_asking_whether_the_old_man_is_all_right_is_no_all_clear(
    sim: Simulator,
) -> None:
    at(sim, 16, 0)
    say(sim, "2号楼居民群", "黄小姐", "2号楼3单元5楼有户人家窗户往外冒烟 好大的烟")
    at(sim, 10, 10, day=11)
    told = _texts(say(sim, "2号楼居民群", "刘阿姨", "昨天3单元冒烟那家老人没事吧"))
    assert not any("平安就好" in t or "已确认安全" in t for t in told), told


def test_trial_a_list_under_a_fresh_notice_signs_up_for_it_with_another_event_open(
    sim: Simulator,
) -> None:
    at(sim, 15, 0)
    say(
        sim,
        "幸福里业主群",
        "王书记",
        "明天上午九点半在社区活动室办个防汛防滑安全小讲座 给老人发雨衣和防滑鞋套 限20人 想来的群里说一声",
    )
    at(sim, 15, 5)
    say(sim, "幸福里业主群", "钱大妈", "算我一个")
    at(sim, 15, 15)
    listed = _texts(say(sim, "幸福里业主群", "马奶奶", "接龙\n1.马奶奶\n2.李秀英\n3.郑阿姨"))
    assert any("新报名3人" in t and "防汛防滑安全小讲座" in t for t in listed), listed
    assert not any("办个" in t for t in listed), listed  # the title is the talk's
    at(sim, 15, 20)
    again = _texts(say(sim, "幸福里业主群", "李秀英", "我也报名"))
    assert not any("哪个活动" in t for t in again), again


STAFF_DAY = [
    ("2号楼居民群", "刘阿姨", BILLBOARD),
    ("6号楼居民群", "何先生", "6号楼门口谁的车堵着消防通道 打电话也不接"),
    ("2号楼居民群", "马奶奶", "楼上502晾的衣服一直往下滴水 我家被子都湿了 说了好几次了"),
    ("3号楼居民群", "王大爷", ROOF),
]


@pytest.mark.parametrize(
    ("group", "staff", "said", "number", "state"),
    [
        pytest.param(
            "社区党委工作群",
            "王书记",
            "1号 广告牌的事我们安排保安去抬",
            1,
            "claimed",
            id="trial-S06",
        ),
        pytest.param(
            "6号楼党小组", "吴敏", "2号 我在业主群里帮你找找车主", 2, "claimed", id="trial-S24"
        ),
        pytest.param(
            "2号楼党小组",
            "陈桂兰",
            "我刚去502了 小周说以后拧干了再晾 还在阳台加了个接水盘 #3 已协调好",
            3,
            "resolved",
            id="trial-S35",
        ),
        pytest.param(
            "3号楼党小组",
            "刘志强",
            "4号 屋面防水补好了 漏点都刷了两遍 下次下雨再看",
            4,
            "resolved",
            id="trial-S76",
        ),
        pytest.param(
            "2号楼党小组",
            "陈桂兰",
            "#3 跟502调解好了 以后不往外晾了",
            3,
            "resolved",
            id="fresh-S35",
        ),
    ],
)
def test_trial_and_fresh_staff_words_claim_or_close_as_meant(
    sim: Simulator, group: str, staff: str, said: str, number: int, state: str
) -> None:
    at(sim, 9, 0)
    for chat, sender, text in STAFF_DAY:
        say(sim, chat, sender, text)
    at(sim, 10, 0)
    told = _texts(say(sim, group, staff, said))
    assert _ticket(sim, number).state == state, told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("南门口那个大坑积满水了 昨晚好几个骑电动车的摔了", id="check-11b"),
        pytest.param("小区南门外面马路上有个大坑 电动车摔了好几个了", id="check-9c-10c"),
    ],
)
def test_check_a_hole_people_fell_over_last_night_is_a_road_to_mend_never_a_page(
    jm: Simulator, said: str
) -> None:
    at(jm, 9, 30, day=13)
    told = _texts(say(jm, "金茂业主群", "居民", said))
    ticket = _ticket(jm, 1)
    assert (ticket.category, ticket.emergency) == ("maintenance", False), told


def test_fresh_a_board_that_fell_on_someone_is_still_a_full_page(sim: Simulator) -> None:
    at(sim, 9, 38)
    told = _texts(
        say(sim, "2号楼居民群", "刘阿姨", "东门广告牌倒了 砸伤了一个骑车的 人躺在地上起不来")
    )
    assert any("【紧急 #1】" in t for t in told), told


# Day 60 (docs/trials/day60/, a first contact on 751aa5e): the worst wrong claim and a lost claim


def test_day60_a_claim_pointing_at_another_matter_never_takes_the_gas_leak_waiting(
    jm: Simulator,
) -> None:
    at(jm, 10, 0, day=2)
    say(jm, "2号楼居民群", "张大爷", "2号楼1单元楼道里一股煤气味 好像是一楼那家")
    at(jm, 18, 30, day=2)
    told = _texts(say(jm, "第一网格党支部群", "马网格长", "烧烤那个我去看看"))
    assert _ticket(jm, 1).claimed_by is None, told


def test_day60_coming_down_at_once_after_a_loose_number_claims_the_gas_leak(
    jm: Simulator,
) -> None:
    at(jm, 10, 0, day=2)
    say(jm, "2号楼居民群", "张大爷", "2号楼1单元楼道里一股煤气味 好像是一楼那家")
    at(jm, 10, 8, day=2)
    told = _texts(say(jm, "2号楼党小组", "罗芳", "1号 我就在楼上 马上下来 大家别开灯别打火"))
    assert _ticket(jm, 1).claimed_by == "罗芳", told
