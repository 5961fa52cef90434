"""The coder against the reviewed events (`eventcoder evaluate --reviewed --db X`).

Gold: every event a reviewer accepted or edited, with its reviewed values (the coded value where
the reviewer changed nothing). Each of their reports is coded again with the current coder (or,
with `stored=True`, the stored coding is scored as it is) and matched and scored by
`evaluate.score_reports`, the same matching and fields as the dev-set evaluation. Events a reviewer
rejected are counted apart: how many the coder still codes.

Only reviewed events are gold, so an event the coder finds that nobody reviewed counts as a false
positive: detection precision is a lower bound; per-field accuracy on matched pairs is exact.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Optional

from sqlalchemy import select

from ..evaluate import match, score_reports
from ..schema import Document, Event
from ..store import tables as t
from .records import reviewed_event


def reviewed_gold(store) -> tuple[list[dict], dict[str, list[Event]], dict[str, Document]]:
    """(gold reports, rejected events by doc_id, documents) from the store's reviews."""
    with store.engine.connect() as conn:
        reviews = {row["event_id"]: dict(row) for row in conn.execute(select(t.reviews)).mappings()}
    events = store.events(event_ids=list(reviews)) if reviews else []
    gold: dict[str, list[dict]] = defaultdict(list)
    rejected: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        review = reviews[event.event_id]
        if review["status"] == "rejected":
            rejected[event.doc_id].append(event)
        elif review["status"] in ("accepted", "edited"):
            gold[event.doc_id].append(reviewed_event(event, review).to_dict())
    documents = store.get_documents(set(gold) | set(rejected))
    reports = [{"id": doc_id, "events": gold[doc_id]} for doc_id in sorted(gold)]
    return reports, rejected, documents


def score_reviewed(store, stored: bool = False, coder=None) -> dict[str, Any]:
    """Scores of the coder on the reviewed events (see the module docstring).

    Args:
        store (Store): the store with reviews.
        stored (bool): score the stored coding instead of coding the reports again.
        coder (callable | None): Document -> events (default: `pipeline.code_document`).
    RETURNS (dict): `evaluate.score_reports`'s result (without pairs) plus `rejected`:
        {events, still_coded} and `mode` ("stored" | "current coder").
    """
    reports, rejected, documents = reviewed_gold(store)
    doc_ids = sorted(set(r["id"] for r in reports) | set(rejected))
    if stored:
        coded = {doc_id: store.events(doc_id=doc_id) for doc_id in doc_ids}
    else:
        if coder is None:
            from ..pipeline import code_document as coder
        coded = {doc_id: coder(documents[doc_id]) for doc_id in doc_ids if doc_id in documents}
    result = score_reports(reports, coded)
    result.pop("pairs", None)
    still = 0
    for doc_id, events in rejected.items():
        preds = [e for e in coded.get(doc_id, []) if not e.background]
        still += len(match(preds, [e.to_dict() for e in events]))
    result["rejected"] = {"events": sum(len(v) for v in rejected.values()), "still_coded": still}
    result["mode"] = "stored" if stored else "current coder"
    return result


def format_reviewed(result: dict[str, Any], table: Optional[str] = None) -> str:
    """The evaluation table with a line on rejected events and the gold's nature."""
    from ..evaluate import format_table

    lines = [f"gold: {sum(r['gold'] for r in result['per_report'])} reviewed events (accepted or edited) in "
             f"{result['reports']} reports; coding: {result['mode']}",
             "(only reviewed events are gold: detection precision is a lower bound)", "",
             table or format_table(result), "",
             f"rejected by reviewers: {result['rejected']['events']} events; the coder still codes "
             f"{result['rejected']['still_coded']} of them"]
    return "\n".join(lines)
