"""Day 33 leftovers (docs/trials/day33/report.md) and day 34 (docs/trials/day34/report.md):
trial sentences ("trial") next to wordings of mine ("fresh").

1. an old woman alone, her children not coming, her legs bad, is someone to look in on (R05);
2. a call to the flat upstairs got through is news of the leak, never a pipe burst paged nor
   the leak said fixed (R57);
3. a dog's mess in the lift with its owner asked to mind it is a complaint, not a lost-pet
   notice (R35);
4. a relative's flat told after 住, in words of one's own ticket, goes on that ticket (R36);
5. her leak told again with her own flat beside the one it comes from (R22, R102), and a
   neighbour echoing the drunk man (R90), join their tickets.

Day 34 (first contact on 357758b):
6. worse news of one's own danger need not repeat its words (R95); help arrived after a fall is
   no worse news (R32); "安全了 …就是吓着了" answers one's own question, and the one asked since
   one's latest report (P04, Q03); everyone safe closes a danger whatever repair follows (S85);
7. a lift door closing on someone is a repair, not a scare called off (Q07); a question holding
   还是 ("or") is no broken door (R74); a gas valve closed and a door reader working again are
   over news (R27, R81); someone shut in, now in hospital, is out (R63); a team's own notice is
   no ticket (R72);
8. staff and residents on events and ratings: an answer holding 登记一下 closes the question
   (S48); 改期 with a reason (S76); a roster asked in a staff group (S77); 去不了了 with a
   relative named elsewhere (P16); "扫干净了 这回像个样子" (P15)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _tickets
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "儿子在深圳说今年机票太贵不回来了 就我一个老太婆在家 年夜饭也不晓得烧给哪个吃 腿脚又不好",
            id="trial-R05",
        ),
        pytest.param("孩子们都在外地 今年过年就剩我一个人 腿脚又不好 买菜都难", id="fresh"),
    ],
)
def test_trial_and_fresh_an_old_woman_alone_with_bad_legs_is_someone_to_look_in_on(
    sim: Simulator, said: str
) -> None:
    _at(sim, 9, 0)
    texts = _texts(say(sim, "1号楼居民群", "顾奶奶", said))
    assert any("已收到您反映的问题" in t for t in texts), texts
    assert [(c, e) for _, c, _, e, _ in _tickets(sim)] == [("care", False)]


@pytest.mark.parametrize(
    "news",
    [
        pytest.param("602的业主电话打通了 他说托亲戚过来关总阀", id="trial-R57"),
        pytest.param("楼上的电话通了 说晚上回来看看", id="fresh"),
    ],
)
def test_trial_and_fresh_a_call_upstairs_got_through_is_news_of_the_leak_not_a_burst_nor_a_fix(
    sim: Simulator, news: str
) -> None:
    _at(sim, 9, 0)
    say(
        sim,
        "6号楼居民群",
        "宋老师",
        "我是6号楼1单元502的 楼上602家里漏水漏到我家了 天花板一直在滴 602没人在家",
    )
    _at(sim, 9, 10)
    texts = _texts(say(sim, "6号楼居民群", "宋老师", news))
    assert any("【工单 #1 居民补充】" in t for t in texts), texts
    assert not any("紧急" in t or "居民称已恢复" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "谁家的狗在电梯里拉了一泡 大过年的恶心死了 能不能管管自己家的狗", id="trial-R35"
        ),
        pytest.param("不知道谁家的狗在单元门口拉了一坨 我踩了一脚 管好自家的狗行不行", id="fresh"),
    ],
)
def test_trial_and_fresh_a_dogs_mess_with_its_owner_asked_to_mind_it_is_a_complaint(
    sim: Simulator, said: str
) -> None:
    _at(sim, 9, 0)
    texts = _texts(say(sim, "2号楼居民群", "林姐", said))
    assert any("已收到您反映的问题" in t for t in texts), texts
    assert [(c, s) for _, c, s, _, _ in _tickets(sim)] == [("dispute", "宠物")]


@pytest.mark.parametrize(
    ("report", "place", "where"),
    [
        pytest.param(
            "3号楼1单元楼道灯坏了好几天了 我婆婆晚上下楼看不见",
            "我婆婆住301 就是一单元那个灯",
            ("3", "1", "301"),
            id="trial-R36",
        ),
        pytest.param(
            "3号楼2单元的电梯按钮坏了 我妈上下楼不方便",
            "我妈住802 就是二单元那个电梯",
            ("3", "2", "802"),
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_a_relatives_flat_told_after_zhu_goes_on_her_own_ticket(
    sim: Simulator, report: str, place: str, where: tuple[str, str, str]
) -> None:
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "陶姐", report)
    _at(sim, 9, 10)
    texts = _texts(say(sim, "3号楼居民群", "陶姐", place))
    assert any("地点已补充为" in t for t in texts), texts
    with sim.core.factory() as session:
        tickets = session.scalars(select(Ticket)).all()
        assert [(t.building, t.unit, t.room) for t in tickets] == [where]


LEAK_FROM_602 = (
    "楼上602从昨天开始一直往我家渗水 天花板都泡鼓了 他家回老家过年了 电话打不通 这可怎么办"
)


@pytest.mark.parametrize(
    "again",
    [
        pytest.param("我是6号楼1单元502的 楼上就是602 水还在往下滴 拿盆接着呢", id="trial-R22"),
        pytest.param(
            "我家楼上602的水还在滴 明天早上能不能找人来开个门看看 我是1单元502",
            id="trial-R102",
        ),
        pytest.param("我住502 602那边还在往下滴 盆都快满了", id="fresh"),
        pytest.param("602的水还在往下滴 能不能叫物业来开一下他家门", id="fresh-asks"),
    ],
)
def test_trial_and_fresh_her_leak_told_again_with_her_own_flat_goes_on_her_ticket(
    sim: Simulator, again: str
) -> None:
    _at(sim, 8, 40)
    say(sim, "6号楼居民群", "宋老师", LEAK_FROM_602)
    _at(sim, 10, 30)
    texts = _texts(say(sim, "6号楼居民群", "宋老师", again))
    assert any("【工单 #1 居民补充】" in t for t in texts), texts
    assert not any("紧急" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    ("first", "echo"),
    [
        pytest.param(
            "4号楼3单元501那个又喝多了 在楼道里大喊大叫 还踢别人家门 吓得孩子不敢睡",
            "是啊 501的又在嚎 都十一点多了",
            id="trial-R89-R90",
        ),
        pytest.param(
            "4号楼501的又在耍酒疯 在楼道里大喊大叫",
            "对 501又在大喊大叫 烦死了",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_a_neighbour_echoing_the_drunk_man_joins_that_ticket(
    sim: Simulator, first: str, echo: str
) -> None:
    _at(sim, 20, 5)
    say(sim, "4号楼居民群", "小吴", first)
    _at(sim, 20, 15)
    texts = _texts(say(sim, "4号楼居民群", "秦奶奶", echo))
    assert any("已有居民反映过" in t and "#1" in t for t in texts), texts
    assert [(c, s) for _, c, s, _, _ in _tickets(sim)] == [("dispute", "噪音")]


# -- day 34 -------------------------------------------------------------------------------


MOANING = "隔壁502王爷爷家一直有人在哼哼 敲门没人开 他一个人住的 4号楼1单元"


@pytest.mark.parametrize(
    "worse",
    [
        pytest.param("还没人来 里面声音越来越小了", id="trial-R95"),
        pytest.param("里面动静越来越弱了 怎么还没人来", id="fresh"),
    ],
)
def test_trial_and_fresh_worse_news_of_ones_own_danger_need_not_repeat_its_words(
    sim: Simulator, worse: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "4号楼居民群", "小马", "请问居住证到期了续签去哪里办")
    _at(sim, 9, 10)
    say(sim, "4号楼居民群", "小马", MOANING)
    _at(sim, 9, 30)
    texts = _texts(say(sim, "4号楼居民群", "小马", worse))
    assert any("【紧急 #2 情况加重】" in t for t in texts), texts
    assert not any("您有几张工单还在处理" in t for t in texts), texts


@pytest.mark.parametrize(
    "news",
    [
        pytest.param("邻居帮忙叫了开锁的 我妈摔在卫生间了 人是清醒的 120已经来了", id="trial-R32"),
        pytest.param("门开了 我爸倒在厨房 人清醒 救护车已经到了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_fall_found_with_help_arrived_is_no_worse_news(
    sim: Simulator, news: str
) -> None:
    _at(sim, 12, 20)
    say(
        sim,
        "1号楼居民群",
        "刘先生",
        "我妈住1号楼2单元302 一个人住 邻居说听见屋里咚的一声 然后一直喊哎哟 门反锁着进不去",
    )
    _at(sim, 12, 40)
    texts = _texts(say(sim, "1号楼居民群", "刘先生", news))
    assert not any("情况加重" in t for t in texts), texts
    assert any("#1" in t for t in texts), texts


@pytest.mark.parametrize(
    "later",
    [
        pytest.param("我妈检查完了 骨裂 住院观察几天 谢谢邻居们", id="trial-R63"),
        pytest.param("我妈已经送到医院了 在拍片子", id="fresh"),
    ],
)
def test_trial_and_fresh_someone_shut_in_now_in_hospital_is_over_news_hours_later(
    sim: Simulator, later: str
) -> None:
    _at(sim, 12, 20)
    say(sim, "1号楼居民群", "刘先生", "我妈住1号楼2单元302 屋里咚的一声 一直喊哎哟 门反锁着进不去")
    _at(sim, 17, 40)
    texts = _texts(say(sim, "1号楼居民群", "刘先生", later))
    assert any("【工单 #1 居民称险情已解除】" in t for t in texts), texts


LIFT_WITH_CHILD = "5号楼2单元电梯卡在7楼8楼中间了 我孙子在里头拍门喊我 按了报警铃没人应"
SOMEONE_DOWN = "5号楼2单元楼梯口躺着个人 喊他没反应 头上好像有血"


@pytest.mark.parametrize(
    "safe",
    [
        pytest.param("安全了 孩子没事 就是吓着了", id="trial-P04"),
        pytest.param("都安全了 就是吓坏了", id="fresh"),
    ],
)
def test_trial_and_fresh_safe_but_frightened_answers_her_own_question_not_the_buildings_danger(
    sim: Simulator, safe: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "5号楼居民群", "吴大妈", LIFT_WITH_CHILD)
    _at(sim, 10, 0)
    say(sim, "5号楼居民群", "阿强", SOMEONE_DOWN)
    _at(sim, 10, 10)
    say(sim, "5号楼党小组", "周海", "#1 消防把孩子救出来了 物业也检修过了 办完了")
    _at(sim, 10, 15)
    texts = _texts(say(sim, "5号楼居民群", "吴大妈", safe))
    assert any("工单 #1 居民已确认安全" in t for t in texts), texts
    assert not any("#2" in t for t in texts), texts


def test_trial_safe_answers_the_question_asked_since_her_latest_report_q03(
    sim: Simulator,
) -> None:
    _at(sim, 8, 0)
    say(sim, "2号楼居民群", "小何", "2号楼1单元一楼电表箱里噼里啪啦的冒火花")
    _at(sim, 8, 30)
    say(sim, "2号楼党小组", "陈桂兰", "#1 电表箱换好了 电工说没问题了 已解决")
    _at(sim, 22, 0)
    say(sim, "2号楼居民群", "小何", "1单元电表箱那儿又在冒火花 啪啪直响 楼道灯一闪一闪的")
    _at(sim, 22, 10)
    say(sim, "2号楼党小组", "陈桂兰", "#2 电工来了把总闸拉了 人都没事 处理好了")
    _at(sim, 22, 20)
    texts = _texts(say(sim, "2号楼居民群", "小何", "安全了 谢谢陈姐"))
    assert any("工单 #2 居民已确认安全" in t for t in texts), texts
    assert not any("请问是对哪一张满意" in t for t in texts), texts


@pytest.mark.parametrize(
    "closing",
    [
        pytest.param("电工来了把总闸拉了 明天换电表箱 人都没事 处理好了", id="trial-S85"),
        pytest.param("火灭了 明天再找人修线路 大家都没事 搞定了", id="fresh"),
    ],
)
def test_trial_and_fresh_everyone_safe_closes_a_danger_whatever_repair_follows(
    sim: Simulator, closing: str
) -> None:
    _at(sim, 23, 20)
    say(sim, "2号楼居民群", "小何", "1单元电表箱那儿在冒火花 啪啪直响 楼道灯一闪一闪的")
    _at(sim, 23, 30)
    say(sim, "2号楼党小组", "陈桂兰", "收到 我马上下楼看看电表箱")
    _at(sim, 23, 50)
    texts = _texts(say(sim, "2号楼党小组", "陈桂兰", closing))
    assert any("工单 #1 已办结" in t for t in texts), texts
    assert not any("仍未办结" in t for t in texts), texts


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("5号楼2单元电梯门关的时候夹了我胳膊一下 不回弹 吓我一跳", id="trial-Q07"),
        pytest.param("电梯门夹人不回弹 吓我一跳 赶紧找人修修", id="fresh"),
    ],
)
def test_trial_and_fresh_a_lift_door_closing_on_someone_is_a_repair_not_a_scare_called_off(
    sim: Simulator, said: str
) -> None:
    _at(sim, 10, 0)
    texts = _texts(say(sim, "5号楼居民群", "吴大妈", said))
    assert any("已收到您反映的问题" in t for t in texts), texts
    assert [(c, s) for _, c, s, _, _ in _tickets(sim)] == [("maintenance", "电梯")]


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("新搬来的 请问门禁卡去哪办 要带房产证还是租房合同", id="trial-R74"),
        pytest.param("门禁卡丢了 补办是找物业还是找社区", id="fresh"),
    ],
)
def test_trial_and_fresh_a_question_holding_haishi_is_no_news_of_the_broken_door(
    sim: Simulator, question: str
) -> None:
    _at(sim, 18, 20)
    say(sim, "6号楼居民群", "周阿姨", "俺们6号楼2单元门禁卡刷了不开 得等别人出来才进得去 咋整啊")
    _at(sim, 19, 40)
    texts = _texts(say(sim, "6号楼居民群", "小郑", question))
    assert not any("已有居民反映过" in t for t in texts), texts
    assert len(_tickets(sim)) == 2


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("煤气公司的人来了 是402家灶台阀门没关严 已经关了开窗通风了", id="trial-R27"),
        pytest.param("燃气公司看过了 是301的软管松了 已经关了 开窗通风了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_gas_valve_closed_and_the_windows_open_is_over_news(
    sim: Simulator, over: str
) -> None:
    _at(sim, 10, 0)
    say(sim, "4号楼居民群", "陈阿姨", "4号楼3单元一进楼道一股子煤气味儿 熏得眼睛疼 不晓得是哪家的")
    _at(sim, 10, 20)
    texts = _texts(say(sim, "4号楼居民群", "陈阿姨", over))
    assert any("【工单 #1 居民称险情已解除】" in t for t in texts), texts


@pytest.mark.parametrize(
    "fixed",
    [
        pytest.param("门禁好了 刚才又试了一下能刷开了", id="trial-R81"),
        pytest.param("单元门的门禁好了 我又试了试 刷开了", id="fresh"),
    ],
)
def test_trial_and_fresh_the_door_reader_working_again_is_news_that_it_is_fixed(
    sim: Simulator, fixed: str
) -> None:
    _at(sim, 18, 20)
    say(sim, "6号楼居民群", "周阿姨", "俺们6号楼2单元门禁卡刷了不开 得等别人出来才进得去 咋整啊")
    _at(sim, 20, 50)
    texts = _texts(say(sim, "6号楼居民群", "周阿姨", fixed))
    assert any("【工单 #1 居民称已恢复】" in t for t in texts), texts


@pytest.mark.parametrize(
    "notice",
    [
        pytest.param("今晚7点半广场舞照常 新来的姐妹欢迎加入💃", id="trial-R72"),
        pytest.param("周六上午太极拳照常练 欢迎新朋友", id="fresh"),
    ],
)
def test_trial_and_fresh_a_teams_own_notice_is_no_ticket(sim: Simulator, notice: str) -> None:
    _at(sim, 17, 0)
    assert _texts(say(sim, "幸福里业主群", "广场舞刘姐", notice)) == []
    assert _tickets(sim) == []


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("#1 活动室周六上午可以借 到服务站登记一下就行", id="trial-S48"),
        pytest.param("#1 可以借 周一带身份证到服务站登记一下", id="fresh"),
    ],
)
def test_trial_and_fresh_an_answer_holding_dengji_yixia_closes_the_question(
    sim: Simulator, answer: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "王老师", "社区活动室周末能借吗 我们几个老姐妹想排练广场舞")
    _at(sim, 9, 30)
    texts = _texts(say(sim, "3号楼党小组", "刘志强", answer))
    assert any("答复如下" in t for t in texts), texts
    assert not any("添加备注" in t for t in texts), texts


PLANTING = "通知 12月19日8:30 护绿植树志愿服务 地点:小区中心花园 对象:3号楼居民群 名额:8 时长:2小时"
HAIRCUT = "通知 12月18日9:00 便民理发义诊 地点:社区广场 对象:幸福里业主群 名额:20 时长:3小时"


def test_trial_reschedule_with_a_reason_tells_the_new_time_and_why_s76(sim: Simulator) -> None:
    _at(sim, 9, 0)
    posted = " ".join(_texts(say(sim, "社区党委工作群", "王书记", PLANTING)))
    ref = re.search(r"#E\d+", posted)
    assert ref is not None, posted
    _at(sim, 9, 10)
    say(sim, "3号楼居民群", "李大爷", "植树那个我报名")
    _at(sim, 9, 20)
    texts = _texts(
        say(sim, "社区党委工作群", "王书记", f"改期 {ref[0]} 12月26日8:30 周六有大风预警")
    )
    assert any("改到12月26日" in t for t in texts), texts
    assert any("【活动改期】" in t and "原因：周六有大风预警" in t for t in texts), texts
    assert not any("没看懂" in t for t in texts), texts


def test_trial_a_roster_asked_in_the_communitys_group_names_a_residents_event_s77(
    sim: Simulator,
) -> None:
    _at(sim, 9, 0)
    say(sim, "社区党委工作群", "王书记", HAIRCUT)
    _at(sim, 9, 10)
    say(sim, "幸福里业主群", "张阿姨", "理发那个算我一个 我们老两口都去")
    _at(sim, 9, 20)
    texts = _texts(say(sim, "社区党委工作群", "王书记", "理发义诊那个报名的有几个人了"))
    assert any("便民理发义诊" in t and "张阿姨" in t for t in texts), texts


@pytest.mark.parametrize(
    "cannot",
    [
        pytest.param("改到26号啊 那天我要去闺女家 去不了了", id="trial-P16"),
        pytest.param("那天孙子过生日 我去不成了", id="fresh"),
    ],
)
def test_trial_and_fresh_not_going_with_a_relative_named_elsewhere_is_ones_own_withdrawal(
    sim: Simulator, cannot: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "社区党委工作群", "王书记", PLANTING)
    _at(sim, 9, 10)
    say(sim, "3号楼居民群", "李大爷", "植树那个我报名")
    _at(sim, 9, 20)
    texts = _texts(say(sim, "3号楼居民群", "李大爷", cannot))
    assert any("已取消您的报名" in t for t in texts), texts


@pytest.mark.parametrize(
    "verdict",
    [
        pytest.param("扫干净了 这回像个样子", id="trial-P15"),
        pytest.param("清干净了 这还差不多", id="fresh"),
    ],
)
def test_trial_and_fresh_clean_now_and_as_it_should_be_is_satisfied(
    sim: Simulator, verdict: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "2号楼居民群", "王姐", "2号楼后面草坪上全是杨絮 堆了厚厚一层 没人扫")
    _at(sim, 10, 0)
    say(sim, "2号楼党小组", "陈桂兰", "#1 保洁把杨絮都扫了 还洒了水 处理好了")
    _at(sim, 10, 10)
    texts = _texts(say(sim, "2号楼居民群", "王姐", verdict))
    assert any("已按“满意”记下" in t for t in texts), texts


@pytest.mark.parametrize(
    "left",
    [
        pytest.param("1单元地下室的积水还没人抽 一股霉味 楼梯口滑得很", id="trial-R83"),
        pytest.param("地下室的积水到现在还没人来抽 都发臭了", id="fresh"),
    ],
)
def test_trial_and_fresh_the_water_a_burst_pipe_left_goes_on_that_pipe_said_shut_off(
    sim: Simulator, left: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "3号楼居民群", "赵叔", "3号楼1单元地下室水管爆了 水哗哗往外喷 都快漫到电梯井了")
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "钱阿姨", "1单元地下室那个水还在往外冒 水电工来了没 楼梯口都湿了")
    _at(sim, 11, 0)
    say(sim, "3号楼居民群", "赵叔", "地下室水管总阀关了 水不往外冒了 就是地上还积着一层水")
    _at(sim, 19, 0)
    texts = _texts(say(sim, "3号楼居民群", "钱阿姨", left))
    assert any("【工单 #1 居民补充】" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("孩子家长已经带去医院打疫苗了 狗主人也找到了", id="trial-R62"),
        pytest.param("被咬的孩子已经送去医院了 狗也被主人牵走了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_bitten_child_taken_to_hospital_is_over_news_without_the_advice_again(
    sim: Simulator, over: str
) -> None:
    _at(sim, 16, 0)
    say(
        sim,
        "幸福里业主群",
        "小黄",
        "小区里一条大黄狗刚把一个小孩腿咬了 流了好多血 就在西门健身器材那儿 孩子妈妈吓哭了",
    )
    _at(sim, 16, 20)
    texts = _texts(say(sim, "幸福里业主群", "小黄", over))
    assert any("请核实后回复 #1 已处理" in t for t in texts), texts
    assert not any("肥皂水" in t for t in texts), texts
