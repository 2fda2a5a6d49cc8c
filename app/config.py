"""Settings in one object, read from the environment (prefix VARDKEDJAN_)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

from app.paths import BUNDLED_REGISTRY


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VARDKEDJAN_", extra="ignore")

    data: Path = BUNDLED_REGISTRY
    environment: Literal["development", "production"] = "development"
