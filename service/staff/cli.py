"""`hongqiao user add|passwd|list|token`: manage dashboard accounts from the terminal."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session, sessionmaker

from service.bootstrap import Core
from service.clock import Clock
from service.db import transaction
from service.errors import DomainError
from service.settings import REPO_ROOT
from service.staff import accounts, admin, tokens
from service.street.config import COMMUNITY_HELP
from service.street.office import Office

FIRST_ADMIN_FILE = "first-admin-password.txt"


def first_admin_file(database_url: str, slug: str | None = None) -> Path:
    """Beside the SQLite database (data/ by default); data/ for any other database. A community
    other than the street's first has its own (first-admin-password.jinmao.txt)."""
    name = FIRST_ADMIN_FILE if slug is None else FIRST_ADMIN_FILE.replace(".txt", f".{slug}.txt")
    if database_url.startswith("sqlite:///"):
        return Path(database_url.removeprefix("sqlite:///")).parent / name
    return REPO_ROOT / "data" / name


PasswordPrompt = Callable[[str], str]
STREET_HELP = "the street office's accounts (they read the street's overview), not a community's"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    user = sub.add_parser("user", help="manage staff accounts of the dashboard")
    user.add_argument("--community", help=COMMUNITY_HELP)
    user.add_argument("--street", action="store_true", help=STREET_HELP)
    actions = user.add_subparsers(dest="user_command", required=True)
    add = actions.add_parser("add", help="create an account (the password is asked for)")
    add.add_argument("username")
    add.add_argument("--role", choices=accounts.ROLES, help="default: community")
    add.add_argument("--grid", type=int, help="grid number, for --role grid")
    add.add_argument("--person", help="the person of the community's community.yaml it is")
    add.add_argument("--name", help="name shown on the dashboard")
    add.add_argument("--generate", action="store_true", help="generate and print a password")
    passwd = actions.add_parser("passwd", help="set a new password")
    passwd.add_argument("username")
    passwd.add_argument("--generate", action="store_true", help="generate and print a password")
    actions.add_parser("list", help="list accounts")
    for verb, what in (("disable", "stop an account signing in"), ("enable", "let it again")):
        actions.add_parser(verb, help=what).add_argument("username")
    token = actions.add_parser("token", help="create an API token for an account")
    token.add_argument("username")
    token.add_argument("--label", default="cli")
    for action in actions.choices.values():
        # also after the action (`user add NAME --community jinmao`), as every other command
        action.add_argument("--community", help=COMMUNITY_HELP, default=argparse.SUPPRESS)
        action.add_argument(
            "--street", action="store_true", help=STREET_HELP, default=argparse.SUPPRESS
        )


def _password(args: argparse.Namespace, prompt: PasswordPrompt, out: TextIO) -> str | None:
    if args.generate:
        password = accounts.generate_password()
        print(f"生成的密码（只显示这一次）：{password}", file=out)
        return password
    first = prompt("新密码：")
    if first != prompt("再输一次：") or not first:
        print("两次输入的密码不一致。", file=sys.stderr)
        return None
    return first


def run(
    args: argparse.Namespace,
    core: Core,
    clock: Clock,
    out: TextIO | None = None,
    prompt: PasswordPrompt = getpass.getpass,
) -> int:
    def add(session: Session, password: str, now: datetime) -> str:
        role = getattr(args, "role", None) or "community"
        accounts.add_account(
            session,
            core.community,
            username=args.username,
            password=password,
            role=role,
            now=now,
            display_name=args.name,
            grid=args.grid,
            person=args.person,
        )
        return admin.role_words(role, args.grid)

    return _manage(args, core.factory, add, clock, out or sys.stdout, prompt)


def run_street(
    args: argparse.Namespace,
    office: Office,
    clock: Clock,
    out: TextIO | None = None,
    prompt: PasswordPrompt = getpass.getpass,
) -> int:
    """`hongqiao user --street …`: the street office's accounts, which read the street's
    overview and nothing else (no role, grid, person or API token)."""
    extra = [f"--{k}" for k in ("role", "grid", "person") if getattr(args, k, None) is not None]
    if args.user_command == "token" or extra:
        what = "API tokens" if args.user_command == "token" else " ".join(extra)
        refusal = f"hongqiao user: 街道账户只能查看街道总览。(no {what} for street accounts)"
        print(refusal, file=sys.stderr)
        return 1

    def add(session: Session, password: str, now: datetime) -> str:
        accounts.add_street_account(
            session, username=args.username, password=password, now=now, display_name=args.name
        )
        return admin.role_words(accounts.STREET_ROLE, None)

    return _manage(args, office.factory, add, clock, out or sys.stdout, prompt)


def _manage(
    args: argparse.Namespace,
    factory: sessionmaker[Session],
    add: Callable[[Session, str, datetime], str],
    clock: Clock,
    out: TextIO,
    prompt: PasswordPrompt,
) -> int:
    try:
        with transaction(factory) as session:
            now = clock.now()
            if args.user_command == "list":
                for a in accounts.list_accounts(session):
                    grid = f" grid={a.grid}" if a.grid else ""
                    person = f" person={a.person}" if a.person else ""
                    state = "" if a.active else " (disabled)"
                    print(
                        f"{a.username}\t{a.role}{grid}{person}\t{a.display_name}{state}", file=out
                    )
                return 0
            if args.user_command in ("disable", "enable"):
                enable = args.user_command == "enable"
                admin.set_active(session, admin.TERMINAL, args.username, enable, now)
                done = "。" if enable else "，用它登录的页面也已退出。"
                print(f"已{'启用' if enable else '停用'}账户 {args.username}{done}", file=out)
                return 0
            if args.user_command == "token":
                account = accounts.get_account(session, args.username)
                print(tokens.issue_token(session, account, args.label, now), file=out)
                return 0
            if args.user_command == "passwd":
                accounts.get_account(session, args.username)  # an unknown name, before a password
            password = _password(args, prompt, out)
            if password is None:
                return 1
            if args.user_command == "add":
                words = add(session, password, now)
                admin.record(session, admin.TERMINAL, args.username, "added", now, words)
                print(f"已创建账户 {args.username}。", file=out)
            else:
                accounts.set_password(session, args.username, password, now)
                admin.record(session, admin.TERMINAL, args.username, "password_reset", now)
                print(f"已为 {args.username} 设置新密码。", file=out)
            return 0
    except DomainError as exc:
        print(f"hongqiao user: {exc.user_message} ({exc.detail})", file=sys.stderr)
        return 1


def first_admin_banner(core: Core, clock: Clock) -> str | None:
    """Create the first admin on an empty database; the banner shows its password once."""
    with transaction(core.factory) as session:
        password = accounts.ensure_first_admin(session, core.community, clock.now())
    if password is None:
        return None
    return (
        "已创建第一个管理员账户（密码只显示这一次，请登录后妥善保存）：\n"
        f"  用户名：admin\n  密码：{password}"
    )


def show_first_admin(
    banner: str, out: TextIO, path: Path, account: str = "第一个管理员账户 admin"
) -> None:
    """The first admin's password on a terminal only: when `out` is not one (a service
    manager's log, a container's output), it goes to `path`, readable by this user alone."""
    if out.isatty():
        print(banner, file=out)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # also when the file was there before
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(banner + "\n")
    print(
        f"已创建{account}，密码写在 {path}（只有本用户可读），登录后请删除该文件。",
        file=out,
    )
