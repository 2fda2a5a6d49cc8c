# Vårdkedjan: the public pages and the API, serving the bundled registry.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VARDKEDJAN_DATA=/srv/vardkedjan/data/providers.yaml \
    VARDKEDJAN_INSTANCE=/srv/vardkedjan/instance \
    VARDKEDJAN_ENVIRONMENT=production

WORKDIR /srv/vardkedjan

# git keeps the registry's history in the instance folder.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 vardkedjan \
    && useradd --system --uid 10001 --gid vardkedjan --home-dir /srv/vardkedjan --shell /usr/sbin/nologin vardkedjan

COPY pyproject.toml README.md ./
COPY pathways ./pathways
COPY app ./app
# Editable, so the code finds templates/, static/ and locale/ beside it in this folder.
RUN pip install --no-cache-dir -e .

COPY data ./data
COPY templates ./templates
COPY static ./static
COPY locale ./locale
RUN mkdir -p /srv/vardkedjan/instance && chown 10001:10001 /srv/vardkedjan/instance
VOLUME ["/srv/vardkedjan/instance"]

USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]

# Production refuses to start without VARDKEDJAN_SECRET_KEY (see README).
CMD ["vardkedjan", "serve", "--host", "0.0.0.0", "--port", "8000", "--data", "/srv/vardkedjan/data/providers.yaml", "--instance", "/srv/vardkedjan/instance"]
