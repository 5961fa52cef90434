"""Paths to Documents: pick a reader per file, walk directories, read stdin, never stop a batch.

Every problem with one input becomes a `Failure` in the output sequence, in input order,
logged at WARNING; nothing is dropped silently. Inside a directory, hidden entries and files
whose extension no reader claims are skipped (DEBUG log: a folder of reports often holds
notes and images). A file named explicitly is always read: an unknown extension is sniffed.
"""
from __future__ import annotations

import io
import logging
import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from ..errors import ReadError
from ..schema import Failure
from .base import (
    DEFAULT_MAX_BYTES, GENERIC, NOT_FOUND, UNREADABLE, UNSUPPORTED, Item, Reader, ReadOptions, failure_from,
    read_limited,
)
from .feed import looks_like_feed, read_feed
from .html import looks_like_html, read_html
from .jsonl import read_jsonl
from .text import read_text

log = logging.getLogger(__name__)

#: Readers by name; later code may add formats (`READERS["docx"] = read_docx`).
READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "feed": read_feed,
}
#: File extension (lower case) -> reader name.
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
#: The path that means standard input, and the origin its documents carry.
STDIN_PATH = "-"
STDIN_ORIGIN = "<stdin>"
_HEAD = 4096

PathLike = Union[str, "os.PathLike[str]"]


def sniff_reader(head: bytes) -> str:
    """Reader name for an input of unknown type, from its first bytes: feed, html, else text."""
    if looks_like_feed(head):
        return "feed"
    if looks_like_html(head):
        return "html"
    return "text"


def choose_reader(path: Path, head: bytes) -> Optional[str]:
    """Reader name for a file: by extension, sniffing .xml files and unknown extensions.

    RETURNS (str | None): None for an .xml file that is not RSS/Atom (no reader fits).
    """
    name = EXTENSIONS.get(path.suffix.lower())
    if name is None:
        return sniff_reader(head)
    if path.suffix.lower() == ".xml" and not looks_like_feed(head):
        return None
    return name


def iter_files(directory: Path) -> list[Path]:
    """Readable-looking files under `directory`, recursively, sorted by path components.

    Hidden files and folders (leading ".") and unknown extensions are skipped; symlinked
    folders are not followed, so a link loop cannot make the walk endless.
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(root) / name
            if name.startswith("."):
                log.debug("skipping hidden file %s", path)
            elif path.suffix.lower() not in EXTENSIONS:
                log.debug("skipping %s: no reader for %r files", path, path.suffix or "extensionless")
            else:
                found.append(path)
    # Sort on components so "a/z.txt" comes before "a-b.txt" on every platform.
    return sorted(found, key=lambda p: p.relative_to(directory).parts)


def _run_reader(name: str, stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[Item]:
    """Items of one reader; a ReadError (the whole input failed) becomes one Failure, and so
    does an unexpected error (a bug: logged with its traceback, the batch goes on)."""
    try:
        yield from READERS[name](stream, origin, options)
    except ReadError as error:
        yield failure_from(error, origin)
    except Exception as exc:  # noqa: BLE001 - one input's problem never stops a batch
        log.warning("%s: reader %s failed", origin, name, exc_info=True)
        yield Failure(origin=origin, code=GENERIC,
                      message=f"E200 {origin} could not be read ({type(exc).__name__}: {exc})")


def _read_file(path: Path, origin: str, options: ReadOptions) -> Iterator[Item]:
    """Items of one file; OS errors (missing, unreadable) become a Failure."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(_HEAD)
            stream.seek(0)
            name = choose_reader(path, head)
            if name is None:
                yield Failure(origin=origin, code=UNSUPPORTED,
                              message=f"{origin} is XML but not an RSS/Atom feed; no reader for it")
                return
            log.debug("reading %s as %s", origin, name)
            yield from _run_reader(name, stream, origin, options)
    except FileNotFoundError:
        yield Failure(origin=origin, code=NOT_FOUND, message=f"{origin} does not exist")
    except OSError as exc:
        yield Failure(origin=origin, code=UNREADABLE, message=f"{origin} could not be read ({exc.strerror or exc})")


def _read_stdin(options: ReadOptions) -> Iterator[Item]:
    """Items of standard input, sniffed as feed, HTML or text (with header)."""
    try:
        data = read_limited(sys.stdin.buffer, STDIN_ORIGIN, options.max_bytes)
    except ReadError as error:
        yield failure_from(error, STDIN_ORIGIN)
        return
    yield from _run_reader(sniff_reader(data[:_HEAD]), io.BytesIO(data), STDIN_ORIGIN, options)


def _log_failures(items: Iterator[Item]) -> Iterator[Item]:
    """Pass items through, logging each Failure at WARNING (the batch goes on)."""
    for item in items:
        if isinstance(item, Failure):
            log.warning("%s: %s %s", item.origin, item.code, item.message)
        yield item


def read_path(
    path: PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES, encoding: Optional[str] = None,
) -> Iterator[Item]:
    """Documents (and Failures) from a file, a directory (recursive) or "-" (stdin).

    path (str | Path): a file (reader chosen by extension, else sniffed), a directory, or "-".
    max_bytes (int): largest file (JSONL: largest line) accepted; larger ones fail with E203.
    encoding (str | None): force this text encoding (text and HTML readers).
    RETURNS (Iterator[Document | Failure]): in a deterministic order; each Document's
        `origin` is the path as given (`path:LINE` for JSONL, `path#entryN` for feeds).
    """
    options = ReadOptions(max_bytes=max_bytes, encoding=encoding)
    given = os.fspath(path)
    if given == STDIN_PATH:
        yield from _log_failures(_read_stdin(options))
        return
    target = Path(given)
    if target.is_dir():
        for file in iter_files(target):
            yield from _log_failures(_read_file(file, str(file), options))
        return
    yield from _log_failures(_read_file(target, given, options))


def read_paths(
    paths: Iterable[PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES, encoding: Optional[str] = None,
) -> Iterator[Item]:
    """`read_path` over several paths, in the order given."""
    for path in paths:
        yield from read_path(path, max_bytes=max_bytes, encoding=encoding)
