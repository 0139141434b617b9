"""Issue 11, day 13: an outside tester's resident-side faults, rebuilt from the description in
new sentences. Advice follows the hazard (someone fallen behind a locked door is not told to
press the lift alarm; a pot burnt dry is not "flee the building"); an alert's title says what
is in danger and where; someone already on a 接龙 who writes "我也报名" is told so; an anxious
resident chasing an open ticket gets its state, once in a while, and no new ticket."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.models import Ticket
from tests.dialog import verify_dialog
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

LIFT_ADVICE = "按电梯内警铃"


def _advice(sim: Simulator, group: str, sender: str, text: str) -> str:
    """What the resident is told at once (the acknowledgement with its safety advice)."""
    told = [t for t in _texts(say(sim, group, sender, text)) if "已收到" in t]
    assert told, f"no acknowledgement for {text!r}"
    return told[0]


# Someone fallen or unwell at home behind a door: 120, do not move them, someone with a key.
FALLEN_AT_HOME = [
    "4号楼2单元301 我妈在家摔了一跤起不来 门从里面反锁了 我进不去",
    "4号楼503的奶奶被困在家里了 摔在卫生间出不来 一直在喊",
    "402的老爷子好像在屋里摔倒了 敲门不开 能听到他在里面小声喊",
    "5号楼601独居的王大爷在家起不来了 电话里说爬不起来 门锁着",
]


@pytest.mark.parametrize("text", FALLEN_AT_HOME)
def test_someone_fallen_behind_a_locked_door_is_told_to_call_120_not_the_lift_advice(
    sim: Simulator, text: str
) -> None:
    told = _advice(sim, "4号楼居民群", "钱阿姨", text)
    assert "120" in told and LIFT_ADVICE not in told and "扒门" not in told, told
    assert "钥匙" in told or "开门" in told, told


LIFT_TRAPPED = [
    "4号楼1单元电梯卡住了 我女儿被困在里面",
    "3号楼电梯停在两层中间 里面有个老人在拍门",
]


@pytest.mark.parametrize("text", LIFT_TRAPPED)
def test_someone_shut_in_a_lift_still_gets_the_lift_advice(sim: Simulator, text: str) -> None:
    assert LIFT_ADVICE in _advice(sim, "4号楼居民群", "郑先生", text)


def test_a_child_locked_in_a_car_is_told_to_call_110_or_119_not_the_lift_advice(
    sim: Simulator,
) -> None:
    told = _advice(sim, "2号楼居民群", "冯先生", "2号楼门口车里锁着个小孩 大人不在 孩子在哭")
    assert "车" in told and "110" in told and LIFT_ADVICE not in told, told


def test_smoke_from_a_pot_burnt_dry_is_told_to_turn_off_the_stove_and_air_the_room(
    sim: Simulator,
) -> None:
    told = _advice(sim, "4号楼居民群", "吴阿姨", "4号楼302家里锅烧干了 满屋子都是烟")
    assert "关火" in told and "通风" in told, told


def test_a_pan_on_fire_is_told_to_cover_it_never_to_pour_water(sim: Simulator) -> None:
    told = _advice(sim, "3号楼居民群", "褚先生", "3号楼501厨房油锅着火了")
    assert "锅盖" in told and "不要用水" in told, told


def test_a_fire_of_unknown_origin_is_still_told_to_call_119_and_leave(sim: Simulator) -> None:
    told = _advice(sim, "6号楼居民群", "卫女士", "6号楼楼道里好大的烟 不知道哪家着火了")
    assert "119" in told and "撤离" in told, told


@pytest.mark.parametrize(
    "text", ["2号楼地下室配电房进水了 水一直往里灌", "1号楼车库被水淹了 水还在涨"]
)
def test_water_in_a_power_room_or_garage_is_told_to_keep_away_not_to_shut_ones_own_valve(
    sim: Simulator, text: str
) -> None:
    told = _advice(sim, text[:3] + "居民群", "蒋师傅", text)
    assert "远离" in told and "自家总水阀" not in told, told


DUTY_GROUP = "社区党委工作群"

# An emergency told in two clauses, the thing in danger in one and the danger in the other:
# the alert's first line names both, and the place.
TITLES = {
    "3号楼502阳台的空调外机 感觉马上要掉下来了": ("3号楼502室", "空调外机", "掉下来"),
    "3号楼 楼上谁家阳台的花盆，感觉马上要掉下来了，下面好多小孩在玩": ("3号楼", "花盆", "掉下来"),
    "6号楼404窗户里一直往外冒黑烟 好吓人": ("6号楼404室", "窗户", "冒黑烟"),
    "4号楼1单元电梯停了 有个小孩自己在里面 一直在哭": ("4号楼1单元", "小孩", "电梯停了"),
    "3号楼2单元电梯不动了 里面就一个小朋友 急死了": ("3号楼2单元", "小朋友", "电梯不动了"),
    "2号楼电梯卡在半路 我家孙子自己在里面": ("2号楼", "孙子", "电梯卡在半路"),
    "2号楼地下室配电房进水了 水一直往里灌": ("2号楼", "配电房", "进水"),
}


@pytest.mark.parametrize("text", TITLES)
def test_an_alert_title_says_what_is_in_danger_and_where(sim: Simulator, text: str) -> None:
    sent = say(sim, text[:3] + "居民群", "褚阿姨", text)
    alert = next(m.text for m in sent if m.room_id == DUTY_GROUP and "紧急 #" in m.text)
    first_line = alert.split("\n")[0]
    assert all(w in first_line for w in TITLES[text]), first_line
    ack = next(t for t in _texts(sent) if "已收到" in t)
    assert TITLES[text][1] in ack, ack  # the resident's acknowledgement says it too


_FLOWER_CLASS = """
        社区党委工作群 | 王书记 | 通知 12月5日14:00 插花课 地点:4号楼活动室 对象:4号楼居民群 名额:5
        -> 社区党委工作群: @王书记 已发布活动 #E30：插花课 / 时间：12月5日（周六）14:00，约90分钟 / 地点：4号楼活动室 / 对象：4号楼居民群 / 名额：5人 / 提醒：前一天18:00、开始前1小时 / 取消请回复“取消 #E30”，改期请回复“改期 #E30 月日 时:分”。
        -> 4号楼居民群: 【活动通知】插花课 #E30 / 时间：12月5日（周六）14:00 / 地点：4号楼活动室 / 名额：共5人，还剩5个 / 报名请回复“报名 #E30”，已报名但去不了请回复“取消报名 #E30”。
        4号楼居民群 | 蒋先生 | 接龙 插花课\\n1.蒋先生\\n2.沈阿姨
        -> 4号楼居民群: @蒋先生 接龙已登记 插花课 #E30，新报名2人：蒋先生、沈阿姨。名额：共5人，还剩3个。
"""


def _after_the_chain(sim: Simulator, transcript: str) -> None:
    """The flower class notice in 4号楼居民群 and a 接龙 of two, then the transcript."""
    verify_dialog(sim, _FLOWER_CLASS + transcript)


def test_someone_on_the_chain_who_also_signs_up_with_thanks_is_told_she_is_already_on_it(
    sim: Simulator,
) -> None:
    """ "谢谢社区" names no event (社区 is a word of 社区党委党课, open elsewhere)."""
    _after_the_chain(
        sim,
        """
        4号楼居民群 | 沈阿姨 | 我也报名 谢谢社区
        -> 4号楼居民群: @沈阿姨 您已报名 插花课 #E30，无需重复报名。
        4号楼居民群 | 蒋先生 | 报名+1 感谢社区组织
        -> 4号楼居民群: @蒋先生 您已报名 插花课 #E30，无需重复报名。
        4号楼居民群 | 沈阿姨 | 我也报名 辛苦社区了🙏
        -> 4号楼居民群: @沈阿姨 您已报名 插花课 #E30，无需重复报名。
        """,
    )


def test_a_sign_up_with_thanks_or_an_emoji_from_someone_not_on_the_chain_signs_her_up(
    sim: Simulator,
) -> None:
    _after_the_chain(
        sim,
        """
        4号楼居民群 | 韩奶奶 | 我也报名 谢谢社区
        -> 4号楼居民群: @韩奶奶 已为您报名：插花课 #E30，12月5日（周六）14:00。共5人，还剩2个。
        4号楼居民群 | 杨女士 | 我也报名👍
        -> 4号楼居民群: @杨女士 已为您报名：插花课 #E30，12月5日（周六）14:00。共5人，还剩1个。
        4号楼居民群 | 朱师傅 | 报名+1 谢谢大家
        -> 4号楼居民群: @朱师傅 已为您报名：插花课 #E30，12月5日（周六）14:00。您报上了最后一个名额（共5人）。
        """,
    )


def _tickets(sim: Simulator) -> int:
    with sim.core.factory() as session:
        return len(session.scalars(select(Ticket)).all())


def _later(sim: Simulator, minutes: int) -> None:
    asyncio.run(sim.advance_to(sim.clock.now() + timedelta(minutes=minutes)))


# An anxious resident chasing her open ticket, in words of her own.
CHASES = [
    "怎么还没人来啊",
    "到底有没有人管",
    "都一个小时了",
    "还要等多久",
    "人呢 等了半天了",
    "这都过去多久了 还没动静",
]


def test_every_anxious_chase_of_an_open_ticket_is_told_its_state_and_opens_nothing(
    sim: Simulator,
) -> None:
    say(sim, "3号楼居民群", "秦阿姨", "3号楼2单元楼道灯坏了 晚上黑漆漆的")
    for chase in CHASES:
        _later(sim, 15)
        told = [m for m in say(sim, "3号楼居民群", "秦阿姨", chase) if m.room_id == "3号楼居民群"]
        assert len(told) == 1 and "#1" in told[0].text and "待受理" in told[0].text, (chase, told)
    say(sim, "3号楼党小组", "刘志强", "#1 接单")
    _later(sim, 15)
    told = _texts(say(sim, "3号楼居民群", "秦阿姨", "还要等多久啊"))
    assert any("#1" in t and "刘志强" in t and "处理中" in t for t in told), told
    assert _tickets(sim) == 1


def test_chases_in_a_row_get_one_answer_and_the_group_hears_once(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "秦阿姨", "3号楼2单元楼道灯坏了 晚上黑漆漆的")
    _later(sim, 30)
    first = say(sim, "3号楼居民群", "秦阿姨", "怎么还没人来啊")
    assert [m.room_id for m in first] == ["3号楼居民群", "3号楼党小组"], _texts(first)
    for chase in ("到底有没有人管", "都半个多小时了", "人呢"):
        _later(sim, 1)
        assert say(sim, "3号楼居民群", "秦阿姨", chase) == [], chase
    _later(sim, 15)
    again = _texts(say(sim, "3号楼居民群", "秦阿姨", "还要等多久"))
    assert any("#1" in t and "待受理" in t for t in again), again
    assert _tickets(sim) == 1
