"""Issue 11, day 13 (staff side): faults an outside tester found. A closing naming another
ticket by a loose number closes that one (or asks, or says whose it is), never the one in hand;
a command on a merged ticket points to the ticket it joined; a claim with no number counts a
reopened ticket; the result kept and relayed is what was done, without the number phrase, the
bare closing words or curt words meant for staff."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.simulator import Simulator
from service.clock import FakeClock
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import rooms, say, sweep

METER = "3号楼2单元电表箱一直在冒火花 啪啪响"
LAMP = "3号楼1单元楼道灯坏了好几天了"
BIN = "4号楼门口垃圾桶满了 没人倒"


def _meter_in_hand_lamp_waiting(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "张阿姨", METER)
    say(sim, "3号楼居民群", "李大爷", LAMP)
    say(sim, "3号楼党小组", "刘志强", "#1 接单")


# -- 1. a loose number in a closing names that ticket ------------------------------------


@pytest.mark.parametrize(
    "closing",
    ["楼道灯那个… 2号搞定了", "2号搞定了 灯泡换了", "楼道灯换好了 2号那个", "那个 2号 处理好了"],
)
def test_a_closing_naming_another_ticket_by_a_loose_number_closes_that_one(
    sim: Simulator, closing: str
) -> None:
    _meter_in_hand_lamp_waiting(sim)
    done = _texts(say(sim, "3号楼党小组", "刘志强", closing))
    assert any(t.startswith("工单 #2 已办结") for t in done), done
    assert _states(sim) == ["claimed", "resolved"]


@pytest.mark.parametrize("closing", ["电表箱那个… 2号搞定了", "电表箱那个 2号 搞定了"])
def test_a_loose_number_whose_ticket_the_words_do_not_fit_is_asked_not_guessed(
    sim: Simulator, closing: str
) -> None:
    _meter_in_hand_lamp_waiting(sim)
    asked = _texts(say(sim, "3号楼党小组", "刘志强", closing))
    assert len(asked) == 1 and "#2" in asked[0] and "#1" in asked[0], asked
    assert "没有办结" in asked[0], asked
    assert _states(sim) == ["claimed", "open"]


@pytest.mark.parametrize("closing", ["3号搞定了", "垃圾桶那个 3号 清理好了", "已经修好了 3号"])
def test_a_loose_number_of_another_groups_ticket_says_whose_it_is(
    sim: Simulator, closing: str
) -> None:
    _meter_in_hand_lamp_waiting(sim)
    say(sim, "4号楼居民群", "孙大妈", BIN)
    told = _texts(say(sim, "3号楼党小组", "刘志强", closing))
    assert len(told) == 1 and "4号楼党小组" in told[0] and "#3" in told[0], told
    assert _states(sim) == ["claimed", "open", "open"]


@pytest.mark.parametrize(
    "closing", ["3号楼2单元电表箱换好了", "2单元电表箱处理好了", "502室那边电表箱已处理好"]
)
def test_a_building_unit_or_room_in_a_closing_is_no_ticket_number(
    sim: Simulator, closing: str
) -> None:
    _meter_in_hand_lamp_waiting(sim)
    say(sim, "3号楼居民群", "王先生", "3号楼3单元门口的下水道堵了")
    done = _texts(say(sim, "3号楼党小组", "刘志强", closing))
    assert any(t.startswith("工单 #1 已办结") for t in done), done
    assert _states(sim) == ["resolved", "open", "open"]


# -- 2. a command on a merged ticket points to the ticket it joined ----------------------


def _reported(sim: Simulator, *texts: str) -> None:
    for who, text in zip(("张阿姨", "李大爷", "王先生"), texts, strict=False):
        say(sim, "3号楼居民群", who, text)


def _lamp_merged_into_another(sim: Simulator) -> None:
    _reported(sim, "3号楼2单元楼道灯坏了", "3号楼1单元的灯晚上不亮 上下楼摸黑")
    say(sim, "3号楼党小组", "刘志强", "#1 重复 #2")


@pytest.mark.parametrize(
    ("command", "pointed"),
    [
        ("#1 已处理 换了灯泡", "#2 已处理 换了灯泡"),
        ("#1 接单", "#2 接单"),
        ("1号 已处理", "#2 已处理 处理说明"),
        ("#1 转 物业", "#2 转 物业"),
    ],
)
def test_a_staff_command_on_a_merged_ticket_says_which_ticket_to_handle(
    sim: Simulator, command: str, pointed: str
) -> None:
    _lamp_merged_into_another(sim)
    told = _texts(say(sim, "3号楼党小组", "刘志强", command))
    assert len(told) == 1 and "工单 #1 已并入 #2" in told[0], told
    assert told[0].endswith(pointed), told
    assert _states(sim) == ["duplicate", "open"]


# -- 3. a claim with no number counts a reopened ticket ----------------------------------


def _lamp_reopened(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "张阿姨", "3号楼2单元楼道灯坏了")
    say(sim, "3号楼党小组", "刘志强", "#1 接单")
    say(sim, "3号楼党小组", "刘志强", "#1 已处理 换了灯泡")
    say(sim, "3号楼居民群", "张阿姨", "不满意 还是不亮")


@pytest.mark.parametrize("claim", ["我去看看", "好的 我来处理吧"])
def test_a_claim_without_number_takes_the_one_reopened_ticket_and_says_which(
    sim: Simulator, claim: str
) -> None:
    _lamp_reopened(sim)
    assert _states(sim) == ["reopened"]
    told = _texts(say(sim, "3号楼党小组", "刘志强", claim))
    assert any("工单 #1 已由刘志强接单" in t and "重新处理" in t for t in told), told
    assert _states(sim) == ["claimed"]


def test_a_claim_without_number_lists_a_reopened_ticket_beside_a_new_one(sim: Simulator) -> None:
    _lamp_reopened(sim)
    say(sim, "3号楼居民群", "李大爷", "3号楼1单元下水道堵了 一股臭味")
    asked = _texts(say(sim, "3号楼党小组", "刘志强", "我去看看"))
    assert len(asked) == 1 and "2张工单等待接单" in asked[0], asked
    assert "#1" in asked[0] and "#2" in asked[0], asked
    assert _states(sim) == ["reopened", "open"]


# -- 4, 5. the result kept and told is what was done ----------------------------------------


def _drain_closed(sim: Simulator, closing: str) -> tuple[list[str], list[str]]:
    """A lamp (#1) and a drain (#2) reported, then the closing: what the resident and the
    group are told."""
    _reported(sim, "3号楼2单元楼道灯坏了", "3号楼1单元下水道堵了 一股臭味")
    done = say(sim, "3号楼党小组", "刘志强", closing)
    told = [m.text for m in done if m.room_id == "3号楼居民群"]
    return told, [m.text for m in done if m.room_id == "3号楼党小组"]


@pytest.mark.parametrize(
    ("closing", "result"),
    [
        # 4. the number phrase and bare closing words are dropped
        ("2号单子搞定了 换了新的", "换了新的"),
        ("搞定了 是2号单子", "已处理完毕"),
        ("下水道 2号单子 已经搞定了", "已处理完毕"),
        ("下水道那个 2号搞定了 管子疏通了", "管子疏通了"),
        ("#2 已处理 用疏通机通开了，2号工单", "用疏通机通开了"),
        # 5. curt or internal words are never relayed (not_for_residents in config/tickets.yaml)
        ("#2 已处理 弄好了别再报了", "已处理完毕"),
        ("#2 已处理 管子通开了 自己不会看吗", "管子通开了"),
        ("#2 已处理 物业的事 别找我们", "已处理完毕"),
        ("#2 疏通好了，烦不烦，天天报", "疏通好了"),
        ("#2 已处理 管道疏通了 这家人矫情得很", "管道疏通了"),
    ],
)
def test_the_result_told_is_what_was_done_without_number_bare_closing_or_curt_words(
    sim: Simulator, closing: str, result: str
) -> None:
    told, kept = _drain_closed(sim, closing)
    assert len(told) == 1 and f"已处理：{result}。" in told[0], told
    assert kept == [f"工单 #2 已办结（刘志强）：{result}"], kept
    assert _states(sim) == ["open", "resolved"]


# -- 6. an emergency someone is on is not escalated as unclaimed -----------------------------

TRAPPED = "3号楼2单元电梯里有人被困 出不来"


@pytest.mark.parametrize("on_it", ["好的 马上到", "知道了 我这就下楼去看", "我在现场了"])
def test_an_emergency_a_worker_is_on_in_words_is_claimed_and_not_escalated(
    sim: Simulator, clock: FakeClock, on_it: str
) -> None:
    say(sim, "3号楼居民群", "张阿姨", TRAPPED)
    assert sweep(sim, clock, timedelta(minutes=3)) == []
    claimed = _texts(say(sim, "3号楼党小组", "刘志强", on_it))
    assert any(t.startswith("工单 #1 已由刘志强接单") for t in claimed), claimed
    assert _states(sim) == ["claimed"]
    assert sweep(sim, clock, timedelta(minutes=20)) == []


def test_an_emergency_nobody_claims_is_said_once_more_to_the_duty_group(
    sim: Simulator, clock: FakeClock
) -> None:
    say(sim, "3号楼居民群", "张阿姨", TRAPPED)
    say(sim, "3号楼党小组", "刘志强", "收到")  # too common in chat to claim without a number
    late = sweep(sim, clock, timedelta(minutes=16))
    # Once more to the duty group, and once to the street office's group above the community.
    assert rooms(late) == ["社区党委工作群", "幸福街道党工委工作群"], late
    assert "【超时上报】" in late[0].text and "【街道督办·紧急】幸福里社区 工单 #1" in late[1].text
    assert sweep(sim, clock, timedelta(minutes=30)) == []
