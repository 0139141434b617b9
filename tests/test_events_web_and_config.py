"""The iCalendar feed, config/events.yaml validation and `@clock` in shell scripts."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar

from bot.simulator import Simulator
from service.community import ConfigError, load_community
from service.events.config import load_events
from service.settings import REPO_ROOT
from service.web.app import create_app
from tests.sample_config import community_dir
from tests.test_config import _broken


def test_group_calendar_feed_parses_and_unknown_groups_get_a_precise_404(sim: Simulator) -> None:
    app = create_app(sim.core, clock=sim.clock)
    with TestClient(app) as client:
        response = client.get(f"/calendar/{quote('3号楼党小组')}.ics")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/calendar")
        calendar = Calendar.from_ical(response.content)
        events = list(calendar.walk("VEVENT"))
        assert str(events[0]["summary"]) == "3号楼党小组会（#E1）"
        first = events[0]
        assert first.decoded("dtstart") == datetime(
            2026, 12, 3, 19, 30, tzinfo=ZoneInfo("Asia/Shanghai")
        )
        assert (first.decoded("dtend") - first.decoded("dtstart")).total_seconds() == 90 * 60
        assert str(first["location"]) == "3号楼一层党员活动室"
        assert str(first["uid"]) == "event-1@xingfuli.hongqiao"
        assert str(calendar["x-wr-calname"]) == "幸福里社区 3号楼党小组 活动"
        # only this group's events
        assert all("3号楼" in str(e["summary"]) or "党员大会" in str(e["summary"]) for e in events)

        missing = client.get(f"/calendar/{quote('火星群')}.ics")
        assert missing.status_code == 404
        assert missing.headers["content-type"] == "application/problem+json"
        assert missing.json()["detail"] == "no group named '火星群' in community '幸福里社区'"


def test_cancelled_events_stay_in_the_feed_as_cancelled(sim: Simulator) -> None:
    import asyncio

    asyncio.run(sim.say("3号楼党小组", "刘志强", "取消 #E1 场地维修"))
    app = create_app(sim.core, clock=sim.clock)
    with TestClient(app) as client:
        calendar = Calendar.from_ical(client.get(f"/calendar/{quote('3号楼党小组')}.ics").content)
    first = next(iter(calendar.walk("VEVENT")))
    assert str(first["uid"]) == "event-1@xingfuli.hongqiao"
    assert str(first["status"]) == "CANCELLED"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('FREQ=MONTHLY;BYMONTHDAY=3"', 'FREQ=SOMETIMES"', "line 19: presets.党小组会.rrule"),
        (
            "audience: {groups: [3号楼党小组]}",
            "audience: {groups: [火星群]}",
            "line 8: series[0].audience.groups[0]: '火星群' is not a group",
        ),
        (
            "organiser: 刘志强",
            "organiser: 刘大强",
            "line 9: series[0].organiser: '刘大强' is not in people",
        ),
        (
            "preset: 党小组会\n    title: 3号楼",
            "preset: 党小组大会\n    title: 3号楼",
            "line 5: series[0].preset: no preset named '党小组大会'",
        ),
        (
            'reminders: ["1d@18:00", "1h"]',
            'reminders: ["1d@25:00", "1h"]',
            "line 12: defaults.reminders",
        ),
        ('time: "19:30"}', 'time: "7.30pm"}', "'7.30pm' is not a time of day"),
        ("id: party-group-1", "id: party-group-3", "series[1].id: 'party-group-3' is used twice"),
    ],
)
def test_broken_events_config_names_file_line_and_key(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    config_dir = community_dir(_broken(tmp_path, old, new, "events.yaml"))
    with pytest.raises(ConfigError) as info:
        load_events(config_dir, load_community(config_dir))
    assert "events.yaml" in str(info.value)
    assert expected in str(info.value)


def test_shell_script_moves_the_clock_and_prints_reminders(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text(
        "3号楼党小组 | 刘志强 | 报名 #E1\n@clock +1d9h\n@clock 2026-12-03 17:00\n@clock +2h\n",
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path / 'shell.db'}"
    command = [sys.executable, "-m", "bot.cli", "shell", "--script", str(script), "--db", db]
    result = subprocess.run(
        [*command, "--fresh"], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        lines[0] == "-> 3号楼党小组: @刘志强 已为您报名：3号楼党小组会 #E1，12月3日（周四）19:30。"
    )
    assert lines[1].startswith("-> 3号楼党小组: 【活动提醒】3号楼党小组会 #E1 / 时间：明天")
    assert lines[2].startswith("-> dm:刘志强: 【报名汇总】3号楼党小组会 #E1")
    assert lines[-1].startswith("-> 3号楼党小组: 【活动提醒】3号楼党小组会 #E1 / 时间：今天")
    # sign-up, reminder, summary, reminder: the one member expected (刘志强) has replied, so no
    # nudge (staff listed in several party groups are not expected: config/points.yaml)
    assert len(lines) == 4

    script.write_text("@clock 2026-11-01 09:00\n", encoding="utf-8")
    back = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)
    assert back.returncode == 2
    # a second script never goes back before where the database was left (12-03 19:30)
    assert "line 1: 2026-11-01 09:00 is before the simulated time 2026-12-03 " in back.stderr

    script.write_text("3号楼党小组 | 刘志强 | 活动\n@clock tomorrow\n", encoding="utf-8")
    bad = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)
    assert bad.returncode == 2 and bad.stdout == ""
    assert "line 2: expected '@clock +2h', '@clock +3d' or '@clock 2026-12-01 09:00'" in bad.stderr
