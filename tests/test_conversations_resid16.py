"""Day 16, residents' side: the trial's own sentences ("trial" in the name) next to fresh
wordings of the same kind written before the fix ("fresh"). The trial's material was lost;
only its findings remain:
- clutter told with a what-if fire ("万一着火了都跑不出去", 要是, 怕, 迟早, 到时候 …) is a routine
  request about the clutter, not a fire: the what-if reaches the clauses that tell what would
  follow ("人都出不来", "浓烟一起 谁都跑不出去"), until the message says it is real now; a real
  fire told with such words still pages;
- chasing that routine ticket ("纸箱子还在") never repeats emergency advice;
- a broken unit or entry door that will not open or close is a repair, not someone trapped;
  a person shut in a lift, a flat or a car still is;
- another problem (an open manhole) is never joined to a resident's ticket about another thing
  (a lift button): the problem words must agree."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.actors import Actor
from service.models import Ticket
from service.tickets import flows
from service.understanding import Classifier, Understanding
from tests.test_conversations_day14_followups import _pages as pages_either
from tests.test_conversations_trial12 import _later, _pages, _to
from tests.test_ticket_time_limits import say

ADVICE = ("119", "120", "110", "撤离", "请立即")


def _read(text: str):  # type: ignore[no-untyped-def]
    return Classifier.default().classify(text)


def _trial_and_fresh(trial: list[str], fresh: list[str]) -> list[object]:
    """Test cases named trial-… and fresh-…"""
    return [pytest.param(t, id=f"trial-{t}") for t in trial] + [
        pytest.param(t, id=f"fresh-{t}") for t in fresh
    ]


def _tickets(sim: Simulator) -> list[tuple[int, str, str | None, bool, str]]:
    with sim.core.factory() as session:
        return [
            (t.id, t.category, t.subcategory, t.emergency, t.text)
            for t in session.scalars(select(Ticket).order_by(Ticket.id))
        ]


def _paged(messages: list) -> list[str]:  # type: ignore[type-arg]
    """Pages to the duty group, a possible emergency (可能紧急) too."""
    return [m.text for m in messages if m.room_id == "社区党委工作群" and "紧急" in m.text]


def _advised(messages: list) -> list[str]:  # type: ignore[type-arg]
    return [m.text for m in messages if any(a in m.text for a in ADVICE)]


# -- 1. clutter told with a what-if fire -------------------------------------------------------

WHAT_IF_TRIAL = ["楼道里堆满了纸箱子，万一着火了都跑不出去"]
WHAT_IF_FRESH = [
    "楼道里堆满了纸箱子 万一着火了 人都出不来 快来人管管",
    "楼道里堆满了纸箱子，要是着火了，浓烟一起，谁都跑不出去",
    "楼道堆满纸箱子 怕着火 里面老人出不来",
    "楼道里堆满纸箱子 到时候着火了全楼的人都跑不了",
    "走廊堆满了旧家具 到时候着火了怎么办",
    "楼道里堆满了纸箱子 哪天着了火 老人孩子都困在楼上",
    "楼梯口堆了好多纸壳子 如果起火了 楼上的人都被困住",
]


@pytest.mark.parametrize("text", _trial_and_fresh(WHAT_IF_TRIAL, WHAT_IF_FRESH))
def test_trial_and_fresh_clutter_with_a_what_if_fire_is_a_routine_request(
    sim: Simulator, text: str
) -> None:
    said = say(sim, "3号楼居民群", "张阿姨", text)
    assert not _pages(said), said
    assert not _advised(said), said
    tickets = _tickets(sim)
    assert len(tickets) == 1 and not tickets[0][3], tickets
    assert tickets[0][1] in ("dispute", "maintenance"), tickets
    read = _read(text)
    assert not read.emergency and read.category in ("dispute", "maintenance"), read.reasons


REAL_FIRE_TRIAL = ["楼道纸箱子着火了 快来"]
REAL_FIRE_FRESH = [
    "楼道里堆的纸箱子着火了 我就怕出这种事 快来人",
    "早就说过迟早出事 现在楼道杂物真烧起来了 快打119",
    "楼下杂物堆着火了 烟很大 怕烧到楼上 快来",
    "万一烧到楼上就完了 楼道纸箱子已经着起来了 快来人",
    "要是再不清 迟早出事 这不 楼道里的纸箱子冒烟了 快来",
]


@pytest.mark.parametrize("text", _trial_and_fresh(REAL_FIRE_TRIAL, REAL_FIRE_FRESH))
def test_trial_and_fresh_a_real_fire_told_with_what_if_words_still_pages(
    sim: Simulator, text: str
) -> None:
    read = _read(text)
    assert read.emergency and read.emergency_level != "possible", read.reasons
    assert read.subcategory == "火情", read.reasons
    said = say(sim, "3号楼居民群", "张阿姨", text)
    assert _pages(said), said


# -- 2. chasing the routine ticket -------------------------------------------------------------

CHASE_TRIAL = ["纸箱子还在"]
CHASE_FRESH = ["那些纸箱子怎么还没人来清", "楼道的箱子还堆着呢 到底管不管"]


@pytest.mark.parametrize("first", [WHAT_IF_TRIAL[0], WHAT_IF_FRESH[0]])
@pytest.mark.parametrize("chase", _trial_and_fresh(CHASE_TRIAL, CHASE_FRESH))
def test_trial_and_fresh_chasing_the_clutter_ticket_repeats_no_emergency_advice(
    sim: Simulator, first: str, chase: str
) -> None:
    say(sim, "3号楼居民群", "张阿姨", first)
    _later(sim, 60)
    said = say(sim, "3号楼居民群", "张阿姨", chase)
    assert not _pages(said), said
    assert not _advised(said), said
    told = _to(said, "3号楼居民群")
    assert len(told) == 1 and "#1" in told[0], said
    assert len(_tickets(sim)) == 1


# -- 3. a broken unit door ---------------------------------------------------------------------

DOOR_TRIAL = ["单元门坏了 关不上", "单元门坏了 打不开"]
DOOR_FRESH = [
    "单元门坏了 打不开 我们被关在楼里了",
    "单元门坏了 从里面打不开 出不来了",
    "3单元的门打不开了 里面的人出不去 外面的进不来",
    "单元门又坏了 打不开 有人在里面喊开门",
    "楼下大门打不开了 我在外面进不去 快来人",
    "单元门打不开了 困在楼里出不去",
]


@pytest.mark.parametrize("text", _trial_and_fresh(DOOR_TRIAL, DOOR_FRESH))
def test_trial_and_fresh_a_broken_unit_door_is_a_repair_not_someone_trapped(
    sim: Simulator, text: str
) -> None:
    read = _read(text)
    assert not read.emergency and read.category == "maintenance", read.reasons
    said = say(sim, "4号楼居民群", "阿强", text)
    assert not _pages(said), said
    assert not _advised(said), said
    tickets = _tickets(sim)
    assert len(tickets) == 1 and tickets[0][1] == "maintenance", tickets


TRAPPED_FRESH = [
    "孩子把自己反锁在家里 门打不开 一直在哭",
    "电梯门打不开 我妈在里面",
    "奶奶在屋里出不来 门锁坏了 里面喊人",
    "老人把自己反锁在屋里了 叫门没反应",
    "单元门口的电梯坏了 门打不开 人在里面出不来",
    "我家门锁坏了 打不开 孩子一个人在屋里出不来",
]


@pytest.mark.parametrize("text", [pytest.param(t, id=f"fresh-{t}") for t in TRAPPED_FRESH])
def test_fresh_someone_shut_in_behind_a_door_is_still_trapped(sim: Simulator, text: str) -> None:
    read = _read(text)
    assert read.emergency and read.subcategory == "被困", read.reasons
    said = say(sim, "4号楼居民群", "阿强", text)
    assert _paged(said), said


# -- 4. an open manhole is not the lift button -------------------------------------------------

MANHOLE_TRIAL = ["小区门口井盖没了", "井盖开着"]
MANHOLE_FRESH = ["井盖开着 人呢", "门口井盖被人掀了 谁来管管", "小区门口的井盖丢了 都没人管吗"]


@pytest.mark.parametrize("text", _trial_and_fresh(MANHOLE_TRIAL, MANHOLE_FRESH))
def test_trial_and_fresh_an_open_manhole_is_not_joined_to_the_lift_button_ticket(
    sim: Simulator, text: str
) -> None:
    say(sim, "2号楼居民群", "小林", "2号楼电梯按钮坏了 按了没反应")
    _later(sim, 30)
    said = say(sim, "2号楼居民群", "小林", text)
    assert not _pages(said), said
    assert not any("#1" in m for m in _to(said, "2号楼居民群")), said
    tickets = _tickets(sim)
    assert len(tickets) == 2, tickets
    assert tickets[1][1] == "maintenance" and tickets[1][2] == "道路", tickets
    assert "井盖" in tickets[1][4], tickets


@pytest.mark.parametrize("chase", ["电梯按钮怎么还没人来修", "人呢 等了半天了"])
def test_a_real_chase_of_the_lift_button_still_joins_it(sim: Simulator, chase: str) -> None:
    say(sim, "2号楼居民群", "小林", "2号楼电梯按钮坏了 按了没反应")
    _later(sim, 60)
    said = say(sim, "2号楼居民群", "小林", chase)
    told = _to(said, "2号楼居民群")
    assert len(told) == 1 and "#1" in told[0], said
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    ("text", "rule_words", "joined"),
    [
        ("井盖开着 人呢", ("井盖开着",), False),
        ("井盖没人管 到底管不管", ("井盖",), False),
        ("人呢 等了半天了", (), True),
        ("怎么还没人来修啊", ("来修",), True),
    ],
)
def test_a_chase_naming_no_subcategory_joins_only_a_ticket_its_words_agree_with(
    sim: Simulator, text: str, rule_words: tuple[str, ...], joined: bool
) -> None:
    """The cause of the manhole joined to the lift button: a chase read as naming no
    subcategory (here, word statistics' default 公共设施) went to the resident's only open
    ticket whatever it named. The words the rules found must not name another problem."""
    say(sim, "2号楼居民群", "小林", "2号楼电梯按钮坏了 按了没反应")
    core = sim.core
    with core.factory() as session:
        ticket = session.get(Ticket, 1)
        assert ticket is not None
        resident = Actor(ticket.reporter_id, ticket.reporter_name)
        room = ticket.source_room_id
    read = Understanding("maintenance", "公共设施", keywords=("等了",), rule_words=rule_words)
    report = flows.Report(text, resident, room, core.community.group("2号楼居民群"))
    with core.factory() as session, session.begin():
        outcome = flows.chase_own_ticket(
            session, core.community, report, read, True, sim.clock.now()
        )
    assert (outcome is not None) == joined, outcome


def test_another_residents_manhole_is_not_joined_to_the_lift_button(sim: Simulator) -> None:
    say(sim, "5号楼居民群", "陈老师", "5号楼电梯按钮坏了 按了没反应")
    _later(sim, 10)
    said = say(sim, "5号楼居民群", "老王", "5号楼门口井盖开着 也没人管")
    assert not any("#1" in m for m in _to(said, "5号楼居民群")), said
    assert [t[2] for t in _tickets(sim)] == ["电梯", "道路"]


# Written after the first change (not counted in the first-contact figures): a chase that
# blames a what-if fire on the clutter is the clutter again, never a page.
@pytest.mark.parametrize("chase", ["纸箱子还在 真着火了谁负责", "箱子还没清走 着火了谁负责"])
def test_chasing_the_clutter_with_a_what_if_fire_pages_nobody(sim: Simulator, chase: str) -> None:
    say(sim, "3号楼居民群", "张阿姨", WHAT_IF_TRIAL[0])
    _later(sim, 60)
    said = say(sim, "3号楼居民群", "张阿姨", chase)
    assert not _paged(said), said
    assert not _advised(said), said
    assert len(_tickets(sim)) == 1


# Written after the first change (not counted): a what-if or a plea in an earlier clause does
# not swallow a real danger told after it without a consequence word (都, 就, 会 …).
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("要是再晚一点就出大事了 老人摔倒了起不来", "急病"),
        ("万一有人在里面怎么办 电梯卡在5楼了 里面有人在喊", "被困"),
        ("不知道怎么办 要是有人能来就好了 我爸晕倒了", "急病"),
        ("如果方便请快来 楼道里全是烟", "火情"),
        ("迟早出事 楼道里都是烟了", "火情"),
        ("要是能快点来就好了 家里煤气味很大", "燃气泄漏"),
    ],
)
def test_a_real_danger_after_a_what_if_clause_still_pages(text: str, kind: str) -> None:
    read = _read(text)
    assert read.emergency and read.subcategory == kind, read.reasons


# -- the clutter really burning, told by its reporter ------------------------------------------

# Written after the helper's report named "纸箱子还在烧 快来" as read as chatter (0 / 3 read as a
# fire before the change; 3 / 3 after, one as 可能紧急).
BURNING = ["纸箱子还在烧 快来", "楼道里的东西在烧", "堆的那些杂物在烧 快点"]


@pytest.mark.parametrize("text", BURNING)
def test_the_reported_clutter_burning_pages_as_a_fire_not_a_chase(
    sim: Simulator, text: str
) -> None:
    say(sim, "3号楼居民群", "张阿姨", WHAT_IF_TRIAL[0])
    _later(sim, 30)
    said = say(sim, "3号楼居民群", "张阿姨", text)
    assert pages_either(said), said
    assert len(_tickets(sim)) == 2


@pytest.mark.parametrize("text", ["我在烧水 箱子先放门口", "妈妈在烧菜 家里东西乱"])
def test_boiling_water_or_cooking_near_boxes_is_no_fire(text: str) -> None:
    assert not _read(text).emergency
