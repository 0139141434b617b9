"""The only boundary to a chat platform: send one message; inbound arrives via the router."""

from __future__ import annotations

from typing import Protocol

from bot.messages import OutboundMessage


class DeliveryError(Exception):
    """The platform did not take the message; the dispatcher retries later."""


class Gateway(Protocol):
    async def send(self, message: OutboundMessage) -> None: ...
