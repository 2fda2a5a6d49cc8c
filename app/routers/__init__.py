"""The URLs of the service, one router per audience; none imports another.

- `public`: the pages for young people and parents (`/`, `/hitta`, `/mottagning`, `/akut`).
- `youth`: `/be-en-vuxen-om-hjalp`, how a young person gets help from an adult.
- `professional`: `/proffs`; `map`: `/karta`.
- `admin_session`: signing in and out; `admin_pages`: `/admin`; `admin_api`: `/api/v1/admin`.
- `api_v1`: the public JSON API.
- `reports`: "Rapportera fel i uppgifterna" on provider pages, and marking a report done.
"""
