"""Two communities of one 街道 on one database: 幸福里社区 and 金茂社区 have groups of the same
names, each numbers its tickets from #1, and nothing one community's people say reaches or
changes the other's tickets. Each community's rows are in its own schema (PostgreSQL) or file
(SQLite), so this holds for every query by construction; these transcripts show it as staff
and residents see it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.simulator import Simulator
from service.bootstrap import Core, open_core
from service.clock import FakeClock
from service.community import ConfigError
from service.models import Ticket
from service.scheduling import lease_for
from service.settings import REPO_ROOT, Settings
from tests.dialog import verify_dialog
from tests.sample_config import JINMAO, XINGFULI, config_copy

# A resident of 幸福里社区's 1号楼 reports the stairwell lamp: ticket #1 of 幸福里.
LAMP_IN_XINGFULI = """
    @clock 2026-12-15 09:00
    1号楼居民群 | 小王 | 1号楼2单元楼道灯坏了好几天了
    -> 1号楼居民群: @小王 已收到您反映的问题（工单 #1：楼道灯坏了好几天了，1号楼2单元），已转1号楼党小组处理。
    -> 1号楼党小组: 【新工单 #1】维修维护·照明 / 地点：1号楼2单元 / 居民原话：1号楼2单元楼道灯坏了好几天了 / 反映人：小王（1号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
"""

# A resident of 金茂社区's 1号楼 reports rubbish left: ticket #1 of 金茂.
GARBAGE_IN_JINMAO = """
    @clock 2026-12-15 09:20
    1号楼居民群 | 老李 | 1号楼门口的垃圾三天没人收了
    -> 1号楼居民群: @老李 已收到您反映的问题（工单 #1：门口的垃圾三天没人收了，1号楼），已转1号楼党小组处理。
    -> 1号楼党小组: 【新工单 #1】维修维护·环境卫生 / 地点：1号楼 / 居民原话：1号楼门口的垃圾三天没人收了 / 反映人：老李（1号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
"""


@pytest.fixture
def clock() -> FakeClock:
    """The morning of 15 December: no meeting reminders of either community fall due."""
    return FakeClock(datetime(2026, 12, 15, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai")))


@pytest.fixture
def jinmao(core: Core, settings: Settings, database_url: str) -> Iterator[Core]:
    """金茂社区 on the same database as `core` (幸福里社区, the street's first community)."""
    other = open_core(settings, database_url=database_url, fresh=True, community=JINMAO)
    yield other
    other.engine.dispose()


def _talk(core: Core, clock: FakeClock, transcript: str) -> None:
    """One community's bot (its own WeChat account) hears and answers these lines."""
    sim = Simulator(core, clock)
    try:
        verify_dialog(sim, transcript)
    finally:
        sim.close()


def _tickets(core: Core) -> list[tuple[int, str, str]]:
    with core.factory() as session:
        rows = session.execute(select(Ticket.id, Ticket.summary, Ticket.state).order_by(Ticket.id))
        return [(i, s, st) for i, s, st in rows]


def test_each_community_numbers_its_tickets_from_one_in_groups_of_the_same_names(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    assert (core.slug, core.community.name, jinmao.slug, jinmao.community.name) == (
        XINGFULI,
        "幸福里社区",
        JINMAO,
        "金茂社区",
    )
    _talk(core, clock, LAMP_IN_XINGFULI)
    _talk(
        jinmao,
        clock,
        """
        @clock 2026-12-15 09:10
        1号楼居民群 | 老李 | 1号楼电梯停了 里面关着个小孩 按铃没人应
        -> 1号楼居民群: @老李 已收到您反映的问题（工单 #1：电梯停了 里面关着个小孩，1号楼），已转1号楼党小组处理。请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。
        -> 1号楼党小组: 【紧急 #1】1号楼 电梯停了 里面关着个小孩 / 类别：应急处理·被困 / 居民原话：1号楼电梯停了 里面关着个小孩 按铃没人应 / 反映人：老李（1号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：1号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第一网格党支部群: 【紧急 #1】1号楼 电梯停了 里面关着个小孩 / 类别：应急处理·被困 / 居民原话：1号楼电梯停了 里面关着个小孩 按铃没人应 / 反映人：老李（1号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：1号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @高值班 【紧急 #1】1号楼 电梯停了 里面关着个小孩 / 类别：应急处理·被困 / 居民原话：1号楼电梯停了 里面关着个小孩 按铃没人应 / 反映人：老李（1号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：1号楼党小组。请立即跟进，接单回复：#1 接单
        1号楼党小组 | 何军 | #1 接单
        -> 1号楼党小组: 工单 #1 已由何军接单。
        -> 1号楼居民群: @老李 您反映的问题（工单 #1）已有工作人员接单，何军正在处理。
        """,
    )
    assert _tickets(core) == [(1, "楼道灯坏了好几天了", "open")]
    assert [(i, state) for i, _, state in _tickets(jinmao)] == [(1, "claimed")]


def test_one_communitys_staff_are_residents_in_the_other(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    _talk(core, clock, LAMP_IN_XINGFULI)
    _talk(jinmao, clock, GARBAGE_IN_JINMAO)
    _talk(
        jinmao,
        clock,
        """
        1号楼党小组 | 张建国 | #1 已处理
        -> 1号楼党小组: @张建国 抱歉，只有1号楼党小组及上级的工作人员可以处理工单 #1。
        社区党委工作群 | 王书记 | 待办
        -> 社区党委工作群: @王书记 抱歉，这条指令只对本群的工作人员开放。
        """,
    )
    _talk(
        core,
        clock,
        """
        @clock 2026-12-15 09:40
        社区党委工作群 | 王书记 | 待办
        -> 社区党委工作群: @王书记 社区党委工作群目前没有待办工单。
        1号楼党小组 | 何军 | #1 接单
        -> 1号楼党小组: @何军 抱歉，只有1号楼党小组及上级的工作人员可以处理工单 #1。
        """,
    )
    assert [state for _, _, state in _tickets(core)] == ["open"]
    assert [state for _, _, state in _tickets(jinmao)] == ["open"]


def test_a_reordered_street_file_cannot_swap_two_communities_data(
    core: Core, jinmao: Core, database_url: str, tmp_path: Path
) -> None:
    config = config_copy(tmp_path)
    (config / "street.yaml").write_text(
        "name: 幸福街道\ncommunities: [jinmao, xingfuli]\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="holds community 'xingfuli', not 'jinmao'"):
        open_core(Settings(config_dir=config), database_url=database_url, community=JINMAO)


def test_a_community_the_street_does_not_list_is_refused(
    settings: Settings, database_url: str
) -> None:
    with pytest.raises(
        ConfigError, match=r"no community 'hongxing' \(communities: xingfuli, jinmao\)"
    ):
        open_core(settings, database_url=database_url, community="hongxing")


def test_every_community_keeps_its_rows_in_its_own_place(
    core: Core, jinmao: Core, clock: FakeClock, database_url: str
) -> None:
    _talk(jinmao, clock, GARBAGE_IN_JINMAO)
    with core.factory() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 0
    with jinmao.factory() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 1
    if database_url.startswith("sqlite"):
        assert jinmao.engine.url.database is not None
        assert Path(jinmao.engine.url.database).name == "hongqiao.jinmao.db"
    else:
        with jinmao.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT current_schema()").scalar() == "community_jinmao"


def test_the_shell_and_backup_take_the_community_they_are_told_and_migrate_readies_every_one(
    tmp_path: Path,
) -> None:
    script = tmp_path / "script.txt"
    script.write_text(
        "@clock 2026-12-15 09:00\n1号楼居民群 | 老李 | 1号楼电梯停了 里面关着个小孩 按铃没人应\n",
        encoding="utf-8",
    )
    env = {**os.environ, "HONGQIAO_DATABASE_URL": f"sqlite:///{tmp_path / 'h.db'}"}
    env.pop("HONGQIAO_CONFIG_DIR", None)
    migrate = subprocess.run(
        [sys.executable, "-m", "bot.cli", "migrate"],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    assert migrate.returncode == 0, migrate.stderr
    assert {p.name for p in tmp_path.glob("*.db")} == {"h.db", "h.jinmao.db"}
    shell = [sys.executable, "-m", "bot.cli", "shell", "--script", str(script)]
    jinmao = subprocess.run(
        [*shell, "--community", "jinmao"], env=env, capture_output=True, text=True, cwd=REPO_ROOT
    )
    assert "-> 社区党委工作群: @高值班 【紧急 #1】" in jinmao.stdout
    xingfuli = subprocess.run(shell, env=env, capture_output=True, text=True, cwd=REPO_ROOT)
    assert "-> 社区党委工作群: @刘值班 【紧急 #1】" in xingfuli.stdout
    backup = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "backup",
            str(tmp_path / "j.backup"),
            "--community",
            "jinmao",
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    assert "backup written" in backup.stdout and "(1 tickets)" in backup.stdout, backup.stderr
    assert "other communities have files of their own: --community xingfuli" in backup.stdout
    unknown = subprocess.run(
        [*shell, "--community", "hongxing"], env=env, capture_output=True, text=True, cwd=REPO_ROOT
    )
    assert unknown.returncode == 2 and "no community 'hongxing'" in unknown.stderr


def test_each_community_has_its_own_scheduler_lease(core: Core, jinmao: Core) -> None:
    """Two communities' bots run side by side, each leading its own scheduler; a second process
    of the same community stands by."""
    first, second, again = (
        lease_for(core.engine),
        lease_for(jinmao.engine),
        lease_for(jinmao.engine),
    )
    try:
        assert first.acquire() and second.acquire()
        assert not again.acquire()
    finally:
        for lease in (first, second, again):
            lease.release()
