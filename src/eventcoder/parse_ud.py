"""Give a Universal Dependencies parse (spaCy's French model) the labels of the English one.

The extractors' role, scope and attribution logic reads spaCy's English scheme: `dobj`,
`nsubjpass`, `agent`, prepositions that head their noun (`prep` -> `pobj`), PERSON/GPE entities
and Penn tags such as VBN. A UD parse says the same things differently (`obj`, `nsubj:pass`,
`obl:agent`, a `case` child under the noun, PER/LOC). `to_english_labels` rewrites the parsed Doc
in place, once, after parsing; token texts, offsets, lemmas and sentences are left as they were.
The mapping is data: `data/parse/ud_to_en.yaml`.
"""
from __future__ import annotations

import functools

from .resources import load_yaml


@functools.lru_cache(maxsize=1)
def _mapping() -> dict:
    return load_yaml("parse/ud_to_en.yaml")


def _tag(tok) -> str:
    """A Penn-style tag from the UD morphology (the English code reads VBN, VBD, NNS...)."""
    morph, pos = tok.morph, tok.pos_
    form, tense = morph.get("VerbForm"), morph.get("Tense")
    if pos in ("VERB", "AUX"):
        if "Part" in form:
            return "VBN" if "Past" in tense else "VBG"
        if "Inf" in form:
            return "VB"
        if "Past" in tense or "Imp" in tense:
            return "VBD"
        return "VBZ" if "Sing" in morph.get("Number") else "VBP"
    if pos == "NOUN":
        return "NNS" if "Plur" in morph.get("Number") else "NN"
    if pos == "PROPN":
        return "NNP"
    return tok.tag_


def to_english_labels(doc):
    """Rewrite `doc`'s dependency labels, heads of prepositional phrases, tags and entity labels."""
    from spacy.tokens import Span

    spec = _mapping()
    deps, re_hung, agent = spec["deps"], set(spec["prep_of"]), set(spec["agent"])
    heads = [t.head.i for t in doc]
    labels = [t.dep_ for t in doc]
    for tok in doc:
        dep = tok.dep_
        cases = [c for c in tok.children if c.dep_ == "case" and c.i < tok.i]
        if dep in re_hung and cases and tok.head.i != tok.i:
            prep = cases[-1]  # "près de Ségou": the preposition next to the noun
            heads[prep.i], labels[prep.i] = tok.head.i, "agent" if dep in agent else "prep"
            heads[tok.i], labels[tok.i] = prep.i, "pobj"
        elif dep in re_hung and dep.startswith("obl"):
            labels[tok.i] = spec["bare_obl"]
        elif labels[tok.i] == dep:
            labels[tok.i] = deps.get(dep, dep)
    for tok in doc:
        if labels[tok.i] == "case":
            labels[tok.i] = "prep"  # a preposition left where it was: "lors d'une embuscade"
    tags = [_tag(t) for t in doc]
    for tok in doc:
        tok.head = doc[heads[tok.i]]
        tok.dep_ = labels[tok.i]
        tok.tag_ = tags[tok.i]
    ents = spec["ents"]
    doc.ents = [Span(doc, e.start, e.end, label=ents.get(e.label_, e.label_)) for e in doc.ents]
    return doc
