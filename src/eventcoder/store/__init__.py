"""Persistence: SQLAlchemy Core tables built from `schema.py` and the `Store` over them."""
from .database import DB_ENV, Store, resolve_url
from .tables import SCHEMA_VERSION, metadata

__all__ = ["DB_ENV", "SCHEMA_VERSION", "Store", "metadata", "resolve_url"]
