"""Who is cited in one sentence: the attribution phrases, in the order a source chain lists them.

A `Mention` is one cited source ("police spokesman X", "the Iraqi News Agency") with the offset
where the words it reports begin, so callers can judge whether those words tell the event.
Cue lists: `lexicons/<lang>/attribution.yaml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..who import actor_dictionary as dic
from ..base import Analysis, Span, per_report
from .source_phrases import _NAME_RX, _cited_is_source, looks_like_source, report_medium  # noqa: F401
from .source_phrases import shorten
from .source_relays import relayed_medium
from ..cues import find_cues, load_cues

PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "this", "that", "one"}
_CUT = re.compile(r"\s*(?:,|;|\u060c|\bwho\b|\bwhich\b|\bthat\b|\bsaid\b|\btold\b|\breported\b|\bcited\b|\bquoted\s+by\b|\bon condition\b|"
                  r"\bspeaking\b|\bquoted\b|\bin a statement\b|\bon \w+day\b)", re.IGNORECASE)
_TIME_WORDS = (r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|lunes|martes|miércoles|jueves|viernes|"
               r"sábado|domingo|ayer|вчера|сегодня|ce\s+\w+|este\s+\w+|soir|matin)")
# words that open a clause in fr/es/ru ("que", "qu'", "что"): a speaker's phrase does not run across them
_COMPLEMENTISER = re.compile(r"(?:^|(?<=\s))(?:que|qu['\u2019]|что)(?:\s+|$)", re.IGNORECASE)
_STATEMENTS = {"statement", "communique", "communiqué", "bulletin", "video", "message"}
_GROUP_VERBS = {"claim", "announce", "issue", "publish", "post", "release", "broadcast"}  # a group speaks for itself


@dataclass
class Mention:
    """One cited source in a sentence."""

    name: str  # the phrase, shortened ("police spokesman Abdirahman Ali Warsame")
    span: Span
    order: float  # chain order inside the sentence
    content: int = -1  # offset where the reported words begin (-1: unknown)
    definite: bool = False  # "the cell", "the official": may refer back to a source named before
    aliases: set[str] = field(default_factory=set)  # other words for it ("bulletin" for the army's bulletin)
    own_medium_of: Optional[str] = None  # "its Andalus radio": the speaker whose medium this is
    verb: str = ""  # the speech verb's lemma or the cue ("say", "claim", "according to")
    appos: set[str] = field(default_factory=set)  # "Babagana Modu, a commander of ...": the apposition
    relay: bool = False  # a medium that carried the next source's statement


def mentions(ana: Analysis, i: int) -> list[Mention]:
    """Cited sources of sentence `i`, in chain order (relays before the source they carry).
    Read once per sentence and report (each incident asks again); callers get copies they may change."""
    return per_report(ana, "_source_mentions", i, lambda: _mentions(ana, i), copier=_copy)


def _copy(m: Mention) -> Mention:
    """A copy of a mention: every field, its sets and lists copied too."""
    c = object.__new__(type(m))
    c.__dict__.update({k: set(v) if isinstance(v, set) else list(v) if isinstance(v, list) else v
                       for k, v in m.__dict__.items()})
    return c


def _mentions(ana: Analysis, i: int) -> list[Mention]:
    sent = ana.sentences[i]
    cues = load_cues(ana.lang, "attribution")
    text = ana.text
    hits: list[Mention] = []
    for m in find_cues(text, cues.get("according_to", ()) + cues.get("citing", ()), sent.start, sent.end):
        tail = text[m.end():sent.end]
        if _COMPLEMENTISER.match(tail.lstrip(" ,")):
            continue  # "informó que no hubo heridos": the reported words, not who told them
        cut = _CUT.search(tail)
        phrase = tail[:cut.start()] if cut else tail
        order = m.start()
        if re.match(r"(?:quoted|cited|carried|relayed|reported)\s+by$", m.group(), re.IGNORECASE):
            prior = [h for h in hits if h.span.end <= m.start()]
            if prior:  # "a statement by X quoted by Y": Y relayed X, so Y comes first in the chain
                order = min(h.order for h in prior) - 0.5
        phrase = phrase.strip(" .\u2014-\u060c")
        start = m.end() + (len(tail) - len(tail.lstrip()))
        medium = report_medium(phrase) if ana.lang == "en" else None
        if medium is not None:  # "according to a report in Wednesday's issue of the newssheet X": X
            start, phrase = m.end() + tail.index(phrase) + medium, phrase[medium:]
            phrase = re.sub(r"[\"\u201c\u201d]", "", re.split(r"\s+(?=(?:on|about|into|over|after|detailing)\s)", phrase)[0])
        if ana.lang == "en" and not _cited_is_source(phrase, cues):
            continue  # "citing the persistent threat posed by ...", "according to reports"
        _add(ana, hits, start, phrase, order, m.end(), verb=m.group().lower())
        appos = re.match(r",\s+(?:a|an)\s+([\w\s'\u2019-]{3,60}?)(?=\s+(?:who|which|that|in|at|from)\b|,|\.|$)",
                         tail[cut.start():]) if cut else None
        if appos and hits and hits[-1].span.start == start:
            hits[-1].appos.add(appos.group(1))  # "according to Jane Doe, a community leader who ...": her title
        relay = re.match(r"\s*,?\s*(?:which|who)\s+(?:quoted|cited|was\s+citing)\s+", tail[cut.start():]) if cut else None
        if relay:  # "citing X, which quoted Y": Y is the next link of the chain
            at = m.end() + cut.start() + relay.end()
            rest = text[at:sent.end]
            cut2 = _CUT.search(rest)
            _add(ana, hits, at, (rest[:cut2.start()] if cut2 else rest).strip(" .\u2014-"), m.start() + 1)
    if ana.spacy_doc is not None and ana.lang == "en":  # the parse rules read English words ("say", "tell")
        _parsed_speech(ana, sent, cues, hits)
    else:
        _lexicon_speech(ana, sent, cues, hits)
    for h in list(hits):
        carried = relayed_medium(ana, sent, h)
        if carried:  # the medium that carried h's statement comes before it in the chain
            before = len(hits)
            _add(ana, hits, carried[0], carried[1], h.order - 0.5)
            if len(hits) > before:
                hits[-1].relay = True
    hits.sort(key=lambda h: h.order)
    return hits


_TIMESTAMP = re.compile(r"^\s*\d{1,2}[:.h]\d{2}\s*(?:[-\u2013\u2014|]|GMT|UTC)")


def _reports_event(tok) -> bool:
    """"An Iraqi security official says a suicide bomber has attacked ...": a breaking-news lead in the present
    reports a past act (a complement in the past or the perfect), unlike a standing position ("the UN says");
    only a lead counts (a live blog's "10:30 - the ministry says ..." tells another item)."""
    for c in tok.children:
        if c.dep_ == "ccomp" and (c.tag_ in ("VBD", "VBN") or any(a.dep_ == "aux" and a.lower_ in ("has", "have", "had")
                                                                  for a in c.children)):
            return True
    return False


def _lexicon_speech(ana, sent, cues, hits) -> None:
    text = ana.text
    for m in find_cues(text, cues.get("speech", ()), sent.start, sent.end):
        before = text[sent.start:m.start()]
        pron = re.search(r"(?<!\w)(он|она|они|il|elle|ils|elles|él|ella|ellos|ellas)\s*$", before, re.IGNORECASE)
        if pron:  # "Об этом он сообщил в Telegram": the speaker named before
            _add(ana, hits, sent.start + pron.start(1), pron.group(1), m.start(), m.end(), verb=m.group().lower())
            continue
        subj = re.search(rf"((?:{_NAME_RX}\s+|\w+\s+){{0,4}}\w+)\s*,?\s*$", before)
        phrase = " ".join(subj.group(1).split()[-4:]) if subj else ""
        # "un atentado con explosivos que las autoridades atribuyen": the subject begins after the relative word
        phrase = _COMPLEMENTISER.split(phrase)[-1].strip()
        if subj and not re.search(r"\b(?:selon|según|по данным)\b", subj.group(1), re.IGNORECASE) \
                and looks_like_source(phrase, cues):
            _add(ana, hits, m.start() - len(before) + before.rfind(phrase), phrase, m.start(), m.end(),
                 verb=m.group().lower())
            continue
        # verb first: "a déclaré le porte-parole de l'armée", "ont indiqué mardi des sources sécuritaires"
        rest = text[m.end():sent.end]
        medium = _TO_MEDIUM.match(rest)  # "ont indiqué à l'AFP des sources sécuritaires": AFP relays them
        if medium:
            _add(ana, hits, m.end() + medium.start("m"), medium.group("m"), m.start() - 0.5)
            rest = rest[medium.end():]
        skip = len(text[m.end():sent.end]) - len(rest)
        if _COMPLEMENTISER.match(rest.lstrip(" ,")):
            continue  # "informó que no hubo heridos": what follows the verb is what was said, not who said it
        after = re.match(rf"\s*(?:{_TIME_WORDS}\s+)*((?:[\w'’-]+\s*){{1,6}})", rest, re.IGNORECASE)
        if after and looks_like_source(after.group(1), cues):
            after_start, after_end = skip + after.start(1), skip + after.end()
            phrase = re.split(r"\s+(?:в|во|на|de|du|dans|en|sur|à|a|по|в\s+своём)\s+(?=\w)",
                              after.group(1).strip(), maxsplit=1)[0] if ana.lang == "ru" else after.group(1).strip()
            if ana.lang == "ar":  # "قال مصدر في الشرطة بتصريح له إن ...": the phrase ends before its words
                titled = re.match(r"^[^،]{2,40}،\s*([^،]{4,80}?)\s*،", text[m.end():sent.end].strip())
                if titled and not looks_like_source(phrase.split("،")[0], cues) and looks_like_source(titled.group(1), cues):
                    phrase = titled.group(1)  # "صرح أشرف القدرة، المتحدث باسم وزارة الصحة بغزة، أن": the title
                phrase = re.split(r"\s*(?:،|:|-|(?<!\S)(?:إن|أن|ان|انه|أنه|إنه|بأن|عن|مقتل|إصابة|اليوم|أمس|الاثنين|"
                                  r"الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد|في\s+بيان|بتصريح)(?!\S))",
                                  phrase, maxsplit=1)[0].strip()
            _add(ana, hits, m.end() + after_start, phrase, m.start(), m.end() + after_end, verb=m.group().lower())


# the medium a speaker told, between a verb-first speech verb and the speaker: "à l'AFP", "a la agencia EFE", "ТАСС"
_TO_MEDIUM = re.compile(r"^\s*(?:à|a|au|al)\s+(?:l['\u2019]\s*|la\s+agencia\s+|l['\u2019]agence\s+|la\s+)?"
                        r"(?P<m>AFP|AP|Reuters|EFE|RFI|France\s+24|Anadolu|Xinhua|TV5|Europa\s+Press|la\s+BBC|BBC)\s+",
                        re.IGNORECASE)


def _parsed_speech(ana, sent, cues, hits) -> None:
    verbs = set(cues.get("verbs", ()))
    doc = ana.spacy_doc
    for tok in doc.char_span(sent.start, sent.end, alignment_mode="expand") or []:
        if tok.lemma_ not in verbs or tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ == "relcl" or any(c.dep_ == "neg" for c in tok.children):
            continue
        if tok.lemma_ in ("issue", "release") and not any(c.dep_ == "dobj" and c.lemma_ in _STATEMENTS
                                                          for c in tok.children):
            continue  # "issued a statement" cites; "issued a warning" does not
        if tok.lemma_ == "say" and tok.tag_ in ("VBZ", "VBP") and not (
                sent.index <= 3 and not _TIMESTAMP.match(sent.text) and _reports_event(tok)):
            continue
        if tok.lemma_ in ("declare", "disclose") and not any(c.dep_ == "ccomp" for c in tok.children):
            continue  # "declared Thursday a day of mourning": no account of the event  # "the UN says", "the group says it defends": a standing position, not this event's account  # "an attack that a rival group said killed dozens", "he did not say": not a citation
        # the first subject of the verb's own clause: "The crowd scattered; a police spokesman said ..." -> the
        # spokesman; "Lebanon's state news agency NNA reported" -> the agency
        before = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
                  and not _in_dateline(ana, c)]
        subj = next((c for c in before if not re.search(r"[;\u2014]", ana.text[c.idx:tok.idx])), None) \
            or (before[-1] if before else None) \
            or next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and tok.dep_ == "acl" and tok.head.i == tok.i - 1 and tok.head.pos_ == "PROPN":
            subj = tok.head  # a dateline confused the parse: "BAMAKO, Sept 5 — The JNIM announced ..."
        if subj is not None and _in_dateline(ana, subj):
            subj = None  # "ADDIS ABABA, Ethiopia (AP) - ..., an official said": the dateline speaks for no one
        if subj is not None and _free_relative(ana, subj):
            continue  # "struck what Islamabad said were hideouts": a label for the target, not the account
        closing = _closing_speaker(ana, sent, tok, anywhere=subj is None)
        if closing is not None and (subj is None or subj.idx < closing[0]):
            _add(ana, hits, closing[0], closing[1], tok.idx, tok.idx + len(tok.text), verb=tok.lemma_)
            continue
        order = tok.idx
        content = tok.idx + len(tok.text)
        if tok.lemma_ == "tell":  # "police told Reuters": the medium comes first
            medium = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
            if medium is not None and medium.lower_ not in PRONOUNS and medium.pos_ == "PROPN":
                _add_token(ana, hits, medium, order - 1, content)
        if subj is not None and subj.lower_ not in PRONOUNS and _subject_is_source(subj, cues, tok.lemma_):
            conjs = [c for c in subj.children if c.dep_ == "conj"]
            if len(conjs) == 1 and _bare_people(subj, cues) and _bare_people(conjs[0], cues):
                # "Survivors and relatives said": one group of people, one link
                start, end = subj.left_edge.idx, conjs[0].idx + len(conjs[0].text)
                _add(ana, hits, start, ana.text[start:end], order, content, verb=tok.lemma_)
                continue
            _add_token(ana, hits, subj, order, content, tok.lemma_)
            for n, conj in enumerate(conjs):  # "residents and an official"
                _add_token(ana, hits, conj, order + n + 1, content, tok.lemma_)


# a wire dateline the analysis may not have recognised: "SITTWE, Myanmar, March 10 (AFP) - "
_WIRE_DATELINE = re.compile(r"^\s*[A-Z][A-Z\u00C0-\u00DE .'\u2019-]{1,40}(?:,\s*[\w .'\u2019-]{2,30}){0,3}\s*"
                            r"(?:\([^)]{1,40}\))?\s*(?:[\u2014\u2013]|--?)\s")


def dateline_end(ana) -> int:
    """Where the dateline ends (0 without one): the analysis's, or a wire dateline with a capitalised place."""
    if ana.dateline is not None:
        return ana.dateline.end
    m = _WIRE_DATELINE.match(ana.text)
    return m.end() if m else 0


def _in_dateline(ana, tok) -> bool:
    """Whether the token is part of the dateline ("MOGADISHU, March 13 (Reuters) -")."""
    return tok.idx < dateline_end(ana)


def _free_relative(ana, tok) -> bool:
    """"struck what Islamabad said were hideouts", "killings which rights groups blamed on X": a label, not the account."""
    return bool(re.search(r"\b(?:what|which|whom)\s+$", ana.text[max(0, tok.left_edge.idx - 8):tok.left_edge.idx],
                          re.IGNORECASE))


def _bare_people(tok, cues) -> bool:
    """A plural of private people without article or number ("survivors", "relatives")."""
    return tok.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in tok.children) \
        and tok.lower_ in set(cues.get("individual_sources", ()))


def _closing_speaker(ana, sent, tok, anywhere: bool = False) -> Optional[tuple[int, str]]:
    """"..., wounding two constables, police said." / "..., a local security official said.": the
    phrase between the last comma and a sentence-final speech verb (the parse may pick another subject);
    `anywhere`: the verb has no subject, so "..., witnesses said, as ..." counts too."""
    after = ana.text[tok.idx + len(tok.text):sent.end]
    if tok.lemma_ == "tell":  # "..., a military officer told Reuters by phone."
        after = re.sub(r"^\s+(?:reporters|journalists|the\s+press|(?-i:[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}))",
                       "", after, flags=re.IGNORECASE)
    # "..., the governor said on Telegram." / "said by phone" / "said in a statement": where, not what
    after = re.sub(r"^(?:\s+(?:on|in|via|by|through|from|at|over|during)\s+(?!that\b|it\b|they\b)"
                   r"(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w'-]+\s+){0,3}?[\w'-]+(?=\s*[.,;\"\u201d]))+", "", after)
    final = r"\s*(?:on\s+\w+day|late\s+on\s+\w+day|\w+day)?\s*"
    if not re.match(final + r"[.\"\u201d]*\s*$", after) and not (anywhere and re.match(final + r"[,;\u2014]", after)):
        return None
    before = ana.text[sent.start:tok.idx]
    titled = _TITLE_THEN_NAME.search(before)  # "..., the province's governor, <name>, said.": the title
    if titled and looks_like_source(titled.group(1), load_cues(ana.lang, "attribution")):
        return sent.start + titled.start(1), titled.group(1)
    m = re.search(r"[,\u201d\"]\s*[\u201d\"]?\s*([^,;\u2014\u201d\"]{2,60}?)\s*$", before)
    if not m or not looks_like_source(m.group(1), load_cues(ana.lang, "attribution")):
        return None
    quoted = re.search(r"\s(?:quoted|cited)\s+(.+?)\s+as$", m.group(1))
    if quoted:  # "..., the publication quoted a military source as saying": the source it quoted
        return sent.start + m.start(1) + quoted.start(1), quoted.group(1)
    if tok.tag_ == "VBN" or re.match(r"(?:in|on|via|through|by|with|from|at|which|who|that|as)\b", m.group(1), re.IGNORECASE):
        return None  # "..., in a statement posted on its channel": a participle, no speaker
    return sent.start + m.start(1), m.group(1)


_TITLE_THEN_NAME = re.compile(r"[,\u201d\"]\s*((?:(?:the|a|an)\s+|(?=[a-z]))[^,;\u2014\u201d\"]{2,60}?),\s+"
                              r"[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,3},\s*$")


def _subject_is_source(tok, cues, verb: str = "") -> bool:
    """People and bodies who can be sources; not "the crowd", "transporters", "no deaths"."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "PERSON", "NORP", "GPE", "FAC"):
        return True
    nouns = set(cues.get("source_nouns", ()))
    words = [t for t in tok.subtree if t.i <= tok.i][-4:]
    if any(t.lemma_.lower() in nouns or t.lower_ in nouns for t in words):
        return True
    if verb not in _GROUP_VERBS:
        return False
    # "The Islamic State's regional affiliate, Islamic State Khorasan Province, claimed ...": an armed group
    phrase = " ".join(t.text for t in tok.subtree)
    return any(pm.entry.kind == "group" and not pm.entry.party for pm in dic.match_phrases(phrase))


def _add_token(ana, hits, head, order: float, content: int, verb: str = "") -> None:
    """The noun phrase of `head` without relative clauses and appositions."""
    sub = list(head.subtree)
    drop = [a for a in sub if a.i != head.i and (a.dep_ in ("relcl", "appos", "acl", "punct")
                                                 or (a.dep_ in ("cc", "conj") and a.head.i == head.i))]
    keep = [t for t in sub if not any(t in a.subtree for a in drop)]
    if not keep:
        return
    # a dateline the parser took into the phrase: "BAMAKO, July 30 — Mali's army"
    dash = [t for t in keep if t.text in ("\u2014", "\u2013", "--")]
    if dash:
        keep = [t for t in keep if t.i > dash[-1].i]
    keep = [t for t in keep if t.idx >= dateline_end(ana)]
    if not keep:
        return
    start, end = keep[0].idx, keep[-1].idx + len(keep[-1].text)
    aliases = set()
    for a in drop:
        if a.dep_ == "appos" and a.head.i == head.i:  # "Babagana Modu, a commander of ...": the title names it too
            aliases.add(" ".join(t.text for t in a.subtree))
    _add(ana, hits, start, ana.text[start:end], order, content, verb=verb)
    if hits and hits[-1].span.start == start:
        hits[-1].appos |= aliases


def _add(ana: Analysis, hits: list, start: int, phrase: str, order: float, content: int = -1,
         aliases: Optional[set] = None, verb: str = "") -> None:
    phrase = phrase.strip()
    if not phrase or phrase.lower() in PRONOUNS or len(phrase.split()) > 14:
        return
    if any(h.span.start <= start < h.span.end or start <= h.span.start < start + len(phrase) for h in hits):
        return
    span = ana.span(start, start + len(phrase))
    definite = bool(re.match(r"(?:the|this|that|these|those|same|said|la|el|le|les|los|las|l['\u2019])\s*\w+$", phrase,
                             re.IGNORECASE)) \
        or bool(re.match(r"(?:the|this|that|said)\s+(?:same\s+)?(?:\w+['\u2019]s\s+)?(?:statement|bulletin|"
                         r"communiqu|report|source|video|message)", phrase, re.IGNORECASE)) \
        or bool(re.match(r"(?:the|this)\s+(?:same\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?$", phrase))
    hits.append(Mention(shorten(phrase), span, order, content, definite, set(aliases or ()), verb=verb))
