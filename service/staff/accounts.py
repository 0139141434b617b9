"""Staff accounts: argon2 password hashes, roles, and a slowdown after wrong passwords."""

from __future__ import annotations

import asyncio
import re
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from service import attempts
from service.attempts import Limit
from service.community import Community
from service.errors import InvalidInput, NotFound, NotPermitted
from service.models import ApiToken, AttemptLimit, StaffAccount

Role = Literal["admin", "community", "grid"]
ROLES: Final = get_args(Role)
# The street office's accounts: they read every community's figures on the street's page, in
# the office's own storage, never in a community's.
STREET_ROLE: Final = "street"
ROLE_LABELS_ZH: Final = {
    "admin": "管理员",
    "community": "社区工作人员",
    "grid": "网格工作人员",
    STREET_ROLE: "街道工作人员",
}

# Signing in (the waits themselves are service.attempts' rule): one source may get one name
# wrong FREE_TRIES times, and any names SOURCE_FREE_TRIES times, before its tries must wait.
# Once a name has ACCOUNT_ALERT wrong passwords from all sources, a source that got it wrong
# once waits at once (guessing from many addresses), while a source that has not (the owner,
# elsewhere) still has its try: nobody's guesses can keep the right password out.
FREE_TRIES: Final = 3
SOURCE_FREE_TRIES: Final = 10
ACCOUNT_ALERT: Final = 10
# Password checks (argon2: ~64 MiB and tens of ms each) run at most this many at a time, on
# their own threads, holding no database connection.
HASH_CONCURRENCY: Final = 2
MIN_PASSWORD: Final = 10
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,64}$")

_hasher = PasswordHasher()
_hashing = ThreadPoolExecutor(HASH_CONCURRENCY, thread_name_prefix="password-check")
_stand_in: list[str] = []  # a hash to check unknown names against, made once


@dataclass(frozen=True)
class LoginResult:
    """The account on success; otherwise None, with `retry_after` set while tries are slowed.

    A result rather than an exception, so the caller commits the failure count."""

    account: StaffAccount | None
    retry_after: datetime | None = None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            f"password shorter than {MIN_PASSWORD} characters",
            f"密码至少需要 {MIN_PASSWORD} 位。",
        )
    if len(password) > 256:
        raise InvalidInput("password longer than 256 characters", "密码太长了。")


def add_account(
    session: Session,
    community: Community,
    *,
    username: str,
    password: str,
    role: str,
    now: datetime,
    display_name: str | None = None,
    grid: int | None = None,
    person: str | None = None,
) -> StaffAccount:
    if role not in ROLES:
        raise InvalidInput(f"unknown role {role!r}", "角色应为 admin、community 或 grid。")
    if role == "grid":
        if grid is None or grid not in {g.number for g in community.grids}:
            raise InvalidInput(
                f"grid staff need a known grid, got {grid}", "请指定存在的网格编号。"
            )
    elif grid is not None:
        raise InvalidInput("only grid staff have a grid", "只有网格工作人员需要指定网格。")
    if person is not None and community.person(person) is None:
        raise InvalidInput(f"{person!r} is not a configured person", f"社区名单里没有“{person}”。")
    return _create(session, username, password, role, now, display_name, grid, person)


def add_street_account(
    session: Session, *, username: str, password: str, now: datetime, display_name: str | None
) -> StaffAccount:
    """An account of the street office (in its own storage, service.street.office)."""
    return _create(session, username, password, STREET_ROLE, now, display_name, None, None)


def _create(
    session: Session,
    username: str,
    password: str,
    role: str,
    now: datetime,
    display_name: str | None,
    grid: int | None,
    person: str | None,
) -> StaffAccount:
    if not _USERNAME.match(username):
        raise InvalidInput(
            f"bad username {username!r}", "用户名只能用 2–64 位英文字母、数字、点、横线或下划线。"
        )
    _check_password(password)
    if session.scalar(select(StaffAccount.id).where(StaffAccount.username == username)):
        raise InvalidInput(f"username {username!r} is taken", f"用户名 {username} 已存在。")
    account = StaffAccount(
        username=username,
        display_name=(display_name or person or username)[:128],
        password_hash=hash_password(password),
        role=role,
        grid=grid,
        person=person,
        active=True,
        failed_logins=0,
        password_changed_at=now,
        created_at=now,
    )
    session.add(account)
    session.flush()
    return account


def get_account(session: Session, username: str) -> StaffAccount:
    account = session.scalar(select(StaffAccount).where(StaffAccount.username == username))
    if account is None:
        raise NotFound(f"no account {username!r}", f"没有用户 {username}。")
    return account


def set_password(session: Session, username: str, password: str, now: datetime) -> None:
    """Change a password; this also ends every session signed in before now and revokes the
    account's API tokens."""
    account = get_account(session, username)
    _check_password(password)
    session.execute(delete(ApiToken).where(ApiToken.account_id == account.id))
    account.password_hash = hash_password(password)
    account.password_changed_at = now
    account.failed_logins = 0
    account.locked_until = None
    # The person who forgot it may sign in with the new one at once, from where they tried.
    name = username.casefold()
    session.execute(
        delete(AttemptLimit).where(
            (AttemptLimit.key == f"login-name:{name}")
            | (
                AttemptLimit.key.startswith("login-pair:")
                & AttemptLimit.key.endswith(f"|{name}", autoescape=True)
            )
        )
    )


def list_accounts(session: Session) -> list[StaffAccount]:
    return list(session.scalars(select(StaffAccount).order_by(StaffAccount.username)))


def has_accounts(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(StaffAccount)))


def ensure_first_admin(session: Session, community: Community, now: datetime) -> str | None:
    """On an empty account table create `admin` with a generated password and return it.

    The account is the first person with the admin role in config, so chat groups see a name
    they know when it acts on tickets."""
    if has_accounts(session):
        return None
    password = generate_password()
    person = next((p for p in community.people if "admin" in p.roles), None)
    add_account(
        session,
        community,
        username="admin",
        password=password,
        role="admin",
        now=now,
        display_name=person.name if person else "管理员",
        person=person.name if person else None,
    )
    return password


@dataclass(frozen=True)
class Admission:
    """A counted sign-in try (or `retry_after` when it must wait) and the hash to check."""

    limits: tuple[Limit, ...]
    retry_after: datetime | None = None
    account_id: int | None = None
    password_hash: str | None = None


@dataclass(frozen=True)
class Verdict:
    ok: bool
    new_hash: str | None = None  # the password hashed with today's parameters, when due


def login_limits(session: Session, username: str, source: str, now: datetime) -> tuple[Limit, ...]:
    """The keys a sign-in try counts under: its source, and its source with the name typed
    (known or not, so the answers never tell which names exist)."""
    name = username.casefold()
    alert = attempts.count(session, f"login-name:{name}", now) >= ACCOUNT_ALERT
    return (
        Limit(f"login-source:{source}", SOURCE_FREE_TRIES),
        Limit(f"login-pair:{source}|{name}", 1 if alert else FREE_TRIES),
    )


def login_wait(session: Session, username: str, source: str, now: datetime) -> datetime | None:
    """Read only: until when this source must wait for this name, if it must."""
    return attempts.waiting(session, login_limits(session, username, source, now), now)


def begin_login(session: Session, username: str, source: str, now: datetime) -> Admission:
    """Count the try (first step of signing in, in a short transaction of its own)."""
    limits = login_limits(session, username, source, now)
    retry_after = attempts.admit(session, limits, now)
    if retry_after is not None:
        return Admission(limits, retry_after)
    account = session.scalar(select(StaffAccount).where(StaffAccount.username == username))
    if account is None or not account.active:
        return Admission(limits)
    return Admission(limits, None, account.id, account.password_hash)


def verify_password(stored: str | None, password: str) -> Verdict:
    """Check a password against its hash (second step, no database); None: no such account,
    checked against a stand-in so that it takes as long."""
    if stored is None:
        if not _stand_in:
            _stand_in.append(_hasher.hash(secrets.token_urlsafe(16)))
        stored, password = _stand_in[0], password + "\x00"  # never matches
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return Verdict(False)
    return Verdict(True, hash_password(password) if _hasher.check_needs_rehash(stored) else None)


async def check_password(stored: str | None, password: str) -> Verdict:
    """verify_password on the password-check threads: the event loop and the database
    connection pool stay free while it runs, however many sign-ins arrive at once."""
    return await asyncio.get_running_loop().run_in_executor(_hashing, _verify, stored, password)


def _verify(stored: str | None, password: str) -> Verdict:
    return verify_password(stored, password)  # looked up per call (tests watch it)


def finish_login(
    session: Session, username: str, admission: Admission, verdict: Verdict, now: datetime
) -> LoginResult:
    """Third step: sign in on a right password (unless the account changed meanwhile), or
    count the wrong one."""
    account = session.get(StaffAccount, admission.account_id) if admission.account_id else None
    if (
        verdict.ok
        and account is not None
        and account.active
        and account.password_hash == admission.password_hash
    ):
        if verdict.new_hash:
            account.password_hash = verdict.new_hash
        source, pair = admission.limits
        attempts.succeeded(session, cleared=[pair], given_back=[source], now=now)
        return LoginResult(account)
    attempts.note(session, f"login-name:{username.casefold()}", now)
    return LoginResult(None, attempts.failed(session, admission.limits, now))


def require_role(role: str, *allowed: Role) -> None:
    if role not in allowed:
        raise NotPermitted(f"role {role} needs one of {allowed}", "抱歉，您没有权限做这件事。")
