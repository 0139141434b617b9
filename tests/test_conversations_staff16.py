"""Day 16 (staff side): faults a fresh-eyes tester found running a staff day through
`hongqiao shell` (the material was lost; each scenario is rebuilt around the trial's sentence,
"trial", with new wordings of the same situation written before the fix, "fresh"):
1. a claim word followed by a plan for later ("37号我们接了 下午换管") claims, never closes;
2. a closing with no number goes to the one ticket its words (problem and place) fit; when
   several fit, the worker is asked which, and nothing is closed;
3. a downgraded ticket (非紧急) is no 【紧急】 in the morning list, a merged one is not listed;
4. 统计: the average claim time and the average closing time are read from different times;
5. `#24 收回` after 非职责 works for the group that marked it (or one above), and the
   take-back says plainly it was taken back, by whom, and the state it is in;
6. `#8 进度` shows the staff's latest notes with their time;
7. "现在都谁报了" in an event's group lists its sign-ups (or asks which event)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.simulator import Simulator
from service.clock import FakeClock
from service.tickets import jobs
from tests.test_conversations_day14_words import _claimed
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

PARTY = "3号楼党小组"
WORKER = "刘志强"

# -- 1. a claim with a plan for later is a claim ----------------------------------------------

LAMP = "3号楼2单元楼道灯坏了"
PIPE = "3号楼1单元地下室水管漏水 一直滴"


def _lamp_and_pipe(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "赵阿姨", LAMP)
    say(sim, "3号楼居民群", "钱大爷", PIPE)


def _claims_the_pipe(sim: Simulator, line: str) -> None:
    _lamp_and_pipe(sim)
    said = _texts(say(sim, PARTY, WORKER, line))
    assert not any("已办结" in t for t in said), said
    assert _states(sim) == ["open", "claimed"], said
    assert _claimed(sim) == [None, WORKER]


def test_trial_a_claim_with_a_plan_for_the_afternoon_claims_the_ticket(sim: Simulator) -> None:
    _claims_the_pipe(sim, "2号我们接了 下午换管")


@pytest.mark.parametrize(
    "line",
    [
        "2号 我们接手了 明天去修",
        "2号我们领了 等会儿去换",
        "#2 这单我们接了 下午过去换管子",
        "2号 我们接下了 晚上换个新管子",
    ],
)
def test_fresh_a_claim_with_a_plan_for_later_claims_the_ticket(sim: Simulator, line: str) -> None:
    _claims_the_pipe(sim, line)


def test_fresh_a_closing_told_as_past_still_closes(sim: Simulator) -> None:
    """The rule stays: a closing told as done, even of this afternoon, closes."""
    _lamp_and_pipe(sim)
    done = _texts(say(sim, PARTY, WORKER, "2号 下午已经换好了 不漏了"))
    assert any(t.startswith("工单 #2 已办结") for t in done), done


# -- 2. a closing with no number goes to the one ticket its words fit --------------------------

BUTTONS = "3号楼1单元电梯按钮不亮 按了没反应"
DOOR = "3号楼3单元电梯门关不上 一直响"


def _two_lifts(sim: Simulator, claim_door: bool = False) -> None:
    """#1 lift buttons (1单元), #2 lift door (3单元), #3 the lamp: #1 and #3 claimed by the
    worker, #2 too when `claim_door`."""
    say(sim, "3号楼居民群", "赵阿姨", BUTTONS)
    say(sim, "3号楼居民群", "钱大爷", DOOR)
    say(sim, "3号楼居民群", "孙阿姨", LAMP)
    say(sim, PARTY, WORKER, "#1 接单")
    say(sim, PARTY, WORKER, "#3 接单")
    if claim_door:
        say(sim, PARTY, WORKER, "#2 接单")


def _closes(sim: Simulator, line: str, number: int, claim_door: bool = False) -> None:
    """Closes ticket `number` when the worker holds it; when it waits for someone to claim it
    (the door, unclaimed), asks and lists it (the rule of tests/test_conversations_trial9.py),
    never closing another."""
    _two_lifts(sim, claim_door)
    done = _texts(say(sim, PARTY, WORKER, line))
    if number == 2 and not claim_door:
        assert len(done) == 1 and "#2" in done[0] and "哪一张" in done[0], done
        assert "resolved" not in _states(sim), (done, _states(sim))
        return
    assert any(t.startswith(f"工单 #{number} 已办结") for t in done), done
    others = [s for n, s in enumerate(_states(sim), start=1) if n != number]
    assert "resolved" not in others, (done, _states(sim))


@pytest.mark.parametrize("claim_door", [True, False])
def test_trial_a_lift_closing_goes_to_the_lift_its_words_fit(
    sim: Simulator, claim_door: bool
) -> None:
    """The worker holds both lifts (closed: the door), or the door waits (asked)."""
    _closes(sim, "电梯修好了 门能关上了", 2, claim_door)


@pytest.mark.parametrize(
    ("line", "number", "claim_door"),
    [
        ("3单元电梯修好了", 2, False),
        ("3单元的电梯弄好了 换了个门机", 2, True),
        ("1单元电梯按钮修好了 都亮了", 1, True),
    ],
)
def test_fresh_a_closing_goes_to_the_ticket_of_its_words_and_place(
    sim: Simulator, line: str, number: int, claim_door: bool
) -> None:
    _closes(sim, line, number, claim_door)


@pytest.mark.parametrize(
    ("line", "claim_door"),
    [("电梯修好了", True), ("电梯已经修好了 师傅刚走", False)],
)
def test_fresh_a_closing_that_fits_two_tickets_is_asked_about(
    sim: Simulator, line: str, claim_door: bool
) -> None:
    _two_lifts(sim, claim_door)
    asked = _texts(say(sim, PARTY, WORKER, line))
    assert len(asked) == 1 and "#1" in asked[0] and "#2" in asked[0], asked
    assert "resolved" not in _states(sim)


# -- 3. downgraded and merged tickets in the morning list --------------------------------------

TRAPPED = "3号楼2单元电梯里有人被困 快来人"
SMOKE = "5号楼1单元楼道里冒烟了 好像着火了"
SMOKE_AGAIN = "4号楼3单元楼道里有烟 是不是哪家着火了 快来看看"


def _next_morning(sim: Simulator, clock: FakeClock) -> list[str]:
    """Every sweep of the night and the 09:00 list two days later; what the staff groups read."""
    for _ in range(2 * 24 * 6):
        clock.advance(timedelta(minutes=10))
        jobs.sweep_tickets(sim.core.factory, sim.core.community, clock.now())
    jobs.overdue_digest(sim.core.factory, sim.core.community, clock.now())
    return [m.text for m in asyncio.run(sim.deliver())]


def _lines_of(texts: list[str], number: int) -> list[str]:
    return [
        line
        for t in texts
        for line in t.splitlines()
        if f"#{number}" in line and not line[line.index(f"#{number}") + 2 :][:1].isdigit()
    ]


@pytest.mark.parametrize(
    ("downgrade", "merge"),
    [
        ("#1 非紧急", "#3 重复 #2"),
        ("1号 不是紧急", "3号跟2号是一回事"),
        ("#1 不紧急", "#3 合并到 #2"),
    ],
)
def test_downgraded_and_merged_tickets_in_the_morning_list(
    sim: Simulator, clock: FakeClock, downgrade: str, merge: str
) -> None:
    """The trial's situation (first row) and two fresh wordings of it."""
    clock.advance(timedelta(hours=13))  # Tuesday 22:00
    say(sim, "3号楼居民群", "赵阿姨", TRAPPED)
    say(sim, "5号楼居民群", "钱大爷", SMOKE)
    say(sim, "4号楼居民群", "周大妈", SMOKE_AGAIN)
    clock.advance(timedelta(minutes=20))
    say(sim, PARTY, WORKER, downgrade)
    say(sim, "第二网格党支部群", "赵网格长", merge)
    assert _states(sim)[2] == "duplicate"
    told = _next_morning(sim, clock)
    told += _texts(say(sim, "社区党委工作群", "王书记", "待办"))
    told += _texts(say(sim, "第一网格党支部群", "李网格长", "待办"))
    assert _lines_of(told, 1) and not any("紧急" in line for line in _lines_of(told, 1)), told
    assert not _lines_of(told, 3)[1:], _lines_of(told, 3)  # only the merge itself said it
    assert any("【紧急】#2" in line for line in _lines_of(told, 2)), told


# -- 4. 统计: claim time and closing time ------------------------------------------------------


def test_stats_tell_claim_time_and_closing_time_apart(sim: Simulator, clock: FakeClock) -> None:
    say(sim, "3号楼居民群", "赵阿姨", LAMP)
    clock.advance(timedelta(minutes=30))
    say(sim, PARTY, WORKER, "#1 接单")
    clock.advance(timedelta(hours=3, minutes=30))
    say(sim, PARTY, WORKER, "#1 已处理 换了灯泡")
    said = _texts(say(sim, PARTY, WORKER, "统计"))
    assert any("平均接单用时 30 分钟" in t and "平均办结用时 4.0 小时" in t for t in said), said


def test_fresh_stats_of_two_tickets_average_each_time_on_its_own(
    sim: Simulator, clock: FakeClock
) -> None:
    say(sim, "3号楼居民群", "赵阿姨", LAMP)
    say(sim, "3号楼居民群", "钱大爷", PIPE)
    clock.advance(timedelta(minutes=20))
    say(sim, PARTY, WORKER, "#1 接单")
    clock.advance(timedelta(minutes=20))
    say(sim, PARTY, WORKER, "#2 接单")  # claimed after 20 and 40 minutes: 30 on average
    clock.advance(timedelta(hours=5, minutes=20))
    say(sim, PARTY, WORKER, "#1 已处理 换了灯泡")  # 6 hours
    clock.advance(timedelta(hours=2))
    say(sim, PARTY, WORKER, "#2 已处理 换了水管")  # 8 hours
    said = _texts(say(sim, "第一网格党支部群", "李网格长", "统计"))
    assert any("平均接单用时 30 分钟" in t and "平均办结用时 7.0 小时" in t for t in said), said


# -- 5. taking back a ticket marked 非职责 ---------------------------------------------------

STRAY = "3号楼门口马路上的井盖松了 车一压就响"


def _not_ours(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "赵阿姨", STRAY)
    say(sim, PARTY, WORKER, "#1 非职责 市政的井盖 请打12345")
    assert _states(sim) == ["not_responsible"]


@pytest.mark.parametrize(
    ("group", "who", "line"),
    [
        (PARTY, WORKER, "#1 收回"),  # trial
        (PARTY, WORKER, "1号 拿回"),
        ("第一网格党支部群", "李网格长", "#1 收回"),
        ("社区党委工作群", "王书记", "#1 收回"),
    ],
)
def test_a_ticket_marked_not_ours_is_taken_back_and_said_plainly(
    sim: Simulator, group: str, who: str, line: str
) -> None:
    _not_ours(sim)
    said = _texts(say(sim, group, who, line))
    assert _states(sim) == ["open"], said
    told = [t for t in said if f"已由{who}收回" in t and "当前状态：待受理" in t]
    assert told, said
    assert not any(t.startswith("【新工单") for t in said), said


def test_a_ticket_sent_away_and_marked_not_ours_there_is_taken_back_by_its_sender(
    sim: Simulator,
) -> None:
    say(sim, "3号楼居民群", "赵阿姨", STRAY)
    say(sim, PARTY, WORKER, "#1 转 物业")
    say(sim, "物业服务中心群", "钱经理", "#1 非职责 市政的井盖 请打12345")
    said = _texts(say(sim, PARTY, WORKER, "#1 收回"))
    assert _states(sim) == ["open"], said
    assert any(f"已由{WORKER}收回，现由{PARTY}处理" in t for t in said), said


def test_a_ticket_marked_not_ours_is_still_not_transferred(sim: Simulator) -> None:
    """Only 收回 brings it back: a transfer of a 非职责 ticket stays refused."""
    _not_ours(sim)
    said = _texts(say(sim, PARTY, WORKER, "#1 转 物业"))
    assert _states(sim) == ["not_responsible"], said


def test_a_transferred_ticket_taken_back_is_said_plainly(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "赵阿姨", LAMP)
    say(sim, PARTY, WORKER, "#1 转 物业")
    said = _texts(say(sim, PARTY, WORKER, "#1 收回"))
    assert any(f"已由{WORKER}收回" in t and "当前状态：待受理" in t for t in said), said
    assert not any(t.startswith("【新工单") for t in said), said


# -- 6. 进度 shows the staff's notes -----------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "ask"),
    [
        ("#1 备注 已联系物业 明天来换灯管", "#1 进度"),  # trial
        ("#1 记一下 灯管缺货 周五到", "1号 进度"),
        ("#1 说明 配件已订 等厂家送货", "#1 怎么样了"),
    ],
)
def test_progress_shows_the_latest_note_with_its_time(
    sim: Simulator, clock: FakeClock, note: str, ask: str
) -> None:
    say(sim, "3号楼居民群", "赵阿姨", LAMP)
    say(sim, PARTY, WORKER, "#1 接单")
    clock.advance(timedelta(minutes=10))
    say(sim, PARTY, WORKER, note)
    words = note.split(maxsplit=2)[2]
    said = _texts(say(sim, PARTY, WORKER, ask))
    assert any(words in t and "12月01日 09:10" in t for t in said), said


def test_progress_shows_the_last_two_notes(sim: Simulator, clock: FakeClock) -> None:
    say(sim, "3号楼居民群", "赵阿姨", LAMP)
    say(sim, PARTY, WORKER, "#1 接单")
    for text in ("#1 备注 第一次去看过", "#1 备注 灯管缺货", "#1 备注 周五到货再换"):
        clock.advance(timedelta(minutes=10))
        say(sim, PARTY, WORKER, text)
    said = _texts(say(sim, PARTY, WORKER, "#1 进度"))
    assert any("灯管缺货" in t and "周五到货再换" in t for t in said), said


# -- 7. who has signed up so far ---------------------------------------------------------------


def _one_sign_up(sim: Simulator) -> None:
    """3号楼党小组会 (#E1, the 3rd at 19:30) is the group's one open event."""
    say(sim, PARTY, WORKER, "报名 #E1")


@pytest.mark.parametrize(
    "ask", ["现在都谁报了", "都有谁报名了？", "报名的有哪些人", "目前几个人报名了"]
)
def test_who_signed_up_lists_the_sign_ups_of_the_open_event(sim: Simulator, ask: str) -> None:
    _one_sign_up(sim)
    said = _texts(say(sim, PARTY, "李网格长", ask))
    assert len(said) == 1 and "#E1" in said[0] and "已报名" in said[0], said
    assert WORKER in said[0]


def test_who_signed_up_with_two_open_events_asks_which(sim: Simulator) -> None:
    _one_sign_up(sim)
    say(sim, PARTY, WORKER, "通知 12月5日9:00 楼道大扫除 地点:3号楼门口 对象:3号楼党小组")
    named = _texts(say(sim, PARTY, "李网格长", "党小组会都谁报了"))
    assert len(named) == 1 and "已报名" in named[0] and WORKER in named[0], named
    said = _texts(say(sim, PARTY, "李网格长", "现在都谁报了"))
    assert len(said) == 1 and "#E1" in said[0] and "楼道大扫除" in said[0], said
