"""Runtime settings from the environment (prefix HONGQIAO_); secrets never come from files."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HONGQIAO_", extra="ignore", populate_by_name=True)

    database_url: str = f"sqlite:///{REPO_ROOT / 'data' / 'hongqiao.db'}"
    config_dir: Path = REPO_ROOT / "config"
    host: str = "127.0.0.1"
    port: int = 8000
    timezone: str = "Asia/Shanghai"
    log_level: str = "INFO"
    # Signs dashboard session cookies; when unset, a key is generated once and kept in the DB.
    secret_key: str | None = None
    # Mark the session cookie Secure (sent over HTTPS only): set it when the dashboard is
    # served over HTTPS, e.g. behind a TLS-terminating proxy.
    cookie_secure: bool = False
    # The reverse proxy in front of the web server, whose X-Forwarded-For / -Proto are believed
    # (addresses or networks, comma-separated, e.g. "127.0.0.1"). Unset: the headers are ignored
    # and the source address is the connection's (service/web/security.py: server_options).
    trusted_proxies: str | None = None

    # WeChat through a Wechaty puppet service. Only these two names are read: python-wechaty's
    # own fallbacks to plain TOKEN / ENDPOINT variables are deliberately not used.
    puppet_token: str | None = Field(
        default=None, validation_alias=AliasChoices("WECHATY_PUPPET_SERVICE_TOKEN")
    )
    puppet_endpoint: str | None = Field(
        default=None, validation_alias=AliasChoices("WECHATY_PUPPET_SERVICE_ENDPOINT")
    )
    wechaty_cache_dir: Path = REPO_ROOT / "data" / "wechaty"
    # Inbound messages sent longer ago than this when the bot (re)connects are not answered.
    inbound_max_age_seconds: float = Field(default=600.0, ge=0)
    # Outbound pacing for the one WeChat account: interval plus a random jitter per message.
    send_interval_seconds: float = Field(default=1.5, gt=0)
    send_jitter_seconds: float = Field(default=0.5, ge=0)
    send_max_chars: int = Field(default=1500, ge=50)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
