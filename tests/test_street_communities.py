"""Two communities of one 街道 on one database: 幸福里社区 and 金茂社区 have groups of the same
names, each numbers its tickets from #1, and nothing one community's people say reaches or
changes the other's tickets. Each community's rows are in its own schema (PostgreSQL) or file
(SQLite), so this holds for every query by construction; these transcripts show it as staff
and residents see it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.simulator import Simulator
from service.bootstrap import Core, open_core
from service.clock import FakeClock
from service.community import ConfigError
from service.models import OutboxMessage, Ticket
from service.scheduling import lease_for
from service.settings import REPO_ROOT, Settings
from service.tickets import deadlines
from service.tickets.jobs import sweep_tickets
from tests.dialog import talk, verify_dialog
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

# A child shut in 金茂社区's stopped lift: emergency #1 of 金茂, paged to its own duty person.
LIFT_IN_JINMAO = """
    1号楼居民群 | 老李 | 1号楼电梯停了 里面关着个小孩 按铃没人应
    -> 1号楼居民群: @老李 已收到您反映的问题（工单 #1：电梯停了 里面关着个小孩，1号楼），已转1号楼党小组处理。请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。
    -> 1号楼党小组: 【紧急 #1】1号楼 电梯停了 里面关着个小孩 / 类别：应急处理·被困 / 居民原话：1号楼电梯停了 里面关着个小孩 按铃没人应 / 反映人：老李（1号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：1号楼党小组。请立即跟进，接单回复：#1 接单
    -> 第一网格党支部群: 【紧急 #1】1号楼 电梯停了 里面关着个小孩 / 类别：应急处理·被困 / 居民原话：1号楼电梯停了 里面关着个小孩 按铃没人应 / 反映人：老李（1号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：1号楼党小组。请立即跟进，接单回复：#1 接单
    -> 社区党委工作群: @高值班 【紧急 #1】1号楼 电梯停了 里面关着个小孩 / 类别：应急处理·被困 / 居民原话：1号楼电梯停了 里面关着个小孩 按铃没人应 / 反映人：老李（1号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：1号楼党小组。请立即跟进，接单回复：#1 接单
"""


ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def clock() -> FakeClock:
    """The morning of 15 December: no meeting reminders of either community fall due."""
    return FakeClock(datetime(2026, 12, 15, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai")))


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
    talk(core, clock, LAMP_IN_XINGFULI)
    talk(
        jinmao,
        clock,
        """
        @clock 2026-12-15 09:10
        """
        + LIFT_IN_JINMAO
        + """
        1号楼党小组 | 何军 | #1 接单
        -> 1号楼党小组: 工单 #1 已由何军接单。
        -> 第一网格党支部群: 工单 #1 已由何军接单。
        -> 社区党委工作群: 工单 #1 已由何军接单。
        -> 1号楼居民群: @老李 您反映的问题（工单 #1）已有工作人员接单，何军正在处理。
        """,
    )
    assert _tickets(core) == [(1, "楼道灯坏了好几天了", "open")]
    assert [(i, state) for i, _, state in _tickets(jinmao)] == [(1, "claimed")]


def test_one_communitys_staff_are_residents_in_the_other(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    talk(core, clock, LAMP_IN_XINGFULI)
    talk(jinmao, clock, GARBAGE_IN_JINMAO)
    talk(
        jinmao,
        clock,
        """
        1号楼党小组 | 张建国 | #1 已处理
        -> 1号楼党小组: @张建国 抱歉，只有1号楼党小组及上级的工作人员可以处理工单 #1。
        社区党委工作群 | 王书记 | 待办
        -> 社区党委工作群: @王书记 抱歉，这条指令只对本群的工作人员开放。
        """,
    )
    talk(
        core,
        clock,
        """
        @clock 2026-12-15 09:40
        社区党委工作群 | 王书记 | 待办
        -> 社区党委工作群: @王书记 社区党委工作群目前没有待办工单。 / 下属各群在办工单 1 件，没有超时的。
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
    talk(jinmao, clock, GARBAGE_IN_JINMAO)
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
    user = [sys.executable, "-m", "bot.cli", "user"]
    added = subprocess.run(
        [
            *user,
            *("add", "hejun", "--role", "grid", "--grid", "1", "--person", "何军"),
            *("--generate", "--community", "jinmao"),
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    assert added.returncode == 0, added.stderr
    listed = {
        slug: subprocess.run(
            [*user, "--community", slug, "list"],
            env=env,
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
        ).stdout
        for slug in ("jinmao", "xingfuli")
    }
    assert "hejun" in listed["jinmao"] and "hejun" not in listed["xingfuli"]
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


def test_two_communities_schedulers_in_one_process_each_chase_their_own_tickets(
    core: Core, jinmao: Core, clock: FakeClock
) -> None:
    """One process runs both communities (the street's web service does): each has its own
    scheduler, and an unclaimed emergency is chased in its own community's groups only."""
    xingfuli_sim = Simulator(core, clock)
    jinmao_sim = Simulator(jinmao, FakeClock(clock.now()))
    try:
        verify_dialog(
            xingfuli_sim,
            """
            @clock 2026-12-15 09:00
            3号楼居民群 | 小王 | 3号楼2单元楼道里全是烟 好像着火了
            -> 3号楼居民群: @小王 已收到您反映的问题（工单 #1：楼道里全是烟 好像着火了，3号楼2单元），已转3号楼党小组处理。请立即拨打119；楼道里烟大时不要往烟里跑，关紧家门，用湿毛巾堵住门缝，到窗边呼救，等待消防救援。
            -> 3号楼党小组: 【紧急 #1】3号楼2单元 楼道里全是烟 好像着火了 / 类别：应急处理·火情 / 居民原话：3号楼2单元楼道里全是烟 好像着火了 / 反映人：小王（3号楼居民群） / 已告知居民：请立即拨打119；楼道里烟大时不要往烟里跑，关紧家门，用湿毛巾堵住门缝，到窗边呼救，等待消防救援。 / 负责：3号楼党小组。请立即跟进，接单回复：#1 接单
            -> 第一网格党支部群: 【紧急 #1】3号楼2单元 楼道里全是烟 好像着火了 / 类别：应急处理·火情 / 居民原话：3号楼2单元楼道里全是烟 好像着火了 / 反映人：小王（3号楼居民群） / 已告知居民：请立即拨打119；楼道里烟大时不要往烟里跑，关紧家门，用湿毛巾堵住门缝，到窗边呼救，等待消防救援。 / 负责：3号楼党小组。请立即跟进，接单回复：#1 接单
            -> 社区党委工作群: @刘值班 【紧急 #1】3号楼2单元 楼道里全是烟 好像着火了 / 类别：应急处理·火情 / 居民原话：3号楼2单元楼道里全是烟 好像着火了 / 反映人：小王（3号楼居民群） / 已告知居民：请立即拨打119；楼道里烟大时不要往烟里跑，关紧家门，用湿毛巾堵住门缝，到窗边呼救，等待消防救援。 / 负责：3号楼党小组。请立即跟进，接单回复：#1 接单
            """,
        )
        verify_dialog(
            jinmao_sim,
            """
            @clock 2026-12-15 09:05
            2号楼居民群 | 小孙 | 2号楼1单元楼道里一股很浓的煤气味
            -> 2号楼居民群: @小孙 已收到您反映的问题（工单 #1：楼道里一股很浓的煤气味，2号楼1单元），已转2号楼党小组处理。请不要开关任何电器、不要点火，打开门窗后离开，到室外拨打燃气公司抢修电话。
            -> 2号楼党小组: 【紧急 #1】2号楼1单元 楼道里一股很浓的煤气味 / 类别：应急处理·燃气泄漏 / 居民原话：2号楼1单元楼道里一股很浓的煤气味 / 反映人：小孙（2号楼居民群） / 已告知居民：请不要开关任何电器、不要点火，打开门窗后离开，到室外拨打燃气公司抢修电话。 / 负责：2号楼党小组。请立即跟进，接单回复：#1 接单
            -> 第一网格党支部群: 【紧急 #1】2号楼1单元 楼道里一股很浓的煤气味 / 类别：应急处理·燃气泄漏 / 居民原话：2号楼1单元楼道里一股很浓的煤气味 / 反映人：小孙（2号楼居民群） / 已告知居民：请不要开关任何电器、不要点火，打开门窗后离开，到室外拨打燃气公司抢修电话。 / 负责：2号楼党小组。请立即跟进，接单回复：#1 接单
            -> 社区党委工作群: @高值班 【紧急 #1】2号楼1单元 楼道里一股很浓的煤气味 / 类别：应急处理·燃气泄漏 / 居民原话：2号楼1单元楼道里一股很浓的煤气味 / 反映人：小孙（2号楼居民群） / 已告知居民：请不要开关任何电器、不要点火，打开门窗后离开，到室外拨打燃气公司抢修电话。 / 负责：2号楼党小组。请立即跟进，接单回复：#1 接单
            """,
        )
        verify_dialog(
            jinmao_sim,
            """
            @clock 2026-12-15 09:30
            -> 社区党委工作群: 【超时上报】工单 #1：楼道里一股很浓的煤气味，2号楼1单元，超时未接单（时限 12月15日 09:20）。负责：2号楼党小组。请尽快回复：#1 接单
            -> 幸福街道党工委工作群: 【街道督办·紧急】金茂社区 工单 #1：楼道里一股很浓的煤气味，2号楼1单元（应急处理·燃气泄漏），超时未接单（时限 12月15日 09:20）。负责：2号楼党小组。请督促金茂社区尽快处理；街道直接接单请回复：金茂 #1 接单
            """,
        )
        verify_dialog(
            xingfuli_sim,
            """
            @clock 2026-12-15 09:31
            -> 社区党委工作群: 【超时上报】工单 #1：楼道里全是烟 好像着火了，3号楼2单元，超时未接单（时限 12月15日 09:15）。负责：3号楼党小组。请尽快回复：#1 接单
            -> 幸福街道党工委工作群: 【街道督办·紧急】幸福里社区 工单 #1：楼道里全是烟 好像着火了，3号楼2单元（应急处理·火情），超时未接单（时限 12月15日 09:15）。负责：3号楼党小组。请督促幸福里社区尽快处理；街道直接接单请回复：幸福里 #1 接单
            """,
        )
    finally:
        xingfuli_sim.close()
        jinmao_sim.close()
    assert [state for _, _, state in _tickets(core)] == ["open"]
    assert [state for _, _, state in _tickets(jinmao)] == ["open"]


def test_the_street_office_hears_of_an_emergency_nobody_claimed_naming_the_community(
    jinmao: Core, clock: FakeClock
) -> None:
    """金茂's bot tells the 街道党工委 group once, with 金茂社区 before the ticket number; what
    is said in that group is read by no community's bot, so nobody's #1 is taken there."""
    talk(
        jinmao,
        clock,
        """
        @clock 2026-12-15 22:40
        4号楼居民群 | 唐阿姨 | 4号楼3单元有个老人倒在楼梯上叫不醒
        -> 4号楼居民群: @唐阿姨 已收到您反映的问题（工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元），已转4号楼党小组处理。请立即拨打120，保持病人平躺，不要随意搬动。
        -> 4号楼党小组: 【紧急 #1】4号楼3单元 有个老人倒在楼梯上叫不醒 / 类别：应急处理·急病 / 居民原话：4号楼3单元有个老人倒在楼梯上叫不醒 / 反映人：唐阿姨（4号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：4号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第一网格党支部群: 【紧急 #1】4号楼3单元 有个老人倒在楼梯上叫不醒 / 类别：应急处理·急病 / 居民原话：4号楼3单元有个老人倒在楼梯上叫不醒 / 反映人：唐阿姨（4号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：4号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @高值班 【紧急 #1】4号楼3单元 有个老人倒在楼梯上叫不醒 / 类别：应急处理·急病 / 居民原话：4号楼3单元有个老人倒在楼梯上叫不醒 / 反映人：唐阿姨（4号楼居民群） / 已告知居民：请立即拨打120，保持病人平躺，不要随意搬动。 / 负责：4号楼党小组。请立即跟进，接单回复：#1 接单
        @clock 2026-12-15 23:10
        -> 社区党委工作群: 【超时上报】工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元，超时未接单（时限 12月15日 22:55）。负责：4号楼党小组。请尽快回复：#1 接单
        -> 幸福街道党工委工作群: 【街道督办·紧急】金茂社区 工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元（应急处理·急病），超时未接单（时限 12月15日 22:55）。负责：4号楼党小组。请督促金茂社区尽快处理；街道直接接单请回复：金茂 #1 接单
        幸福街道党工委工作群 | 周主任 | #1 接单
        @clock 2026-12-16 08:00
        -> 4号楼党小组: 【早间汇总】夜间等待的新工单、居民补充和超时提醒： / 【超时提醒】工单 #1：有个老人倒在楼梯上叫不醒，4号楼3单元，超时未办结（时限 12月16日 00:40）。负责：4号楼党小组。请尽快回复：#1 已处理 处理说明
        """,
    )
    assert [state for _, _, state in _tickets(jinmao)] == ["open"]


def test_the_street_office_hears_once_of_a_ticket_left_open_past_the_communitys_limit(
    core: Core, clock: FakeClock
) -> None:
    """Clutter in 5号楼 climbs 党小组 → 第二网格 → 社区; one resolve limit after the community's
    step, and only then, the street's group hears of it, once."""
    sim = Simulator(core, clock)
    try:
        verify_dialog(
            sim,
            """
            @clock 2026-12-15 09:00
            5号楼居民群 | 许阿姨 | 5号楼2单元楼道里堆满杂物
            -> 5号楼居民群: @许阿姨 已收到您反映的问题（工单 #1：楼道里堆满杂物，5号楼2单元），已转5号楼党小组处理。
            -> 5号楼党小组: 【新工单 #1】矛盾调处·占道堆物 / 地点：5号楼2单元 / 居民原话：5号楼2单元楼道里堆满杂物 / 反映人：许阿姨（5号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
            """,
        )
    finally:
        sim.close()
    # The sweep as the scheduler runs it, each morning for five weeks.
    day = datetime(2026, 12, 16, 9, 5, tzinfo=ZONE)
    while day < datetime(2027, 1, 20, tzinfo=ZONE):
        sweep_tickets(core.factory, core.community, day)
        day += timedelta(days=1)
    with core.factory() as session:
        told = session.scalars(
            select(OutboxMessage.text).where(OutboxMessage.group_name == "幸福街道党工委工作群")
        ).all()
    assert told == [
        # Nobody ever claimed it: the street hears that, and may claim it itself.
        "【街道督办】幸福里社区 工单 #1：楼道里堆满杂物，5号楼2单元，超时未接单"
        "（时限 12月16日 09:00）。负责：5号楼党小组。请督促幸福里社区尽快处理；"
        "街道直接接单请回复：幸福里 #1 接单"
    ]
    with core.factory() as session:
        ticket = session.get_one(Ticket, 1)
        steps = {e.note: e.at for e in ticket.events if e.kind == "escalated"}
        street_due = deadlines.resolve_due(ticket, core.community, 4)
    community_step = steps["超时未办结 → 社区党委工作群"]
    street_step = steps["超时未接单 → 幸福街道党工委工作群"]
    assert community_step < street_due <= street_step < street_due + timedelta(days=1)


def test_a_street_group_named_like_a_communitys_own_group_is_refused(
    settings: Settings, database_url: str, tmp_path: Path
) -> None:
    config = config_copy(tmp_path)
    street = config / "street.yaml"
    street.write_text(
        street.read_text(encoding="utf-8").replace(
            "group: 幸福街道党工委工作群", "group: 社区党委工作群"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="'社区党委工作群' is already a group of 幸福里社区"):
        open_core(Settings(config_dir=config), database_url=database_url)


def test_an_emergency_nobody_claimed_reaches_the_duty_staff_and_the_street_on_its_minute(
    core: Core, clock: FakeClock
) -> None:
    """Street trials 6 and 7: the street heard of an unclaimed emergency up to one deadline
    sweep (10 minutes) after its limit. Two emergencies four minutes apart, neither claimed:
    each reaches 社区党委工作群 and the street on the minute its 15 minutes are up."""
    talk(
        core,
        clock,
        """
        @clock 2026-12-15 09:00
        3号楼居民群 | 小王 | 3号楼2单元楼道里全是烟 好像着火了
        -> 3号楼居民群: @小王 已收到您反映的问题（工单 #1：楼道里全是烟 好像着火了，3号楼2单元），已转3号楼党小组处理。请立即拨打119；楼道里烟大时不要往烟里跑，关紧家门，用湿毛巾堵住门缝，到窗边呼救，等待消防救援。
        -> 3号楼党小组: 【紧急 #1】3号楼2单元 楼道里全是烟 好像着火了 / 类别：应急处理·火情 / 居民原话：3号楼2单元楼道里全是烟 好像着火了 / 反映人：小王（3号楼居民群） / 已告知居民：请立即拨打119；楼道里烟大时不要往烟里跑，关紧家门，用湿毛巾堵住门缝，到窗边呼救，等待消防救援。 / 负责：3号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第一网格党支部群: 【紧急 #1】3号楼2单元 楼道里全是烟 好像着火了 / 类别：应急处理·火情 / 居民原话：3号楼2单元楼道里全是烟 好像着火了 / 反映人：小王（3号楼居民群） / 已告知居民：请立即拨打119；楼道里烟大时不要往烟里跑，关紧家门，用湿毛巾堵住门缝，到窗边呼救，等待消防救援。 / 负责：3号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @刘值班 【紧急 #1】3号楼2单元 楼道里全是烟 好像着火了 / 类别：应急处理·火情 / 居民原话：3号楼2单元楼道里全是烟 好像着火了 / 反映人：小王（3号楼居民群） / 已告知居民：请立即拨打119；楼道里烟大时不要往烟里跑，关紧家门，用湿毛巾堵住门缝，到窗边呼救，等待消防救援。 / 负责：3号楼党小组。请立即跟进，接单回复：#1 接单
        @clock 2026-12-15 09:04
        5号楼居民群 | 小李 | 5号楼1单元电梯停在半截了 里面有个小孩一个人在哭
        -> 5号楼居民群: @小李 已收到您反映的问题（工单 #2：电梯停在半截了 里面有个小孩一个人在哭，5号楼1单元），已转5号楼党小组处理。请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。
        -> 5号楼党小组: 【紧急 #2】5号楼1单元 电梯停在半截了 里面有个小孩一个人在哭 / 类别：应急处理·被困 / 居民原话：5号楼1单元电梯停在半截了 里面有个小孩一个人在哭 / 反映人：小李（5号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：5号楼党小组。请立即跟进，接单回复：#2 接单
        -> 第二网格党支部群: 【紧急 #2】5号楼1单元 电梯停在半截了 里面有个小孩一个人在哭 / 类别：应急处理·被困 / 居民原话：5号楼1单元电梯停在半截了 里面有个小孩一个人在哭 / 反映人：小李（5号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：5号楼党小组。请立即跟进，接单回复：#2 接单
        -> 社区党委工作群: @刘值班 【紧急 #2】5号楼1单元 电梯停在半截了 里面有个小孩一个人在哭 / 类别：应急处理·被困 / 居民原话：5号楼1单元电梯停在半截了 里面有个小孩一个人在哭 / 反映人：小李（5号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：5号楼党小组。请立即跟进，接单回复：#2 接单
        @clock 2026-12-15 09:14
        @clock 2026-12-15 09:15
        -> 社区党委工作群: 【超时上报】工单 #1：楼道里全是烟 好像着火了，3号楼2单元，超时未接单（时限 12月15日 09:15）。负责：3号楼党小组。请尽快回复：#1 接单
        -> 幸福街道党工委工作群: 【街道督办·紧急】幸福里社区 工单 #1：楼道里全是烟 好像着火了，3号楼2单元（应急处理·火情），超时未接单（时限 12月15日 09:15）。负责：3号楼党小组。请督促幸福里社区尽快处理；街道直接接单请回复：幸福里 #1 接单
        @clock 2026-12-15 09:18
        @clock 2026-12-15 09:19
        -> 社区党委工作群: 【超时上报】工单 #2：电梯停在半截了 里面有个小孩一个人在哭，5号楼1单元，超时未接单（时限 12月15日 09:19）。负责：5号楼党小组。请尽快回复：#2 接单
        -> 幸福街道党工委工作群: 【街道督办·紧急】幸福里社区 工单 #2：电梯停在半截了 里面有个小孩一个人在哭，5号楼1单元（应急处理·被困），超时未接单（时限 12月15日 09:19）。负责：5号楼党小组。请督促幸福里社区尽快处理；街道直接接单请回复：幸福里 #2 接单
        """,
    )
