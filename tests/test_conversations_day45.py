"""Day 45 (docs/trials/day45/report.md, first contact on f3e4441): trial sentences ("trial") next
to wordings of mine ("fresh").

1. a sighting of a missing neighbour from someone with a ticket of their own open is a lead
   (R47);
2. cars standing in water are no fire (R62); something blown down and lying in the way is a
   request (R79);
3. answers: "没吓着" is safe (SR03), 不满意 naming the parking found not ours is of that ticket
   (SR12), 满意 ending the first clause with a remark after it rates (SR04);
4. leftovers fixed in the twenty-fifth session: rain through one's window is not the neighbour's
   dripping air-conditioner (R43, R51); a cut that keeps bleeding is told to stop the bleeding
   (R71); the flood board is a request (R52); staff saying the one emergency they hold is over
   close it (S13); an event for a residents' chat is asked after from any chat (R40), whether
   it is still on is a question for staff (R26), and signing up with someone in person is no
   sign-up here (SR10)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    "sighting",
    [
        pytest.param("5号楼王奶奶我刚在东门公交站那看见了 穿个红外套 拎着个袋子", id="trial-R47"),
        pytest.param("刚看见5号楼那个王奶奶了 在超市门口坐着", id="fresh"),
    ],
)
def test_trial_and_fresh_a_sighting_from_someone_with_a_ticket_open_is_a_lead(
    sim: Simulator, sighting: str
) -> None:
    _at(sim, 17, 0)
    say(sim, "幸福里业主群", "晨跑哥", "小区大门口那块大广告牌被风吹得一直晃 一边的螺丝已经掉了")
    _at(sim, 17, 10)
    say(sim, "1号楼居民群", "钱奶奶", "大门口那个牌子快掉下来了 我刚路过吓死了 底下站着人呢")
    _at(sim, 17, 30)
    say(
        sim,
        "5号楼居民群",
        "吴阿姨",
        "5号楼501王奶奶下午两点出去买月饼到现在还没回来 她有点老年痴呆 手机也没带",
    )
    _at(sim, 17, 40)
    texts = _texts(say(sim, "幸福里业主群", "晨跑哥", sighting))
    assert any("线索】晨跑哥" in t and "买月饼" in t for t in texts), texts
    assert not any("工单 #1" in t or "广告牌" in t for t in texts), texts


@pytest.mark.parametrize(
    "flood",
    [
        pytest.param("车库那边水一直往里流 B区那排车都泡着了 有人还在里面推车", id="trial-R62"),
        pytest.param("地库进水了 好几辆车都泡着了", id="fresh"),
    ],
)
def test_trial_and_fresh_cars_standing_in_water_are_no_fire(sim: Simulator, flood: str) -> None:
    _at(sim, 23, 10)
    texts = _texts(say(sim, "2号楼居民群", "李叔", flood))
    assert not any("火情" in t or "沿楼梯撤离" in t for t in texts), texts


@pytest.mark.parametrize(
    "blown",
    [
        pytest.param("楼顶的铁皮棚被吹下来了 掉在3单元门口挡着路 幸好没砸到人", id="trial-R79"),
        pytest.param("阳台的雨棚被吹下来了 掉在楼下花坛里", id="fresh"),
    ],
)
def test_trial_and_fresh_something_blown_down_is_a_request(sim: Simulator, blown: str) -> None:
    _at(sim, 9, 50)
    texts = _texts(say(sim, "3号楼居民群", "林妈妈", blown))
    assert any("已收到您反映的问题（工单 #1" in t for t in texts), texts


@pytest.mark.parametrize(
    "safe",
    [
        pytest.param("安全了 孩子也没吓着 谢谢你们", id="trial-SR03"),
        pytest.param("都好 孩子没吓到", id="fresh"),
    ],
)
def test_trial_and_fresh_not_even_frightened_is_safe(sim: Simulator, safe: str) -> None:
    _at(sim, 22, 0)
    say(sim, "3号楼居民群", "陈阿姨", "楼道里冒烟了 好像是谁家电动车在充电 孩子吓得直哭")
    _at(sim, 22, 40)
    say(sim, "3号楼党小组", "刘志强", "#1 电动车电池烧了 已经灭了 已处理")
    _at(sim, 22, 50)
    texts = _texts(say(sim, "3号楼居民群", "陈阿姨", safe))
    assert any("平安就好" in t for t in texts), texts


def _parking_then_flood(sim: Simulator) -> None:
    _at(sim, 9, 0)
    say(sim, "幸福里业主群", "车主老徐", "谁的白色大众停在3号楼车位上 挡了一早上 电话也不接")
    _at(sim, 9, 30)
    say(sim, "社区党委工作群", "王书记", "#1 非职责 地下车位归物业管 请联系物业")
    _at(sim, 21, 0)
    say(sim, "幸福里业主群", "车主老徐", "地下车库入口的水哗哗往下灌 已经淹到车轮一半了")
    _at(sim, 21, 30)
    say(sim, "社区党委工作群", "王书记", "#2 物业抽完水了 已处理")
    _at(sim, 21, 40)


@pytest.mark.parametrize(
    "unsatisfied",
    [
        pytest.param("车位的事就这么推给物业了？不满意", id="trial-SR12"),
        pytest.param("占车位那个还是没人管 不满意", id="fresh"),
    ],
)
def test_trial_and_fresh_unsatisfied_naming_the_not_ours_ticket_is_of_it(
    sim: Simulator, unsatisfied: str
) -> None:
    _parking_then_flood(sim)
    texts = _texts(say(sim, "幸福里业主群", "车主老徐", unsatisfied))
    assert any("居民不满意非职责答复" in t and "工单 #1" in t for t in texts), texts
    assert not any("工单 #2 已重新交给" in t for t in texts), texts


@pytest.mark.parametrize(
    "rating",
    [
        pytest.param("车库那个满意 就是来得太慢了", id="trial-SR04"),
        pytest.param("抽水的事满意 下次早点来", id="fresh"),
    ],
)
def test_trial_and_fresh_satisfied_with_a_remark_after_it_rates(
    sim: Simulator, rating: str
) -> None:
    _parking_then_flood(sim)
    texts = _texts(say(sim, "幸福里业主群", "车主老徐", rating))
    assert any("工单 #2" in t and "评价" in t for t in texts), texts


@pytest.mark.parametrize(
    "leak",
    [
        pytest.param("我们3号楼3单元402 窗户关紧了还是往里渗水 窗台和地上都是水", id="trial-R43"),
        pytest.param("我家窗户缝往里渗水 地上都湿了 3号楼3单元402", id="fresh"),
    ],
)
def test_trial_and_fresh_rain_through_ones_window_is_not_the_dripping_air_conditioner(
    sim: Simulator, leak: str
) -> None:
    _at(sim, 8, 30)
    say(sim, "3号楼居民群", "林妈妈", "楼下那家的空调外机一直滴水 滴在我家雨棚上 嗒嗒嗒吵得睡不着")
    _at(sim, 16, 30)
    texts = _texts(say(sim, "3号楼居民群", "林妈妈", leak))
    assert any("已收到您反映的问题（工单 #2" in t and "402室" in t for t in texts), texts
    _at(sim, 18, 40)
    texts = _texts(say(sim, "3号楼居民群", "林妈妈", "402的水越来越多了 拿盆接都接不住"))
    assert any("【工单 #2 居民补充】" in t for t in texts), texts


@pytest.mark.parametrize(
    "cut",
    [
        pytest.param(
            "窗户玻璃被风吹爆了 我老公去关窗手被割了个大口子 血一直止不住 1号楼3单元601",
            id="trial-R71",
        ),
        pytest.param("切菜把手指头割了个大口子 血止不住 3号楼2单元101", id="fresh"),
    ],
)
def test_trial_and_fresh_a_cut_that_keeps_bleeding_is_told_to_stop_the_bleeding(
    sim: Simulator, cut: str
) -> None:
    _at(sim, 2, 0)
    texts = _texts(say(sim, "1号楼居民群", "孙大姐", cut))
    told = [t for t in texts if t.startswith("已收到您反映的问题")]
    assert told and "按住止血" in told[0] and "平躺" not in told[0], texts


@pytest.mark.parametrize(
    "board",
    [
        pytest.param("车库入口的挡水板谁去放一下 雨太大了", id="trial-R52"),
        pytest.param("雨这么大 地库入口的挡水板怎么还没放", id="fresh"),
    ],
)
def test_trial_and_fresh_the_flood_board_not_put_up_is_a_request(
    sim: Simulator, board: str
) -> None:
    _at(sim, 19, 0)
    texts = _texts(say(sim, "2号楼居民群", "车主老徐", board))
    assert any("【新工单 #1】" in t for t in texts), texts


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("刘爷爷儿子在家陪着 老人膝盖擦破点皮 上了药 没事了", id="trial-S13"),
        pytest.param("进去看了 刘爷爷就是睡得沉 没啥事了", id="fresh"),
    ],
)
def test_trial_and_fresh_staff_saying_the_emergency_they_hold_is_over_close_it(
    sim: Simulator, over: str
) -> None:
    _at(sim, 6, 50)
    say(
        sim,
        "2号楼居民群",
        "陈奶奶",
        "2号楼101刘爷爷一个人住 早上敲门没人应 屋里电视一直响着 昨晚好像听到咚的一声",
    )
    _at(sim, 8, 45)
    say(sim, "2号楼党小组", "陈桂兰", "好的 我去看看刘爷爷")
    _at(sim, 8, 50)
    texts = _texts(say(sim, "2号楼党小组", "陈桂兰", over))
    assert any("工单 #1 已办结（陈桂兰）" in t for t in texts), texts
    assert any(t.startswith("您反映的问题（工单 #1") and "已处理" in t for t in texts), texts


def test_staff_chat_with_a_safe_word_naming_nothing_of_the_emergency_closes_nothing(
    sim: Simulator,
) -> None:
    _at(sim, 6, 50)
    say(sim, "2号楼居民群", "陈奶奶", "2号楼101刘爷爷一个人住 早上敲门没人应 屋里电视一直响着")
    _at(sim, 8, 45)
    say(sim, "2号楼党小组", "陈桂兰", "好的 我去看看刘爷爷")
    _at(sim, 8, 50)
    texts = _texts(say(sim, "2号楼党小组", "陈桂兰", "我刚才崴了一下脚 没事了 大家放心"))
    assert not any("已办结" in t for t in texts), texts


EVENING = "通知 12月18日19:00 元旦晚会 地点:社区中心广场 对象:幸福里业主群 时长:2小时"
VOLUNTEERING = "通知 12月17日15:00 迎元旦志愿活动 地点:社区活动室 对象:3号楼居民群 名额:6"


@pytest.mark.parametrize(
    "asked",
    [
        pytest.param("元旦晚会在哪里报名 我也想去看看", id="trial-R40"),
        pytest.param("元旦晚会怎么报名啊", id="fresh"),
    ],
)
def test_trial_and_fresh_an_event_for_the_owners_chat_is_shown_when_asked_in_a_buildings_chat(
    sim: Simulator, asked: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", EVENING)
    say(sim, "社区党委工作群", "王书记", VOLUNTEERING)
    _at(sim, 15, 0)
    texts = _texts(say(sim, "2号楼居民群", "陈奶奶", asked))
    assert any("元旦晚会 #E" in t and "报名请回复" in t for t in texts), texts
    assert not any("迎元旦志愿活动" in t for t in texts), texts


def test_an_event_for_a_residents_chat_takes_sign_ups_not_leave(sim: Simulator) -> None:
    _at(sim, 8, 0)
    texts = _texts(say(sim, "社区党委工作群", "王书记", EVENING))
    notice = [t for t in texts if t.startswith("【活动通知】元旦晚会")]
    assert notice and "报名请回复" in notice[0] and "请假" not in notice[0], texts


@pytest.mark.parametrize(
    "asked",
    [
        pytest.param("台风天晚会会不会取消啊", id="trial-R26"),
        pytest.param("下雪了 晚会还照常吗", id="fresh"),
    ],
)
def test_trial_and_fresh_whether_an_event_is_still_on_is_a_question_for_staff(
    sim: Simulator, asked: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", EVENING)
    _at(sim, 10, 30)
    texts = _texts(say(sim, "幸福里业主群", "小美妈妈", asked))
    assert any("【新工单 #1】文化娱乐" in t for t in texts), texts


@pytest.mark.parametrize(
    "thanks",
    [
        pytest.param("好的 我去跟刘老师报名 谢谢", id="trial-SR10"),
        pytest.param("知道了 我明天找王主任报名", id="fresh"),
    ],
)
def test_trial_and_fresh_signing_up_with_someone_in_person_is_no_sign_up_here(
    sim: Simulator, thanks: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", EVENING)
    _at(sim, 10, 0)
    texts = _texts(say(sim, "幸福里业主群", "小美妈妈", thanks))
    assert not any("已为您报名" in t or "报名哪个活动" in t for t in texts), texts
