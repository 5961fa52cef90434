"""Write routes: review an event, merge or split incidents. Each needs a `reviewer` bearer token;
the token's name is the `who` of every audit entry written."""
from __future__ import annotations

from typing import Any, Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError

from ..review.errors import ReviewError
from ..review.incidents import merge_incidents, split_incident
from ..review.records import apply_review
from ..review.tokens import TokenInfo
from .security import require_reviewer

router = APIRouter()


class ReviewBody(BaseModel):
    """One review: accept | reject | edit (with `values`) | note; `reason` is kept in the audit trail."""

    model_config = ConfigDict(extra="forbid")
    action: Literal["accept", "reject", "edit", "note"]
    values: Optional[dict[str, Any]] = Field(None, description="field -> reviewed value (edit)", max_length=64)
    reason: Optional[str] = Field(None, max_length=2000)


class MergeBody(BaseModel):
    """Merge these incidents into the one in the path."""

    model_config = ConfigDict(extra="forbid")
    incident_ids: list[str] = Field(..., min_length=1, max_length=100)
    reason: str = Field(..., min_length=1, max_length=2000)


class SplitBody(BaseModel):
    """Move these member events out of the incident in the path, into a new incident."""

    model_config = ConfigDict(extra="forbid")
    event_ids: list[str] = Field(..., min_length=1, max_length=1000)
    reason: str = Field(..., min_length=1, max_length=2000)


def _run(request: Request, call, *args, **kwargs) -> dict[str, Any]:
    """Run one write in its own transaction; a database failure rolls it back whole and answers
    409 (a concurrent write conflicted) or 503 (the database is busy or unreachable), never 500."""
    try:
        done = call(*args, **kwargs)
    except ReviewError as error:
        raise HTTPException(error.status, str(error)) from None
    except IntegrityError as error:
        raise HTTPException(409, "the write conflicted with another one and was rolled back; nothing was "
                                 f"written, retry ({type(error.orig).__name__})") from None
    except (OperationalError, InterfaceError) as error:
        raise HTTPException(503, "the database is busy or unreachable; nothing was written, retry "
                                 f"({type(error.orig).__name__})", headers={"Retry-After": "1"}) from None
    request.app.state.cache.clear()  # this process's readers see the change at once
    return done


@router.post("/api/events/{event_id}/review", summary="Accept, reject, edit or annotate an event (token needed)")
def review(request: Request, event_id: str, body: ReviewBody,
           token: TokenInfo = Depends(require_reviewer)) -> dict[str, Any]:
    """The coded values stay as they are: edited values are stored beside them and served with
    `reviewed: true`. Every change appends an audit entry (GET /api/events/{id}/audit)."""
    return _run(request, apply_review, request.app.state.store.engine, event_id, body.action, body.values,
                body.reason, who=token.name)


@router.post("/api/incidents/{incident_id}/merge", summary="Merge other incidents into this one (token needed)")
def merge(request: Request, incident_id: str, body: MergeBody,
          token: TokenInfo = Depends(require_reviewer)) -> dict[str, Any]:
    return _run(request, merge_incidents, request.app.state.store.engine, incident_id, body.incident_ids, body.reason,
                who=token.name)


@router.post("/api/incidents/{incident_id}/split", summary="Split member events into a new incident (token needed)")
def split(request: Request, incident_id: str, body: SplitBody,
          token: TokenInfo = Depends(require_reviewer)) -> dict[str, Any]:
    return _run(request, split_incident, request.app.state.store.engine, incident_id, body.event_ids, body.reason,
                who=token.name)


@router.get("/api/whoami", summary="The name and role of the bearer token (to check a login)")
def whoami(token: TokenInfo = Depends(require_reviewer)) -> dict[str, Any]:
    return {"name": token.name, "role": token.role}
