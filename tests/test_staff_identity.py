"""Staff prove who they are once, with a one-time code valid 24 hours; nicknames grant nothing."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from bot.identity import BoundContacts
from bot.messages import InboundMessage
from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.db import transaction
from service.errors import InvalidInput, NotFound
from service.identity import issue_code, redeem_code
from service.settings import REPO_ROOT


def test_code_binds_once_within_24_hours(core: Core, clock: FakeClock) -> None:
    resolver = BoundContacts(core.community)
    with transaction(core.factory) as session:
        assert not resolver.resolve(session, "wxid_liu", "刘志强").is_staff  # a name is not proof
        code = issue_code(session, core.community, "刘志强", clock.now())
        old = issue_code(session, core.community, "孙丽", clock.now())
    clock.advance(timedelta(hours=23))
    with transaction(core.factory) as session:
        assert redeem_code(session, core.community, f" {code.lower()} ", "wxid_liu", clock.now())
    with transaction(core.factory) as session:
        actor = resolver.resolve(session, "wxid_liu", "阿强🌸")
        assert (actor.name, actor.is_staff) == ("刘志强", True)
    with transaction(core.factory) as session, pytest.raises(InvalidInput):
        redeem_code(session, core.community, code, "wxid_thief", clock.now())  # used up
    clock.advance(timedelta(hours=2))
    with transaction(core.factory) as session, pytest.raises(InvalidInput) as info:
        redeem_code(session, core.community, old, "wxid_sun", clock.now())  # expired
    assert info.value.user_message == "认证码无效或已过期，请联系社区管理员重新获取。"
    with transaction(core.factory) as session, pytest.raises(NotFound):
        issue_code(session, core.community, "王书计", clock.now())


def test_a_new_code_replaces_the_unused_one(core: Core, clock: FakeClock) -> None:
    with transaction(core.factory) as session:
        first = issue_code(session, core.community, "刘志强", clock.now())
        second = issue_code(session, core.community, "刘志强", clock.now())
    with transaction(core.factory) as session, pytest.raises(InvalidInput):
        redeem_code(session, core.community, first, "wxid_liu", clock.now())
    with transaction(core.factory) as session:
        assert (
            redeem_code(session, core.community, second, "wxid_liu", clock.now()).name == "刘志强"
        )


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env={"HONGQIAO_DATABASE_URL": f"sqlite:///{tmp_path}/x.db", "PATH": ""},
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
    )


def test_staff_code_command(tmp_path: Path) -> None:
    result = _cli(tmp_path, "staff", "code", "刘志强")
    assert result.returncode == 0, result.stderr
    code = re.search(r"认证 ([A-Z0-9]{8})", result.stdout)
    assert code and "24小时内有效" in result.stdout
    unknown = _cli(tmp_path, "staff", "code", "路人甲")
    assert unknown.returncode == 2 and "'路人甲' is not in the community's people" in unknown.stderr


def test_room_bind_command_binds_a_staff_group(tmp_path: Path) -> None:
    result = _cli(tmp_path, "room", "bind", "p3@chatroom", "3号楼 党小组")
    assert result.returncode == 0 and "已绑定为“3号楼党小组”" in result.stdout, result.stderr
    unknown = _cli(tmp_path, "room", "bind", "x@chatroom", "火星")
    assert unknown.returncode == 2 and "no configured group" in unknown.stderr


def test_bot_without_credentials_says_what_to_set(tmp_path: Path) -> None:
    result = _cli(tmp_path, "bot")
    assert result.returncode == 2
    assert "WECHATY_PUPPET_SERVICE_TOKEN" in result.stderr


def _private(sim: Simulator, sender: str, text: str) -> str:
    sim.router.handle(
        InboundMessage(
            message_id=f"m-{uuid.uuid4().hex}", sender_id=sender, sender_name=sender, text=text
        )
    )
    said = asyncio.run(sim.deliver())
    return said[-1].text


def test_wrong_staff_codes_are_limited_then_answered_politely(
    sim: Simulator, clock: FakeClock
) -> None:
    with transaction(sim.core.factory) as session:
        code = issue_code(session, sim.core.community, "刘志强", clock.now())
    answers = [_private(sim, "wxid_guess", f"认证 WRONG{i:03d}") for i in range(8)]
    assert "认证码无效" in answers[0]
    assert "次数太多" in answers[-1] and "后再试" in answers[-1]
    assert "认证成功" not in _private(sim, "wxid_guess", f"认证 {code}")  # still waiting
    assert "认证成功" in _private(sim, "wxid_liu", f"认证 {code}")  # someone else: not held up
