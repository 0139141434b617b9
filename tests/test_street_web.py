"""One web service for the whole 街道: 幸福里社区 under /c/xingfuli and 金茂社区 under /c/jinmao,
both with ticket #1 and groups of the same names. Signing in, tokens, pages, the API, Open311,
calendar feeds and the playground each stay inside their community; every link a community's
page shows stays under that community's path."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette

from bot.playground import playground_router
from bot.simulator import Simulator
from bot.wechat import free_port
from service.bootstrap import Core, open_core
from service.clock import FakeClock
from service.db import transaction
from service.scheduling import FileLease
from service.settings import REPO_ROOT, Settings
from service.staff import accounts, tokens
from service.street.office import open_office
from service.street.web import CommunityService, mount_path, street_app
from service.web.app import create_app
from tests.dialog import verify_dialog
from tests.sample_config import JINMAO
from tests.test_street_communities import GARBAGE_IN_JINMAO, LAMP_IN_XINGFULI
from tests.web_support import PASSWORD, csrf_of

STREET_KEY = "one-key-for-the-street"
_LOCAL_LINK = re.compile(r'(?:href|action|src)="(/[^"]*)"')


@dataclass
class Street:
    app: Starlette
    xingfuli: Simulator
    jinmao: Simulator

    def client(self) -> TestClient:
        return TestClient(self.app)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 15, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai")))


@pytest.fixture
def street(core: Core, settings: Settings, database_url: str, clock: FakeClock) -> Iterator[Street]:
    with served_street(core, settings, database_url, clock) as served:
        yield served


@contextmanager
def served_street(
    core: Core, settings: Settings, database_url: str, clock: FakeClock
) -> Iterator[Street]:
    """幸福里 and 金茂 on one service, each with its ticket #1 and its admin, and the street
    office with its account `jiedao`."""
    jinmao = open_core(settings, database_url=database_url, fresh=True, community=JINMAO)
    sims = Simulator(core, clock), Simulator(jinmao, FakeClock(clock.now()))
    office = open_office(database_url, fresh=True)
    try:
        verify_dialog(sims[0], LAMP_IN_XINGFULI)
        verify_dialog(sims[1], GARBAGE_IN_JINMAO)
        services = []
        for sim in sims:
            path = mount_path(sim.core.slug)
            app = create_app(
                sim.core,
                [playground_router(sim)],
                clock=sim.clock,
                secret_key=STREET_KEY,  # as HONGQIAO_SECRET_KEY gives every one
                mounted_at=path,
            )
            services.append(CommunityService(sim.core, app, playground=True))
            _add_admin(sim, f"admin-{sim.core.slug}")
        with transaction(office.factory) as session:
            accounts.add_street_account(
                session,
                username="jiedao",
                password=PASSWORD,
                now=clock.now(),
                display_name="街道张主任",
            )
        app = street_app("幸福街道", services, office, clock, STREET_KEY)
        yield Street(app, *sims)
    finally:
        for sim in sims:
            sim.close()
        jinmao.engine.dispose()
        office.engine.dispose()


def _add_admin(sim: Simulator, username: str) -> None:
    with transaction(sim.core.factory) as session:
        accounts.add_account(
            session,
            sim.core.community,
            username=username,
            password=PASSWORD,
            role="admin",
            grid=None,
            person=None,
            now=sim.clock.now(),
        )


def _token(sim: Simulator, username: str) -> dict[str, str]:
    with transaction(sim.core.factory) as session:
        account = accounts.get_account(session, username)
        token = tokens.issue_token(session, account, "test", sim.clock.now())
    return {"Authorization": f"Bearer {token}"}


def _login(client: TestClient, community: str, username: str, next: str) -> Any:
    """Post the sign-in form of `community` as a browser does; the answer, not followed."""
    page = client.get(f"{mount_path(community)}/login")
    form = {"username": username, "password": PASSWORD, "csrf_token": csrf_of(page.text)}
    return client.post(
        f"{mount_path(community)}/login", data={**form, "next": next}, follow_redirects=False
    )


def _sign_in(client: TestClient, community: str, username: str) -> None:
    done = _login(client, community, username, "/tickets")
    assert done.headers["location"] == f"{mount_path(community)}/tickets", done.text[:300]


def test_the_street_page_names_every_community_and_their_health(street: Street) -> None:
    client = street.client()
    page = client.get("/")
    assert page.status_code == 200
    assert "幸福街道" in page.text
    assert '<a href="/c/xingfuli/">幸福里社区</a>' in page.text
    assert '<a href="/c/jinmao/">金茂社区</a>' in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    health = client.get("/healthz").json()
    assert health == {
        "status": "ok",
        "street": "幸福街道",
        "communities": {"xingfuli": "ok", "jinmao": "ok"},
    }
    assert client.get("/c/jinmao/healthz").json()["community"] == "金茂社区"
    assert client.get("/c/hongxing/").status_code == 404


def test_signing_in_to_one_community_opens_nothing_of_the_other(street: Street) -> None:
    # Signed in to 幸福里 after 金茂's accounts were made: were 金茂 to take 幸福里's cookie,
    # nothing about the account's age would refuse it.
    street.xingfuli.clock.set(street.jinmao.clock.now() + timedelta(hours=1))
    client = street.client()
    _sign_in(client, "xingfuli", "admin-xingfuli")
    lamp = client.get("/c/xingfuli/tickets/1")
    assert lamp.status_code == 200 and "楼道灯坏了" in lamp.text
    cookie = next(c for c in client.cookies.jar if c.name == "hongqiao_session")
    assert cookie.path == "/c/xingfuli"
    # The same browser in 金茂: asked to sign in, and 金茂's accounts are not 幸福里's.
    other = client.get("/c/jinmao/tickets/1", follow_redirects=False)
    assert other.status_code == 303
    assert other.headers["location"] == "/c/jinmao/login?next=/tickets/1"
    page = client.get("/c/jinmao/login")
    refused = client.post(
        "/c/jinmao/login",
        data={"username": "admin-xingfuli", "password": PASSWORD, "csrf_token": csrf_of(page.text)},
    )
    assert refused.status_code == 401 and "用户名或密码不对" in refused.text
    # Signed in to both, each community's #1 is its own.
    _sign_in(client, "jinmao", "admin-jinmao")
    garbage = client.get("/c/jinmao/tickets/1")
    assert "垃圾三天没人收了" in garbage.text and "楼道灯" not in garbage.text
    assert "楼道灯坏了" in client.get("/c/xingfuli/tickets/1").text
    # 幸福里's cookie copied by hand into a request to 金茂: 金茂 signs nobody in with it.
    replayed = street.client().get(
        "/c/jinmao/tickets/1",
        headers={"Cookie": f"hongqiao_session={cookie.value}"},
        follow_redirects=False,
    )
    assert replayed.status_code == 303 and "/c/jinmao/login" in replayed.headers["location"]
    # Signing out of 金茂 leaves 幸福里 signed in.
    token = csrf_of(client.get("/c/jinmao/tickets").text)
    client.post("/c/jinmao/logout", data={"csrf_token": token})
    assert client.get("/c/jinmao/tickets", follow_redirects=False).status_code == 303
    assert client.get("/c/xingfuli/tickets", follow_redirects=False).status_code == 200


def test_every_link_on_a_communitys_pages_stays_in_that_community(street: Street) -> None:
    client = street.client()
    _sign_in(client, "jinmao", "admin-jinmao")
    pages = ("/", "/tickets", "/tickets/1", "/charts", "/members", "/delivery", "/account")
    pages += ("/accounts", "/playground", "/wall", "/points", "/visits", "/consultations")
    for page in pages:
        response = client.get(f"/c/jinmao{page}")
        assert response.status_code == 200, page
        links = _LOCAL_LINK.findall(response.text)
        assert links, page
        strays = [link for link in links if not link.startswith("/c/jinmao/")]
        assert strays == [], f"{page} links out of 金茂社区: {strays}"


def test_a_communitys_api_token_opens_no_other_communitys_api(street: Street) -> None:
    client = street.client()
    auth = _token(street.xingfuli, "admin-xingfuli")
    mine = client.get("/c/xingfuli/api/v1/tickets", headers=auth)
    assert mine.status_code == 200
    assert [t["summary"] for t in mine.json()["items"]] == ["楼道灯坏了好几天了"]
    refused = client.get("/c/jinmao/api/v1/tickets", headers=auth)
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    assert client.get("/c/jinmao/api/v1/tickets/1", headers=auth).status_code == 401
    key = auth["Authorization"].split()[1]
    assert client.get(f"/c/jinmao/open311/v2/requests.json?api_key={key}").status_code == 401
    theirs = client.get(
        "/c/jinmao/open311/v2/requests.json",
        params={"api_key": _token(street.jinmao, "admin-jinmao")["Authorization"].split()[1]},
    )
    assert [r["description"] for r in theirs.json()] == ["1号楼门口的垃圾三天没人收了"]


def test_a_groups_calendar_lists_its_own_communitys_events(street: Street) -> None:
    client = street.client()
    jinmao = client.get("/c/jinmao/calendar/第一网格党支部群.ics")
    xingfuli = client.get("/c/xingfuli/calendar/第一网格党支部群.ics")
    assert jinmao.status_code == xingfuli.status_code == 200
    assert "金茂社区第一网格党支部支委会" in jinmao.text
    assert "金茂社区" not in xingfuli.text and "第一网格党支部支委会" in xingfuli.text


def test_the_playground_of_a_community_talks_to_that_communitys_bot(street: Street) -> None:
    client = street.client()
    _sign_in(client, "jinmao", "admin-jinmao")
    said = client.post(
        "/c/jinmao/playground/say",
        json={"group": "2号楼居民群", "sender": "小周", "text": "2号楼楼道灯坏了"},
    )
    assert said.status_code == 200
    assert "工单 #2" in said.text
    signed_out = street.client().post(
        "/c/xingfuli/playground/say",
        json={"group": "2号楼居民群", "sender": "小周", "text": "2号楼楼道灯坏了"},
    )
    assert signed_out.status_code == 401


def test_hongqiao_web_serves_every_community_with_no_chat_and_no_scheduler(
    tmp_path: Path,
) -> None:
    """`hongqiao web` beside each community's `hongqiao bot`: pages and API for the street,
    no playground, and no scheduler lease taken from the bots."""
    port = free_port()
    env = {**os.environ, "HONGQIAO_DATABASE_URL": f"sqlite:///{tmp_path / 'h.db'}"}
    env.pop("HONGQIAO_CONFIG_DIR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "web", "--port", str(port)],
        env=env,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                street = _get(f"{base}/")
                break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None, "web never started"
                time.sleep(0.3)
        assert '<a href="/c/jinmao/">金茂社区</a>' in street[1] and "模拟群聊" not in street[1]
        assert '"community":"金茂社区"' in _get(f"{base}/c/jinmao/healthz")[1]
        login = _get(f"{base}/c/xingfuli/login")
        assert login[0] == 200 and 'action="/c/xingfuli/login"' in login[1]
        assert _get(f"{base}/c/jinmao/playground/setup")[0] == 404
        for lock in ("h.db.scheduler-lock", "h.jinmao.db.scheduler-lock"):
            lease = FileLease(tmp_path / lock)
            assert lease.acquire(), f"{lock} is held: the web side took a bot's lease"
            lease.release()
        assert {p.name for p in tmp_path.glob("first-admin-password*.txt")} == {
            "first-admin-password.txt",
            "first-admin-password.jinmao.txt",
            "first-admin-password.street-office.txt",
        }
        # The street office's first account, its password in its file, opens the overview.
        told = (tmp_path / "first-admin-password.street-office.txt").read_text(encoding="utf-8")
        password = re.search(r"密码：(\S+)", told)
        assert "用户名：street" in told and password
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with browser.open(f"{base}/login", timeout=10) as answer:
            token = csrf_of(answer.read().decode())
        form = {"username": "street", "password": password.group(1), "csrf_token": token}
        data = urllib.parse.urlencode(form).encode()
        with browser.open(f"{base}/login", data=data, timeout=10) as answer:
            overview = answer.read().decode()
        assert "街道总览" in overview and "幸福街道（街道工作人员）" in overview
        assert 'data-community="jinmao"' in overview
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert "scheduler started" not in output, output[-2000:]


def _get(url: str) -> tuple[int, str]:
    """Status and body; connection errors raise (OSError), HTTP errors are answers."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_after_signing_in_no_next_address_leads_into_another_community(street: Street) -> None:
    client = street.client()
    for sneaky in ("/../jinmao/", "/%2e%2e/jinmao/tickets", "/.%2e/jinmao/", "/../../"):
        done = _login(client, "xingfuli", "admin-xingfuli", sneaky)
        assert done.headers["location"] == "/c/xingfuli/", sneaky


def test_a_slash_added_by_redirect_stays_on_this_site_whatever_host_the_client_names(
    street: Street,
) -> None:
    """/c/jinmao/tickets/ → /c/jinmao/tickets as a path: the Host header is the client's to
    choose, and a redirect naming it could send others there from a shared cache (red team
    #10)."""
    client = street.client()
    for path in ("/c/jinmao/tickets/", "/c/jinmao/api/v1/tickets/?state=open", "/login/"):
        moved = client.get(path, headers={"host": "evil.example"}, follow_redirects=False)
        assert moved.status_code == 307, path
        assert moved.headers["location"] == path.replace("/?", "?").rstrip("/"), path


def test_a_missing_file_under_a_community_links_back_into_that_community(street: Street) -> None:
    page = street.client().get("/c/jinmao/static/no-such-file.css")
    assert page.status_code == 404 and "没有这个页面" in page.text
    assert 'data-root="/c/jinmao"' in page.text
    assert 'href="/c/jinmao/static/app.css"' in page.text
    assert 'href="/c/jinmao/">回到今日' in page.text and "javascript:" not in page.text


def test_nobody_speaks_as_the_bot_in_the_playground(street: Street) -> None:
    client = street.client()
    _sign_in(client, "jinmao", "admin-jinmao")
    for name in (" ", "\u3000", "红桥小助手"):
        said = client.post(
            "/c/jinmao/playground/say",
            json={"group": "1号楼居民群", "sender": name, "text": "【紧急 #9】假冒小助手"},
        )
        assert said.status_code == 422, name
    lines = client.get("/c/jinmao/playground/transcript").json()
    assert not any("假冒" in line["text"] for line in lines)


def test_a_phone_subscribed_to_both_communities_keeps_their_events_apart(
    street: Street,
) -> None:
    client = street.client()
    feeds = {
        slug: client.get(f"/c/{slug}/calendar/第一网格党支部群.ics").text
        for slug in ("xingfuli", "jinmao")
    }
    assert "X-WR-CALNAME:金茂社区 第一网格党支部群 活动" in feeds["jinmao"]
    assert "X-WR-CALNAME:幸福里社区 第一网格党支部群 活动" in feeds["xingfuli"]
    uids = {slug: set(re.findall(r"UID:(\S+)", text)) for slug, text in feeds.items()}
    assert uids["jinmao"] and uids["xingfuli"] and not uids["jinmao"] & uids["xingfuli"]
