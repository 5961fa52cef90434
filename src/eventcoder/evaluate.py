"""Score coded events against gold JSONL (the devset format; see shared/devset/README.md).

Matching: within a report, predicted (non-background) events are paired with gold events by
maximum-weight matching (scipy's linear_sum_assignment) on event family, sub-type, place, date and
actors; pairs below `MIN_MATCH` are left unmatched. Scores: detection P/R/F1 for all events and for
main events, main events on negative reports, and per-field accuracy on matched pairs.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from .errors import GoldError
from .schema import Event

MIN_MATCH = 2.0
FIELDS = ("event_type", "sub_event_type", "actor1", "actor1_core", "actor2", "actor2_core", "inter1", "inter2",
          "country", "admin1", "location", "geo_precision", "coords_25km", "event_date", "event_date_1day",
          "time_precision", "fatalities", "source", "source_chain", "source_chain_lenient", "certainty",
          "claimed_by")


def norm(value: Any) -> str:
    """Lowercase, strip accents and punctuation: 'Culiacán' == 'culiacan', 'Deir-ez-Zor' == 'deir ez zor'."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _names(name: Optional[str]) -> set[str]:
    """Accepted spellings of an ACLED actor name: 'JNIM: Group for ...' also matches 'JNIM'."""
    if not name:
        return set()
    out = {norm(name)}
    if ":" in name:
        short, long_ = name.split(":", 1)
        out |= {norm(short), norm(long_)}
    return out


def actor_match(pred: Optional[str], gold: Optional[str], also: Iterable[str] = ()) -> bool:
    if not gold:
        return not pred
    accepted = _names(gold).union(*(_names(a) for a in also))
    return bool(_names(pred) & accepted)


_SUFFIX = re.compile(r"\s*\((?:\d{4}-(?:\d{4})?|[^()]*)\)")


def actor_core(name: Optional[str]) -> str:
    """An actor name without its country and period suffixes, normalised:
    'Military Forces of Pakistan (2013-2018)' -> 'military forces of pakistan',
    'Islamic State (Iraq)' -> 'islamic state', 'Police Forces of India (2014-) CRPF' -> 'police forces of india crpf'.
    """
    if not name:
        return ""
    return norm(_SUFFIX.sub(" ", name))


def _core_names(name: Optional[str]) -> set[str]:
    if not name:
        return set()
    out = {actor_core(name)}
    if ":" in name:
        short, long_ = name.split(":", 1)
        out |= {actor_core(short), actor_core(long_)}
    return out - {""}


def actor_core_match(pred: Optional[str], gold: Optional[str], also: Iterable[str] = ()) -> bool:
    """`actor_match` ignoring the country and period suffixes of both names."""
    if not gold:
        return not pred
    accepted = _core_names(gold).union(*(_core_names(a) for a in also))
    return bool(_core_names(pred) & accepted)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def _date(value: Any) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _close(pred: Event, gold: dict) -> Optional[float]:
    if pred.latitude is None or gold.get("latitude") is None:
        return None
    return km((pred.latitude, pred.longitude), (gold["latitude"], gold["longitude"]))


def _chain_match(pred: list[str], gold: list[str]) -> bool:
    from rapidfuzz import fuzz

    if len(pred) != len(gold):
        return False
    return all(fuzz.token_set_ratio(norm(p), norm(g)) >= 80 for p, g in zip(pred, gold))


# news agencies and the forms they are cited by (lenient chain scoring)
_AGENCIES = {"ap": "associated press", "afp": "agence france presse", "dpa": "deutsche presse agentur",
             "ani": "asian news international", "pti": "press trust of india", "ians": "indo asian news service",
             "efe": "agencia efe", "aa": "anadolu agency", "sana": "syrian arab news agency",
             "irna": "islamic republic news agency", "wafa": "palestinian news and information agency",
             "nna": "national news agency", "qna": "qatar news agency", "spa": "saudi press agency",
             "mena": "middle east news agency", "tass": "tass", "ria": "ria novosti", "kuna": "kuwait news agency",
             "bss": "bangladesh sangbad sangstha", "app": "associated press of pakistan", "nan": "news agency of nigeria",
             "xinhua": "xinhua news agency"}
# words that say nothing about who the source is
_CHAIN_STOP = {"the", "of", "a", "an", "and", "in", "on", "for", "to", "de", "la", "le", "el", "del", "des", "du",
               "official", "officials", "source", "sources", "spokesman", "spokesperson", "spokeswoman", "statement",
               "said", "report", "reports", "news", "agency", "agencies", "forces", "force", "anonymous", "local",
               "senior", "unnamed", "according", "his", "her", "their", "its", "s", "via", "x", "post", "posts",
               "told", "media", "state", "other", "press", "service", "services", "department", "office"}
# one family of sources, worded in many ways (ignoring wording: "the army" == "Military Forces of X (spokesman)")
_CHAIN_FAMILIES = {"army": "military", "troops": "military", "soldiers": "military", "idf": "military",
                   "militaire": "military", "armee": "military", "ejercito": "military", "military": "military",
                   "defence": "military", "defense": "military", "policia": "police", "policiers": "police",
                   "police": "police", "gendarmerie": "police", "residents": "residents", "resident": "residents",
                   "witnesses": "residents", "witness": "residents", "eyewitness": "residents",
                   "eyewitnesses": "residents", "villagers": "residents", "locals": "residents",
                   "habitants": "residents", "vecinos": "residents", "medics": "medical", "hospital": "medical",
                   "doctors": "medical", "doctor": "medical", "health": "medical", "medical": "medical"}


_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))


def _chain_tokens(value: str) -> set[str]:
    """The words of a source that say who it is, with agency acronyms spelt out, families merged and
    Cyrillic transliterated ("Гладкова" ~ "Gladkov")."""
    text = "".join(_CYRILLIC.get(c, c) for c in norm(value))
    for short, long_ in _AGENCIES.items():
        if text == short or text == long_:
            return {long_}
    words = set()
    for w in text.split():
        if w in _AGENCIES and w not in ("aa", "app"):
            words.add(_AGENCIES[w])
        if w in _CHAIN_STOP or len(w) < 3 and not w.isupper():
            continue
        if _country_word(w):
            continue  # "India" alone does not make "Police Forces of India" and "India Today" one source
        w = w[:-1] if len(w) > 4 and w.endswith("s") else w
        words.add(_CHAIN_FAMILIES.get(w, _CHAIN_FAMILIES.get(w + "s", w)))
    return words


def _state_family(value: str) -> set[str]:
    """"KDF spokesperson", "IDF", "FARDC" name a state force: the military or police family, read off the
    actor dictionary (the scorer's only use of it)."""
    from .extract import actor_dictionary as dic

    out = set()
    for pm in dic.match_phrases(value):
        if pm.entry.kind == "state" and pm.entry.force in ("military", "police"):
            out.add(pm.entry.force)
    return out


def _initials(value: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", re.sub(r"\(.*?\)", " ", value))
                   if w.lower() not in ("of", "the", "and", "for", "de", "la", "du")).lower()


def _country_word(word: str) -> bool:
    from . import countries

    return len(word) > 3 and (countries.by_demonym(word) is not None or countries.lookup(word) is not None)


def chain_element_match(pred: str, gold: str) -> bool:
    """Two source-chain elements name the same source, ignoring wording: a token-set ratio of 80, the
    same news agency (AP == Associated Press), or a shared identifying word or family ("police",
    "military": "Police Forces of India (DIG ...)" == "police officials")."""
    from rapidfuzz import fuzz

    if fuzz.token_set_ratio(norm(pred), norm(gold)) >= 80:
        return True
    a, b = _chain_tokens(pred) | _state_family(pred), _chain_tokens(gold) | _state_family(gold)
    def acronyms(value):
        return {w.lower() for w in re.findall(r"\b[A-Z]{3,}\b", value)}

    if _initials(gold) in acronyms(pred) or _initials(pred) in acronyms(gold):
        return True  # "PSNI Chief" == "Police Service of Northern Ireland"
    # a name in another grammatical case: "gladkova" ~ "gladkov"
    return bool(a & b) or any(len(x) >= 5 and len(y) >= 5 and (x.startswith(y) or y.startswith(x))
                              and abs(len(x) - len(y)) <= 2 for x in a for y in b)


# words that make a chain element a news medium rather than the source of the facts
_MEDIA_WORDS = {"news", "agency", "agencies", "times", "post", "tribune", "herald", "journal", "daily", "gazette",
                "television", "tv", "radio", "channel", "broadcaster", "broadcasting", "press", "media", "reports",
                "newspaper", "magazine", "telegraph", "guardian", "observer", "express", "mirror", "chronicle",
                "correspondent", "reuters", "bloomberg", "cnn", "bbc", "al jazeera", "sky", "france 24", "rfi",
                "dw", "voa", "tass", "ria", "novosti", "izvestia", "interfax", "xinhua", "belga", "bfmtv", "okaz",
                "aim", "bernama", "antara", "yonhap", "kyodo", "wafa", "sana", "irna", "nna", "saba", "efe", "dpa",
                "ansa", "lusa", "apa", "pap", "ctk", "mena", "kuna", "qna", "spa", "anadolu", "ani", "pti", "ians",
                "uni", "app", "nan", "bss", "cnnnews18", "ndtv", "rfm", "kenyans", "website", "blog", "telegram"}


def _is_medium(value: str) -> bool:
    """A news medium (a wire agency, a broadcaster, a newspaper), judged from the name before any bracket."""
    name = re.sub(r"\(.*?\)", " ", value)
    text = norm(name)
    if _is_agency(value) or text in _AGENCIES or text in _AGENCIES.values():
        return True
    words = set(text.split())
    return bool(words & _MEDIA_WORDS) or any(" " in w and w in text for w in _MEDIA_WORDS) \
        or bool(re.search(r"\.(?:com|net|org|ru|kz|co|info)\b", value.lower()))


def primary_source(chain: list[str]) -> Optional[str]:
    """The primary source of a chain: the first source the outlet cites that is not itself a news medium
    (a wire agency, a broadcaster, another paper); when the outlet cites only media, the first of them."""
    cited = [c for c in chain[1:] if c]
    if not cited:
        return None
    own = [c for c in cited if not _is_medium(c)]
    return (own or cited)[0]


def _is_agency(value: str) -> bool:
    text = norm(re.sub(r"\(.*?\)", " ", value))
    return text in _AGENCIES or text in _AGENCIES.values() or text in {"reuters", "agencies", "wire", "wires",
                                                                        "associated press", "bloomberg"}


def chain_lenient(pred: list[str], gold: list[str]) -> bool:
    """Lenient source chain: the outlet comes first and the gold's primary source is cited somewhere,
    whatever the wording, length or order of the rest."""
    if not gold:
        return True
    if not pred or not chain_element_match(pred[0], gold[0]) and norm(pred[0]) != norm(gold[0]):
        return False
    primary = primary_source(gold)
    if primary is None:
        return True
    return any(chain_element_match(p, primary) for p in pred[1:])


def similarity(pred: Event, gold: dict) -> float:
    """Matching weight of a predicted and a gold event of the same report."""
    score = 0.0
    if pred.event_type == gold.get("event_type"):
        score += 1.5
        if pred.sub_event_type == gold.get("sub_event_type"):
            score += 0.5
    distance = _close(pred, gold)
    if norm(pred.location) and norm(pred.location) == norm(gold.get("location")):
        score += 1.5
    elif distance is not None and distance <= 50:
        score += 1.0
    elif pred.admin1 and norm(pred.admin1) == norm(gold.get("admin1")):
        score += 0.5
    gdate, pdate = _date(gold.get("event_date")), pred.event_date
    if gdate and pdate and abs((gdate - pdate).days) <= 1:
        score += 1.0
    if actor_match(pred.actor1, gold.get("actor1")) or actor_match(pred.actor2, gold.get("actor2")):
        score += 0.5
    return score


def match(preds: list[Event], golds: list[dict]) -> list[tuple[int, int]]:
    """Maximum-weight pairs (pred index, gold index) with weight >= MIN_MATCH."""
    if not preds or not golds:
        return []
    from scipy.optimize import linear_sum_assignment

    weights = [[similarity(p, g) for g in golds] for p in preds]
    rows, cols = linear_sum_assignment([[-w for w in row] for row in weights])
    return [(r, c) for r, c in zip(rows, cols) if weights[r][c] >= MIN_MATCH]


def _field_correct(name: str, pred: Event, gold: dict) -> Optional[bool]:
    if name in ("actor1_core", "actor2_core"):
        base = name[:-5]
        return actor_core_match(getattr(pred, base), gold.get(base), gold.get(f"{base}_also_acceptable", ()))
    if name in ("actor1", "actor2"):
        return actor_match(getattr(pred, name), gold.get(name), gold.get(f"{name}_also_acceptable", ()))
    if name == "country":
        return norm(pred.country) in {norm(gold.get("country")), *map(norm, gold.get("country_also_acceptable", ()))}
    if name in ("admin1", "location"):
        from rapidfuzz import fuzz

        if gold.get(name) is None:
            return None
        return fuzz.ratio(norm(getattr(pred, name)), norm(gold[name])) >= 90
    if name == "coords_25km":
        if gold.get("geo_precision") != 1:
            return None
        distance = _close(pred, gold)
        return distance is not None and distance <= 25
    if name in ("event_date", "event_date_1day"):
        gdate = _date(gold.get("event_date"))
        if gdate is None:
            return None
        if pred.event_date is None:
            return False
        return pred.event_date == gdate if name == "event_date" else abs((pred.event_date - gdate).days) <= 1
    if name == "source":
        return norm(pred.source) == norm(gold.get("source"))
    if name == "source_chain":
        return _chain_match(pred.source_chain, gold.get("source_chain") or [])
    if name == "source_chain_lenient":
        return chain_lenient(pred.source_chain, gold.get("source_chain") or [])
    if name == "claimed_by":
        return actor_match(pred.claimed_by, gold.get("claimed_by"))
    if name not in gold:
        return None
    return getattr(pred, name) == gold.get(name)


# the gold field whose `<field>_also_acceptable` list applies to a scored field
_BASE = {"coords_25km": None, "event_date_1day": "event_date", "actor1_core": None, "actor2_core": None,
         "source_chain_lenient": None}


def field_correct(name: str, pred: Event, gold: dict) -> Optional[bool]:
    """Whether one field is right; None when the gold gives nothing to score against.

    A gold event may list equally defensible values in `<field>_also_acceptable`; matching any
    of them counts as right.
    """
    ok = _field_correct(name, pred, gold)
    base = _BASE.get(name, name)
    if ok is False and base:
        for alt in gold.get(f"{base}_also_acceptable") or ():
            if _field_correct(name, pred, {**gold, base: alt}):
                return True
    return ok


def scoreable(name: str, gold: dict) -> bool:
    """Whether the gold event gives something to score `name` against."""
    return _field_correct(name, Event(), gold) is not None


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "tp": tp, "pred": n_pred, "gold": n_gold}


def load_gold(path: Path) -> list[dict]:
    if not path.is_file():
        raise GoldError(f"E401 gold file not found: {path}")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise GoldError(f"E402 {path}:{n} is not valid JSON: {exc}") from None
    return out


def evaluate(gold_path: str | Path, coder: Optional[Callable[[Path], list[Event]]] = None,
             langs: Optional[set[str]] = None, splits: Optional[set[str]] = None) -> dict[str, Any]:
    """Code every gold report (or use `coder(path)`), match, and return the scores as a dict.

    langs / splits keep only the reports whose `lang` / `split` is among them.
    """
    gold_path = Path(gold_path)
    reports = select(load_gold(gold_path), langs, splits)
    result = score_reports(reports, code_reports(reports, gold_path.parent, coder))
    result.pop("pairs")
    return result


def select(reports: list[dict], langs: Optional[set[str]] = None,
           splits: Optional[set[str]] = None) -> list[dict]:
    """The reports in one of `langs` and one of `splits` (None: any)."""
    return [g for g in reports if (not langs or g.get("lang") in langs) and (not splits or g.get("split") in splits)]


def code_reports(reports: list[dict], base: Path,
                 coder: Optional[Callable[[Path], list[Event]]] = None) -> dict[str, list[Event]]:
    """Every event (background ones too) coded from each report's file, by report id."""
    coder = coder or _code_file
    return {gold["id"]: coder(base / gold["file"]) for gold in reports}


def score_reports(reports: list[dict], coded: dict[str, list[Event]]) -> dict[str, Any]:
    """Match the coded events of each report with its gold events and score them.

    Besides detection and per-field accuracy on matched pairs, `end_to_end` scores each field
    over all gold events, a missed gold event counting as wrong, and `pairs` keeps the matched
    (report id, coded event, gold event) triples for incident scoring.
    """
    totals = Counter()
    fields: dict[str, Counter] = {f: Counter() for f in FIELDS}
    end_to_end: dict[str, Counter] = {f: Counter() for f in FIELDS}
    confusion: Counter = Counter()
    per_report, mismatches, matched = [], [], []
    for gold in reports:
        preds = [e for e in coded.get(gold["id"], []) if not e.background]
        golds = gold.get("events", [])
        pairs = match(preds, golds)
        totals["pred"] += len(preds)
        totals["gold"] += len(golds)
        totals["tp"] += len(pairs)
        totals["pred_main"] += sum(e.main for e in preds)
        totals["gold_main"] += sum(bool(g.get("main")) for g in golds)
        totals["tp_main"] += sum(1 for p, g in pairs if preds[p].main and golds[g].get("main"))
        if gold.get("negative"):
            totals["negative_reports"] += 1
            totals["negative_main_events"] += sum(e.main for e in preds)
            totals["negatives_clean"] += int(not preds)
        by_gold = {g: p for p, g in pairs}
        for j, g_event in enumerate(golds):
            for name in FIELDS:
                if scoreable(name, g_event):
                    end_to_end[name]["n"] += 1
                    end_to_end[name]["ok"] += int(j in by_gold and bool(field_correct(name, preds[by_gold[j]], g_event)))
        for p, g in pairs:
            matched.append((gold["id"], preds[p], golds[g]))
            confusion[(golds[g].get("sub_event_type"), preds[p].sub_event_type)] += 1
            for name in FIELDS:
                ok = field_correct(name, preds[p], golds[g])
                if ok is not None:
                    fields[name]["n"] += 1
                    fields[name]["ok"] += int(ok)
                if ok is False:
                    mismatches.append({"id": gold["id"], "event": golds[g].get("event_id"), "field": name,
                                       "gold": _shown(name, golds[g]), "pred": _shown(name, preds[p])})
        per_report.append({"id": gold["id"], "pred": len(preds), "gold": len(golds), "matched": len(pairs),
                           "unmatched_pred": [f"{e.sub_event_type} @ {e.location}" for i, e in enumerate(preds)
                                              if i not in {p for p, _ in pairs}],
                           "unmatched_gold": [f"{e.get('sub_event_type')} @ {e.get('location')}"
                                              for j, e in enumerate(golds) if j not in {g for _, g in pairs}]})

    def table(counts: dict[str, Counter]) -> dict[str, dict[str, Any]]:
        return {name: {"accuracy": round(c["ok"] / c["n"], 3) if c["n"] else None, "n": c["n"]}
                for name, c in counts.items()}

    return {
        "reports": len(reports),
        "events": _prf(totals["tp"], totals["pred"], totals["gold"]),
        "main_events": _prf(totals["tp_main"], totals["pred_main"], totals["gold_main"]),
        "negative_reports": totals["negative_reports"],
        "negative_main_events": totals["negative_main_events"],
        "negatives_clean": totals["negatives_clean"],
        "fields": table(fields),
        "end_to_end": table(end_to_end),
        "sub_event_confusion": [{"gold": g, "pred": p, "n": n} for (g, p), n in sorted(confusion.items(), key=str)],
        "per_report": per_report,
        "mismatches": mismatches,
        "pairs": matched,
    }


_SHOWN = {"coords_25km": ("latitude", "longitude"), "event_date_1day": ("event_date",),
          "actor1_core": ("actor1",), "actor2_core": ("actor2",), "source_chain_lenient": ("source_chain",)}


def _shown(name: str, record) -> Any:
    """The value(s) behind a scored field, for the mismatch listing."""
    keys = _SHOWN.get(name, (name,))
    get = record.get if isinstance(record, dict) else lambda k: getattr(record, k, None)
    values = [get(k) for k in keys]
    return values[0] if len(values) == 1 else values


def _code_file(path: Path) -> list[Event]:
    from .pipeline import code_documents
    from .reading import read_path

    events: list[Event] = []
    for item in code_documents(read_path(path)):
        events.extend(getattr(item, "events", []))
    return events


def format_mismatches(result: dict[str, Any], fields: Iterable[str]) -> str:
    """One line per matched event whose `fields` disagree with gold; unmatched events per report."""
    wanted = set(fields)
    lines = [f"{m['id']:<6} {m['field']:<16} gold={m['gold']!r}  pred={m['pred']!r}"
             for m in result["mismatches"] if "all" in wanted or m["field"] in wanted]
    if "all" in wanted or "detection" in wanted:
        for r in result["per_report"]:
            if r["unmatched_pred"] or r["unmatched_gold"]:
                lines.append(f"{r['id']:<6} unmatched pred={r['unmatched_pred']}  gold={r['unmatched_gold']}")
    return "\n".join(lines)


def format_table(result: dict[str, Any], details: bool = False) -> str:
    """Plain-text table of the scores (what `eventcoder evaluate` prints)."""
    lines = [f"reports: {result['reports']}"]
    for key in ("events", "main_events"):
        r = result[key]
        lines.append(f"{key:<22} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                     f"(tp {r['tp']}, pred {r['pred']}, gold {r['gold']})")
    lines.append(f"{'negative reports':<22} {result['negative_reports']}  clean (no event): "
                 f"{result.get('negatives_clean', '-')}  main events on them: {result['negative_main_events']}")
    lines.append("")
    lines.append(f"{'field':<22} {'matched':>8} {'n':>5}   {'end-to-end':>10} {'n':>5}")
    ete = result.get("end_to_end", {})
    for name, r in result["fields"].items():
        acc = "-" if r["accuracy"] is None else f"{r['accuracy']:.3f}"
        e = ete.get(name, {"accuracy": None, "n": 0})
        eacc = "-" if e["accuracy"] is None else f"{e['accuracy']:.3f}"
        lines.append(f"{name:<22} {acc:>8} {r['n']:>5}   {eacc:>10} {e['n']:>5}")
    if details:
        lines.append("")
        lines.append("sub_event_type confusion (gold -> predicted: n)")
        for row in result["sub_event_confusion"]:
            mark = "" if row["gold"] == row["pred"] else "   <-- wrong"
            lines.append(f"  {row['gold']} -> {row['pred']}: {row['n']}{mark}")
    return "\n".join(lines)
