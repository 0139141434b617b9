"""Day 17, residents' side, the findings left by resid17 (docs/trials/day17/diagnosis_residents.md):
- a resident saying a problem still being handled is fixed or back ("来水了来水了 👍", "谢谢大家关心
  电梯修好了") is heard: a note on the ticket, its group asked to check and close it, the resident
  told staff will confirm; never only "不客气" (R66, R69);
- a neighbour's follow-up of a live emergency read as a possible emergency by word statistics
  alone is a note on it, no new page (#6: R33, R46, R78);
- an outage caused by an open flood joins the flood (R97);
- "2单元402 楼上…" keeps the flat 402 (R67)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from service.tickets import messages
from tests.test_conversations_day14_followups import _pages as pages_either
from tests.test_conversations_resid16 import _read, _tickets, _trial_and_fresh
from tests.test_conversations_trial12 import _later, _to
from tests.test_ticket_time_limits import say


def _to_staff(said: list, resident_group: str) -> list[str]:  # type: ignore[type-arg]
    return [m.text for m in said if m.room_id != resident_group]


# -- 1. "it is fixed / back" about a ticket still being handled (R66, R69) -----------------------

LIFT = ("5号楼居民群", "孙奶奶", "5号楼电梯又停了 按半天没反应")
LIFT_TRIAL = ["谢谢大家关心 电梯修好了"]
LIFT_FRESH = ["电梯好了 能坐了 谢谢师傅", "电梯修好了👍"]
WATER = ("3号楼居民群", "李婶", "我家停水了 3单元 一滴水都没有")
WATER_TRIAL = ["来水了来水了 👍"]
WATER_FRESH = ["水来了 能用了", "来水了 谢谢啊"]
LAMP = ("2号楼居民群", "黄阿姨", "2单元楼道灯坏了 晚上黑乎乎的")
LAMP_FRESH = ["楼道灯亮了 谢谢"]


@pytest.mark.parametrize(
    ("first", "text"),
    [
        pytest.param(first, t, id=f"{kind}-{t}")
        for first, trial, fresh in [
            (LIFT, LIFT_TRIAL, LIFT_FRESH),
            (WATER, WATER_TRIAL, WATER_FRESH),
            (LAMP, [], LAMP_FRESH),
        ]
        for kind, texts in (("trial", trial), ("fresh", fresh))
        for t in texts
    ],
)
def test_trial_and_fresh_news_that_it_is_fixed_reaches_the_group_of_the_ticket(
    sim: Simulator, first: tuple[str, str, str], text: str
) -> None:
    group, who, problem = first
    said = say(sim, group, who, problem)
    assert len(_tickets(sim)) == 1, said
    _later(sim, 180)
    said = say(sim, group, who, text)
    told = _to(said, group)
    assert told and messages.WELCOME not in told, said
    assert any("#1" in m for m in told), said
    staff = _to_staff(said, group)
    assert any("#1" in m and "已恢复" in m and "已处理" in m for m in staff), said
    assert len(_tickets(sim)) == 1, _tickets(sim)


def test_a_follower_saying_the_water_is_back_reaches_the_ticket(sim: Simulator) -> None:
    say(sim, *WATER)
    _later(sim, 10)
    say(sim, "3号楼居民群", "小周", "我家也停水了 3单元")
    assert len(_tickets(sim)) == 1, _tickets(sim)
    _later(sim, 180)
    said = say(sim, "3号楼居民群", "小周", WATER_TRIAL[0])
    assert any("#1" in m and "已恢复" in m for m in _to_staff(said, "3号楼居民群")), said


@pytest.mark.parametrize("text", ["电梯修好了吗", "电梯修好了又坏了 还是不动"])
def test_asking_if_it_is_fixed_or_saying_it_broke_again_is_no_restored_news(
    sim: Simulator, text: str
) -> None:
    say(sim, *LIFT)
    _later(sim, 180)
    said = say(sim, "5号楼居民群", "孙奶奶", text)
    assert not any("已恢复" in m for m in _to_staff(said, "5号楼居民群")), said


def test_a_plain_thanks_with_nothing_named_stays_silent(sim: Simulator) -> None:
    say(sim, *LIFT)
    _later(sim, 180)
    said = say(sim, "5号楼居民群", "孙奶奶", "谢谢大家")
    assert not any("已恢复" in m for m in [m.text for m in said]), said


# -- 2. a neighbour's follow-up of a live emergency, read by word statistics alone (#6) ----------

MISSING = (
    "6号楼居民群",
    "周老师",
    "我家孙子放学到现在还没回来 电话手表也关机了 八岁 穿蓝色校服 背个奥特曼书包",
)
SEEN_TRIAL = ["刚才好像看见一个穿蓝校服的小孩往超市那边走了"]
SEEN_FRESH = ["好像在菜市场门口看到一个背书包的男孩", "刚才在公交站那边好像看到个穿校服的小男孩"]
ROOF = ("1号楼居民群", "何阿姨", "1号楼楼顶天台边上坐着个小孩 晃着腿 旁边没大人")
DOWN_TRIAL = ["小孩被他妈妈抱下来了 吓死人"]
DOWN_FRESH = ["那孩子被他爸抱下去了 真吓人"]
FIGHT = ("5号楼居民群", "小李", "隔壁502两口子吵架 女的一直在哭喊 还有砸东西的声音 好吓人")
CRY_TRIAL = ["我也听到了 好像还有孩子在哭"]
# ("楼上还在摔东西 孩子一直哭", the diagnosis's wording, is read as 噪音 naming a thing, not a
# guess: its own noise ticket still; left.)
CRY_FRESH = ["好像还有小孩在哭 哭得好惨"]


@pytest.mark.parametrize(
    ("first", "teller", "text"),
    [
        pytest.param(first, teller, t, id=f"{kind}-{t}")
        for first, teller, trial, fresh in [
            (MISSING, "冯姐", SEEN_TRIAL, SEEN_FRESH),
            (ROOF, "刘叔", DOWN_TRIAL, DOWN_FRESH),
            (FIGHT, "钱阿姨", CRY_TRIAL, CRY_FRESH),
        ]
        for kind, texts in (("trial", trial), ("fresh", fresh))
        for t in texts
    ],
)
def test_trial_and_fresh_a_neighbours_word_on_a_live_emergency_is_no_new_page(
    sim: Simulator, first: tuple[str, str, str], teller: str, text: str
) -> None:
    group, who, danger = first
    said = say(sim, group, who, danger)
    assert pages_either(said), said
    _later(sim, 10)
    said = say(sim, group, teller, text)
    assert not pages_either(said), said
    assert len(_tickets(sim)) == 1, _tickets(sim)
    assert any("#1" in m for m in _to_staff(said, group)), said


def test_a_sighting_told_in_another_building_is_not_the_missing_boy(sim: Simulator) -> None:
    say(sim, *MISSING)
    _later(sim, 10)
    said = say(sim, "1号楼居民群", "刘叔", SEEN_FRESH[0])
    assert not any("#1" in m for m in [m.text for m in said]), said


# -- 3. an outage caused by the open flood (R97) -----------------------------------------------

FLOOD = "1单元地下室水管爆了 水哗哗往外冒 都快漫到配电箱了"
CUT = "水已经漫进配电室了 整栋楼都停电了"
OUTAGE_TRIAL = ["没电了 冰箱里的东西都要坏了 啥时候来电"]
OUTAGE_FRESH = ["我家也没电了 电梯也停了 什么时候来电", "怎么停电了 家里啥都用不了"]


@pytest.mark.parametrize("text", _trial_and_fresh(OUTAGE_TRIAL, OUTAGE_FRESH))
def test_trial_and_fresh_an_outage_the_flood_caused_joins_the_flood(
    sim: Simulator, text: str
) -> None:
    say(sim, "3号楼居民群", "老赵", FLOOD)
    _later(sim, 30)
    say(sim, "3号楼居民群", "老赵", CUT)
    _later(sim, 60)
    said = say(sim, "3号楼居民群", "刘奶奶", text)
    assert any("#1" in m for m in _to(said, "3号楼居民群")), said
    assert len(_tickets(sim)) == 1, _tickets(sim)


def test_an_outage_with_a_flood_that_named_none_is_its_own_ticket(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "老赵", FLOOD)
    _later(sim, 30)
    say(sim, "3号楼居民群", "刘奶奶", OUTAGE_TRIAL[0])
    assert len(_tickets(sim)) == 2, _tickets(sim)


# -- 4. the flat right before a space and a word (R67) ------------------------------------------

ROOM_TRIAL = [("楼上漏水 我家卫生间天花板一直在滴 2单元402 楼上502没人在家", "402")]
ROOM_FRESH = [("3单元301 楼下那家天天半夜吵", "301"), ("1单元602 天花板掉皮了", "602")]


@pytest.mark.parametrize(
    ("text", "room"),
    [pytest.param(t, r, id=f"trial-{t}") for t, r in ROOM_TRIAL]
    + [pytest.param(t, r, id=f"fresh-{t}") for t, r in ROOM_FRESH],
)
def test_trial_and_fresh_the_flat_before_a_space_is_kept(text: str, room: str) -> None:
    assert _read(text).room == room


@pytest.mark.parametrize("text", ["3号楼 5 楼楼道灯坏了", "2单元 12 层电梯坏了"])
def test_a_floor_after_a_space_is_still_no_flat(text: str) -> None:
    assert _read(text).room is None


# -- 5. a lift fault told by someone who cannot climb is still the lift (R6) ---------------------

LIFT_RUN_ON_TRIAL = [
    "那个就是我们楼那个电梯啊又停了今天早上我买菜回来按半天没反应我腿脚不好爬不动六楼啊你们赶紧派人来看一下"
]
LIFT_RUN_ON_FRESH = [
    "电梯又坏了 我腿脚不好爬不动 赶紧派人来修",
    "电梯停了 我家老伴坐轮椅 快派人修一下",
]


@pytest.mark.parametrize("text", _trial_and_fresh(LIFT_RUN_ON_TRIAL, LIFT_RUN_ON_FRESH))
def test_trial_and_fresh_a_lift_fault_from_someone_who_cannot_climb_is_the_lift(text: str) -> None:
    read = _read(text)
    assert (read.category, read.subcategory) == ("maintenance", "电梯"), read.reasons


@pytest.mark.parametrize(
    "text", ["电梯停了 我坐轮椅下不去 谁能帮我抬下楼", "电梯停了 我坐轮椅 谁能背我上去"]
)
def test_asking_for_help_for_the_person_is_still_care(text: str) -> None:
    read = _read(text)
    assert (read.category, read.subcategory) == ("care", "助残"), read.reasons


# -- 6. a neighbour chasing the building's ticket (R16) ------------------------------------------

GARBAGE = ("2号楼居民群", "周大爷", "楼下垃圾桶满了好几天没人收 臭气熏天 野猫到处扒")
CHASE_TRIAL = ["垃圾的事说了好几次了 到底有没有人管"]
CHASE_FRESH = ["楼下垃圾的事到底管不管 都臭了", "垃圾桶那事怎么还没人管啊"]


@pytest.mark.parametrize("text", _trial_and_fresh(CHASE_TRIAL, CHASE_FRESH))
def test_trial_and_fresh_a_neighbours_chase_joins_the_garbage_ticket(
    sim: Simulator, text: str
) -> None:
    say(sim, *GARBAGE)
    _later(sim, 60)
    said = say(sim, "2号楼居民群", "黄阿姨", text)
    assert any("#1" in m for m in _to(said, "2号楼居民群")), said
    assert len(_tickets(sim)) == 1, _tickets(sim)


def test_a_neighbours_chase_of_another_thing_is_its_own_ticket(sim: Simulator) -> None:
    say(sim, *GARBAGE)
    _later(sim, 60)
    say(sim, "2号楼居民群", "黄阿姨", CHASE_TRIAL[0])
    said = say(sim, "2号楼居民群", "老王", "楼道灯的事到底有没有人管")
    assert not any("#1" in m for m in _to(said, "2号楼居民群")), said
    assert len(_tickets(sim)) == 2, _tickets(sim)
