"""Day 64 (docs/trials/day64/, a first contact on 744156d: 金茂社区 from a night of heavy snow
to New Year's Eve): trial sentences ("trial") next to wordings of mine ("fresh").

The worst failures: a battery smoking on the stairs was paged as a gas leak with the advice to
ring the gas company; a neighbour shut in by that smoke was told to flee down the stairs, on a
page of its own; a fall at the gate told twice was paged twice; the walls blackened after a fire
were paged as a fire, with 119 advice and a 街道督办; "电梯今天又有点抖" reopened yesterday's rescue
of a child; a witness of the night crash in the garage was filed under his own noise ticket;
thanks that the gas company had fixed the heater were passed on as a complaint; plain claims
("45号 我打电话让他挪", "28号 电工在换电缆头") were missed, and "…他说半小时内挪走" closed a
ticket while the car still stood there."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day52 import ZONE
from tests.test_conversations_day56 import _ticket
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def _at(sim: Simulator, hour: int, minute: int, day: int = 30) -> None:
    sim.clock.set(datetime(2026, 12, day, hour, minute, tzinfo=ZONE))


BATTERY = "1单元楼道里有人给电动车充电 电瓶在冒白烟 嘶嘶响 还有股怪味"


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(BATTERY, id="trial-R094"),
        pytest.param("楼道里充电的电瓶车电池嘶嘶的冒烟 味道呛人", id="fresh"),
    ],
)
def test_trial_and_fresh_a_battery_hissing_and_smoking_is_a_fire_with_battery_advice(
    jm: Simulator, said: str
) -> None:
    _at(jm, 8, 30, day=31)
    told = _texts(say(jm, "3号楼居民群", "小宋", said))
    ticket = _ticket(jm, 1)
    assert (ticket.subcategory, ticket.emergency) == ("火情", True), told
    assert any("不要用水浇" in t for t in told), told
    assert not any("燃气公司" in t for t in told), told


def test_trial_a_neighbour_shut_in_by_the_smoke_is_the_same_fire_told_to_stay_in(
    jm: Simulator,
) -> None:
    _at(jm, 8, 30, day=31)
    say(jm, "3号楼居民群", "小宋", BATTERY)
    _at(jm, 8, 31, day=31)
    told = _texts(
        say(jm, "3号楼居民群", "刘奶奶", "一单元楼道里冒烟了 我家门口都是烟 我和老头子下不去楼")
    )
    assert any("情况加重" in t and "#1" in t for t in told), told
    assert any("关紧家门" in t for t in told), told
    assert not any("沿楼梯撤离" in t or "【紧急 #2】" in t for t in told), told


def test_trial_a_fall_at_the_gate_told_from_the_owners_chat_joins_the_first_page(
    jm: Simulator,
) -> None:
    _at(jm, 9, 15)
    say(jm, "4号楼居民群", "郝大哥", "东门口刚有个老太太在冰上滑倒了 躺着起不来 说腿疼得动不了")
    _at(jm, 9, 16)
    told = _texts(
        say(
            jm,
            "金茂业主群",
            "丁丁妈",
            "东门那边有人摔了 围了一圈人 有没有人打120啊 老人家在地上躺着呢",
        )
    )
    assert any("已有居民反映过" in t and "#1" in t for t in told), told
    assert not any("【紧急 #2】" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "601那家着火以后楼道墙都熏黑了 还一股味儿 物业能不能来刷一刷", id="trial-R074"
        ),
        pytest.param("前天失火以后 三楼楼道墙上全是黑的 啥时候能粉刷一下", id="fresh"),
    ],
)
def test_trial_and_fresh_walls_blackened_by_a_fire_that_is_out_are_a_repair(
    jm: Simulator, said: str
) -> None:
    _at(jm, 17, 20)
    told = _texts(say(jm, "4号楼居民群", "甜甜妈", said))
    ticket = _ticket(jm, 1)
    assert (ticket.category, ticket.emergency) == ("maintenance", False), told
    assert not any("119" in t or "紧急" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("小唐啊 我家热水器点不着火了 4栋1单元101", id="trial-R013"),
        pytest.param("厨房的灶点不着火了 一直咔咔响 2单元301", id="fresh"),
    ],
)
def test_trial_and_fresh_a_heater_that_will_not_light_is_a_repair_paging_nobody(
    jm: Simulator, said: str
) -> None:
    _at(jm, 8, 50)
    told = _texts(say(jm, "4号楼居民群", "何奶奶", said))
    ticket = _ticket(jm, 1)
    assert (ticket.category, ticket.emergency) == ("maintenance", False), told
    assert not any("紧急" in t for t in told), told


def test_trial_a_lift_shaking_the_day_after_a_child_was_freed_from_it_is_a_new_repair(
    jm: Simulator,
) -> None:
    _at(jm, 8, 8)
    say(
        jm,
        "2号楼居民群",
        "孙女士",
        "2单元电梯卡在七楼八楼中间不动了 我孙子一个人在里面 按那个铃没人理 孩子在里面一直哭",
    )
    _at(jm, 8, 10)
    say(
        jm, "2号楼居民群", "钱师傅", "我在八楼听见了 电梯里是有个小孩在哭 门扒不开 物业电话打了占线"
    )
    _at(jm, 8, 28)
    say(jm, "2号楼党小组", "罗芳", "#1 孩子出来了 维保师傅把门打开了 没受伤 家长领回去了")
    _at(jm, 11, 15, day=31)
    told = _texts(
        say(jm, "2号楼居民群", "钱师傅", "2单元电梯今天又有点抖 上下的时候咯噔一下 别又把人关里面")
    )
    assert not any("重新" in t or "不满意" in t for t in told), told
    assert any("已收到您反映的问题（工单 #2" in t for t in told), told
    assert _ticket(jm, 1).state != "reopened"


def test_trial_a_witness_of_the_crash_in_the_garage_joins_it_not_his_noise_ticket(
    jm: Simulator,
) -> None:
    _at(jm, 22, 50)
    say(jm, "2号楼居民群", "小钟", "都几点了楼上还在拖椅子 咚咚的 2单元402")
    _at(jm, 2, 10, day=31)
    paged = _texts(
        say(
            jm,
            "3号楼居民群",
            "冯姐",
            "车库入口那个坡上有辆车滑下去撞柱子上了 司机趴在方向盘上不动 喇叭一直响",
        )
    )
    assert any("【紧急 #2】" in t for t in paged), paged
    _at(jm, 2, 12, day=31)
    told = _texts(say(jm, "2号楼居民群", "小钟", "我也听见了 车库那边喇叭一直在响 像是出事了"))
    assert any("已有居民反映过" in t and "#2" in t for t in told), told
    assert not any("#1" in t for t in told), told


def test_trial_thanks_that_those_it_was_sent_to_fixed_it_is_no_complaint(jm: Simulator) -> None:
    _at(jm, 8, 0)
    say(jm, "4号楼居民群", "何奶奶", "我家热水器坏了 4号楼1单元101 我一个老婆子不敢动")
    _at(jm, 11, 47)
    say(jm, "4号楼党小组", "唐静", "#1 非职责 热水器是燃气公司管的 请打96777报修")
    _at(jm, 9, 20, day=31)
    told = _texts(
        say(jm, "4号楼居民群", "何奶奶", "燃气公司的师傅来了 热水器修好了 能洗澡了 谢谢唐书记")
    )
    assert not any("不满意" in t or "收回" in t or "添麻烦" in t for t in told), told


def test_trial_the_mothers_thanks_with_her_fright_answers_the_safety_question(
    jm: Simulator,
) -> None:
    _at(jm, 8, 8)
    say(
        jm, "2号楼居民群", "孙女士", "2单元电梯卡在七楼八楼中间不动了 我孙子一个人在里面 孩子一直哭"
    )
    _at(jm, 8, 28)
    say(jm, "2号楼党小组", "罗芳", "#1 孩子出来了 维保师傅把门打开了 没受伤 家长领回去了")
    _at(jm, 8, 30)
    told = _texts(say(jm, "2号楼居民群", "孙女士", "孩子出来了 吓坏了 谢谢罗书记谢谢师傅🙏"))
    assert any("平安就好" in t for t in told), told


WAITING = [
    ("1号楼居民群", "李先生", "消防通道那辆白色大众又停那了 堵得死死的"),
    ("3号楼居民群", "冯姐", "3号楼配电间那边滋滋响 冒火花"),
]


@pytest.mark.parametrize(
    ("group", "sender", "said", "number"),
    [
        pytest.param("1号楼党小组", "何军", "1号 我打电话让他挪", 1, id="trial-S101"),
        pytest.param("3号楼党小组", "韩涛", "2号 电工在换电缆头 大概一个小时", 2, id="trial-S059"),
        pytest.param("3号楼党小组", "韩涛", "2号 师傅在换配电箱的开关了", 2, id="fresh"),
    ],
)
def test_trial_and_fresh_someone_at_the_work_or_calling_for_it_claims_the_ticket(
    jm: Simulator, group: str, sender: str, said: str, number: int
) -> None:
    _at(jm, 8, 0)
    for room, who, text in WAITING:
        say(jm, room, who, text)
    _at(jm, 8, 10)
    told = _texts(say(jm, group, sender, said))
    assert any(f"工单 #{number} 已由{sender}接单" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("1号 消防通道那辆白色大众 联系上车主了 他说半小时内挪走", id="trial-S051"),
        pytest.param("1号 车主电话打通了 说十分钟内下来挪车", id="fresh"),
        pytest.param("#1 车主电话打通了 说五分钟就下来挪", id="check-L18"),
        pytest.param("#1 找到车主了 答应马上来挪车", id="check-L90"),
    ],
)
def test_trial_and_fresh_the_owner_promising_to_move_the_car_closes_nothing(
    jm: Simulator, said: str
) -> None:
    _at(jm, 8, 0)
    for room, who, text in WAITING:
        say(jm, room, who, text)
    _at(jm, 8, 10)
    told = _texts(say(jm, "第一网格党支部群", "马网格长", said))
    assert not any(t.startswith("工单 #1 已办结") for t in told), told
    assert _ticket(jm, 1).state != "resolved"


def test_trial_a_note_on_a_ticket_from_the_property_office_with_a_holiday_word_gets_an_answer(
    jm: Simulator,
) -> None:
    _at(jm, 8, 0)
    say(jm, "4号楼居民群", "赵大爷", "4号楼门口垃圾桶满了 都溢出来了 臭得很")
    _at(jm, 9, 0)
    told = _texts(say(jm, "物业服务中心群", "郑经理", "1号 元旦照常清运 4号楼的桶上午就拉走"))
    assert told, "a loose number and 元旦 got silence"


def test_trial_a_loose_number_then_where_the_sender_got_to_is_a_note_on_that_ticket(
    jm: Simulator,
) -> None:
    _at(jm, 8, 0)
    say(jm, "2号楼居民群", "常阿姨", "楼上漏水 卫生间顶上一直滴 2单元1202")
    say(jm, "2号楼居民群", "小钟", "2单元门口那泡狗屎冻成冰坨子了 没人管")
    _at(jm, 8, 25)
    told = _texts(say(jm, "2号楼党小组", "罗芳", "1号 到1302了 是他家地暖分水器漏 他家同意今天修"))
    assert any("#1" in t for t in told), told
    assert not any("#2" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("池塘那个孩子救上来没有", id="trial-S108"),
        pytest.param("3号楼爆管那个后来怎么样了", id="trial-S094"),
    ],
)
def test_trial_the_secretary_asking_after_a_danger_by_its_words_gets_its_progress(
    jm: Simulator, said: str
) -> None:
    _at(jm, 8, 0)
    say(jm, "3号楼居民群", "周师傅", "3单元楼道的水管冻裂了 还往电表箱那边流")
    say(jm, "3号楼居民群", "冯姐", "3号楼暖气不热 家里才15度")
    say(jm, "金茂业主群", "小林", "小区池塘冰面上有个孩子掉下去了 在喊救命")
    _at(jm, 8, 5)
    say(jm, "3号楼党小组", "韩涛", "#1 收到 马上过去关阀")
    say(jm, "社区党委工作群", "高值班", "#3 收到 我马上过去")
    _at(jm, 10, 0)
    told = _texts(say(jm, "社区党委工作群", "孟书记", said))
    number = 3 if "池塘" in said else 1
    assert any(t.startswith(f"工单 #{number}：") for t in told), told


def test_fresh_staff_chat_asking_after_a_meeting_stays_chat(jm: Simulator) -> None:
    _at(jm, 8, 0)
    say(jm, "金茂业主群", "小林", "小区池塘冰面上有个孩子掉下去了 在喊救命")
    _at(jm, 10, 0)
    told = _texts(say(jm, "社区党委工作群", "孟书记", "那个会开完了没有"))
    assert told == [], told


@pytest.mark.parametrize(
    ("first", "again"),
    [
        pytest.param(
            "请问一下元旦社区服务站放几天假啊 我要开个居住证明",
            "我刚才问的放假的事 有人知道吗",
            id="trial-R022",
        ),
        pytest.param(
            "社区那个取暖补贴今年怎么申请啊 我是低保户 要带啥材料",
            "我刚才问补贴的 是不是要去街道办啊",
            id="trial-R052",
        ),
        pytest.param(
            "我们楼下花园那棵大杨树被雪压断了个大枝子 挂在半空",
            "刚才说的那个树枝 还挂着呢 有人来看看吗",
            id="trial-R033",
        ),
    ],
)
def test_trial_a_resident_pointing_at_what_they_asked_before_chases_it(
    jm: Simulator, first: str, again: str
) -> None:
    _at(jm, 8, 25)
    say(jm, "2号楼居民群", "杨老师", first)
    _at(jm, 9, 45)
    told = _texts(say(jm, "2号楼居民群", "杨老师", again))
    assert any(t.startswith("工单 #1：") for t in told), told
    assert not any("#2" in t for t in told), told


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        pytest.param(
            "1号 我来吧 下午我陪何奶奶打电话约燃气公司上门", "正在处理：下午", id="trial-S030"
        ),
        pytest.param("1号 我来了 扳手拿上了", "正在处理：扳手", id="trial-S080"),
    ],
)
def test_trial_a_claim_tells_residents_what_was_said_without_a_stray_particle(
    jm: Simulator, said: str, kept: str
) -> None:
    _at(jm, 8, 0)
    say(jm, "4号楼居民群", "何奶奶", "我家热水器坏了 4号楼1单元101 我一个老婆子不敢动")
    _at(jm, 8, 5)
    told = _texts(say(jm, "4号楼党小组", "唐静", said))
    assert any(kept in t for t in told), told


@pytest.mark.parametrize(
    ("said", "subcategory"),
    [
        pytest.param(
            "楼下谁家的车把单元门堵了 老人轮椅出不去 车牌鲁B3X5**", "停车", id="trial-R116"
        ),
        pytest.param(
            "东门口的冰又冻上了 昨天有人在那摔了 今天还这样 社区管不管", "道路", id="trial-R098"
        ),
    ],
)
def test_trial_a_car_at_the_door_and_ice_frozen_again_are_their_own_kinds(
    jm: Simulator, said: str, subcategory: str
) -> None:
    _at(jm, 12, 30, day=31)
    told = _texts(say(jm, "1号楼居民群", "老谭", said))
    assert _ticket(jm, 1).subcategory == subcategory, told


def test_trial_a_car_crashed_with_its_driver_slumped_is_a_full_page(jm: Simulator) -> None:
    _at(jm, 2, 10, day=31)
    told = _texts(
        say(
            jm,
            "3号楼居民群",
            "冯姐",
            "车库入口那个坡上有辆车滑下去撞柱子上了 司机趴在方向盘上不动 喇叭一直响",
        )
    )
    ticket = _ticket(jm, 1)
    assert (ticket.emergency, ticket.emergency_level) == (True, None), told
    assert not any("可能紧急" in t for t in told), told


def test_trial_a_holiday_duty_question_is_asked_of_staff(jm: Simulator) -> None:
    _at(jm, 16, 0, day=31)
    told = _texts(say(jm, "3号楼居民群", "冯姐", "明天元旦社区还有值班的吗 有事找谁"))
    assert any("已收到您反映的问题" in t for t in told), told
    assert _ticket(jm, 1).category == "inquiry"


# The second fresh look at the fixed tree (docs/trials/day64/postfix/), fixed before landing.


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("家里燃气灶打不着火了 咔哒咔哒一直响就是不出火 要找谁来修啊", id="check-L2"),
        pytest.param("壁挂炉点不着火 屏幕一直闪E1 家里冰冷冰冷的 有人会修吗😭", id="check-L19"),
        pytest.param("家里灶台打火打不着 打了十几下都点不着 燃气表是有气的", id="check-L71"),
    ],
)
def test_check_a_stove_or_boiler_that_will_not_light_pages_nobody(jm: Simulator, said: str) -> None:
    _at(jm, 8, 5)
    told = _texts(say(jm, "1号楼居民群", "小周", said))
    ticket = _ticket(jm, 1)
    assert (ticket.category, ticket.emergency) == ("maintenance", False), told


def test_check_a_stove_that_will_not_light_with_gas_smelt_still_pages(jm: Simulator) -> None:
    _at(jm, 8, 5)
    told = _texts(say(jm, "1号楼居民群", "小周", "燃气灶打不着火 屋里一股煤气味"))
    assert _ticket(jm, 1).subcategory == "燃气泄漏", told


def test_check_walls_still_black_since_last_weeks_fire_are_a_repair(jm: Simulator) -> None:
    _at(jm, 11, 0)
    told = _texts(
        say(jm, "4号楼居民群", "宋大爷", "上礼拜着火那个2单元楼道 墙到现在还是黑的 啥时候给刷刷白")
    )
    assert _ticket(jm, 1).emergency is False, told
    assert not any("119" in t for t in told), told


def test_check_a_lift_shaking_after_a_child_was_trapped_is_no_one_taken_ill(
    jm: Simulator,
) -> None:
    _at(jm, 9, 0)
    told = _texts(
        say(jm, "1号楼居民群", "果果爸", "1单元电梯今天上下一直抖 昨天刚困过小孩 物业赶紧查查吧")
    )
    assert (_ticket(jm, 1).subcategory, _ticket(jm, 1).emergency) == ("电梯", False), told


def test_check_a_fall_on_ice_told_again_from_the_owners_chat_joins_it(jm: Simulator) -> None:
    _at(jm, 8, 30)
    say(jm, "2号楼居民群", "老陈", "东门口那块地结冰了 刚有个老太太滑了一跤坐地上起不来了 快来人啊")
    _at(jm, 8, 31)
    told = _texts(
        say(jm, "金茂业主群", "刘姐", "东门那边有人摔了 老人家躺地上半天动不了 物业有人吗")
    )
    assert any("已有居民反映过" in t and "#1" in t for t in told), told


def test_check_a_witness_who_heard_the_horn_joins_the_crash_told_minutes_before(
    jm: Simulator,
) -> None:
    _at(jm, 23, 40)
    say(
        jm,
        "3号楼居民群",
        "小吕",
        "地下车库刚才砰的一声 一辆白车撞柱子上了 司机趴在方向盘上不动 喇叭一直响",
    )
    _at(jm, 23, 42)
    told = _texts(say(jm, "4号楼居民群", "阿强", "我也听到了 喇叭一直在响 吓死个人"))
    assert any("已有居民反映过" in t and "#1" in t for t in told), told


def test_check_a_neighbour_shut_in_by_the_battery_smoke_is_news_that_it_is_worse(
    jm: Simulator,
) -> None:
    _at(jm, 10, 0)
    say(jm, "1号楼居民群", "蒋师傅", "快来人 2单元楼梯底下那个电瓶车充着电 电池鼓包了嘶嘶冒烟")
    _at(jm, 10, 1)
    told = _texts(
        say(jm, "1号楼居民群", "801的", "我家门口楼道全是烟了 呛死了 带着孩子下不去楼 咋整")
    )
    assert any("情况加重" in t for t in told), told


def test_check_news_from_the_scene_of_an_unclaimed_danger_claims_it(jm: Simulator) -> None:
    _at(jm, 14, 0)
    say(jm, "金茂业主群", "小林", "小区池塘冰面上有个孩子掉下去了 在喊救命")
    _at(jm, 14, 10)
    told = _texts(say(jm, "第一网格党支部群", "马网格长", "#1 人拉上来了 在等120"))
    assert any("工单 #1 已由马网格长接单" in t for t in told), told


def test_check_thanks_that_a_battery_in_the_igniter_was_all_it_took_is_no_new_ticket(
    jm: Simulator,
) -> None:
    _at(jm, 17, 0)
    told = _texts(
        say(
            jm,
            "3号楼居民群",
            "谭先生",
            "燃气公司的人来过了 说是打火器电池没电 换了就好了 麻烦你们了",
        )
    )
    assert not any("已收到您反映的问题" in t for t in told), told
