"""`pathways.parallel`: work forked beside the caller gives what it would give here."""

from __future__ import annotations

import os
import signal

import pytest

from pathways import parallel


def _pid_and(value: int) -> tuple[int, int]:
    return os.getpid(), value * 2


def test_outside_allowed_the_work_runs_here() -> None:
    wait = parallel.beside(lambda: _pid_and(21))
    assert wait() == (os.getpid(), 42)


def test_inside_allowed_the_work_runs_in_a_child_and_comes_back() -> None:
    with parallel.allowed():
        wait = parallel.beside(lambda: _pid_and(21))
    pid, value = wait()
    assert value == 42
    assert pid != os.getpid()
    assert wait() == (pid, 42)  # asked again: the same answer, the child read once


def test_the_child_sees_what_the_parent_built_before_forking() -> None:
    built = {n: str(n) for n in range(50_000)}
    with parallel.allowed():
        wait = parallel.beside(lambda: sum(len(v) for v in built.values()))
    assert wait() == sum(len(v) for v in built.values())


def test_a_large_result_does_not_block_on_the_pipe() -> None:
    with parallel.allowed():
        wait = parallel.beside(lambda: list(range(1_000_000)))
    assert wait() == list(range(1_000_000))


def test_an_exception_in_the_child_is_raised_when_asked() -> None:
    def fails() -> int:
        raise KeyError("missing")

    with parallel.allowed():
        wait = parallel.beside(fails)
    with pytest.raises(KeyError, match="missing"):
        wait()


def test_a_child_that_dies_has_its_work_done_here() -> None:
    parent = os.getpid()

    def dies_in_child() -> int:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return 7

    with parallel.allowed():
        wait = parallel.beside(dies_in_child)
    assert wait() == 7
