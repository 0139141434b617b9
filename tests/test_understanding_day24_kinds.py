"""Kinds of misreading the day-24 trial met (docs/trials/day24/report.md, first contact on
d6f8dc6), read as structures: the trial's sentences (tuned on) and wordings of mine ("own").
- someone shouting in a lift whose alarm bell nobody answers is trapped, not ill (R30);
- a leak from a neighbour who is not home is a dispute in the writer's own flat (R05)."""

from __future__ import annotations

import pytest

from service.understanding.classifier import Classifier
from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        "4号楼电梯里有人被关住了 按了警铃没人应 里面是个老人在喊",  # day 24
        "2单元电梯卡在半截 按警铃没人接 里面有个孩子在哭",  # own
    ],
)
def test_someone_in_a_lift_nobody_answers_is_trapped(text: str) -> None:
    result = Classifier.default().classify(text)
    assert (result.category, result.subcategory) == ("emergency", "被困"), result.reasons


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("我家卫生间顶上一直滴水 应该是楼上402漏下来的 敲门没人在 我是302", "302"),  # day 24
        ("楼上601漏水漏到我家厨房了 敲了半天门没人在 我是501", "501"),  # own
    ],
)
def test_a_leak_from_a_neighbour_who_is_out_is_a_dispute_in_the_writers_flat(
    text: str, room: str
) -> None:
    category, level = category_and_level(text)
    assert (category, level) == ("dispute", None)
    assert Classifier.default().classify(text).room == room
