"""config/households.yaml is validated at start-up (a wrong kind, a building of no grid, a
household listed twice are named with file and line), and the everyday ways members write a
visit are read alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.community import ConfigError, load_community
from service.visits.config import HouseholdsConfig, load_households
from service.visits.flows import read_visit
from tests.sample_config import community_dir, config_copy, file_to_change


def _households(tmp_path: Path, old: str = "", new: str = "") -> HouseholdsConfig:
    """幸福里社区's households, with one change in the file that holds `old`."""
    config = config_copy(tmp_path)
    own = community_dir(config)
    path = file_to_change(config, "households.yaml", holding=old)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return load_households(own, load_community(own))


def test_sample_households_load_with_their_cadence(tmp_path: Path) -> None:
    config = _households(tmp_path)
    household = config.households[0]
    assert (household.label, household.short, household.member) == (
        "3号楼2单元501室",
        "3-2-501",
        "刘志强",
    )
    assert config.cadence(household).days == 7
    assert config.kinds["困难家庭"].every_days == 30


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("kind: 独居老人, contact: 王奶奶", "kind: 孤寡老人, contact: 王奶奶", "not one of kinds"),
        ("{building: 3, unit", "{building: 9, unit", "building 9 is in no grid"),
        ('room: "302"', 'room: "501"', ""),  # a different unit: allowed
        (
            '{building: 1, unit: "1", room: "302"',
            '{building: 3, unit: "2", room: "501"',
            "listed twice",
        ),
        ("独居老人: {every_days: 7}", "独居老人: {every_days: 0}", "every_days"),
    ],
)
def test_broken_households_config_names_file_and_problem(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    if not expected:
        _households(tmp_path, old, new)
        return
    with pytest.raises(ConfigError) as info:
        _households(tmp_path, old, new)
    assert "households.yaml" in str(info.value) and expected in str(info.value)


@pytest.mark.parametrize(
    ("text", "place", "needs_help", "note"),
    [
        ("走访 3-2-501 一切正常", ("3", "2", "501"), False, "一切正常"),
        ("走访3-2-501", ("3", "2", "501"), False, ""),
        ("已走访 3号楼2单元501室，老人身体不错", ("3", "2", "501"), False, "老人身体不错"),
        ("3号楼2单元501 已走访", ("3", "2", "501"), False, ""),
        ("看望了 3号楼2单元501", ("3", "2", "501"), False, ""),
        ("走訪 ３-２-５０１ 需要幫助 冬天暖氣不熱", ("3", "2", "501"), True, "冬天暖气不热"),
        ("走访 3-2-501 冬天暖气不热，需要帮忙", ("3", "2", "501"), True, "冬天暖气不热"),
        (
            "走访 3-2-501 老人说生活有困难，想申请补助",
            ("3", "2", "501"),
            True,
            "老人说生活有困难，想申请补助",
        ),
    ],
)
def test_everyday_visit_wordings_read_alike(
    tmp_path: Path, text: str, place: tuple[str, str, str], needs_help: bool, note: str
) -> None:
    said = read_visit(text, _households(tmp_path))
    assert said is not None
    assert (said.building, said.unit, said.room) == place
    assert (said.needs_help, said.note) == (needs_help, note)


@pytest.mark.parametrize(
    "text", ["3号楼2单元楼道灯坏了", "我想去看看老人", "#3 已处理", "3号 看望了 老人挺好"]
)
def test_other_messages_are_no_visit(tmp_path: Path, text: str) -> None:
    assert read_visit(text, _households(tmp_path)) is None
