"""Where the project's own files are, without importing anything heavy."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_REGISTRY = ROOT / "data" / "providers.yaml"
TEMPLATES = ROOT / "templates"
STATIC = ROOT / "static"
