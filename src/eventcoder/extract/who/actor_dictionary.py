"""The actor dictionary (`data/actors/`): phrases -> ACLED actor names, matched with Aho-Corasick.

`match_phrases(text)` finds every dictionary phrase on word boundaries (leftmost-longest);
`state_name`, `group_name` and `generic_name` turn an entry plus the country and date into the
ACLED name ("Military Forces of Iraq (2022-)", "Islamic State West Africa Province").
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Optional

import ahocorasick

from ... import countries
from ...errors import DataFileError
from ...resources import load_tsv, load_yaml

# priority when two entries share a phrase: lower wins
_PRIORITY = {"group": 0, "state": 1, "unidentified": 2, "protesters": 3, "rioters": 4, "civilians": 5}
_FORCE_LABEL = {"military": "Military Forces", "police": "Police Forces", "government": "Government"}


@dataclass(frozen=True)
class Entry:
    """One dictionary phrase and what it denotes."""

    phrase: str
    kind: str  # group | state | unidentified | civilians | protesters | rioters
    name: str = ""  # ACLED name or template with "{country}"
    inter: Optional[int] = None
    force: str = ""  # state: military | police | government
    country: str = ""  # state unit tied to one country
    suffix: str = ""  # unit appended to a state name
    by_country: tuple = ()
    no_country: str = ""
    party: bool = False
    only_by_country: bool = False  # the phrase names a group only in the by_country countries
    skip_elsewhere: bool = False  # ... and elsewhere no actor at all (not even an unidentified one)
    by_country_from: tuple = ()  # (country, first day) pairs: that by_country name holds only from then on
    name_from: tuple = ()  # (first day, name): from then on the group is coded under that name (a coalition)

    @property
    def case_sensitive(self) -> bool:
        """Short names of groups and units ("IS", "AA", "Fano") only count when capitalised."""
        return (self.kind == "group" or bool(self.country)) and len(self.phrase) <= 4 \
            and self.phrase.replace("-", "").isalpha()

    def accepts(self, surface: str) -> bool:
        """Whether the text form fits: 3 letters or fewer all capitals, 4 letters capitalised."""
        if not self.case_sensitive or surface.upper() == surface.lower():
            return True  # (a script without case, such as Arabic: "داعش" has no capital to check)
        return surface.isupper() if len(self.phrase) <= 3 else surface[:1].isupper()


@dataclass(frozen=True)
class PhraseMatch:
    start: int
    end: int
    entry: Entry


def normalise(text: str) -> str:
    """Lowercase with the same length as `text` (offsets stay valid); curly apostrophes -> '."""
    if text.isascii():  # (every ASCII letter lowers to one letter, and there is no curly apostrophe)
        return text.lower()
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("\u2019", "'").replace("\u2018", "'")


@functools.lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    from .alias_files import foreign_aliases, ru_demonym_forces  # names in other languages: actors/aliases_<lang>.yaml

    out: list[Entry] = []
    for i, g in enumerate(load_yaml("actors/groups.yaml") or []):
        if "name" not in g or "aliases" not in g:
            raise DataFileError(f"E103 data/actors/groups.yaml entry {i + 1}: needs name and aliases")
        for alias in [*g["aliases"], *foreign_aliases().get(g["name"], ())]:
            since = g.get("name_from") or {}
            out.append(Entry(phrase=str(alias), kind="group", name=g["name"], inter=g.get("inter"),
                             by_country=tuple((g.get("by_country") or {}).items()),
                             no_country=g.get("no_country", ""), party=bool(g.get("party")),
                             only_by_country=bool(g.get("only_by_country")),
                             skip_elsewhere=g.get("only_by_country") == "skip",
                             by_country_from=tuple((k, str(v)) for k, v in (g.get("by_country_from") or {}).items()),
                             name_from=(str(since["date"]), since["name"]) if since else ()))
    for row in load_tsv("actors/state_terms.tsv"):
        if row["force"] not in _FORCE_LABEL:
            raise DataFileError(f"E103 data/actors/state_terms.tsv: unknown force {row['force']!r} "
                                f"for {row['phrase']!r}; use military, police or government")
        out.append(Entry(phrase=row["phrase"], kind="state", inter=1, force=row["force"],
                         country=row["country"] or "", suffix=row["suffix"] or ""))
    listed = {e.phrase for e in out}
    for phrase, force, country in ru_demonym_forces():  # "азербайджанские военные"
        if phrase not in listed:
            out.append(Entry(phrase=phrase, kind="state", inter=1, force=force, country=country))
    generic = load_yaml("actors/generic.yaml")
    for kind in ("unidentified", "protesters", "rioters", "civilians"):
        block = generic[kind]
        for phrase in block["phrases"]:
            out.append(Entry(phrase=str(phrase), kind=kind, name=block["name"], inter=block["inter"]))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _automaton():
    best: dict[str, Entry] = {}
    for e in entries():
        key = normalise(e.phrase).translate(_ARABIC_FOLD)
        if key not in best or _PRIORITY[e.kind] < _PRIORITY[best[key].kind]:
            best[key] = e
    auto = ahocorasick.Automaton()
    for key, e in list(best.items()):
        if key.startswith("ال") and "لل" + key[2:] not in best:  # Arabic "li-" + "al-": "للجيش"
            auto.add_word("لل" + key[2:], ("لل" + key[2:], e))
        auto.add_word(key, (key, e))
    from .alias_files import ru_case_forms  # Russian phrases in every case: "российскими войсками"

    taken = set(best)
    for key, e in list(best.items()):
        if re.search("[а-яё]", key):
            for form in ru_case_forms(key)[1:]:
                if form not in taken:
                    taken.add(form)
                    auto.add_word(form, (form, e))
    auto.make_automaton()
    return auto


_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670]")
# letters Arabic writing uses interchangeably: hamza seats on alif ("أمريكية" / "امريكية"), alif maqsura / ya
_ARABIC_FOLD = str.maketrans("أإآى", "اااي")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


_CLITICS = "وفبلك"


def _arabic_clitic(low: str, start: int) -> bool:
    """An Arabic word starting with one or two clitic letters before the phrase ("وقوات", "لقوات")."""
    if not ("\u0600" <= low[start] <= "\u06ff"):
        return False
    i = start
    while i > 0 and start - i < 2 and low[i - 1] in _CLITICS:
        i -= 1
    return i < start and (i == 0 or not _is_word_char(low[i - 1]))


def match_phrases(text: str) -> list[PhraseMatch]:
    """Dictionary phrases in `text` on word boundaries, leftmost-longest, non-overlapping."""
    return list(_match_phrases(text))


@functools.lru_cache(maxsize=4096)
def _match_phrases(text: str) -> tuple[PhraseMatch, ...]:
    """`match_phrases`, memoised: the extractors ask again and again for the same sentences."""
    low = normalise(text)
    # Arabic short-vowel and shadda marks are optional in writing ("مسيّرة" is "مسيرة"): matched without them,
    # the offsets mapped back onto the text
    at = [i for i, c in enumerate(low) if not _ARABIC_MARKS.match(c)] if _ARABIC_MARKS.search(low) else None
    if at is not None:
        low = "".join(low[i] for i in at)
    low = low.translate(_ARABIC_FOLD)
    found = []
    for end_idx, (key, entry) in _automaton().iter(low):
        start, end = end_idx - len(key) + 1, end_idx + 1
        if start > 0 and _is_word_char(low[start - 1]) and _is_word_char(key[0]) and not _arabic_clitic(low, start):
            continue
        if end < len(low) and _is_word_char(low[end]) and _is_word_char(key[-1]):
            continue
        if at is not None:
            start, end = at[start], at[end - 1] + 1
        if not entry.accepts(text[start:end]):
            continue
        found.append(PhraseMatch(start, end, entry))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[PhraseMatch] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return tuple(out)


# "the Houthi-held port", "the Houthi-run health ministry", "the al-Qaeda-linked JNIM": the name only
# describes a place, a body or another group; it is not an actor of the event. "Islamic State-linked
# insurgents" are the group's own fighters, though: an affiliation before a generic fighter noun stays.
MODIFIER_ONLY = re.compile(r"[-\u2010\u2011](?:(?:held|controlled|run|occupied|administered|dominated|backed|supported|"
                           r"sponsored|leaning|friendly|influenced|designated|appointed|installed)\b|"
                           r"(?:linked|affiliated|aligned|allied|inspired|loyal)\b(?!\s+(?:[\w-]+\s+)?(?:insurgents|"
                           r"militants|fighters|rebels|jihadists|militias?|militiamen|gunmen|extremists|cells?|"
                           r"elements|combatants|attackers|assailants)\b))"
                           r"|(?:['\u2019]s)?\s+(?:affiliate|affiliates|offshoot|offshoots|franchise|proxy|proxies)\b",
                           re.IGNORECASE)


def group_matches(text: str) -> list[PhraseMatch]:
    """Armed-group phrases of `text` (no parties), leaving out names that only qualify ("al-Qaeda-linked")."""
    return [pm for pm in match_phrases(text) if pm.entry.kind == "group" and not pm.entry.party
            and not pm.entry.skip_elsewhere and not MODIFIER_ONLY.match(text, pm.end)]


@functools.lru_cache(maxsize=1)
def _regimes() -> dict[str, list[dict]]:
    table: dict[str, list[dict]] = {}
    for row in load_tsv("actors/state_forces.tsv"):
        table.setdefault(row["country"], []).append(row)
    return table


def _start_date(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def regime(country: str, when: Optional[dt.date] = None) -> Optional[dict]:
    """The regime-period row of `country` in force on `when` (default: the current one)."""
    rows = _regimes().get(country)
    if not rows:
        return None
    if when is None:
        return next((r for r in rows if not r["end"]), rows[-1])
    started = [r for r in rows if _start_date(r["start"]) <= when]
    if not started:
        return min(rows, key=lambda r: _start_date(r["start"]))
    return max(started, key=lambda r: _start_date(r["start"]))


def state_name(country: str, force: str = "military", when: Optional[dt.date] = None,
               suffix: str = "") -> str:
    """"Military Forces of Iraq (2022-)"; without a regime row "Military Forces of X"."""
    label = _FORCE_LABEL.get(force, "Military Forces")
    row = regime(country, when)
    if row is None:
        name = f"{label} of {country}"
    else:
        state = row["state"] or country
        name = f"{label} of {state} ({row['start'][:4]}-{row['end']})"
    return f"{name} {suffix}".strip()


def group_name(entry: Entry, country: Optional[str], when: Optional[dt.date] = None) -> str:
    """ACLED name of a group entry for the event country and date ("Islamic State (Iraq)"; the Taliban
    in Afghanistan are its state forces only from 15 August 2021; a gang joins its coalition's name)."""
    if entry.name_from and (when is None or when >= _start_date(entry.name_from[0])):
        return entry.name_from[1]
    by_country = dict(entry.by_country)
    since = dict(entry.by_country_from)
    if country and country in by_country and not (when is not None and country in since
                                                  and when < _start_date(since[country])):
        return by_country[country]
    if "{country}" in entry.name:
        if country:
            return entry.name.format(country=country)
        return entry.no_country or re.sub(r"\s*\(\{country\}\)", "", entry.name)
    return entry.name


def generic_name(base: str, country: Optional[str]) -> str:
    return f"{base} ({country})" if country else base


def name_to_inter() -> dict[str, int]:
    """ACLED group name -> inter code (for claims named in sources)."""
    return {e.name: e.inter for e in entries() if e.kind == "group" and e.inter}


@functools.lru_cache(maxsize=1)
def identity_words() -> tuple[tuple[str, str], ...]:
    """(word, descriptor) pairs: 'teachers' -> 'Teachers'."""
    pairs = []
    for desc, words in load_yaml("actors/generic.yaml")["identities"].items():
        pairs.extend((normalise(str(w)), desc) for w in words)
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@functools.lru_cache(maxsize=1)
def state_after_demonym() -> tuple[str, ...]:
    words = load_yaml("actors/generic.yaml")["state_after_demonym"]
    return tuple(sorted((normalise(w) for w in words), key=len, reverse=True))


def country_before(text: str, start: int) -> Optional[str]:
    """ACLED country named by the demonym or country right before `start` ("Iraqi", "Israel's", "US")."""
    m = re.search(r"((?:[A-Z][\w.]*[\s-]){0,2}[A-Z][\w.]*)(?:['\u2019]s)?\s+(?:[\w-]+\s+)?$", text[max(0, start - 60):start])
    if not m:
        return None
    words = m.group(1).split()
    for i in range(len(words)):  # longest tail first: "South Sudanese", then "Sudanese"
        key = " ".join(words[i:])
        c = countries.by_demonym(key)
        if c is None and (len(key) > 3 or key in ("US", "U.S.", "UK", "DRC")):
            c = countries.lookup(key)
        if c is not None:
            return congo(c.name, key, text)
    return None


_DRC_TEXT = re.compile(r"\b(?:Democratic\s+Republic|DRC|DR\s+Congo|D\.R\.\s*Congo|RDC|RD\s+Congo|Kinshasa|Kivu|Ituri|"
                       r"Goma|Bunia|Beni|Bukavu|FARDC|M23)\b")


def congo(country: str, word: str, text: str) -> str:
    """"Congo" / "Congolese" name the Democratic Republic of Congo in a report about the DRC."""
    if country == "Republic of Congo" and word.lower() in ("congo", "congolese", "congolais", "congolaise") \
            and _DRC_TEXT.search(text):
        return "Democratic Republic of Congo"
    return country
