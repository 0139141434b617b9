"""Day 57c leftovers and day 58 (docs/trials/day58/, a first contact on 3058ccb: a cold Saturday
afternoon and night in 幸福里社区): trial sentences ("trial") next to wordings of mine ("fresh").

The worst failures: the grid head's "6号那个漏水现在啥进展了" closed the leak and told the
resident the question as its result; the duty officer's real closing of the old woman found
behind her door was refused as looking like the street lamps (whose resident wrote 老太太); a
shift handover closed the street lamps; on-scene claims with a loose number ("33号 已经报110了
我跟保安过去看看") were only notes, so emergencies were escalated as unclaimed."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day52 import ZONE
from tests.test_conversations_day56 import _count, _ticket
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def at(sim: Simulator, hour: int, minute: int, day: int = 13) -> None:
    sim.clock.set(datetime(2029, 1, day, hour, minute, tzinfo=ZONE))


LEAK = "楼上602卫生间往我家漏水 天花板湿了一大片 敲门好几回了没人开 我家是502"


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("1号那个漏水现在啥进展了", id="trial-S34"),
        pytest.param("#1 漏水那个有没有进展", id="fresh"),
    ],
)
def test_trial_and_fresh_a_progress_question_with_a_number_closes_nothing(
    sim: Simulator, said: str
) -> None:
    at(sim, 14, 10)
    say(sim, "6号楼居民群", "吴大爷", LEAK)
    at(sim, 18, 50)
    told = _texts(say(sim, "第二网格党支部群", "赵网格长", said))
    assert _ticket(sim, 1).state == "open", told
    assert any("当前状态" in t for t in told), told


LAMPS = "北门外头马路上那几个路灯不亮好几天了 晚上黑咕隆咚的 老太太都不敢出门遛弯"
THUD = "对门王奶奶一个人住 刚才听见屋里咚的一声 喊她也不应 灯还亮着 4号楼2单元302"


def test_trial_a_thud_and_no_answer_behind_the_door_is_an_emergency_and_its_end_closes_it(
    sim: Simulator,
) -> None:
    at(sim, 16, 20)
    say(sim, "1号楼居民群", "李大爷", LAMPS)
    at(sim, 3, 10, day=14)
    paged = _texts(say(sim, "4号楼居民群", "杨姐", THUD))
    assert any("【紧急 #2】" in t for t in paged), paged  # never 可能紧急 (day 58 R62)
    at(sim, 3, 20, day=14)
    claimed = _texts(say(sim, "社区党委工作群", "刘值班", "2号 我过来 找物业拿备用钥匙"))
    assert _ticket(sim, 2).claimed_by == "刘值班", claimed
    worse = _texts(say(sim, "4号楼居民群", "杨姐", "还是没动静 从猫眼看好像有人躺地上"))
    assert any("情况加重" in t for t in worse), worse
    assert _count(sim) == 2, worse  # no second page of her own danger (R63)
    at(sim, 3, 40, day=14)
    closed = _texts(
        say(sim, "社区党委工作群", "刘值班", "2号 开门进去了 老太太起夜摔了 人是清醒的 120拉走了")
    )
    assert _ticket(sim, 2).state == "resolved", closed
    assert _ticket(sim, 1).state == "open", closed


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "夜班交接一下 昨晚几个紧急的都处理完了 白班的同事注意看下4号楼那个老太太家属有没有回来",
            id="trial-S62",
        ),
        pytest.param("交班了 昨天夜里三件紧急的都处理好了 路灯的事白班跟进", id="fresh"),
    ],
)
def test_trial_and_fresh_a_shift_handover_closes_no_ticket(sim: Simulator, said: str) -> None:
    at(sim, 16, 20)
    say(sim, "1号楼居民群", "李大爷", LAMPS)
    at(sim, 7, 50, day=14)
    told = _texts(say(sim, "社区党委工作群", "刘值班", said))
    assert _ticket(sim, 1).state == "open", told


FIGHT = "东门外烧烤摊那边几个喝多的打起来了 有人抄酒瓶子 好像有人头破了"
GARBAGE = "六号楼门口好几袋垃圾两天没人收了 又臭又招野猫"


@pytest.mark.parametrize(
    ("group", "sender", "report", "said"),
    [
        pytest.param(
            "幸福里业主群",
            "社区党委工作群",
            FIGHT,
            "1号 已经报110了 我跟保安过去看看",
            id="trial-S52",
        ),
        pytest.param(
            "6号楼居民群",
            "物业服务中心群",
            GARBAGE,
            "1号 今天保洁请假了 明天一早就清",
            id="trial-S31",
        ),
        pytest.param(
            "6号楼居民群", "6号楼党小组", GARBAGE, "1号 垃圾车晚上八点来拉 我盯着", id="fresh"
        ),
    ],
)
def test_trial_and_fresh_someone_on_it_or_a_plan_after_a_loose_number_claims(
    sim: Simulator, group: str, sender: str, report: str, said: str
) -> None:
    at(sim, 17, 50)
    say(sim, group, "居民", report)
    if sender == "物业服务中心群":
        say(sim, "6号楼党小组", "吴敏", "1 转物业")
    at(sim, 18, 10)
    staff = {"社区党委工作群": "刘值班", "物业服务中心群": "钱经理", "6号楼党小组": "吴敏"}[sender]
    told = _texts(say(sim, sender, staff, said))
    assert _ticket(sim, 1).claimed_by == staff, told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("电梯关人那个我知道了 马上下去 已经打给维保了", id="trial-S01"),
        pytest.param("电梯的我知道了 这就下去 电话打给维保了", id="fresh"),
    ],
)
def test_trial_and_fresh_going_down_after_calling_the_repairer_claims_the_stuck_lift(
    sim: Simulator, said: str
) -> None:
    at(sim, 13, 10)
    say(sim, "5号楼居民群", "小周媳妇", "电梯卡在七楼八楼中间不动了 我老公在里面 按了警铃没人应")
    at(sim, 13, 20)
    told = _texts(say(sim, "5号楼党小组", "周海", said))
    assert _ticket(sim, 1).claimed_by == "周海", told


def test_trial_a_volunteer_call_without_together_is_an_activity_and_neighbours_sign_up(
    sim: Simulator,
) -> None:
    at(sim, 18, 20)
    call = "明早八点在三号楼门口集合 把楼前的冰铲一铲 省得老人摔跤 有空的下来搭把手 铁锹社区有"
    told = _texts(say(sim, "3号楼居民群", "刘志强", call))
    assert any("已发布活动" in t and "楼前的冰铲一铲" in t for t in told), told
    assert _count(sim) == 0, told
    at(sim, 18, 30)
    for sender, said in [
        ("张阿姨", "我去 带上我家孙子 他放寒假了正好干点活"),
        ("孙姐", "算上我 我家有铁锹自己带"),
        ("老钱", "八点有点早 我八点半到行不 也算我一个吧"),
    ]:
        signed = _texts(say(sim, "3号楼居民群", sender, said))
        assert any("已为您报名" in t for t in signed), (said, signed)
    at(sim, 7, 20, day=14)
    fewer = _texts(say(sim, "3号楼居民群", "张阿姨", "孙子起不来 就我一个人去铲冰了"))
    assert any("已改为1人" in t for t in fewer), fewer
    assert _count(sim) == 0, fewer  # never an emergency (R67)


def test_trial_leave_from_the_one_meeting_open_beside_a_volunteer_call(sim: Simulator) -> None:
    at(sim, 15, 50)
    say(
        sim, "3号楼居民群", "刘志强", "明早八点在三号楼门口集合 一起把楼前的冰铲一铲 有空的来搭把手"
    )
    say(
        sim,
        "5号楼党小组",
        "周海",
        "明晚七点半在社区一楼会议室开个党小组会 说说冬天楼道巡查的事 大家都来啊",
    )
    at(sim, 16, 0)
    told = _texts(say(sim, "5号楼党小组", "王书记", "明晚我在区里开会 去不了了 请个假"))
    assert any("已为您请假" in t and "党小组会" in t for t in told), told


def test_trial_who_the_fallen_man_is_goes_on_his_page_never_a_ticket_of_its_own(
    sim: Simulator,
) -> None:
    at(sim, 17, 20)
    say(
        sim,
        "2号楼居民群",
        "小陈",
        "2号楼门口有个老爷子摔倒了 躺地上起不来 后脑勺在流血 我们不敢动他",
    )
    at(sim, 17, 30)
    told = say(sim, "2号楼居民群", "小陈", "是5单元的老高 家里没人 谁有他儿子电话")
    assert _count(sim) == 1, _texts(told)
    assert any(n.group == "2号楼党小组" and "老高" in n.text for n in told), _texts(told)


def test_trial_a_boy_dressed_as_the_one_searched_for_seen_from_another_building_is_a_lead(
    sim: Simulator,
) -> None:
    at(sim, 19, 20)
    say(
        sim,
        "6号楼居民群",
        "何姐",
        "6号楼2单元 我家孩子七点下楼玩到现在还没回来 7岁男孩 穿红羽绒服 小区里找遍了",
    )
    at(sim, 19, 30)
    told = say(
        sim, "1号楼居民群", "马师傅", "刚才在东门超市门口看到个穿红羽绒服的小男孩 一个人在那看玩具"
    )
    assert _count(sim) == 1, _texts(told)
    assert any(n.group == "6号楼党小组" and "线索" in n.text for n in told), _texts(told)


def test_trial_the_gas_company_come_is_news_for_the_one_who_paged_it(sim: Simulator) -> None:
    at(sim, 15, 0)
    say(
        sim,
        "4号楼居民群",
        "郑大姐",
        "4号楼1单元楼道里一股煤气味 很冲 不知道谁家的 我在三楼都呛得慌",
    )
    at(sim, 15, 20)
    told = say(
        sim,
        "4号楼居民群",
        "郑大姐",
        "燃气公司的人来了 说是二楼老陈家灶台阀门没关严 现在窗户都打开了 味儿淡多了",
    )
    assert any(n.group == "4号楼党小组" and "燃气公司的人来了" in n.text for n in told), told


def test_trial_a_neighbours_noise_is_no_more_of_her_square_dance_ticket(sim: Simulator) -> None:
    at(sim, 19, 10)
    say(sim, "4号楼居民群", "郑大姐", "广场上跳舞的动静太大了 窗户关着都震得慌")
    at(sim, 22, 10)
    told = _texts(
        say(
            sim, "4号楼居民群", "郑大姐", "楼上403这么晚了还在剁馅子 咚咚咚的 都十点多了 孩子睡不着"
        )
    )
    assert _count(sim) == 2, told
    assert _ticket(sim, 2).room == "403", told


def test_trial_rubbish_heaped_is_the_rubbish_not_collected(sim: Simulator) -> None:
    at(sim, 17, 50)
    say(sim, "6号楼居民群", "冯姐", GARBAGE)
    at(sim, 18, 50)
    told = _texts(say(sim, "幸福里业主群", "陈先生", "六号楼那边垃圾堆成山了 臭死了 物业干啥吃的"))
    assert _count(sim) == 1, told
    assert any("已有居民反映过" in t for t in told), told


def test_trial_a_night_question_for_a_chemist_is_answered_never_silence(sim: Simulator) -> None:
    at(sim, 2, 0, day=14)
    told = _texts(
        say(
            sim,
            "5号楼居民群",
            "小周媳妇",
            "孩子发烧39度多 吃了退烧药不退 附近有没有半夜开门的药店啊",
        )
    )
    assert any("已收到" in t for t in told), told


def test_trial_a_smoking_battery_gets_advice_for_a_battery_not_for_gas(sim: Simulator) -> None:
    at(sim, 21, 10)
    told = _texts(
        say(
            sim,
            "1号楼居民群",
            "小林",
            "1号楼1单元楼道里电动车电瓶在冒烟 一股塑料烧糊的味 谁在楼道里充电了",
        )
    )
    assert any("远离冒烟的电瓶" in t for t in told), told
    assert not any("燃气阀" in t for t in told), told


def test_trial_a_claim_pointing_at_the_ticket_tells_the_resident_no_stray_words(
    sim: Simulator,
) -> None:
    at(sim, 22, 30)
    say(sim, "2号楼居民群", "小陈", "二楼的生控灯也坏了 上下楼黑乎乎的 明天有人来修吗")
    at(sim, 7, 20, day=14)
    told = _texts(say(sim, "2号楼党小组", "陈桂兰", "1号灯的 我来"))
    assert _ticket(sim, 1).claimed_by == "陈桂兰", told
    assert not any("灯的。" in t for t in told), told


# Day 57c (docs/trials/day57c/: 金茂, a first contact on 67e05ad)


def test_trial_57c_ice_at_the_gate_told_in_a_buildings_chat_goes_to_the_grid(jm: Simulator) -> None:
    at(jm, 7, 10)
    told = say(jm, "2号楼居民群", "黄奶奶", "南门口那块地结冰了 滑得很 老人小孩容易摔 物业撒点盐吧")
    assert _ticket(jm, 1).assigned_group == "第一网格党支部群", _texts(told)
    assert _ticket(jm, 1).building is None, _texts(told)


def test_trial_57c_a_rumour_is_no_news_of_her_window_ticket(jm: Simulator) -> None:
    at(jm, 6, 0)
    say(jm, "4号楼居民群", "小林", "4号楼3单元楼道窗户玻璃碎了 风呼呼往里灌")
    at(jm, 6, 40)
    assert say(jm, "4号楼居民群", "小林", "听说明天要停水 我先接了两桶存着") == []


@pytest.mark.parametrize(
    "asked",
    [
        pytest.param("张老太那边到底谁去看了 一晚上没消息", id="trial-R55"),
        pytest.param("刚才那个张老太的事有人去看了吗", id="trial-R37"),
    ],
)
def test_trial_57c_asking_who_went_after_the_visit_is_told_the_outcome_never_reopens(
    jm: Simulator, asked: str
) -> None:
    at(jm, 18, 0)
    say(
        jm, "1号楼居民群", "陈大妈", "1号楼3单元402的张老太一个人住 今天一天没见她下楼 敲门也没人应"
    )
    say(jm, "1号楼党小组", "何军", "#1 接单")
    at(jm, 19, 45)
    say(jm, "1号楼党小组", "何军", "#1 去看过了 张老太感冒了在床上躺着 给她买了药和面条 已处理")
    at(jm, 20, 45)
    told = _texts(say(jm, "1号楼居民群", "陈大妈", asked))
    assert any("何军" in t and "买了药和面条" in t for t in told), told
    assert _ticket(jm, 1).state == "resolved", told


# Day 58b (docs/trials/day58b/: unseen wording in 金茂 on c7bb4cf)


def test_unseen_58b_an_activity_told_in_everyday_words_takes_sign_ups_and_places(
    jm: Simulator,
) -> None:
    at(jm, 11, 0, day=17)
    call = (
        "各位邻居 这周六上午九点半在社区活动室写春联送福字 请了书法老师现场写 大人孩子都能来 "
        "限30人 想来的群里说一声"
    )
    told = _texts(say(jm, "金茂业主群", "孟书记", call))
    assert any("写春联送福字" in t and "名额：30人" in t for t in told), told
    at(jm, 11, 10, day=17)
    signed = _texts(say(jm, "金茂业主群", "王阿姨", "我和老伴都去"))
    assert any("共2人" in t for t in signed), signed


def test_unseen_58b_a_meeting_of_no_preset_kind_and_leave_from_it_with_an_emergency_open(
    jm: Simulator,
) -> None:
    at(jm, 16, 20, day=17)
    say(jm, "4号楼居民群", "小赵", "4号楼2单元的刘奶奶 敲门里面有哼哼声 就是不开门")
    at(jm, 16, 30, day=17)
    told = _texts(
        say(
            jm,
            "社区党委工作群",
            "孟书记",
            "明天下午三点在社区二楼会议室开个冬季安全工作会 大家都参加一下",
        )
    )
    assert any("冬季安全工作会" in t and "已发布活动" in t for t in told), told
    leave = _texts(say(jm, "社区党委工作群", "高值班", "明天下午我得陪我妈去医院 请个假"))
    assert any("已为您请假" in t for t in leave), leave


def test_unseen_58b_a_transfer_said_after_the_work_with_the_number_at_the_end(
    jm: Simulator,
) -> None:
    at(jm, 9, 20, day=17)
    say(jm, "1号楼居民群", "小陈", "1栋电梯又停了 停在7楼不动 显示屏都是黑的 里面没人")
    at(jm, 9, 40, day=17)
    told = _texts(say(jm, "1号楼党小组", "何军", "电梯看了 主板烧了 我们修不了 1号转物业"))
    assert _ticket(jm, 1).assigned_group == "物业服务中心群", told


@pytest.mark.parametrize(
    ("said", "state"),
    [
        pytest.param("1号 老人已送市二院 女儿赶过去了", "resolved", id="unseen-S20"),
        pytest.param("1号 我一起弄", "claimed", id="unseen-S08"),
    ],
)
def test_unseen_58b_staff_words_after_a_loose_number(jm: Simulator, said: str, state: str) -> None:
    at(jm, 11, 0, day=17)
    say(jm, "4号楼居民群", "小赵", "4号楼2单元的刘奶奶 敲门里面有哼哼声 就是不开门")
    at(jm, 11, 30, day=17)
    told = _texts(say(jm, "社区党委工作群", "高值班", said))
    assert _ticket(jm, 1).state == state, told


def test_unseen_58b_the_shopping_brought_closes_the_one_care_ticket_in_hand(jm: Simulator) -> None:
    at(jm, 10, 0, day=17)
    say(
        jm,
        "3号楼居民群",
        "黄奶奶",
        "我是3单元101的 一个人住 腿脚不好 下雪出不了门 家里米快吃完了 谁能帮我买点",
    )
    say(jm, "3号楼党小组", "韩涛", "#1 接单")
    at(jm, 12, 40, day=17)
    told = _texts(say(jm, "3号楼党小组", "韩涛", "米买好了 送到黄奶奶家了 顺手帮她把垃圾带下去了"))
    assert _ticket(jm, 1).state == "resolved", told


def test_unseen_58b_relief_after_the_fix_is_satisfied(jm: Simulator) -> None:
    at(jm, 15, 0, day=17)
    say(jm, "4号楼居民群", "小吴", "4号楼2单元楼道灯坏了 晚上黑乎乎的")
    say(jm, "4号楼党小组", "唐静", "#1 灯换好了")
    at(jm, 16, 20, day=17)
    told = _texts(say(jm, "4号楼居民群", "小吴", "灯亮了 晚上回家不怕了"))
    assert any("满意" in t for t in told), told


def test_unseen_58b_help_come_to_the_garage_is_news_of_the_danger_there(jm: Simulator) -> None:
    at(jm, 21, 0, day=17)
    say(jm, "金茂业主群", "老钱", "地下车库两个人为了抢车位打起来了 有一个头破了")
    at(jm, 21, 10, day=17)
    told = say(jm, "金茂业主群", "小林", "车库那边警察来了")
    assert _count(jm) == 1, _texts(told)
    assert any("居民补充" in n.text and "警察来了" in n.text for n in told), _texts(told)


def test_unseen_58b_whether_the_water_is_cut_asked_is_a_question_for_staff(jm: Simulator) -> None:
    at(jm, 9, 30, day=17)
    told = _texts(say(jm, "3号楼居民群", "孙叔", "真的假的 明天到底停不停水 有没有官方通知啊"))
    assert any("已收到" in t for t in told), told


def test_unseen_58b_staff_writing_a_number_in_a_residents_chat_is_pointed_to_the_work_group(
    jm: Simulator,
) -> None:
    at(jm, 18, 20, day=17)
    say(jm, "金茂业主群", "王阿姨", "写春联要自己带笔墨吗")
    at(jm, 18, 30, day=17)
    told = _texts(say(jm, "金茂业主群", "孟书记", "#1 笔墨纸都准备好了 人来就行"))
    assert any("请在工作群回复" in t for t in told), told


# Day 58c (docs/trials/day58c/: unseen wording in 幸福里 on 73fd306, the eve of the holiday)


@pytest.mark.parametrize(
    ("said", "claimed"),
    [
        pytest.param("1号 我和保安下车库了", True, id="unseen-S47"),
        pytest.param("1号 我在往车库赶 物业师傅也通知了", True, id="unseen-S31"),
    ],
)
def test_unseen_58c_going_there_after_a_loose_number_claims_never_closes(
    sim: Simulator, said: str, claimed: bool
) -> None:
    at(sim, 5, 50, day=10)
    say(sim, "幸福里业主群", "陈先生", "地下车库b区有辆电动车那冒烟 一股焦糊味 挺呛的")
    at(sim, 6, 3, day=10)
    told = _texts(say(sim, "社区党委工作群", "刘值班", said))
    assert _ticket(sim, 1).state == "claimed", told
    at(sim, 6, 20, day=10)
    over = _texts(
        say(sim, "社区党委工作群", "刘值班", "车库那个是电瓶车充电线烧了 插头拔了 灭了 没事了")
    )
    assert _ticket(sim, 1).state == "resolved", over


def test_unseen_58c_someone_reached_and_coming_later_is_no_closing(sim: Simulator) -> None:
    at(sim, 10, 30, day=9)
    say(sim, "1号楼居民群", "李姐", "楼上602往我家漏水 卫生间顶上一直滴 敲门没人")
    say(sim, "1号楼党小组", "张建国", "#1 接单")
    at(sim, 11, 12, day=9)
    told = _texts(
        say(sim, "1号楼党小组", "张建国", "1号 602业主电话打通了 人在老家 说让他亲戚下午过来开门")
    )
    assert _ticket(sim, 1).state == "claimed", told


def test_unseen_58c_a_patrol_needing_volunteers_is_an_activity_with_places(sim: Simulator) -> None:
    at(sim, 18, 5, day=9)
    call = "今晚八点到十点在小区里巡逻 主要看着点放炮的 需要10个志愿者 晚上七点五十东门集合 愿意来的说一声"
    told = _texts(say(sim, "幸福里业主群", "王书记", call))
    assert any("巡逻" in t and "名额：10人" in t for t in told), told
    signed = _texts(say(sim, "幸福里业主群", "陈先生", "巡逻那个算我一个"))
    assert any("已为您报名" in t for t in signed), signed


def test_unseen_58c_a_quarrels_retort_and_night_firecrackers(sim: Simulator) -> None:
    at(sim, 10, 40, day=9)
    assert say(sim, "3号楼居民群", "刘大妈", "你家又不住我楼下 站着说话不腰疼") == []
    say(sim, "6号楼居民群", "小吴", "楼上都要放假了还在打电钻 吵死了")
    at(sim, 23, 30, day=9)
    say(sim, "6号楼居民群", "小吴", "都几点了还放炮 孩子吓醒了哇哇哭")
    assert _count(sim) == 2  # the firecrackers are no more of the drilling (R52)


def test_unseen_58c_a_lawn_on_fire_with_high_flames_is_an_emergency(sim: Simulator) -> None:
    at(sim, 21, 0, day=9)
    told = _texts(say(sim, "1号楼居民群", "小孙", "1号楼后头草坪着了 估计是炮仗崩的 火苗窜得老高"))
    assert any("【紧急 #1】" in t for t in told), told


def test_unseen_58c_a_gate_told_in_a_buildings_chat_is_the_compounds(sim: Simulator) -> None:
    at(sim, 1, 30, day=10)
    told = _texts(
        say(sim, "2号楼居民群", "小林", "刚下夜班回来 小区东门的道闸杆断了 横在路中间 车都进不来")
    )
    assert _ticket(sim, 1).assigned_group == "社区党委工作群", told
