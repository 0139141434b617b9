"""The only boundary to a chat platform: send one message; inbound arrives via the router."""

from __future__ import annotations

from typing import Protocol

from bot.messages import OutboundMessage


class DeliveryError(Exception):
    """The platform did not take the message; the dispatcher retries later with backoff."""


class RateLimited(DeliveryError):
    """The platform said we send too fast: the whole sender slows down; no attempt is counted."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class GatewayUnavailable(DeliveryError):
    """Not connected or logged out: delivery pauses until the gateway is back; nothing fails."""


class Gateway(Protocol):
    async def send(self, message: OutboundMessage) -> None: ...
