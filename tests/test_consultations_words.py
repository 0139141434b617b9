"""How a vote is read from the `consultations` words of config/commands.yaml (issue #15)."""

from __future__ import annotations

import pytest

from service.community.chatwords import load_chat_words
from tests.sample_config import CONFIG

WORDS = load_chat_words(CONFIG).consultations


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("投票 1", (None, 1)),
        ("投票1", (None, 1)),
        ("我选2", (None, 2)),
        ("我选第三项", (None, 3)),
        ("#Y1 投票 2", (1, 2)),
        ("#y12投票3。", (12, 3)),
    ],
)
def test_a_vote_is_read_with_its_option_and_consultation(
    said: str, read: tuple[int | None, int]
) -> None:
    assert WORDS.read_vote(said) == read


@pytest.mark.parametrize(
    "said", ["投票", "投票结果", "我选的是红色那个", "投票 1 2", "大家记得投票 1"]
)
def test_words_that_are_not_a_vote_are_left_alone(said: str) -> None:
    assert WORDS.read_vote(said) is None
