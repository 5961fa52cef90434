"""Is a trigger real? Negation ("no one was killed"), hypothetical or intended acts ("threatened to
attack", "tried to capture the town") and declared measures ("said it would impose a curfew").

Used by `find_triggers` (triggers.py); the word lists are the `negation:` and `hypothetical:`
sections of `data/lexicons/<lang>/triggers.yaml`. Without a parse, a window of words before the
trigger decides.
"""
from __future__ import annotations

from .trigger_lexicon import Lexicon
from .trigger_scope import governing_verb

__all__ = ["_is_negated", "_is_hypothetical", "_declared"]

_EPISTEMIC = {"may", "might", "could"}


def _verb_chain(verb):
    """The verb and the verbs it is an xcomp/ccomp/conj complement of ("threatened to attack")."""
    chain = [verb]
    while verb.dep_ in ("xcomp", "advcl", "pcomp", "conj") and verb.head.i != verb.i and len(chain) < 4:
        verb = verb.head
        chain.append(verb)
    return chain


def _is_negated(lex: Lexicon, tokens, first, last, root) -> bool:
    neg = set(lex.negation["words"])
    if root is None:  # lexicon path: a negation word shortly before the trigger
        window = tokens[max(0, first - lex.negation.get("window", 3)):first]
        return any(t.lower in neg for t in window)
    verb = governing_verb(root)
    for tok in {root, verb}:
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
                return True
    # "neither side has shown interest in a ceasefire", "nobody claimed the attack"
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and (child.lower_ in ("nobody", "none", "neither") or any(
                g.dep_ == "det" and g.lower_ in ("no", "neither") for g in child.children)):
            return True
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp", "pcomp") and head.lemma_.lower() in lex.negation["deny"]:
        return True
    # "denied reports that its troops had killed civilians": the act is what a denied claim says
    if verb.dep_ in ("acl", "ccomp", "relcl") and head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj") \
            and head.head.lemma_.lower() in lex.negation["deny"]:
        return True
    if root.dep_ == "dobj" and root.head.lemma_.lower() in lex.negation["deny"]:
        return True
    return False


def _is_hypothetical(lex: Lexicon, tokens, first, last, root) -> bool:
    hyp = lex.hypothetical
    modals, intents = set(hyp["modals"]), set(hyp["intention"])
    if root is None:
        window = tokens[max(0, first - hyp.get("window", 4)):first]
        words = {t.lower for t in window}
        return bool(words & (modals | intents | set(hyp["conditional"]) | set(hyp.get("future_modifiers", ()))))
    # "a planned rally", "the upcoming march"
    if any(c.dep_ == "amod" and c.lower_ in hyp.get("future_modifiers", ()) for c in root.children):
        return True
    # "fears of an attack", "a threat of air strikes"
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "for", "in") and \
            root.head.head.lemma_.lower() in set(hyp["nouns"]) | intents:
        return True
    verb = governing_verb(root)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in hyp.get("failure", ()):
        return True
    if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" and verb.head.head.lemma_.lower() in intents:
        return True  # "an offensive aimed at recapturing the capital": the aim, not an act
    for i, v in enumerate(_verb_chain(verb)):
        if i > 0 and v.lemma_.lower() in intents:
            return True
        if v is verb and v.lemma_.lower() in intents and v is not root:
            return True
        perfect = any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in v.children)
        for child in v.children:
            # "may have attacked" tells a past act that is uncertain (certainty decides how sure),
            # "could attack" / "would have attacked" an act that has not happened
            if child.dep_ == "aux" and child.lower_ in modals and not (perfect and child.lower_ in _EPISTEMIC):
                return True
            if child.dep_ == "mark" and child.lower_ in hyp["conditional"]:
                return True
        purpose = v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        if v.dep_ not in ("xcomp", "conj") and not purpose:
            break
    return False


def _declared(lex: Lexicon, root) -> bool:
    """A strategic measure announced with a modal: "said it would block all roads"."""
    if root is None:
        return False
    tok = root
    for _ in range(5):
        if tok.lemma_.lower() in lex.hypothetical.get("declarations", []):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
