"""Work done beside the main line, in a forked child: `check` on a two-core machine.

`vardkedjan check` is one process doing several independent things (guarding the YAML
parser, checking the relations between records, parts of the audit). `beside(work)`
starts `work` in a forked child, which sees everything the parent had built up to then
without copying it, and returns a function that waits for the child and gives its result
(or raises its exception). The result travels back pickled, so it should be small: a
verdict, a list of problems, a few findings.

Forking is only allowed inside `allowed()`, which `check` enters; everywhere else (a
server worker with its threads, the tests by default) `beside` runs `work` at once, in
this process, and the answer is the same. A child that dies or sends nothing usable is
not trusted: its work is done again here.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

_allowed = False


@contextmanager
def allowed() -> Iterator[None]:
    """Let `beside` fork within this block (a single-threaded command such as `check`)."""
    global _allowed
    was, _allowed = _allowed, hasattr(os, "fork")
    try:
        yield
    finally:
        _allowed = was


def beside(work: Callable[[], T]) -> Callable[[], T]:
    """Start `work` beside the caller; the returned function waits for its result."""
    if not _allowed:
        return _done(work)
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no memory or process slots for a child: do it here
        os.close(read)
        os.close(write)
        return _done(work)
    if pid == 0:  # pragma: no cover - the child's own coverage is not collected
        os.close(read)
        _child(work, write)
    os.close(write)
    answer: list[Callable[[], T]] = []

    def wait() -> T:
        if not answer:  # asked twice, the child is read once
            answer.append(_collect(work, read, pid))
        return answer[0]()

    return wait


def _done(work: Callable[[], T]) -> Callable[[], T]:
    try:
        result = work()
    except Exception as exc:  # raised when asked for, as a child's would be
        error = exc

        def fail() -> T:
            raise error

        return fail
    return lambda: result


def _child(work: Callable[[], Any], write: int) -> None:  # pragma: no cover - in the child
    status = 0
    try:
        try:
            payload = pickle.dumps((True, work()), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            payload = pickle.dumps((False, exc), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as out:
            out.write(payload)
    except BaseException:
        status = 1
    finally:
        os._exit(status)  # no atexit handlers, no flushing the parent's buffers twice


def _collect(work: Callable[[], T], read: int, pid: int) -> Callable[[], T]:
    with os.fdopen(read, "rb") as source:
        payload = source.read()  # read all before waiting: a large result fills the pipe
    _, status = os.waitpid(pid, 0)
    try:
        if status != 0:
            raise ValueError("the child failed")
        ok, value = pickle.loads(payload)
    except Exception:  # a child killed, out of memory, or a result that does not unpickle
        return _done(work)
    if not ok:
        error: Exception = value

        def fail() -> T:
            raise error

        return fail
    return lambda: value
