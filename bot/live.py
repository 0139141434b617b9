"""The bot on WeChat: gateway, router (understanding and handlers), and the outbox dispatchers
(one paced sender for the WeChat account, one per WeCom robot).

`LiveService` runs them only while this process leads (service/leadership.py): a standby does
not connect to the puppet service (which accepts one event stream per token) until it holds the
lease, and a leader that loses it disconnects and stops sending and scheduling."""

from __future__ import annotations

import asyncio
import logging
import os
import random
import signal
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, or_

from bot.dispatcher import Dispatcher
from bot.handlers import default_handlers, unbound_room_handlers
from bot.identity import BoundContacts
from bot.pacing import Pace, Pacer, Sleep
from bot.router import Router
from bot.wechat import GatewayFatal, RoomInfo, WechatGateway, probe_service, service_bot
from bot.wechaty_compat import Wechaty
from bot.wecom import (
    MAX_CONTENT_BYTES,
    ROBOT_PACE,
    WeComGateway,
    load_wecom,
    utf8_size,
    webhook_url,
)
from service import scheduling as scheduling_module
from service.bootstrap import Core
from service.clock import Clock, SystemClock
from service.community import ConfigError
from service.community.rooms import group_for_room
from service.db import transaction
from service.jobs import background_scheduling
from service.leadership import Leadership
from service.models import OutboxMessage
from service.outbox import free_claims
from service.scheduling import (
    STREET_SCHEDULER,
    BackgroundScheduling,
    FileLease,
    Lease,
    community_lock_key,
    current_schema,
    lease_for,
    lock_key,
    pending_requests,
)
from service.settings import Settings
from service.street.config import load_street
from service.understanding import Classifier
from service.workers import Alone, Presence, Share, WorkerLocks, presence_for

log = logging.getLogger(__name__)

EXIT_GATEWAY = 3


class MissingCredentials(ConfigError):
    pass


@dataclass
class LiveBot:
    router: Router
    gateway: WechatGateway
    dispatchers: list[Dispatcher] = field(default_factory=list)
    wecom: list[WeComGateway] = field(default_factory=list)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    scheduling: BackgroundScheduling | None = None  # reminders and ticket time limits

    def start(self) -> asyncio.Task[None]:
        """Connect, deliver and schedule in the background; returns the connection task."""
        if self.scheduling is not None:
            self.scheduling.start_in_background()
        connection = self.gateway.start()
        self.tasks = [
            asyncio.create_task(d.run(), name=f"deliver-{d.name}") for d in self.dispatchers
        ]
        return connection

    async def stop(self) -> None:
        """Stop delivering and scheduling; the scheduler's lease is freed even if a part fails."""
        try:
            for task in self.tasks:
                task.cancel()
            await asyncio.gather(*self.tasks, return_exceptions=True)
            await self.gateway.stop()
            for robot in self.wecom:
                await robot.close()
        finally:
            if self.scheduling is not None:
                await asyncio.to_thread(self.scheduling.shutdown)


def _notify(dispatchers: list[Dispatcher]) -> None:
    for dispatcher in dispatchers:
        dispatcher.notify()


def bind_rooms(core: Core, clock: Clock, rooms: list[RoomInfo]) -> None:
    """Rooms the account is in: a configured group's room binds by topic the first time
    (a staff group's only with its authenticated leader among the members)."""
    with transaction(core.factory) as session:
        for room_id, topic, members in rooms:
            group = group_for_room(session, core.community, room_id, topic, clock.now(), members)
            if group is not None:
                log.info("room %s is %s", room_id, group.name)


def credentials(settings: Settings) -> tuple[str, str]:
    if not settings.puppet_token or not settings.puppet_endpoint:
        raise MissingCredentials(
            "set WECHATY_PUPPET_SERVICE_TOKEN and WECHATY_PUPPET_SERVICE_ENDPOINT (HOST:PORT of a "
            "Wechaty puppet service with TLS disabled); see README"
        )
    return settings.puppet_token, settings.puppet_endpoint


def account_variables(slug: str) -> tuple[str, str]:
    """The environment variables naming a community's own WeChat account, for workers serving
    a whole street: HONGQIAO_PUPPET_TOKEN_JINMAO and HONGQIAO_PUPPET_ENDPOINT_JINMAO."""
    return f"HONGQIAO_PUPPET_TOKEN_{slug.upper()}", f"HONGQIAO_PUPPET_ENDPOINT_{slug.upper()}"


def street_accounts(slugs: Sequence[str], environ: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Each community's own token and endpoint; all of them, or MissingCredentials naming the
    variables to set (two communities on one account would answer each other's groups)."""
    found: dict[str, tuple[str, str]] = {}
    missing: list[str] = []
    for slug in slugs:
        names = account_variables(slug)
        token, endpoint = (environ.get(name, "") for name in names)
        if token and endpoint:
            found[slug] = (token, endpoint)
        else:
            missing.extend(name for name in names if not environ.get(name))
    if missing:
        raise MissingCredentials(
            "each community of the street needs its own WeChat account: set "
            + ", ".join(missing)
            + " (or run `hongqiao bot --community SLUG` with WECHATY_PUPPET_SERVICE_TOKEN)"
        )
    return found


def build_live(
    core: Core,
    settings: Settings,
    bot: Wechaty,
    clock: Clock,
    *,
    sleep: Sleep = asyncio.sleep,
    rng: random.Random | None = None,
    environ: Mapping[str, str] | None = None,
    may_send: Callable[[], bool] = lambda: True,
) -> LiveBot:
    """Wire the bot; nothing runs until `start` (tests drive the parts directly)."""
    reader = Classifier.default()
    router = Router(
        core.factory,
        core.community,
        clock,
        BoundContacts(core.community),
        default_handlers(reader, core.events),
        unbound_room_handlers(),
        reader,
    )
    robots = load_wecom(
        load_street(settings.config_dir).community_dir(core.slug), core.community
    ).robots
    urls = {robot.group: webhook_url(robot, environ or os.environ) for robot in robots}
    dispatchers: list[Dispatcher] = []

    gateway = WechatGateway(
        bot,
        core.factory,
        clock,
        router.handle,
        max_age=timedelta(seconds=settings.inbound_max_age_seconds),
        on_ready=lambda: _notify(dispatchers),
        on_handled=lambda: _notify(dispatchers),
        on_rooms=lambda rooms: bind_rooms(core, clock, rooms),
        sleep=sleep,
    )
    live = LiveBot(router, gateway, dispatchers)
    wechat_rows: ColumnElement[bool] | None = None
    if urls:
        wechat_rows = or_(
            OutboxMessage.group_name.is_(None), OutboxMessage.group_name.not_in(list(urls))
        )
    pace = Pace(settings.send_interval_seconds, settings.send_jitter_seconds)
    dispatchers.append(
        Dispatcher(
            core.factory,
            gateway,
            clock,
            pacer=Pacer(pace, clock, sleep, rng),
            max_chars=settings.send_max_chars,
            where=wechat_rows,
            name="wechat",
            may_send=may_send,
        )
    )
    for group, url in urls.items():
        robot = WeComGateway(url)
        live.wecom.append(robot)
        dispatchers.append(
            Dispatcher(
                core.factory,
                robot,
                clock,
                pacer=Pacer(ROBOT_PACE, clock, sleep, rng),
                max_chars=MAX_CONTENT_BYTES - 200,  # room for the @mentions in front
                text_size=utf8_size,
                where=OutboxMessage.group_name == group,
                name=f"wecom:{group}",
                may_send=may_send,
            )
        )
    return live


class Leading:
    """Leads in the background while its lease is held (`_lead`, `_step_down`), stands by
    otherwise; the task fails with GatewayFatal when the puppet service refuses the account."""

    leadership: Leadership
    name: str
    _task: asyncio.Task[None] | None = None

    def start(self) -> asyncio.Task[None]:
        self._task = asyncio.create_task(
            self.leadership.serve(self._lead, self._step_down), name=f"lead-{self.name}"
        )
        return self._task

    async def stop(self) -> None:
        """Stop leading (or standing by); the lease is freed."""
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
        if task is not None:
            with suppress(asyncio.CancelledError, GatewayFatal):
                await task

    async def _lead(self) -> asyncio.Task[None] | None:
        raise NotImplementedError

    async def _step_down(self) -> None:
        raise NotImplementedError


class LiveService(Leading):
    """The chat side and the scheduler of one process, run while it leads: each time it takes
    the lease it builds a fresh LiveBot (a new connection to the puppet service) and starts it;
    when it loses the lease, or stops, the LiveBot is stopped."""

    def __init__(
        self,
        core: Core,
        settings: Settings,
        new_bot: Callable[[], Wechaty],
        clock: Clock,
        leadership: Leadership,
        *,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        environ: Mapping[str, str] | None = None,
        schedules: bool = True,
    ) -> None:
        """`schedules`: False for a bot a street worker started (the street's one scheduler
        runs its community's jobs, StreetScheduler)."""
        self._core = core
        self.name = core.slug
        self._schedules = schedules
        self._settings = settings
        self._new_bot = new_bot
        self._clock = clock
        self.leadership = leadership
        self._sleep = sleep
        self._rng = rng
        self._environ = environ
        self.live: LiveBot | None = None  # while this process leads

    @property
    def leads(self) -> bool:
        return self.leadership.held

    async def _lead(self) -> asyncio.Task[None]:
        with transaction(self._core.factory) as session:
            freed = free_claims(session)
        if freed:
            log.warning("%d outbox row(s) held by the previous leader will be sent again", freed)
        live = build_live(
            self._core,
            self._settings,
            self._new_bot(),
            self._clock,
            sleep=self._sleep,
            rng=self._rng,
            environ=self._environ,
            may_send=lambda: self.leadership.held,
        )
        if self._schedules:
            live.scheduling = background_scheduling(
                self._core, self._clock, self.leadership.lease()
            )
        self.live = live
        return live.start()

    async def _step_down(self) -> None:
        live, self.live = self.live, None
        if live is not None:
            await live.stop()


async def open_live(core: Core, settings: Settings, led: bool = False) -> LiveService:
    """Check the puppet service (GatewayFatal when unusable) and wire the bot to it; it connects
    only once this process leads: by the database's lease, or, `led` by a street worker, while
    that worker runs (and then the street's scheduler has the community's jobs)."""
    token, endpoint = credentials(settings)
    await probe_service(endpoint, token)
    return LiveService(
        core,
        settings,
        lambda: service_bot(token, endpoint),
        SystemClock(),
        Leadership(core.engine, lease=ParentLease() if led else None),
        schedules=not led,
    )


async def run_bot(core: Core, settings: Settings, led: bool = False) -> int:
    """`hongqiao bot`: run until SIGINT/SIGTERM; a fatal gateway error exits non-zero. `led`:
    started by a street worker (run_worker) that holds the community's lease for it; it runs
    while that worker does."""
    try:
        live = await open_live(core, settings, led)
    except GatewayFatal as exc:
        log.error("cannot start the WeChat gateway: %s", exc)
        print(f"hongqiao: {exc}", flush=True)
        return EXIT_GATEWAY
    code = await _until_stopped([live])
    log.info("bot stopped")
    return code


class ParentLease:
    """The lease of a bot a street worker started: held while the worker's pipe to it is open.
    When the worker dies (kill -9 too) the pipe closes and the bot stops at once, before any
    other worker can take the community's lease (and start its own bot)."""

    def __init__(self) -> None:
        self._open = True
        threading.Thread(target=self._watch, name="parent-watch", daemon=True).start()

    def _watch(self) -> None:
        # The raw descriptor, not sys.stdin: a daemon thread blocked in the buffered reader
        # holds its lock, and the interpreter aborts on it when the bot stops by itself.
        while os.read(sys.stdin.fileno(), 4096):  # b"" at end of file: the worker is gone
            pass
        self._open = False
        log.warning("the worker that started this bot is gone; stopping")
        os.kill(os.getpid(), signal.SIGTERM)

    def acquire(self) -> bool:
        return self._open

    def check(self) -> bool:
        return self._open

    def release(self) -> None:
        return None


async def run_worker(cores: Sequence[Core], settings: Settings) -> int:
    """`hongqiao bot` for a whole street: one worker of any number sharing the communities'
    accounts (service.workers). Each account it leads runs in a process of its own (python-
    wechaty keeps one account per process), which it starts on taking the account's lease and
    stops on handing it over; each keeps its own pace."""
    accounts = street_accounts([core.slug for core in cores], os.environ)
    presence = presence_for(cores[0].engine)
    await asyncio.to_thread(presence.join)
    share = Share(len(cores), presence)
    if isinstance(presence, Alone):
        log.warning("SQLite: this worker leads every account; run more workers on PostgreSQL")
    scheduler = StreetScheduler(
        cores,
        Leadership(
            cores[0].engine,
            community="street scheduler",
            role="every community's scheduled jobs",
            lease=street_scheduler_lease(cores[0], presence),
        ),
    )
    services: list[Leading] = [
        AccountProcess(
            core.slug,
            accounts[core.slug],
            Leadership(
                core.engine, community=core.slug, share=share, lease=_lease_of(core, presence)
            ),
        )
        for core in cores
    ]
    services.append(scheduler)
    try:
        code = await _until_stopped(services)
    finally:
        await asyncio.to_thread(presence.leave)
    log.info("worker stopped")
    return code


def _lease_of(core: Core, presence: Presence) -> Lease | None:
    """On PostgreSQL a worker holds its accounts' leases on its one locks connection; it reads
    nothing else of a community, so the community's engine keeps no connection open."""
    if not isinstance(presence, WorkerLocks):
        return None
    key = community_lock_key(core.engine)
    core.engine.dispose()
    return presence.lease(key)


def street_scheduler_lease(core: Core, presence: Presence) -> Lease:
    """The street's one scheduler lease: on PostgreSQL on the worker's locks connection, on
    SQLite a lock file of its own beside the first community's database."""
    if isinstance(presence, WorkerLocks):
        return presence.lease(lock_key(STREET_SCHEDULER))
    database = core.engine.url.database
    if database and database != ":memory:":
        return FileLease(Path(database + ".street-scheduler-lock"))
    return lease_for(core.engine)


class StreetScheduler(Leading):
    """The deployment's one scheduler: the street worker holding its lease runs every
    community's jobs (each community's APScheduler over its own job store, on its own
    storage). The accounts' bots run none; what they change reaches it as requests
    (service.scheduling.request). When that worker dies another takes the lease."""

    def __init__(
        self, cores: Sequence[Core], leadership: Leadership, clock: Clock | None = None
    ) -> None:
        self.name = "scheduler"
        self.leadership = leadership
        self._cores = list(cores)
        self._clock = clock or SystemClock()
        self.running: list[BackgroundScheduling] = []
        self._following: asyncio.Task[None] | None = None

    async def _lead(self) -> asyncio.Task[None]:
        for core in self._cores:
            scheduling = background_scheduling(
                core, self._clock, self.leadership.lease(), follow_often=False
            )
            self.running.append(scheduling)
            scheduling.start_in_background()
        self._following = asyncio.create_task(self._follow_forever(), name="street-follow")
        return self._following

    async def _step_down(self) -> None:
        following, self._following = self._following, None
        if following is not None:
            following.cancel()
            await asyncio.gather(following, return_exceptions=True)
        running, self.running = self.running, []
        await asyncio.gather(*(asyncio.to_thread(s.shutdown) for s in running))

    async def _follow_forever(self) -> None:
        """Every FOLLOW_EVERY, the requests the accounts' bots and the web committed: one query
        asks every community's storage on PostgreSQL (a pass per community would open a
        connection each, 30 every 10 s), and only the communities with some follow them."""
        on_postgresql = self._cores[0].engine.dialect.name == "postgresql"
        schemas = await asyncio.to_thread(
            lambda: [current_schema(c.engine) for c in self._cores] if on_postgresql else []
        )
        while True:
            await asyncio.sleep(scheduling_module.FOLLOW_EVERY.total_seconds())
            try:
                await asyncio.to_thread(self._follow_pass, schemas)
            except Exception:  # the database is away a moment: the next pass tries again
                log.exception("the street scheduler could not follow the requests")

    def _follow_pass(self, schemas: list[str]) -> None:
        running = [s for s in self.running if s.running]
        if schemas:  # PostgreSQL: only the communities with requests waiting
            with self._cores[0].factory() as session:
                waiting = pending_requests(session, schemas)
            running = [s for s in running if waiting[schemas[self._cores.index(s.core)]]]
        for scheduling in running:
            with scheduling.as_current():
                scheduling.follow_requests()


class AccountProcess(Leading):
    """One community's account in a street worker: while the worker leads it, a `hongqiao bot
    --community SLUG --led` process with the account's token runs it."""

    def __init__(self, slug: str, account: tuple[str, str], leadership: Leadership) -> None:
        self.slug = self.name = slug
        self._account = account
        self.leadership = leadership
        self._process: asyncio.subprocess.Process | None = None
        self._runner: asyncio.Task[None] | None = None  # starts the bot, and again if it ends

    async def _lead(self) -> asyncio.Task[None]:
        self._runner = asyncio.create_task(self._keep_running(), name=f"bot-{self.slug}")
        return self._runner

    async def _keep_running(self) -> None:
        """Run the account's bot; start it again when it ends by itself (not when the token is
        refused: that ends the worker, as it ends `hongqiao bot`)."""
        token, endpoint = self._account
        env = {
            **os.environ,
            "WECHATY_PUPPET_SERVICE_TOKEN": token,
            "WECHATY_PUPPET_SERVICE_ENDPOINT": endpoint,
        }
        command = [sys.executable, "-m", "bot.cli", "bot", "--community", self.slug, "--led"]
        while True:
            self._process = await asyncio.create_subprocess_exec(
                *command, stdin=asyncio.subprocess.PIPE, env=env
            )
            code = await self._process.wait()
            if code == EXIT_GATEWAY:
                raise GatewayFatal(f"community {self.slug}: the puppet service refused its bot")
            log.error("the bot of %s ended (exit %s); starting it again", self.slug, code)
            await asyncio.sleep(self.leadership.every.total_seconds())

    async def _step_down(self) -> None:
        """Stop starting the bot again, then stop it (SIGTERM; killed after 30 s)."""
        runner, self._runner = self._runner, None
        if runner is not None and not runner.done():
            runner.cancel()
            with suppress(asyncio.CancelledError):
                await runner
        process, self._process = self._process, None
        if process is None or process.returncode is not None:
            return
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), timeout=30)
        except TimeoutError:
            process.kill()
            await process.wait()


async def _until_stopped(services: Sequence[Leading]) -> int:
    """Run until SIGINT/SIGTERM, or until one service's connection fails (exit code 3)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    connections = {service.start() for service in services}
    stopper = asyncio.create_task(stop.wait())
    done, _ = await asyncio.wait({*connections, stopper}, return_when=asyncio.FIRST_COMPLETED)
    code = 0
    for task in done & connections:
        if not task.cancelled() and task.exception() is not None:
            print(f"hongqiao: {task.exception()}", flush=True)
            code = EXIT_GATEWAY
    stopper.cancel()
    for service in services:
        await service.stop()
    return code
