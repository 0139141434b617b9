"""Per-request plumbing shared by pages, API and Open311: database session, clock, the user."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from service.actors import Actor
from service.bootstrap import Core
from service.clock import Clock
from service.community import Community
from service.dashboard.upstream import Scope, scope_groups, scope_people
from service.db import transaction
from service.models import StaffAccount
from service.understanding import Classifier


@dataclass(frozen=True)
class Staff:
    """The signed-in account, detached from the database session."""

    id: int
    username: str
    display_name: str
    role: str
    grid: int | None
    person: str | None

    @classmethod
    def of(cls, account: StaffAccount) -> Staff:
        return cls(
            account.id,
            account.username,
            account.display_name,
            account.role,
            account.grid,
            account.person,
        )

    @property
    def scope(self) -> Scope:
        return Scope("grid", self.grid) if self.role == "grid" else Scope("community")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def rooms(self, community: Community) -> set[str] | None:
        """The chat groups within this account's scope (None: every group)."""
        if self.is_admin or self.scope.kind == "community":
            return None
        return scope_groups(community, self.scope)[1]

    def may_speak_as(self, community: Community, name: str) -> bool:
        """Whom the playground lets this account speak as: admins anyone; others residents
        (names not in the community list: bot/playground.py makes them stand-ins), themselves,
        and configured people within their scope, never a configured administrator nor the
        street office's people."""
        if self.is_admin or name == self.person:
            return True
        person = community.person(name)
        if person is None:
            return True
        street = community.street_group
        if "admin" in person.roles or (street is not None and name in street.members):
            return False
        people = scope_people(community, self.scope)
        return people is None or name in people

    def actor(self, community: Community) -> Actor:
        person = community.person(self.person) if self.person else None
        grid = self.grid if self.scope.kind == "grid" else None
        return Actor(
            f"web:{self.username}", self.display_name, person, admin=self.is_admin, grid=grid
        )


def core_of(request: Request) -> Core:
    core: Core = request.app.state.core
    return core


def clock_of(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


def classifier_of(request: Request) -> Classifier:
    classifier: Classifier = request.app.state.classifier
    return classifier


def db(request: Request) -> Iterator[Session]:
    """One transaction per request: committed when the handler returns normally. A request that
    may write is a unit of work of its own (service.db.transaction: on SQLite it queues for the
    write lock when it begins, instead of failing when it turns from reading to writing)."""
    factory = core_of(request).factory
    if request.method in READ_ONLY_METHODS:
        yield from read_db(request)
    else:
        with transaction(factory) as session:
            yield session


def read_db(request: Request) -> Iterator[Session]:
    """A session that only reads: for handlers that write in units of work of their own (the
    playground's messages go through the bot's router), which must not wait for the write lock
    their own request holds."""
    with core_of(request).factory() as session, session.begin():
        yield session


READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


# scope="function": the commit runs when the handler returns and before the answer is sent, so
# a commit that fails answers 500 instead of a success that was never stored (with FastAPI's
# default "request" scope the code after `yield` runs after the response has gone out).
DB = Annotated[Session, Depends(db, scope="function")]
ReadDB = Annotated[Session, Depends(read_db, scope="function")]
CoreDep = Annotated[Core, Depends(core_of)]
ClockDep = Annotated[Clock, Depends(clock_of)]
