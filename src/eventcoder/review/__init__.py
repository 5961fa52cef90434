"""Review: reviewed values beside the coded ones, the audit trail, API tokens, and learning from
corrections (scoring the coder against reviewed events, proposing data-file entries).

- `records`   accept / reject / edit / note an event; reviewed values overlay the coded record.
- `incidents` merge and split incidents by hand (audited).
- `tokens`    bearer tokens for the API's writes (hashed, constant-time compare).
- `suggest`   repeated corrections -> proposed alias and lexicon entries (a data-file diff).
- `scoring`   the coder against the reviewed events (`eventcoder evaluate --reviewed`).
"""
from .errors import ReviewError
from .records import ACTIONS, EDITABLE_FIELDS, apply_review, audit_entries, effective_records, reviews_for

__all__ = ["ACTIONS", "EDITABLE_FIELDS", "ReviewError", "apply_review", "audit_entries", "effective_records",
           "reviews_for"]
