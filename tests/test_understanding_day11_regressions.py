"""What the day-11 trial (docs/conversations.md) met, as regressions on the trial's own
messages (so they measure nothing about unseen text): a blocked fire lane is a complaint, not a
fire; "the police came" ends a fight report unless it goes on; a title keeps the words after
the room number, without its 室."""

from __future__ import annotations

from service.understanding import Classifier


def test_a_blocked_fire_lane_with_someday_a_fire_is_a_complaint_not_a_fire() -> None:
    read = Classifier.default().classify("消防通道又被电动车堵死了 哪天真着火了消防车都进不来")
    assert read.is_request and not read.emergency, read.reasons


def test_the_police_came_ends_a_fight_report_unless_the_fight_goes_on() -> None:
    classifier = Classifier.default()
    assert not classifier.classify("打架那个警察来了 散了").emergency
    assert classifier.classify("打架的还在打 警察来了也不管用").emergency


def test_a_title_does_not_start_with_the_rooms_shi() -> None:
    read = Classifier.default().classify("3号楼2单元502室的水管漏水了")
    assert read.room == "502" and not read.summary.startswith("室"), read.summary
