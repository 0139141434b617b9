"""One leader per database: the process that runs the scheduler, the chat gateway and the outbox
dispatchers. Every other process on the same database (a second `hongqiao run`, a standby) serves
the web dashboard and API only, and stands by.

The lease is the scheduler's (service/scheduling.py: a PostgreSQL advisory lock on one dedicated
connection, or a lock file next to a SQLite database). Both are freed by the operating system or
the database server the moment the holder dies, so a standby that tries every `every` seconds
takes over within that time of a kill -9. The leader re-checks its lease every `every` seconds:
when it is lost (the lock's connection dropped, the lock file was removed) the leader stops its
chat side and scheduler, and stands by again. Dispatchers also ask `held` before each message, and
rows are claimed in the outbox before they are sent (service/outbox.py), so even in the moment
between a lost lease and its discovery no row goes out twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from sqlalchemy import Engine

from service.scheduling import Lease, lease_for
from service.workers import Share

log = logging.getLogger(__name__)

# How often a standby tries the lease and a leader re-checks it: a standby takes over within this
# time of the leader's death (well inside the 30 s promised to operators).
CHECK_EVERY = timedelta(seconds=5)

Lead = Callable[[], Awaitable["asyncio.Task[None] | None"]]
StepDown = Callable[[], Awaitable[None]]


class Leadership:
    def __init__(
        self,
        engine: Engine,
        *,
        every: timedelta = CHECK_EVERY,
        community: str | None = None,
        role: str = "the chat side and the scheduler",
        share: Share | None = None,
        lease: Lease | None = None,
    ) -> None:
        """`community` names the lead in logs when one process serves a street's several;
        `share`, when workers share a street's accounts, says when this one may take the lead
        and when it hands it over (service.workers); `lease`, another than the database's
        (a bot started by the street worker holding the database's lease for it); `role`, what
        leading means here, for the logs."""
        self.every = every
        self._of = f" ({community})" if community else ""
        self._role = role
        self._lease = lease if lease is not None else lease_for(engine)
        self._held = False
        self._share = share
        if share is not None:
            share.add(self)

    @property
    def held(self) -> bool:
        """Whether this process leads (as of the last check)."""
        return self._held

    def lease(self) -> Lease:
        """The lease as the scheduler sees it: held while this process leads, and freed by this
        Leadership only (stopping the scheduler does not free it)."""
        return _Borrowed(self)

    def try_acquire(self) -> bool:
        if not self._held:
            self._held = self._lease.acquire()
        return self._held

    def confirm(self) -> bool:
        """Re-check the lease; when it is lost, this process no longer leads."""
        if self._held and not self._lease.check():
            self._held = False
            log.error("LEADER LEASE LOST%s: this process stops sending and scheduling", self._of)
            self._release()
        return self._held

    def release(self) -> None:
        self._held = False
        self._release()

    def _release(self) -> None:
        try:
            self._lease.release()
        except Exception:
            log.exception("releasing the leader lease failed")

    async def serve(self, lead: Lead, step_down: StepDown) -> None:
        """Until cancelled: stand by until the lease is free, then `lead()` (start the leader's
        parts; it may return a task whose failure ends the service); re-check the lease every
        `every` and `step_down()` when it is lost, then stand by again. On cancellation (or when
        the leader's task fails) the parts are stopped and the lease freed."""
        term: asyncio.Task[None] | None = None
        said_standby = False
        try:
            while True:
                if not self._held:
                    term, said_standby = await self._try_to_lead(lead, step_down, said_standby)
                elif not await asyncio.to_thread(self.confirm):
                    term = None
                    await step_down()
                elif self._share is not None and await asyncio.to_thread(self._share.surplus, self):
                    log.warning("handing over%s: this worker leads more than its share", self._of)
                    term = None
                    try:
                        await step_down()
                    finally:
                        await asyncio.to_thread(self.release)
                await _wait(term, self.every.total_seconds())
                if term is not None and term.done():
                    term.result()  # a fatal failure of the leader's parts ends the service
                    term = None
        finally:
            if self._held:
                try:
                    await step_down()
                finally:
                    await asyncio.to_thread(self.release)

    async def _try_to_lead(
        self, lead: Lead, step_down: StepDown, said_standby: bool
    ) -> tuple[asyncio.Task[None] | None, bool]:
        """Take the lease and lead when it is free (and this worker's share has room)."""
        if self._share is not None and not await asyncio.to_thread(self._share.admits):
            return None, said_standby  # this worker leads its share; another takes this one
        if await asyncio.to_thread(self._try_acquire_logged):
            log.warning("this process leads%s: it runs %s", self._of, self._role)
            return await self._lead_or_stand_down(lead, step_down), False
        if not said_standby:
            log.warning("another process leads%s on this database; standing by", self._of)
        return None, True

    def _try_acquire_logged(self) -> bool:
        try:
            return self.try_acquire()
        except Exception:  # the database is unreachable: stand by and try again
            log.exception("could not try the leader lease")
            return False

    async def _lead_or_stand_down(
        self, lead: Lead, step_down: StepDown
    ) -> asyncio.Task[None] | None:
        try:
            return await lead()
        except Exception:
            log.exception("starting the leader's parts failed; standing by and trying again")
            try:
                await step_down()
            finally:
                await asyncio.to_thread(self.release)
            return None


async def _wait(term: asyncio.Task[None] | None, seconds: float) -> None:
    if term is None:
        await asyncio.sleep(seconds)
    else:
        await asyncio.wait({term}, timeout=seconds)


class _Borrowed:
    def __init__(self, leadership: Leadership) -> None:
        self._leadership = leadership

    def acquire(self) -> bool:
        return self._leadership.held

    def check(self) -> bool:
        return self._leadership.held

    def release(self) -> None:
        return None
