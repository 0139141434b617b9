"""40 concurrent bogus logins against a running `hongqiao run` while a signed-in user lists
tickets: no 5xx, ticket list p95 < 1 s (issue #12, item 10).

Two rounds: every guess from one address (the slowdown answers most of them without a password
check), then from many addresses (X-Forwarded-For, which uvicorn trusts from 127.0.0.1), so
each guess costs a full argon2 check. Usage:

    .venv/bin/python bench/bench_login_storm.py [--seconds 15] [--db URL]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx2

from service.settings import REPO_ROOT

ATTACKERS = 40
LIST_TARGET_P95 = 1.0
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
HONGQIAO = Path(sys.executable).with_name("hongqiao")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _csrf(client: httpx2.Client) -> str:
    match = _CSRF.search(client.get("/login").text)
    assert match, "no CSRF token on /login"
    return match.group(1)


def _sign_in(base: str, username: str, password: str) -> httpx2.Client:
    client = httpx2.Client(base_url=base, timeout=30)
    response = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": _csrf(client)},
        follow_redirects=True,
    )
    assert response.url.path == "/", f"could not sign in: {response.status_code}"
    return client


def _storm(base: str, seconds: float, spread: bool, attackers: int) -> dict[str, object]:
    stop = threading.Event()
    statuses: Counter[int] = Counter()
    lock = threading.Lock()

    def attacker(n: int) -> None:
        with httpx2.Client(base_url=base, timeout=60) as client:
            i = 0
            token = _csrf(client)  # one form, many guesses, as a script would
            while not stop.is_set():
                i += 1
                headers = {"X-Forwarded-For": f"10.{n}.{i // 250 % 250}.{i % 250 + 1}"}
                try:
                    r = client.post(
                        "/login",
                        data={
                            "username": f"bogus{n}-{i}",
                            "password": "guess",
                            "csrf_token": token,
                        },
                        headers=headers if spread else None,
                    )
                    status = r.status_code
                except httpx2.HTTPError:
                    status = 0  # no answer at all
                with lock:
                    statuses[status] += 1

    return {
        "stop": stop,
        "statuses": statuses,
        "threads": [
            threading.Thread(target=attacker, args=(n,), daemon=True) for n in range(attackers)
        ],
    }


def _round(base: str, viewer: httpx2.Client, seconds: float, spread: bool | None) -> bool:
    """spread None: no attackers at all (the baseline on this machine now)."""
    storm = _storm(base, seconds, bool(spread), ATTACKERS if spread is not None else 0)
    threads: list[threading.Thread] = storm["threads"]  # type: ignore[assignment]
    for thread in threads:
        thread.start()
    time.sleep(1.0)  # let the storm build up
    times: list[float] = []
    list_statuses: Counter[int] = Counter()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        start = time.perf_counter()
        try:
            status = viewer.get("/tickets?state=open").status_code
        except httpx2.HTTPError:
            status = 0
        times.append(time.perf_counter() - start)
        list_statuses[status] += 1
        time.sleep(0.05)
    storm["stop"].set()  # type: ignore[attr-defined]
    for thread in threads:
        thread.join(timeout=60)
    logins: Counter[int] = storm["statuses"]  # type: ignore[assignment]
    p95 = statistics.quantiles(times, n=20)[18] if len(times) >= 20 else max(times)
    five_xx = sum(n for s, n in (logins + list_statuses).items() if s >= 500 or s == 0)
    label = {None: "no attackers", False: "one source", True: "many sources"}[spread]
    print(
        f"{label}: {sum(logins.values())} bogus logins in {seconds:.0f} s "
        f"by {len(threads)} clients "
        f"{dict(sorted(logins.items()))}; ticket list {len(times)} requests "
        f"{dict(sorted(list_statuses.items()))}, p50 {statistics.median(times) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {max(times) * 1000:.0f} ms; 5xx or no answer: {five_xx}"
    )
    return five_xx == 0 and p95 < LIST_TARGET_P95 and set(list_statuses) <= {200}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        env = {
            **os.environ,
            "HONGQIAO_DATABASE_URL": args.db or f"sqlite:///{Path(tmp) / 'storm.db'}",
            "HONGQIAO_PORT": str(port),
            "HONGQIAO_LOG_LEVEL": "WARNING",
        }
        env.pop("WECHATY_PUPPET_SERVICE_TOKEN", None)
        made = subprocess.run(
            [str(HONGQIAO), "user", "add", "viewer", "--role", "community", "--generate"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO_ROOT,
        )
        password = made.stdout.splitlines()[0].split("：")[-1].strip()
        server = subprocess.Popen(
            [str(HONGQIAO), "run"],
            env=env,
            cwd=REPO_ROOT,
            stdout=subprocess.DEVNULL,
            stderr=open(Path(tmp) / "server.log", "w"),  # noqa: SIM115
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx2.get(f"{base}/healthz", timeout=2).status_code == 200:
                        break
                except httpx2.HTTPError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    print("hongqiao run did not start", file=sys.stderr)
                    return 1
                time.sleep(0.3)
            viewer = _sign_in(base, "viewer", password)
            for text in ("3号楼2单元楼道灯坏了", "5号楼电梯又坏了", "4号楼楼上太吵了"):
                viewer.post(
                    "/playground/say",
                    json={"group": text[0] + "号楼居民群", "sender": "张阿姨", "text": text},
                )
            _round(base, viewer, args.seconds, spread=None)
            ok = _round(base, viewer, args.seconds, spread=False)
            ok = _round(base, viewer, args.seconds, spread=True) and ok
        finally:
            server.terminate()
            server.wait(timeout=30)
        print("OK" if ok else "FAILED: a 5xx, no answer, or ticket list p95 >= 1 s")
        return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
