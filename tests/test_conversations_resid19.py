"""Day 19, residents' side: trial sentences ("trial") next to fresh wordings written before
the fix ("fresh"). Findings (/work/day19/report.md):
1. over news of a live emergency at night (R94, R89, R98) got no reply at all;
2. a fight reported over ("拉开了 流血那个去医院包扎了") was re-paged as worse (R60);
3. a witness's follow-up of a trapped person (R100) and a 补充 with a missing man's details
   (R48) must join the live emergency;
4. a neighbour's follow-up of a live emergency in the same building is not a new page (R97)."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.simulator import Simulator
from service.tickets import jobs
from tests.test_conversations_resid16 import _paged, _tickets, _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

ZONE = ZoneInfo("Asia/Shanghai")
OVER = "险情已解除"


def _told_over(texts: list[str]) -> bool:
    """Over news reached the ticket: those alerted above its group hear 险情已解除; a ticket of
    the duty group itself gets the resident's words with "请核实后回复 #N 已处理"."""
    return any(OVER in t for t in texts) or (
        any("谢谢您告诉我们" in t for t in texts) and any("已处理" in t for t in texts)
    )


def _at(sim: Simulator, day: int, hour: int, minute: int = 0) -> list[str]:
    sim.clock.set(datetime(2026, 12, day, hour, minute, tzinfo=ZONE))
    jobs.sweep_tickets(sim.core.factory, sim.core.community, sim.clock.now())
    return _texts(asyncio.run(sim.deliver()))


# -- 1. over news of a live emergency at night ------------------------------------------------

KID = "我家孩子晚自习九点半就该到家了 现在快十二点了还没回来 同学说早就走了 电话也关机"
KID_TRIAL = ["孩子回来了 跟同学去网吧了 把我急死了 对不起大家"]
KID_FRESH = [
    "小宇到家了 在同学家打游戏忘了时间 让大家操心了",
    "找到了 孩子自己回来了 在网吧待着呢 谢谢大家",
]


@pytest.mark.parametrize("text", _trial_and_fresh(KID_TRIAL, KID_FRESH))
def test_trial_and_fresh_missing_child_back_is_over_news(sim: Simulator, text: str) -> None:
    _at(sim, 1, 23, 50)
    say(sim, "3号楼居民群", "孙阿婆", KID)
    _at(sim, 2, 0, 0)
    say(sim, "3号楼居民群", "孙阿婆", "他穿蓝白校服 背黑书包 一米七 叫小宇")
    _at(sim, 2, 0, 30)
    said = _texts(say(sim, "3号楼居民群", "孙阿婆", text))
    assert _told_over(said), said
    assert len(_tickets(sim)) == 1


CARE = "我们单元301的李奶奶一个人住 儿子在外地 这两三天都没见她下楼买菜了 能不能叫社区的人去看看她"
POT = "闻到一股烧焦的味道 楼道里有烟 好像是3楼那家 敲门没人应"
POT_TRIAL = ["是301家 锅烧干了 人在里面睡着了 我们把门敲开了 火关了 人没事"]
POT_FRESH = [
    "是三楼那家煮东西忘关火了 门叫开了 火灭了 人没事",
    "301家锅糊了 人睡着了 敲醒了 火已经关了 没事了",
]


@pytest.mark.parametrize("text", _trial_and_fresh(POT_TRIAL, POT_FRESH))
def test_trial_and_fresh_burnt_pot_put_out_is_over_news(sim: Simulator, text: str) -> None:
    # as on day 19: a care ticket for 1号楼301 (R10) is open when the smoke is reported
    _at(sim, 1, 10, 30)
    say(sim, "1号楼居民群", "郑大妈", CARE)
    _at(sim, 1, 23, 30)
    say(sim, "1号楼居民群", "蒋阿姨", POT)
    _at(sim, 1, 23, 40)
    said = _texts(say(sim, "1号楼居民群", "许大爷", text))
    assert _told_over(said), said
    assert len(_tickets(sim)) == 2


DRUNK = "有个喝醉的人躺在东门外面绿化带里 叫不醒 这么冷的天会冻坏的"
DRUNK_TRIAL = ["保安来了 把那人扶到门卫室了 说是4号楼的 家属在来的路上"]
DRUNK_FRESH = [
    "门卫把那个喝醉的扶进屋了 家里人马上来接",
    "保安把人抬到门卫室暖和着了 已经联系上家属了",
]


@pytest.mark.parametrize("text", _trial_and_fresh(DRUNK_TRIAL, DRUNK_FRESH))
def test_trial_and_fresh_drunk_man_taken_in_is_over_news(sim: Simulator, text: str) -> None:
    _at(sim, 2, 0, 10)
    say(sim, "幸福里业主群", "阳光男孩", DRUNK)
    _at(sim, 2, 1, 10)
    said = _texts(say(sim, "幸福里业主群", "阳光男孩", text))
    assert _told_over(said), said
    assert len(_tickets(sim)) == 1


# -- 2. a fight over is not worse ----------------------------------------------------------

FIGHT = "楼下两个男的为了车位打起来了 一个拿着砖头 有个头都流血了 就在3单元门口"
FIGHT_TRIAL = ["保安和派出所都来了 拉开了 流血那个去医院包扎了"]
FIGHT_FRESH = [
    "警察来了 两个人都被拉开了 流血的那个送去缝针了",
    "打架的被派出所带走了 头上流血那个已经包扎好了",
]


@pytest.mark.parametrize("text", _trial_and_fresh(FIGHT_TRIAL, FIGHT_FRESH))
def test_trial_and_fresh_fight_broken_up_is_over_news_not_worse(sim: Simulator, text: str) -> None:
    _at(sim, 1, 18, 30)
    say(sim, "6号楼居民群", "小陈", FIGHT)
    _at(sim, 1, 18, 50)
    said = say(sim, "6号楼居民群", "潘大爷", text)
    texts = _texts(said)
    assert not any("情况加重" in t for t in texts), texts
    assert _told_over(texts), texts


# -- 3. a witness's follow-up and a 补充 join the live emergency -------------------------------

LIFT = "2单元电梯里关着个送外卖的小伙子 卡在3楼和4楼中间 他在里面喊 说有点透不过气"
LIFT_TRIAL = ["电梯里那个小伙子我在外面跟他说着话呢 他说还行就是闷 物业电话打不通"]
LIFT_FRESH = [
    "我在电梯门口陪着那个外卖小哥 他说里面热 物业电话一直没人接",
    "电梯里那小伙子还在里面 我隔着门跟他聊着 他说就是有点闷",
]


@pytest.mark.parametrize("text", _trial_and_fresh(LIFT_TRIAL, LIFT_FRESH))
def test_trial_and_fresh_witness_news_of_a_trapped_man_joins_the_ticket(
    sim: Simulator, text: str
) -> None:
    _at(sim, 2, 1, 20)
    say(sim, "4号楼居民群", "🎣钓鱼老王", LIFT)
    _at(sim, 2, 1, 30)
    said = say(sim, "4号楼居民群", "何老师", text)
    texts = _texts(said)
    assert len(_tickets(sim)) == 1, (_tickets(sim), texts)
    assert any("#1" in m.text for m in said if m.room_id != "4号楼居民群"), texts


LOST = (
    "家人们 我爸有点老年痴呆 早上出去买菜到现在还没回来 电话也不接 穿灰色羽绒服戴个红帽子"
    " 我们住5号楼2单元"
)
LOST_TRIAL = ["补充一下 他姓周 七十八了 个子不高 拄个拐棍 平时爱去菜市场那边转"]
LOST_FRESH = [
    "再补充下 老周个子不高 头发全白了 走路拄拐 喜欢去公园下棋",
    "补充 老人七十多岁 姓周 背有点驼 可能在菜市场附近",
]


@pytest.mark.parametrize("text", _trial_and_fresh(LOST_TRIAL, LOST_FRESH))
def test_trial_and_fresh_details_of_the_missing_man_reach_the_search(
    sim: Simulator, text: str
) -> None:
    _at(sim, 1, 16, 40)
    say(sim, "5号楼居民群", "🍀快乐每一天", LOST)
    _at(sim, 1, 16, 50)
    said = say(sim, "5号楼居民群", "彭叔", text)
    texts = _texts(said)
    assert len(_tickets(sim)) == 1, (_tickets(sim), texts)
    assert any(m.room_id == "5号楼居民群" for m in said), texts
    assert any("#1" in m.text for m in said if m.room_id != "5号楼居民群"), texts


# -- 4. a neighbour's follow-up in the same building joins, no new page --------------------

FALL = "老伴半夜从床上摔下来了 我扶不起来他 他说腿疼得厉害 家里就我们俩 3单元101"
FALL_TRIAL = ["我是楼上201的 下去帮她了 老爷子疼得直哼哼 已经打了120"]
FALL_FRESH = [
    "我是隔壁102的 过去看了 老爷子起不来 120已经叫了",
    "楼上邻居下去帮忙了 老人腿疼得厉害 救护车在路上",
]


@pytest.mark.parametrize("text", _trial_and_fresh(FALL_TRIAL, FALL_FRESH))
def test_trial_and_fresh_neighbour_helping_at_the_fall_joins_it(sim: Simulator, text: str) -> None:
    _at(sim, 2, 0, 50)
    say(sim, "6号楼居民群", "曹奶奶", FALL)
    _at(sim, 2, 1, 0)
    said = say(sim, "6号楼居民群", "潘大爷", text)
    assert len(_tickets(sim)) == 1, (_tickets(sim), _texts(said))
    assert not [t for t in _paged(said) if "#2" in t], _texts(said)


STUCK = "3单元电梯卡在7楼和8楼中间了 我老婆婆在里面 按了警铃没人应 她有心脏病 在里面拍门"
FIRE = "楼下电动车棚在冒黑烟 噼里啪啦的响 好像是有车烧起来了"
SAME = [
    pytest.param(
        "5号楼居民群", STUCK, "是的 我在8楼听见里面有人喊 门缝里还能看到灯", id="trial-R13"
    ),
    pytest.param("5号楼居民群", STUCK, "我也听到了 电梯里有人在拍门喊救命", id="fresh-R13"),
    pytest.param(
        "3号楼居民群", FIRE, "我也看到了 火苗都窜出来了 已经打119了 大家别下去", id="trial-R37"
    ),
    pytest.param("3号楼居民群", FIRE, "车棚那边火更大了 我已经报119了", id="fresh-R37"),
]


@pytest.mark.parametrize(("room", "first", "text"), SAME)
def test_trial_and_fresh_neighbour_confirming_joins_the_emergency(
    sim: Simulator, room: str, first: str, text: str
) -> None:
    _at(sim, 1, 10, 50)
    say(sim, room, "冯先生", first)
    _at(sim, 1, 11, 0)
    said = say(sim, room, "杨姐", text)
    assert len(_tickets(sim)) == 1, (_tickets(sim), _texts(said))


@pytest.mark.parametrize(
    "text",
    [
        "我在外面 看到5单元楼道里冒黑烟 一股焦味 越来越大",
        "我是楼上301的 刚下楼 闻到2单元一股很浓的煤气味",
    ],
)
def test_a_new_danger_told_in_witness_words_during_a_live_emergency_pages_anew(
    sim: Simulator, text: str
) -> None:
    # The witness words of item 4 (我在外面, 我是楼上…的) join only an emergency they name or
    # of the same kind: another danger in the building is a new ticket and a new page.
    _at(sim, 2, 0, 50)
    say(sim, "6号楼居民群", "曹奶奶", FALL)
    _at(sim, 2, 1, 0)
    said = say(sim, "6号楼居民群", "潘大爷", text)
    assert len(_tickets(sim)) == 2, (_tickets(sim), _texts(said))
    assert [t for t in _paged(said) if "#2" in t], _texts(said)
