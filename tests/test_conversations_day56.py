"""Day 56 (docs/trials/day56/, a first contact on 397ab84: a spring day and night in 幸福里社区,
124 resident messages and 81 staff lines): trial sentences ("trial") next to wordings of mine
("fresh"), and leftovers of day 55.

The worst failure: "#26 我去东门 已经打120了", the duty worker on his way to a child hit by a
car, closed the emergency, and the residents were asked whether everyone was safe."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day52 import ZONE
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def at(sim: Simulator, hour: int, minute: int) -> None:
    sim.clock.set(datetime(2028, 3, 15, hour, minute, tzinfo=ZONE))


def _ticket(sim: Simulator, number: int) -> Ticket:
    with sim.core.factory() as session:
        return session.get_one(Ticket, number)


def _count(sim: Simulator) -> int:
    with sim.core.factory() as session:
        return session.query(Ticket).count()


CAR = "东门口有个小孩骑自行车被一辆白色轿车撞了 躺地上哭 腿流血了 司机下车了"


@pytest.mark.parametrize(
    "claim",
    [
        pytest.param("#1 我去东门 已经打120了", id="trial-S041"),
        pytest.param("#1 我们马上去东门 120打过了", id="fresh"),
    ],
)
def test_trial_and_fresh_going_somewhere_named_claims_an_emergency_never_closes_it(
    sim: Simulator, claim: str
) -> None:
    at(sim, 16, 15)
    say(sim, "幸福里业主群", "骑电驴的小伙", CAR)
    at(sim, 16, 20)
    told = _texts(say(sim, "社区党委工作群", "刘值班", claim))
    assert _ticket(sim, 1).state == "claimed", told
    assert not any("安全了吗" in t for t in told), told
    at(sim, 16, 30)
    say(sim, "社区党委工作群", "刘值班", "#1 救护车拉走了 家长跟着去了 交警在处理")
    assert _ticket(sim, 1).state == "resolved"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "我奶奶一个人住在1号楼3单元201我在外地上班这两天给她打电话她都说头晕"
            "能不能麻烦社区派个人去看一眼谢谢了",
            id="trial-R017",
        ),
        pytest.param("我妈一个人住2号楼1单元302 最近老说头晕 麻烦社区谁有空去看看", id="fresh"),
    ],
)
def test_trial_and_fresh_an_elder_often_dizzy_is_a_visit_never_a_gas_poisoning_page(
    sim: Simulator, text: str
) -> None:
    at(sim, 8, 50)
    told = _texts(say(sim, "1号楼居民群", "孙奶奶孙女", text))
    assert not any("【紧急" in t or "一氧化碳" in t or "通风" in t for t in told), told
    assert _ticket(sim, 1).category == "care"


def test_unseen_several_dizzy_by_a_brazier_is_still_gas_poisoning(sim: Simulator) -> None:
    at(sim, 22, 0)
    told = _texts(
        say(sim, "2号楼居民群", "小钱", "2号楼601老两口屋里烧着炭盆 门窗关着 两个都说头晕")
    )
    assert any("【紧急 #1】" in t for t in told), told


@pytest.mark.parametrize(
    "news",
    [
        pytest.param("我在楼上看着呢 有人头被打破了 在流血", id="trial-R102"),
        pytest.param("6号楼下面那帮人还在打 有个被打伤了", id="fresh"),
    ],
)
def test_trial_and_fresh_someone_hurt_in_the_fight_is_news_of_it_never_a_page_of_its_own(
    sim: Simulator, news: str
) -> None:
    at(sim, 21, 5)
    say(sim, "6号楼居民群", "小宋", "楼下两帮人喝多了打起来了 有人抡酒瓶子 就在6号楼3单元门口")
    at(sim, 21, 15)
    told = _texts(say(sim, "6号楼居民群", "小郑", news))
    assert _count(sim) == 1, told
    assert any("工单 #1" in t for t in told), told


def test_day55_a_retort_in_the_clutter_quarrel_joins_the_clutter_ticket(jm: Simulator) -> None:
    """Day 55 R065: the reporter of the boxes in the stairwell, answering the neighbour."""
    at(jm, 11, 43)
    say(jm, "3号楼居民群", "老周", "楼道里堆满了纸箱子泡沫板 2单元三楼那家的 万一着火咋整")
    at(jm, 15, 49)
    say(jm, "3号楼居民群", "小郑", "纸箱子是我家的 过两天收废品的来就拉走 至于在群里说吗")
    at(jm, 15, 54)
    told = _texts(
        say(jm, "3号楼居民群", "老周", "楼道是公共的 堆那么多着火了谁负责 你这人怎么不讲理")
    )
    assert _count(jm) == 1, told
    assert any("工单 #1" in t for t in told), told


def test_fresh_materials_bought_and_the_work_this_afternoon_is_no_closing(sim: Simulator) -> None:
    at(sim, 9, 0)
    say(sim, "1号楼居民群", "小王", "1号楼2单元楼道灯坏了好几天了")
    at(sim, 9, 30)
    say(sim, "1号楼党小组", "张建国", "#1 灯泡买好了 下午就换")
    assert _ticket(sim, 1).state in ("open", "claimed")


@pytest.mark.parametrize(
    ("first", "chase"),
    [
        pytest.param(
            "阳台上全是杨絮 团成一团一团的 楼下还有人抽烟乱扔烟头 这玩意一点就着 物业能不能管管",
            "杨絮这个事就没人理？",
            id="trial-R061",
        ),
        pytest.param(
            "咱楼顶上的太阳能热水器管子是不是裂了 一直往下滴水 滴到我家窗台上了 整晚哒哒响",
            "太阳能管子到底谁管啊",
            id="trial-R068",
        ),
        pytest.param(
            "楼上502家装修 电钻从七点半就开始了 震得我家墙皮都往下掉 规定不是八点以后吗",
            "还在钻 我家孩子网课都上不了了",
            id="trial-R023",
        ),
        pytest.param("6号楼门口的路灯不亮了 晚上黑乎乎的", "路灯的事有人理吗", id="fresh"),
    ],
)
def test_trial_and_fresh_chasing_ones_own_ticket_joins_it_never_opens_another(
    sim: Simulator, first: str, chase: str
) -> None:
    at(sim, 8, 15)
    say(sim, "6号楼居民群", "吴大爷", first)
    at(sim, 15, 5)
    told = _texts(say(sim, "6号楼居民群", "吴大爷", chase))
    assert _count(sim) == 1, told
    assert any("工单 #1" in t and "转告" in t for t in told), told


@pytest.mark.parametrize(
    ("hour", "minute", "group_told"),
    [
        pytest.param(22, 5, False, id="trial-22:05"),
        pytest.param(21, 55, True, id="fresh-before-the-quiet-hours"),
    ],
)
def test_trial_and_fresh_a_ticket_withdrawn_at_night_wakes_no_group(
    sim: Simulator, hour: int, minute: int, group_told: bool
) -> None:
    at(sim, 21, 45)
    say(sim, "2号楼居民群", "夜猫子小陈", "楼下谁家车报警器响了半小时了 吵死了")
    at(sim, hour, minute)
    sent = say(sim, "2号楼居民群", "夜猫子小陈", "车主自己下来关了 #1 撤销")
    told = _texts(sent)
    assert any("已为您撤销工单 #1" in t for t in told), told
    assert any(m.room_id.endswith("2号楼党小组") for m in sent) is group_told, told


def test_trial_chasing_ones_ticket_with_a_like_event_announced_chases_the_ticket(
    sim: Simulator,
) -> None:
    """R061 in the day itself: a 杨絮 clean-up announced before made the chase a question about
    the event, a ticket 文化娱乐·活动报名."""
    at(sim, 8, 15)
    say(
        sim,
        "6号楼居民群",
        "吴大爷",
        "阳台上全是杨絮 团成一团一团的 楼下还有人抽烟乱扔烟头 这玩意一点就着",
    )
    at(sim, 10, 0)
    notice = "通知 3月18日9:00 春季杨絮清理志愿服务 地点:小区中心广场 对象:幸福里业主群 名额:12"
    say(sim, "社区党委工作群", "王书记", notice)
    at(sim, 15, 5)
    told = _texts(say(sim, "6号楼居民群", "吴大爷", "杨絮这个事就没人理？"))
    assert _count(sim) == 1, told
    assert any("工单 #1" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("21号晚上我区里有会 主题党日去不了 请个假", id="trial-S084"),
        pytest.param("主题党日那天我要值班 来不了了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_member_not_coming_to_the_party_day_takes_leave(
    sim: Simulator, said: str
) -> None:
    at(sim, 9, 0)
    volunteer = "通知 3月18日9:00 春季杨絮清理志愿服务 地点:小区中心广场 对象:幸福里业主群 名额:12"
    say(sim, "社区党委工作群", "王书记", volunteer)
    at(sim, 15, 0)
    meeting = "通知 3月21日19:30 主题党日 学习两会精神 地点:社区活动室 对象:4号楼党小组"
    say(sim, "4号楼党小组", "孙丽", meeting)
    at(sim, 21, 20)
    told = _texts(say(sim, "4号楼党小组", "王书记", said))
    assert any("已为您请假：主题党日" in t for t in told), told


def test_trial_staff_going_to_help_a_search_is_no_sign_up(sim: Simulator) -> None:
    """S051 "公园那边我带两个人去" in the grid's group during the search for a grandmother: the
    bot asked which event he signed up for."""
    at(sim, 9, 0)
    volunteer = "通知 3月18日9:00 春季杨絮清理志愿服务 地点:小区中心广场 对象:幸福里业主群 名额:12"
    say(sim, "社区党委工作群", "王书记", volunteer)
    at(sim, 17, 45)
    lost = "我妈下午出去遛弯到现在还没回来 她有点老年痴呆 穿红棉袄 手机没带 3号楼2单元401"
    say(sim, "3号楼居民群", "李姐", lost)
    at(sim, 17, 50)
    say(sim, "3号楼党小组", "刘志强", "#1 我马上组织人找 李姐把老人照片发我")
    at(sim, 18, 5)
    told = _texts(say(sim, "第一网格党支部群", "李网格长", "公园那边我带两个人去"))
    assert not any("报名" in t for t in told), told


GAS_AT_NIGHT = "3号楼2单元楼道里一股很冲的煤气味 好像是402那家"


@pytest.mark.parametrize(
    "claim",
    [
        pytest.param("#1 我穿上衣服马上过去 燃气公司电话打了", id="unseen-56b-L092"),
        pytest.param("#1 我下楼拿个手电马上过去 已经打了燃气抢修", id="fresh"),
    ],
)
def test_unseen_and_fresh_on_the_way_at_the_end_of_a_clause_claims_the_night_gas_leak(
    jm: Simulator, claim: str
) -> None:
    """Day 56b (fresh eyes on d36c718): the night gas leak was closed by its claim."""
    at(jm, 23, 40)
    say(jm, "3号楼居民群", "冯姐", GAS_AT_NIGHT)
    at(jm, 23, 46)
    told = _texts(say(jm, "3号楼党小组", "韩涛", claim))
    assert _ticket(jm, 1).state == "claimed", told
    assert not any("安全了吗" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("#1 我这会儿去601看看李爷爷", id="unseen-56b-L049"),
        pytest.param("#1 保洁现在过去清", id="unseen-56b-L062"),
        pytest.param("#1 我上班顺路去药店 拿了给林奶奶送过去", id="unseen-56b-L109"),
    ],
)
def test_unseen_someone_going_now_with_the_number_claims_and_the_resident_hears_it(
    jm: Simulator, said: str
) -> None:
    at(jm, 9, 0)
    say(jm, "3号楼居民群", "小林", "3号楼1单元门口一堆垃圾好几天没人清了 麻烦处理一下")
    at(jm, 9, 30)
    told = _texts(say(jm, "3号楼党小组", "韩涛", said))
    assert _ticket(jm, 1).state == "claimed", told
    assert any("韩涛正在处理" in t for t in told), told
