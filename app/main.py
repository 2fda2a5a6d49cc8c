"""The ASGI application: `app.main:app` serves the registry named by VARDKEDJAN_DATA."""

from app.factory import app_from_settings

app = app_from_settings()
