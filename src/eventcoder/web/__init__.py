"""Read-only REST API and browser page over a store (`eventcoder serve`)."""
from .app import create_app

__all__ = ["create_app"]
