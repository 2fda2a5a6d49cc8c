"""The ASGI application: `app.main:app`, configured by VARDKEDJAN_* (app/config.py):
the instance folder VARDKEDJAN_INSTANCE seeded from VARDKEDJAN_DATA, or VARDKEDJAN_DATA
read-only when no instance is named.

A broken registry or a missing secret stops the process with a message, not a traceback,
as `vardkedjan serve` does.
"""

import sys

from pydantic import ValidationError

from app.factory import app_from_settings
from pathways.errors import PathwaysError, RegistryInvalid

try:
    app = app_from_settings()
except RegistryInvalid as exc:
    print("vardkedjan: the registry was refused; nothing was loaded.", file=sys.stderr)
    print(exc, file=sys.stderr)
    raise SystemExit(1) from None
except ValidationError as exc:
    print(f"vardkedjan: the settings were refused: {exc}", file=sys.stderr)
    raise SystemExit(1) from None
except PathwaysError as exc:
    print(f"vardkedjan: {exc}", file=sys.stderr)
    raise SystemExit(1) from None
