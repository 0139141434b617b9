"""Kinds of misreading the day-23 trial met (docs/trials/day23/report.md, first contact on
2daefbb), read as structures: the trial's sentences (tuned on) and wordings of mine ("own").
- a pipe frozen and split with water spraying is danger of flooding now (R87);
- an office's or a landlord's phone nobody answers is no missing person (R69, S94)."""

from __future__ import annotations

import pytest

from tests.understanding_support import category_and_level


@pytest.mark.parametrize(
    "text",
    [
        # day 23
        "你好 我是5单元的 我家水管冻裂了 厨房地上全是水 还在往外喷",
        # own
        "阳台的水管冻爆了 水哗哗往外冒 地上都是水",
    ],
)
def test_a_split_pipe_spraying_water_pages(text: str) -> None:
    category, level = category_and_level(text)
    assert category == "emergency" and level is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # day 23
        ("电梯还没好 我妈今天又没法去医院复查 物业电话也打不通", "maintenance"),
        ("楼上还在漏 房东电话也打不通", "maintenance"),
        # own
        ("暖气还是不热 客服电话一直占线", "maintenance"),
    ],
)
def test_an_office_phone_nobody_answers_is_no_missing_person(text: str, expected: str) -> None:
    category, level = category_and_level(text)
    assert (category, level) == (expected, None)
