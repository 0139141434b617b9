"""Day 20, residents' side: trial sentences ("trial") next to fresh wordings written before
the fix ("fresh"). Findings (/work/day20/report.md):
1. news that a fire is out (R88 "火已经扑灭", R77 "我拿灭火器喷了 火星没了") was paged as a new
   emergency or as worse; it is 险情已解除 on the open fire ticket;
2. a fight is 打架 (110 advice), not 急病 (120), and "保安来了 拉开了" is over news of it;
5. a witness's sighting of a missing child reaches every paged group with thanks."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.simulator import Simulator
from service.tickets import jobs
from tests.test_conversations_resid16 import _tickets, _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

ZONE = ZoneInfo("Asia/Shanghai")
OVER = "险情已解除"


def _at(sim: Simulator, day: int, hour: int, minute: int = 0) -> list[str]:
    sim.clock.set(datetime(2026, 12, day, hour, minute, tzinfo=ZONE))
    jobs.sweep_tickets(sim.core.factory, sim.core.community, sim.clock.now())
    return _texts(asyncio.run(sim.deliver()))


def _no_new_page(texts: list[str]) -> bool:
    return not any("【紧急" in t and "情况加重" in t for t in texts) and not any(
        "【紧急 #2】" in t for t in texts
    )


# -- 1. the fire is out ----------------------------------------------------------------------

SMOKE = "4号楼3单元楼道里全是烟 有一股烧焦塑料的味道 不知道是哪一层 我在五楼"
SMOKE_DOOR = "我在六楼 烟是从401门缝里出来的 敲门没人应 已经打119了"
FIRE_OUT_TRIAL = ["消防来了 是401家电暖器把沙发烤着了 火已经扑灭 人不在家"]
FIRE_OUT_FRESH = [
    "消防员到了 401家里的被子烧着了 火已经被扑灭了 家里没人",
    "是401的电热毯着火了 消防队来了已经扑灭 没人受困",
]


@pytest.mark.parametrize("text", _trial_and_fresh(FIRE_OUT_TRIAL, FIRE_OUT_FRESH))
def test_trial_and_fresh_fire_put_out_is_over_news_not_a_new_page(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 22, 0)
    say(sim, "4号楼居民群", "4栋的夜班护士", SMOKE)
    _at(sim, 8, 22, 10)
    say(sim, "4号楼居民群", "4栋的小林", SMOKE_DOOR)
    _at(sim, 8, 23, 30)
    texts = _texts(say(sim, "4号楼居民群", "4栋的夜班护士", text))
    assert any(OVER in t for t in texts), texts
    assert _no_new_page(texts), texts
    assert not any("请立即拨打119" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


SPARKS = "1号楼1单元楼道里有人在给电动车充电 插座那在冒火星子 噼里啪啦响 还有股焦糊味"
SPARKS_OUT_TRIAL = ["插座那烧黑了 我拿灭火器喷了 火星没了 电动车主人也下来了"]
SPARKS_OUT_FRESH = [
    "用灭火器喷了一下 不冒火星子了 车主把电源拔了",
    "插座烧焦了 拿灭火器喷灭了 现在没火花了",
]


@pytest.mark.parametrize("text", _trial_and_fresh(SPARKS_OUT_TRIAL, SPARKS_OUT_FRESH))
def test_trial_and_fresh_sparks_sprayed_out_are_over_not_worse(sim: Simulator, text: str) -> None:
    _at(sim, 8, 20, 30)
    say(sim, "1号楼居民群", "1号楼的老邓", SPARKS)
    _at(sim, 8, 20, 50)
    texts = _texts(say(sim, "1号楼居民群", "1号楼的老邓", text))
    assert any(OVER in t for t in texts), texts
    assert _no_new_page(texts), texts
    assert not any("请立即拨打119" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


def test_a_new_fire_after_the_sparks_still_pages(sim: Simulator) -> None:
    _at(sim, 8, 20, 30)
    say(sim, "1号楼居民群", "1号楼的老邓", SPARKS)
    _at(sim, 8, 20, 50)
    texts = _texts(say(sim, "1号楼居民群", "1号楼的老邓", "火更大了 烧到电动车了 灭火器喷了也没用"))
    assert any("情况加重" in t for t in texts), texts


# -- 2. a fight is 打架 ----------------------------------------------------------------------

FIGHT_TRIAL = ["楼下两个男的为了车位打起来了 有一个鼻子都出血了 还在打 2号楼门口"]
FIGHT_FRESH = [
    "2号楼门口有两个人打架 一个脸上都是血 还在打",
    "楼下有人打起来了 有个嘴角都流血了 谁快来拉一下 2号楼",
]


@pytest.mark.parametrize("text", _trial_and_fresh(FIGHT_TRIAL, FIGHT_FRESH))
def test_trial_and_fresh_fight_with_blood_is_a_fight_with_110(sim: Simulator, text: str) -> None:
    _at(sim, 8, 18, 0)
    texts = _texts(say(sim, "2号楼居民群", "吃瓜群众", text))
    tickets = _tickets(sim)
    assert len(tickets) == 1 and tickets[0][3], tickets
    assert tickets[0][2] in ("打架", "斗殴", "暴力"), tickets
    assert any("110" in t for t in texts), texts
    assert not any("平躺" in t for t in texts), texts


FIGHT_OVER_TRIAL = ["保安来了 拉开了 两个人都走了"]
FIGHT_OVER_FRESH = ["物业保安把两个人劝开了 都回家了", "打架的两个被拉开了 各自走了"]


@pytest.mark.parametrize("text", _trial_and_fresh(FIGHT_OVER_TRIAL, FIGHT_OVER_FRESH))
def test_trial_and_fresh_fight_pulled_apart_is_over_news(sim: Simulator, text: str) -> None:
    _at(sim, 8, 18, 0)
    say(sim, "2号楼居民群", "吃瓜群众", FIGHT_TRIAL[0])
    _at(sim, 8, 18, 10)
    texts = _texts(say(sim, "2号楼居民群", "吃瓜群众", text))
    assert any(OVER in t for t in texts), texts
    assert len(_tickets(sim)) == 1


# -- 5. a sighting of the missing child; the trapped woman short of breath -------------------

MISSING = "我家孩子放学到现在还没回家 八岁男孩 穿红色羽绒服背蓝书包 学校说三点半就放了 小区里找了一圈都没有"
SIGHTING_TRIAL = ["我刚在东门看到一个穿红衣服背蓝书包的小男孩往超市那边走了 大概十分钟前"]
SIGHTING_FRESH = [
    "刚才在小区北门好像看见一个背蓝书包的小孩 往公交站那边去了",
    "我五分钟前在菜市场门口看到个穿红羽绒服的男孩 一个人在那站着",
]


@pytest.mark.parametrize("text", _trial_and_fresh(SIGHTING_TRIAL, SIGHTING_FRESH))
def test_trial_and_fresh_sighting_of_missing_child_reaches_every_paged_group(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 15, 40)
    paged = asyncio.run(sim.say("6号楼居民群", "着急的妈妈", MISSING))
    rooms = {m.room_id for m in paged if "【紧急" in m.text}
    assert len(rooms) >= 3, rooms
    _at(sim, 8, 15, 50)
    said = asyncio.run(sim.say("6号楼居民群", "邻居老杨", text))
    reached = {m.room_id for m in said if "线索" in m.text and "#1" in m.text}
    assert rooms <= reached, [(m.room_id, m.text) for m in said]
    to_witness = [m.text for m in said if m.room_id == "6号楼居民群"]
    assert any("谢谢" in t for t in to_witness), to_witness
    assert not any("不是同一件事" in t for t in to_witness), to_witness
    assert len(_tickets(sim)) == 1


LIFT = "4号楼2单元电梯卡在七楼和八楼中间了 里面有人在拍门喊 我按了外面的按钮没用"
BREATH_TRIAL = ["我还在电梯口 里面是个老太太 说有点喘不上来气 门缝里能听见"]
BREATH_FRESH = ["里面的老太太说憋得难受 快喘不过来气了", "里面那个大妈说透不过气来了 声音越来越小"]


@pytest.mark.parametrize("text", _trial_and_fresh(BREATH_TRIAL, BREATH_FRESH))
def test_trial_and_fresh_trapped_woman_short_of_breath_is_worse_news(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 10, 10)
    say(sim, "4号楼居民群", "晨跑的老周", LIFT)
    _at(sim, 8, 10, 20)
    texts = _texts(say(sim, "4号楼居民群", "晨跑的老周", text))
    assert sum("情况加重" in t for t in texts) >= 2, texts
    assert len(_tickets(sim)) == 1


# -- 3. news that a danger is under control, or that a neighbour will repair -----------------

PIPE = "6号楼地下室的水管爆了 水哗哗地往外冒 快淹到配电房门口了"
VALVE_TRIAL = ["物业来了 把总阀关了 正在抽水 配电房没进水"]
VALVE_FRESH = ["总阀已经关上了 物业在用泵抽水 配电房那边是干的", "物业师傅把水阀关了 水不往外冒了 正在往外抽"]


@pytest.mark.parametrize("text", _trial_and_fresh(VALVE_TRIAL, VALVE_FRESH))
def test_trial_and_fresh_valve_shut_reaches_the_burst_pipe_ticket(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 17, 0)
    say(sim, "6号楼居民群", "6栋老钱", PIPE)
    _at(sim, 8, 17, 20)
    said = asyncio.run(sim.say("6号楼居民群", "6栋老钱", text))
    texts = _texts(said)
    assert any(m.room_id == "6号楼居民群" for m in said), texts
    assert any(m.room_id == "6号楼党小组" and "#1" in m.text for m in said), texts
    assert not any("情况加重" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


LEAK = "楼上502天天往我家卫生间漏水 天花板都泡黄了 上去敲门就是不开 物业也不管 这日子没法过了"
REPAIR_TRIAL = ["502的人刚才回来了 说明天找人来修管子 先看看吧"]
REPAIR_FRESH = ["楼上那家人回来了 答应这周末找师傅来修", "502的邻居联系上了 说过两天请人来看看管子"]


@pytest.mark.parametrize("text", _trial_and_fresh(REPAIR_TRIAL, REPAIR_FRESH))
def test_trial_and_fresh_neighbour_will_repair_reaches_the_leak_ticket(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 9, 40)
    say(sim, "2号楼居民群", "402李姐", LEAK)
    _at(sim, 8, 13, 0)
    said = asyncio.run(sim.say("2号楼居民群", "402李姐", text))
    texts = _texts(said)
    assert any(m.room_id == "2号楼居民群" and "#1" in m.text for m in said), texts
    assert any(m.room_id != "2号楼居民群" and "#1" in m.text for m in said), texts
    assert len(_tickets(sim)) == 1


# -- 4. unrelated messages are not joined ----------------------------------------------------

CAT_TRIAL = ["猫找到了！在地下室躲着呢 谢谢大家😭"]
CAT_FRESH = ["我家狗找着了 在地下室车库里 谢谢大家帮忙", "丢的那只猫找到了 躲在地下室的管子后面"]


@pytest.mark.parametrize("text", _trial_and_fresh(CAT_TRIAL, CAT_FRESH))
def test_trial_and_fresh_found_cat_is_not_news_of_the_burst_pipe(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 9, 50)
    say(sim, "6号楼居民群", "刘婶", "家里的橘猫丢了 黄白色的 脖子上有个铃铛 昨晚从窗户跑出去的 大家看到了告诉我一声 谢谢🙏")
    _at(sim, 8, 17, 0)
    say(sim, "6号楼居民群", "6栋老钱", PIPE)
    _at(sim, 8, 17, 30)
    said = asyncio.run(sim.say("6号楼居民群", "刘婶", text))
    assert not any("#1" in m.text for m in said), _texts(said)
    assert len(_tickets(sim)) == 1


CLUTTER = "2号楼2单元那个楼道里 谁家堆了一堆纸箱子和旧家具 把消防通道都堵了 说了好几次也不搬"
CAR_TRIAL = ["楼下车库入口有辆白色的车停在消防通道上 一停停一天 打电话也不接 车牌京A12345"]
CAR_FRESH = ["2号楼消防通道上停了一辆黑色的车 好几天了 挪车电话打不通", "有辆面包车一直堵在2号楼的消防通道上 车主也联系不上"]


@pytest.mark.parametrize("text", _trial_and_fresh(CAR_TRIAL, CAR_FRESH))
def test_trial_and_fresh_car_in_fire_lane_is_not_the_corridor_clutter(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 15, 0)
    say(sim, "2号楼居民群", "2单元的老郭", CLUTTER)
    _at(sim, 8, 16, 30)
    said = asyncio.run(sim.say("2号楼居民群", "2单元的老郭", text))
    assert not any("#1" in m.text for m in said), _texts(said)
    assert len(_tickets(sim)) == 2


# -- 6. "still not working" after the fix; a lift follow-up; a +1 on the square dance ----------

DRAIN = "俺家下水道堵了 一楼 楼上的脏水都往俺家地漏里冒 臭得很 2号楼1单元101"
STILL_TRIAL = ["还是不行 晚上又往上冒了"]
STILL_FRESH = ["不行啊 刚才又冒上来了", "还是堵 地漏里又往外返水了"]


@pytest.mark.parametrize("text", _trial_and_fresh(STILL_TRIAL, STILL_FRESH))
def test_trial_and_fresh_still_not_working_after_the_fix_reopens_it(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 15, 0)
    say(sim, "2号楼居民群", "一楼的刘奶奶", DRAIN)
    _at(sim, 9, 9, 0)
    say(sim, "2号楼党小组", "陈桂兰", "#1 接单")
    _at(sim, 9, 20, 0)
    say(sim, "2号楼党小组", "陈桂兰", "#1 已处理 下水道疏通了")
    _at(sim, 9, 20, 30)
    texts = _texts(say(sim, "2号楼居民群", "一楼的刘奶奶", text))
    assert len(_tickets(sim)) == 1, texts
    assert not any("新工单" in t for t in texts), texts
    assert any("#1" in t for t in texts), texts


def test_another_thing_broken_after_a_fix_is_a_new_ticket(sim: Simulator) -> None:
    _at(sim, 8, 15, 0)
    say(sim, "2号楼居民群", "一楼的刘奶奶", DRAIN)
    _at(sim, 9, 9, 0)
    say(sim, "2号楼党小组", "陈桂兰", "#1 接单")
    _at(sim, 9, 20, 0)
    say(sim, "2号楼党小组", "陈桂兰", "#1 已处理 下水道疏通了")
    _at(sim, 9, 20, 30)
    texts = _texts(say(sim, "2号楼居民群", "一楼的刘奶奶", "2号楼1单元楼道灯又不亮了 黑乎乎的"))
    assert len(_tickets(sim)) == 2, texts
