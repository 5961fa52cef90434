"""Learning from corrections: repeated reviewer corrections become proposed data-file entries.

`eventcoder suggest --db X` reads every reviewed event whose actor, place or sub-type a reviewer
changed, finds what in the report the coder should have read (see below), and proposes the entry
that teaches it, once the same correction was made in at least `min_support` reports:

- actor1/actor2 -> an alias in `actors/groups.yaml` (added to the group's aliases, or a new group):
  the alias is the new name's core ("Mahmuda" for "Mahmuda") where the reports write it, else the
  capitalised words right before the coder's actor evidence ("Mahmuda fighters" -> "mahmuda");
- location -> a row of `gazetteer/aliases.tsv`: the place as the report wrote it (the coder's
  location evidence) -> the reviewed ACLED name, with the reviewed coordinates and admin1 if given;
- sub_event_type -> an act of the reviewed sub-type in `lexicons/<lang>/triggers.yaml`: the
  coder's trigger word (its event_type evidence).

The result is a unified diff against the shipped data files (`git apply` from the repository
root), and `write_overlay` writes the changed files into a folder for `data_overlay` (a test or a
maintainer can check a suggestion on new reports before applying it).
"""
from __future__ import annotations

import contextlib
import dataclasses
import difflib
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import select

from .. import resources
from ..store import tables as t

#: suggestions need the same correction in this many different reports
MIN_SUPPORT = 2
#: weight of a proposed trigger act ("a usual signal", triggers.yaml)
TRIGGER_WEIGHT = 0.8
_CAPS = re.compile(r"(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+")
_PLAIN = re.compile(r"^[a-z0-9][a-z0-9 .'-]*$")
REPO_DATA = "src/eventcoder/data"


@dataclasses.dataclass
class Suggestion:
    """One proposed data entry and the corrections behind it."""

    kind: str  # actor | place | sub_event_type
    file: str  # data-relative path
    alias: str  # what the reports write (alias, place spelling, trigger word)
    target: str  # what it should be coded as (ACLED actor name, place name, sub-type)
    support: int  # distinct reports with this correction
    event_ids: list[str]
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)

    def describe(self) -> str:
        return (f"{self.kind}: {self.alias!r} -> {self.target!r} ({self.support} reports: "
                f"{', '.join(self.event_ids[:3])}{'…' if len(self.event_ids) > 3 else ''}) in data/{self.file}")


def _core(name: str) -> str:
    """'JNIM: Group for …' -> 'JNIM'; 'Islamic State (Mali)' -> 'Islamic State'."""
    short = name.split(":", 1)[0]
    return re.sub(r"\s*\([^()]*\)", "", short).strip()


def _written(phrase: str, text: str) -> Optional[str]:
    """`phrase` as the text writes it (case-insensitive, whole words), or None."""
    if not phrase:
        return None
    found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, flags=re.IGNORECASE)
    return found.group(0) if found else None


def _caps_before(text: str, start: int) -> Optional[str]:
    """The capitalised words that end right before offset `start`, or that begin the evidence."""
    before = text[max(0, start - 60):start].rstrip()
    found = [m for m in _CAPS.finditer(before) if m.end() == len(before)]
    if found:
        return found[-1].group(0)
    at = _CAPS.match(text, start)
    return at.group(0) if at else None


def _actor_alias(field: str, new: str, text: str, evidence: list[dict]) -> Optional[str]:
    written = _written(_core(new), text)
    if written:
        return written.lower()
    for ev in evidence:
        if ev["field"] == field:
            caps = _caps_before(text, ev["start"])
            if caps and caps.lower() not in {"the", "a", "an"}:
                return caps.lower()
    return None


def corrections(engine) -> Iterator[dict[str, Any]]:
    """Every reviewed change of an actor, location or sub-type: field, old, new, text, evidence, …"""
    ev, doc, rev = t.events.c, t.documents.c, t.reviews.c
    query = (select(t.events, doc.text, doc.lang, rev.fields)
             .join(t.reviews, rev.event_id == ev.event_id).join(t.documents, doc.doc_id == ev.doc_id))
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
        ids = [row["event_id"] for row in rows]
        evidence: dict[str, list[dict]] = defaultdict(list)
        for i in range(0, len(ids), 500):
            for e in conn.execute(select(t.evidence).where(t.evidence.c.event_id.in_(ids[i:i + 500]))).mappings():
                evidence[e["event_id"]].append(dict(e))
    for row in rows:
        for field in ("actor1", "actor2", "location", "sub_event_type"):
            if field in (row["fields"] or {}) and row["fields"][field] and row["fields"][field] != row[field]:
                yield {"field": field, "old": row[field], "new": row["fields"][field], "row": row,
                       "fields": row["fields"], "evidence": evidence[row["event_id"]]}


def _known_aliases() -> set[tuple[str, str]]:
    out = set()
    for group in resources.load_yaml("actors/groups.yaml") or []:
        for alias in group.get("aliases") or []:
            out.add((str(alias).lower(), group["name"]))
    return out


def _iso2(country: Optional[str]) -> Optional[str]:
    for row in resources.load_tsv("gazetteer/countries.tsv"):
        if row["name"] == country:
            return row["iso2"]
    return None


def suggest(engine, min_support: int = MIN_SUPPORT) -> list[Suggestion]:
    """Suggestions from the store's corrections, most supported first (see the module docstring)."""
    seen: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for c in corrections(engine):
        row, field = c["row"], c["field"]
        if field in ("actor1", "actor2"):
            alias = _actor_alias(field, c["new"], row["text"], c["evidence"])
            inter = c["fields"].get("inter1" if field == "actor1" else "inter2") or 2
            key = ("actor", "actors/groups.yaml", alias, c["new"])
            extra = {"inter": inter}
        elif field == "location":
            written = next((e["text"] for e in c["evidence"] if e["field"] == "location"), None)
            alias = written if written and written != c["new"] else _written(c["new"], row["text"])
            extra = {"iso2": _iso2(c["fields"].get("country", row["country"])),
                     "lat": c["fields"].get("latitude"), "lon": c["fields"].get("longitude"),
                     "admin1": c["fields"].get("admin1")}
            key = ("place", "gazetteer/aliases.tsv", alias, c["new"])
        else:
            alias = next((e["text"].lower() for e in c["evidence"] if e["field"] == "event_type"), None)
            key = ("sub_event_type", f"lexicons/{row['lang'] or 'en'}/triggers.yaml", alias, c["new"])
            extra = {}
        if not alias:
            continue
        entry = seen.setdefault(key, {"docs": set(), "events": [], "extra": extra})
        entry["docs"].add(row["doc_id"])
        entry["events"].append(row["event_id"])
    known = _known_aliases()
    out = [Suggestion(kind, file, alias, target, len(v["docs"]), sorted(v["events"]), v["extra"])
           for (kind, file, alias, target), v in seen.items()
           if len(v["docs"]) >= min_support and not (kind == "actor" and (alias, target) in known)
           and not (kind == "place" and not v["extra"].get("iso2"))]
    return sorted(out, key=lambda s: (-s.support, s.kind, s.alias))


# ------------------------------------------------------------------ data-file edits


def _yaml_scalar(value: str) -> str:
    return value if _PLAIN.match(value) else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _add_group_alias(text: str, s: Suggestion) -> str:
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("- name:") and line[7:].strip().strip('"') == s.target:
            for j in range(i + 1, min(i + 8, len(lines))):
                if lines[j].startswith("- name:"):
                    break
                if lines[j].lstrip().startswith("aliases: [") and lines[j].rstrip().endswith("]"):
                    body = lines[j].rstrip()
                    lines[j] = body[:-1] + f", {_yaml_scalar(s.alias)}]\n"
                    return "".join(lines)
    entry = (f"- name: {_yaml_scalar(s.target)}\n"
             f"  inter: {int(s.extra.get('inter') or 2)}\n  aliases: [{_yaml_scalar(s.alias)}]\n")
    return text + ("" if text.endswith("\n") else "\n") + entry


def _add_place_alias(text: str, s: Suggestion) -> str:
    cells = [s.alias, s.target, s.extra["iso2"]]
    if s.extra.get("lat") is not None and s.extra.get("lon") is not None:
        cells += [str(s.extra["lat"]), str(s.extra["lon"]), s.extra.get("admin1") or ""]
    return text + ("" if text.endswith("\n") else "\n") + "\t".join(cells).rstrip("\t") + "\n"


def _add_trigger(text: str, s: Suggestion) -> str:
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.rstrip() == f"  {s.target}:" or line.rstrip() == f'  "{s.target}":':
            for j in range(i + 1, min(i + 4, len(lines))):
                if lines[j].lstrip().startswith("acts: {"):
                    lines[j] = lines[j].replace("acts: {", f"acts: {{{_yaml_scalar(s.alias)}: {TRIGGER_WEIGHT}, ", 1)
                    return "".join(lines)
    return text


_EDITORS = {"actor": _add_group_alias, "place": _add_place_alias, "sub_event_type": _add_trigger}


def edited_files(suggestions: list[Suggestion]) -> dict[str, tuple[str, str]]:
    """data-relative path -> (shipped text, text with the suggestions applied)."""
    out: dict[str, tuple[str, str]] = {}
    for s in suggestions:
        before = out[s.file][1] if s.file in out else resources.read_text(s.file)
        out[s.file] = (out[s.file][0] if s.file in out else before, _EDITORS[s.kind](before, s))
    return {k: v for k, v in out.items() if v[0] != v[1]}


def unified_diff(suggestions: list[Suggestion]) -> str:
    """A diff of the data files (paths from the repository root: apply with `git apply`)."""
    chunks = []
    for rel, (before, after) in sorted(edited_files(suggestions).items()):
        chunks += difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                       f"a/{REPO_DATA}/{rel}", f"b/{REPO_DATA}/{rel}")
    return "".join(chunks)


def write_overlay(suggestions: list[Suggestion], folder: Path) -> list[Path]:
    """Write each changed data file under `folder` (same relative paths); RETURNS the files written."""
    written = []
    for rel, (_, after) in edited_files(suggestions).items():
        path = Path(folder, *rel.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(after, encoding="utf-8")
        written.append(path)
    return written


def _clear_caches() -> None:
    """Drop every cached data table and derived index of eventcoder's modules (lru caches)."""
    for name, module in list(sys.modules.items()):
        if name == "eventcoder" or name.startswith("eventcoder."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and hasattr(value, "cache_info"):
                    value.cache_clear()


@contextlib.contextmanager
def data_overlay(folder: Path) -> Iterator[None]:
    """Within the block, data files found under `folder` replace the shipped ones (for checking a
    suggestion on new reports before it is applied); caches are cleared on entry and exit."""
    shipped = resources.data_path

    def overlaid(relpath: str):
        candidate = Path(folder, *relpath.split("/"))
        return candidate if candidate.is_file() else shipped(relpath)

    resources.data_path = overlaid
    _clear_caches()
    try:
        yield
    finally:
        resources.data_path = shipped
        _clear_caches()
