"""schemathesis against the API's OpenAPI schema: a live server on loopback, bounded (issue 19).

    figures = fuzz_api(db, token, examples=20)    # {"requests": ..., "server_errors": [...], ...}

Every operation of /openapi.json is called with `examples` generated cases (reads and, with the
reviewer token, writes), against `eventcoder serve` on 127.0.0.1 only. A server error (5xx) is
listed with the operation and the case's parameters; 4xx answers are what bad input should get.
"""
from __future__ import annotations

import time
from collections import Counter

from hypothesis import HealthCheck, Phase, given, settings

from .kill_trials import Server


def fuzz_api(db: str, token: str, examples: int = 20, seed: int = 19) -> dict:
    """Run the schema's cases against a fresh server on `db`; RETURNS the figures."""
    import schemathesis

    server = Server(db)
    statuses: Counter = Counter()
    errors: list[tuple] = []
    operations = 0
    started = time.monotonic()
    try:
        schema = schemathesis.openapi.from_url(f"{server.base}/openapi.json")
        for result in schema.get_all_operations():
            operation = result.ok()
            operations += 1

            @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                      suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
            @given(case=operation.as_strategy())
            def call(case) -> None:
                response = case.call(headers={"Authorization": f"Bearer {token}"}, timeout=30)
                statuses[f"{response.status_code // 100}xx"] += 1
                if response.status_code >= 500:
                    errors.append((operation.label, response.status_code, case.path_parameters, case.query))

            call()
    finally:
        server.kill()
    return {"operations": operations, "requests": sum(statuses.values()), "statuses": dict(statuses),
            "server_errors": errors, "seconds": round(time.monotonic() - started, 1)}
