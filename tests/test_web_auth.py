"""Signing in: passwords, slowing down guessing, expiring sessions, CSRF, the first admin."""

from __future__ import annotations

import argparse
import io
from datetime import timedelta

import pytest

from bot.simulator import Simulator
from service.clock import FakeClock
from service.staff import cli as staff_cli
from service.staff.cli import first_admin_banner
from tests.web_support import PASSWORD, csrf_of, make_web, sign_in


def test_wrong_password_is_refused_and_repeated_guesses_are_slowed(
    sim: Simulator, clock: FakeClock
) -> None:
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    client = web.client()
    first = sign_in(client, "wang", "wrong password")
    assert first.status_code == 401 and "用户名或密码不对" in first.text
    unknown = sign_in(client, "nobody", "wrong password")
    assert "用户名或密码不对" in unknown.text  # no hint which of the two was wrong
    assert sign_in(client, "no\x00body", "x").status_code == 401  # NUL: refused, not a crash
    sign_in(client, "wang", "wrong again")
    third = sign_in(client, "wang", "and again")
    assert "30 秒后再试" in third.text
    # While slowed down even the right password is turned away …
    locked = sign_in(client, "wang", PASSWORD)
    assert locked.status_code == 401 and "后再试" in locked.text
    # … and after the wait it works.
    clock.advance(timedelta(seconds=31))
    assert sign_in(client, "wang", PASSWORD).url.path == "/"


def test_pages_need_a_session_that_expires(sim: Simulator, clock: FakeClock) -> None:
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    anonymous = web.client().get("/tickets?state=open")
    assert anonymous.url.path == "/login" and "next=/tickets" in str(anonymous.url)
    client = web.login("wang")
    assert "今日概况" in client.get("/").text
    clock.advance(timedelta(hours=13))
    expired = client.get("/")
    assert expired.url.path == "/login" and "登录已过期" in expired.text


def test_changing_a_password_ends_old_sessions(sim: Simulator, clock: FakeClock) -> None:
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    client = web.login("wang")
    clock.advance(timedelta(minutes=1))
    args = argparse.Namespace(user_command="passwd", username="wang", generate=True)
    out = io.StringIO()
    assert staff_cli.run(args, sim.core, clock, out=out) == 0
    assert client.get("/").url.path == "/login"
    new_password = out.getvalue().splitlines()[0].split("：")[-1].strip()
    assert web.login("wang", new_password)


def test_forms_without_the_csrf_token_are_refused(sim: Simulator) -> None:
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    client = web.login("wang")
    forged = client.post("/tickets/1/claim", data={})
    assert forged.status_code == 403 and "请刷新页面后重试" in forged.text
    wrong = client.post("/logout", data={"csrf_token": "guess"})
    assert wrong.status_code == 403
    login_page = web.client().get("/login")
    assert (
        web.client().post("/login", data={"username": "wang", "password": PASSWORD}).status_code
        == 403
    )
    assert csrf_of(login_page.text)


def test_login_never_redirects_to_another_site(sim: Simulator) -> None:
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    client = web.client()
    page = client.get("/login?next=//evil.example/x")
    response = client.post(
        "/login",
        data={
            "username": "wang",
            "password": PASSWORD,
            "csrf_token": csrf_of(page.text),
            "next": "https://evil.example/",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_playground_needs_login_once_accounts_exist(sim: Simulator) -> None:
    web = make_web(sim)
    assert web.client().get("/playground/setup").status_code == 200  # bare developer setup
    web.add_staff("wang", "community", person="王书记")
    assert web.client().get("/playground").url.path == "/login"
    assert web.login("wang").get("/playground/setup").status_code == 200


def test_first_admin_gets_a_generated_password_once(sim: Simulator, clock: FakeClock) -> None:
    banner = first_admin_banner(sim.core, clock)
    assert banner is not None and "admin" in banner
    password = banner.split("密码：")[-1].strip()
    assert len(password) >= 12
    assert first_admin_banner(sim.core, clock) is None  # never again, never reset
    web = make_web(sim)
    client = web.login("admin", password)
    assert "王书记" in client.get("/").text  # the config admin, so chat sees a known name


@pytest.mark.parametrize("bad", ["", "a", "x" * 65, "王书记", "a b", "<script>"])
def test_user_add_rejects_bad_usernames(sim: Simulator, clock: FakeClock, bad: str) -> None:
    args = argparse.Namespace(
        user_command="add",
        username=bad,
        role="community",
        grid=None,
        person=None,
        name=None,
        generate=True,
    )
    assert staff_cli.run(args, sim.core, clock, out=io.StringIO()) == 1


def test_user_add_list_and_grid_staff_need_a_grid(sim: Simulator, clock: FakeClock) -> None:
    def add(**kw: object) -> int:
        base = dict(
            user_command="add",
            username="li",
            role="grid",
            grid=1,
            person="李网格长",
            name=None,
            generate=True,
        )
        return staff_cli.run(
            argparse.Namespace(**{**base, **kw}), sim.core, clock, out=io.StringIO()
        )

    assert add(grid=None) == 1
    assert add(grid=9) == 1
    assert add(person="不存在的人") == 1
    assert add() == 0
    assert add() == 1  # taken
    out = io.StringIO()
    staff_cli.run(argparse.Namespace(user_command="list"), sim.core, clock, out=out)
    assert "li\tgrid grid=1 person=李网格长" in out.getvalue()


def test_user_passwd_refuses_short_or_mismatched_passwords(
    sim: Simulator, clock: FakeClock
) -> None:
    web = make_web(sim)
    web.add_staff("wang", "community")
    args = argparse.Namespace(user_command="passwd", username="wang", generate=False)
    answers = iter(["short", "short"])
    assert (
        staff_cli.run(args, sim.core, clock, out=io.StringIO(), prompt=lambda _: next(answers)) == 1
    )
    answers = iter(["a long password 1", "a long password 2"])
    assert (
        staff_cli.run(args, sim.core, clock, out=io.StringIO(), prompt=lambda _: next(answers)) == 1
    )
    assert web.login("wang")  # the old password still works
