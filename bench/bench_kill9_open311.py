"""Nothing acknowledged is lost: kill -9 of `hongqiao run` (SQLite) during a burst of Open311
POSTs from six clients, ROUNDS times, each round on the database the last one was killed on.

Every request carries a unique marker in its words. After the last round the database is read
directly: every acknowledged (2xx) report must be stored, as a ticket or as a follower with its
words. Stored may exceed acknowledged by the few commits whose answer the kill cut off.

    .venv/bin/python bench/bench_kill9_open311.py [ROUNDS]
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx2 as httpx
from sqlalchemy import select

from bot.wechat import free_port
from service.bootstrap import open_core
from service.db import transaction
from service.models import Ticket, TicketFollower
from service.settings import REPO_ROOT, Settings
from service.staff import accounts, tokens

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
CLIENTS = 6
KILL_AFTER = (3.0, 8.0)  # seconds of burst before kill -9, drawn per round
START_TIMEOUT = 60.0
MARKER = re.compile(r"R\d+C\d+N\d+")
PLACES = ["1号楼", "2号楼", "3号楼", "4号楼", "5号楼", "6号楼"]
WORDS = ["门口路灯不亮", "电梯坏了", "楼道灯坏了", "水管漏水"]


@dataclass
class Tally:
    acknowledged: set[str] = field(default_factory=set)
    refused: int = 0  # 4xx/5xx answers: not acknowledged, fine either way
    cut: int = 0  # no answer (connection dropped by the kill)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _token(url: str) -> str:
    settings = Settings(config_dir=REPO_ROOT / "config")
    core = open_core(settings, database_url=url)
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    with transaction(core.factory) as session:
        accounts.add_account(
            session,
            core.community,
            username="bench",
            password="correct horse battery",
            role="community",
            now=now,
        )
        account = accounts.get_account(session, "bench")
        token = tokens.issue_token(session, account, "bench", now)
    core.engine.dispose()
    return token


def _start(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    out = log.open("ab")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run", "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            raise SystemExit(f"hongqiao run exited with {process.returncode}; see {log}")
        time.sleep(0.2)
    process.kill()
    raise SystemExit(f"hongqiao run did not answer /healthz within {START_TIMEOUT} s; see {log}")


def _client(
    number: int,
    round_no: int,
    port: int,
    token: str,
    stop: threading.Event,
    tally: Tally,
    once: bool = False,
) -> None:
    rng = random.Random(round_no * 100 + number)
    sent = 0
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
        while once or not stop.is_set():
            once = False
            marker = f"R{round_no}C{number}N{sent}"
            sent += 1
            data = {
                "api_key": token,
                "service_code": "maintenance",
                "description": f"{rng.choice(WORDS)} {marker}",
                "address_string": rng.choice(PLACES),
            }
            try:
                answer = http.post("/open311/v2/requests.json", data=data)
            except httpx.HTTPError:
                with tally.lock:
                    tally.cut += 1
                return  # the server is gone
            with tally.lock:
                if 200 <= answer.status_code < 300:
                    tally.acknowledged.add(marker)
                else:
                    tally.refused += 1


def _stored(url: str) -> set[str]:
    settings = Settings(config_dir=REPO_ROOT / "config")
    core = open_core(settings, database_url=url)
    with transaction(core.factory) as session:
        texts = list(session.scalars(select(Ticket.text)))
        texts += list(session.scalars(select(TicketFollower.text)))
    core.engine.dispose()
    found = [m for text in texts for m in MARKER.findall(text)]
    if len(found) != len(set(found)):
        raise SystemExit("a report was stored twice")
    return set(found)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="hongqiao-kill9-"))
    url = f"sqlite:///{work}/run.db"
    token = _token(url)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HONGQIAO_DATABASE_URL": url,
        "HONGQIAO_CONFIG_DIR": str(REPO_ROOT / "config"),
    }
    rng = random.Random(12)
    tally = Tally()
    print(f"{ROUNDS} rounds of {CLIENTS} clients; database {work}/run.db")
    for round_no in range(ROUNDS):
        port = free_port()
        process = _start(env, port, work / "run.log")
        # One report first, so that the burst does not wait for the classifier's first load.
        stop = threading.Event()
        warm = threading.Event()
        warm.set()
        _client(CLIENTS, round_no, port, token, warm, tally, once=True)
        threads = [
            threading.Thread(target=_client, args=(n, round_no, port, token, stop, tally))
            for n in range(CLIENTS)
        ]
        for thread in threads:
            thread.start()
        time.sleep(rng.uniform(*KILL_AFTER))
        process.kill()  # kill -9
        process.wait()
        stop.set()
        for thread in threads:
            thread.join()
        print(f"round {round_no + 1}: acknowledged so far {len(tally.acknowledged)}")
    # One more start: the database opens (and migrates) after the last kill.
    process = _start(env, free_port(), work / "run.log")
    process.terminate()
    process.wait(timeout=30)
    stored = _stored(url)
    missing = tally.acknowledged - stored
    print(
        f"acknowledged {len(tally.acknowledged)}, stored {len(stored)}, "
        f"stored but unacknowledged {len(stored - tally.acknowledged)}, "
        f"refused {tally.refused}, cut by the kill {tally.cut}, "
        f"acknowledged but missing {len(missing)}"
    )
    if missing:
        raise SystemExit(f"lost after acknowledging: {sorted(missing)[:10]}")


if __name__ == "__main__":
    main()
