"""Delivers outbox rows through a gateway: paced, in order within each room, retried, and marked.

- Pacing: with a `Pacer`, one message goes out per interval (plus jitter) for the whole sender;
  a rate-limit answer (`RateLimited`) slows the whole sender down instead of retrying harder.
- Order: the most urgent first (service/outbox.py: Priority), then oldest first, within each
  room; each room's next row is picked in SQL, and a row waiting for a retry holds back the later
  rows of its room only.
- One sender per row: each part is claimed in the database before it is sent (see
  `service.outbox.claim`), so a second instance never sends it too; with `may_send` (the
  process's leadership) nothing is sent once the process no longer leads.
- Failures: a `DeliveryError` (or any error from the gateway) counts an attempt and schedules the
  next one with exponential backoff; after `max_attempts` the row is marked failed with the
  error, which delivery health shows. `GatewayUnavailable` (logged out) pauses delivery and
  counts nothing.
- Long texts are split on line boundaries; each part is recorded as it goes out, so a restart
  resumes with the next part.
- At most one repeat: a row (or part) is marked sent only after the gateway took it. A crash
  between the two sends that one message once more on restart; a row marked sent is never sent
  again, and nothing is lost.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Callable, Coroutine
from contextlib import suppress
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session, sessionmaker

from bot.gateway import Gateway, GatewayUnavailable, RateLimited
from bot.messages import OutboundMessage, is_direct
from bot.pacing import Pacer
from bot.splitting import split_text
from service.clock import Clock
from service.db import transaction
from service.identity import contact_for_person
from service.models import OutboxMessage
from service.outbox import Mention, claim, next_due, room_for_group

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# How long a stopping dispatcher waits for a part it claimed to be sent and recorded.
FINISH_WITHIN = 10.0
Outcome = Literal["sent", "retry", "held", "paused", "taken"]


@dataclass(frozen=True)
class Backoff:
    first: float = 5.0  # seconds before the second attempt
    factor: float = 2.0
    cap: float = 600.0

    def delay(self, attempts: int) -> float:
        return min(self.cap, self.first * self.factor ** max(0, attempts - 1))


@dataclass(frozen=True)
class _Item:
    row_id: int
    message: OutboundMessage
    parts_sent: int


class Dispatcher:
    def __init__(
        self,
        factory: sessionmaker[Session],
        gateway: Gateway,
        clock: Clock,
        *,
        pacer: Pacer | None = None,
        max_chars: int | None = None,
        text_size: Callable[[str], int] = len,
        where: ColumnElement[bool] | None = None,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: Backoff | None = None,
        name: str = "chat",
        may_send: Callable[[], bool] = lambda: True,
    ) -> None:
        self._factory = factory
        self._gateway = gateway
        self._clock = clock
        self._pacer = pacer
        self._max_chars = max_chars
        self._text_size = text_size
        self._where = where
        self._max_attempts = max_attempts
        self._backoff = backoff or Backoff()
        self.name = name
        self._may_send = may_send
        self._holder = f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:12]}"
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()

    def notify(self) -> None:
        """Something new is in the outbox (or the gateway came back): deliver now."""
        self._wake.set()

    async def run(self, poll_seconds: float = 2.0) -> None:
        """Deliver until cancelled: after every notify(), and every poll_seconds for retries."""
        while True:
            try:
                await self.drain()
            except Exception:
                log.exception("%s: delivery round failed", self.name)
            # asyncio.timeout, not wait_for: Python 3.11's wait_for can swallow a cancel that
            # arrives as the wait ends, and stopping the dispatcher then never finishes.
            with suppress(TimeoutError):
                async with asyncio.timeout(poll_seconds):
                    await self._wake.wait()
            self._wake.clear()

    async def drain(self) -> int:
        """Send everything that is due now; return how many rows were completed."""
        async with self._lock:
            return await self._drain()

    async def _drain(self) -> int:
        sent = 0
        taken: set[int] = set()  # rows another sender holds: their rooms wait this round
        while self._may_send():
            # Database work goes to a thread: on SQLite it may wait for the write lock, and a
            # web request holding that lock needs this loop to finish and let it go.
            item = await asyncio.to_thread(self._next_item, taken)
            if item is None:
                return sent
            outcome = await self._deliver(item)
            if outcome == "sent":
                sent += 1
            elif outcome == "taken":
                taken.add(item.row_id)
            elif outcome in ("paused", "held"):
                return sent
            # "retry": the row waits for its next attempt, and so do its room's later rows
        return sent

    def _next_item(self, taken: set[int]) -> _Item | None:
        with transaction(self._factory) as session:
            rows = next_due(session, self._clock.now(), self._holder, self._where, taken)
            return self._item(session, rows[0]) if rows else None

    def _item(self, session: Session, row: OutboxMessage) -> _Item:
        room = row.room_id or room_for_group(session, row.group_name or "")
        # A private chat has nobody to @: the message already goes to that one person.
        mentions = (
            ()
            if is_direct(room)
            else tuple(
                Mention(contact_for_person(session, m["id"]) or m["id"], m["name"])
                for m in row.mentions
            )
        )
        message = OutboundMessage(room, row.text, mentions, group=row.group_name)
        return _Item(row.id, message, row.parts_sent)

    def _parts(self, text: str) -> list[str]:
        if self._max_chars is None:
            return [text]
        return split_text(text, self._max_chars, self._text_size)

    async def _deliver(self, item: _Item) -> Outcome:
        message = item.message
        parts = self._parts(message.text)
        for index in range(item.parts_sent, len(parts)):
            part = OutboundMessage(
                message.room_id,
                parts[index],
                message.mentions if index == 0 else (),
                group=message.group,
            )
            if self._pacer is not None:
                await self._pacer.wait()
            if not self._may_send():
                return "paused"
            if not await asyncio.to_thread(self._claim, item.row_id, index):
                return "taken"
            # Once claimed, a part is sent and recorded even when the bot stops meanwhile (a
            # worker killed, a lease handed over): a part WeChat took but the outbox did not
            # record would go out again from the next leader.
            failed = await _to_the_end(self._send_claimed(item.row_id, part, index, len(parts)))
            if failed is not None:
                return failed
        if item.parts_sent >= len(parts):
            await asyncio.to_thread(self._progress, item.row_id, item.parts_sent, True)
        return "sent"

    async def _send_claimed(
        self, row_id: int, part: OutboundMessage, index: int, count: int
    ) -> Outcome | None:
        """Send a claimed part and record it; the outcome when it did not go out."""
        try:
            await self._gateway.send(part)
        except GatewayUnavailable as exc:
            log.warning("%s: delivery paused: %s", self.name, exc)
            await asyncio.to_thread(self._unclaim, row_id)
            return "paused"
        except RateLimited as exc:
            log.warning("%s: rate limited, slowing down: %s", self.name, exc)
            if self._pacer is not None:
                self._pacer.rate_limited(exc.retry_after)
            await asyncio.to_thread(self._unclaim, row_id)
            return "held"
        except Exception as exc:
            if self._pacer is not None:
                self._pacer.sent()
            await asyncio.to_thread(self._failed, row_id, f"{type(exc).__name__}: {exc}")
            return "retry"
        if self._pacer is not None:
            self._pacer.sent()
        await asyncio.to_thread(self._progress, row_id, index + 1, index + 1 == count)
        return None

    def _claim(self, row_id: int, parts_sent: int) -> bool:
        with transaction(self._factory) as session:
            return claim(session, row_id, parts_sent, self._holder, self._clock.now())

    def _unclaim(self, row_id: int) -> None:
        with transaction(self._factory) as session:
            row = session.get_one(OutboxMessage, row_id)
            row.claimed_by = row.claimed_until = None

    def _progress(self, row_id: int, parts_sent: int, done: bool) -> None:
        with transaction(self._factory) as session:
            row = session.get_one(OutboxMessage, row_id)
            row.parts_sent = parts_sent
            if done:
                row.claimed_by = row.claimed_until = None
                row.state = "sent"
                row.attempts += 1
                row.sent_at = self._clock.now()
                row.next_attempt_at = None

    def _failed(self, row_id: int, error: str) -> None:
        with transaction(self._factory) as session:
            row = session.get_one(OutboxMessage, row_id)
            row.attempts += 1
            row.last_error = error[:2000]
            row.claimed_by = row.claimed_until = None
            if row.attempts >= self._max_attempts:
                row.state = "failed"
                row.next_attempt_at = None
                log.error(
                    "%s: outbox row %s failed after %s attempts: %s",
                    self.name,
                    row_id,
                    row.attempts,
                    error,
                )
            else:
                delay = self._backoff.delay(row.attempts)
                row.next_attempt_at = self._clock.now() + timedelta(seconds=delay)
                log.warning(
                    "%s: outbox row %s not delivered (attempt %s), retry in %.0f s: %s",
                    self.name,
                    row_id,
                    row.attempts,
                    delay,
                    error,
                )


async def _to_the_end(work: Coroutine[Any, Any, Outcome | None]) -> Outcome | None:
    """Run `work` to its end even if the caller is cancelled meanwhile: the cancel is raised
    once it has finished, or after FINISH_WITHIN seconds (a send that hangs does not hold up
    stopping for ever)."""
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        await asyncio.wait({task}, timeout=FINISH_WITHIN)
        raise
