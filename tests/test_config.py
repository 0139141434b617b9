"""A broken community file fails fast, naming the file, the line and what is wrong."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from service.community import ConfigError, load_community
from service.settings import REPO_ROOT
from service.street.config import load_street
from tests.sample_config import CONFIG, JINMAO, SAMPLE, community_dir, config_copy, file_to_change


def _broken(tmp_path: Path, old: str, new: str, name: str = "community.yaml") -> Path:
    """A copy of the sample configuration with one change in 幸福里社区's file `name` (its own,
    else the shared one); the copy's root."""
    config = config_copy(tmp_path)
    path = file_to_change(config, name, holding=old)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return config


def test_sample_community_has_the_groups_and_people_of_the_brief() -> None:
    community = load_community(SAMPLE)
    assert community.name == "幸福里社区"
    names = {g.name for g in community.groups}
    for n in range(1, 7):
        assert {f"{n}号楼居民群", f"{n}号楼党小组"} <= names
    assert {
        "社区党委工作群",
        "第一网格党支部群",
        "第二网格党支部群",
        "物业服务中心群",
        "幸福里业主群",
    } <= names
    assert [p.name for p in community.duty_staff()] == ["刘值班"]
    leaders = [community.party_group(n).leader for n in range(1, 7)]  # type: ignore[union-attr]
    assert leaders == ["张建国", "陈桂兰", "刘志强", "孙丽", "周海", "吴敏"]
    chain = [g.name for g in community.chain(community.group("3号楼党小组"))]  # type: ignore[arg-type]
    assert chain == ["3号楼党小组", "第一网格党支部群", "社区党委工作群"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("members: [刘志强, 李网格长, 王书记]", "members: [刘志强, 李网格长, 王书计]", "line 37"),
        (
            "{name: 6号楼党小组, kind: party, building: 6,",
            "{name: 6号楼党小组, kind: party,",
            "a party group needs a building",
        ),
        ("kind: property", "kind: shop", "line 27: groups[3].kind"),
        ("timezone: Asia/Shanghai", "timezone: Mars/Base", "unknown timezone"),
        ("buildings: [4, 5, 6]", "buildings: [3, 5, 6]", "building 3 is in more than one grid"),
        ("groups:\n", "groups:\n  - {name: [oops\n", "YAML syntax error"),
        # YAML keeps the last of two equal keys without a word; the loader refuses them.
        (
            "timezone: Asia/Shanghai",
            "timezone: Asia/Shanghai\ntimezone: Asia/Tokyo",
            "line 5: YAML syntax error: duplicate key 'timezone' (first written at line 4)",
        ),
    ],
)
def test_broken_config_names_file_line_and_problem(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    config_dir = _broken(tmp_path, old, new)
    with pytest.raises(ConfigError) as info:
        load_community(community_dir(config_dir))
    message = str(info.value)
    assert "community.yaml" in message
    assert expected in message


def test_missing_config_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read file"):
        load_community(tmp_path)


def test_command_line_refuses_to_start_on_a_broken_config(tmp_path: Path) -> None:
    config_dir = _broken(tmp_path, "kind: property", "kind: shop")
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "migrate"],
        env={
            "HONGQIAO_CONFIG_DIR": str(config_dir),
            "HONGQIAO_DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
            "PATH": "",
        },
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 2
    assert "configuration error" in result.stderr and "groups[3].kind" in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    claim: 15m",
            "    claim: soon",
            "line 7: time_limits[0].claim: 'soon' is not a duration",
        ),
        ("place_wait: 10m", "place_wait: 1wd", "place_wait: use minutes, hours or days"),
        (
            "  - name: default\n    claim: 1wd",
            "  - name: default\n    match: {emergency: false}\n    claim: 1wd",
            "the last time limit must have no match",
        ),
    ],
)
def test_broken_ticket_policy_names_file_line_and_problem(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    config_dir = _broken(tmp_path, old, new, "tickets.yaml")
    with pytest.raises(ConfigError) as info:
        load_community(community_dir(config_dir))
    assert "tickets.yaml" in str(info.value) and expected in str(info.value)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('{pattern: "{n}号工单"}', '{pattern: "号工单"}', "ticket_refs[2].pattern"),
        ("words: [备注, 记一下, 说明]", "words: [备注, 接单]", "both claim and note"),
        ("  - verb: complex", "  - verb: Complex!", "ticket_verbs[7].verb"),
        ("chain_line: '", "chain_line: '(", "not a regular expression"),
    ],
)
def test_a_broken_command_table_is_refused_at_start(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as info:
        load_community(community_dir(_broken(tmp_path, old, new, "commands.yaml")))
    assert "commands.yaml" in str(info.value) and expected in str(info.value)


# -- the street: config/street.yaml and config/communities/<slug>/ ---------------------------


def test_the_sample_street_has_two_communities_with_the_same_group_names() -> None:
    street = load_street(CONFIG)
    assert (street.name, street.communities) == ("幸福街道", ("xingfuli", "jinmao"))
    xingfuli = load_community(street.community_dir("xingfuli"))
    jinmao = load_community(street.community_dir("jinmao"))
    assert (xingfuli.name, jinmao.name) == ("幸福里社区", "金茂社区")
    assert sorted(jinmao.buildings) == [1, 2, 3, 4] and len(jinmao.grids) == 1
    shared = {g.name for g in xingfuli.groups} & {g.name for g in jinmao.groups}
    assert {"社区党委工作群", "1号楼居民群", "4号楼党小组"} <= shared
    assert not {p.name for p in xingfuli.people} & {p.name for p in jinmao.people}


def test_a_community_directory_holds_only_what_differs_from_the_street(tmp_path: Path) -> None:
    config = config_copy(tmp_path)
    own = community_dir(config, JINMAO) / "tickets.yaml"
    own.write_text("quiet_hours: {start: '21:30', end: '07:30'}\n", encoding="utf-8")
    jinmao = load_community(community_dir(config, JINMAO))
    xingfuli = load_community(community_dir(config))
    assert str(jinmao.policy.quiet_hours.start) == "21:30:00"
    assert str(xingfuli.policy.quiet_hours.start) != "21:30:00"
    assert jinmao.policy.time_limits == xingfuli.policy.time_limits  # the rest is the street's


def test_a_wrong_key_in_a_communitys_own_file_names_that_file(tmp_path: Path) -> None:
    config = config_copy(tmp_path)
    own = community_dir(config, JINMAO) / "tickets.yaml"
    own.write_text("# 金茂\nquiet_hours: {start: '25:00', end: '07:30'}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_community(community_dir(config, JINMAO))
    assert str(info.value).startswith(f"{own}: line 2: quiet_hours")


@pytest.mark.parametrize(
    ("street", "expected"),
    [
        ("name: 幸福街道\ncommunities: [xingfuli, Jin-Mao]\n", "communities[1]"),
        (
            "name: 幸福街道\ncommunities: [xingfuli, jinmao, xingfuli]\n",
            "'xingfuli' is listed twice",
        ),
        ("name: 幸福街道\ncommunities: [xingfuli, jinmao, hongxing]\n", "communities/hongxing/"),
        ("name: 幸福街道\ncommunities: []\n", "communities"),
        (
            "name: 幸福街道\ncommunities: [xingfuli]\npeople: [{name: 周主任}]\n",
            "the street's people need its group",
        ),
        (
            "name: 幸福街道\ncommunities: [xingfuli]\ngroup: 街道群\n"
            "people: [{name: 周主任}, {name: 周主任}]\n",
            "'周主任' is listed twice",
        ),
    ],
)
def test_a_broken_street_file_names_the_problem(tmp_path: Path, street: str, expected: str) -> None:
    config = config_copy(tmp_path)
    (config / "street.yaml").write_text(street, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_street(config)
    assert "street.yaml" in str(info.value) and expected in str(info.value)


def test_a_directory_without_street_file_is_one_community(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "one")
    for name in ("tickets.yaml", "commands.yaml"):
        shutil.copy(CONFIG / name, tmp_path / "one" / name)
    street = load_street(tmp_path / "one")
    assert street.name is None and street.community_dir(street.default) == tmp_path / "one"
    assert load_community(street.community_dir(street.default)).name == "幸福里社区"
