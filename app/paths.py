"""Where the project's own files are, without importing anything heavy."""

from pathlib import Path

BUNDLED_REGISTRY = Path(__file__).resolve().parent.parent / "data" / "providers.yaml"
