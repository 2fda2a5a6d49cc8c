"""The ASGI application: `app.main:app` serves the registry named by VARDKEDJAN_DATA.

A broken registry stops the process with the registry's problems, not a traceback, as
`vardkedjan serve` does.
"""

import sys

from app.factory import app_from_settings
from pathways.errors import RegistryInvalid

try:
    app = app_from_settings()
except RegistryInvalid as exc:
    print("vardkedjan: the registry was refused; nothing was loaded.", file=sys.stderr)
    print(exc, file=sys.stderr)
    raise SystemExit(1) from None
