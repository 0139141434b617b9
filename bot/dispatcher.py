"""Delivers outbox rows through a gateway: paced, in order within each room, retried, and marked.

- Pacing: with a `Pacer`, one message goes out per interval (plus jitter) for the whole sender;
  a rate-limit answer (`RateLimited`) slows the whole sender down instead of retrying harder.
- Order: rows go out in id order within each room; a row waiting for a retry holds back the
  later rows of its room only.
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
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

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
from service.outbox import Mention, pending, room_for_group

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BATCH = 200
Outcome = Literal["sent", "retry", "held", "paused"]


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
    due: datetime | None  # not before this (a retry after a failure)


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
            with suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), poll_seconds)
            self._wake.clear()

    async def drain(self) -> int:
        """Send everything that is due now; return how many rows were completed."""
        async with self._lock:
            return await self._drain()

    async def _drain(self) -> int:
        sent = 0
        while True:
            with transaction(self._factory) as session:
                batch = [self._item(session, row) for row in pending(session, BATCH, self._where)]
            if not batch:
                return sent
            blocked: set[str] = set()
            progressed = False
            for item in batch:
                room = item.message.room_id
                if room in blocked:
                    continue
                if item.due is not None and item.due > self._clock.now():
                    blocked.add(room)
                    continue
                outcome = await self._deliver(item)
                if outcome == "paused":
                    return sent
                if outcome == "sent":
                    sent += 1
                    progressed = True
                else:
                    blocked.add(room)  # keep order: the rest of this room waits
            if not progressed:
                return sent

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
        return _Item(row.id, message, row.parts_sent, row.next_attempt_at)

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
            try:
                await self._gateway.send(part)
            except GatewayUnavailable as exc:
                log.warning("%s: delivery paused: %s", self.name, exc)
                return "paused"
            except RateLimited as exc:
                log.warning("%s: rate limited, slowing down: %s", self.name, exc)
                if self._pacer is not None:
                    self._pacer.rate_limited(exc.retry_after)
                return "held"
            except Exception as exc:
                if self._pacer is not None:
                    self._pacer.sent()
                self._failed(item.row_id, f"{type(exc).__name__}: {exc}")
                return "retry"
            if self._pacer is not None:
                self._pacer.sent()
            self._progress(item.row_id, index + 1, done=index + 1 == len(parts))
        if item.parts_sent >= len(parts):
            self._progress(item.row_id, item.parts_sent, done=True)
        return "sent"

    def _progress(self, row_id: int, parts_sent: int, done: bool) -> None:
        with transaction(self._factory) as session:
            row = session.get_one(OutboxMessage, row_id)
            row.parts_sent = parts_sent
            if done:
                row.state = "sent"
                row.attempts += 1
                row.sent_at = self._clock.now()
                row.next_attempt_at = None

    def _failed(self, row_id: int, error: str) -> None:
        with transaction(self._factory) as session:
            row = session.get_one(OutboxMessage, row_id)
            row.attempts += 1
            row.last_error = error[:2000]
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
