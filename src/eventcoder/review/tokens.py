"""Bearer tokens for the API's writes (`eventcoder token create NAME`).

A token reads `ect_<token_id>_<secret>`: `token_id` finds the row, and the sha256 digest of the
secret is compared with the stored one in constant time (`hmac.compare_digest`). Only the digest is
stored, so a copy of the database grants nothing. Secrets are 32 random bytes (`secrets`), so a
plain sha256 is enough: there is no password to guess.

Roles: `reviewer` may write reviews; `reader` may only read (for a server that is not on loopback).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import re
import secrets
from typing import Optional

from sqlalchemy import Engine, insert, select, update

from ..store import tables as t
from .errors import ReviewError

ROLES = ("reviewer", "reader")
PREFIX = "ect"
_TOKEN = re.compile(rf"^{PREFIX}_([A-Za-z0-9]{{12}})_([A-Za-z0-9_-]{{43}})$")
_NAME = re.compile(r"^[\w.@+-]{1,64}$")
#: compared against when the token id is unknown, so both paths do the same work
_DUMMY = hashlib.sha256(b"no such token").hexdigest()


@dataclasses.dataclass(frozen=True)
class TokenInfo:
    """Who a valid token belongs to."""

    token_id: str
    name: str
    role: str


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def create_token(engine: Engine, name: str, role: str = "reviewer") -> str:
    """Create a token for `name` and RETURN it (shown once; only its digest is stored).

    Raises:
        ReviewError: for a name that is not 1-64 letters, digits or `.@+-_`, or an unknown role.
    """
    if not _NAME.match(name or ""):
        raise ReviewError(f"bad token name {name!r}: use 1-64 letters, digits or . @ + - _")
    if role not in ROLES:
        raise ReviewError(f"unknown role {role!r}; one of {list(ROLES)}")
    token_id = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12))
    secret = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(insert(t.api_tokens).values(token_id=token_id, name=name, digest=_digest(secret), role=role,
                                                 created=dt.datetime.now(dt.timezone.utc), revoked=None))
    return f"{PREFIX}_{token_id}_{secret}"


def verify_token(engine: Engine, token: Optional[str]) -> Optional[TokenInfo]:
    """The owner of `token`, or None when it is malformed, unknown, revoked or wrong."""
    match = _TOKEN.match(token or "")
    if not match:
        return None
    token_id, secret = match.groups()
    with engine.connect() as conn:
        row = conn.execute(select(t.api_tokens).where(t.api_tokens.c.token_id == token_id)).mappings().first()
    stored = row["digest"] if row is not None else _DUMMY
    good = hmac.compare_digest(_digest(secret), stored)
    if row is None or not good or row["revoked"] is not None:
        return None
    return TokenInfo(token_id=row["token_id"], name=row["name"], role=row["role"])


def list_tokens(engine: Engine) -> list[dict]:
    """Every token's id, name, role, created and revoked (never a secret or digest)."""
    c = t.api_tokens.c
    with engine.connect() as conn:
        rows = conn.execute(select(c.token_id, c.name, c.role, c.created, c.revoked).order_by(c.created)).mappings()
        return [dict(row) for row in rows]


def revoke_token(engine: Engine, token_id: str) -> bool:
    """Revoke a token by its id; RETURNS False when there is no such live token."""
    c = t.api_tokens.c
    with engine.begin() as conn:
        done = conn.execute(update(t.api_tokens).where(c.token_id == token_id, c.revoked.is_(None))
                            .values(revoked=dt.datetime.now(dt.timezone.utc)))
        return done.rowcount == 1
