"""`hongqiao bot` against the real Node Wechaty puppet service (wechaty-puppet-service serving
wechaty-puppet-mock, TLS disabled). The npm packages are installed into tests/.node (ignored by
git) from tests/node/package-lock.json the first time; the server is started and stopped here.

This is the one place with real waiting: two real processes talk over gRPC, so the test polls
with a deadline instead of a fake clock."""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.wechat import free_port
from service.settings import REPO_ROOT
from tests.conftest import PG_URL, throwaway_pg_database
from tests.machine_lock import one_at_a_time

NODE_SRC = REPO_ROOT / "tests" / "node"
NODE_DIR = REPO_ROOT / "tests" / ".node"
TOKEN = "insecure_hongqiao_test_token"
DEADLINE = 60.0

CONTACTS = [
    {"id": "c_zhang", "name": "张阿姨"},
    {"id": "c_wang", "name": "王大妈"},
    {"id": "c_liu", "name": "刘志强"},
]
ROOMS = [
    {"id": "r3@chatroom", "topic": "3号楼居民群", "members": ["c_zhang", "c_wang"]},
    {"id": "p3@chatroom", "topic": "3号楼党小组", "members": ["c_liu"]},
]

# Real processes (npm install the first time, Node, several bot starts): a longer limit.
pytestmark = pytest.mark.timeout(900)


def _install_node_packages() -> None:
    """npm install (the versions in the lock file) into tests/.node, once per lock file."""
    with one_at_a_time("node"):
        _install_locked_node_packages()


def _install_locked_node_packages() -> None:
    lock = (NODE_SRC / "package-lock.json").read_bytes()
    stamp = NODE_DIR / "node_modules" / ".hongqiao-lock"
    NODE_DIR.mkdir(exist_ok=True)
    script = (NODE_SRC / "mock_puppet_service.mjs").read_bytes()
    copied = NODE_DIR / "mock_puppet_service.mjs"
    if not copied.exists() or copied.read_bytes() != script:  # changed: replaced at once
        fresh = copied.with_suffix(".new")
        fresh.write_bytes(script)
        fresh.replace(copied)
    if stamp.exists() and stamp.read_bytes() == lock:
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is not installed: the puppet service test needs Node.js and npm")
    for name in ("package.json", "package-lock.json"):
        shutil.copy(NODE_SRC / name, NODE_DIR / name)
    result = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=NODE_DIR,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        pytest.fail(f"npm install failed in {NODE_DIR}:\n{result.stderr[-3000:]}")
    stamp.write_bytes(lock)


class Lines:
    """A process's output lines, collected by a thread, waited for with a deadline."""

    def __init__(self, stream: Any) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: Any) -> None:
        for line in stream:
            self._queue.put(line.rstrip("\n"))

    def drain(self) -> list[str]:
        """Every line so far, waited for or not."""
        while True:
            try:
                self.seen.append(self._queue.get_nowait())
            except queue.Empty:
                return self.seen

    def wait_for_text(self, text: str) -> str:
        """A line holding `text`, among those already seen or still to come."""
        seen = next((line for line in self.seen if text in line), None)
        return seen if seen is not None else self.wait_for(lambda line: text in line, text)

    def wait_for(self, match: Callable[[str], bool], what: str) -> str:
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            try:
                line = self._queue.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append(line)
            if match(line):
                return line
        raise AssertionError(f"timed out waiting for {what}; saw:\n" + "\n".join(self.seen[-40:]))


class PuppetService:
    def __init__(
        self,
        port: int,
        contacts: list[dict[str, Any]] | None = None,
        rooms: list[dict[str, Any]] | None = None,
    ) -> None:
        self.endpoint = f"127.0.0.1:{port}"
        shutil.copy(NODE_SRC / "mock_puppet_service.mjs", NODE_DIR / "mock_puppet_service.mjs")
        setup = {
            "port": port,
            "token": TOKEN,
            "bot": {"id": "wxid_bot", "name": "红桥小助手"},
            "contacts": CONTACTS if contacts is None else contacts,
            "rooms": ROOMS if rooms is None else rooms,
        }
        self.process = subprocess.Popen(
            ["node", "mock_puppet_service.mjs", json.dumps(setup)],
            cwd=NODE_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_SERVER": "true"},
        )
        self.events = Lines(self.process.stdout)
        self.events.wait_for(lambda line: '"listening"' in line, "the puppet service to listen")

    def send(self, **command: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command, ensure_ascii=False) + "\n")
        self.process.stdin.flush()

    def say(self, sender: str, text: str, room: str | None = None) -> None:
        self.send(cmd="say", **{"from": sender}, room=room, text=text)

    def sent(self, conversation: str, pattern: str) -> dict[str, Any]:
        def match(line: str) -> bool:
            event = json.loads(line)
            return (
                event.get("event") == "sent"
                and event["conversation"] == conversation
                and re.search(pattern, event["text"]) is not None
            )

        line = self.events.wait_for(match, f"bot to say /{pattern}/ in {conversation}")
        event: dict[str, Any] = json.loads(line)
        return event

    def stop(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def service() -> Iterator[PuppetService]:
    _install_node_packages()
    server = PuppetService(free_port())
    yield server
    server.stop()


def _config_without_quiet_hours(tmp_path: Path) -> Path:
    """The bot runs on the real clock: without this, a run during the quiet hours (Shanghai
    night) would hold the staff notices this test waits for until the morning."""
    config = tmp_path / "config"
    if not config.exists():
        shutil.copytree(Path(__file__).resolve().parents[1] / "config", config)
        tickets = config / "tickets.yaml"
        text = tickets.read_text(encoding="utf-8")
        assert 'end: "07:00"' in text
        tickets.write_text(text.replace('end: "07:00"', 'end: "22:00"'), encoding="utf-8")
    return config


def _env(tmp_path: Path, token: str, endpoint: str) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", ""),
        "HONGQIAO_CONFIG_DIR": str(_config_without_quiet_hours(tmp_path)),
        "HONGQIAO_DATABASE_URL": f"sqlite:///{tmp_path}/live.db",
        "HONGQIAO_WECHATY_CACHE_DIR": str(tmp_path / "wechaty"),
        "HONGQIAO_SEND_INTERVAL_SECONDS": "0.05",
        "HONGQIAO_SEND_JITTER_SECONDS": "0.02",
        "WECHATY_PUPPET_SERVICE_TOKEN": token,
        "WECHATY_PUPPET_SERVICE_ENDPOINT": endpoint,
    }


def _hongqiao(env: dict[str, str], *args: str, **kwargs: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=REPO_ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        **kwargs,
    )


def test_bot_on_the_puppet_service_end_to_end(service: PuppetService, tmp_path: Path) -> None:
    env = _env(tmp_path, TOKEN, service.endpoint)
    bound = subprocess.run(  # a staff group never binds by its topic alone
        [sys.executable, "-m", "bot.cli", "room", "bind", "p3@chatroom", "3号楼 党小组"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bound.returncode == 0, bound.stdout + bound.stderr
    bot = _hongqiao(env, "bot")
    log = Lines(bot.stdout)
    try:
        # The scheduler starts in its own thread: it may come up before or after the login.
        log.wait_for(lambda line: "WeChat logged in as 红桥小助手" in line, "the bot to log in")
        if not any("scheduler started" in line for line in log.seen):
            log.wait_for(lambda line: "scheduler started" in line, "the scheduler to start")

        service.say("c_zhang", "2单元楼道灯坏了好几天了", room="r3@chatroom")
        ack = service.sent("r3@chatroom", r"^@张阿姨 已收到您反映的问题（工单 #1")
        assert ack["mentions"] == ["c_zhang"]
        notice = service.sent("p3@chatroom", r"^【新工单 #1】维修维护·照明")
        assert "办结后回复：#1 已处理" in notice["text"]

        # The same problem again joins ticket #1 instead of opening another one.
        service.say("c_wang", "2单元楼道灯坏了", room="r3@chatroom")
        joined = service.sent("r3@chatroom", r"^@王大妈 您说的.*已有居民反映过.*工单 #1")
        assert joined["mentions"] == ["c_wang"]

        # A private report without a building is asked for it; private replies mention nobody.
        service.say("c_wang", "电梯坏了")
        question = service.sent("c_wang", r"^请问是几号楼几单元？")
        service.say("c_wang", "3号楼1单元")
        private_ack = service.sent("c_wang", r"^已收到您反映的问题（工单 #2")
        assert question["mentions"] == private_ack["mentions"] == []
        service.sent("p3@chatroom", r"^【新工单 #2】")

        service.say("c_liu", "#1 已处理 换了灯泡", room="p3@chatroom")
        service.sent("p3@chatroom", r"^@刘志强 抱歉，只有3号楼党小组")  # not bound yet

        code = subprocess.run(  # a second process uses the database while the bot runs
            [sys.executable, "-m", "bot.cli", "staff", "code", "刘志强"],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        found = re.search(r"认证 ([A-Z0-9]{8})", code.stdout)
        assert found, code.stdout + code.stderr
        service.say("c_liu", f"认证 {found[1]}")  # privately
        service.sent("c_liu", r"^认证成功，您好，刘志强")

        service.say("c_liu", "#1 已处理 换了灯泡", room="p3@chatroom")
        service.sent("p3@chatroom", r"^工单 #1 已办结（刘志强）：换了灯泡")
        for resident in ("张阿姨", "王大妈"):  # the reporter and the one who joined
            service.sent("r3@chatroom", rf"^@{resident} 您反映的问题（工单 #1：.*已处理：换了灯泡")
    finally:
        bot.send_signal(signal.SIGTERM)
        code_at_exit = bot.wait(timeout=30)
    assert code_at_exit == 0, "\n".join(log.seen[-30:])
    # SIGTERM stops the scheduler (and frees its lease on the database) before the bot exits.
    log.wait_for(lambda line: "Scheduler has been shut down" in line, "the scheduler to stop")
    log.wait_for(lambda line: "bot stopped" in line, "the bot to stop")
    assert not (REPO_ROOT / ".wechaty").exists()  # python-wechaty's cache went under data/


def test_wrong_token_fails_fast(service: PuppetService, tmp_path: Path) -> None:
    started = time.monotonic()
    bot = _hongqiao(_env(tmp_path, "insecure_wrong_token", service.endpoint), "bot")
    output, _ = bot.communicate(timeout=60)
    assert bot.returncode == 3
    assert "rejected the token" in output
    assert time.monotonic() - started < 30


def test_unreachable_endpoint_fails_fast(tmp_path: Path) -> None:
    bot = _hongqiao(_env(tmp_path, TOKEN, f"127.0.0.1:{free_port()}"), "bot")
    output, _ = bot.communicate(timeout=60)
    assert bot.returncode == 3
    assert "cannot reach the puppet service" in output


def test_run_with_a_wrong_token_does_not_start_the_service(
    service: PuppetService, tmp_path: Path
) -> None:
    env = _env(tmp_path, "insecure_wrong_token", service.endpoint)
    run = _hongqiao(env, "run", "--community", "xingfuli", "--port", str(free_port()))
    output, _ = run.communicate(timeout=60)
    assert run.returncode != 0
    assert "rejected the token" in output


def test_run_on_wechat_for_a_whole_street_says_to_run_one_bot_per_community(
    tmp_path: Path,
) -> None:
    """Each community of the street has its own WeChat account and token: one `run` cannot be
    all of them, and says what to start instead of serving only the first."""
    env = _env(tmp_path, TOKEN, f"127.0.0.1:{free_port()}")
    run = _hongqiao(env, "run", "--port", str(free_port()))
    output, _ = run.communicate(timeout=60)
    assert run.returncode == 2
    assert "hongqiao bot --community SLUG" in output and "xingfuli, jinmao" in output
    assert "hongqiao web" in output


def test_street_workers_share_the_accounts_and_take_over_a_killed_ones(
    service: PuppetService, tmp_path: Path
) -> None:
    """Two `hongqiao bot` workers on PostgreSQL share the street's two accounts (幸福里 on one
    puppet service, 金茂 on another): one each once both run; killed with -9, a worker's
    account is led by the other within 30 s; no message is sent twice."""
    if not PG_URL:
        pytest.skip("HONGQIAO_TEST_DATABASE_URL is not set")
    # A database of its own: the session's one holds what earlier tests left (金茂's 1号楼居民群
    # bound to another room, tickets numbered on from theirs).
    with throwaway_pg_database(PG_URL) as database:
        _workers_share_and_take_over(service, database, tmp_path)


def _workers_share_and_take_over(service: PuppetService, database: str, tmp_path: Path) -> None:
    _install_node_packages()
    earlier = len(service.events.drain())  # 幸福里's service is the module's: earlier tests' sends
    jinmao = PuppetService(
        free_port(),
        contacts=[{"id": "c_li", "name": "老李"}],
        rooms=[{"id": "j1@chatroom", "topic": "1号楼居民群", "members": ["c_li"]}],
    )
    env = {
        **_env(tmp_path, "", ""),
        "HONGQIAO_DATABASE_URL": database,
        "HONGQIAO_PUPPET_TOKEN_XINGFULI": TOKEN,
        "HONGQIAO_PUPPET_ENDPOINT_XINGFULI": service.endpoint,
        "HONGQIAO_PUPPET_TOKEN_JINMAO": TOKEN,
        "HONGQIAO_PUPPET_ENDPOINT_JINMAO": jinmao.endpoint,
    }
    migrated = subprocess.run(
        [sys.executable, "-m", "bot.cli", "migrate"], cwd=REPO_ROOT, env=env, capture_output=True
    )
    assert migrated.returncode == 0, migrated.stderr
    first = _hongqiao(env, "bot")
    first_log = Lines(first.stdout)
    second: subprocess.Popen[str] | None = None
    second_log = Lines(iter(()))
    try:
        # Alone, the first worker leads both accounts, and runs the street's one scheduler.
        first_log.wait_for_text("this process leads (street scheduler)")
        for slug, room in (("xingfuli", "r3@chatroom"), ("jinmao", "j1@chatroom")):
            first_log.wait_for_text(f"this process leads ({slug})")
            first_log.wait_for_text(f"INFO [{slug}] bot.wechat: WeChat logged in")
            first_log.wait_for_text(f"INFO [{slug}] bot.live: room {room} is")  # bound, once
        jinmao.say("c_li", "1号楼门口的垃圾三天没人收了", room="j1@chatroom")
        jinmao.sent("j1@chatroom", r"^@老李 已收到您反映的问题（工单 #1")
        second = _hongqiao(env, "bot")
        second_log = Lines(second.stdout)
        # With two workers alive, the first hands one account over to the second.
        first_log.wait_for_text("handing over (jinmao)")
        second_log.wait_for_text("this process leads (jinmao)")
        second_log.wait_for_text("INFO [jinmao] bot.wechat: WeChat logged in")

        service.say("c_zhang", "2单元楼道灯坏了好几天了", room="r3@chatroom")
        service.sent("r3@chatroom", r"^@张阿姨 已收到您反映的问题（工单 #1")
        jinmao.say("c_li", "1号楼的路灯不亮了", room="j1@chatroom")
        jinmao.sent("j1@chatroom", r"^@老李 已收到您反映的问题（工单 #2")

        first.kill()  # kill -9: no goodbye, its locks are freed by the server
        killed_at = time.monotonic()
        second_log.wait_for_text("this process leads (xingfuli)")
        second_log.wait_for_text("INFO [xingfuli] bot.wechat: WeChat logged in")
        taken_over = time.monotonic() - killed_at
        assert taken_over < 30, taken_over
        print(f"xingfuli's account taken over {taken_over:.1f} s after its worker was killed")
        second_log.wait_for_text("this process leads (street scheduler)")
        service.say("c_wang", "3号楼电梯坏了 停在5楼不动", room="r3@chatroom")
        service.sent("r3@chatroom", r"^@王大妈 已收到您反映的问题（工单 #2")
    finally:
        # Shown by pytest only when the test fails: what each worker and its bots logged.
        for name, log in (("first", first_log), ("second", second_log)):
            print(f"--- {name} worker's log\n" + "\n".join(log.drain()[-150:]))
        first.kill()
        first.wait(timeout=30)
        if second is not None:
            second.send_signal(signal.SIGTERM)
            assert second.wait(timeout=30) == 0
        jinmao.stop()
    for events in (service.events.drain()[earlier:], jinmao.events.drain()):
        sent = [json.loads(line) for line in events if '"event":"sent"' in line]
        texts = [(e["conversation"], e["text"]) for e in sent]
        assert len(texts) == len(set(texts)), texts
    # A bot handed over or stopped is not started again behind the new leader's back.
    logged = first_log.drain() + second_log.drain()
    restarted = [line for line in logged if "starting it again" in line]
    assert restarted == []
    # The accounts' bots schedule nothing: the worker leading the scheduler runs both
    # communities' jobs (twice: once per worker that led it).
    started = [line for line in logged if "scheduler started" in line]
    assert len(started) == 4 and not any("INFO [" in line for line in started), started
