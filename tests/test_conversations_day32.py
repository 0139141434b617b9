"""Day 32 (docs/trials/day32/report.md, first contact on 3faf2ec): trial sentences ("trial")
next to wordings of mine ("fresh").

1. good news is never paged as worse: a fall found behind the door, told unhurt ("人清醒 120说没
   大事", R57); a gas leak whose valve was found open and closed ("…阀门没关严 关上了", R89);
2. the heating back, told by its reporter ("来暖气了 摸着烫手了", R36), is news of her ticket;
3. only where, told soon after one's own ticket ("补充一下 我家是2单元402", "是一单元那部"):
   the place goes on that ticket (R12, R19);
4. sign-ups: the answer to the bot's "请问报名哪个活动？" ("扫雪那个", R34), and the event
   pointed at, then wanting to go ("送温暖那个我想去 我以前在医院当过护士", R29)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.models import Ticket
from service.tickets import jobs
from tests.test_conversations_day22 import ZONE, _at
from tests.test_conversations_resid16 import _tickets
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

SNOW = "通知 12月18日8:00 志愿扫雪 地点:小区主干道 对象:1号楼居民群、2号楼居民群 名额:20 时长:2小时"
WARMTH = (
    "通知 12月19日9:00 冬季送温暖入户走访 地点:社区服务站门口集合 "
    "对象:1号楼居民群、2号楼居民群 名额:8 时长:3小时"
)
BEHIND_THE_DOOR = (
    "对门独居的孙奶奶 刚才听见她屋里咣当一声 然后有哼哼的声音 敲门半天不开 6号楼2单元702"
)


@pytest.mark.parametrize(
    "news",
    [
        pytest.param(
            "门开了 孙奶奶是起夜摔在卫生间了 人清醒 120说没大事 她儿子马上到", id="trial-R57"
        ),
        pytest.param("开了 老太太摔倒在客厅了 医生看了说问题不大 家里人来了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_fall_found_and_told_unhurt_is_over_news_never_paged_as_worse(
    sim: Simulator, news: str
) -> None:
    _at(sim, 12, 55)
    say(sim, "6号楼居民群", "郭阿姨", BEHIND_THE_DOOR)
    _at(sim, 13, 15)
    texts = _texts(say(sim, "6号楼居民群", "郭阿姨", news))
    assert not any("情况加重" in t for t in texts), texts
    assert any("居民称险情已解除" in t for t in texts), texts


def test_fresh_a_fall_found_with_the_person_still_on_the_floor_is_still_worse_news(
    sim: Simulator,
) -> None:
    _at(sim, 12, 55)
    say(sim, "6号楼居民群", "郭阿姨", BEHIND_THE_DOOR)
    _at(sim, 13, 15)
    texts = _texts(
        say(sim, "6号楼居民群", "郭阿姨", "门开了 孙奶奶摔在卫生间了 起不来 叫她也不太应")
    )
    assert not any("居民称险情已解除" in t for t in texts), texts


@pytest.mark.parametrize(
    "over",
    [
        pytest.param(
            "燃气公司的人来了 说是402家炉子阀门没关严 关上了 开窗散散就行", id="trial-R89"
        ),
        pytest.param("找到了 是301灶台的阀门没关严 已经关严了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_gas_valve_found_open_and_closed_ends_the_gas_page(
    sim: Simulator, over: str
) -> None:
    _at(sim, 23, 40)
    say(sim, "3号楼居民群", "小何", "楼道里好大一股煤气味 2单元四楼那块最浓 越闻越冲")
    sim.clock.advance(timedelta(minutes=15))
    texts = _texts(say(sim, "3号楼居民群", "小何", over))
    assert any("居民称险情已解除" in t for t in texts), texts
    assert not any("不要点火" in t for t in texts), texts  # no gas advice again


@pytest.mark.parametrize(
    "back",
    [
        pytest.param("来暖气了 摸着烫手了 谢谢啊", id="trial-R36"),
        pytest.param("暖气来了 屋里热乎了", id="fresh"),
    ],
)
def test_trial_and_fresh_the_heating_back_told_by_its_reporter_is_news_of_her_ticket(
    sim: Simulator, back: str
) -> None:
    _at(sim, 7, 25)
    say(sim, "1号楼居民群", "王秀英", "2单元601暖气一点都不热 不是说今天开始供暖吗 摸着冰凉冰凉的")
    _at(sim, 11, 45)
    texts = _texts(say(sim, "1号楼居民群", "王秀英", back))
    assert any("【工单 #1 居民称已恢复】" in t for t in texts), texts


def _place(sim: Simulator, ticket_id: int) -> tuple[str | None, str | None, str | None]:
    with sim.core.factory() as session:
        t = session.scalars(select(Ticket).where(Ticket.id == ticket_id)).one()
        return t.building, t.unit, t.room


@pytest.mark.parametrize(
    ("chat", "first", "then", "place"),
    [
        pytest.param(
            "2号楼居民群",
            "暖器片咕噜咕噜响 跟烧开水似的 上面热下面凉 是不是里面有空气啊 谁知道咋放气",
            "补充一下 我家是2单元402",
            ("2", "2", "402"),
            id="trial-R12",
        ),
        pytest.param(
            "6号楼居民群",
            "电梯卡住了 我老公在里面 卡在11楼和12楼中间 他打电话说按了铃没人理",
            "是一单元那部",
            ("6", "1", None),
            id="trial-R19",
        ),
        pytest.param(
            "5号楼居民群",
            "卫生间顶上一直滴水 应该是楼上漏的",
            "忘了说 我是3单元201的",
            ("5", "3", "201"),
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_only_where_told_soon_after_ones_own_ticket_goes_on_it(
    sim: Simulator,
    chat: str,
    first: str,
    then: str,
    place: tuple[str, str, str | None],
) -> None:
    _at(sim, 8, 0)
    say(sim, chat, "居民", first)
    _at(sim, 8, 20)
    texts = _texts(say(sim, chat, "居民", then))
    assert any("工单 #1" in t and "地点已补充" in t for t in texts), texts
    assert any("【工单 #1 补充地点】" in t for t in texts), texts
    assert _place(sim, 1) == place
    assert len(_tickets(sim)) == 1


def test_fresh_a_place_contradicting_ones_ticket_or_told_hours_later_is_not_put_on_it(
    sim: Simulator,
) -> None:
    _at(sim, 8, 0)
    say(sim, "2号楼居民群", "小刘", "2单元楼道灯不亮了 晚上黑咕隆咚")
    _at(sim, 8, 20)
    say(sim, "2号楼居民群", "小刘", "我家是3单元402")
    assert _place(sim, 1) == ("2", "2", None)
    _at(sim, 8, 30)
    say(sim, "2号楼居民群", "老郑", "暖气片不热 摸着冰凉")
    _at(sim, 11, 0)
    say(sim, "2号楼居民群", "老郑", "我是1单元301的")
    assert _place(sim, 2) == ("2", None, None)


def test_trial_the_answer_to_which_event_signs_up_for_the_one_it_names(sim: Simulator) -> None:
    _at(sim, 7, 0)
    say(sim, "社区党委工作群", "王书记", SNOW)
    say(sim, "第一网格党支部群", "李网格长", WARMTH)
    _at(sim, 11, 20)
    asked = _texts(say(sim, "1号楼居民群", "老周", "我也报名"))
    assert any("请问报名哪个活动" in t for t in asked), asked
    _at(sim, 11, 25)
    texts = _texts(say(sim, "1号楼居民群", "老周", "扫雪那个"))
    assert any("已为您报名" in t and "志愿扫雪" in t for t in texts), texts
    assert not _tickets(sim)


def test_fresh_an_event_named_by_someone_not_asked_or_long_after_is_no_answer(
    sim: Simulator,
) -> None:
    _at(sim, 7, 0)
    say(sim, "社区党委工作群", "王书记", SNOW)
    say(sim, "第一网格党支部群", "李网格长", WARMTH)
    _at(sim, 11, 20)
    say(sim, "1号楼居民群", "老周", "我也报名")
    _at(sim, 11, 25)
    texts = _texts(say(sim, "1号楼居民群", "老李", "送温暖那个"))
    assert not any("已为您报名" in t for t in texts), texts
    _at(sim, 12, 30)
    texts = _texts(say(sim, "1号楼居民群", "老周", "送温暖那个"))
    assert not any("已为您报名" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("送温暖那个我想去 我以前在医院当过护士 能给老人量量血压", id="trial-R29"),
        pytest.param("走访那个活动我也想参加 我有空", id="fresh"),
    ],
)
def test_trial_and_fresh_the_event_pointed_at_then_wanting_to_go_signs_up(
    sim: Simulator, text: str
) -> None:
    _at(sim, 7, 0)
    say(sim, "社区党委工作群", "王书记", SNOW)
    say(sim, "第一网格党支部群", "李网格长", WARMTH)
    _at(sim, 10, 55)
    texts = _texts(say(sim, "1号楼居民群", "赵大姐", text))
    assert any("已为您报名" in t and "冬季送温暖入户走访" in t for t in texts), texts
    assert not _tickets(sim)


def test_fresh_wanting_to_go_somewhere_else_is_no_sign_up(sim: Simulator) -> None:
    _at(sim, 7, 0)
    say(sim, "社区党委工作群", "王书记", SNOW)
    _at(sim, 10, 55)
    texts = _texts(say(sim, "1号楼居民群", "小刘", "周末我想去商场 有人一起吗"))
    assert not any("已为您报名" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "2单元楼道里那根水管冻裂了 水哗哗往下淌 台阶上全冻成冰了 一楼门口都是水", id="trial-R54"
        ),
        pytest.param("楼梯间的水管冻爆了 水哗哗地流 地上都结冰了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_pipe_burst_by_frost_with_water_pouring_is_paged(
    sim: Simulator, text: str
) -> None:
    """Ice alone is a repair (结冰 cancels a flood); a pipe burst by frost with water still
    pouring is the flood it is."""
    _at(sim, 9, 0)
    say(sim, "2号楼居民群", "吴先生", text)
    assert [t[3] for t in _tickets(sim)] == [True]


def test_fresh_steps_iced_over_are_a_repair_not_a_page(sim: Simulator) -> None:
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "张阿姨", "楼门口台阶结冰了 哗哗的滑 物业撒点盐吧")
    assert [t[3] for t in _tickets(sim)] == [False]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "1号楼3单元302 暖气片接头崩开了 热水呲呲往外喷 满屋子都是蒸汽 水都漫到客厅了 家里就我和孩子",
            id="trial-R40",
        ),
        pytest.param("卫生间热水管崩开了 热水哧哧往外滋 烫得不敢进去", id="fresh"),
    ],
)
def test_trial_and_fresh_hot_water_hissing_from_a_burst_joint_is_a_flood_not_gas(
    sim: Simulator, text: str
) -> None:
    _at(sim, 14, 0)
    texts = _texts(say(sim, "1号楼居民群", "林女士", text))
    assert [(t[2], t[3]) for t in _tickets(sim)] == [("水淹危险", True)]
    assert not any("燃气" in t for t in texts), texts  # no gas advice to a mother with a child


def test_fresh_a_gas_pipe_hissing_is_still_gas(sim: Simulator) -> None:
    _at(sim, 14, 0)
    say(sim, "1号楼居民群", "老王", "厨房煤气管子呲呲响 一股臭鸡蛋味")
    assert [(t[2], t[3]) for t in _tickets(sim)] == [("燃气泄漏", True)]


@pytest.mark.parametrize(
    ("said", "reading"),
    [
        pytest.param("维修维护 供暖 是暖气片接头崩了 不是煤气", "维修维护·供暖", id="trial-S18"),
        pytest.param("矛盾调处 噪音 其实是楼上装修", "矛盾调处·噪音", id="fresh"),
    ],
)
def test_trial_and_fresh_a_recategorisation_with_its_reason_after_is_applied(
    sim: Simulator, said: str, reading: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "刘阿姨", "3号楼2单元楼道灯坏了 晚上黑漆漆的")
    texts = _texts(say(sim, "3号楼党小组", "刘志强", f"#1 改类 {said}"))
    assert any(f"→ {reading}" in t for t in texts), texts


@pytest.mark.parametrize(
    "closing",
    [
        pytest.param("1号单子 师傅修完了 换了个新阀门", id="trial-S73"),
        pytest.param("1号单子修完了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_ticket_named_as_its_slip_and_told_mended_is_closed(
    sim: Simulator, closing: str
) -> None:
    _at(sim, 16, 40)
    say(sim, "1号楼居民群", "老刘", "卫生间水管滴水 一直往下滴 我家3单元202")
    _at(sim, 18, 0)
    texts = _texts(say(sim, "1号楼党小组", "张建国", closing))
    assert any("工单 #1 已办结" in t for t in texts), texts


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("不响了 这回能睡个好觉了", id="trial-P22"),
        pytest.param("终于不吵了", id="fresh"),
    ],
)
def test_trial_and_fresh_quiet_again_after_the_fix_is_satisfied(
    sim: Simulator, answer: str
) -> None:
    _at(sim, 21, 0)
    say(sim, "1号楼居民群", "何大爷", "暖气管子一直咣咣响 吵得睡不着 1单元")
    _at(sim, 21, 30)
    say(sim, "1号楼党小组", "张建国", "#1 热力公司排完气了 不响了 已处理")
    _at(sim, 21, 40)
    texts = _texts(say(sim, "1号楼居民群", "何大爷", answer))
    assert any("已按“满意”记下" in t for t in texts), texts


def _night_report_and_a_lamp_waiting(sim: Simulator) -> None:
    _at(sim, 9, 0)
    say(sim, "2号楼居民群", "老王", "2号楼门口的路灯不亮了")
    _at(sim, 23, 5)
    say(sim, "2号楼居民群", "小刘", "楼顶的雪化了顺着楼道往下流 5楼楼道全是水 电表箱那块也湿了")


@pytest.mark.parametrize(
    "claim",
    [
        pytest.param("收到 我马上下楼看看", id="trial-S77"),
        pytest.param("收到 我这就过去看看", id="fresh"),
    ],
)
def test_trial_and_fresh_on_it_minutes_after_a_report_claims_that_report(
    sim: Simulator, claim: str
) -> None:
    _night_report_and_a_lamp_waiting(sim)
    sim.clock.advance(timedelta(minutes=10))
    texts = _texts(say(sim, "2号楼党小组", "陈桂兰", claim))
    assert any("工单 #2 已由陈桂兰接单" in t for t in texts), texts


def test_trial_a_closing_in_words_of_ones_own_note_closes_that_ticket(sim: Simulator) -> None:
    _night_report_and_a_lamp_waiting(sim)
    sim.clock.advance(timedelta(minutes=10))
    say(sim, "2号楼党小组", "陈桂兰", "#2 我去看看")
    sim.clock.advance(timedelta(minutes=15))
    say(sim, "2号楼党小组", "陈桂兰", "#2 看过了 是楼道窗户没关雪飘进来化了 电表箱是干的")
    sim.clock.advance(timedelta(minutes=20))
    texts = _texts(say(sim, "2号楼党小组", "陈桂兰", "拖干净了 窗户也关上了 弄好了"))
    assert any("工单 #2 已办结" in t for t in texts), texts


def test_trial_staff_chat_pointing_at_another_matter_is_no_progress_of_a_ticket(
    sim: Simulator,
) -> None:
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "张阿姨", "咱们楼门口那几个台阶全冻上了 跟溜冰场似的 物业能不能撒点盐")
    say(sim, "3号楼居民群", "张阿姨", "刚才差点又摔了")
    _at(sim, 23, 30)
    texts = _texts(say(sim, "3号楼党小组", "刘志强", "刚才那个暖气的事 明天再说吧"))
    assert not any("工单 #1" in t for t in texts), texts
    texts = _texts(say(sim, "3号楼党小组", "刘志强", "刚才那个台阶的事 撒了盐了 明天再看看"))
    assert any("已记入工单 #1" in t for t in texts), texts


@pytest.mark.parametrize(
    "drip",
    [
        pytest.param(
            "楼上晾的衣服一直往我家阳台滴水 滴到我晾的被子上了 都结冰碴了 说了好几次也不管",
            id="trial-R25",
        ),
        pytest.param("二楼晒的衣服在滴水 楼下过道都结冰了", id="fresh"),
    ],
)
def test_trial_and_fresh_washing_dripping_is_never_the_frozen_tap_though_both_drip(
    sim: Simulator, drip: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "2号楼居民群", "邻居老郑", "1单元门口的水龙头冻住了 还往外渗水结了一大片冰")
    _at(sim, 9, 0)
    texts = _texts(say(sim, "2号楼居民群", "吴先生", drip))
    assert not any("已有居民反映过" in t for t in texts), texts
    _at(sim, 10, 0)
    texts = _texts(say(sim, "2号楼居民群", "老孙", "1单元门口那个水龙头还在渗水 冰越来越厚了"))
    assert any("工单 #1" in t for t in texts), texts


def test_unseen_day33_a_second_witness_naming_a_unit_is_no_place_of_her_own_ticket(
    sim: Simulator,
) -> None:
    """Day 33 R70 (first contact on f7778ae): "是的我也闻到了 二单元上楼一股味" tells a smell, not
    only where; it had gone on her sign-up ticket as its place."""
    _at(sim, 18, 0)
    say(sim, "5号楼居民群", "秦奶奶", "楼道灯坏了 晚上黑乎乎的")
    _at(sim, 18, 20)
    say(sim, "5号楼居民群", "小马", "5号楼2单元楼道里好大一股煤气味 越来越冲")
    _at(sim, 18, 30)
    texts = _texts(say(sim, "5号楼居民群", "秦奶奶", "是的我也闻到了 二单元上楼一股味"))
    assert not any("地点已补充" in t for t in texts), texts
    assert any("工单 #2" in t for t in texts), texts


def test_unseen_day33_the_duty_officer_on_an_alerted_emergency_claims_it_not_the_groups_own(
    sim: Simulator,
) -> None:
    """Day 33 S86 (first contact on f7778ae): "收到 我马上下楼看看砸车那个" in the community
    group claimed the lost child seen in the owners' chat the day before (the group's own), not
    the car-smashing emergency it names, alerted from building 4."""
    _at(sim, 18, 0)
    say(sim, "幸福里业主群", "吕大姐", "东门卖糖葫芦那边有个穿红衣服的小男孩在哭 说找奶奶 谁家的")
    _at(sim, 23, 5)
    say(sim, "4号楼居民群", "小吴", "501那个又喝多了 在楼下拿砖头砸人家车 好几个人拉不住")
    _at(sim, 23, 15)
    texts = _texts(say(sim, "社区党委工作群", "刘值班", "收到 我马上下楼看看砸车那个"))
    assert any("工单 #2 已由刘值班接单" in t for t in texts), texts
    assert not any("工单 #1" in t for t in texts), texts


COUPLETS = "通知 12月15日14:00 贴春联写福字 地点:社区活动室 对象:3号楼居民群、4号楼居民群 名额:30"
LANTERNS = "通知 12月20日19:00 元宵猜灯谜 地点:社区广场 对象:4号楼居民群、5号楼居民群 名额:40"


@pytest.mark.parametrize(
    ("answer", "event"),
    [
        pytest.param("写春联那个 今天下午的", "贴春联写福字", id="trial-R19"),
        pytest.param("灯谜那个", "元宵猜灯谜", id="fresh-listed"),
    ],
)
def test_unseen_day33_the_answer_naming_an_open_event_not_listed_signs_up_for_it(
    sim: Simulator, answer: str, event: str
) -> None:
    """Day 33 R18, R19 (first contact on f7778ae): "+1" after a problem was reported, asked
    which with only the chat's latest notice listed, answered "写春联那个 今天下午的" (another
    event open to the chat): silence."""
    _at(sim, 7, 0)
    say(sim, "社区党委工作群", "王书记", COUPLETS)
    say(sim, "社区党委工作群", "王书记", LANTERNS)
    _at(sim, 8, 20)
    say(sim, "4号楼居民群", "汤师傅", "电梯又坏了 按了半天没反应")
    _at(sim, 10, 0)
    asked = _texts(say(sim, "4号楼居民群", "汤师傅", "+1"))
    assert any("请问报名哪个活动" in t for t in asked), asked
    _at(sim, 10, 5)
    texts = _texts(say(sim, "4号楼居民群", "汤师傅", answer))
    assert any("已为您报名" in t and event in t for t in texts), texts
    assert len(_tickets(sim)) == 1


def test_unseen_day33_someone_heard_in_the_lift_already_paged_joins_that_page_not_the_repair(
    sim: Simulator,
) -> None:
    """Day 33 R59 (first contact on f7778ae): a follower of the morning's broken lift heard
    someone in it after the entrapment was paged; the repair ticket was raised to a second page
    titled with the repair's "老人"."""
    _at(sim, 8, 20)
    say(
        sim,
        "4号楼居民群",
        "汤师傅",
        "电梯又坏了 按了半天没反应 今天亲戚都要来拜年 老人家爬11楼要命啊",
    )
    _at(sim, 8, 50)
    say(sim, "4号楼居民群", "小吴", "4号楼电体是不是停了 我在九楼等了十分钟了")
    _at(sim, 16, 10)
    say(
        sim,
        "4号楼居民群",
        "秦奶奶",
        "4号楼电梯刚才又停了 卡在7楼和8楼中间 里面挤了七八个来拜年的 有小孩在哭",
    )
    _at(sim, 16, 20)
    texts = _texts(
        say(sim, "4号楼居民群", "小吴", "我在8楼听见里面有人在拍门 电梯门打不开 快想想办法")
    )
    assert not any("#1 情况加重" in t for t in texts), texts
    assert any("工单 #2" in t for t in texts), texts
    assert [t[3] for t in _tickets(sim)] == [False, True]


def test_unseen_day33_a_complaint_of_its_own_kind_is_no_news_of_her_danger_said_over(
    sim: Simulator,
) -> None:
    """Day 33 R91 (first contact on f7778ae): the mother of the child burnt by a firecracker,
    at the hospital, complains of firecrackers at midnight; it went onto the burn as news."""
    _at(sim, 19, 0)
    say(
        sim,
        "2号楼居民群",
        "小静",
        "我家孩子在楼下放摔炮 炸到手了 手心起了好大的泡 还在流血 哭得不行 就在2号楼门口",
    )
    _at(sim, 19, 20)
    say(sim, "2号楼居民群", "小静", "已经打车去儿童医院了 谢谢大家关心")
    _at(sim, 21, 25)
    texts = _texts(
        say(sim, "2号楼居民群", "小静", "都快半夜了还有人在楼下放二踢脚 窗户都在震 孩子吓醒好几回")
    )
    assert not any("工单 #1" in t for t in texts), texts
    assert [t[1] for t in _tickets(sim)] == ["emergency", "dispute"]


def _morning(sim: Simulator, hour: int, minute: int) -> list[str]:
    """The next morning, the service up again at this time: no sweep ran since the night."""
    sim.clock.set(datetime(2026, 12, 16, hour, minute, tzinfo=ZONE))
    jobs.sweep_tickets(sim.core.factory, sim.core.community, sim.clock.now())
    return _texts(asyncio.run(sim.deliver()))


@pytest.mark.parametrize(
    "back_at",
    [
        pytest.param((7, 30), id="trial-day32-restart-at-0730"),
        pytest.param((9, 40), id="fresh-restart-at-0940"),
    ],
)
def test_trial_and_fresh_the_nights_summary_is_sent_when_the_service_comes_back_after_seven(
    sim: Simulator, back_at: tuple[int, int]
) -> None:
    """Days 32 and 33: a night ticket was told "07:00后转…处理", the service was down at 07:00,
    and the group never heard of it."""
    _at(sim, 23, 5)
    told = _texts(say(sim, "2号楼居民群", "小刘", "楼道灯坏了 黑乎乎的 明天找人来修一下"))
    assert any("07:00后" in t for t in told), told
    texts = _morning(sim, *back_at)
    assert any("【早间汇总】" in t and "#1" in t for t in texts), texts
    assert not any("【早间汇总】" in t for t in _morning(sim, back_at[0], back_at[1] + 10))


def test_fresh_a_restart_long_after_the_morning_sends_no_late_summary(sim: Simulator) -> None:
    _at(sim, 23, 5)
    say(sim, "2号楼居民群", "小刘", "楼道灯坏了 黑乎乎的 明天找人来修一下")
    texts = _morning(sim, 11, 0)
    assert not any("【早间汇总】" in t for t in texts), texts
