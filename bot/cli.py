"""The `hongqiao` command."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import os
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from service.clock import FakeClock, SystemClock
from service.community import ConfigError
from service.settings import Settings, get_settings
from service.street.config import COMMUNITY_HELP, Street, load_street

OFFICE_FILE_HELP = "the street office's accounts (SQLite keeps them in a file of their own)"

if TYPE_CHECKING:
    from bot.simulator import Simulator
    from service.bootstrap import Core
    from service.street.web import CommunityService

log = logging.getLogger("hongqiao")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["classify"]:
        # classify owns its options (--eval FILE); argparse's REMAINDER would not pass them on.
        return _classify(args_list[1:])
    parser = argparse.ArgumentParser(prog="hongqiao", description="Hongqiao community bot")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run", help="start the service: on WeChat when the puppet token is set, else simulator"
    )
    run.add_argument("--host", default=None)
    run.add_argument("--port", type=int, default=None)
    run.add_argument("--community", help=COMMUNITY_HELP)

    web = sub.add_parser(
        "web",
        help="the web side only (dashboards, API, Open311) of every community of the street, "
        "or of --community; the bots run as `hongqiao bot`, one per community",
    )
    web.add_argument("--host", default=None)
    web.add_argument("--port", type=int, default=None)
    web.add_argument("--community", help=COMMUNITY_HELP + " (default: every community)")

    shell = sub.add_parser("shell", help="talk to the bot in the terminal")
    shell.add_argument("--script", type=Path, help="run GROUP | SENDER | TEXT lines from a file")
    shell.add_argument(
        "--echo", action="store_true", help="print each script message before the bot's replies"
    )
    shell.add_argument(
        "--db", help="database URL or SQLite file path (default: the same as `make run`)"
    )
    shell.add_argument("--fresh", action="store_true", help="start from an empty database")
    shell.add_argument("--community", help=COMMUNITY_HELP)

    sub.add_parser("migrate", help="apply database migrations")

    backup = sub.add_parser("backup", help="copy the whole database to a file while it runs")
    backup.add_argument("file", type=Path)
    backup.add_argument("--db", help="database URL or SQLite file path (default: as `make run`)")
    backup.add_argument("--community", help=COMMUNITY_HELP + "; SQLite keeps each in its file")
    backup.add_argument("--street", action="store_true", help=OFFICE_FILE_HELP)
    restore = sub.add_parser("restore", help="put a backup file into an empty database")
    restore.add_argument("file", type=Path)
    restore.add_argument("--db", help="database URL or SQLite file path (default: as `make run`)")
    restore.add_argument("--community", help=COMMUNITY_HELP + "; SQLite keeps each in its file")
    restore.add_argument("--street", action="store_true", help=OFFICE_FILE_HELP)
    restore.add_argument(
        "--replace", action="store_true", help="overwrite a database that already has tickets"
    )

    from service.staff import cli as staff_cli

    staff_cli.add_parser(sub)
    bot = sub.add_parser("bot", help="run the bot on WeChat through a Wechaty puppet service")
    bot.add_argument("--community", help=COMMUNITY_HELP)
    # Started by a street worker holding the community's lease for it (bot/live.py run_worker).
    bot.add_argument("--led", action="store_true", help=argparse.SUPPRESS)

    staff = sub.add_parser("staff", help="staff identity on WeChat")
    staff_sub = staff.add_subparsers(dest="staff_command", required=True)
    staff_code = staff_sub.add_parser("code", help="print a one-time code binding NAME's WeChat")
    staff_code.add_argument(
        "name", help="a person of the community's community.yaml, or of config/street.yaml's people"
    )
    staff_code.add_argument("--community", help=COMMUNITY_HELP)

    room = sub.add_parser("room", help="chat rooms and the configured groups they are")
    room_sub = room.add_subparsers(dest="room_command", required=True)
    room_bind = room_sub.add_parser("bind", help="bind a WeChat room id to a configured group")
    room_bind.add_argument("room_id", help="the room's id, e.g. 123@chatroom")
    room_bind.add_argument("group", help="a group name or the words of 绑定 (3号楼党小组, 物业)")
    room_bind.add_argument("--community", help=COMMUNITY_HELP)

    sub.add_parser("classify", help="classify JSON lines from stdin (--eval FILE: evaluate)")

    lexicon = sub.add_parser("lexicon", help="the classifier's lexicon and what staff corrected")
    lexicon_sub = lexicon.add_subparsers(dest="lexicon_command", required=True)
    listed = lexicon_sub.add_parser("corrections", help="list staff corrections of readings")
    listed.add_argument(
        "--db", help="database URL or SQLite file path (default: HONGQIAO_DATABASE_URL)"
    )
    listed.add_argument("--jsonl", action="store_true", help="labelled lines for learning")

    args = parser.parse_args(args_list)
    settings = get_settings()
    _configure_logging(args.command, getattr(args, "community", None))
    try:
        if args.command == "migrate":
            from service.bootstrap import open_core

            for slug in load_street(settings.config_dir).communities:  # each in its own schema
                open_core(settings, community=slug).engine.dispose()
            print("database is up to date")
            return 0
        if args.command == "shell":
            return _shell(args)
        if args.command in {"backup", "restore"}:
            return _backup_or_restore(args)
        if args.command == "web":
            return _web(args)
        if args.command == "run":
            return _run(args)
        if args.command == "user":
            from service.bootstrap import open_core
            from service.street.office import open_office

            if args.street:
                return staff_cli.run_street(args, open_office(settings.database_url), SystemClock())
            core = open_core(settings, community=args.community)
            return staff_cli.run(args, core, SystemClock())
        if args.command == "bot":
            return _bot(args.community, args.led)
        if args.command == "staff":
            return _staff_code(args.name, args.community)
        if args.command == "room":
            return _bind_room(args.room_id, args.group, args.community)
        if args.command == "lexicon":
            return _lexicon_corrections(args)
    except ConfigError as exc:
        print(f"hongqiao: configuration error: {exc}", file=sys.stderr)
        return 2
    parser.error(f"unknown command {args.command}")
    return 2


def _classify(argv: list[str]) -> int:
    from service.understanding.cli import run_classify

    _configure_logging("classify")
    return run_classify(argv, sys.stdin, sys.stdout)


def _lexicon_corrections(args: argparse.Namespace) -> int:
    """`hongqiao lexicon corrections`: one line per correction, newest first (or --jsonl)."""
    from service.bootstrap import open_core
    from service.tickets import corrections

    core = open_core(get_settings(), database_url=_database_url(args.db))
    with core.factory() as session:
        if args.jsonl:
            for row in corrections.training_rows(session):
                print(json.dumps(row, ensure_ascii=False))
            return 0
        listed = corrections.list_corrections(session)
        for c in listed:
            when = c.at.astimezone(core.community.zone).strftime("%Y-%m-%d %H:%M")
            print(f"{when} {c.actor_name} {corrections.describe(c)}: {c.text}")
        print(f"{len(listed)} corrections")
    return 0


def _backup_or_restore(args: argparse.Namespace) -> int:
    from service.backup import BackupError, backup, restore
    from service.street.office import HOLDER
    from service.street.storage import community_url

    url = _database_url(args.db) or get_settings().database_url
    street = load_street(get_settings().config_dir)
    slug = street.default if args.community is None else args.community
    street.community_dir(slug)  # a slug the street does not list: a clear error
    sqlite = url.startswith("sqlite")
    if sqlite and args.street:
        url = community_url(url, HOLDER)
    elif sqlite and not street.is_first(slug):
        url = community_url(url, slug)  # a PostgreSQL dump holds every community's schema
    try:
        if args.command == "backup":
            count = backup(url, args.file)
            held = f" ({count} tickets)" if count >= 0 else ""
            print(f"backup written to {args.file}{held}")
            others = " / ".join(c for c in street.communities if c != slug or args.street)
            if sqlite and street.name is not None and others:
                print(
                    f"other communities have files of their own: --community {others};"
                    " the street office's accounts: --street"
                )
        else:
            count = restore(url, args.file, replace=args.replace)
            print(f"restored {args.file}: {count} tickets")
    except BackupError as exc:
        print(f"hongqiao: {exc}", file=sys.stderr)
        return 1
    return 0


def _configure_logging(command: str, community: str | None = None) -> None:
    # The shell's and classify's output is the point: keep routine logs out unless asked for.
    quiet = command in {"shell", "classify", "lexicon"} and "HONGQIAO_LOG_LEVEL" not in os.environ
    # A community's bot says whose it is: a street worker's bots write into one log.
    whose = f"[{community}] " if command == "bot" and community else ""
    logging.basicConfig(
        level="WARNING" if quiet else get_settings().log_level,
        format=f"%(asctime)s %(levelname)s {whose}%(name)s: %(message)s",
    )


def _shell(args: argparse.Namespace) -> int:
    from bot.shell import ScriptError, interactive, parse_script, run_script, start_time
    from bot.simulator import Simulator
    from service.bootstrap import open_core
    from service.outbox import last_queued_at
    from service.scheduling import SchedulerBusy

    settings = get_settings()
    core = open_core(
        settings, database_url=_database_url(args.db), fresh=args.fresh, community=args.community
    )
    if args.script is None:
        simulator = Simulator(core, SystemClock())
        asyncio.run(interactive(simulator, sys.stdin, sys.stdout))
        return 0
    try:
        lines = args.script.read_text(encoding="utf-8").splitlines()
        script = parse_script(lines, core.community)
    except OSError as exc:
        print(f"hongqiao: cannot read script {args.script}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"hongqiao: script {args.script} is not valid UTF-8", file=sys.stderr)
        return 2
    except ScriptError as exc:
        print(f"hongqiao: {args.script}: {exc}", file=sys.stderr)
        return 2
    # A script opens at its first time: no weeks of reminders replayed from the clock's default
    # start up to `@clock 2027-06-08 07:45` (day 28: December's meetings reminded in June when a
    # second script ran on the first one's database). What fell due between two scripts is
    # caught up as a restarted bot would; an `@clock` before where the database was left is
    # refused, as a clock going back is.
    start = start_time(script, ZoneInfo(core.community.timezone))
    if start is not None and not args.fresh:
        # On a database a script has filled, never before where it was left (day 31: a second
        # script in August refused because the clock began at its default 1 December).
        with core.factory() as session:
            left = last_queued_at(session) or FakeClock().now()
        start = max(start, left)
    try:
        simulator = Simulator(core, FakeClock(start))
    except SchedulerBusy as exc:
        print(f"hongqiao: {exc}; give the script its own database with --db", file=sys.stderr)
        return 2
    try:
        asyncio.run(run_script(simulator, script, sys.stdout, echo=args.echo))
    except ScriptError as exc:
        print(f"hongqiao: {args.script}: {exc}", file=sys.stderr)
        return 2
    finally:
        simulator.close()
    return 0


def _bot(community: str | None, led: bool = False) -> int:
    """One community's bot; or with no --community and the street's communities' own accounts
    set (HONGQIAO_PUPPET_TOKEN_<SLUG>), a worker sharing them with the other workers
    (service/workers.py)."""
    from bot.live import account_variables, credentials, run_bot, run_worker, street_accounts
    from service.bootstrap import open_core

    settings = get_settings()
    street = load_street(settings.config_dir)
    own = any(os.environ.get(account_variables(slug)[0]) for slug in street.communities)
    if community is None and street.several and own:
        street_accounts(street.communities, os.environ)  # fail before touching the database
        # The worker itself reads little (the street's scheduler, when it runs it): its engines
        # keep no connection, each account's bot has its own.
        cores = [open_core(settings, community=slug, pooled=False) for slug in street.communities]
        return asyncio.run(run_worker(cores, settings))
    credentials(settings)  # fail before touching the database when they are missing
    core = open_core(settings, community=community)
    return asyncio.run(run_bot(core, settings, led))


def _staff_code(name: str, community: str | None) -> int:
    from service.bootstrap import open_core
    from service.db import transaction
    from service.errors import DomainError
    from service.identity import CODE_VALIDITY, issue_code

    core = open_core(get_settings(), community=community)
    try:
        with transaction(core.factory) as session:
            code = issue_code(session, core.community, name, SystemClock().now())
    except DomainError as exc:
        print(f"hongqiao: {exc.detail}", file=sys.stderr)
        return 2
    hours = int(CODE_VALIDITY.total_seconds() // 3600)
    print(f"{name} 的认证码：{code}（{hours}小时内有效，只能用一次）")
    print(f"请{name}用自己的微信私聊小助手，发送：认证 {code}")
    return 0


def _bind_room(room_id: str, words: str, community: str | None) -> int:
    """Staff groups never bind by topic alone (service/community/rooms.py): the terminal is
    one of the ways to bind them."""
    from service.bootstrap import open_core
    from service.community.rooms import bind_room
    from service.db import transaction

    core = open_core(get_settings(), community=community)
    group = core.community.find_group(words)
    if group is None:
        print(f"hongqiao: no configured group matches {words!r}", file=sys.stderr)
        return 2
    with transaction(core.factory) as session:
        bind_room(session, room_id, group.name, "cli", SystemClock().now())
    print(f"{room_id} 已绑定为“{group.name}”。")
    return 0


def _database_url(value: str | None) -> str | None:
    """`--db` takes a SQLAlchemy URL or, as people type it, a path to a SQLite file."""
    if value is None or "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _run(args: argparse.Namespace) -> int:
    """The web service with the simulated chat: one community, or with a street of several
    and no --community, every community of the street under /c/<slug>."""
    from service.street.web import mount_path

    settings = get_settings()
    street = load_street(settings.config_dir)
    whole = args.community is None and street.several
    if settings.puppet_token and whole:
        print(
            "hongqiao run: on WeChat each community has its own account: run"
            " `hongqiao bot --community SLUG` with its token for each of"
            f" {', '.join(street.communities)}, and `hongqiao web` for the pages"
            " (docs/deployment.md); or `hongqiao run --community SLUG` for one community",
            file=sys.stderr,
        )
        return 2
    if settings.puppet_token:
        return _run_live(args)
    host = args.host or settings.host
    port = args.port or settings.port
    if whole:
        services = [
            _simulated_community(settings, slug, mount_path(slug)) for slug in street.communities
        ]
        app: Any = _street(settings, street, services)
        print(
            f"红桥已启动：{street.name} http://{host}:{port}/ ，街道总览 http://{host}:{port}/overview"
        )
        for service in services:
            base = f"http://{host}:{port}{mount_path(service.core.slug)}"
            print(
                f"  {service.core.community.name}：工作台 {base}/ ，模拟群聊 {base}/playground ，"
                f"接口文档 {base}/docs"
            )
    else:
        app = _simulated_community(settings, args.community, "").app
        base = f"http://{host}:{port}"
        print(f"红桥已启动：工作台 {base}/ ，模拟群聊 {base}/playground ，接口文档 {base}/docs")
    return _serve(app, settings, host, port)


def _web(args: argparse.Namespace) -> int:
    """The dashboards, API and Open311 with no chat and no scheduler: `hongqiao bot` leads each
    community's chat and jobs, and any number of these serve the web behind a proxy."""
    from service.bootstrap import open_core
    from service.street.web import CommunityService, mount_path
    from service.web.app import create_app

    settings = get_settings()
    street = load_street(settings.config_dir)
    whole = args.community is None and street.several
    host = args.host or settings.host
    port = args.port or settings.port
    slugs = street.communities if whole else (args.community,)
    services = []
    for slug in slugs:
        core = open_core(settings, community=slug)
        _first_admin(settings, core)
        mounted_at = mount_path(core.slug) if whole else ""
        app = create_app(
            core,
            secret_key=settings.secret_key,
            secure_cookies=settings.cookie_secure,
            mounted_at=mounted_at,
        )
        services.append(CommunityService(core, app))
    if whole:
        print(f"红桥网页服务已启动：{street.name} http://{host}:{port}/")
        return _serve(_street(settings, street, services), settings, host, port)
    print(f"红桥网页服务已启动：工作台 http://{host}:{port}/ ，接口文档 http://{host}:{port}/docs")
    return _serve(services[0].app, settings, host, port)


def _street(settings: Settings, street: Street, services: list[CommunityService]) -> Any:
    """The street's service over its communities' apps, with the office's sign-in; a fresh
    office gets its first account, its password shown once as a community's first admin's."""
    from service.staff.cli import first_admin_file, show_first_admin
    from service.street.office import FIRST_ACCOUNT, HOLDER, ensure_first_account, open_office
    from service.street.web import street_app

    name = street.name or ""
    office = open_office(settings.database_url)
    password = ensure_first_account(office, name, SystemClock().now())
    if password is not None:
        banner = (
            f"已创建{name}的第一个街道账户（查看街道总览，密码只显示这一次）：\n"
            f"  用户名：{FIRST_ACCOUNT}\n  密码：{password}"
        )
        path = first_admin_file(settings.database_url, HOLDER)
        show_first_admin(banner, sys.stdout, path, f"{name}的第一个街道账户 {FIRST_ACCOUNT}")
    return street_app(
        name,
        services,
        office,
        secret_key=settings.secret_key,
        secure_cookies=settings.cookie_secure,
    )


def _first_admin(settings: Settings, core: Core) -> None:
    """A fresh community gets its first admin; the password is shown once, or written to a
    file only its owner can read (one per community of a street)."""
    from service.staff.cli import first_admin_banner, first_admin_file, show_first_admin

    banner = first_admin_banner(core, SystemClock())
    if not banner:
        return
    street = load_street(settings.config_dir)
    own = None if street.is_first(core.slug) else core.slug
    if street.several:
        print(f"{core.community.name}（{core.slug}）：")
    show_first_admin(banner, sys.stdout, first_admin_file(settings.database_url, own))


def _simulated_community(
    settings: Settings, community: str | None, mounted_at: str
) -> CommunityService:
    """One community's app with its playground, and the scheduler and delivery it runs while
    it leads (a second instance on the same database serves the web side and stands by).
    Mounted in a street's service, the street starts and stops that background work."""
    from fastapi import FastAPI

    from bot.playground import playground_router
    from bot.simulator import Simulator
    from service.bootstrap import open_core
    from service.db import transaction
    from service.jobs import background_scheduling
    from service.leadership import Leadership
    from service.outbox import free_claims
    from service.scheduling import BackgroundScheduling
    from service.street.web import CommunityService
    from service.web.app import create_app

    core = open_core(settings, community=community)
    clock = SystemClock()
    leadership = Leadership(core.engine, community=core.slug if mounted_at else None)
    simulator = Simulator(core, clock, may_send=lambda: leadership.held)
    _first_admin(settings, core)
    term: list[tuple[BackgroundScheduling, asyncio.Task[None]]] = []

    async def lead() -> None:
        with transaction(core.factory) as session:
            free_claims(session)
        scheduling = background_scheduling(core, clock, leadership.lease())
        scheduling.start_in_background()
        term.append((scheduling, asyncio.create_task(_deliver_forever(simulator))))

    async def step_down() -> None:
        while term:
            scheduling, delivery = term.pop()
            delivery.cancel()
            await asyncio.gather(delivery, return_exceptions=True)
            await asyncio.to_thread(scheduling.shutdown)

    @asynccontextmanager
    async def background() -> AsyncIterator[None]:
        serving = leadership.serve(lead, step_down)
        task = asyncio.create_task(serving, name=f"leadership-{core.slug}")
        yield
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    def lifespan(_app: FastAPI) -> AbstractAsyncContextManager[None]:
        return background()

    app = create_app(
        core,
        [playground_router(simulator)],
        lifespan=None if mounted_at else lifespan,
        clock=clock,
        secret_key=settings.secret_key,
        secure_cookies=settings.cookie_secure,
        mounted_at=mounted_at,
    )
    return CommunityService(core, app, background if mounted_at else None, playground=True)


def _run_live(args: argparse.Namespace) -> int:
    """The HTTP service with the bot on WeChat in the same process (no playground: the
    simulator would compete with WeChat for the outbox)."""
    from fastapi import FastAPI

    from bot.live import credentials, open_live
    from service.bootstrap import open_core
    from service.web.app import create_app

    settings = get_settings()
    credentials(settings)
    core = open_core(settings, community=args.community)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        live = await open_live(core, settings)  # GatewayFatal here: startup fails, exit 3
        live.start()
        yield
        await live.stop()

    app = create_app(core, lifespan=lifespan, secure_cookies=settings.cookie_secure)
    host = args.host or settings.host
    port = args.port or settings.port
    print(f"红桥已连接微信，投递状态 http://{host}:{port}/healthz/delivery")
    return _serve(app, settings, host, port)


def _serve(app: Any, settings: Settings, host: str, port: int) -> int:
    import uvicorn

    from service.web.security import server_options

    log_level = settings.log_level.lower()
    # What start-up built (configuration, the lexicon, the apps) lives as long as the process:
    # frozen, Python's full collections skip it. Measured on the street overview, a request that
    # met a full collection took 120-160 ms longer; frozen, 4-18 ms (bench/street.py).
    gc.freeze()
    uvicorn.run(app, host=host, port=port, log_level=log_level, **server_options(settings))
    return 0


async def _deliver_forever(simulator: Simulator) -> None:
    while True:
        try:
            await simulator.deliver()
        except Exception:
            log.exception("delivery round failed")
        await asyncio.sleep(1.0)


if __name__ == "__main__":
    raise SystemExit(main())
