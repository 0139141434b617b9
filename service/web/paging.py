"""Pages of a list already in memory (members, events, messages, accounts), with the link
parameters a pager needs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from service.web.filters import parse_int

T = TypeVar("T")


@dataclass(frozen=True)
class Paged(Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int
    param: str  # the query parameter that carries this list's page number

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def paginate(rows: Sequence[T], page: str | None, per_page: int, param: str = "page") -> Paged[T]:
    total = len(rows)
    pages = max(1, -(-total // per_page))
    number = min(max(parse_int(page) or 1, 1), pages)
    start = (number - 1) * per_page
    return Paged(list(rows[start : start + per_page]), total, number, per_page, param)
