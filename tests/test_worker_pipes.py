"""The finishing workers (hooks/mkdocs_support/worker_pipes.py): results in order, errors where they are asked for."""

from __future__ import annotations

import itertools
import os
import signal
import time

import pytest

from mkdocs_support.worker_pipes import Pool, WorkerError


def square(number: int) -> int:
    return number * number


def refuse(text: str) -> str:
    raise ValueError(f"refused: {text}")


_turns = itertools.count()


def turn(pause: float) -> int:
    """Which task this is, in the order the worker ran them."""
    time.sleep(pause)
    return next(_turns)


def stop_here() -> int:
    os.kill(os.getpid(), signal.SIGKILL)
    return 0


def test_every_task_gives_its_own_result_across_workers() -> None:
    pool = Pool(2)
    try:
        results = [pool.submit(square, number) for number in range(200)]
        # Asked for out of order: each result is its own task's, whichever worker ran it.
        assert [results[index].result() for index in reversed(range(200))] == [n * n for n in reversed(range(200))]
    finally:
        pool.shutdown()


def test_a_failing_task_fails_where_its_result_is_asked_for_and_the_others_still_come() -> None:
    pool = Pool(1)
    try:
        before, failing, after = pool.submit(square, 3), pool.submit(refuse, "this page"), pool.submit(square, 4)
        assert before.result() == 9
        with pytest.raises(WorkerError, match="refused: this page"):
            failing.result()
        assert after.result() == 16
    finally:
        pool.shutdown()


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    pool = Pool(1)
    try:
        dying = pool.submit(stop_here)
        with pytest.raises(WorkerError, match="stopped"):
            dying.result()
    finally:
        pool.shutdown()


def test_urgent_work_runs_before_the_pages_waiting_to_be_finished() -> None:
    pool = Pool(1)
    try:
        ordinary = [pool.submit(turn, 0.05) for _ in range(6)]
        urgent = pool.submit(turn, 0.0, urgent=True)
        # The worker was busy with the first ordinary task at most: the urgent one runs next.
        first = urgent.result()
        assert first <= 1
        # The ordinary tasks keep their own order, around it.
        turns = [result.result() for result in ordinary]
        assert turns == sorted(turns)
        assert sorted([*turns, first]) == list(range(7))
    finally:
        pool.shutdown()
