"""Who may read and write, how big a request may be, and the headers every response carries.

- Reads are open to clients on loopback (the default `serve --host 127.0.0.1`); from any other
  address they need a bearer token (any role), unless the server was started with open reads.
- Writes always need `Authorization: Bearer <token>` of a `reviewer` token: no or a bad token is
  401, a `reader` token is 403.
- Request bodies larger than `max_body` bytes are refused with 413 before the route runs, whether
  the client sent a Content-Length or streamed the body.
- CORS is off unless origins are given (`serve --cors-origin`): a browser page of another origin
  cannot read the API. The page gets a Content-Security-Policy that allows only its own scripts.
"""
from __future__ import annotations

import ipaddress
import json
from typing import Optional

from fastapi import HTTPException, Request

from ..review.tokens import TokenInfo, verify_token

#: default largest request body, bytes (a review is a few hundred)
MAX_BODY = 64 * 1024
#: the page's Content-Security-Policy: its own scripts only, no inline script, no framing
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY")]


def is_loopback(host: Optional[str]) -> bool:
    """Whether a client address is on this machine (127.0.0.0/8, ::1)."""
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


def bearer(request: Request) -> Optional[str]:
    """The token of an `Authorization: Bearer ...` header, or None."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": 'Bearer realm="eventcoder"'})


def require_reader(request: Request) -> None:
    """Dependency of every read: open on loopback (or with open reads), else any valid token."""
    if request.app.state.open_reads or is_loopback(request.client.host if request.client else None):
        return
    token = bearer(request)
    if token is None:
        raise _unauthorized("reads from other machines need a bearer token (eventcoder token create NAME --role reader)")
    if verify_token(request.app.state.store.engine, token) is None:
        raise _unauthorized("invalid or revoked token")


def require_reviewer(request: Request) -> TokenInfo:
    """Dependency of every write: a valid `reviewer` token (401 without one, 403 for a reader token)."""
    token = bearer(request)
    if token is None:
        raise _unauthorized("writes need Authorization: Bearer <token> (eventcoder token create NAME)")
    info = verify_token(request.app.state.store.engine, token)
    if info is None:
        raise _unauthorized("invalid or revoked token")
    if info.role != "reviewer":
        raise HTTPException(403, f"token {info.name!r} has role {info.role!r}: it may read, not write")
    return info


class LimitsAndHeaders:
    """ASGI middleware: refuse bodies over `max_body` bytes (413) and add the security headers."""

    def __init__(self, app, max_body: int = MAX_BODY):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await self._refuse(send)
        if scope["method"] in ("POST", "PUT", "PATCH", "DELETE"):
            body, more = b"", True
            while more:  # read the whole (bounded) body first: a streamed body is counted too
                message = await receive()
                if message["type"] != "http.request":
                    return
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.max_body:
                    return await self._refuse(send)
            sent = False

            async def replay():
                nonlocal sent
                if not sent:
                    sent = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            return await self.app(scope, replay, self._with_headers(send, scope))
        return await self.app(scope, receive, self._with_headers(send, scope))

    @staticmethod
    def _with_headers(send, scope):
        page = scope["path"] == "/"

        async def wrapped(message):
            if message["type"] == "http.response.start":
                extra = list(_HEADERS)
                if page:
                    extra.append((b"content-security-policy", PAGE_CSP.encode()))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)
        return wrapped

    async def _refuse(self, send) -> None:
        body = json.dumps({"detail": f"request body larger than {self.max_body} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                *_HEADERS]})
        await send({"type": "http.response.body", "body": body})
