"""Day 18, residents' side: the trial's own sentences ("trial" in the name) next to fresh
wordings of the same kind written before the fix ("fresh"). Findings
(docs/trials/day18/report.md):
- a neighbour asking care for an elder now alone ("老伴住院去了 … 能不能让社区的人常去看看她")
  is a new request, never "险情已解除" of the husband's fall (R69);
- "+1 我家就在广场边上" after the square-dance complaint is not the electrical emergency of
  the building (R53); a lift chase of the reporter's own lift ticket is not another lift's
  trapped person (R29); a barking dog at night is not the square-dance ticket (R96);
- "着火了咋跑" about clutter is a what-if, not a fire (R39)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.test_conversations_resid16 import _paged, _read, _tickets, _trial_and_fresh
from tests.test_conversations_trial12 import _later, _to
from tests.test_ticket_time_limits import say

OVER = "险情已解除"

# -- 1. a care request is never over news (R69) ------------------------------------------------

FALL = "3号楼2单元402 我老伴在卫生间摔倒了 起不来 腿疼得厉害 我一个人扶不动"
CARE_TRIAL = ["我家对门402的张阿姨 老伴住院去了 她一个人在家 心脏也不好 能不能让社区的人常去看看她"]
CARE_FRESH = [
    "402张阿姨老伴送医院了 就剩她一个人在家 能不能安排人常去看看她",
    "张阿姨家老周住院了 她一个人腿脚不好 麻烦社区的人帮她买点菜",
    "对门老周住院了 张阿姨一个人在家 社区能不能派人去陪陪她",
]


@pytest.mark.parametrize("text", _trial_and_fresh(CARE_TRIAL, CARE_FRESH))
def test_trial_and_fresh_a_care_request_after_a_fall_is_a_new_ticket_not_over_news(
    sim: Simulator, text: str
) -> None:
    say(sim, "3号楼居民群", "张阿姨", FALL)
    _later(sim, 60)
    say(sim, "3号楼居民群", "李大爷", "救护车拉走了 去市一院了")
    _later(sim, 120)
    said = say(sim, "3号楼居民群", "刘大姐", text)
    assert not any(OVER in m.text for m in said), said
    tickets = _tickets(sim)
    assert len(tickets) == 2 and not tickets[1][3], tickets
    assert not _paged(said), said


def test_over_news_of_the_fall_still_reaches_its_ticket(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "张阿姨", FALL)
    _later(sim, 20)
    said = say(sim, "3号楼居民群", "张阿姨", "救护车拉走了 住院了 谢谢大家")
    assert any(OVER in m.text for m in said), said
    assert len(_tickets(sim)) == 1


# -- 2. unrelated joins (R53, R29, R96) ----------------------------------------------------------

SPARKS = "2号楼1202楼上漏水 我家卫生间灯都不敢开 怕漏电"
DANCE = "你们有没有觉得晚上那个广场舞音响太大了 开到九点半 老人孩子都睡不了"
PLUS_TRIAL = ["+1 我家就在广场边上"]
PLUS_FRESH = ["+1 我家也在广场旁边 吵得很", "+1 天天九点多还在跳", "同感 我家窗户正对着广场"]


@pytest.mark.parametrize("text", _trial_and_fresh(PLUS_TRIAL, PLUS_FRESH))
def test_trial_and_fresh_plus_one_after_the_square_dance_is_not_the_electrical_emergency(
    sim: Simulator, text: str
) -> None:
    say(sim, "2号楼居民群", "赵姐", "2单元1202漏电了 配电箱冒火花 快来人")
    _later(sim, 60)
    say(sim, "2号楼居民群", "小孟", DANCE)
    _later(sim, 30)
    said = say(sim, "2号楼居民群", "老郑", text)
    to_chat = " ".join(_to(said, "2号楼居民群"))
    assert "#1" not in to_chat, said
    assert "110" not in to_chat and "119" not in to_chat, said
    assert not _paged(said), said


LIFT = "电体又坏了 我八十多了爬不动十一楼啊 谁能管管"
TRAPPED = "3单元电梯卡在7楼不动了 里面好像有人在拍门"
LIFT_CHASE_TRIAL = ["电梯还没修好嘛 我今天要去医院复查 咋个下去嘛"]
LIFT_CHASE_FRESH = [
    "电梯到底啥时候修好 我下午还得去医院",
    "电梯怎么还没修 我腿不好下不去楼",
    "电梯还是坏的 我买的菜都拎不上去",
]


@pytest.mark.parametrize("text", _trial_and_fresh(LIFT_CHASE_TRIAL, LIFT_CHASE_FRESH))
def test_trial_and_fresh_a_lift_chase_is_the_own_lift_ticket_not_the_trapped_person(
    sim: Simulator, text: str
) -> None:
    say(sim, "5号楼居民群", "陈奶奶", LIFT)
    _later(sim, 5)
    say(sim, "5号楼居民群", "小刘", TRAPPED)
    _later(sim, 90)
    said = say(sim, "5号楼居民群", "陈奶奶", text)
    to_chat = " ".join(_to(said, "5号楼居民群"))
    assert "#2" not in to_chat, said
    assert "警铃" not in to_chat and "扒门" not in to_chat, said


DOG_TRIAL = ["睡不着 楼下谁家狗叫了一晚上了"]
DOG_FRESH = ["楼下的狗叫了一宿 吵得睡不着", "不知道谁家的狗一晚上都在叫 孩子都醒了"]


@pytest.mark.parametrize("text", _trial_and_fresh(DOG_TRIAL, DOG_FRESH))
def test_trial_and_fresh_a_barking_dog_is_not_the_square_dance_ticket(
    sim: Simulator, text: str
) -> None:
    say(sim, "2号楼居民群", "小孟", DANCE)
    _later(sim, 600)
    said = say(sim, "2号楼居民群", "小孟", text)
    assert not any("#1" in m for m in _to(said, "2号楼居民群")), said


# -- 5. a what-if fire about clutter (R39) ------------------------------------------------------

RUN_TRIAL = ["2单元楼道里堆了好多纸箱子 旧沙发 消防通道都堵了 着火了咋跑"]
RUN_FRESH = [
    "楼道里全是杂物 消防通道堵死了 着火了往哪跑",
    "楼梯口堆满旧家具 起火了怎么跑得出去",
    "安全通道堆满了纸箱 失火了咋逃",
]


@pytest.mark.parametrize("text", _trial_and_fresh(RUN_TRIAL, RUN_FRESH))
def test_trial_and_fresh_clutter_with_how_would_we_run_pages_nobody(
    sim: Simulator, text: str
) -> None:
    said = say(sim, "5号楼居民群", "小王", text)
    assert not _paged(said), said
    assert not any("119" in m for m in _to(said, "5号楼居民群")), said
    assert not _read(text).emergency


# -- 3. a fire's "out" news at night, worse news of the meter box (R95, R76, R77) ---------------

CLUTTER = "2单元楼道里堆了好多纸箱子 旧沙发 消防通道都堵了"
FIRE = "5号楼2单元楼道里着火了 是那堆纸箱子 烟好大"
FIRE_OUT_TRIAL = ["消防灭了 纸箱子烧光了 墙熏黑了 人都没事"]
FIRE_OUT_FRESH = [
    "火灭了 纸箱子都烧没了 大家都没事",
    "消防队把火扑灭了 楼道熏黑了 没人受伤",
    "明火没了 纸壳子烧完了 人都好好的",
]


@pytest.mark.parametrize("text", _trial_and_fresh(FIRE_OUT_TRIAL, FIRE_OUT_FRESH))
def test_trial_and_fresh_the_fire_out_at_night_reaches_the_fire_not_the_clutter(
    sim: Simulator, text: str
) -> None:
    say(sim, "5号楼居民群", "小王", CLUTTER)
    _later(sim, 60 * 14)  # 23:00
    say(sim, "5号楼居民群", "小王", FIRE)
    _later(sim, 15)
    said = say(sim, "5号楼居民群", "小王", text)
    assert any(OVER in m and "#2" in m for m in _to(said, "社区党委工作群")), said
    assert not any("#1" in m for m in _to(said, "5号楼居民群")), said


SMELL = "4号楼2单元 楼道里有股焦糊味 像电线烧了 好像是从电表箱那边出来的"
SPARKS_TRIAL = ["电表箱在冒烟了 有火星子"]
SPARKS_FRESH = ["电表箱冒火星了 还有烟", "电箱那边冒烟了 噼里啪啦的", "现在电表箱里有明火了"]


@pytest.mark.parametrize("text", _trial_and_fresh(SPARKS_TRIAL, SPARKS_FRESH))
def test_trial_and_fresh_smoke_and_sparks_after_the_burning_smell_re_pages_the_same_ticket(
    sim: Simulator, text: str
) -> None:
    say(sim, "4号楼居民群", "何大哥", SMELL)
    _later(sim, 10)
    said = say(sim, "4号楼居民群", "何大哥", text)
    paged = _paged(said)
    assert paged and all("#1" in p for p in paged), said
    assert len(_tickets(sim)) == 1, _tickets(sim)


FIXED_TRIAL = ["电工来了 断了电 换了个烧坏的空开 没事了"]
FIXED_FRESH = ["电工修好了 是空开烧了 换了新的 没事了", "电工把闸拉了 换了个开关 没事了 谢谢"]


@pytest.mark.parametrize("text", _trial_and_fresh(FIXED_TRIAL, FIXED_FRESH))
def test_trial_and_fresh_the_electricians_fix_is_over_news_of_the_meter_box(
    sim: Simulator, text: str
) -> None:
    say(sim, "4号楼居民群", "何大哥", "1单元门口那个井盖翘起来了 早上送孩子差点绊倒")
    _later(sim, 60)
    say(sim, "4号楼居民群", "何大哥", SMELL)
    _later(sim, 25)
    said = say(sim, "4号楼居民群", "何大哥", text)
    assert any(OVER in m and "#2" in m for m in _to(said, "社区党委工作群")), said


# -- 4. over news heard; follow-ups of an emergency are no new page (R22 R73 R84 R100, R6 R35 R94)

GAS = "2单元502家里一股煤气味 敲门不开 里面住的是独居的刘奶奶"
GAS_OVER_TRIAL = ["消防来了 门撬开了 是灶上的汤锅烧干了 火关了 刘奶奶在屋里睡着了 人没事"]
GAS_OVER_FRESH = [
    "门打开了 是锅烧干了 火已经关了 老人没事",
    "燃气公司来看了 是汤锅烧糊了 人没事",
    "刘奶奶开门了 就是煮东西忘关火 人好好的",
]


@pytest.mark.parametrize("text", _trial_and_fresh(GAS_OVER_TRIAL, GAS_OVER_FRESH))
def test_trial_and_fresh_the_gas_scare_over_reaches_the_gas_ticket(
    sim: Simulator, text: str
) -> None:
    say(sim, "2号楼居民群", "老郑", GAS)
    _later(sim, 10)
    say(sim, "2号楼居民群", "老郑", "味道越来越大了 楼道里都闻得到了")
    _later(sim, 25)
    said = say(sim, "2号楼居民群", "老郑", text)
    assert any(OVER in m and "#1" in m for m in _to(said, "社区党委工作群")), said


LIFT_FIXED_TRIAL = ["电梯好了 刚看到师傅走了 能坐了"]
LIFT_FIXED_FRESH = ["电梯修好了 师傅刚走", "电梯能坐了 谢谢师傅"]


@pytest.mark.parametrize("text", _trial_and_fresh(LIFT_FIXED_TRIAL, LIFT_FIXED_FRESH))
def test_trial_and_fresh_the_lift_fixed_reaches_the_lift_ticket_group(
    sim: Simulator, text: str
) -> None:
    say(sim, "5号楼居民群", "陈奶奶", LIFT)
    _later(sim, 300)
    said = say(sim, "5号楼居民群", "陈奶奶", text)
    assert any("#1" in m for m in _to(said, "5号楼党小组")), said


DRILL = "楼下这几天天天早上六点就开始装修 电钻吱吱的 孩子都吓醒了 哪家啊 有没有人管"
SORRY_TRIAL = ["装修那家刚才来道歉了 说以后八点以后才开工 算了"]
SORRY_FRESH = ["楼下装修的上门道过歉了 说以后不早上打了", "装修那家跟我们协商好了 以后九点才开工"]


@pytest.mark.parametrize("text", _trial_and_fresh(SORRY_TRIAL, SORRY_FRESH))
def test_trial_and_fresh_the_neighbour_settled_it_reaches_the_noise_ticket_group(
    sim: Simulator, text: str
) -> None:
    say(sim, "1号楼居民群", "吴大姐", DRILL)
    _later(sim, 600)
    said = say(sim, "1号楼居民群", "吴大姐", text)
    assert any("#1" in m for m in _to(said, "1号楼党小组")), said


CHEST = "我胸口闷得喘不上气 家里就我一个 6号楼3单元401"
HOME_TRIAL = ["从医院回来了 医生说没大事 谢谢关心"]
HOME_FRESH = ["看完病回来了 医生说没啥大问题", "从医院回家了 检查了没事 让大家操心了"]


@pytest.mark.parametrize("text", _trial_and_fresh(HOME_TRIAL, HOME_FRESH))
def test_trial_and_fresh_back_from_hospital_is_over_news_of_the_illness(
    sim: Simulator, text: str
) -> None:
    say(sim, "6号楼居民群", "马奶奶", CHEST)
    _later(sim, 200)
    said = say(sim, "6号楼居民群", "马奶奶", text)
    assert any(OVER in m and "#1" in m for m in _to(said, "社区党委工作群")), said


TRAPPED_WHO_TRIAL = ["是我家对门的孙阿姨 她在里面喊 说心里发慌"]
TRAPPED_WHO_FRESH = [
    "里面是5楼的王大爷 他说心里慌得很",
    "被困的是我邻居李奶奶 在里面哭 说头晕",
    "里面是对门孙阿姨 她喊着说害怕",
]


@pytest.mark.parametrize("text", _trial_and_fresh(TRAPPED_WHO_TRIAL, TRAPPED_WHO_FRESH))
def test_trial_and_fresh_who_is_trapped_is_word_of_the_lift_emergency_not_a_new_one(
    sim: Simulator, text: str
) -> None:
    say(sim, "5号楼居民群", "小刘", TRAPPED)
    said = say(sim, "5号楼居民群", "小刘", text)
    assert len(_tickets(sim)) == 1, _tickets(sim)
    assert all("#1" in p for p in _paged(said)), said


ROW = "4号楼后面小广场 一群人为了车位吵起来了 有个男的拿着扳手 要动手了"
BLOOD_TRIAL = ["已经打起来了 有人头破了 流血了"]
BLOOD_FRESH = [
    "真打起来了 有人被打得满脸是血",
    "动手了 有个人被扳手砸到头了",
    "打起来了 有人头被打破了",
]


@pytest.mark.parametrize("text", _trial_and_fresh(BLOOD_TRIAL, BLOOD_FRESH))
def test_trial_and_fresh_the_fight_breaking_out_re_pages_the_quarrel(
    sim: Simulator, text: str
) -> None:
    say(sim, "4号楼居民群", "周老师", ROW)
    _later(sim, 5)
    said = say(sim, "4号楼居民群", "何大哥", text)
    assert len(_tickets(sim)) == 1, _tickets(sim)
    paged = _paged(said)
    assert paged and all("#1" in p for p in paged), said


SMOKE_TRIAL = ["我家门口全是烟 我们往楼顶跑还是往下跑"]
SMOKE_FRESH = [
    "楼道里全是烟 我们出不去了",
    "我们在五楼 门外都是烟 下不去",
    "烟都到我家门口了 往哪跑啊",
]


@pytest.mark.parametrize("text", _trial_and_fresh(SMOKE_TRIAL, SMOKE_FRESH))
def test_trial_and_fresh_smoke_at_a_neighbours_door_is_the_same_fire(
    sim: Simulator, text: str
) -> None:
    say(sim, "5号楼居民群", "小王", FIRE)
    _later(sim, 3)
    say(sim, "5号楼居民群", "502刘", text)
    assert len(_tickets(sim)) == 1, _tickets(sim)


@pytest.mark.parametrize("text", ["电表箱不冒烟了 也没有火星子了", "不冒火花了 烟也散了"])
def test_smoke_and_sparks_stopped_is_over_news_not_worse(sim: Simulator, text: str) -> None:
    say(sim, "4号楼居民群", "何大哥", SMELL)
    _later(sim, 10)
    said = say(sim, "4号楼居民群", "何大哥", text)
    assert not any("情况加重" in m.text for m in said), said
    assert any(OVER in m and "#1" in m for m in _to(said, "社区党委工作群")), said


def test_plus_one_right_after_the_emergency_still_witnesses_it(sim: Simulator) -> None:
    say(sim, "2号楼居民群", "小孟", DANCE)
    _later(sim, 30)
    say(sim, "2号楼居民群", "赵姐", "2单元楼道里一股煤气味 好冲")
    _later(sim, 2)
    said = say(sim, "2号楼居民群", "老郑", "+1 我家门口也闻到了")
    assert any("#2" in m for m in _to(said, "2号楼居民群")), said
    assert len(_tickets(sim)) == 2, _tickets(sim)
