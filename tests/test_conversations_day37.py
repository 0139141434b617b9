"""Day 37 (docs/trials/day37/report.md, first contact on c954ee6): trial sentences ("trial")
next to wordings of mine ("fresh").

1. someone shut in a lift during the power cut is a page of its own, never word of the tree on
   the wires (R35); a question about the power cut is no all-clear (R34);
2. an advert holding over words is no news of a live danger (R05);
3. the family taking the drunk man upstairs, the children called out of the pond: all-clears
   of their own pages (R76, R84);
4. staff words: been to see, more to come, is a claim (S27); been to see and done is a
   closing."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _paged, _tickets
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

TREE_ON_WIRES = "楼下大树倒了 砸到电线了 噼里啪啦的 大家千万别过去"


@pytest.mark.parametrize(
    "trapped",
    [
        pytest.param(
            "4号楼整栋停电了 1单元那部电梯里关着人 我听见里面在拍门喊救命", id="trial-R35"
        ),
        pytest.param("停电了 电梯卡住了 我听见里面有小孩在哭 快来人", id="fresh"),
    ],
)
def test_trial_and_fresh_someone_shut_in_a_lift_in_the_power_cut_is_paged_on_its_own(
    sim: Simulator, trapped: str
) -> None:
    _at(sim, 14, 15)
    say(sim, "4号楼居民群", "小马", TREE_ON_WIRES)
    _at(sim, 14, 20)
    asked = _texts(say(sim, "4号楼居民群", "刘奶奶", "停电了 家里黑了 冰箱也不响了 怎么回事啊"))
    assert not any("险情已解除" in t for t in asked), asked
    # the power cut is heard: a ticket of its own (twenty-second session), never silence
    assert any("工单 #2" in t and "停电" in t for t in asked), asked
    _at(sim, 14, 25)
    messages = say(sim, "4号楼居民群", "王阿姨", trapped)
    assert any("【紧急 #3】" in t and "被困" in t for t in _paged(messages)), _texts(messages)


@pytest.mark.parametrize(
    "advert",
    [
        pytest.param(
            "【高考季特惠】家长看过来！学生意外险+住院医疗仅需9.9元/年🎉🎉 名额有限 有需要的私聊我",
            id="trial-R05",
        ),
        pytest.param("住院报销 意外险 平安到家 有需要的加我微信 私聊", id="fresh"),
    ],
)
def test_trial_and_fresh_an_advert_with_over_words_is_no_news_of_the_lift_page(
    sim: Simulator, advert: str
) -> None:
    _at(sim, 7, 50)
    say(sim, "5号楼居民群", "老陈", "5号楼2单元电梯卡在8楼不动 里面有人在拍门 喊不出来")
    _at(sim, 8, 10)
    assert _texts(say(sim, "幸福里业主群", "平安保险小刘", advert)) == []


@pytest.mark.parametrize(
    ("danger", "over"),
    [
        pytest.param(
            "6号楼1单元楼道里有个人倒在地上 叫不醒 旁边吐了一地 不知道是喝多了还是怎么了",
            "是3楼老李 喝多了 他家人下来扶上去了 呼吸正常 没事",
            id="trial-R76",
        ),
        pytest.param(
            "小区池塘边有几个小孩在捞蝌蚪 最小的那个都站到水里去了 那边特别深 一个大人都没有",
            "我过去把他们叫上来了 家长也来了 没事了",
            id="trial-R84",
        ),
        pytest.param(
            "1单元门口有个老人坐在地上起不来 喊他也不太应",
            "他儿子下来把他扶上楼了 呼吸正常",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_her_own_danger_said_over_goes_to_the_groups_at_once(
    sim: Simulator, danger: str, over: str
) -> None:
    _at(sim, 1, 10)
    say(sim, "6号楼居民群", "陈哥", danger)
    _at(sim, 1, 20)
    texts = _texts(say(sim, "6号楼居民群", "陈哥", over))
    assert any("【工单 #1 居民称险情已解除】" in t for t in texts), texts


def _two_tickets(sim: Simulator) -> None:
    _at(sim, 9, 0)
    say(sim, "2号楼居民群", "小胡", "2号楼1单元阿婆家窗户扣坏了 雨都打进来 地上全是水")
    say(sim, "2号楼居民群", "小胡", "楼道那辆电瓶车天天在充电 插线板就放在楼梯口")
    _at(sim, 14, 40)


@pytest.mark.parametrize(
    "visit",
    [
        pytest.param(
            "1号 去看望了 帮阿婆把窗户先用胶带封上了 地也拖干了 明天师傅来换窗扣", id="trial-S27"
        ),
        # work told for later after the number claims it (day 53 S48)
        pytest.param("#1 上门看过了 先拿塑料布挡上 明天再来换", id="fresh"),
    ],
)
def test_trial_and_fresh_been_to_see_with_more_to_come_claims_that_ticket(
    sim: Simulator, visit: str
) -> None:
    _two_tickets(sim)
    texts = _texts(say(sim, "2号楼党小组", "陈桂兰", visit))
    assert any("工单 #1 已由陈桂兰接单" in t for t in texts), texts
    assert not any("#2" in t for t in texts), texts


@pytest.mark.parametrize(
    "done",
    [
        pytest.param("1号 去看过了 窗扣换好了", id="fresh"),
        pytest.param("#1 我到了 已处理", id="fresh-arrived"),
    ],
)
def test_fresh_been_there_and_done_closes_the_ticket(sim: Simulator, done: str) -> None:
    _two_tickets(sim)
    texts = _texts(say(sim, "2号楼党小组", "陈桂兰", done))
    assert any("工单 #1 已办结（陈桂兰）" in t for t in texts), texts
    assert len(_tickets(sim)) == 2


@pytest.mark.parametrize(
    ("help_on_way", "agreed"),
    [
        pytest.param(
            "打了95598了 供电所说马上派人来 小孩都叫回家了",
            "物业刚才上去说了 501答应高考这几天不施工了 谢谢",
            id="trial-R38-R101",
        ),
        pytest.param(
            "供电所说马上派人来 让大家别靠近",
            "501那家答应这几天晚上不弄了",
            id="fresh",
            marks=pytest.mark.xfail(
                strict=True, reason="names neither ticket: help on its way, two tickets open"
            ),
        ),
    ],
)
def test_trial_and_fresh_news_of_each_of_her_two_tickets_goes_on_that_one(
    sim: Simulator, help_on_way: str, agreed: str
) -> None:
    _at(sim, 10, 20)
    say(
        sim,
        "3号楼居民群",
        "钱老师",
        "明天就高考了 3号楼1单元501在装修 天天电钻砸墙 孩子根本没法复习 能不能跟他们说说这几天停一停",
    )
    _at(sim, 14, 10)
    say(
        sim,
        "3号楼居民群",
        "钱老师",
        "3号楼和4号楼中间那棵大香樟被风刮倒了 压在电线上 电线在冒火花 下面还有几个小孩在看热闹",
    )
    _at(sim, 14, 45)
    wires = _texts(say(sim, "3号楼居民群", "钱老师", help_on_way))
    assert any("【工单 #2 居民补充】" in t for t in wires), wires
    _at(sim, 20, 45)
    noise = _texts(say(sim, "3号楼居民群", "钱老师", agreed))
    assert any("工单 #1" in t for t in noise), noise
    assert not any("#2" in t for t in noise), noise


@pytest.mark.parametrize(
    ("stopped", "asked", "chased"),
    [
        pytest.param(
            "5号楼2单元电体又停了 卡在8楼不动 门关着 按了半天没反应 里面应该没人",
            "电梯还没好吗 我家老人今天要去医院复查 11楼走不下去啊",
            "电梯到现在还没人来修 打物业电话也没人接 老人只能在家等着",
            id="trial-R03-R08-R24",
        ),
        pytest.param(
            "5号楼2单元的电梯又罢工了 停在6楼 门关着 里面没人 就是坏了",
            "电梯修了没有 我妈腿不好 下不了楼",
            "两个小时了还没人来修 物业电话打了三遍都没人接 我妈只能在家干等",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_a_stopped_lift_nobody_is_in_and_its_chases_page_nobody(
    sim: Simulator, stopped: str, asked: str, chased: str
) -> None:
    _at(sim, 7, 50)
    opened = say(sim, "5号楼居民群", "老陈", stopped)
    assert _paged(opened) == [], _texts(opened)
    assert any("工单 #1" in t and "电梯" in t for t in _texts(opened)), _texts(opened)
    for hour, text in ((8, asked), (10, chased)):
        _at(sim, hour, 20)
        messages = say(sim, "5号楼居民群", "5-2-1102小郑", text)
        assert _paged(messages) == [], _texts(messages)
        assert any("工单 #1" in t for t in _texts(messages)), _texts(messages)
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            "3号楼和4号楼中间那棵大香樟被风刮倒了 压在电线上 电线在冒火花 下面还有几个小孩在看热闹",
            "楼下大树倒了 砸到电线了 噼里啪啦的 大家千万别过去",
            id="trial-R32-R33",
        ),
        pytest.param(
            "3号楼跟4号楼之间的电线杆被车撞歪了 电线垂下来了 还在冒火星",
            "我们楼下那根电线掉下来了 一闪一闪的冒火花 大家别靠近",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_a_danger_between_two_buildings_is_paged_once(
    sim: Simulator, first: str, second: str
) -> None:
    _at(sim, 14, 0)
    opened = say(sim, "3号楼居民群", "钱老师", first)
    assert any("【紧急 #1】" in t for t in _paged(opened)), _texts(opened)
    _at(sim, 14, 5)
    again = say(sim, "4号楼居民群", "小马", second)
    assert _paged(again) == [], _texts(again)
    assert any("工单 #1" in t for t in _texts(again)), _texts(again)
    assert len(_tickets(sim)) == 1


def test_fresh_a_danger_of_the_building_next_door_named_by_nobody_is_paged_on_its_own(
    sim: Simulator,
) -> None:
    _at(sim, 14, 0)
    say(sim, "3号楼居民群", "钱老师", "3号楼门口那根电线掉下来了 在冒火花")
    _at(sim, 14, 5)
    messages = say(sim, "4号楼居民群", "小马", "我们楼下的电线也掉下来了 噼里啪啦冒火花")
    assert any("【紧急 #2】" in t for t in _paged(messages)), _texts(messages)


@pytest.mark.parametrize(
    ("chain", "left"),
    [
        pytest.param("接龙 端午包粽子\n1.阳光明媚\n2.王阿姨+孙子\n3.小雨妈妈+小雨", 25, id="trial-R15"),
        pytest.param("端午包粽子接龙\n1.阳光明媚\n2.王阿姨+孙子\n3.小雨妈妈＋小雨＋小雨爸爸", 24, id="fresh"),
    ],
)
def test_trial_and_fresh_a_chain_line_with_companions_takes_their_seats(
    sim: Simulator, chain: str, left: int
) -> None:
    _at(sim, 8, 0)
    say(
        sim,
        "社区党委工作群",
        "王书记",
        "通知 12月20日9:00 端午包粽子 地点:社区活动室 对象:幸福里业主群 名额:30 时长:2小时",
    )
    _at(sim, 8, 5)
    say(sim, "幸福里业主群", "阳光明媚🌻", "我也去😀")
    _at(sim, 8, 10)
    say(sim, "幸福里业主群", "4-1-201王阿姨", "算我一个 带孙子一起 他放假在家没事干")
    _at(sim, 8, 15)
    texts = _texts(say(sim, "幸福里业主群", "小雨妈妈", chain))
    assert any("接龙已登记" in t and f"还剩{left}个" in t for t in texts), texts


@pytest.mark.parametrize(
    ("more", "left"),
    [
        pytest.param("巡查名单上再加一个我老伴", 4, id="trial-R90"),
        pytest.param("巡查再加我老伴一个 她叫李秀英", 4, id="trial-Y21"),
        pytest.param("巡查那个再加上我闺女", 4, id="fresh"),
    ],
)
def test_trial_and_fresh_one_more_of_the_family_joins_the_sign_up(
    sim: Simulator, more: str, left: int
) -> None:
    _at(sim, 8, 0)
    say(
        sim,
        "社区党委工作群",
        "王书记",
        "通知 12月20日19:00 防汛巡查志愿服务 地点:社区东门集合 对象:幸福里业主群 名额:6 时长:2小时",
    )
    _at(sim, 8, 5)
    say(sim, "幸福里业主群", "老周", "巡查我报名")
    _at(sim, 8, 10)
    texts = _texts(say(sim, "幸福里业主群", "老周", more))
    assert any("共2人" in t and f"还剩{left}个" in t for t in texts), texts


def test_trial_i_report_one_more_for_the_patrol_is_a_sign_up(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(
        sim,
        "社区党委工作群",
        "王书记",
        "通知 12月20日19:00 防汛巡查志愿服务 地点:社区东门集合 对象:幸福里业主群 名额:6 时长:2小时",
    )
    _at(sim, 8, 15)
    texts = _texts(say(sim, "幸福里业主群", "小蒋", "今晚巡查我也报一个"))
    assert any("已为您报名" in t for t in texts), texts


@pytest.mark.parametrize(
    "asked",
    [
        pytest.param(
            "昨天老头子的事谢谢社区了 想问问有没有那种防走失的手环可以申请 他老是乱走", id="trial-R91"
        ),
        pytest.param("上次的事谢谢大家 请问社区能帮忙申请助听器补贴吗", id="fresh"),
    ],
)
def test_trial_and_fresh_thanks_then_a_question_of_its_own_is_asked(
    sim: Simulator, asked: str
) -> None:
    _at(sim, 10, 0)
    texts = _texts(say(sim, "1号楼居民群", "1-3-601孙大妈", asked))
    assert any("已收到您反映的问题" in t for t in texts), texts
