"""`hongqiao shell --script`: the format community workers and acceptance tests rely on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from service.settings import REPO_ROOT


def _shell(tmp_path: Path, script: str, *extra: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "script.txt"
    path.write_text(script, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "shell", "--script", str(path), *extra],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
    )


def test_script_prints_every_bot_message_in_order(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'shell.db'}"
    script = (
        "# comments and blank lines are skipped\n\n"
        "3号楼居民群 | 张阿姨 | 2单元楼道灯坏了好几天了\n"
        "3号楼居民群 | 李大爷 | 谢谢\n"
        "3号楼党小组 | 刘志强 | #1 已处理 换了灯泡\n"
    )
    result = _shell(tmp_path, script, "--db", db, "--fresh")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":", 1)[0] for line in lines] == [
        "-> 3号楼居民群",
        "-> 3号楼党小组",
        "-> 3号楼党小组",
        "-> 3号楼居民群",
    ]
    assert lines[0].startswith("-> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1")
    assert " / 居民原话：2单元楼道灯坏了好几天了 / " in lines[1]
    assert "已处理：换了灯泡。请回复“满意”" in lines[3]

    # The same database without --fresh keeps the tickets: the next one is #2.
    again = _shell(tmp_path, "5号楼居民群 | 孙先生 | 电梯坏了\n", "--db", db)
    assert "工单 #2" in again.stdout.splitlines()[0]


def test_echo_shows_each_message_before_its_replies_and_a_fresh_script_opens_at_its_time(
    tmp_path: Path,
) -> None:
    """A tester reads the transcript line by line (day 24): what was said, then what the bot
    answered; a fresh database opening at 12-15 replays no reminders of the two weeks before."""
    db = f"sqlite:///{tmp_path / 'shell.db'}"
    script = (
        "@clock 2026-12-15 08:00\n"
        "3号楼居民群 | 张阿姨 | 2单元楼道灯坏了好几天了\n"
        "@clock +10m\n"
        "3号楼居民群 | 李大爷 | 今天好冷啊\n"
    )
    result = _shell(tmp_path, script, "--db", db, "--fresh", "--echo")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "<- 12-15 08:00 3号楼居民群 | 张阿姨: 2单元楼道灯坏了好几天了"
    assert lines[1].startswith("-> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1")
    assert lines[-1] == "<- 12-15 08:10 3号楼居民群 | 李大爷: 今天好冷啊"
    assert not any("活动提醒" in line for line in lines)


def test_a_second_script_on_the_same_database_opens_at_its_time_with_no_old_reminders(
    tmp_path: Path,
) -> None:
    """Day 28: a second script run without --fresh half a year on sent "明天 12月3日" reminders of
    December's meetings; it opens at its own first time, as the first script did."""
    db = f"sqlite:///{tmp_path / 'shell.db'}"
    first = "@clock 2027-06-07 07:30\n1号楼居民群 | 老周 | 早上好\n"
    assert _shell(tmp_path, first, "--db", db, "--fresh").returncode == 0
    second = "@clock 2027-06-08 07:45\n5号楼居民群 | 孙先生 | 电梯坏了\n"
    result = _shell(tmp_path, second, "--db", db, "--echo")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "<- 06-08 07:45 5号楼居民群 | 孙先生: 电梯坏了" in lines, lines
    assert not any("12月" in line or "活动提醒" in line for line in lines), lines


def test_a_second_script_resumes_where_an_august_database_was_left(tmp_path: Path) -> None:
    """Day 31: residents in August, then the staff day on the same database, was refused ("before
    the simulated time 2026-12-01 09:00"); it opens at its own time, after where it was left."""
    db = f"sqlite:///{tmp_path / 'shell.db'}"
    first = "@clock 2026-08-10 07:40\n1号楼居民群 | 老周 | 1号楼楼道灯坏了好几天了\n"
    assert _shell(tmp_path, first, "--db", db, "--fresh").returncode == 0
    second = "@clock 2026-08-11 07:30\n1号楼党小组 | 张建国 | #1 已处理 换了灯泡\n"
    result = _shell(tmp_path, second, "--db", db, "--echo")
    assert result.returncode == 0, result.stderr
    assert any("工单 #1 已办结" in line for line in result.stdout.splitlines()), result.stdout


def test_malformed_line_is_a_clear_error_and_runs_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'shell.db'}"
    result = _shell(
        tmp_path, "3号楼居民群 | 张阿姨 | 楼道灯坏了\n3号楼居民群 张阿姨 没有分隔符\n", "--db", db
    )
    assert result.returncode == 2
    assert "line 2: expected 'GROUP | SENDER | TEXT'" in result.stderr
    assert result.stdout == ""


def test_unknown_group_and_missing_file(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'shell.db'}"
    result = _shell(tmp_path, "火星群 | 张阿姨 | 楼道灯坏了\n", "--db", db)
    assert result.returncode == 0 and result.stdout == ""
    assert "'火星群' is not a configured group" in result.stderr
    empty = _shell(tmp_path, " | 张阿姨 | 楼道灯坏了\n", "--db", db)
    assert empty.returncode == 2 and "line 1: the group is empty" in empty.stderr
    missing = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "shell",
            "--script",
            str(tmp_path / "nope.txt"),
            "--db",
            db,
        ],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    assert missing.returncode == 2 and "cannot read script" in missing.stderr


def test_db_takes_a_plain_file_path_as_people_type_it(tmp_path: Path) -> None:
    """An outside tester typed `--db /tmp/x.db` and got a traceback; a path means SQLite."""
    db = tmp_path / "plain.db"
    result = _shell(tmp_path, "3号楼居民群 | 张阿姨 | 2单元楼道灯坏了好几天了\n", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "工单 #1" in result.stdout
    assert db.exists()
