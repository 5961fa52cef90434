"""Page furniture scraped with an article, whose triggers and places never make or locate an event:

* photo captions and credits: they restate the news with the photo's place ("Injured victims
  receive treatment at a hospital in Maiduguri ... (AP Photo/...)"); patterns in
  `data/lexicons/captions.yaml` (`patterns`);
* links to other articles: a "Read also:" line (`related`) and the headline line after it;
* section headings inside the body: a short line in title case with no closing punctuation
  ("Fighting From Within a Common Problem") after the first sentences; the report's own title
  and a live blog's timed entries ("09:15 — Drone strike in Kherson") are not headings.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from .extract.base import Analysis
from .resources import load_yaml

#: a caption sentence this short is only the credit ("(AP Photo/Name)")
CREDIT_ONLY = 60
#: a section heading: at most this many words, not among the first HEADING_AFTER sentences
HEADING_WORDS = 10
HEADING_AFTER = 2
_SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "from", "as",
          "vs", "after", "over", "into", "amid"}


@functools.lru_cache(maxsize=None)
def _pattern(key: str = "patterns") -> Optional[re.Pattern]:
    parts = [str(p) for p in (load_yaml("lexicons/captions.yaml") or {}).get(key) or []]
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else None


def _whole_line(ana: Analysis, i: int) -> bool:
    """Only spaces or tabs between sentence `i` and the line breaks (or text ends) around it."""
    text, sent = ana.text, ana.sentences[i]
    line_end = text.find("\n", sent.end)
    return not text[text.rfind("\n", 0, sent.start) + 1:sent.start].strip(" \t") and \
        not text[sent.end:line_end if line_end >= 0 else len(text)].strip(" \t")


def _heading(ana: Analysis, i: int) -> bool:
    """A section heading: a whole short line in title case with no closing punctuation."""
    text = ana.sentences[i].text.strip()
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if i < HEADING_AFTER or not words or len(words) > HEADING_WORDS or text[-1] in ".!?:;\"”»)’'" \
            or text[0].isdigit() or not _whole_line(ana, i):
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


def furniture_sentences(ana: Analysis) -> frozenset[int]:
    """Indices of captions and credits (`caption_sentences`), links to other articles and the
    headline after each, and section headings. Memoised on the Analysis."""
    cached = ana.__dict__.get("_furniture")
    if cached is None:
        found = set(caption_sentences(ana))
        related = _pattern("related")
        for i, sent in enumerate(ana.sentences):
            if related is not None and related.match(sent.text.strip()):
                found.add(i)  # "Read also: <headline>": the rest of the line is the linked article's
                j, alone = i + 1, related.fullmatch(sent.text.strip()) is not None
                while j < len(ana.sentences) and "\n" not in ana.text[ana.sentences[j - 1].end:ana.sentences[j].start]:
                    found.add(j)
                    j, alone = j + 1, False
                if alone and j < len(ana.sentences) and _whole_line(ana, j) and \
                        not ana.sentences[j].text.strip().endswith((".", "!", "?")):
                    found.add(j)  # the marker alone on its line: the headline is the next line
            elif _heading(ana, i):
                found.add(i)
        cached = ana.__dict__["_furniture"] = frozenset(found)
    return cached


def caption_sentences(ana: Analysis) -> frozenset[int]:
    """Indices of the sentences that are photo captions or credits. Memoised on the Analysis."""
    cached = ana.__dict__.get("_captions")
    if cached is None:
        pat = _pattern()
        found = {i for i, s in enumerate(ana.sentences) if pat is not None and pat.search(s.text)}
        for i in sorted(found):
            # a credit split off as its own short sentence: the caption is the sentence before it
            sent, prev = ana.sentences[i], ana.sentences[i - 1] if i else None
            if prev is not None and len(sent.text) < CREDIT_ONLY and "\n" not in ana.text[prev.end:sent.start]:
                found.add(i - 1)
        cached = ana.__dict__["_captions"] = frozenset(found)
    return cached
