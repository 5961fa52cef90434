"""The committed real-news gold (realnews/gold.jsonl): valid, excluded URLs absent, the spread the
corpus promises, splits that keep same-event groups together. The texts are not in git, so these
checks run without them (the evidence check runs only where the texts are restored)."""
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "tools"))

import realnews  # noqa: E402
import realnews_check  # noqa: E402

GOLD = REPO / "realnews" / "gold.jsonl"
RECORDS = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_is_valid_without_texts():
    errors, _ = realnews_check.check(RECORDS, merged=True, texts=False)
    assert errors == []


def test_no_url_of_the_independent_test_set():
    if not (SHARED / "tools" / "excluded-urls.sha256").is_file():
        pytest.skip("../shared is absent: the excluded-URL list is not available")
    banned = realnews_check.excluded_hashes()
    import hashlib

    used = [r["url"] for r in RECORDS if hashlib.sha256(realnews_check.normalise_url(r["url"]).encode()).hexdigest() in banned]
    assert used == []


def test_evidence_is_in_the_texts_where_restored():
    present = [r for r in RECORDS if (REPO / "realnews" / r["file"]).is_file()]
    if not present:
        pytest.skip("realnews/texts/ is not restored (third-party texts are not in git; see realnews/README.md)")
    errors, _ = realnews_check.check(present, merged=True, texts=True)
    assert [e for e in errors if "evidence" in e] == []


def test_sizes_and_spread():
    split = Counter(r["split"] for r in RECORDS)
    en = Counter(r["split"] for r in RECORDS if r["lang"] == "en")
    other = Counter(r["split"] for r in RECORDS if r["lang"] != "en")
    assert split["dev"] >= 200 and en["dev"] >= 160 and other["dev"] >= 40
    assert split["heldout"] >= 80 and en["heldout"] >= 60 and other["heldout"] >= 20
    assert {r["lang"] for r in RECORDS} == {"en", "fr", "es", "ar", "ru"}
    events = [e for r in RECORDS for e in r["events"]]
    assert len({e["country"] for e in events}) >= 35
    assert len({e["sub_event_type"] for e in events}) == 25
    groups = {r["same_event_group"] for r in RECORDS if r["same_event_group"]}
    assert len(groups) >= 20
    assert all(any(r.get("lookalike_of") == g for r in RECORDS) for g in groups)
    negatives = sum(r["negative"] for r in RECORDS) / len(RECORDS)
    assert 0.07 <= negatives <= 0.15
    assert any(r["same_event_group"] and not r["published"] for r in RECORDS)  # undated group members


def test_groups_and_their_lookalikes_share_a_split():
    split_of = {}
    for r in RECORDS:
        key = r["same_event_group"] or r["lookalike_of"]
        if key:
            split_of.setdefault(key, set()).add(r["split"])
    assert all(len(s) == 1 for s in split_of.values())
    assert {"dev", "heldout"} <= {next(iter(s)) for s in split_of.values()}


def _rec(rid, lang="en", group=None, lookalike=None, negative=False):
    return {"id": rid, "lang": lang, "same_event_group": group, "lookalike_of": lookalike, "negative": negative}


def test_assign_splits_keeps_known_splits_and_units():
    records = [_rec(f"x{i:02d}") for i in range(40)]
    records += [_rec("g1", group="G1"), _rec("g2", group="G1"), _rec("g3", lookalike="G1")]
    records += [_rec(f"n{i}", lang="fr", negative=True) for i in range(7)]
    realnews.assign_splits(records, known={"x00": "heldout", "x01": "dev"})
    by_id = {r["id"]: r["split"] for r in records}
    assert by_id["x00"] == "heldout" and by_id["x01"] == "dev"
    assert by_id["g1"] == by_id["g2"] == by_id["g3"]
    held = Counter((r["lang"], r["negative"]) for r in records if r["split"] == "heldout")
    assert held[("fr", True)] == round(7 * realnews.HELDOUT_SHARE)
    assert abs(sum(1 for r in records if r["split"] == "heldout") - 50 * realnews.HELDOUT_SHARE) <= 2
    first, second = ([dict(r, split=None) for r in records] for _ in range(2))
    realnews.assign_splits(first, known={})
    realnews.assign_splits(second, known={})
    assert [r["split"] for r in first] == [r["split"] for r in second]  # deterministic
    realnews.assign_splits(records, known=by_id)
    assert {r["id"]: r["split"] for r in records} == by_id  # stable once known
