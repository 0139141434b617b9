"""Runtime settings from the environment (prefix HONGQIAO_); secrets never come from files."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HONGQIAO_", extra="ignore")

    database_url: str = f"sqlite:///{REPO_ROOT / 'data' / 'hongqiao.db'}"
    config_dir: Path = REPO_ROOT / "config"
    host: str = "127.0.0.1"
    port: int = 8000
    timezone: str = "Asia/Shanghai"
    log_level: str = "INFO"
    # Signs dashboard session cookies; when unset, a key is generated once and kept in the DB.
    secret_key: str | None = None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
