"""Sources of a chain that no "X said" near the event gives: the wire agency the report is credited to
(and the agency names that are one agency: "AP" == "Associated Press"),
a state force telling its own find or seizure, and the test a source found far from the event must pass
(used by `sources.source_chain`).
"""
from __future__ import annotations

import re
from typing import Optional

from ..who import actor_dictionary as dic
from . import source_names as names
from ..base import Analysis, SourceChain, Span
from ..cues import find_cues, load_cues
from .source_mentions import looks_like_source


def wire_credit(ana: Analysis, out: SourceChain, outlet: str) -> None:
    """A wire agency the report is credited to ("SANAA, Yemen (AP) —", a byline "Press Trust of India |",
    a closing "— Reuters" or ", reports AFP."): the medium the outlet took the story from, listed right after it;
    a "Source: X" credit line goes before it."""
    found = wire_agency(ana)
    if not found:
        source_line(ana, out, outlet)
        return
    name, span = found
    name = "TASS" if name.lower() == "tass" else name  # "/tass/" in a lower-case dateline
    if outlet and (same_agency(name, outlet) or dic.normalise(name) in dic.normalise(outlet)):
        return
    at = 1 if outlet else 0
    for n, c in enumerate(out.chain[at:], at):
        if same_agency(name, c):  # cited later as the medium of a source ("told AFP"): it moves up front
            k = n - (len(out.chain) - len(out.spans))  # spans belong to the last len(spans) elements
            del out.chain[n]
            if 0 <= k < len(out.spans):
                del out.spans[k]
            name = c if len(c) > len(name) and not c.isupper() else name
            break
    k = max(0, at - (len(out.chain) - len(out.spans)))
    out.chain.insert(at, name)
    out.spans.insert(k, span)
    source_line(ana, out, outlet)


# "Source: Diario de Xalapa (sp)", "Source: News 24 June 25, 2024 20:11 UTC": the medium a story was taken from
_SOURCE_LINE = re.compile(r"(?m)^[ \t]*(?:Source|Sources|Fuente|Источник)[ \t]*:[ \t]*(?P<a>[A-Z\u0400-\u04ff][^\n|(]{1,60}?)"
                          r"[ \t]*(?=\([a-z]{2}\)|(?:January|February|March|April|May|June|July|August|September|"
                          r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d|"
                          r"\d{1,2}[/.-]\d|[,;]|$)")


def source_line(ana: Analysis, out: SourceChain, outlet: str) -> None:
    """A "Source: X" credit line: X is the medium the outlet took the story from, first after the outlet."""
    m = _SOURCE_LINE.search(ana.text)
    if m is None:
        return
    name = m.group("a").strip(" .")
    if not name or outlet and dic.normalise(name) in dic.normalise(outlet) or \
            any(dic.normalise(name) == dic.normalise(c) for c in out.chain):
        return
    at = 1 if outlet else 0
    out.chain.insert(at, name)
    out.spans.insert(max(0, at - (len(out.chain) - 1 - len(out.spans))), ana.span(m.start("a"), m.start("a") + len(name)))


def acting_force(ana: Analysis, i: int, out: SourceChain) -> None:
    """No source cited: when state forces report their own find or seizure ("police found the bodies",
    "tropas del Ejército desactivaron un cilindro bomba"), the force is the account's source."""
    if not 0 <= i < len(ana.sentences):
        return
    sent = ana.sentences[i]
    verbs = load_cues(ana.lang, "attribution").get("force_reports", ())
    for m in find_cues(ana.text, verbs, sent.start, sent.end):
        words = re.findall(r"[\w'\u2019-]+", ana.text[sent.start:m.start()])[-4:]
        for k in range(len(words)):
            label = names.state_source(" ".join(words[k:]), ana)
            if label:
                at = ana.text.rfind(words[-1], sent.start, m.start())
                out.chain.append(label)
                out.spans.append(ana.span(at, at + len(words[-1])))
                return
        return


_CLAUSE_WORD = re.compile(r"(?i)(?:^|\s)(?:que|qui|that|which|who|что|أن)(?:\s|$)")


def source_like(ana: Analysis, name: str) -> bool:
    """A name found far from the event must look like a source: a body, a title or a source noun, an
    acronym, never a bare number, a clause fragment or a lone surname."""
    if len(name.split()) > 8 or not re.search(r"[^\W\d_]", name) or _CLAUSE_WORD.search(name):
        return False
    return bool(names.state_source(name, ana)) or looks_like_source(name, load_cues(ana.lang, "attribution"))


_AGENCY_FORMS = {"ap": "ap", "associated press": "ap", "the associated press": "ap", "afp": "afp",
                 "agence france presse": "afp", "agence france-presse": "afp", "pti": "pti",
                 "press trust of india": "pti", "ians": "ians", "indo-asian news service": "ians", "ani": "ani",
                 "asian news international": "ani", "xinhua": "xinhua", "xinhua news agency": "xinhua",
                 "dpa": "dpa", "deutsche presse-agentur": "dpa", "efe": "efe", "agencia efe": "efe",
                 "anadolu": "anadolu", "anadolu agency": "anadolu", "aa": "anadolu", "tass": "tass", "тасс": "tass",
                 "ria novosti": "ria", "риа новости": "ria", "reuters": "reuters", "رويترز": "reuters",
                 "فرانس برس": "afp", "أ ف ب": "afp", "وكالة الأنباء الفرنسية": "afp"}


def _agency_key(name: str) -> str:
    low = dic.normalise(re.sub(r"\s*\(.*?\)|\s+(?:news\s+)?agency$|^(?:the|l['\u2019]|la)\s+", "", name.strip()))
    return _AGENCY_FORMS.get(low, low)


def same_agency(a: str, b: str) -> bool:
    """"AFP" == "Agence France-Presse" == "AFP news agency"; "Reuters" == "the Reuters news agency"."""
    return _agency_key(a) == _agency_key(b)


def is_wire(name: str) -> bool:
    """A listed wire agency ("AFP", "the Reuters news agency"): a relay of the account, not its source."""
    return _agency_key(name) in {_agency_key(w) for w in load_cues("en", "attribution").get("wire_agencies", ())}


def wire_agency(ana: Analysis) -> Optional[tuple[str, Span]]:
    """The wire agency credited in the dateline, the byline or the closing credit, with its span."""
    agencies = load_cues("en", "attribution").get("wire_agencies", ())
    alts = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
    text = ana.text
    head = text[:700]
    patterns = [
        rf"\((?P<a>{alts})\)\s*(?:[\u2014\u2013-]|--)",                      # "SANAA, Yemen (AP) —"
        rf"(?m)^\s*(?P<a>{alts})(?:[ \t]+News)?[ \t]*(?:\||$)",                 # "AP" or "AP News" alone, "PTI |"
        rf"(?m)^[ \t]*(?:[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*)*,?[ \t]*)?\((?P<a>{alts})\)[ \t]+(?=[A-Z])",  # "(AP) Gunmen ..."
        rf"(?m)^[ \t]*(?P<a>{alts})[ \t]+(?:[A-Z][\w'-]*[ \t]*){{1,3}}(?:\([A-Z][\w '-]*\))?[ \t]*$",  # byline "AFP Town (Country)"
        rf"\|\s*(?P<a>{alts})\s*$",                                           # caption credit "... | AP"
        rf"/(?P<a>ТАСС|TASS|РИА Новости|(?i:tass))/",                          # "ТБИЛИСИ, 1 декабря. /ТАСС/."
        rf"\((?P<a>{alts})\)\s*$",
    ]
    for rx in patterns:
        m = re.search(rx, head, re.MULTILINE)
        if m:
            return m.group("a"), ana.span(m.start("a"), m.end("a"))
    tail = [  # ", reports AFP.", "— Reuters" closing the text, "(AFP) –" after a place in brackets
        rf"[,.]\s*(?:reports|reported|according\s+to|writes|said)\s+(?P<a>{alts})\s*[.\n]",
        rf"[\u2014\u2013-]\s*(?P<a>{alts})\s*$",
        rf",\s*(?P<a>{alts})\s+(?:reported|reports|said)\s*[.\n]",            # "..., AFP reported."
    ]
    for rx in tail:
        m = re.search(rx, text, re.MULTILINE)
        if m:
            return m.group("a"), ana.span(m.start("a"), m.end("a"))
    return None
