"""Who did something: a chat sender or a dashboard user, and the configured person if known."""

from __future__ import annotations

from dataclasses import dataclass

from service.community import Person


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    person: Person | None = None
    admin: bool = False  # dashboard administrators may act on any ticket
    grid: int | None = None  # a dashboard account limited to one grid

    @property
    def is_staff(self) -> bool:
        return self.person is not None
