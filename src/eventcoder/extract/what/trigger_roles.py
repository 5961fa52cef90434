"""Who fills a trigger's roles: the parse tokens of its agent, patient or object (the sentence
without a parse), and the lexicon's context groups and `resolve` rules read over them."""
from __future__ import annotations

from typing import Optional

from .trigger_lexicon import Lexicon, Token, TokenList
from .trigger_scope import governing_verb


def _span_root(tokens: list[Token], first: int, last: int):
    """The spaCy token heading the span (its head lies outside), or None without a parse."""
    toks = [t.sp for t in tokens[first:last + 1] if t.sp is not None]
    if not toks:
        return None
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[-1]


def _phrase_heads(tok, depth: int = 0) -> list:
    """A noun phrase's head with its modifiers and coordinated heads, not its clauses:
    "villagers returning from the market" -> [villagers]; "a military truck" -> [military, truck]."""
    if tok.dep_ == "prep":
        return [t for c in tok.children if c.dep_ == "pobj" for t in _phrase_heads(c, depth + 1)]
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "poss", "nmod"):
            out.append(c)
        elif c.dep_ in ("conj", "appos") and depth < 3:
            out.extend(_phrase_heads(c, depth + 1))
        elif c.dep_ == "prep" and c.lower_ == "of" and depth < 2:  # "a convoy of soldiers"
            out.extend(_phrase_heads(c, depth + 1))
    return out


def _role_tokens(tokens, first, last, root, role: str, sent_range, follow_claims: bool = False) -> list[Token]:
    """Tokens that fill `role` (agent/patient) of the trigger; the sentence as fallback.

    follow_claims: an agent that is a pronoun in a claim ("X said it had struck ...") is X."""
    lo, hi = sent_range
    if role == "sentence" or root is None:
        if role == "agent":
            return tokens[lo:first]
        if role == "object":
            return tokens[last + 1:min(hi, last + 5)]
        if role == "patient" and root is None:
            return tokens[last + 1:hi]  # no parse: what follows the verb ("ont tué 18 civils")
        return tokens[lo:hi]
    verb = governing_verb(root)
    if role == "verb":  # the verb the trigger belongs to: "police found the bodies" -> found
        return _pick(tokens, {verb.i})
    heads = {verb, root}
    picked = set()
    for h in heads:
        for child in h.children:
            if role == "agent" and child.dep_ in ("nsubj", "agent"):
                picked.update(t.i for t in child.subtree)
            if child.dep_ == "prep" and child.lower_ == "by" and h.pos_ in ("NOUN", "PROPN"):
                # "an attack by gunmen on a village": "by" names the agent of a noun, not its patient
                if role == "agent":
                    picked.update(t.i for t in _phrase_heads(child))
                elif role == "patient":
                    # the parse hangs the target on the agent: "an attack by gunmen on a village"
                    for agent in (c for c in child.children if c.dep_ == "pobj"):
                        for prep in agent.children:
                            if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
                                picked.update(t.i for t in _phrase_heads(prep))
                continue
            if role == "agent" and child.dep_ == "prep" and child.lower_ == "between" and h.pos_ == "NOUN":
                # "a clash between supporters of A and B": both sides are the clash's agents
                picked.update(t.i for t in _phrase_heads(child))
            if role == "object" and child.dep_ in ("dobj", "nsubjpass"):
                picked.update(t.i for t in child.subtree)
            if role == "patient" and child.dep_ in ("dobj", "nsubjpass", "prep", "pobj", "attr",
                                                     "compound", "poss", "dative", "npadvmod"):
                picked.update(t.i for t in _phrase_heads(child))
    if role == "object" and not picked and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # a reduced relative: "tear gas canisters fired by police at protesters" -> the canisters
        head = verb.head
        picked.update(t.i for t in (head, *(c for c in head.children if c.dep_ in ("compound", "amod"))))
    if role in ("object", "patient") and not picked:
        # a shared object of coordinated verbs: "ambushed and carjacked civilians"
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB":
                for child in conj.children:
                    if child.dep_ == "dobj":
                        picked.update(t.i for t in (child.subtree if role == "object" else _phrase_heads(child)))
    if role == "agent" and verb.dep_ in ("xcomp", "conj") and not picked:
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                picked.update(t.i for t in child.subtree)
    if follow_claims and role == "agent" and verb.dep_ == "ccomp" and _pronoun_subject(verb):
        # a claim: "the military said it had struck hideouts" -> the sayer is the agent
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                picked.update(t.i for t in child.subtree)
    return _pick(tokens, picked)


def _pick(tokens, picked: set) -> list[Token]:
    """The tokens whose parse index is in `picked`, in text order (a map, not a scan of the document)."""
    by_sp = tokens.by_sp() if isinstance(tokens, TokenList) else {t.sp.i: t for t in tokens if t.sp is not None}
    return [by_sp[i] for i in sorted(picked) if i in by_sp]


_CLAIM_PRONOUNS = {"it", "they", "we", "its", "their", "our"}


def _pronoun_subject(verb) -> bool:
    """The verb's subject is (or is owned by) a pronoun: "it had struck", "its fighters blew up"."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child.lower_ in _CLAIM_PRONOUNS or any(
                c.dep_ == "poss" and c.lower_ in _CLAIM_PRONOUNS for c in child.children)
    return False


def _context_found(lex: Lexicon, group: str, tokens, first, last, root, sent_range) -> bool:
    spec = lex.context[group]
    role_toks = _role_tokens(tokens, first, last, root, spec.get("role", "sentence"), sent_range,
                             bool(spec.get("follow_claims")))
    if lex.phrases_in(spec["_phrases"], role_toks):
        return True
    if spec.get("named_state_actors") and _names_state(role_toks):
        return True
    return bool(spec.get("named_armed_actors")) and _names_armed_actor(role_toks)


def _names_armed_actor(role_toks, kinds=("group", "state")) -> bool:
    """The role names an armed group or state force of the actor dictionary ("Al Shabaab")."""
    from ..who import actor_dictionary as dic

    if not role_toks:
        return False
    text = " ".join(t.sp.text if t.sp is not None else t.lower for t in role_toks)
    return any(m.entry.kind in kinds and not m.entry.party for m in dic.match_phrases(text))


_CIVIL_STATE = {"government", "authority", "authorities", "administration", "ministry", "minister",
                "cabinet", "official", "officials", "president", "parliament", "court", "regime"}


def _names_state(role_toks) -> bool:
    """The role names a state force of the actor dictionary ("the Israeli military") or a country
    as a proper noun ("Israel struck ...", "the US hit ...")."""
    from ...countries import lookup

    # a government, ministry or its officials strike deals or hit cities with taxes, not targets
    role_toks = [t for t in role_toks if t.lemma not in _CIVIL_STATE]
    if _names_armed_actor(role_toks, kinds=("state",)):
        return True
    names = [t.sp.text for t in role_toks if t.sp is not None and t.sp.pos_ == "PROPN"]
    return any(lookup(n) is not None for n in names) or (len(names) > 1 and lookup(" ".join(names)) is not None)


def _resolve(lex: Lexicon, payload, tokens, first, last, root, sent_range) -> tuple[Optional[str], list]:
    """(sub-type, the context groups that confirmed it) from the first matching rule of the group."""
    for rule in lex.resolve[payload.group]["rules"]:
        needs = rule.get("if", [])
        if all(_context_found(lex, g, tokens, first, last, root, sent_range) for g in needs):
            return rule.get("then"), list(needs)
    return None, []
