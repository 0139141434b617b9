"""Day 39 (docs/trials/day39/report.md, first contact on the day 38 fixes): trial sentences
("trial") next to wordings of mine ("fresh").

1. all-clears: news naming one's own page (its flat) is that page's, never the missing child's
   (R58); "烧坏了两辆车" of the burning e-bike shed ends that fire (R93); a mother gone to hospital
   with a fever that "退了点" is over news (R97);
2. a sighting naming the searching family, read as a noise complaint, is a lead (R31);
3. movers holding the lift are no one trapped (R09); "修好了没啊" asks (R53);
4. sign-ups: a 接龙 titled 元宵 (R06), a line of "一家三口" (R59), one child of three dropping out
   (R52)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _paged, _tickets
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

LEAK = "5号楼3单元 楼上602家洗衣机漏水 滴到我家卫生间顶上了 敲门没人开 打电话也不接"
MISSING_BOY = (
    "我儿子上午去上英语补习班 说好十一点半到家的 现在十二点多了还没回来 电话手表打不通"
    " 老师说11点就放了 5号楼1单元"
)


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("602的人回来了 是洗衣机管子脱了 已经修了 不滴了", id="trial-R58"),
        pytest.param("楼上602的人回来了 把水阀关了 不滴了", id="fresh"),
    ],
)
def test_trial_and_fresh_news_naming_her_own_page_is_never_the_missing_childs(
    sim: Simulator, over: str
) -> None:
    _at(sim, 10, 10)
    say(sim, "5号楼居民群", "小何", LEAK)
    _at(sim, 12, 10)
    say(sim, "5号楼居民群", "何女士", MISSING_BOY)
    _at(sim, 14, 10)
    say(sim, "5号楼居民群", "小何", "楼上还在漏 现在顺着灯泡往下滴了 我把总闸关了")
    _at(sim, 16, 40)
    texts = _texts(say(sim, "5号楼居民群", "小何", over))
    assert any("工单 #1" in t for t in texts), texts
    assert not any("工单 #2" in t for t in texts), texts


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("保安把电闸拉了 用灭火器灭了 烧坏了两辆车 没人受伤", id="trial-R93"),
        pytest.param("火扑灭了 是我家的车电池烧了 没烧到别的", id="fresh"),
    ],
)
def test_trial_and_fresh_burnt_bikes_told_as_cars_end_the_shed_fire(
    sim: Simulator, over: str
) -> None:
    _at(sim, 19, 20)
    say(sim, "1号楼居民群", "老马", "东门外绿化带有人放烟花 把枯草点着了 火苗窜得老高 快烧到停着的车了")
    _at(sim, 19, 40)
    say(sim, "1号楼居民群", "老马", "消防车来了 火灭了 没烧到车")
    _at(sim, 23, 15)
    say(
        sim,
        "1号楼居民群",
        "小马",
        "1号楼车棚电动车充电那里冒烟了 一股塑料烧焦的味道 有个电瓶在滋滋响",
    )
    _at(sim, 23, 40)
    texts = _texts(say(sim, "1号楼居民群", "小马", over))
    assert any("工单 #2" in t for t in texts), texts
    assert any("险情已解除" in t and "工单 #2" in t for t in texts), texts


@pytest.mark.parametrize(
    "over",
    [
        pytest.param("楼下邻居开车送我们去儿童医院了 孩子现在退了点 谢谢谢谢", id="trial-R97"),
        pytest.param("已经到医院了 医生在看 烧退了点", id="fresh"),
    ],
)
def test_trial_and_fresh_gone_to_hospital_with_the_fever_down_a_little_is_over_news(
    sim: Simulator, over: str
) -> None:
    _at(sim, 23, 0)
    say(
        sim,
        "2号楼居民群",
        "小陈妈妈",
        "我家孩子烧到四十度 刚才抽了一下 眼睛往上翻 老公出差了 我一个人不知道怎么办 2号楼3单元501",
    )
    _at(sim, 23, 20)
    texts = _texts(say(sim, "2号楼居民群", "小陈妈妈", over))
    assert any("险情已解除" in t for t in texts), texts
    assert not any("请立即拨打120" in t for t in texts), texts


@pytest.mark.parametrize(
    "sighting",
    [
        pytest.param(
            "5号楼何家孩子是不是戴眼镜的 我刚在菜场门口看见一个小孩在看人放鞭炮", id="trial-R31"
        ),
        pytest.param("何家那个戴眼镜的小孩 我刚在超市门口看到了 在看人家放炮", id="fresh"),
    ],
)
def test_trial_and_fresh_a_sighting_naming_the_searching_family_is_a_lead(
    sim: Simulator, sighting: str
) -> None:
    _at(sim, 12, 10)
    say(sim, "5号楼居民群", "何女士", MISSING_BOY)
    _at(sim, 12, 30)
    messages = say(sim, "4号楼居民群", "吴大爷", sighting)
    texts = _texts(messages)
    assert any("线索" in t and "工单 #1" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "movers",
    [
        pytest.param("搬家的把电梯占了一早上了 电梯门一直用纸箱卡着 我们老人下不了楼", id="trial-R09"),
        pytest.param("搬家公司又来了 电梯又被他们卡住了 今天第三家了", id="trial-R60"),
        pytest.param("搬家的一直占着电梯 门口堆满箱子 我们上下楼都等半天", id="fresh"),
    ],
)
def test_trial_and_fresh_movers_holding_the_lift_page_nobody(sim: Simulator, movers: str) -> None:
    _at(sim, 8, 50)
    messages = say(sim, "4号楼居民群", "吴大爷", movers)
    assert _paged(messages) == [], _texts(messages)


def test_fresh_someone_shut_in_the_lift_while_moving_is_still_paged(sim: Simulator) -> None:
    _at(sim, 13, 0)
    messages = say(
        sim,
        "3号楼居民群",
        "小吴",
        "3号楼1单元电梯卡在7楼和8楼中间了 里面有个搬家的小伙子和一车箱子 在里面拍门喊人",
    )
    assert any("【紧急 #1】" in t for t in _paged(messages)), _texts(messages)


@pytest.mark.parametrize(
    "asked",
    [
        pytest.param("电梯修好了没啊 我八十多的老娘在楼上下不来", id="trial-R53"),
        pytest.param("电梯好了没 等半天了", id="fresh"),
    ],
)
def test_trial_and_fresh_asking_whether_it_is_fixed_is_no_news_that_it_is(
    sim: Simulator, asked: str
) -> None:
    _at(sim, 12, 50)
    say(sim, "1号楼居民群", "老马", "1号楼1单元电体又坏了 停在5楼不动 按钮按了没反应")
    _at(sim, 16, 0)
    messages = say(sim, "1号楼居民群", "老马", asked)
    assert not any("已恢复" in t or "核实后会办结" in t for t in _texts(messages)), _texts(
        messages
    )
    assert any("工单 #1" in t for t in _texts(messages)), _texts(messages)


LANTERNS = "通知 12月20日19:00 元宵猜灯谜 地点:社区广场 对象:幸福里业主群 名额:40 时长:2小时"


@pytest.mark.parametrize(
    ("chain", "left"),
    [
        pytest.param("元宵猜灯谜接龙\n1.陈阿姨+孙女\n2.小美", 37, id="trial-R06"),
        pytest.param("元宵灯谜报名接龙\n1.陈阿姨\n2.小美\n3.小美妈妈", 37, id="fresh"),
    ],
)
def test_trial_and_fresh_a_chain_for_the_lantern_evening_signs_everyone_up(
    sim: Simulator, chain: str, left: int
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", LANTERNS)
    _at(sim, 8, 20)
    texts = _texts(say(sim, "幸福里业主群", "陈阿姨", chain))
    assert any("接龙已登记" in t and f"还剩{left}个" in t for t in texts), texts


def test_trial_a_chain_line_of_a_family_of_three_takes_three_places(sim: Simulator) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", LANTERNS)
    _at(sim, 8, 20)
    say(sim, "幸福里业主群", "陈阿姨", "元宵猜灯谜接龙\n1.陈阿姨+孙女\n2.小美")
    _at(sim, 16, 50)
    texts = _texts(
        say(sim, "幸福里业主群", "李大爷", "元宵猜灯谜接龙\n1.陈阿姨+孙女\n2.小美\n3.李大爷一家三口")
    )
    assert any("新报名3人" in t and "还剩34个" in t for t in texts), texts
    _at(sim, 17, 30)
    texts = _texts(say(sim, "幸福里业主群", "小美", "我晚上临时要加班 灯谜去不了了 把我名字划掉吧"))
    assert any("已取消您的报名" in t for t in texts), texts


@pytest.mark.parametrize(
    "dropped",
    [
        pytest.param("义剪那个 小的发烧了去不了 就我跟老大", id="trial-R52"),
        pytest.param("义剪老二去不了了 我带老大去", id="fresh"),
    ],
)
def test_trial_and_fresh_one_child_dropping_out_keeps_the_rest(
    sim: Simulator, dropped: str
) -> None:
    _at(sim, 8, 0)
    say(
        sim,
        "第二网格党支部群",
        "赵网格长",
        "通知 12月21日09:30 开学前爱心义剪 地点:社区服务站 对象:4号楼居民群、5号楼居民群、6号楼居民群 名额:12",
    )
    _at(sim, 11, 30)
    say(sim, "5号楼居民群", "周先生", "义剪我报一个 带两个娃去剪头 一共3个 开学前总算能剪了")
    _at(sim, 15, 50)
    texts = _texts(say(sim, "5号楼居民群", "周先生", dropped))
    assert any("已改为2人" in t and "还剩10个" in t for t in texts), texts


@pytest.mark.parametrize(
    "safe",
    [
        pytest.param("安全了 烟散得差不多了", id="trial-S96"),
        pytest.param("安全了 味道散得差不多了 谢谢", id="fresh"),
    ],
)
def test_trial_and_fresh_safe_with_the_smoke_nearly_gone_confirms_the_fire_safe(
    sim: Simulator, safe: str
) -> None:
    _at(sim, 22, 35)
    say(
        sim,
        "5号楼居民群",
        "楼下邻居",
        "5号楼2单元三楼楼道里堆的纸箱被烟头点着了 在冒黑烟 整个楼道都是烟",
    )
    _at(sim, 22, 50)
    say(sim, "5号楼党小组", "周海", "#1 已处理 火扑灭了 纸箱烧了 没人受伤 楼道窗户都打开散烟了")
    _at(sim, 22, 55)
    texts = _texts(say(sim, "5号楼居民群", "楼下邻居", safe))
    assert any("平安就好" in t and "工单 #1" in t for t in texts), texts


# -- day 39 leftovers (twenty-third session) ---------------------------------------------------


@pytest.mark.parametrize(
    ("report", "who"),
    [
        pytest.param(MISSING_BOY, "儿子", id="trial-R29"),
        pytest.param("我家老头子下午出去遛弯 到现在还没回来 他有点糊涂 3号楼2单元", "老头子", id="fresh"),
        pytest.param("我妈早上出门买菜 到现在都没回来 电话也不接 她78了 2号楼", "我妈", id="fresh-mother"),
    ],
)
def test_trial_and_fresh_a_missing_persons_page_says_who_is_missing(
    sim: Simulator, report: str, who: str
) -> None:
    _at(sim, 12, 10)
    group = f"{report.split('号楼')[0][-1]}号楼居民群"
    pages = _paged(say(sim, group, "何女士", report))
    assert pages and "紧急 #1】" in pages[0], pages
    headline = pages[0].splitlines()[0]
    assert who in headline, headline


@pytest.mark.parametrize(
    "fire",
    [
        pytest.param("东门外绿化带有人放烟花 把枯草点着了 火苗窜得老高 快烧到停着的车了", id="trial-R72"),
        pytest.param("小区外面马路边的垃圾桶着火了 烟好大", id="fresh"),
    ],
)
def test_trial_and_fresh_a_fire_outside_the_gate_is_no_fire_of_the_chats_building(
    sim: Simulator, fire: str
) -> None:
    _at(sim, 19, 20)
    messages = say(sim, "1号楼居民群", "老马", fire)
    pages = _paged(messages)
    assert pages and "紧急 #1】" in pages[0], _texts(messages)
    assert "1号楼" not in pages[0].splitlines()[0], pages[0]
    assert not any(m.room_id == "1号楼党小组" for m in messages), _texts(messages)


def test_fresh_a_building_fire_hours_after_an_unclosed_one_is_paged_as_its_own(
    sim: Simulator,
) -> None:
    _at(sim, 14, 0)
    say(sim, "3号楼居民群", "老马", "3号楼2单元楼道里有电动车在冒烟 好大的味道")
    _at(sim, 18, 30)
    messages = say(sim, "3号楼居民群", "李姐", "楼下草坪着火了 火越来越大了")
    assert any("【紧急 #2】" in t for t in _paged(messages)), _texts(messages)
    _at(sim, 18, 50)
    messages = say(sim, "3号楼居民群", "老马", "电动车那个又冒烟了 烟越来越大了")
    assert any("【紧急 #1 情况加重】" in t for t in _paged(messages)), _texts(messages)


@pytest.mark.parametrize(
    "done",
    [
        pytest.param("电梯修好了 是18楼的按钮接触不良", id="trial-S84"),
        pytest.param("电梯那边弄好了 顶楼能到了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_closing_fitting_one_waiting_ticket_alone_closes_it(
    sim: Simulator, done: str
) -> None:
    _at(sim, 9, 0)
    say(sim, "3号楼居民群", "李姐", "3号楼1502室 楼上咚咚咚一晚上了 能不能管管")
    _at(sim, 13, 25)
    say(sim, "3号楼居民群", "王大妈", "电梯去不了顶楼 按了18楼它不动")
    _at(sim, 14, 0)
    texts = _texts(say(sim, "3号楼党小组", "刘志强", done))
    assert any("#2" in t and "看不出" not in t for t in texts), texts
    with sim.core.factory() as session:
        assert session.get(Ticket, 2).state == "resolved"  # type: ignore[union-attr]
        assert session.get(Ticket, 1).state == "open"  # type: ignore[union-attr]
