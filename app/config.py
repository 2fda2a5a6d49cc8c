"""Settings in one object, read from the environment (prefix VARDKEDJAN_)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

BUNDLED_REGISTRY = Path(__file__).resolve().parent.parent / "data" / "providers.yaml"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VARDKEDJAN_", extra="ignore")

    data: Path = BUNDLED_REGISTRY
    environment: Literal["development", "production"] = "development"
