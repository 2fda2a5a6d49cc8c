"""HTTP routers, one module per part of the service."""
