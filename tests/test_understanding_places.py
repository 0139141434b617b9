"""Place extraction, table-driven: every accepted form, and the look-alikes that are not places."""

from __future__ import annotations

import pytest

from service.understanding import Classifier
from service.understanding.normalise import normalise
from service.understanding.places import extract_place, plausible_room

Row = tuple[str, str | None, str | None, str | None]

PLACES: list[Row] = [
    ("3号楼电梯坏了", "3", None, None),
    ("三号楼电梯坏了", "3", None, None),
    ("3栋的灯不亮", "3", None, None),
    ("3幢后面的草", "3", None, None),
    ("3#楼门口", "3", None, None),
    ("3#1单元楼梯口", "3", "1", None),
    ("15#楼道墙上", "15", None, None),
    ("第三栋楼前", "3", None, None),
    ("第十二栋东面", "12", None, None),
    ("二十三号楼5单元", "23", "5", None),
    ("３号楼", "3", None, None),
    ("第５栋", "5", None, None),
    ("3-2-501 水管爆了", "3", "2", "501"),
    ("5-501的业主", "5", None, "501"),
    ("15-2-602", "15", "2", "602"),
    ("2-3-1201 屋顶漏水", "2", "3", "1201"),
    ("我家501室马桶堵了", None, None, "501"),
    ("九号楼三零二", "9", None, "302"),
    ("5号楼3单元302住着老人", "5", "3", "302"),
    ("3栋601的 请问", "3", None, "601"),
    ("502的陈阿姨刚出院", None, None, "502"),
    ("2单元楼道灯坏了", None, "2", None),
    ("二单元楼道", None, "2", None),
    ("8栋二单元的电梯", "8", "2", None),
    ("十一號樓旁邊", "11", None, None),
    # the writer's own flat after 我家/我们家/我住, at the end of a complaint (day 21)
    ("楼上半夜还在剁馅 能不能体谅一下 我们家1201", None, None, "1201"),
    ("4号楼1单元 楼上漏水到卫生间 不给看 我家201", "4", "1", "201"),
    ("我住1502 电梯又坏了", None, None, "1502"),
]

NOT_PLACES: list[str] = [
    "我家在5楼",
    "住五层",
    "电梯停在12楼不动了",
    "东门的路灯坏了",
    "地下车库的灯坏了",
    "车位B2-068被占了",
    "电话13912345678",
    "电话139xxxx5521",
    "12月5日停水",
    "19:30开会",
    "11月25日9:00-15:00停电",
    "原价399现150出",
    "来了3个人",
    "两栋楼之间",
    "小区1号门对面",
    "我家300块的电费交了",
    "我们2020年搬来的",
    "我家1000多平方的院子",
]


@pytest.mark.parametrize(("text", "building", "unit", "room"), PLACES)
def test_place_forms(text: str, building: str | None, unit: str | None, room: str | None) -> None:
    place = extract_place(normalise(text).text)
    assert (place.building, place.unit, place.room) == (building, unit, room)


@pytest.mark.parametrize("text", NOT_PLACES)
def test_not_places(text: str) -> None:
    place = extract_place(normalise(text).text)
    assert (place.building, place.unit, place.room) == (None, None, None)


def test_floor_next_to_building_is_not_a_room() -> None:
    place = extract_place("3号楼5楼自提")
    assert (place.building, place.room) == ("3", None)


@pytest.mark.parametrize(
    ("digits", "ok"),
    [("501", True), ("1203", True), ("399", False), ("068", False), ("2000", False), ("50", False)],
)
def test_room_shape(digits: str, ok: bool) -> None:
    assert plausible_room(digits) is ok


def test_classifier_reports_places_as_digit_strings() -> None:
    result = Classifier.default().classify("九号楼三零二 厨房着火了")
    assert (result.building, result.unit, result.room) == ("9", None, "302")
