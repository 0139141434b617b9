"""党员包户 visits told in everyday words (issue #15 trial findings): a visit word anywhere in a
member's sentence that names a listed household logs the visit with the rest as the note, typos
included; a note asking for help still opens a ticket; residents' reports naming a household and
staff ticket commands stay what they were; the dashboard page names no file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.community import load_community
from service.settings import Settings
from service.visits.config import load_households
from service.visits.flows import read_visit
from service.visits.models import HouseholdVisit
from tests.dialog import verify_dialog
from tests.sample_config import SAMPLE
from tests.story_support import story_sim
from tests.test_visits_dialogs import visits_config
from tests.web_support import make_web

HOUSEHOLDS = [
    {
        "building": 1,
        "unit": "1",
        "room": "302",
        "kind": "空巢老人",
        "contact": "李大爷",
        "member": "张建国",
    },
    {
        "building": 3,
        "unit": "2",
        "room": "501",
        "kind": "独居老人",
        "contact": "王奶奶",
        "member": "刘志强",
    },
    {"building": 5, "unit": "2", "room": "201", "kind": "留守儿童", "member": "周海"},
]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return visits_config(tmp_path, HOUSEHOLDS)


@pytest.fixture
def sim(core: Core, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    yield from story_sim(core, clock, monkeypatch)


def _visits(sim: Simulator) -> list[tuple[str, str, str, str, int | None]]:
    with sim.core.factory() as session:
        rows = session.scalars(select(HouseholdVisit).order_by(HouseholdVisit.id))
        return [(v.household, v.member_name, v.outcome, v.note, v.ticket_id) for v in rows]


def test_a_visit_told_in_a_sentence_is_logged_with_the_rest_as_its_note(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        1号楼党小组 | 张建国 | 抱歉报晚了，上午去看了李大爷，1-1-302老人挺精神的
        -> 1号楼党小组: @张建国 已记录您对1号楼1单元302室（空巢老人，李大爷）的走访，谢谢！下次走访请在12月15日前。
        3号楼党小组 | 刘志强 | 下午到3号楼2单元501室探望了王奶奶，饭菜都吃得下
        -> 3号楼党小组: @刘志强 已记录您对3号楼2单元501室（独居老人，王奶奶）的走访，谢谢！下次走访请在12月8日前。
        5号楼党小组 | 周海 | 走仿 5-2-201 孩子在家写作业
        -> 5号楼党小组: @周海 已记录您对5号楼2单元201室（留守儿童）的走访，谢谢！下次走访请在12月15日前。
        """,
    )
    assert _visits(sim) == [
        ("1-1-302", "张建国", "fine", "抱歉报晚了，上午去看了李大爷，老人挺精神的", None),
        ("3-2-501", "刘志强", "fine", "下午到探望了王奶奶，饭菜都吃得下", None),
        ("5-2-201", "周海", "fine", "孩子在家写作业", None),
    ]


def test_staff_may_log_a_visit_for_the_member_in_everyday_words(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        第二网格党支部群 | 赵网格长 | 替周海报一下，昨天我们一起去了5-2-201家，孩子奶奶说都挺好
        -> 第二网格党支部群: @赵网格长 已记录您对5号楼2单元201室（留守儿童）的走访，谢谢！下次走访请在12月15日前。
        """,
    )
    assert [v[:3] for v in _visits(sim)] == [("5-2-201", "赵网格长", "fine")]


def test_a_sentence_visit_that_asks_for_help_still_opens_a_ticket(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼党小组 | 刘志强 | 刚上门看过3-2-501的王奶奶，卫生间水龙头一直滴水，需要帮忙修一下
        -> 3号楼党小组: @刘志强 已记录您对3号楼2单元501室（独居老人，王奶奶）的走访。需要帮助的事已登记为工单 #1，已转3号楼党小组处理。下次走访请在12月8日前。
        -> 3号楼党小组: 【新工单 #1】维修维护·给排水 / 地点：3号楼2单元501室 / 居民原话：刚上门看过的王奶奶，卫生间水龙头一直滴水，需要帮忙修一下 / 反映人：刘志强（3号楼党小组） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        """,
    )
    assert [(v[0], v[2], v[4]) for v in _visits(sim)] == [("3-2-501", "help", 1)]


def test_reports_and_ticket_commands_naming_a_household_are_no_visits(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        5号楼居民群 | 马大姐 | 看了5-2-201门口，楼道里堆满了纸箱子
        -> 5号楼居民群: @马大姐 已收到您反映的问题（工单 #1：楼道里堆满了纸箱子，5号楼2单元201室），已转5号楼党小组处理。
        -> 5号楼党小组: 【新工单 #1】矛盾调处·占道堆物 / 地点：5号楼2单元201室 / 居民原话：看了5-2-201门口，楼道里堆满了纸箱子 / 反映人：马大姐（5号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼居民群 | 钱阿姨 | 去看了一下，3-2-501家的天花板漏水了，麻烦派人来修
        -> 3号楼居民群: @钱阿姨 已收到您反映的问题（工单 #2：天花板漏水了，3号楼2单元501室），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #2】维修维护·给排水 / 地点：3号楼2单元501室 / 居民原话：去看了一下，3-2-501家的天花板漏水了，麻烦派人来修 / 反映人：钱阿姨（3号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        5号楼党小组 | 周海 | #1 已处理 上门看了5-2-201，纸箱子都搬走了
        -> 5号楼党小组: 工单 #1 已办结（周海）：上门看了5-2-201，纸箱子都搬走了
        -> 5号楼居民群: @马大姐 您反映的问题（工单 #1：楼道里堆满了纸箱子）已处理：上门看了5-2-201，纸箱子都搬走了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        """,
    )
    assert _visits(sim) == []


def test_visits_page_names_no_file(sim: Simulator) -> None:
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    page = web.login("wang").get("/visits").text
    assert "党员包户" in page and "住户名单由社区管理员维护" in page
    assert "households.yaml" not in page and "config/" not in page


@pytest.mark.parametrize(
    ("text", "place", "note"),
    [
        ("走方了 1-1-302 老人在晒太阳", ("1", "1", "302"), "老人在晒太阳"),
        (
            "周末去了4-1-602赵阿姨家，她说最近睡得好",
            ("4", "1", "602"),
            "周末去了赵阿姨家，她说最近睡得好",
        ),
        ("早上看过2号楼3单元101，一切照旧", ("2", "3", "101"), "早上看过，一切照旧"),
    ],
)
def test_typos_and_gapped_visit_words_read_as_visits(
    text: str, place: tuple[str, str, str], note: str
) -> None:
    said = read_visit(text, load_households(SAMPLE, load_community(SAMPLE)))
    assert said is not None and (said.building, said.unit, said.room) == place
    assert said.note == note


@pytest.mark.parametrize(
    "text", ["看了，挺好的", "我看过通知了", "3-1-201家漏水了", "上门服务几点来"]
)
def test_chat_without_a_room_or_a_visit_word_is_no_visit(text: str) -> None:
    assert read_visit(text, load_households(SAMPLE, load_community(SAMPLE))) is None


def test_staff_closing_without_a_number_is_no_visit_of_an_unlisted_room(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 钱阿姨 | 3-1-201厨房下水道堵了，麻烦派人来通一下
        -> 3号楼居民群: @钱阿姨 已收到您反映的问题（工单 #1：厨房下水道堵了，3号楼1单元201室），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·给排水 / 地点：3号楼1单元201室 / 居民原话：3-1-201厨房下水道堵了，麻烦派人来通一下 / 反映人：钱阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼党小组 | 刘志强 | 上门看了3-1-201，下水道已经通好了
        -> 3号楼党小组: 工单 #1 已办结（刘志强）：上门看了3-1-201，下水道已经通好了
        -> 3号楼居民群: @钱阿姨 您反映的问题（工单 #1：厨房下水道堵了）已处理：上门看了3-1-201，下水道已经通好了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        """,
    )
    assert _visits(sim) == []
