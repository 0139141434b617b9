"""Issue 10/11, an outside tester's emergency kinds, as kinds (word families and situations of
config/lexicon/situations.yaml), checked on new sentences: fumes that make people dizzy are
carbon monoxide, not a fire; ice on a ramp or a path is a routine repair unless someone is hurt
and cannot get up, never a flood; a car alarm is noise, and learned word evidence of danger
does not page it."""

from __future__ import annotations

import pytest

from service.understanding import Classifier


@pytest.mark.parametrize(
    "text",
    [
        "洗澡的时候热水器那里一股怪味 现在脑袋晕晕乎乎的",
        "地下室味道好大 一家人都头昏",
        "奶奶屋里点了个炭火盆 她说头疼 想吐",
    ],
)
def test_fumes_that_make_people_dizzy_are_carbon_monoxide(text: str) -> None:
    read = Classifier.default().classify(text)
    assert read.emergency_level == "emergency" and read.subcategory == "一氧化碳", read.reasons


@pytest.mark.parametrize(
    "text",
    [
        "车库门口水漫出来结冰了 滑得很",
        "地库入口的水流到坡道上结冰了 好滑",
        "车库坡道上的水结成冰了 好几辆车都滑下来",
        "单元门口台阶上全是冰 走路直打滑",
    ],
)
def test_ice_on_a_ramp_or_path_is_a_routine_repair_not_an_emergency(text: str) -> None:
    read = Classifier.default().classify(text)
    assert read.category == "maintenance" and not read.emergency, read.reasons


def test_someone_down_on_the_ice_who_cannot_get_up_is_an_emergency() -> None:
    read = Classifier.default().classify("楼门口结冰 我妈滑倒了 起不来 腿动不了")
    assert read.emergency_level == "emergency", read.reasons


@pytest.mark.parametrize(
    "text",
    [
        "楼下有辆车警报器狂响",
        "停车场有辆车一直在鸣笛报警 好烦",
        "地库里不知道谁的汽车警报器一直在响",
    ],
)
def test_a_car_alarm_is_not_an_emergency_even_when_word_evidence_says_danger(text: str) -> None:
    read = Classifier.default().classify(text)
    assert not read.emergency, read.reasons


def test_a_car_alarm_that_goes_on_and_on_is_a_noise_complaint() -> None:
    read = Classifier.default().classify("楼下汽车警报器叫了半天了 能不能找找车主")
    assert read.category == "dispute" and read.subcategory == "噪音", read.reasons


def test_a_car_alarm_with_a_child_shut_inside_still_pages() -> None:
    read = Classifier.default().classify("车里锁着个孩子 车一直在叫")
    assert read.emergency, read.reasons
