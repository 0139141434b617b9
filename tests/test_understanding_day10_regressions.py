"""What the day-10 trial (docs/conversations.md) found paged wrongly, as regressions. These are
the trial's own messages, so they measure nothing about unseen text; they keep fixed what a
resident or duty worker met: a lost dog is not a missing person, a branch hanging over the path
is a falling object (not an illness), a fight with someone crying for help gets the police."""

from __future__ import annotations

from pathlib import Path

from service.community.policy import load_policy
from service.understanding import Classifier

CONFIG = Path(__file__).resolve().parent.parent / "config"


def test_a_lost_dog_is_a_notice_for_the_neighbours_not_a_missing_person_page() -> None:
    read = Classifier.default().classify("找狗狗！！4号楼下走丢一只白色比熊 叫豆豆 看到请联系")
    assert not read.emergency and read.category == "none", read.reasons


def test_a_branch_hanging_over_the_path_is_a_falling_object_with_its_own_advice() -> None:
    read = Classifier.default().classify(
        "3号楼楼下那棵大树的树枝断了一半 挂在半空中 风一吹晃来晃去"
    )
    assert read.emergency and read.subcategory == "高空坠物", read.reasons
    advice = load_policy(CONFIG).guidance_for(read.summary, read.subcategory)
    assert "120" not in advice and "绕开" in advice


def test_a_fight_with_a_cry_for_help_is_told_to_call_the_police() -> None:
    text = "2号楼5楼有人在吵架，摔东西，女的在喊救命"
    read = Classifier.default().classify(text)
    assert read.emergency
    advice = load_policy(CONFIG).guidance_for(text, read.subcategory)
    assert "110" in advice and "平躺" not in advice


def test_asking_who_pays_for_the_damage_is_a_request_not_silence() -> None:
    read = Classifier.default().classify(
        "302的人回来了 说是热水器管子爆了 已经关了阀门 我家天花板谁来赔啊"
    )
    assert read.is_request, read.reasons
