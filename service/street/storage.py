"""Where each community of a street keeps its data: one schema (PostgreSQL) or one file (SQLite)
per community, so ticket and event numbers (#12, #E7) are each community's own and no query can
reach another community's rows.

The first community keeps the database's own schema or the SQLite file itself, so a deployment
of one community grows into a street without moving its data. The others get the schema
`community_<slug>` in the same PostgreSQL database, or a file beside the SQLite one
(data/hongqiao.db → data/hongqiao.jinmao.db). Each storage remembers which community it holds
and refuses to open as another's (a street.yaml reordered would otherwise swap them)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from service.community.yaml_source import ConfigError
from service.db import make_engine
from service.models import AppSecret

# The AppSecret row naming the community a storage holds.
HOLDER = "community"


def community_url(url: str, slug: str) -> str:
    """The SQLite database of a community other than the first (or of the street office): a
    file beside the street's."""
    parsed = make_url(url)
    database = parsed.database or ""
    if database in {"", ":memory:"} or database.startswith("file:"):
        raise ConfigError(
            f"community {slug!r}: an in-memory SQLite database holds one community only"
        )
    path = Path(database)
    beside = path.with_name(f"{path.stem}.{slug}{path.suffix}")
    return parsed.set(database=str(beside)).render_as_string(hide_password=False)


def schema_of(slug: str) -> str:
    return f"community_{slug}"


def community_engine(url: str, slug: str, first: bool, pooled: bool = True) -> Engine:
    """An engine whose every statement (migrations included) reads and writes the community's
    own tables; not `pooled`, it keeps no connection between uses (service.db.make_engine)."""
    if first:
        return make_engine(url, pooled=pooled)
    if make_url(url).get_backend_name() == "sqlite":
        return make_engine(community_url(url, slug), pooled=pooled)
    return schema_engine(url, schema_of(slug), pooled)


def schema_engine(url: str, schema: str, pooled: bool = True) -> Engine:
    """An engine on its own schema of the PostgreSQL database, created if need be."""
    engine = make_engine(url, search_path=schema, pooled=pooled)
    with engine.connect() as conn:  # created once, by whoever opens it first
        conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
        conn.commit()
    return engine


def hold(session: Session, slug: str) -> None:
    """Mark a storage as the community's (or the street office's), or refuse it when it is
    another's."""
    row = session.get(AppSecret, HOLDER)
    if row is None:
        session.add(AppSecret(name=HOLDER, value=slug))
    elif row.value != slug:
        raise ConfigError(
            f"the database {where(session)} holds community {row.value!r}, not {slug!r}:"
            " the first community of street.yaml keeps the database's own schema or file,"
            " so keep the order of its communities"
        )


def where(session: Session) -> str:
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    return engine.url.render_as_string(hide_password=True)
