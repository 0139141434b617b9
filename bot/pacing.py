"""One sender's pace: a minimum interval between messages plus random jitter, slowed down by
rate-limit answers. Time comes from the injected clock and sleep, so tests need no waiting."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from service.clock import Clock

Sleep = Callable[[float], Awaitable[None]]

MAX_SLOWDOWN = 16.0
# After this many sends without a rate-limit answer, the slowdown halves again.
RECOVER_AFTER = 20


@dataclass(frozen=True)
class Pace:
    interval: float  # seconds between two sends
    jitter: float = 0.0  # extra random seconds, uniform in [0, jitter]
    rate_limit_pause: float = 60.0  # how long to hold off after a rate-limit answer


class Pacer:
    def __init__(
        self,
        pace: Pace,
        clock: Clock,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.pace = pace
        self._clock = clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._next: datetime | None = None
        self.slowdown = 1.0
        self._calm_sends = 0

    async def wait(self) -> None:
        """Return when the next message may go out."""
        while self._next is not None:
            delay = (self._next - self._clock.now()).total_seconds()
            if delay <= 0:
                return
            await self._sleep(delay)

    def sent(self) -> None:
        """A message just went out (or was refused): space the next one."""
        gap = self.pace.interval * self.slowdown + self._rng.uniform(0, self.pace.jitter)
        self._next = self._clock.now() + timedelta(seconds=gap)
        self._calm_sends += 1
        if self._calm_sends >= RECOVER_AFTER and self.slowdown > 1.0:
            self.slowdown = max(1.0, self.slowdown / 2)
            self._calm_sends = 0

    def rate_limited(self, retry_after: float | None = None) -> None:
        """The platform said 'too fast': slow every later send and pause before the next."""
        self.slowdown = min(MAX_SLOWDOWN, self.slowdown * 2)
        self._calm_sends = 0
        pause = retry_after if retry_after is not None else self.pace.rate_limit_pause
        resume = self._clock.now() + timedelta(seconds=pause)
        self._next = max(self._next or resume, resume)
