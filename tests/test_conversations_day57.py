"""Day 56b leftovers and day 57 (docs/trials/day57/, a first contact on 5362700: a winter day
and night in 金茂社区): trial sentences ("trial") next to wordings of mine ("fresh")."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day52 import ZONE
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def at(sim: Simulator, hour: int, minute: int) -> None:
    sim.clock.set(datetime(2028, 12, 13, hour, minute, tzinfo=ZONE))


def _ticket(sim: Simulator, number: int) -> Ticket:
    with sim.core.factory() as session:
        return session.get_one(Ticket, number)


FIGHT = "东门口两个人打起来了 一个抡着砖头 另一个满脸是血 保安拦不住"
HOLE = "小区南门进来那段路塌了个坑 晚上看不见 电动车容易栽进去"


def test_trial_56b_the_only_grid_hears_and_closes_an_emergency_at_the_gate(jm: Simulator) -> None:
    at(jm, 12, 38)
    alerted = say(jm, "金茂业主群", "周先生", FIGHT)
    groups = {n.group for n in alerted if "【紧急 #1】" in n.text}
    assert {"第一网格党支部群", "社区党委工作群"} <= groups, alerted
    at(jm, 12, 55)
    say(jm, "第一网格党支部群", "马网格长", "#1 派出所把人带走了 受伤的那个送医院了")
    assert _ticket(jm, 1).state == "resolved"


def test_trial_56b_the_grid_head_claims_a_hole_at_the_gate_and_lists_it(jm: Simulator) -> None:
    at(jm, 16, 40)
    say(jm, "金茂业主群", "朱大爷", HOLE)
    at(jm, 16, 59)
    told = _texts(say(jm, "第一网格党支部群", "马网格长", "#1 我去南门看看 先拉个警戒线"))
    assert _ticket(jm, 1).state == "claimed", told
    assert any("马网格长正在处理" in t for t in told), told
    todo = _texts(say(jm, "第一网格党支部群", "马网格长", "待办"))
    assert any("#1" in t and "南门" in t for t in todo), todo


def test_fresh_with_two_grids_a_gate_stays_with_the_community_group(sim: Simulator) -> None:
    at(sim, 9, 0)
    told = say(sim, "幸福里业主群", "朱大爷", HOLE)
    assert _ticket(sim, 1).assigned_group == "社区党委工作群", told
    refused = _texts(say(sim, "第一网格党支部群", "李网格长", "#1 接单"))
    assert _ticket(sim, 1).state == "open", refused


def _texts_to(told: list, group: str) -> list[str]:  # type: ignore[type-arg]
    return [n.text for n in told if n.group == group]


LOCKED_IN = "401李奶奶屋里有动静，好像在喊人，声音很弱，门从里面反锁了敲不开，是不是摔了"
CHILD_IN_LIFT = "1单元电梯卡在七楼和八楼中间不动了，里面有个小孩在哭，按警铃没人应"


@pytest.mark.parametrize(
    ("report", "group", "building", "note"),
    [
        pytest.param(
            LOCKED_IN, "1号楼居民群", "1号楼党小组", "#1 120和开锁师傅都叫了", id="trial-S19"
        ),
        pytest.param(
            CHILD_IN_LIFT,
            "2号楼居民群",
            "2号楼党小组",
            "#1 119也打了 我正往2号楼去",
            id="trial-S32",
        ),
        pytest.param(
            CHILD_IN_LIFT, "2号楼居民群", "2号楼党小组", "#1 维保叫了 我正往那边赶", id="fresh"
        ),
    ],
)
def test_trial_and_fresh_help_called_by_the_duty_officer_never_closes_the_emergency(
    jm: Simulator, report: str, group: str, building: str, note: str
) -> None:
    at(jm, 11, 30)
    say(jm, group, "黄阿姨", report)
    at(jm, 11, 32)
    say(jm, building, "何军" if building.startswith("1") else "罗芳", "#1 我到了 马上上去")
    at(jm, 11, 33)
    told = _texts(say(jm, "社区党委工作群", "高值班", note))
    assert _ticket(jm, 1).state == "claimed", told
    assert not any("安全了吗" in t for t in told), told


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "喂喂那个我说一下啊我们家是四号楼二单元三零二暖气从前天就不怎么热了屋里才十四度"
            "老头子有哮喘受不了你们能不能派个人来看看",
            id="trial-R34",
        ),
        pytest.param("我家暖气这两天不太热了 屋里冷得穿棉袄 4号楼2单元302", id="fresh"),
    ],
)
def test_trial_and_fresh_heating_not_warm_much_is_a_request(jm: Simulator, text: str) -> None:
    at(jm, 10, 12)
    told = _texts(say(jm, "4号楼居民群", "吴奶奶", text))
    assert _ticket(jm, 1).subcategory == "供暖", told


@pytest.mark.parametrize(
    "chase",
    [
        pytest.param("冰还没人铲呢 中午又有个送外卖的摔了", id="trial-R41"),
        pytest.param("坡上的冰到现在还没人铲 刚才又有个老太太摔了一跤", id="fresh"),
    ],
)
def test_trial_and_fresh_a_chase_telling_someone_fell_on_the_ice_joins_the_ice_ticket(
    jm: Simulator, chase: str
) -> None:
    at(jm, 7, 30)
    say(jm, "4号楼居民群", "周阿姨", "楼门口那段坡路结了一层冰，早上好几个人滑倒了，能不能撒点盐")
    at(jm, 12, 0)
    told = say(jm, "4号楼居民群", "周阿姨", chase)
    assert not any("紧急" in n.text for n in told), _texts(told)
    assert any("工单 #1" in n.text for n in told), _texts(told)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("睡不着 有人还醒着吗", id="trial-R72"),
        pytest.param("失眠了 还有人没睡吗", id="fresh"),
    ],
)
def test_trial_and_fresh_who_else_is_awake_at_night_is_chatter(jm: Simulator, text: str) -> None:
    jm.clock.set(datetime(2028, 12, 14, 0, 30, tzinfo=ZONE))
    assert say(jm, "金茂业主群", "夜猫子", text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "1单元顶楼水箱间的管子爆了，水顺着楼梯往下淌，哗哗的，六楼门口都淹了", id="trial-R75"
        ),
        pytest.param("楼顶的水管冻爆了 水哗哗的顺着楼梯往下流 五楼门口都淹了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_burst_pipe_flooding_the_stairs_is_an_emergency(
    jm: Simulator, text: str
) -> None:
    jm.clock.set(datetime(2028, 12, 14, 4, 30, tzinfo=ZONE))
    told = _texts(say(jm, "1号楼居民群", "何大姐", text))
    assert any(t.startswith("【紧急 #1】") for t in told), told


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("2号楼北边消防通道上又停了辆白色SUV，堵得垃圾车都进不来", id="trial-R44"),
        pytest.param("消防通道上停了一辆黑色轿车 好几天没挪了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_car_in_the_fire_lane_is_a_parking_dispute(
    jm: Simulator, text: str
) -> None:
    at(jm, 13, 15)
    say(jm, "2号楼居民群", "小杨", text)
    assert (_ticket(jm, 1).category, _ticket(jm, 1).subcategory) == ("dispute", "停车")


def test_trial_keys_found_in_the_evening_are_no_answer_to_the_gas_safety_question(
    jm: Simulator,
) -> None:
    at(jm, 9, 15)
    say(jm, "4号楼居民群", "马老师", "3单元楼道里一股煤气味，越往上越重，像是五楼那边飘出来的")
    at(jm, 9, 17)
    say(jm, "4号楼居民群", "小吴", "我在三单元也闻到了 臭鸡蛋味 挺冲的")
    at(jm, 10, 5)
    say(jm, "4号楼党小组", "唐静", "#1 燃气公司换了软管 屋里通过风了 人都没事 已处理")
    at(jm, 21, 30)
    told = _texts(say(jm, "4号楼居民群", "小吴", "钥匙找到了 在保安亭 谢谢大家"))
    assert told == [], told
    told = _texts(say(jm, "4号楼居民群", "小吴", "安全了 谢谢唐姐"))
    assert any("平安就好" in t for t in told), told


@pytest.mark.parametrize(
    "claim",
    [
        pytest.param("电梯那个我先看看啥情况", id="trial-S01"),
        pytest.param("电梯的事我先去看看", id="fresh"),
    ],
)
def test_trial_and_fresh_looking_first_claims_the_lift(jm: Simulator, claim: str) -> None:
    at(jm, 7, 20)
    say(jm, "1号楼居民群", "刘女士", "2单元电梯又停了，按了半天没反应，我家老人腿脚不好下不了楼")
    at(jm, 7, 30)
    told = _texts(say(jm, "1号楼党小组", "何军", claim))
    assert _ticket(jm, 1).state == "claimed", told


def test_trial_a_second_worker_going_to_search_is_a_note_on_the_search(jm: Simulator) -> None:
    at(jm, 16, 40)
    say(
        jm,
        "3号楼居民群",
        "刘姐",
        "我爸早上八点出门买菜到现在还没回来，他有点老年痴呆，穿灰色羽绒服，3单元的",
    )
    at(jm, 16, 42)
    say(jm, "社区党委工作群", "高值班", "#1 我来 已经在调监控了")
    at(jm, 16, 45)
    told = _texts(say(jm, "3号楼党小组", "韩涛", "我带两个人去菜市场和东门那边找"))
    assert any("已记入工单 #1" in t for t in told), told


def test_trial_a_meeting_told_in_everyday_words_takes_sign_ups_and_leave(jm: Simulator) -> None:
    at(jm, 18, 40)
    told = _texts(
        say(
            jm,
            "3号楼党小组",
            "韩涛",
            "明晚7点半在社区二楼会议室开党小组会，学习全会精神，大家准时参加",
        )
    )
    assert any("已发布活动" in t and "12月14日" in t and "19:30" in t for t in told), told
    at(jm, 18, 50)
    assert any("已为您报名" in t for t in _texts(say(jm, "3号楼党小组", "马网格长", "明晚我参加")))
    assert any(
        "已为您请假" in t for t in _texts(say(jm, "3号楼党小组", "孟书记", "明晚街道有会 我请个假"))
    )


def test_fresh_a_meeting_told_by_a_resident_is_no_event(jm: Simulator) -> None:
    at(jm, 18, 40)
    told = _texts(
        say(jm, "3号楼居民群", "张奶奶", "明晚7点半在社区二楼会议室开党小组会 大家准时参加")
    )
    assert not any("已发布活动" in t for t in told), told


@pytest.mark.parametrize(
    "asked",
    [
        pytest.param("养老认证的事问了没有呀", id="trial-R40"),
        pytest.param("刷脸认证那个有答复了吗", id="fresh"),
    ],
)
def test_trial_and_fresh_a_question_asked_again_gets_the_answer_again(
    jm: Simulator, asked: str
) -> None:
    at(jm, 7, 46)
    say(jm, "3号楼居民群", "张奶奶", "请问一下今年养老认证在哪弄啊，手机上那个刷脸我老是弄不成")
    at(jm, 11, 5)
    say(jm, "3号楼党小组", "韩涛", "#1 养老认证可以带身份证来社区服务站，我们帮着在手机上刷脸")
    at(jm, 11, 40)
    told = _texts(say(jm, "3号楼居民群", "张奶奶", asked))
    assert any("已经答复" in t and "社区服务站" in t for t in told), told


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "东门那个道闸坏了，杆子一直抬着，外面的车随便开进来停", "东门", id="trial-R29"
        ),
        pytest.param("小区外面金茂路上的路灯坏了一排，晚上走路黑得很", "金茂路", id="trial-R45"),
    ],
)
def test_trial_a_gate_or_the_road_outside_is_never_asked_which_building(
    jm: Simulator, text: str, place: str
) -> None:
    at(jm, 9, 40)
    told = _texts(say(jm, "金茂业主群", "老许", text))
    assert not any("几号楼" in t for t in told), told
    assert any("工单 #1" in t for t in told), told


# -- day 57b (docs/trials/day57b/, unseen wording on 001c2b2) -----------------------------

GAS = "一楼大厅有股很重的煤气味 越往里越浓"


@pytest.mark.parametrize(
    "note",
    [
        pytest.param("1号 燃气公司的抢修电话我打了 我也正往3号楼去", id="trial-S09"),
        pytest.param("#1 119我也打了 消防说十分钟到", id="trial-S23"),
        pytest.param("#1 燃气公司电话已经打了 我也马上去", id="fresh"),
    ],
)
def test_trial_and_fresh_the_duty_officer_calling_help_on_a_claimed_emergency_closes_nothing(
    sim: Simulator, note: str
) -> None:
    at(sim, 15, 0)
    say(sim, "3号楼居民群", "钱大爷", GAS)
    at(sim, 15, 2)
    say(sim, "3号楼党小组", "刘志强", "#1 我马上下楼")
    at(sim, 15, 4)
    told = _texts(say(sim, "社区党委工作群", "刘值班", note))
    assert _ticket(sim, 1).state == "claimed", told
    assert not any("安全了吗" in t for t in told), told


def test_trial_57b_the_real_outcome_after_a_wrong_closing_reaches_the_resident(
    sim: Simulator,
) -> None:
    at(sim, 15, 0)
    say(sim, "3号楼居民群", "钱大爷", GAS)
    at(sim, 15, 4)
    say(sim, "社区党委工作群", "刘值班", "#1 燃气公司来了 已处理")
    at(sim, 15, 40)
    told = _texts(
        say(
            sim,
            "3号楼党小组",
            "刘志强",
            "#1 燃气公司把楼外管道接口的垫片换了 测过没有泄漏了 已处理",
        )
    )
    assert any("处理结果补充" in t for t in told), told
    assert any("最新情况" in t and "垫片换了" in t for t in told), told
    assert "垫片" in (_ticket(sim, 1).resolution_note or "")


def test_trial_57b_a_door_reader_claimed_with_a_company_called_stays_open(sim: Simulator) -> None:
    at(sim, 14, 0)
    say(sim, "幸福里业主群", "小马", "东门的门禁刷卡没反应 进不去")
    at(sim, 14, 30)
    told = _texts(
        say(sim, "社区党委工作群", "王书记", "#1 我到东门了 读卡器里进了雪水 已经叫门禁公司来换")
    )
    assert _ticket(sim, 1).state != "resolved", told


def test_trial_57b_a_car_burning_outside_the_gate_is_an_emergency_with_advice_for_a_car(
    sim: Simulator,
) -> None:
    at(sim, 21, 0)
    told = _texts(
        say(sim, "幸福里业主群", "老何", "小区北门外面路边停的那辆车引擎盖在冒烟 底下还有火苗")
    )
    assert any(t.startswith("【紧急 #1】") for t in told), told
    assert any("远离着火的车辆" in t for t in told), told
    assert not any("沿楼梯撤离" in t for t in told), told


def test_trial_57b_a_meeting_by_weekday_and_a_leave_for_that_day(sim: Simulator) -> None:
    at(sim, 15, 0)  # Wednesday 2028-12-13
    told = _texts(
        say(
            sim,
            "3号楼党小组",
            "刘志强",
            "周五晚上七点在社区活动室开个党小组会 说说冬季安全巡查的事 大家都来啊",
        )
    )
    assert any("已发布活动" in t and "12月15日（周五）19:00" in t for t in told), told
    at(sim, 15, 10)
    told = _texts(say(sim, "3号楼党小组", "王书记", "那天我在街道开会 来不了 请个假"))
    assert any("已为您请假" in t and "12月15日" not in t for t in told), told


def test_trial_57b_a_volunteer_call_by_staff_takes_everyday_sign_ups(sim: Simulator) -> None:
    at(sim, 16, 0)
    told = _texts(
        say(
            sim,
            "3号楼居民群",
            "刘志强",
            "各位邻居 明天早上八点半在3号楼门口集合 一起把楼前到广场那段路的雪扫一扫 有空的来搭把手",
        )
    )
    assert any("已发布活动" in t and "08:30" in t for t in told), told
    at(sim, 16, 10)
    assert any(
        "已为您报名" in t for t in _texts(say(sim, "3号楼居民群", "老王", "算我一个 明早我有空"))
    )
    told = _texts(say(sim, "3号楼居民群", "老李", "我和老伴都去，家里有两把铁锹带上"))
    assert any("共2人" in t for t in told), told


def test_fresh_a_resident_calling_neighbours_to_sweep_is_no_event(sim: Simulator) -> None:
    at(sim, 16, 0)
    told = _texts(say(sim, "3号楼居民群", "老王", "明天早上八点在楼下集合 一起扫雪 有空的来"))
    assert not any("已发布活动" in t for t in told), told


@pytest.mark.parametrize(
    "again",
    [
        pytest.param("一宿没热 早上起来屋里十二度", id="trial-R77"),
        pytest.param("一晚上没热乎 冻得睡不着", id="fresh"),
    ],
)
def test_trial_and_fresh_not_warm_all_night_follows_the_heating_ticket(
    jm: Simulator, again: str
) -> None:
    at(jm, 7, 12)
    say(jm, "2号楼居民群", "陈大爷", "我家暖气片摸着冰凉的，2单元602，从昨晚就这样了")
    at(jm, 8, 30)
    say(jm, "2号楼党小组", "罗芳", "#1 收到 我先跟供热站联系一下")
    jm.clock.set(datetime(2028, 12, 14, 6, 30, tzinfo=ZONE))
    told = _texts(say(jm, "2号楼居民群", "陈大爷", again))
    assert any(t.startswith("工单 #1") for t in told), told
    with jm.core.factory() as session:
        assert session.query(Ticket).count() == 1


@pytest.mark.parametrize(
    ("note", "number"),
    [
        pytest.param("1号楼门口躺着那个人 120我打了 我也往那边去", 1, id="trial-S41"),
        pytest.param("2号楼着火那个119已经打了 我正往那边跑", 2, id="trial-S33"),
    ],
)
def test_trial_the_duty_officer_on_the_way_to_an_emergency_someone_holds_writes_a_note(
    sim: Simulator, note: str, number: int
) -> None:
    at(sim, 22, 0)
    say(
        sim, "1号楼居民群", "小赵", "1号楼3单元门口有个人躺在雪地里一动不动 好像喝多了 叫他也不答应"
    )
    say(sim, "2号楼居民群", "小钱", "2号楼3单元502窗户往外冒黑烟 好像着火了")
    at(sim, 22, 2)
    say(sim, "1号楼党小组", "张建国", "#1 我马上下楼")
    say(sim, "2号楼党小组", "陈桂兰", "#2 我到了 在敲门")
    say(sim, "1号楼居民群", "小孙", "1单元电梯卡在5楼和6楼中间了 里面有人在拍门")
    at(sim, 22, 3)
    told = say(sim, "社区党委工作群", "刘值班", note)
    assert any(f"已记入工单 #{number}" in n.text for n in told), _texts(told)
    holder = "1号楼党小组" if number == 1 else "2号楼党小组"
    assert any(n.group == holder and "刘值班" in n.text for n in told), _texts(told)
    assert _ticket(sim, number).state == "claimed"


def test_trial_57_a_missing_father_is_titled_without_a_stutter(jm: Simulator) -> None:
    at(jm, 16, 40)
    told = _texts(
        say(
            jm, "3号楼居民群", "刘姐", "我爸早上八点出门买菜到现在还没回来，他有点老年痴呆，3单元的"
        )
    )
    assert any("我爸早上八点出门" in t for t in told), told
    assert not any("我爸 爸" in t for t in told), told


def test_trial_57b_a_street_lamp_is_not_the_stairwell_lamp_told_in_traditional_letters(
    sim: Simulator,
) -> None:
    at(sim, 16, 20)
    say(sim, "4号楼居民群", "陳伯", "4號樓2單元的樓道燈壞了好幾天，晚上黑漆漆的，上樓都要摸著走")
    at(sim, 19, 20)
    told = _texts(
        say(
            sim,
            "4号楼居民群",
            "黄奶奶",
            "4号楼门口的那个路灯啊 昨天晚上就一闪一闪的 今天早上干脆不亮了 找人修一下吧",
        )
    )
    assert any("工单 #2" in t for t in told), told


# -- day 57c (docs/trials/day57c/, unseen wording on 67e05ad) -----------------------------

LIFT = "2单元电梯卡住了 我儿子一个人在里面 按警铃没反应"


def test_trial_57c_a_parent_saying_the_child_cries_in_the_dark_is_no_all_clear(
    jm: Simulator,
) -> None:
    at(jm, 16, 40)
    say(jm, "4号楼居民群", "小王", LIFT)
    at(jm, 16, 52)
    told = _texts(
        say(jm, "4号楼居民群", "小林", "电梯里是我儿子 他打电话给我说里面灯都灭了 在哭 2单元那部")
    )
    assert not any("险情已解除" in t for t in told), told


@pytest.mark.parametrize(
    ("note", "group"),
    [
        pytest.param("#1 我已经打了电梯公司电话 在往4号楼赶", "社区党委工作群", id="trial-S06"),
        pytest.param("电梯关人那个120我打了 我也往4号楼去", "社区党委工作群", id="fresh"),
    ],
)
def test_trial_and_fresh_the_duty_officers_word_on_a_held_emergency_reaches_its_holder(
    jm: Simulator, note: str, group: str
) -> None:
    at(jm, 16, 40)
    say(jm, "4号楼居民群", "小王", LIFT)
    at(jm, 16, 42)
    say(jm, "4号楼党小组", "唐静", "#1 我马上过去")
    at(jm, 16, 45)
    told = say(jm, group, "高值班", note)
    assert any(n.group == "4号楼党小组" and "高值班" in n.text for n in told), _texts(told)
    assert not any("仍未办结" in n.text for n in told), _texts(told)
    assert _ticket(jm, 1).state == "claimed"


def test_trial_57c_the_duty_officer_who_called_110_for_a_fight_at_the_gate_writes_a_note(
    jm: Simulator,
) -> None:
    at(jm, 23, 30)
    say(jm, "金茂业主群", "老周", "北门口两个人打起来了 有一个拿着棍子")
    at(jm, 23, 32)
    say(jm, "第一网格党支部群", "马网格长", "#1 我去北门看看")
    at(jm, 23, 35)
    told = say(jm, "社区党委工作群", "高值班", "北门打架的我已经报110了")
    assert any("已记入工单 #1" in n.text for n in told), _texts(told)


def test_trial_57c_taking_back_with_a_plan_claims_the_ticket(jm: Simulator) -> None:
    at(jm, 17, 0)
    say(jm, "3号楼居民群", "刘奶奶", "我家暖气不热 屋里才十二度 3单元201")
    at(jm, 17, 10)
    say(jm, "3号楼党小组", "韩涛", "#1 转 物业")
    at(jm, 21, 32)
    told = _texts(say(jm, "3号楼党小组", "韩涛", "#1 收回 我今晚先给刘奶奶送个电暖器过去"))
    assert _ticket(jm, 1).state == "claimed", told
    assert any("送个电暖器" in t for t in told), told


def test_trial_57c_a_chat_invitation_at_night_is_chatter(jm: Simulator) -> None:
    jm.clock.set(datetime(2028, 12, 13, 22, 40, tzinfo=ZONE))
    assert say(jm, "1号楼居民群", "钱师傅", "睡不着 有没有一起聊天的") == []


def test_trial_57c_a_burst_pipe_flooding_to_the_stairs_is_an_emergency(jm: Simulator) -> None:
    jm.clock.set(datetime(2028, 12, 14, 1, 20, tzinfo=ZONE))
    told = _texts(
        say(jm, "1号楼居民群", "马阿姨", "1号楼2单元地下室的水管爆了 水哗哗往外冒 已经淹到楼梯口了")
    )
    assert any(t.startswith("【紧急 #1】") for t in told), told
