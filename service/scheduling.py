"""The scheduling facade: APScheduler 3 with its SQLAlchemy job store in the project database.

How to register a job (any feature):

1. Write the job as a module-level function with plain arguments (ints, strings), e.g.
   `def sweep_overdue() -> None:` in `service/tickets/jobs.py`. Inside, take what it needs from
   `runtime()`: `rt.factory` (sessions), `rt.community`, `rt.clock` (never `datetime.now()`),
   `rt.zone`, `rt.scheduling`. Jobs queue messages through the outbox; they never send.
2. Register it from a `setup(scheduling)` function and add that to `service/jobs.py: SETUPS`:

       scheduling.every("tickets:sweep", sweep_overdue, timedelta(minutes=5),
                        misfire_grace_time=timedelta(minutes=5))
       scheduling.cron("tickets:overdue-digest", overdue_digest, hour=9, minute=0,
                        misfire_grace_time=timedelta(hours=2))
       scheduling.at(f"event:{event_id}:summary", send_summary, when, args=(event_id, stamp),
                     misfire_grace_time=timedelta(hours=2))

   "Working days only" is a check inside the job: `if not is_working_day(today): return`
   (service/events/holidays.py knows the make-up working days).
3. Job ids are stable names; registering the same id again replaces the job, and keeps its
   next run time when nothing changed (so a restart does not lose a run that is due).
   To change jobs after a database change, call `request(session, kind, number)` in the
   change's transaction, and register in your setup what following it means:
   `scheduling.follow("event", sync_event)` (a function of the scheduling and the number).
   The request commits with the change; the scheduler follows it at once when it runs in the
   same process, else within FOLLOW_EVERY (the scheduler may run in another process: the
   street's one, or the leader while this process serves the web only).

Stopping is safe whatever a job is doing: `shutdown()` stops handing out runs, waits for the
running jobs with no scheduler lock held (up to `STOP_WAIT`; they may still add or change jobs),
then stops APScheduler without waiting and frees the lease, on every path. A long job checks
`scheduling.stopping` between steps and leaves the rest to the next start.

Exactly one scheduler runs per community's storage: `start()` takes a lease (a PostgreSQL
advisory lock, or a lock file next to a SQLite database). Street workers run one for the whole
street (bot/live.py: StreetScheduler, its lease STREET_SCHEDULER).
`BackgroundScheduling.start_in_background()` waits as a standby when another process holds it.
`hongqiao run` and `hongqiao bot` pass the lease of their `Leadership`
(service/leadership.py), which also covers the chat side and is re-checked.
Simulations use `ManualScheduling`, which runs every job that falls due, in order, each at its
own due time on a FakeClock.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger
from apscheduler.util import obj_to_ref
from sqlalchemy import Connection, Engine, delete, event, select, text
from sqlalchemy.orm import Session, sessionmaker

from service.bootstrap import Core
from service.clock import Clock, FakeClock
from service.community import Community
from service.db import transaction
from service.models import ScheduleRequest
from service.scheduling_executor import DrainableExecutor

log = logging.getLogger(__name__)

JOBSTORE_TABLE = "apscheduler_jobs"
ADVISORY_LOCK_KEY = 0x686F6E677169616F  # "hongqiao"
KEEPALIVES = {"tcp_keepalives_idle": 5, "tcp_keepalives_interval": 2, "tcp_keepalives_count": 3}
# How long stopping waits for running jobs before it stops without them.
STOP_WAIT = timedelta(seconds=5)
Action = Callable[["Scheduling"], None]
Setup = Callable[["Scheduling"], None]
Follow = Callable[["Scheduling", int], None]
# A scheduler running in another process than the change (the deployment's one, the web's
# standby) follows requests this often; in its own process a change is followed on commit.
FOLLOW_JOB = "scheduling:follow"
FOLLOW_EVERY = timedelta(seconds=10)
FOLLOW_BATCH = 500


class SchedulerBusy(Exception):
    """Another process runs the scheduler on this database."""


@dataclass(frozen=True)
class Runtime:
    """What a job needs, handed over by the running scheduler instead of pickled arguments."""

    core: Core
    clock: Clock
    scheduling: Scheduling

    @property
    def factory(self) -> sessionmaker[Session]:
        return self.core.factory

    @property
    def community(self) -> Community:
        return self.core.community

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.core.community.timezone)


@dataclass(frozen=True)
class ScheduledJob:
    id: str
    next_run_time: datetime | None
    args: tuple[Any, ...]


# One scheduler per community storage may run in this process (a street's communities each
# have their own), keyed by the storage's engine; a job thread knows its own through _current.
_active: dict[Engine, Scheduling] = {}
_active_lock = threading.Lock()
_current: ContextVar[Scheduling | None] = ContextVar("hongqiao_scheduling", default=None)


def active(engine: Engine | None = None) -> Scheduling | None:
    """The scheduler of `engine`'s community; without one, that of the job running in this
    thread, else the one started last in this process (a job function called directly)."""
    with _active_lock:
        if engine is not None and engine in _active:
            return _active[engine]
        current = _current.get()
        if current is not None:
            return current
        return next(reversed(_active.values()), None)


def running() -> list[Scheduling]:
    """Every scheduler running in this process."""
    with _active_lock:
        return list(_active.values())


def runtime() -> Runtime:
    scheduling = active()
    if scheduling is None:
        raise RuntimeError("no scheduler runs in this process; jobs cannot run")
    return scheduling.runtime


# -- leases: exactly one scheduler per database ------------------------------------------------


class Lease(Protocol):
    def acquire(self) -> bool: ...

    def check(self) -> bool:
        """Whether the lease is still held (a PostgreSQL connection can drop under it)."""
        ...

    def release(self) -> None: ...


# The lock of the street's one scheduler when workers share the communities (bot/live.py:
# StreetScheduler); no community's schema has this name.
STREET_SCHEDULER = "street:scheduler"


def lock_key(schema: str) -> int:
    """The advisory lock of the community whose tables are in `schema` (its own schema on a
    street's shared database, service/street/storage.py; `public` for the first community)."""
    return (
        ADVISORY_LOCK_KEY if schema == "public" else ADVISORY_LOCK_KEY ^ zlib.crc32(schema.encode())
    )


# Whether this connection holds the advisory lock whose key is high << 32 | low.
HELD_HERE = text(
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
    " AND pid = pg_backend_pid() AND objsubid = 1"
    " AND classid::bigint = :high AND objid::bigint = :low"
)


def community_lock_key(engine: Engine) -> int:
    """The advisory lock of the community whose tables the engine reads."""
    return lock_key(current_schema(engine))


def current_schema(engine: Engine) -> str:
    """PostgreSQL: the schema of the community whose tables the engine reads."""
    with engine.connect() as conn:
        return str(conn.scalar(text("SELECT current_schema()")))


class AdvisoryLease:
    """PostgreSQL: a session-level advisory lock held on one dedicated connection: the
    community's scheduler lock (the key follows the engine's schema), or the given key."""

    def __init__(self, engine: Engine, key: int | None = None) -> None:
        self._engine = engine
        self._conn: Connection | None = None
        self._given = key
        self._key = ADVISORY_LOCK_KEY if key is None else key

    def acquire(self) -> bool:
        if self._conn is not None:
            return True
        conn = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        if self._given is None:
            self._key = lock_key(str(conn.scalar(text("SELECT current_schema()"))))
        # A holder whose machine dies closes no socket: with these the server drops its
        # connection, and the lock, after 5 + 2 x 3 s of silence instead of about two hours.
        for name, seconds in KEEPALIVES.items():
            conn.execute(text(f"SET {name} = {seconds}"))
        if conn.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": self._key}):
            self._conn = conn
            return True
        conn.close()
        return False

    def check(self) -> bool:
        conn = self._conn
        if conn is None:
            return False
        try:
            held = conn.scalar(HELD_HERE, {"high": self._key >> 32, "low": self._key & 0xFFFFFFFF})
        except Exception as exc:
            log.error("the connection holding the advisory lock failed: %s", exc)
            return False
        return bool(held)

    def release(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self._key})
        except Exception as exc:  # the connection is gone, and the lock with it
            log.warning("could not unlock the advisory lock: %s", exc)
            conn.invalidate()
        finally:
            conn.close()


class FileLease:
    """SQLite: an exclusive flock on a file next to the database."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        if self._fd is not None:
            return True
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def check(self) -> bool:
        """Held, and the file is still the one locked (a deleted lock file locks nobody out)."""
        if self._fd is None:
            return False
        try:
            return os.fstat(self._fd).st_ino == os.stat(self._path).st_ino
        except OSError:
            return False

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


class _NoLease:
    """In-memory databases cannot be shared between processes."""

    def acquire(self) -> bool:
        return True

    def check(self) -> bool:
        return True

    def release(self) -> None:
        return None


def lease_for(engine: Engine) -> Lease:
    if engine.dialect.name == "postgresql":
        return AdvisoryLease(engine)
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:":
        return FileLease(Path(database + ".scheduler-lock"))
    return _NoLease()


# -- the facade --------------------------------------------------------------------------------


class Scheduling:
    """Register jobs by stable id; the scheduler behind it is real APScheduler."""

    def __init__(
        self,
        core: Core,
        clock: Clock,
        scheduler: BaseScheduler,
        setups: Sequence[Setup],
        lease: Lease | None = None,
    ) -> None:
        self.core = core
        self.clock = clock
        self.zone = ZoneInfo(core.community.timezone)
        self.runtime = Runtime(core, clock, self)
        self._scheduler = scheduler
        self._executor = DrainableExecutor(around=self.as_current)
        self._scheduler.add_executor(self._executor, "default")
        self._lifecycle = threading.RLock()
        self._stopping = threading.Event()
        self._store = SQLAlchemyJobStore(engine=core.engine, tablename=JOBSTORE_TABLE)
        self._scheduler.add_jobstore(self._store, "default")
        self._setups = list(setups)
        self._follows: dict[str, Follow] = {}
        self._following = threading.Lock()
        self._lease = lease or lease_for(core.engine)  # or the process's (service/leadership.py)
        self._started = False

    @property
    def running(self) -> bool:
        return self._started

    @property
    def stopping(self) -> bool:
        """True once shutdown() has begun: a long job should stop at its next step."""
        return self._stopping.is_set()

    def start(self) -> None:
        """Take the lease, start APScheduler, register the standing jobs; SchedulerBusy if taken."""
        if not self.try_start():
            raise SchedulerBusy(
                "another process runs the scheduler on this database "
                f"({self.core.engine.url.render_as_string(hide_password=True)})"
            )

    @contextmanager
    def as_current(self) -> Iterator[None]:
        """Jobs run inside this: `runtime()` hands them this scheduler's community."""
        token = _current.set(self)
        try:
            yield
        finally:
            _current.reset(token)

    def try_start(self) -> bool:
        with self._lifecycle:
            if self._started:
                return True
            if not self._may_start() or not self._lease.acquire():
                return False
            with _active_lock:
                if _active.get(self.core.engine, self) is not self:
                    log.warning("replacing the scheduler that was active on this storage")
                _active.pop(self.core.engine, None)
                _active[self.core.engine] = self  # last: the one started last
            self._start_scheduler()
            self._started = True
            with self.as_current():
                for setup in self._setups:
                    setup(self)
                self.follow_requests()  # made while no scheduler ran
        log.info("scheduler started (%s)", type(self).__name__)
        return True

    def _may_start(self) -> bool:
        return True

    def _start_scheduler(self) -> None:
        self._scheduler.start()

    def shutdown(self) -> None:
        """Stop running jobs and free the lease; never hangs on a job that changes jobs."""
        self._stopping.set()
        with self._lifecycle:
            try:
                if self._started:
                    self._stop_scheduler()
            finally:
                self._started = False
                try:
                    self._lease.release()
                except Exception:
                    log.exception("releasing the scheduler lease failed")
                with _active_lock:
                    if _active.get(self.core.engine) is self:
                        del _active[self.core.engine]

    def _stop_scheduler(self) -> None:
        scheduler = self._scheduler
        scheduler.pause()
        try:
            # A barrier: a pass that is handing out runs holds the job-store lock until done.
            scheduler.get_jobs()
        except Exception:
            log.exception("reading the job store while stopping failed")
        wait = STOP_WAIT.total_seconds()
        if not self._executor.drain(wait):
            log.warning(
                "%d scheduled job(s) still running after %.0f s; stopping without them",
                self._executor.running(),
                wait,
            )
        # The job store leaves first: APScheduler's loop thread hands out due runs once more
        # after shutdown(), to an executor that is gone, and then counts them as run (a one-off
        # reminder due at that moment would be lost). Left in the database, they run after the
        # next start. The store's engine is the Core's: it is not disposed here.
        scheduler.remove_jobstore("default", shutdown=False)
        scheduler.shutdown(wait=False)

    # -- registration ---------------------------------------------------------------------

    def at(
        self,
        job_id: str,
        func: Callable[..., None],
        when: datetime,
        *,
        args: Sequence[Any] = (),
        misfire_grace_time: timedelta,
        coalesce: bool = True,
    ) -> None:
        """Run once at `when` (timezone-aware)."""
        if when.tzinfo is None:
            raise ValueError(f"job {job_id}: naive datetime {when}")
        trigger = DateTrigger(run_date=when, timezone=self.zone)
        self._add(job_id, func, trigger, args, misfire_grace_time, coalesce)

    def cron(
        self,
        job_id: str,
        func: Callable[..., None],
        *,
        misfire_grace_time: timedelta,
        coalesce: bool = True,
        **fields: str | int,
    ) -> None:
        """Cron fields as in APScheduler's CronTrigger (hour=9, minute=0, day_of_week='mon-fri'),
        in the community's timezone."""
        trigger = CronTrigger(timezone=self.zone, **fields)
        self._add(job_id, func, trigger, (), misfire_grace_time, coalesce)

    def every(
        self,
        job_id: str,
        func: Callable[..., None],
        interval: timedelta,
        *,
        misfire_grace_time: timedelta,
        coalesce: bool = True,
    ) -> None:
        trigger = IntervalTrigger(
            seconds=int(interval.total_seconds()),
            start_date=self.clock.now() + interval,
            timezone=self.zone,
        )
        self._add(job_id, func, trigger, (), misfire_grace_time, coalesce)

    def follow(self, kind: str, action: Follow) -> None:
        """What following a request of `kind` means: `action(scheduling, number)` brings the
        number's jobs in step with the database (it must be idempotent)."""
        self._follows[kind] = action

    def follow_requests(self) -> int:
        """Follow the requests committed so far, in any process, oldest first; a number asked
        for several times is followed once. Returns how many requests were taken."""
        with self._following:
            with self.core.factory() as session:
                rows = session.execute(
                    select(ScheduleRequest.id, ScheduleRequest.kind, ScheduleRequest.number)
                    .order_by(ScheduleRequest.id)
                    .limit(FOLLOW_BATCH)
                ).all()
            if not rows:
                return 0
            for kind, number in dict.fromkeys((row.kind, row.number) for row in rows):
                action = self._follows.get(kind)
                if action is None:
                    log.error(
                        "no scheduler action follows %r requests; %s %d dropped", kind, kind, number
                    )
                    continue
                try:
                    action(self, number)
                except Exception:
                    log.exception(
                        "following the %s %d request failed; planning retries it", kind, number
                    )
            with transaction(self.core.factory) as session:
                session.execute(
                    delete(ScheduleRequest).where(ScheduleRequest.id.in_([row.id for row in rows]))
                )
            return len(rows)

    def remove(self, job_id: str) -> bool:
        try:
            self._scheduler.remove_job(job_id)
        except JobLookupError:
            return False
        return True

    def get(self, job_id: str) -> ScheduledJob | None:
        job = self._scheduler.get_job(job_id)
        if job is None:
            return None
        return ScheduledJob(job.id, job.next_run_time, tuple(job.args))

    def jobs(self) -> list[ScheduledJob]:
        """Every stored job, soonest first."""
        return [
            ScheduledJob(j.id, j.next_run_time, tuple(j.args)) for j in self._scheduler.get_jobs()
        ]

    def _add(
        self,
        job_id: str,
        func: Callable[..., None],
        trigger: Any,
        args: Sequence[Any],
        grace: timedelta,
        coalesce: bool,
    ) -> None:
        grace_seconds = int(grace.total_seconds())
        existing = self._scheduler.get_job(job_id)
        if (
            existing is not None
            and existing.func_ref == obj_to_ref(func)
            and str(existing.trigger) == str(trigger)
            and tuple(existing.args) == tuple(args)
            and existing.misfire_grace_time == grace_seconds
            and existing.coalesce == coalesce
        ):
            return  # unchanged: keep its next run time, even one that is overdue
        next_run = trigger.get_next_fire_time(None, self.clock.now())
        if next_run is None:
            self.remove(job_id)
            return
        self._scheduler.add_job(
            func,
            trigger,
            args=list(args),
            id=job_id,
            name=job_id,
            replace_existing=True,
            coalesce=coalesce,
            misfire_grace_time=grace_seconds,
            max_instances=1,
            next_run_time=next_run,
        )


class BackgroundScheduling(Scheduling):
    """The real thing: APScheduler's BackgroundScheduler on the wall clock."""

    def __init__(
        self,
        core: Core,
        clock: Clock,
        setups: Sequence[Setup],
        lease: Lease | None = None,
        follow_often: bool = True,
    ) -> None:
        """`follow_often`: False when whoever runs it follows the requests (the street's
        scheduler asks every community's at once, bot/live.py StreetScheduler)."""
        scheduler = BackgroundScheduler(
            timezone=ZoneInfo(core.community.timezone),
            job_defaults={"coalesce": True, "misfire_grace_time": 300, "max_instances": 1},
        )
        following = [_follow_often] if follow_often else []
        super().__init__(core, clock, scheduler, [*setups, *following], lease)
        self._stop = threading.Event()
        self._standby: threading.Thread | None = None

    def start_in_background(self, retry: timedelta = timedelta(seconds=15)) -> None:
        """Start in a thread, or stand by there until the other scheduler's lease is free.

        Start-up planning can take seconds; in a thread it never holds up the web service or
        the bot, nor a SIGTERM: shutdown() makes the planning stop early."""
        self._standby = threading.Thread(
            target=self._start_or_wait, args=(retry,), name="scheduler-start", daemon=True
        )
        self._standby.start()

    def _start_or_wait(self, retry: timedelta) -> None:
        try:
            if self.try_start():
                return
            log.warning("another process runs the scheduler on this database; standing by")
            while not self._stop.wait(retry.total_seconds()):
                if self.try_start():
                    log.warning("the other scheduler is gone; this process took over")
                    return
        except Exception:
            log.exception("the scheduler could not start")

    def _may_start(self) -> bool:
        return not self._stop.is_set()  # a standby that wakes after shutdown() stays down

    def shutdown(self) -> None:
        self._stop.set()
        super().shutdown()


class _QuietFollowing(logging.Filter):
    """APScheduler logs each run twice: for the follow pass of every community every 10 s
    that would bury the log. Its failures are still logged (by follow_requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.INFO or FOLLOW_JOB not in record.getMessage()


logging.getLogger("apscheduler.executors.default").addFilter(_QuietFollowing())


def _follow_often(scheduling: Scheduling) -> None:
    """Requests committed in other processes are followed every FOLLOW_EVERY. (Simulations
    have no other process: they follow on commit only, and a moved clock runs no idle passes.)"""
    scheduling.every(FOLLOW_JOB, follow_requests, FOLLOW_EVERY, misfire_grace_time=FOLLOW_EVERY)


def follow_requests() -> None:
    runtime().scheduling.follow_requests()


class _PassiveScheduler(BaseScheduler):  # type: ignore[misc]
    """An APScheduler that never wakes up by itself; ManualScheduling drives it."""

    def shutdown(self, wait: bool = True) -> None:
        super().shutdown(wait)

    def wakeup(self) -> None:
        return None


class ManualScheduling(Scheduling):
    """For simulations and tests: jobs run only when the FakeClock is moved, in due order."""

    def __init__(self, core: Core, clock: FakeClock, setups: Sequence[Setup]) -> None:
        super().__init__(
            core, clock, _PassiveScheduler(timezone=ZoneInfo(core.community.timezone)), setups
        )
        self.fake_clock = clock

    def _start_scheduler(self) -> None:
        self._scheduler.start(paused=True)

    def try_start(self) -> bool:
        """Start, then catch up as APScheduler does: overdue jobs run now, within their grace."""
        if self._started:
            return True
        if not super().try_start():
            return False
        self.run_due()
        return True

    def next_due(self) -> datetime | None:
        due: datetime | None = self._store.get_next_run_time()
        return due

    def run_until(self, target: datetime) -> int:
        """Move the clock to `target`, running each job at its own due time; returns runs."""
        if target < self.fake_clock.now():
            raise ValueError("the clock cannot go backwards")
        ran = 0
        while True:
            due = self._store.get_next_run_time()
            if due is None or due > target:
                break
            if due > self.fake_clock.now():
                self.fake_clock.set(due)
            ran += self.run_due()
        self.fake_clock.set(target)
        return ran

    def run_due(self) -> int:
        """Run what is due now, as APScheduler would after a start: coalesced, and skipping
        (with a log line) run times older than the job's misfire grace time."""
        now = self.fake_clock.now()
        ran = 0
        # Of jobs due at one time, the recurring ones first, then the one-off ones (an emergency's
        # limit planned at a sweep's minute is the sweep's: its night reminders wait for the
        # morning summary). The store orders ties by storage, which PostgreSQL leaves open.
        due = sorted(
            self._store.get_due_jobs(now),
            key=lambda j: (j.next_run_time, isinstance(j.trigger, DateTrigger), j.id),
        )
        for job in due:
            current = self._scheduler.get_job(job.id)
            if current is None or current.next_run_time != job.next_run_time:
                continue  # an earlier job in this batch changed it
            run_times: list[datetime] = []
            following = job.next_run_time
            while following is not None and following <= now:
                run_times.append(following)
                following = job.trigger.get_next_fire_time(following, now)
            for run_time in run_times[-1:] if job.coalesce else run_times:
                late = now - run_time
                if job.misfire_grace_time is not None and late > timedelta(
                    seconds=job.misfire_grace_time
                ):
                    log.warning('Run time of job "%s" was missed by %s', job.id, late)
                    continue
                try:
                    with self.as_current():
                        job.func(*job.args, **job.kwargs)
                except Exception:
                    log.exception('job "%s" raised', job.id)
                ran += 1
            after = self._scheduler.get_job(job.id)
            if after is None or after.next_run_time != job.next_run_time:
                continue  # the job replaced or removed itself
            if following is None:
                self.remove(job.id)
            else:
                self._scheduler.modify_job(job.id, next_run_time=following)
        return ran


# -- changes that wait for a commit ------------------------------------------------------------

_PENDING = "hongqiao.scheduling.pending"
_LISTENING = "hongqiao.scheduling.listening"


def pending_requests(session: Session, schemas: Sequence[str]) -> dict[str, int]:
    """PostgreSQL: how many requests wait in each of these schemas (one query for a street)."""
    counts = " UNION ALL ".join(
        f'SELECT {n} AS n, count(*) AS waiting FROM "{schema}".schedule_requests'
        for n, schema in enumerate(schemas)
    )
    return {schemas[n]: waiting for n, waiting in session.execute(text(counts))}


def request(session: Session, kind: str, number: int) -> None:
    """Ask the scheduler, in whichever process it runs, to follow a change of `kind` (see
    `Scheduling.follow`): the request commits with the change, or is rolled back with it."""
    session.add(ScheduleRequest(kind=kind, number=number))
    if _follow_now not in session.info.get(_PENDING, []):
        on_commit(session, _follow_now)  # at once when the scheduler runs in this process


def _follow_now(scheduling: Scheduling) -> None:
    scheduling.follow_requests()


def on_commit(session: Session, action: Action) -> None:
    """Run `action(scheduling)` after this session's transaction commits (dropped on rollback).

    Without a scheduler in this process the action is dropped with a log line: use `request`
    for a change the scheduler must follow wherever it runs."""
    session.info.setdefault(_PENDING, []).append(action)
    if not session.info.get(_LISTENING):
        session.info[_LISTENING] = True
        event.listen(session, "after_commit", _run_pending)
        event.listen(session, "after_rollback", _drop_pending)


def _run_pending(session: Session) -> None:
    # SQLAlchemy also calls after_commit when a SAVEPOINT is released (the router runs each
    # handler in one). The outer transaction still holds SQLite's write lock then, so the job
    # change would wait for it and fail with "database is locked" (and could outlive a later
    # rollback): act only once the outermost transaction has committed.
    # SQLAlchemy 2.1 calls after_commit of the outermost transaction while it still counts as
    # "in a transaction" (state COMMITTED), so ask whether a transaction is still active.
    outer = session.get_transaction()
    if session.in_nested_transaction() or (outer is not None and outer.is_active):
        return
    actions: list[Action] = session.info.pop(_PENDING, [])
    if not actions:
        return
    engine = _engine_of(session)
    with _active_lock:  # this storage's own scheduler only, never another community's
        scheduling = _active.get(engine) if engine is not None else None
    if scheduling is None:
        log.info("no scheduler in this process: %d job change(s) left to its own", len(actions))
        return
    for action in actions:
        try:
            action(scheduling)
        except Exception:
            log.exception("a job change after commit failed")


def _engine_of(session: Session) -> Engine | None:
    bind = session.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


def _drop_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)
