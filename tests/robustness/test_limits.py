"""Per-document time and memory limits: a pathological document is a Failure E502/E503 (issue 19)."""
from __future__ import annotations

import re
import signal
import threading
import time

import pytest

from eventcoder import pipeline
from eventcoder.errors import LimitExceeded
from eventcoder.limits import document_limits
from eventcoder.parallel import CodingPool
from eventcoder.schema import Document, Failure


def _spin():
    while True:
        pass


def _backtrack():
    re.match(r"(a+)+$", "a" * 40 + "b")  # catastrophic backtracking: hours without a limit


def _grow():
    hoard = []
    while True:
        hoard.append(bytearray(20_000_000))


CASES = [(_spin, "E502", {"seconds": 0.3}), (_backtrack, "E502", {"seconds": 0.3}),
         (_grow, "E503", {"seconds": 30, "memory_mb": 200})]


# A regular expression holds the GIL, so in a worker thread only parallel's backstop stops it:
# that case is the main thread's only.
@pytest.mark.parametrize("body,code,limits,in_thread",
                         [(*case, False) for case in CASES] + [(*case, True) for case in CASES if case[0] is not _backtrack])
def test_limits_stop_a_runaway_document(body, code, limits, in_thread):
    outcome = {}

    def run():
        try:
            with document_limits("bad.txt", **limits):
                body()
        except LimitExceeded as error:
            outcome["error"] = error

    started = time.monotonic()
    if in_thread:
        thread = threading.Thread(target=run)
        thread.start()
        thread.join(60)
    else:
        run()
    assert outcome["error"].code == code and "bad.txt" in str(outcome["error"])
    assert time.monotonic() - started < 20


def test_limits_leave_fast_documents_and_the_caller_alone():
    before = signal.getsignal(signal.SIGALRM)
    for _ in range(100):  # a limit far above an empty block's time, even on a loaded machine
        with document_limits("ok.txt", seconds=0.2, memory_mb=500):
            pass
    time.sleep(0.3)  # a late interrupt (a timer left running) would land here
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _fake_code_document(document: Document, analysis=None):
    if "STALL" in document.text:
        _spin()
    if "NATIVE" in document.text:  # stuck where no signal reaches it (as in native code)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(300)
    return []


@pytest.fixture
def stalling_coder(monkeypatch):
    monkeypatch.setattr(pipeline, "code_document", _fake_code_document)
    monkeypatch.setattr(pipeline, "warm_up", lambda: None)
    # the fast path: every document reaches the (fake) coder, with no parse
    monkeypatch.setattr(pipeline, "prepare", lambda document, lang: pipeline.Prepared((None, None, None), document.text))
    monkeypatch.setattr(pipeline, "has_candidate", lambda text, lang, tokens=None: True)
    monkeypatch.setattr(pipeline, "analyse_batch", lambda documents, langs=None, prepared=None: [None] * len(documents))
    monkeypatch.setenv("EVENTCODER_DOC_SECONDS", "0.3")


def _labels(results):
    return [f"{r.doc_id}:{r.code}" if isinstance(r, Failure) else f"{r.document.doc_id}:ok" for r in results]


def _doc(name: str, text: str = "fine") -> Document:
    return Document(text=f"{name} {text}", doc_id=name, origin=f"{name}.txt")


def test_issue19_stalling_document_is_e502_and_the_batch_goes_on(stalling_coder):
    items = [_doc("a"), _doc("b", "STALL"), _doc("c")]
    assert _labels(pipeline.code_documents(items)) == ["a:ok", "b:E502", "c:ok"]


def test_issue19_worker_stuck_in_native_code_is_killed_and_the_batch_goes_on(stalling_coder):
    items = [_doc("a"), _doc("b", "NATIVE"), _doc("c"), _doc("d", "STALL"), _doc("e")]
    started = time.monotonic()
    with CodingPool(2, window=3) as pool:
        labels = _labels(pool.code(items))
    assert labels == ["a:ok", "b:E502", "c:ok", "d:E502", "e:ok"]
    assert time.monotonic() - started < 60
