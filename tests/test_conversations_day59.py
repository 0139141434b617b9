"""Day 59 (docs/trials/day59/, a first contact on 6b41540: a cold snap in 金茂社区, from a Thursday
morning to Friday): trial sentences ("trial") next to wordings of mine ("fresh").

The worst failures: a lost parcel asked of the neighbours was paged as a missing person and
escalated to the street; a burst pipe flooding the garage to its electrics was put on the
branch hanging on the wires behind the same building, so its building's group was never paged;
"好的 #21 我下班顺路去药店买了给您送上去" told an old woman without her pills that it was done;
a man down on the ice outside the gate was paged only as 可能紧急, and his reporter's next words
were a second page."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day52 import ZONE
from tests.test_conversations_day56 import _count, _ticket
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def at(sim: Simulator, hour: int, minute: int, day: int = 18) -> None:
    sim.clock.set(datetime(2029, 1, day, hour, minute, tzinfo=ZONE))


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "我的快递显示放在2号楼楼下了 下楼找了没找着 一个纸箱子 写着小陈 有人看到吗",
            id="trial-R71",
        ),
        pytest.param("谁看到我的包裹了 放在单元门口一转眼就没了 找了半天没找着", id="fresh"),
    ],
)
def test_trial_and_fresh_a_parcel_not_found_is_never_a_missing_person(
    jm: Simulator, said: str
) -> None:
    at(jm, 20, 10)
    told = _texts(say(jm, "2号楼居民群", "小陈", said))
    assert not any("走失" in t or "紧急" in t or "110" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "东门外那段人行道上有个大爷摔倒了 躺地上好一会了 没爬起来 叫他也不怎么答应",
            id="trial-R32",
        ),
        pytest.param("楼下花坛边上有个老太太摔倒了 趴地上半天没起来 喊她也不太答应", id="fresh"),
    ],
)
def test_trial_and_fresh_someone_down_a_while_hardly_answering_is_a_full_page(
    jm: Simulator, said: str
) -> None:
    at(jm, 13, 10)
    told = _texts(say(jm, "1号楼居民群", "宋师傅", said))
    assert any("【紧急 #1】" in t for t in told), told


@pytest.mark.parametrize(
    "more",
    [
        pytest.param("我给他盖了件大衣 他说腿动不了", id="trial-R33"),
        pytest.param("我在边上陪着他 他说腰疼得厉害", id="fresh"),
    ],
)
def test_trial_and_fresh_the_reporters_next_words_of_the_fallen_man_are_more_of_his_page(
    jm: Simulator, more: str
) -> None:
    at(jm, 13, 10)
    say(jm, "1号楼居民群", "宋师傅", "东门外那段人行道上有个大爷摔倒了 躺地上好一会了 没爬起来")
    at(jm, 13, 15)
    told = _texts(say(jm, "1号楼居民群", "宋师傅", more))
    assert _count(jm) == 1, told
    assert any("工单 #1 居民补充" in t for t in told), told


def test_fresh_another_fall_told_by_the_same_reporter_is_a_page_of_its_own(
    jm: Simulator,
) -> None:
    at(jm, 13, 10)
    say(jm, "1号楼居民群", "宋师傅", "东门外那段人行道上有个大爷摔倒了 躺地上好一会了 没爬起来")
    at(jm, 13, 25)
    told = _texts(say(jm, "1号楼居民群", "宋师傅", "又有个老太太在这摔倒了 起不来"))
    assert _count(jm) == 2, told


def test_trial_a_burst_pipe_in_the_garage_is_no_news_of_the_branch_behind_the_building(
    jm: Simulator,
) -> None:
    at(jm, 13, 35)
    say(jm, "3号楼居民群", "秦大爷", "3号楼后面那棵大树的树枝被冰压断了 挂在电线上 晃来晃去的")
    at(jm, 16, 15)
    told = _texts(
        say(
            jm,
            "3号楼居民群",
            "冯叔",
            "3号楼的地下车库水管爆了 水哗哗往外喷 已经漫到配电箱那边了 地上全是水",
        )
    )
    assert _count(jm) == 2, told
    assert any(t.startswith("【紧急 #2】") for t in told), told
    at(jm, 16, 20)
    joined = _texts(say(jm, "3号楼居民群", "秦大爷", "车库进水了 我的车还在下面 能不能下去开出来"))
    assert _count(jm) == 2, joined  # the same garage flood (R54)


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("门口坡上的冰铲了没有 下午放学又有小孩摔了", id="trial-R55"),
        pytest.param("门口的冰还没人铲啊 刚才又有人滑倒了", id="fresh"),
    ],
)
def test_trial_and_fresh_asking_after_the_ice_with_another_slip_is_no_page(
    jm: Simulator, said: str
) -> None:
    at(jm, 9, 0)
    say(jm, "1号楼居民群", "赵师傅", "1号楼门口那个坡全结冰了 早上好几个人滑倒")
    at(jm, 16, 30)
    told = _texts(say(jm, "1号楼居民群", "赵师傅", said))
    assert _count(jm) == 1, told
    assert not any("紧急" in t or "120" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("罗组长 水还是莫得来 都中午了 饭都做不成", id="trial-R34"),
        pytest.param("水还是没来啊 等了一上午了", id="fresh"),
    ],
)
def test_trial_and_fresh_water_still_not_back_in_dialect_chases_the_residents_own_ticket(
    jm: Simulator, said: str
) -> None:
    at(jm, 9, 10)
    say(jm, "2号楼居民群", "李大爷", "2号楼一单元停水了 一早起来就没水 水管是不是冻住了")
    say(jm, "2号楼党小组", "罗芳", "#1 收到 我联系物业去看看")
    at(jm, 12, 25)
    told = _texts(say(jm, "2号楼居民群", "李大爷", said))
    assert _count(jm) == 1, told
    assert any("工单 #1" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("好的 #1 我下班顺路去药店买了给您送上去", id="trial-S28"),
        pytest.param("#1 我中午去超市买了米给您拿上去", id="fresh"),
    ],
)
def test_trial_and_fresh_help_to_be_bought_later_claims_never_closes(
    jm: Simulator, said: str
) -> None:
    at(jm, 13, 40)
    say(jm, "4号楼居民群", "刘奶奶", "我腿脚不好 一个人住 降压药吃完了 谁能帮我买一盒")
    at(jm, 13, 50)
    told = _texts(say(jm, "4号楼党小组", "唐静", said))
    assert _ticket(jm, 1).state == "claimed", told
    assert _ticket(jm, 1).claimed_by == "唐静", told


STAFF_DAY = [
    ("1号楼居民群", "赵师傅", "1号楼门口那个坡全结冰了 早上好几个人滑倒"),
    ("1号楼居民群", "蒋老师", "1号楼2单元 我妈在家吸氧 停电了制氧机停了她喘得厉害脸都有点发紫"),
    ("4号楼居民群", "刘奶奶", "4号楼3单元家里水管冻了 一滴水都没有"),
    ("2号楼居民群", "黄小姐", "2号楼3单元501家里一直有烟味 敲门没人"),
    ("金茂业主群", "宋师傅", "东门外大马路上那个井盖冻裂了 翘起来一块 很危险"),
    ("2号楼居民群", "李大爷", "2号楼门口那盏路灯不亮了 晚上黑乎乎的"),
    ("3号楼居民群", "秦大爷", "3号楼后面那棵大树的树枝被冰压断了 挂在电线上 晃来晃去的"),
]


@pytest.mark.parametrize(
    ("group", "staff", "said", "number", "state"),
    [
        pytest.param(
            "1号楼党小组",
            "何军",
            "门口坡上的冰我叫两个志愿者带铲子去铲 #1",
            1,
            "claimed",
            id="trial-S02",
        ),
        pytest.param(
            "1号楼党小组",
            "何军",
            "2号 氧气瓶送到了 老人吸上氧缓过来了 120也到了 家属跟车去医院检查",
            2,
            "resolved",
            id="trial-S15",
        ),
        pytest.param(
            "4号楼党小组", "唐静", "3号 我七点半过去帮您看看", 3, "claimed", id="trial-S74"
        ),
        pytest.param(
            "2号楼党小组",
            "罗芳",
            "4号 我八点去501敲门 他家昨天烧了沙发 可能住亲戚家了 我先打电话找人",
            4,
            "claimed",
            id="trial-S75",
        ),
        pytest.param(
            "第一网格党支部群",
            "马网格长",
            "#5 这是市政道路上的井盖 不归社区管 已经帮忙报了12345 大家也可以打12345反映",
            5,
            "not_responsible",
            id="trial-S44",
        ),
        pytest.param(
            "第一网格党支部群",
            "马网格长",
            "5号 井盖是市政的 不属于社区 请打12345",
            5,
            "not_responsible",
            id="fresh-S44",
        ),
        pytest.param("4号楼党小组", "唐静", "3号 我九点多过去看看", 3, "claimed", id="fresh-S74"),
    ],
)
def test_trial_and_fresh_staff_words_claim_close_or_hand_back_as_meant(
    jm: Simulator, group: str, staff: str, said: str, number: int, state: str
) -> None:
    at(jm, 9, 0)
    for chat, sender, text in STAFF_DAY:
        say(jm, chat, sender, text)
    at(jm, 9, 30)
    told = _texts(say(jm, group, staff, said))
    assert _ticket(jm, number).state == state, told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("6号 路灯是物业管的 转给物业了", id="trial-S55"),
        pytest.param("6号 这个灯归物业 已经转给物业", id="fresh"),
    ],
)
def test_trial_and_fresh_a_transfer_said_after_its_reason_goes_to_the_group_named(
    jm: Simulator, said: str
) -> None:
    at(jm, 9, 0)
    for chat, sender, text in STAFF_DAY:
        say(jm, chat, sender, text)
    at(jm, 9, 30)
    told = _texts(say(jm, "2号楼党小组", "罗芳", said))
    assert _ticket(jm, 6).assigned_group == "物业服务中心群", told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("7号我们收回来 我直接跟供电所联系", id="trial-S40"),
        pytest.param("#7 还是拿回来吧 我们自己找供电局", id="fresh"),
    ],
)
def test_trial_and_fresh_taking_a_ticket_back_with_the_work_to_come_takes_it_back(
    jm: Simulator, said: str
) -> None:
    at(jm, 9, 0)
    for chat, sender, text in STAFF_DAY:
        say(jm, chat, sender, text)
    say(jm, "3号楼党小组", "韩涛", "#7 转物业")
    at(jm, 9, 40)
    told = _texts(say(jm, "3号楼党小组", "韩涛", said))
    assert _ticket(jm, 7).assigned_group == "3号楼党小组", told


@pytest.mark.parametrize(
    ("group", "staff", "said", "heard"),
    [
        pytest.param(
            "4号楼党小组",
            "唐静",
            "1号 我现在就上楼去敲门看看陈奶奶",
            "敲门看看陈奶奶",
            id="trial-S05",
        ),
        pytest.param(
            "3号楼党小组",
            "韩涛",
            "2号 我下午两点带热力公司师傅上门看暖气",
            "下午两点带热力公司师傅上门",
            id="trial-S22",
        ),
    ],
)
def test_trial_the_arrangement_told_with_a_claim_reaches_the_resident(
    jm: Simulator, group: str, staff: str, said: str, heard: str
) -> None:
    at(jm, 9, 0)
    say(jm, "4号楼居民群", "小吴", "4号楼2单元的陈奶奶一个人住 两天没见她下楼了 敲门也没人应")
    say(jm, "3号楼居民群", "王姐", "3号楼2单元暖气片一直不热 家里才十三度")
    at(jm, 9, 30)
    told = say(jm, group, staff, said)
    to_residents = [m.text for m in told if "居民群" in (m.room_id or "")]
    assert any(heard in t for t in to_residents), to_residents


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("一号楼门口斜坡上全是冰 滑得很 物业啥时候来铲一铲", id="trial-R05"),
        pytest.param("1号楼门口那个坡都是冰 溜滑溜滑的", id="fresh"),
    ],
)
def test_trial_and_fresh_the_same_icy_slope_in_other_words_joins_the_first_report(
    jm: Simulator, said: str
) -> None:
    at(jm, 9, 0)
    say(jm, "1号楼居民群", "赵师傅", "1号楼门口那个坡全结冰了 早上好几个人滑倒")
    at(jm, 9, 5)
    told = _texts(say(jm, "1号楼居民群", "林大爷", said))
    assert _count(jm) == 1, told
