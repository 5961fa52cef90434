"""The fast path (issue 15): the lexicon prefilter, batched parsing, and the same events as the
parse-everything path. Sentences are our own; nothing here is timed (`eventcoder bench` prints figures)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from eventcoder import pipeline, prefilter
from eventcoder.extract.what.triggers import find_triggers
from eventcoder.nlp import analyse, analyse_batch, prepare
from eventcoder.pipeline import Coded, code_batch, code_documents
from eventcoder.reading import read_paths
from eventcoder.schema import Document, Failure

pytestmark = pytest.mark.model

NO_EVENT = [
    "The central bank left its main interest rate unchanged on Tuesday, citing slower inflation.",
    "The home side won the cup final 3-1 in front of a full stadium in the capital.",
    "Shares of the carmaker rose sharply after it reported strong quarterly sales.",
]
EVENT = [
    ("Gunmen killed four farmers near Maiduguri, Nigeria, on Monday.", "killed"),
    ("Soldiers fought the rebels outside Goma for two hours.", "fought"),  # irregular past: fight
    ("A drone strike hit a fuel depot on Sunday.", "drone"),
    ("Police fired tear gas at the protesters.", "fired"),
    ("Militants stormed the police station overnight.", "stormed"),
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_a_sentence_without_any_trigger_word_is_no_candidate(text):
    assert not prefilter.has_candidate(text, "en")
    assert prefilter.candidate_spans(text, "en") == []


@pytest.mark.parametrize("text,word", EVENT)
def test_a_trigger_word_is_a_candidate_at_its_offset(text, word):
    spans = prefilter.candidate_spans(text, "en")
    assert prefilter.has_candidate(text, "en")
    assert (text.index(word), text.index(word) + len(word)) in spans


def test_a_multiword_term_needs_its_other_words_nearby():
    # "set" starts "set fire to", "set up a base" ...: alone it is no candidate
    assert not prefilter.has_candidate("The committee set the date of the next meeting.", "en")
    assert prefilter.has_candidate("The crowd set fire to two cars.", "en")


@pytest.mark.parametrize("text", [t for t, _ in EVENT] + NO_EVENT)
def test_no_candidate_means_the_full_coder_finds_no_trigger(make_document, text):
    triggers = find_triggers(analyse(make_document(text)))
    if triggers:
        assert prefilter.has_candidate(text, "en")
        starts = {s for s, _ in prefilter.candidate_spans(text, "en")}
        assert all(t.span.start in starts for t in triggers)
    else:
        assert not prefilter.has_candidate(text, "en") or text in [t for t, _ in EVENT]


def test_a_language_without_a_model_uses_the_lexicon_streams():
    assert prefilter.bounded("es")
    assert prefilter.has_candidate("Hombres armados mataron a cuatro campesinos.", "es")
    assert not prefilter.has_candidate("El banco central mantuvo los tipos de interés.", "es")


def test_a_report_without_a_candidate_never_reaches_spacy(monkeypatch, make_document):
    def refuse(*args, **kwargs):
        raise AssertionError("the parser was called")

    monkeypatch.setattr(pipeline, "analyse_batch", refuse)
    monkeypatch.setattr(pipeline, "analyse", refuse)
    results = code_batch([make_document(t) for t in NO_EVENT])
    assert [type(r) for r in results] == [Coded] * 3 and all(r.events == [] for r in results)


def test_batched_analyses_are_those_of_one_by_one(make_document):
    docs = [make_document(t, title="Title: " + t[:20]) for t, _ in EVENT] + [make_document(NO_EVENT[0])]
    for one, batched in zip([analyse(d) for d in docs], analyse_batch(docs)):
        assert [(s.start, s.end) for s in one.sentences] == [(s.start, s.end) for s in batched.sentences]
        assert [(t.idx, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in one.spacy_doc] == \
            [(t.idx, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in batched.spacy_doc]
        if batched.document.title:
            assert batched.__dict__["_title_doc"][1].text == batched.document.title


def test_prepared_tokens_give_the_parse_of_the_text(make_document):
    """The parse that starts from `prepare`'s tokens (which the prefilter read) is the parse of the
    text, dateline blanked; the tokens the prefilter reads have no token in the dateline."""
    texts = ["KANO, Nigeria (Mar 13) — Gunmen killed four farmers near the town on Monday.",
             "The army said its soldiers fought the rebels outside Goma for two hours."]
    docs = [make_document(t) for t in texts]
    ready = [prepare(d, "en") for d in docs]
    assert ready[0].text.startswith(" " * len("KANO, Nigeria (Mar 13) —"))
    assert [t.text for t in ready[0].tokens if not t.is_space][0] == "Gunmen"
    for one, batched in zip([analyse(d) for d in docs], analyse_batch(docs, ["en", "en"], ready)):
        assert batched.spacy_doc is ready[docs.index(batched.document)].tokens
        assert [(t.idx, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in one.spacy_doc] == \
            [(t.idx, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in batched.spacy_doc]
    assert prefilter.has_candidate(ready[0].text, "en", ready[0].tokens)
    assert prefilter.candidate_spans(ready[0].text, "en", ready[0].tokens) == prefilter.candidate_spans(ready[0].text, "en")


def test_a_title_parse_differs_from_the_full_parse_only_in_its_entities(make_document):
    from eventcoder.nlp import parse_title, spacy_model

    title = "Gunmen kill four farmers in attack on village near Maiduguri"
    ana = analyse_batch([make_document(EVENT[0][0], title=title)])[0]
    fast, full = parse_title(ana, title), spacy_model("en")(title)
    assert [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in fast] == \
        [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in full]
    assert full.ents and not fast.ents  # the entity recogniser is left out (nothing reads a title's entities)


def test_failures_and_bad_documents_keep_their_place(make_document):
    items = [make_document(EVENT[0][0]), Failure(origin="x.txt", code="E201", message="E201 empty"),
             Document(text="   ", origin="blank.txt"), make_document(NO_EVENT[0])]
    results = list(code_documents(items, batch=2))
    assert [getattr(r, "code", "ok") for r in results] == ["ok", "E201", "E202", "ok"]
    assert len(results[0].events) == 1 and results[0].events[0].location == "Maiduguri"
    assert results[3].events == []


def _events(results) -> list:
    return [(r.document.origin, [dataclasses.asdict(e) for e in r.events]) if isinstance(r, Coded)
            else (r.origin, r.code) for r in results]


def test_fast_and_parse_everything_code_the_same_events_on_the_dev_set(shared_dir):
    docs = [d for d in read_paths([str(shared_dir / "devset" / "reports")]) if not isinstance(d, Failure)]
    fast = _events(code_documents(docs))
    full = _events(code_documents(docs, fast=False))
    assert len(fast) == len(docs) and sum(len(e) for _, e in fast if isinstance(e, list)) > 50
    assert fast == full


def test_a_long_text_is_coded_alone_with_the_same_events(monkeypatch, make_document):
    text = " ".join(t for t, _ in EVENT)
    monkeypatch.setattr(pipeline, "BATCH_MAX_CHARS", 50)  # every text here is "long"
    alone = code_batch([make_document(text, published=dt.date(2025, 3, 14))])
    monkeypatch.undo()
    batched = code_batch([make_document(text, published=dt.date(2025, 3, 14))])
    assert _events(alone) == _events(batched) and alone[0].events


def test_the_indexed_attribute_ruler_sets_what_spacys_matcher_sets():
    import spacy

    from eventcoder.nlp import SPACY_MODELS, spacy_model
    from eventcoder.spacy_fast import install

    plain = spacy.load(SPACY_MODELS["en"])  # spaCy's own matcher
    fast = spacy_model("en")
    assert install(spacy.load(SPACY_MODELS["en"]))
    texts = ["I'd say there's no way they ain't coming, y'all.", "It was him who told me: we've seen nothin' yet.",
             "Don't you think he'd have gone?  The troops didn't fire; it's the police that did.",
             "Gunmen killed four farmers near Maiduguri, Nigeria, on Monday, police said.",
             "There is a checkpoint on the road.\n\n  There were  two blasts; there's smoke.  "]  # DEP, IS_SPACE
    ruler = plain.get_pipe("attribute_ruler")
    for a, b in zip(plain.pipe(texts), fast.pipe(texts)):
        assert ruler.match(a) == fast.get_pipe("attribute_ruler").match(b) and ruler.match(a)
        assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [(t.pos_, str(t.morph), t.lemma_) for t in b]


def test_the_regex_cache_holds_the_patterns_the_extractors_build():
    import re

    # re's default of 512 compiled patterns is fewer than the coder builds; past it `re` compiles again
    assert pipeline.RE_CACHE >= 2048 and re._MAXCACHE >= pipeline.RE_CACHE
