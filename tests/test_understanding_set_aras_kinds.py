"""Kinds of misreading sets AR and AS met on first contact (docs/understanding.md), read as
structures, on the sets' own lines (tuned on: they measure nothing about unseen text) and on
wordings of mine written after the change ("own"): eyes burning from a drifting chemical smell
with people coughing, a snake lying at a door with children poking it, are pages; a dish that
burns the mouth, a snake caught and let go, are not."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # set AR
        "菜市场冷库那边飘过来一股好冲的氨水味 眼睛辣得流泪 几个老人在楼下咳个不停 就在一号楼后面",
        # own
        "楼下不知道谁在烧什么东西 一股刺鼻的味道 眼睛辣得睁不开 孩子一直咳嗽",
    ],
)
def test_a_chemical_smell_burning_eyes_with_people_coughing_is_paged(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None, (category, level)


@pytest.mark.parametrize(
    "text",
    ["这家川菜馆的水煮鱼辣得我直流眼泪 太过瘾了", "昨天的火锅辣得眼泪都出来了 哈哈"],
)
def test_a_dish_that_burns_the_mouth_is_chatter(text: str) -> None:
    category, _ = category_and_level(text)
    assert category == "none", category


@pytest.mark.parametrize(
    "text",
    [
        # set AS
        "2单元门口盘着一条蛇 挺粗的 花的 几个小孩还蹲那拿棍子捅它",
        # own
        "楼道里爬进来一条蛇 就在3楼楼梯拐角 孩子们都围着看",
    ],
)
def test_a_snake_where_children_are_is_paged(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None, (category, level)


@pytest.mark.parametrize(
    "text",
    ["昨天群里说的蛇 是条无毒的菜花蛇 已经被物业抓走放生了", "今晚动物世界讲蛇 孩子看得可认真了"],
)
def test_a_snake_caught_or_on_television_is_chatter(text: str) -> None:
    category, _ = category_and_level(text)
    assert category != "emergency", category
