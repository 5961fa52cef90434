"""Names of armed groups in other languages (`data/actors/aliases_<lang>.yaml`), added to the groups
of `groups.yaml` they name, with the same settings.

Each file maps an ACLED group name (exactly as in groups.yaml) to the phrases reports in that
language use. Russian phrases are written in the nominative: every case form is added (pymorphy3):
the head noun and the adjectives before it are inflected, words after the head noun (a genitive
complement: "силы быстрого реагирования") stay as they are. `ru_case_forms` also serves the Cyrillic
phrases of groups.yaml, state_terms.tsv and generic.yaml ("российские войска" -> "российскими
войсками"), added by `actor_dictionary._automaton` where no phrase of the dictionary has that form.
"""
from __future__ import annotations

import functools
import re

from ...errors import DataFileError
from ...resources import data_path, load_yaml

LANGS = ("ar", "es", "fr", "ru")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _inflect(phrase: str) -> list[str]:
    """Every case form of a Russian nominative phrase ("хуситы" -> хуситов, хуситам, ...)."""
    from ... import morph

    if not morph.available():
        return [phrase]
    words = phrase.split()
    head = None
    for i, w in enumerate(words):
        last = re.split(r"-", w)[-1]
        nouns = [p for p in morph._parses(last) if p.tag.POS == "NOUN" and "nomn" in p.tag]
        if nouns:
            head = (i, nouns[0])
            break
    if head is None:
        return [phrase]
    h, noun = head
    out = [phrase]
    for case in _CASES:
        form = noun.inflect({case, noun.tag.number or "sing"})
        if form is None:
            continue
        pieces = words[h].split("-")
        new = words[:h] + ["-".join(pieces[:-1] + [form.word])] + words[h + 1:]
        for i in range(h):
            adj = next((p for p in morph._parses(words[i]) if p.tag.POS == "ADJF" and "nomn" in p.tag), None)
            grams = {case, form.tag.number or "sing"}
            if adj is not None and form.tag.number != "plur" and form.tag.gender:
                grams.add(form.tag.gender)
            if case == "accs" and noun.tag.animacy:  # "русский корпус" (inanimate), "русского бойца"
                grams.add(noun.tag.animacy)
            agreed = adj.inflect(grams) if adj is not None else None
            if agreed is not None:
                new[i] = agreed.word
        text = " ".join(new)
        for variant in (text, text.replace("ё", "е")):
            if variant not in out:
                out.append(variant)
    return out


@functools.lru_cache(maxsize=4096)
def ru_case_forms(phrase: str) -> tuple[str, ...]:
    """Every case form of a Russian nominative phrase, the phrase first (cached)."""
    return tuple(_inflect(phrase))


@functools.lru_cache(maxsize=1)
def foreign_aliases() -> dict[str, tuple[str, ...]]:
    """ACLED group name -> phrases from every language's alias file (Russian with its case forms)."""
    out: dict[str, list[str]] = {}
    for lang in LANGS:
        rel = f"actors/aliases_{lang}.yaml"
        if not data_path(rel).is_file():
            continue
        data = load_yaml(rel) or {}
        if not isinstance(data, dict):
            raise DataFileError(f"E103 data/{rel}: expected a mapping of ACLED group name -> phrases")
        for name, phrases in data.items():
            for phrase in phrases or ():
                forms = ru_case_forms(str(phrase)) if lang == "ru" else [str(phrase)]
                out.setdefault(str(name), []).extend(f for f in forms if f not in out.get(str(name), ()))
    return {k: tuple(v) for k, v in out.items()}


_RU_FORMS = {"plural": "ие", "feminine": "ая", "masculine": "ий"}


@functools.lru_cache(maxsize=1)
def ru_demonym_forces() -> tuple[tuple[str, str, str], ...]:
    """(phrase, force, country) for every Russian demonym adjective + force noun of
    `actors/demonym_forces_ru.yaml`, in the nominative ("азербайджанские военные", military, Azerbaijan)."""
    rel = "actors/demonym_forces_ru.yaml"
    data = load_yaml(rel) or {}
    if not isinstance(data.get("adjectives"), dict) or not isinstance(data.get("nouns"), dict):
        raise DataFileError(f"E103 data/{rel}: needs the mappings adjectives and nouns")
    out = []
    for country, adjectives in data["adjectives"].items():
        for adj in adjectives:
            if not str(adj).endswith("ий"):
                raise DataFileError(f"E103 data/{rel}: {adj!r} ({country}) is not a masculine adjective in -ий")
            for force, by_form in data["nouns"].items():
                for form, nouns in by_form.items():
                    ending = _RU_FORMS.get(form)
                    if ending is None:
                        raise DataFileError(f"E103 data/{rel}: unknown noun form {form!r}; use {', '.join(_RU_FORMS)}")
                    out.extend((f"{str(adj)[:-2]}{ending} {noun}", force, str(country)) for noun in nouns)
    return tuple(out)

