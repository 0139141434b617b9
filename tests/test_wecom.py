"""WeCom group robots against a local HTTP server that records posts and answers like WeCom."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from bot.live import LiveBot, build_live
from bot.wechat import puppet_bot
from bot.wecom import load_wecom
from service.bootstrap import Core
from service.clock import FakeClock
from service.community import ConfigError, load_community
from service.db import transaction
from service.models import OutboxMessage
from service.outbox import Notice, enqueue
from service.settings import Settings
from tests.sample_config import SAMPLE, community_dir, config_copy
from tests.wechat_fakes import RecordingPuppet, fake_sleep


class WeComServer:
    """Records every post; answers each with the next queued errcode (0 when none is queued)."""

    def __init__(self) -> None:
        self.posts: list[dict[str, Any]] = []
        self.answers: list[int] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                server.posts.append(
                    {"path": self.path, "body": json.loads(self.rfile.read(length))}
                )
                code = server.answers.pop(0) if server.answers else 0
                body = json.dumps({"errcode": code, "errmsg": "ok" if code == 0 else "error"})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/cgi-bin/webhook/send?key=k1"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def wecom() -> Iterator[WeComServer]:
    server = WeComServer()
    yield server
    server.close()


def _config(tmp_path: Path, robots: str) -> Path:
    """A copy of the sample configuration whose 幸福里社区 has these robots; the copy's root."""
    config = config_copy(tmp_path)
    (community_dir(config) / "wecom.yaml").write_text(robots, encoding="utf-8")
    return config


ROBOT = "robots:\n  - {group: 社区党委工作群, webhook_env: HONGQIAO_WECOM_COMMUNITY}\n"


def _live_with_robot(
    core: Core, settings: Settings, clock: FakeClock, wecom: WeComServer, tmp_path: Path
) -> LiveBot:
    return build_live(
        core,
        settings.model_copy(update={"config_dir": _config(tmp_path, ROBOT)}),
        puppet_bot(RecordingPuppet(clock)),
        clock,
        sleep=fake_sleep(clock),
        environ={"HONGQIAO_WECOM_COMMUNITY": wecom.url},
    )


def test_staff_group_notices_go_to_the_robot_paced_and_slowed_by_45009(
    core: Core, settings: Settings, clock: FakeClock, wecom: WeComServer, tmp_path: Path
) -> None:
    live = _live_with_robot(core, settings, clock, wecom, tmp_path)
    robot = next(d for d in live.dispatchers if d.name.startswith("wecom"))
    with transaction(core.factory) as session:
        notices = [
            Notice(f"第{n}条提醒：明天上午9点主题党日", group="社区党委工作群") for n in range(1, 5)
        ]
        enqueue(session, "test:wecom", notices, clock.now())
    wecom.answers = [0, 45009]  # the second post is refused: too fast

    async def run() -> None:
        for _ in range(3):
            await robot.drain()
        for gateway in live.wecom:
            await gateway.close()

    asyncio.run(run())
    contents = [p["body"]["text"]["content"] for p in wecom.posts]
    assert [p["body"]["msgtype"] for p in wecom.posts] == ["text"] * 5
    assert contents == [
        "第1条提醒：明天上午9点主题党日",
        "第2条提醒：明天上午9点主题党日",  # refused with 45009 ...
        "第2条提醒：明天上午9点主题党日",  # ... sent again after the pause, in order
        "第3条提醒：明天上午9点主题党日",
        "第4条提醒：明天上午9点主题党日",
    ]
    with core.factory() as session:
        rows = session.query(OutboxMessage).order_by(OutboxMessage.id).all()
        assert [r.state for r in rows] == ["sent"] * 4
        assert [r.attempts for r in rows] == [1] * 4  # a rate limit is not a failure
        sent_at = [r.sent_at for r in rows]
    assert sent_at[1] is not None and sent_at[0] is not None
    assert (sent_at[1] - sent_at[0]).total_seconds() >= 60  # paused after 45009
    assert all(
        (b - a).total_seconds() >= 3.0  # never more than 20 a minute
        for a, b in pairwise(sent_at)
        if a is not None and b is not None
    )


def test_robot_errors_are_retried_then_marked_failed(
    core: Core, settings: Settings, clock: FakeClock, wecom: WeComServer, tmp_path: Path
) -> None:
    live = _live_with_robot(core, settings, clock, wecom, tmp_path)
    robot = next(d for d in live.dispatchers if d.name.startswith("wecom"))
    with transaction(core.factory) as session:
        enqueue(session, "test:bad", [Notice("提醒", group="社区党委工作群")], clock.now())
    wecom.answers = [93000] * 5  # invalid webhook key

    async def run() -> None:
        for _ in range(5):
            await robot.drain()
            with core.factory() as session:
                row = session.get_one(OutboxMessage, 1)
            if row.next_attempt_at is not None:
                clock.set(row.next_attempt_at)
        for gateway in live.wecom:
            await gateway.close()

    asyncio.run(run())
    assert len(wecom.posts) == 5
    with core.factory() as session:
        row = session.get_one(OutboxMessage, 1)
    assert (row.state, row.attempts) == ("failed", 5)
    assert "WeCom errcode 93000" in (row.last_error or "")


def test_wecom_config_errors_name_file_line_and_problem(tmp_path: Path) -> None:
    community = load_community(SAMPLE)
    bad = community_dir(
        _config(tmp_path, "robots:\n  - {group: 火星群, webhook_env: HONGQIAO_X}\n")
    )
    with pytest.raises(ConfigError, match=r"wecom.yaml: line 2: robots\[0\].group: '火星群'"):
        load_wecom(bad, community)
    (bad / "wecom.yaml").write_text(
        "robots:\n  - {group: 社区党委工作群, webhook_env: lower-case}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"line 2: robots\[0\].webhook_env"):
        load_wecom(bad, community)
    assert load_wecom(SAMPLE, community).robots == ()


def test_missing_webhook_secret_is_a_clear_error(
    core: Core, settings: Settings, clock: FakeClock, tmp_path: Path
) -> None:
    settings = settings.model_copy(update={"config_dir": _config(tmp_path, ROBOT)})
    with pytest.raises(ConfigError, match="HONGQIAO_WECOM_COMMUNITY"):
        build_live(core, settings, puppet_bot(RecordingPuppet(clock)), clock, environ={})
