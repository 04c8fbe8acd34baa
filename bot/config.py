"""Settings from the environment and `.env` (pydantic-settings), created once in __main__.

A bad value stops start-up with one line naming the setting; secrets are SecretStr so they
never show up in logs, reprs or errors.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from knowledge.storage.fact_file import SHIPPED_CONTENT

# "24h", "30m", "1d", "1h30m": what an operator writes; at least a minute apart.
_DURATION = re.compile(r"(\d+)\s*([smhd])")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
MIN_BACKUP_EVERY = timedelta(minutes=1)


def parse_duration(text: str) -> timedelta:
    """'24h' → 24 hours; ValueError for anything else."""
    compact = text.strip().lower()
    parts = _DURATION.findall(compact)
    if not parts or _DURATION.sub("", compact).strip():
        raise ValueError("use a number and a unit, e.g. 30m, 6h, 1d")
    return timedelta(seconds=sum(int(n) * _UNIT_SECONDS[unit] for n, unit in parts))


class SettingsError(ValueError):
    """One line for the operator; never contains a secret's value."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", hide_input_in_errors=True
    )

    bot_token: SecretStr | None = None
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    database_path: Path = Path("data/talkbot.db")
    # What a new database is seeded from (README, "Content directories").
    content_dir: Path = SHIPPED_CONTENT
    telegram_api_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "127.0.0.1"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    webhook_path: str = "/telegram/webhook"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    backup_dir: Path | None = None
    backup_every: timedelta = timedelta(hours=24)
    backup_keep: int = Field(default=7, ge=1)
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    metrics_host: str = "127.0.0.1"
    # The per-user throttle (bot.runtime.throttling): THROTTLE_BURST messages at once, then
    # THROTTLE_RATE a second. 10 at once: a person may paste several questions; a flooder
    # is still cut off after 10.
    throttle_burst: int = Field(default=10, ge=1)
    throttle_rate: float = Field(default=1.0, gt=0)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(
                int(part) for part in value.replace(";", ",").split(",") if part.strip()
            )
        return value

    @field_validator(
        "bot_token",
        "webhook_secret",
        "telegram_api_url",
        "webhook_url",
        "backup_dir",
        "metrics_port",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("backup_every", mode="before")
    @classmethod
    def _duration(cls, value: object) -> object:
        if isinstance(value, str):
            value = parse_duration(value)
        if isinstance(value, timedelta) and value < MIN_BACKUP_EVERY:
            raise ValueError("must be at least 1m")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("content_dir")
    @classmethod
    def _content_dir_has_events(cls, value: Path) -> Path:
        if not (value / "events.yaml").is_file():
            raise ValueError(f"{value} is not a content directory (no events.yaml in it)")
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET is required when WEBHOOK_URL is set")
        return self

    @property
    def has_token(self) -> bool:
        return self.bot_token is not None and bool(self.bot_token.get_secret_value().strip())


def load_settings(**overrides: object) -> Settings:
    """Settings from env/.env (overrides win); SettingsError with one clear line if invalid."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        first = error.errors()[0]
        name = ".".join(str(part) for part in first.get("loc", ())) or "settings"
        # pydantic starts a validator's own message with "Value error, ": not for operators.
        message = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
        if name == "admin_ids":
            message = "must be comma-separated numeric Telegram user ids"
        raise SettingsError(f"invalid setting {name.upper()}: {message}") from None
