"""Delivers outbox rows through the gateway, in order, and marks them sent.

A row is marked sent only after the gateway took it; a crash between the two can repeat that
one row once on restart, never more, and never loses it.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy.orm import Session, sessionmaker

from bot.gateway import DeliveryError, Gateway
from bot.messages import OutboundMessage, is_direct
from service.clock import Clock
from service.db import transaction
from service.models import OutboxMessage
from service.outbox import Mention, pending, room_for_group

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


class Dispatcher:
    def __init__(self, factory: sessionmaker[Session], gateway: Gateway, clock: Clock) -> None:
        self._factory = factory
        self._gateway = gateway
        self._clock = clock
        self._lock = asyncio.Lock()

    async def drain(self) -> int:
        """Send everything pending now; return how many rows were sent."""
        async with self._lock:
            return await self._drain()

    async def _drain(self) -> int:
        sent = 0
        while True:
            with transaction(self._factory) as session:
                batch = [(row.id, self._outbound(session, row)) for row in pending(session)]
            if not batch:
                return sent
            for row_id, message in batch:
                ok = await self._send(row_id, message)
                sent += ok
                if not ok:
                    return sent  # keep order: what follows waits for the next round

    def _outbound(self, session: Session, row: OutboxMessage) -> OutboundMessage:
        room = row.room_id or room_for_group(session, row.group_name or "")
        # A private chat has nobody to @: the message already goes to that one person.
        mentions = (
            () if is_direct(room) else tuple(Mention(m["id"], m["name"]) for m in row.mentions)
        )
        return OutboundMessage(room_id=room, text=row.text, mentions=mentions)

    async def _send(self, row_id: int, message: OutboundMessage) -> bool:
        try:
            await self._gateway.send(message)
        except DeliveryError as exc:
            self._failed(row_id, str(exc))
            return False
        with transaction(self._factory) as session:
            row = session.get_one(OutboxMessage, row_id)
            row.state = "sent"
            row.attempts += 1
            row.sent_at = self._clock.now()
        return True

    def _failed(self, row_id: int, error: str) -> None:
        with transaction(self._factory) as session:
            row = session.get_one(OutboxMessage, row_id)
            row.attempts += 1
            row.last_error = error
            if row.attempts >= MAX_ATTEMPTS:
                row.state = "failed"
                log.error("outbox row %s failed after %s attempts: %s", row_id, row.attempts, error)
            else:
                log.warning(
                    "outbox row %s not delivered (attempt %s): %s", row_id, row.attempts, error
                )
