"""Per-document time and memory limits: a pathological document becomes a Failure, never a stall.

    with document_limits("report.txt"):
        events = code_document(doc)      # raises LimitExceeded (E502 time, E503 memory)

When the document has run longer than `seconds`, or the process has grown by more than
`memory_mb` since it started, the coding thread is interrupted. In the main thread (the CLI, a
`parallel` worker process) a kernel timer sends SIGALRM, which also stops a runaway regular
expression (its matcher checks for signals, and holds the GIL); a watchdog thread that reads
the resident memory every `POLL` seconds sends it for memory. In another thread (a Dask worker
thread) the watchdog raises an asynchronous exception in it. Both land between bytecodes, so a
call into native code that never returns is not interrupted: `parallel` backs this up by
killing a worker process that does not answer in time.

Defaults: 60 s and 2048 MB, or the environment variables EVENTCODER_DOC_SECONDS and
EVENTCODER_DOC_MEMORY_MB (0 switches a limit off).
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
import time
from typing import Iterator, Optional

from .errors import LimitExceeded

POLL = 0.05
SECONDS_ENV = "EVENTCODER_DOC_SECONDS"
MEMORY_ENV = "EVENTCODER_DOC_MEMORY_MB"
DEFAULT_SECONDS = 60.0
DEFAULT_MEMORY_MB = 2048


def default_seconds() -> float:
    """The per-document time limit in seconds (0: none)."""
    return float(os.environ.get(SECONDS_ENV) or DEFAULT_SECONDS)


def default_memory_mb() -> int:
    """The per-document memory limit (growth of the process, in MB; 0: none)."""
    return int(os.environ.get(MEMORY_ENV) or DEFAULT_MEMORY_MB)


def resident_mb() -> Optional[float]:
    """Resident memory of this process in MB (Linux /proc), None where it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            pages = int(fh.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


class _Interrupt(BaseException):
    """Raised inside the coding thread; a BaseException so no `except Exception` swallows it."""


def _async_raise(thread_id: int, exc_type: Optional[type]) -> None:
    """Raise `exc_type` in thread `thread_id` at its next bytecode (None: cancel a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc_type) if exc_type else None)


@contextlib.contextmanager
def document_limits(origin: str = "document", seconds: Optional[float] = None,
                    memory_mb: Optional[float] = None) -> Iterator[None]:
    """Run the body under the limits; RAISES LimitExceeded (E502 time, E503 memory).

    origin (str): named in the error message.
    seconds (float | None): wall-clock limit; None: `default_seconds()`; 0: none.
    memory_mb (float | None): growth of resident memory allowed; None: `default_memory_mb()`; 0: none.
    """
    seconds = default_seconds() if seconds is None else seconds
    memory_mb = default_memory_mb() if memory_mb is None else memory_mb
    base = resident_mb() if memory_mb else None
    if not seconds and base is None:
        yield
        return
    target = threading.get_ident()
    # The main thread is interrupted by SIGALRM: a kernel timer for the time limit (it needs no
    # GIL, so a regular expression that holds it is stopped too), the watchdog for memory.
    in_main = threading.current_thread() is threading.main_thread()
    state: dict = {"reason": None, "done": False}
    lock = threading.Lock()
    stop = threading.Event()
    started = time.monotonic()
    time_up = ("E502", f"took more than {seconds:g} s")

    def on_alarm(signum, frame):
        if not state["done"]:
            state["reason"] = state["reason"] or time_up
            if frame is not None and frame.f_code.co_name == "__del__":
                # an exception raised in a finaliser is printed ("Exception ignored") and lost:
                # ring again 10 ms later, outside it
                signal.setitimer(signal.ITIMER_REAL, 0.01)
                return
            raise _Interrupt()

    def watch() -> None:
        while not stop.wait(POLL):
            reason = None
            if seconds and not in_main and time.monotonic() - started > seconds:
                reason = time_up
            elif base is not None and (now := resident_mb()) is not None and now - base > memory_mb:
                reason = ("E503", f"needed more than {memory_mb:g} MB ({now - base:.0f} MB)")
            if reason is None:
                continue
            with lock:
                if not state["done"]:
                    state["reason"] = reason
                    if in_main:
                        signal.pthread_kill(target, signal.SIGALRM)
                    else:
                        _async_raise(target, _Interrupt)
            return

    previous = None
    if in_main:
        previous = signal.signal(signal.SIGALRM, on_alarm)
        if seconds:
            signal.setitimer(signal.ITIMER_REAL, seconds)
    watchdog = None
    if base is not None or not in_main:
        watchdog = threading.Thread(target=watch, name="eventcoder-limits", daemon=True)
        watchdog.start()
    interrupted = False
    try:
        try:
            yield
        finally:
            with lock:
                state["done"] = True
                if in_main:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                elif state["reason"]:
                    _async_raise(target, None)  # not raised yet: cancel it
            stop.set()
    except _Interrupt:
        interrupted = True
    finally:
        if in_main:
            signal.signal(signal.SIGALRM, previous)
    if interrupted:  # a limit hit just as the document finished keeps its result
        code, what = state["reason"] or time_up
        raise LimitExceeded(f"{code} {origin} {what} to code; it is left uncoded (limits: "
                            f"{SECONDS_ENV}, {MEMORY_ENV})", code=code, origin=origin)
