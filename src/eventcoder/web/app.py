"""The analyst's workbench over a store: a page (map, timeline, filters, incidents, event card with
evidence, review) and a REST API (reads in `api.py`, reviews in `review_api.py`).

    eventcoder serve --db eventcoder.db        # http://127.0.0.1:8000/ (page), /docs (OpenAPI)
    eventcoder serve --db events.db --workers 2

Reads are open on loopback; writes need a bearer token (`eventcoder token create NAME`); see
`security.py` for the limits, headers and CORS. Every file the page loads is served from
`static/` (the map and chart libraries are vendored from npm in `static/vendor/`, with their
licences): nothing comes from a CDN.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from importlib import resources
from typing import Optional

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import api, review_api
from .cache import SECONDS, ResponseCache
from .security import MAX_BODY, LimitsAndHeaders

#: environment read by `app_from_env` (the factory every `serve --workers N` process calls)
ENV_DB, ENV_OPEN_READS, ENV_CORS, ENV_CACHE = ("EVENTCODER_DB", "EVENTCODER_OPEN_READS", "EVENTCODER_CORS_ORIGINS",
                                              "EVENTCODER_CACHE_SECONDS")


def create_app(db: Optional[str] = None, store=None, *, open_reads: bool = True,
               cors_origins: Sequence[str] = (), max_body: int = MAX_BODY, cache_seconds: float = SECONDS) -> FastAPI:
    """The FastAPI application over `store` (or the store at `db`, opened and initialised).

    Args:
        db (str | None): path or URL, used when `store` is None.
        store (Store | None): an open store.
        open_reads (bool): reads need no token from any address; False: only from loopback, others need
            a token (what `eventcoder serve` runs unless --open-reads).
        cors_origins (Sequence[str]): origins allowed to call the API from a browser (default none: CORS off).
        max_body (int): largest request body in bytes (413 above).
        cache_seconds (float): how long list, points and incidents responses are reused (`cache.py`; 0: off).
    """
    if store is None:
        from ..store import Store

        store = Store.open(db)
        store.init()
    # /docs is served below with Swagger UI from the package (static/vendor/swagger-ui), never a CDN;
    # ReDoc (CDN only) is off
    app = FastAPI(title="eventcoder", version=__version__, docs_url=None, redoc_url=None,
                  description="Conflict events coded from news reports, with evidence spans, reviewed values "
                              "and their audit trail. Reads are open on loopback; writes need a bearer token.")
    app.state.store = store
    app.state.open_reads = open_reads
    app.state.cache = ResponseCache(cache_seconds)
    app.include_router(api.router)
    app.include_router(review_api.router)
    static = resources.files(__package__).joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["authorization", "content-type"])
    app.add_middleware(LimitsAndHeaders, max_body=max_body)
    page_html = static.joinpath("index.html").read_text(encoding="utf-8")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> str:
        return page_html

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        from fastapi.openapi.docs import get_swagger_ui_html

        vendor = "/static/vendor/swagger-ui"
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="eventcoder API",
                                   swagger_js_url=f"{vendor}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{vendor}/swagger-ui.css",
                                   swagger_favicon_url=f"{vendor}/favicon-32x32.png",
                                   oauth2_redirect_url=None)

    return app


def app_from_env() -> FastAPI:
    """The app for one worker process of `serve --workers N` (settings from the environment)."""
    origins = [o for o in os.environ.get(ENV_CORS, "").split(",") if o]
    return create_app(os.environ.get(ENV_DB), open_reads=os.environ.get(ENV_OPEN_READS) == "1",
                      cors_origins=origins, cache_seconds=float(os.environ.get(ENV_CACHE, SECONDS)))
