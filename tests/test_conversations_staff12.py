"""Issue 11, day 12 (staff side): a worker who writes a ticket number is never met with silence.
A claim told in a sentence with the number inside or last claims; a line no command reads gets
a short answer for that ticket (or says whose ticket it is); staff ask the progress of any
ticket of their grid; summaries are whole clauses; a stopped lift with nobody inside and a
question about the service station's hours are requests. New sentences first, then the
trial's lines as regressions."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from service.understanding import Classifier
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

# -- 1. claims told in a sentence -------------------------------------------------------


LEAK = "3号楼2单元301卫生间天花板往下滴水 楼上没人应门"


@pytest.mark.parametrize(
    "claim",
    [
        "水管那个 #1 我们这就过去",
        "好的 #1 我来联系住户",
        "漏水那家我这就上门去看 #1",
        "楼上漏水的 1号 我们已经到现场了",
        # the trial's lines (day 12), with the number of this test's ticket
        "配电房进水的 1号 我已经到现场了 接单",
        "楼道灯的我下午买了灯泡去换 #1",
        "广场舞的事 #1 我去跟领队谈谈",
        "刘奶奶那个我现在上门去看 #1",
    ],
)
def test_a_claim_told_with_the_number_inside_a_sentence_claims(sim: Simulator, claim: str) -> None:
    say(sim, "3号楼居民群", "葛先生", LEAK)
    claimed = _texts(say(sim, "3号楼党小组", "刘志强", claim))
    assert any("已由刘志强接单" in t for t in claimed), claimed
    assert _states(sim) == ["claimed"]


def test_trial_property_claim_with_the_number_in_the_middle_claims(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "王大爷", "3号楼1单元302厨房顶上漏水 是楼上402渗下来的")
    say(sim, "3号楼党小组", "刘志强", "#1 转物业 楼上402那家联系不上 要物业开门")
    claimed = _texts(say(sim, "物业服务中心群", "钱经理", "好的 #1 我们去找402"))
    assert any("已由钱经理接单" in t for t in claimed), claimed
    assert _states(sim) == ["claimed"]


# -- 2. never silence to staff who wrote a ticket number --------------------------------


def test_a_staff_line_with_a_number_inside_that_no_command_reads_is_answered(
    sim: Simulator,
) -> None:
    say(sim, "3号楼居民群", "葛先生", LEAK)
    answered = _texts(say(sim, "3号楼党小组", "刘志强", "滴水那家 #1 业主说是昨晚开始的"))
    assert len(answered) == 1 and "#1" in answered[0], answered
    assert _states(sim) == ["open"]


def test_staff_writing_another_buildings_ticket_are_told_whose_it_is(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "葛先生", LEAK)
    told = _texts(say(sim, "2号楼党小组", "陈桂兰", "#1 看望了葛奶奶 给她带了两袋米"))
    assert len(told) == 1 and "3号楼党小组" in told[0], told
    assert "您是不是想回复" not in told[0] and "#1 接单" not in told[0], told
    assert _states(sim) == ["open"]


# -- 3. staff ask the progress of a ticket they may see ---------------------------------


def test_a_party_leader_asks_the_progress_of_a_ticket_of_his_grid(sim: Simulator) -> None:
    say(sim, "2号楼居民群", "张大姐", "请问一下新生入学登记要准备啥 户口本要不要带")
    shown = _texts(say(sim, "3号楼党小组", "刘志强", "#1 进度"))
    assert len(shown) == 1 and "当前状态" in shown[0], shown
    refused = _texts(say(sim, "5号楼党小组", "周海", "#1 进度"))
    assert len(refused) == 1 and "自己反映" not in refused[0], refused
    assert "2号楼党小组" in refused[0], refused


# -- 4. a ticket's summary is a whole clause ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("我妈一个人住在4单元302 我出差了 她电话一直打不通 麻烦谁去看一眼", "我妈一个人住"),
        ("我爸住在5号楼3单元 腿脚不好 想请人帮忙买点菜", "我爸住 腿脚不好"),
        ("哎 这个车棚里的电动车自行车堆得根本过不去 谁家的", "电动车自行车"),
    ],
)
def test_a_summary_is_a_whole_clause_without_what_a_place_left(text: str, summary: str) -> None:
    read = Classifier.default().classify(text)
    assert read.summary.startswith(summary), read.summary
    assert not read.summary.endswith(("在", "的")) and not read.summary.startswith("里"), read


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        (
            "我奶奶一个人住在3单元201 我在外地上班 这两天打她电话都没人接 能不能麻烦社区帮忙去看一眼",
            "住在",
        ),
        ("哎我说 这个楼道里的自行车电动车堆得过都过不去 谁家的赶紧挪挪", "里的"),
    ],
)
def test_trial_summaries_are_not_cut_after_zai_or_before_li_de(text: str, bad: str) -> None:
    read = Classifier.default().classify(text)
    assert bad not in read.summary and len(read.summary) >= 4, read.summary


def test_an_alert_title_drops_what_the_room_left_before_it(sim: Simulator) -> None:
    told = _texts(
        say(
            sim,
            "4号楼居民群",
            "钱阿姨",
            "2单元301家的老人一个人在家 刚才听到咚的一声 然后喊救命 门锁着",
        )
    )
    alerts = [t for t in told if t.startswith("【紧急")]
    assert alerts and "家的老人" not in alerts[0].splitlines()[0], told


# -- 5. resident reports that got nothing ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2单元电梯又卡在5楼不动了 里面没人 就是一直不开门",
        "1单元的电梯今天又停了 这回里面没人 就是不动",
    ],
)
def test_a_stopped_lift_with_nobody_inside_is_a_repair_request(text: str) -> None:
    read = Classifier.default().classify(text)
    assert read.category == "maintenance" and not read.emergency, read.reasons


def test_nobody_inside_still_calls_off_a_trapped_person_alarm() -> None:
    read = Classifier.default().classify("电梯里有人被困 哦不对 里面没人 是我看错了")
    assert not read.is_request, read.reasons


@pytest.mark.parametrize("text", ["周末社区服务站上班吗", "谁知道社区服务站周六上班吗"])
def test_a_question_about_the_service_stations_hours_is_an_inquiry(text: str) -> None:
    read = Classifier.default().classify(text)
    assert read.category == "inquiry", read.reasons


def test_a_stopped_lift_with_nobody_inside_gets_a_ticket(sim: Simulator) -> None:
    told = _texts(say(sim, "6号楼居民群", "邹先生", "6号楼2单元电梯又停了 这回里面没人 就是不动"))
    assert any("已收到" in t for t in told), told
    assert _states(sim) == ["open"]
