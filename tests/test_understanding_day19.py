"""Day 19 (docs/trials/day19): a stray pet pitied by a neighbour is a found-pet notice, not a
dispute ticket (R14, "谁家的橘猫 …喵喵叫怪可怜的🐱": pity, a care word, kept it a ticket; the
fresh wording written before the change was already read right), while a pet's mess is still a
complaint."""

from __future__ import annotations

import pytest

from service.understanding import Classifier


@pytest.mark.parametrize(
    "text",
    [
        "谁家的橘猫 脖子上挂个小铃铛 在2单元门口转了一上午了 喵喵叫怪可怜的🐱",  # trial R14
        "楼下有只小狗 瘦得皮包骨 好可怜 谁家的",  # fresh
    ],
)
def test_a_stray_pet_pitied_is_a_notice_not_a_ticket(text: str) -> None:
    assert Classifier.default().classify(text).category == "none", text


def test_a_pets_mess_is_still_a_complaint() -> None:
    text = "你们谁家的狗天天在2单元门口拉屎 也不收拾"
    assert Classifier.default().classify(text).category == "dispute"
