"""Casualty vocabulary for the fatality extractor: lexicon loading and compiled patterns.

The words live in `data/lexicons/<lang>/fatalities.yaml` (keys described in the English file);
literal phrases go through `numbers.phrase_pattern`, entries starting with "re:" are regexes.
"""
from __future__ import annotations

import functools
import re

from ...resources import load_yaml
from ..numbers import number_regex, phrase_pattern

KINDS = ("killed", "injured", "missing", "abducted")
_KINDS = KINDS


def _lex(lang: str) -> dict:
    try:
        return load_yaml(f"lexicons/{lang}/fatalities.yaml")
    except Exception:  # no lexicon for this language: English words still catch digits
        return load_yaml("lexicons/en/fatalities.yaml")


def _alt(entries, lang: str) -> str:
    parts = [e[3:] if e.startswith("re:") else phrase_pattern(e, lang)
             for e in sorted(map(str, entries or []), key=len, reverse=True)]
    return "|".join(parts) or "(?!x)x"


@functools.lru_cache(maxsize=None)
def _pats(lang: str) -> dict[str, re.Pattern]:
    lex = _lex(lang)
    b, e = r"(?<!\w)", r"(?!\w)"
    words = {k: rf"{b}(?:{_alt(lex.get(k), lang)}){e}" for k in (
        *_KINDS, "toll", "zero", "zero_injured", "singular", "subset", "additive", "toll_context",
        "left_only", "passive", "singular_items", "the_words", "skip_after", "toll_update", "denial",
        "remains", "old_graves", "other_event", "plural_nouns", "aggregate", "superseded", "earlier",
        "collective", "dual", "source_intro")}
    words["subset_gap"] = rf"(?:{_alt(lex.get('subset_gap'), lang)})\s*$"
    # languages that name the victim after the death word: a singular or dual noun is a count
    # ("مقتل شخص": one killed, "مقتل طفلين": two)
    words["one_after"] = rf"^\s*(?:{_alt(lex.get('one_after'), lang)}){e}"
    words["two_after"] = rf"^\s*(?:{_alt(lex.get('two_after'), lang)}){e}"
    # a one-victim phrase ending exactly at the death word ("... rescue him; he died")
    words["singular_end"] = rf"{b}(?:{_alt(lex.get('singular'), lang)})$"
    # more victims after a passive death word ("... were killed, along with a dozen attackers")
    words["also_after"] = rf"^\s*,?\s*(?:{_alt(lex.get('also_after'), lang)})\s+"
    # a claimant's own figure ("X claimed the attack, saying it had killed ..."): used only alone
    words["claim"] = rf"{b}(?:{_alt(lex.get('claim'), lang)})"
    # a marker before a direct object that names a person (Spanish "matando a un jornalero")
    words["object_marker"] = rf"^\s*(?:{_alt(lex.get('object_markers'), lang)})\s+"
    words["skip_after"] = rf"^[\s-]*(?:{_alt(lex.get('skip_after'), lang)})"
    words["manner"] = rf"^\s*(?:{_alt(lex.get('manner'), lang)}){e}"
    qual = {k: rf"(?:{_alt(lex.get(k), lang)})" for k in ("low", "high", "approx", "low_after")}
    words["qual"] = rf"^[\s\"'“”«(]*(?:(?P<low>{qual['low']})|(?P<high>{qual['high']})|{qual['approx']})\s+"
    words["low_after"] = rf"{b}{qual['low_after']}{e}"
    num = re.sub(r"\(\?P<\w+>", "(?:", number_regex(lang).pattern)
    # Arabic writes "and" as a prefix ("وثلاثة أطفال"): `list_prefixes` split a list before a number
    prefixes = rf"|\s+(?:{_alt(lex.get('list_prefixes'), lang)})(?=(?:{qual['low']}|{qual['high']}|{qual['approx']})?\s*(?:{num.replace(b, '', 1)}))" \
        if lex.get("list_prefixes") else ""
    words["sep"] = rf"\s*,\s*|\s+(?:{_alt(lex.get('list_separators'), lang)})\s+{prefixes}"
    words["stops"] = rf"(?<![\w-])(?:{_alt(lex.get('stops'), lang)})(?![\w-])|[;:.()\[\]—–]"
    words["clause_stops"] = rf"{b}(?:{_alt(lex.get('clause_stops', lex.get('stops')), lang)}){e}|[;:()\[\]—–]"
    words["range"] = (rf"(?:{b}(?:{_alt(lex.get('range'), lang)})\s+)?(?P<a>{num})"
                      rf"\s*(?:[-–]|\s(?:{_alt(lex.get('range_to'), lang)})\s)\s*(?P<b>{num})")
    return {k: re.compile(v, re.IGNORECASE) for k, v in words.items()}
