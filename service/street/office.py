"""The street office's own storage: the accounts of the 街道's staff, who sign in on the street's
page and read every community's figures there.

It sits beside the communities' storages: the schema `street_office` of the same PostgreSQL
database, or the file beside the SQLite one (data/hongqiao.db → data/hongqiao.street-office.db;
no community's slug has a hyphen). It has the same tables as a community's (one set of
migrations) and uses only the accounts and the sign-in limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from service.bootstrap import wipe
from service.community.yaml_source import ConfigError
from service.db import make_engine, migrate, session_factory, transaction
from service.staff import accounts
from service.street.storage import community_url, hold, schema_engine

# What the office's storage is marked as holding (service.street.storage.hold), and the name
# its session key is made its own with.
HOLDER = "street-office"
SCHEMA = "street_office"
# The account created when the office has none; its password is shown once, as the first
# admin's of a community.
FIRST_ACCOUNT = "street"


@dataclass(frozen=True)
class Office:
    engine: Engine
    factory: sessionmaker[Session]


def office_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        database = make_url(url).database or ""
        if database in {"", ":memory:"} or database.startswith("file:"):
            raise ConfigError("the street office's accounts need a database file, not memory")
        return make_engine(community_url(url, HOLDER))
    return schema_engine(url, SCHEMA)


def open_office(url: str, fresh: bool = False) -> Office:
    engine = office_engine(url)
    if fresh:
        wipe(engine)
    migrate(engine)
    factory = session_factory(engine)
    with transaction(factory) as session:
        hold(session, HOLDER)
    return Office(engine, factory)


def ensure_first_account(office: Office, name: str, now: datetime) -> str | None:
    """On an office with no account, create `street` with a generated password and return it."""
    with transaction(office.factory) as session:
        if accounts.has_accounts(session):
            return None
        password = accounts.generate_password()
        accounts.add_street_account(
            session,
            username=FIRST_ACCOUNT,
            password=password,
            now=now,
            display_name=name,
        )
        return password
