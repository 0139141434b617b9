"""Day 43 (docs/trials/day43/report.md, first contact on e9e5d95): trial sentences ("trial") next
to wordings of mine ("fresh").

1. a closing made in the night reaches the resident at the end of the quiet hours (S75; and day
   42 S68);
2. questions about an event: asked of staff as a ticket, answered with the event, or signed up
   (R63, R102, R104; day 42 R71, SR18);
3. one danger told twice is one page: the same person in the lift, the boy in the river, the
   garage flood, the door opposite, the wire down between two buildings (R55, R27, R80, R18,
   R62); a stopped lift checked empty is still a ticket (R03);
4. a chase with two tickets open names the one it is about (R87);
5. ratings in everyday words: things stopped, cool again, both, all safe, no bone broken, 满意
   with a safety question open, 不满意 inside a complaint (SR09–SR16, SR23, SR30, SR35), and a
   complaint after a ticket was found not ours (SR14);
6. staff words: a closing keeps "草割了", a closing with no number names the danger by how such a
   danger ends, "转 网格" (S67, S77; day 42 S54);
7. one child of two dropping out of a sign-up (R37)."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest

from bot.simulator import Simulator
from service.tickets import jobs
from tests.test_conversations_day22 import ZONE, _at
from tests.test_conversations_resid16 import _paged
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

PATROL = "通知 12月20日18:30 防溺水志愿巡逻 地点:东门 对象:幸福里业主群 名额:8 时长:2小时"
COOL = "通知 12月20日08:00 高温送清凉志愿服务 地点:社区服务站 对象:5号楼居民群 名额:4 时长:2小时"
CARE = "通知 12月20日09:00 暑期托管班 地点:社区活动室 对象:幸福里业主群 名额:20 时长:3小时"


def _sweep(sim: Simulator, day: int, hour: int, minute: int) -> list[str]:
    """The ticket sweep the scheduler runs every ten minutes, at this time."""
    sim.clock.set(datetime(2026, 12, day, hour, minute, tzinfo=ZONE))
    jobs.sweep_tickets(sim.core.factory, sim.core.community, sim.clock.now())
    return _texts(asyncio.run(sim.deliver()))


# -- 1. a closing in the night ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("report", "closing", "told"),
    [
        pytest.param(
            "1单元楼道灯三楼到五楼都不亮 晚上黑乎乎的",
            "#1 楼道灯全换了 修好了",
            "楼道灯全换了",
            id="trial-S75",
        ),
        pytest.param(
            "请问居住证明在哪里开 要带什么",
            "#1 带身份证和户口本到社区服务站一楼开",
            "答复如下：带身份证和户口本到社区服务站一楼开",
            id="fresh-an-answer",
        ),
    ],
)
def test_trial_and_fresh_a_closing_at_night_reaches_the_resident_at_seven(
    sim: Simulator, report: str, closing: str, told: str
) -> None:
    _at(sim, 21, 0)
    say(sim, "6号楼居民群", "钟先生", report)
    _at(sim, 22, 30)
    texts = _texts(say(sim, "6号楼党小组", "吴敏", closing))
    assert not any("请回复“满意”" in t or "答复如下" in t for t in texts), texts
    assert any("居民将在 07:00 收到通知" in t for t in texts), texts
    assert not any(told in t for t in _sweep(sim, 16, 6, 50))
    morning = _sweep(sim, 16, 7, 0)
    assert any(told in t and "请回复“满意”" in t for t in morning), morning
    assert not any(told in t for t in _sweep(sim, 16, 7, 10))


def test_fresh_a_night_closing_of_an_emergency_asks_at_once_whether_all_are_safe(
    sim: Simulator,
) -> None:
    _at(sim, 23, 0)
    say(sim, "3号楼居民群", "孟叔", "楼下两个人在打架 一个拿着啤酒瓶 另一个头上流血了")
    _at(sim, 23, 40)
    texts = _texts(say(sim, "3号楼党小组", "刘志强", "#1 派出所把人带走了 已处理"))
    assert any("已处理：派出所把人带走了" in t and "安全了吗" in t for t in texts), texts


def test_fresh_a_night_closing_reopened_before_morning_is_never_told(sim: Simulator) -> None:
    _at(sim, 21, 0)
    say(sim, "6号楼居民群", "钟先生", "1单元楼道灯不亮了")
    _at(sim, 22, 30)
    say(sim, "6号楼党小组", "吴敏", "#1 换了灯泡 修好了")
    _at(sim, 22, 40)
    say(sim, "6号楼党小组", "吴敏", "#1 重新处理")
    assert not any("已处理：换了灯泡" in t for t in _sweep(sim, 16, 7, 0))


# -- 2. questions about an event -------------------------------------------------------------


@pytest.mark.parametrize(
    ("asked", "title"),
    [
        pytest.param("今晚巡逻还搞吗 我看河水太大了", "今晚巡逻还搞吗", id="trial-R104"),
        pytest.param("巡逻要自己带手电筒吗", "巡逻要自己带手电筒吗", id="fresh"),
    ],
)
def test_trial_and_fresh_a_question_about_an_event_is_a_ticket_staff_answer(
    sim: Simulator, asked: str, title: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", PATROL)
    _at(sim, 8, 10)
    texts = _texts(say(sim, "幸福里业主群", "甘大哥", asked))
    assert any(f"工单 #1：{title}" in t for t in texts), texts
    assert not any("已为您报名" in t for t in texts), texts
    _at(sim, 8, 30)
    texts = _texts(say(sim, "社区党委工作群", "王书记", "#1 照常 雨大了会在群里通知"))
    assert any(f"（工单 #1：{title}）答复如下：照常" in t for t in texts), texts


def test_trial_day42_a_question_after_signing_up_is_no_second_sign_up(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(
        sim,
        "第一网格党支部群",
        "李网格长",
        "通知 12月20日9:00 义务植树 地点:小区北侧绿地 对象:3号楼居民群",
    )
    _at(sim, 8, 10)
    say(sim, "3号楼居民群", "李大爷", "+1")
    _at(sim, 8, 20)
    texts = _texts(say(sim, "3号楼居民群", "李大爷", "报名植树的要自己带铁锹吗"))
    assert not any("无需重复报名" in t for t in texts), texts
    assert any("工单 #1" in t for t in texts), texts


@pytest.mark.parametrize(
    ("group", "asked"),
    [
        pytest.param("4号楼居民群", "防溺水巡逻几点集合啊 东门还是西门", id="trial-R63"),
        pytest.param("5号楼居民群", "送清凉几点出发 我在服务站门口等就行吧", id="trial-R102"),
        pytest.param("幸福里业主群", "托管班还能报名吗", id="fresh-about-signing-up"),
    ],
)
def test_trial_and_fresh_asking_when_or_whether_one_can_sign_up_shows_the_event(
    sim: Simulator, group: str, asked: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", PATROL)
    say(sim, "第二网格党支部群", "赵网格长", COOL)
    say(sim, "社区党委工作群", "王书记", CARE)
    _at(sim, 8, 10)
    say(sim, "4号楼居民群", "小谢", "东门外河边 有个男孩在水里扑腾 看着像抽筋了")
    _at(sim, 8, 20)
    texts = _texts(say(sim, group, "小谢" if group == "4号楼居民群" else "陶阿姨", asked))
    assert any("时间：12月20日" in t and "名额" in t for t in texts), texts
    assert not any("工单 #1" in t for t in texts), texts


def test_fresh_signing_up_then_asking_in_one_message_signs_up(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", PATROL)
    _at(sim, 8, 10)
    texts = _texts(say(sim, "幸福里业主群", "老杨", "我也报名巡逻 要带什么吗"))
    assert any("已为您报名" in t for t in texts), texts


# -- 3. one danger told twice ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            (
                "6号楼居民群",
                "钟先生",
                "完了 我老伴在电梯里 停电给关里面了 1单元 她有心脏病 打电话说里面好闷",
            ),
            ("6号楼居民群", "小郑", "1单元电梯里关着人 钟叔家阿姨 我们在外面喊她 她还应"),
            id="trial-R55",
        ),
        pytest.param(
            (
                "4号楼居民群",
                "小谢",
                "东门外河边 刚才有个男孩往下游漂 看着像抽筋了 在水里扑腾 几个小孩在岸上喊",
            ),
            ("幸福里业主群", "老杨", "河里有孩子在扑腾 我正往那边跑 谁家有救生圈 竹竿 拿过来"),
            id="trial-R27",
        ),
        pytest.param(
            ("5号楼居民群", "陶阿姨", "2单元301周大爷屋里一直有人哼哼 敲门也不开 我们进不去"),
            ("5号楼居民群", "阿强", "我住301对门 刚也敲了 听到里面有人在哼 门从里面反锁了"),
            id="trial-R18",
        ),
        pytest.param(
            ("2号楼居民群", "钱阿姨", "2单元停电了 电梯卡在五楼 我家孙女在里面 吓得直哭"),
            ("2号楼居民群", "老孙", "2单元电梯里有个小姑娘 门打不开 快找物业"),
            id="fresh-lift",
        ),
        pytest.param(
            ("3号楼居民群", "孟叔", "小区后面池塘里有个小孩掉下去了 在扑腾"),
            ("幸福里业主群", "晚风", "池塘那边有孩子落水了 谁会游泳快去"),
            id="fresh-pond",
        ),
    ],
)
def test_trial_and_fresh_one_danger_told_from_two_chats_is_one_page(
    sim: Simulator, first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    _at(sim, 16, 55)
    assert any("紧急 #1】" in t for t in _paged(say(sim, *first)))
    _at(sim, 17, 0)
    messages = say(sim, *second)
    texts = _texts(messages)
    assert not _paged(messages), texts
    assert any("已有居民反映过（工单 #1" in t for t in texts), texts


@pytest.mark.parametrize(
    "told",
    [
        pytest.param("车库入口进水了 物业在堆沙袋 但是挡不住啊", id="trial-R80"),
        pytest.param("车库里水越来越多了 沙袋根本拦不住", id="fresh"),
    ],
)
def test_trial_and_fresh_word_of_the_garage_flood_joins_it(sim: Simulator, told: str) -> None:
    _at(sim, 21, 0)
    say(sim, "幸福里业主群", "唐姐", "地下车库入口已经开始进水了 水漫到坡道一半了 好多车还在里面")
    _at(sim, 21, 10)
    messages = say(sim, "幸福里业主群", "小邱", told)
    texts = _texts(messages)
    assert any("已有居民反映过（工单 #1" in t for t in texts), texts
    assert not _paged(messages), texts


def test_trial_word_of_the_garage_flood_read_as_no_request_is_told_to_those_on_it(
    sim: Simulator,
) -> None:
    _at(sim, 21, 0)
    say(sim, "幸福里业主群", "唐姐", "地下车库入口已经开始进水了 水漫到坡道一半了 好多车还在里面")
    _at(sim, 21, 10)
    texts = _texts(say(sim, "幸福里业主群", "小邱", "车库入口进水了 物业在堆沙袋 但是挡不住啊"))
    assert any("【工单 #1 居民补充】小邱" in t for t in texts), texts


def test_trial_a_wire_down_between_two_buildings_is_the_branch_on_it_and_told_to_keep_away(
    sim: Simulator,
) -> None:
    _at(sim, 9, 0)
    say(
        sim,
        "3号楼居民群",
        "孟叔",
        "3号楼和2号楼中间的大树 有根大树枝裂开了 吊在那晃 底下就是小孩玩的沙坑",
    )
    _at(sim, 18, 5)
    texts = _texts(
        say(
            sim,
            "3号楼居民群",
            "孟叔",
            "风起来了 那根大树枝已经掉下来了 砸在沙坑边上 还压着一根电线 电线在冒火花 几个小孩在旁边看热闹",
        )
    )
    assert any("远离断落的电线" in t for t in texts), texts
    _at(sim, 18, 10)
    messages = say(
        sim, "2号楼居民群", "郝大姐", "两栋楼中间的电线断在地上 噼里啪啦冒火星子 快让小孩离远点"
    )
    texts = _texts(messages)
    assert any("已有居民反映过（工单 #1" in t for t in texts), texts
    assert not any("沿楼梯撤离" in t for t in texts), texts
    assert not _paged(messages), texts


@pytest.mark.parametrize(
    "lift",
    [
        pytest.param("1单元电梯又坏了 停在8楼不动 按了没反应 里面没人 我看过了", id="trial-R03"),
        pytest.param("2单元电梯又停了 里面没人 我刚看过了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_stopped_lift_checked_empty_is_a_ticket(
    sim: Simulator, lift: str
) -> None:
    _at(sim, 8, 20)
    texts = _texts(say(sim, "6号楼居民群", "钟先生", lift))
    assert any("工单 #1" in t and "电梯" in t for t in texts), texts


def test_fresh_a_branch_told_after_ones_fight_page_is_a_page_of_its_own(sim: Simulator) -> None:
    _at(sim, 9, 20)
    say(
        sim, "3号楼居民群", "孟叔", "楼下两个人在打架 一个拿着啤酒瓶 另一个头上流血了 就在3号楼门口"
    )
    _at(sim, 9, 25)
    texts = _texts(
        say(
            sim,
            "3号楼居民群",
            "孟叔",
            "3号楼和2号楼中间的大树 有根大树枝裂开了 吊在那晃 底下就是小孩玩的沙坑",
        )
    )
    assert any("工单 #2" in t for t in texts), texts
    assert not any("居民补充" in t for t in texts), texts


# -- 4. a chase with two tickets open --------------------------------------------------------


@pytest.mark.parametrize(
    "chase",
    [
        pytest.param("还没人来 我把总闸拉了 屋里漆黑 水还在流", id="trial-R87"),
        pytest.param("怎么还没人来 水还在往下流", id="fresh"),
    ],
)
def test_trial_and_fresh_a_chase_at_night_reaches_the_leak_it_names(
    sim: Simulator, chase: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "2号楼居民群", "小吕", "请问社区有没有暑期托管班 双职工孩子一个人在家 天天打游戏")
    _at(sim, 23, 10)
    say(sim, "2号楼居民群", "小吕", "3单元501 天花板那块鼓起来了 现在哗哗往下流水 灯罩里都是水")
    _at(sim, 23, 25)
    texts = _texts(say(sim, "2号楼居民群", "小吕", chase))
    assert not any("您有几张工单" in t for t in texts), texts
    assert any(f"居民补充】小吕：{chase}" in t for t in texts), texts


# -- 5. ratings in everyday words ------------------------------------------------------------


@pytest.mark.parametrize(
    ("report", "closing", "rating"),
    [
        pytest.param(
            "我家这两天晚上老是跳闸 一开空调就跳 电工能不能来看一下 4单元502",
            "#1 电工来了 换了空开 线也换了 已处理",
            "好了 不跳了 谢谢",
            id="trial-SR35",
        ),
        pytest.param(
            "我一个人住 家里空调坏了 热得睡不着 能不能帮我找个人修修 1单元101",
            "#1 师傅换了电容 空调好了 已处理",
            "凉快了 好人一生平安",
            id="trial-SR23",
        ),
        pytest.param(
            "楼上天天敲敲打打 砸墙砸了一个礼拜了",
            "#1 跟楼上说了 中午晚上不干了 已处理",
            "今天不砸了 谢谢啊",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_a_thanks_saying_it_stopped_is_satisfied(
    sim: Simulator, report: str, closing: str, rating: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "4号楼居民群", "黄奶奶", report)
    _at(sim, 9, 0)
    say(sim, "4号楼党小组", "孙丽", closing)
    _at(sim, 9, 10)
    texts = _texts(say(sim, "4号楼居民群", "黄奶奶", rating))
    assert any("已按“满意”记下您对工单 #1" in t for t in texts), texts


def test_trial_a_thanks_naming_the_drilling_rates_the_drilling_not_the_dance(
    sim: Simulator,
) -> None:
    _at(sim, 9, 50)
    say(sim, "2号楼居民群", "郝大姐", "楼上那家又在装修 中午12点还在打电钻 这么热的天午觉都睡不成")
    _at(sim, 10, 0)
    say(sim, "2号楼居民群", "郝大姐", "今晚广场舞音响开那么大 这么热 窗户都不能关 吵得头疼")
    _at(sim, 10, 10)
    say(sim, "2号楼党小组", "陈桂兰", "#1 跟楼上说了 中午不干了 已处理")
    say(sim, "2号楼党小组", "陈桂兰", "#2 跟舞队说了 音响调小了 已处理")
    _at(sim, 10, 20)
    texts = _texts(say(sim, "2号楼居民群", "郝大姐", "楼上不钻了 谢谢"))
    assert any("对工单 #1 的评价" in t for t in texts), texts


def _two_answers_and_gas(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(sim, "1号楼居民群", "何姐", "请问孩子9月上小学 要开居住证明 是在社区开吗 要带什么")
    say(sim, "1号楼居民群", "何姐", "还有 新生儿医保在哪办 也是社区吗")
    say(sim, "1号楼居民群", "何姐", "3单元楼道里好大一股煤气味 不知道从哪家飘出来的 我在5楼")
    _at(sim, 9, 0)
    say(sim, "1号楼党小组", "张建国", "#3 燃气公司查了 是302灶台阀门没关严 已处理")
    say(sim, "1号楼党小组", "张建国", "#1 带户口本 房产证 身份证 到社区服务站开")
    say(sim, "1号楼党小组", "张建国", "#2 新生儿医保在街道社保所办")
    _at(sim, 9, 10)


def test_trial_satisfied_with_a_safety_question_open_is_never_the_all_clear(
    sim: Simulator,
) -> None:
    _two_answers_and_gas(sim)
    texts = _texts(say(sim, "1号楼居民群", "何姐", "知道了 谢谢 满意"))
    assert not any("平安就好" in t for t in texts), texts
    assert any("2张工单待评价" in t and "#3" not in t for t in texts), texts


@pytest.mark.parametrize(
    "both", [pytest.param("两个都满意", id="trial-SR10"), pytest.param("都满意 谢谢", id="fresh")]
)
def test_trial_and_fresh_satisfied_with_both_rates_both(sim: Simulator, both: str) -> None:
    _two_answers_and_gas(sim)
    texts = _texts(say(sim, "1号楼居民群", "何姐", both))
    assert any("工单 #1 居民评价：满意" in t for t in texts), texts
    assert any("工单 #2 居民评价：满意" in t for t in texts), texts
    assert not any("工单 #3" in t for t in texts), texts


@pytest.mark.parametrize(
    "safe",
    [pytest.param("都安全了", id="trial-SR12"), pytest.param("两个都没事了 谢谢", id="fresh")],
)
def test_trial_and_fresh_all_safe_answers_both_safety_questions(sim: Simulator, safe: str) -> None:
    _at(sim, 9, 20)
    say(sim, "3号楼居民群", "孟叔", "楼下两个人在打架 一个拿着啤酒瓶 另一个头上流血了")
    _at(sim, 9, 30)
    say(sim, "3号楼居民群", "孟叔", "3单元楼道里一股煤气味 好冲")
    _at(sim, 10, 0)
    say(sim, "3号楼党小组", "刘志强", "#1 派出所把人带走了 已处理")
    say(sim, "3号楼党小组", "刘志强", "#2 燃气公司来了 阀门关好了 已处理")
    _at(sim, 10, 10)
    texts = _texts(say(sim, "3号楼居民群", "孟叔", safe))
    assert any("工单 #1" in t and "确认安全" in t for t in texts), texts
    assert any("工单 #2" in t and "确认安全" in t for t in texts), texts


@pytest.mark.parametrize(
    "safe",
    [
        pytest.param("老伴拍了片子 没骨折 在家躺着 安全了 谢谢", id="trial-SR11"),
        pytest.param("医生说没伤着骨头 回家了 谢谢", id="fresh"),
    ],
)
def test_trial_and_fresh_no_bone_broken_is_safe(sim: Simulator, safe: str) -> None:
    _at(sim, 10, 0)
    say(sim, "3号楼居民群", "柳阿姨", "我老伴起夜在卫生间摔了 躺地上起不来 我一个人扶不动 1单元602")
    _at(sim, 10, 30)
    say(sim, "3号楼党小组", "刘志强", "#1 120送医院了 已处理")
    _at(sim, 12, 0)
    texts = _texts(say(sim, "3号楼居民群", "柳阿姨", safe))
    assert any("平安就好" in t for t in texts), texts


@pytest.mark.parametrize(
    "unsatisfied",
    [
        pytest.param("水是抽干了 可我的车泡坏了 不满意 物业得给个说法", id="trial-SR16"),
        pytest.param("沙袋是堆了 车还是淹了 不满意 谁来赔", id="fresh"),
    ],
)
def test_trial_and_fresh_unsatisfied_inside_a_complaint_reopens(
    sim: Simulator, unsatisfied: str
) -> None:
    _at(sim, 21, 0)
    say(sim, "幸福里业主群", "唐姐", "地下车库入口已经开始进水了 水漫到坡道一半了 好多车还在里面")
    _at(sim, 22, 0)
    say(sim, "社区党委工作群", "王书记", "#1 物业抽水了 已处理")
    _at(sim, 22, 30)
    texts = _texts(say(sim, "幸福里业主群", "唐姐", unsatisfied))
    assert any("工单 #1 已重新交给" in t for t in texts), texts
    _at(sim, 22, 40)
    texts = _texts(say(sim, "社区党委工作群", "王书记", "#1 转 物业"))
    assert any("转至物业服务中心群" in t for t in texts), texts


def _not_ours(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(sim, "2号楼居民群", "郝大姐", "楼下烧烤摊还在划拳喝酒 十点多了 吵死了")
    _at(sim, 9, 0)
    say(sim, "2号楼党小组", "陈桂兰", "#1 非职责 烧烤摊在小区外面 归城管 请打12345")
    _at(sim, 10, 20)


def test_trial_a_complaint_after_not_ours_reaches_the_group_on_that_ticket(
    sim: Simulator,
) -> None:
    _not_ours(sim)
    complaint = "12345打了半天没人接 烧烤摊你们社区就真不管了？"
    texts = _texts(say(sim, "2号楼居民群", "郝大姐", complaint))
    assert any("您的意见已转给2号楼党小组（工单 #1）" in t for t in texts), texts
    assert any("居民不满意非职责答复" in t for t in texts), texts


def test_fresh_the_same_trouble_told_again_after_not_ours_reaches_the_group(
    sim: Simulator,
) -> None:
    _not_ours(sim)
    texts = _texts(say(sim, "2号楼居民群", "郝大姐", "烧烤摊又开始了 城管根本不来"))
    assert any("转给2号楼党小组" in t or "已转2号楼党小组处理" in t for t in texts), texts


# -- 6. staff words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("report", "closing", "told"),
    [
        pytest.param(
            "2单元跟3单元中间那块草地 草长得快一米高了 蚊子多得要命 能不能割一下",
            "#1 草割了 也打了灭蚊药 已处理",
            "已处理：草割了 也打了灭蚊药",
            id="trial-S67",
        ),
        pytest.param(
            "家里老跳闸 电工能不能来看看",
            "#1 电工来了 换了空开 已处理",
            "已处理：电工来了 换了空开",
            id="trial-S79",
        ),
    ],
)
def test_trial_a_closing_keeps_what_was_done_in_the_tickets_own_words(
    sim: Simulator, report: str, closing: str, told: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "3号楼居民群", "孟叔", report)
    _at(sim, 16, 40)
    texts = _texts(say(sim, "3号楼党小组", "刘志强", closing))
    assert any(told in t and "请回复“满意”" in t for t in texts), texts


def test_trial_a_closing_with_no_number_names_the_danger_by_how_it_ended(sim: Simulator) -> None:
    _at(sim, 21, 0)
    say(sim, "6号楼居民群", "小许", "东门外面那条排水沟堵死了 昨晚的雨全漫到路上 电动车都过不去")
    _at(sim, 23, 20)
    say(sim, "6号楼居民群", "老韦", "楼下停车场有人在砸车窗 已经砸了两辆了 我在楼上看着呢")
    _at(sim, 23, 30)
    say(sim, "社区党委工作群", "刘值班", "#1 接单")
    say(sim, "社区党委工作群", "刘值班", "#2 接单")
    sim.clock.set(datetime(2026, 12, 16, 0, 30, tzinfo=ZONE))
    texts = _texts(say(sim, "社区党委工作群", "刘值班", "人被警察抓走了 车主也都通知了 处理好了"))
    assert any("工单 #2 已办结" in t for t in texts), texts
    assert not any("请问办结的是哪一张" in t for t in texts), texts


@pytest.mark.parametrize(
    "transfer",
    [
        pytest.param("#1 广场舞的事得网格出面协调 转 网格", id="trial-day42-S54"),
        pytest.param("#1 转 第一网格", id="fresh"),
    ],
)
def test_trial_and_fresh_a_transfer_to_the_grid_with_a_space(sim: Simulator, transfer: str) -> None:
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "王奶奶", "楼下广场舞天天跳到十点 音响开得震天响 孩子没法写作业")
    _at(sim, 9, 10)
    texts = _texts(say(sim, "3号楼党小组", "刘志强", transfer))
    assert any("转至第一网格党支部群" in t for t in texts), texts


# -- 7. one child of two dropping out --------------------------------------------------------


@pytest.mark.parametrize(
    "dropping",
    [
        pytest.param("托管班我家二宝不去了 他要回老家 只剩大宝", id="trial-R37"),
        pytest.param(
            "我家老大不去托管班了 他要去爷爷家 小的照常去",
            id="fresh",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the event named inside the not-going words (不去托管班了) is not read as"
                " a drop-out: no answer at all",
            ),
        ),
    ],
)
def test_trial_and_fresh_one_child_dropping_out_keeps_the_sign_up(
    sim: Simulator, dropping: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", CARE)
    _at(sim, 8, 10)
    say(sim, "幸福里业主群", "小雨妈妈", "托管班我报名 带上我家俩孩子")
    _at(sim, 8, 20)
    texts = _texts(say(sim, "幸福里业主群", "小雨妈妈", dropping))
    assert not any("已取消您的报名" in t for t in texts), texts
    assert any("#E" in t and "报名" in t for t in texts), texts


@pytest.mark.parametrize(
    "children",
    [
        pytest.param("我家俩娃报名", id="trial-R11"),
        pytest.param("托管班 我们家两个孩子都报名", id="fresh"),
    ],
)
def test_trial_and_fresh_ones_two_children_take_two_places(sim: Simulator, children: str) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", CARE)
    _at(sim, 8, 10)
    texts = _texts(say(sim, "幸福里业主群", "小雨妈妈", children))
    assert any("已为您报名" in t and "还剩18个" in t for t in texts), texts
