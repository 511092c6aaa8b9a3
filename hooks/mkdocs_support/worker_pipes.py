"""Worker processes fed straight from the building thread, one pipe each.

Why not concurrent.futures.ProcessPoolExecutor, which the hub used first:
its tasks reach the workers through two helper threads of the building
process (a manager and a queue feeder). The engine's thread holds the GIL
while it renders, so each hand-over waited for the interpreter's switch
interval (5 ms), and a worker that needs about 3 ms a page sat idle: at
1,000 pages per language the build then waited 8 s at the end of each
language for pages the workers had not even received. Here the building
thread pickles each task into the worker's pipe itself; a worker keeps its
results until the build asks for them, and the build asks only when it needs
one, so nothing waits for a thread and no pipe fills up in both directions.

A task marked urgent (its result is needed at the end of each language, such
as a page's judgement) runs before the ordinary ones waiting in the same
worker (finishing pages, needed only once the whole build is over), so the
end of a language waits only for urgent work. A task that raises gives its
error when its result is asked for; a worker that dies makes every result it
owed an error. Processes are forked, so they start with the hub's modules and
rules already loaded.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import socket
import traceback
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class WorkerError(RuntimeError):
    """A task failed in a worker, or the worker stopped before it gave its results."""


# Room for a dozen built pages in each worker's socket, so the building thread rarely waits to hand one over.
SEND_BUFFER = 1 << 20


class _Worker:
    def __init__(self, context: Any) -> None:
        self.connection, child = multiprocessing.Pipe(duplex=True)
        with socket.socket(fileno=os.dup(self.connection.fileno())) as end:
            end.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.collected: dict[int, tuple[bool, Any]] = {}

    def collect(self, number: int) -> None:
        """Every result the worker holds, once task `number` is among them."""
        try:
            self.connection.send(("collect", number))
            self.collected.update(self.connection.recv())
        except (EOFError, OSError) as error:
            raise WorkerError(f"a worker process stopped ({self.process.exitcode})") from error


class Result(Generic[T]):
    """The result of one task, asked for when the build needs it."""

    def __init__(self, worker: _Worker, number: int) -> None:
        self._worker, self._number = worker, number

    def result(self) -> T:
        if self._number not in self._worker.collected:
            self._worker.collect(self._number)
        finished, value = self._worker.collected.pop(self._number)
        if not finished:
            raise WorkerError(value)
        return value  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Forget the result (the task itself runs anyway)."""
        self._worker.collected.pop(self._number, None)


class Pool:
    """A few forked worker processes; tasks go to them in turn."""

    def __init__(self, workers: int) -> None:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._workers = [_Worker(context) for _ in range(max(workers, 1))]
        self._count = 0

    def submit(self, function: Callable[..., T], *args: object, urgent: bool = False) -> Result[T]:
        self._count += 1
        worker = self._workers[self._count % len(self._workers)]
        try:
            worker.connection.send(("task", self._count, function, args, urgent))
        except (EOFError, OSError) as error:
            raise WorkerError(f"a worker process stopped ({worker.process.exitcode})") from error
        return Result(worker, self._count)

    def shutdown(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError):  # a worker that stopped already
                worker.connection.send(("stop",))
        for worker in self._workers:
            worker.process.join(timeout=30)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()


def _serve(connection: Connection) -> None:
    """A worker: run the tasks (urgent ones first, each kind in order), give the results when asked."""
    waiting: dict[bool, deque[tuple[int, Callable[..., Any], tuple[Any, ...]]]] = {True: deque(), False: deque()}
    results: dict[int, tuple[bool, Any]] = {}

    def run_next() -> None:
        number, function, args = (waiting[True] or waiting[False]).popleft()
        try:
            results[number] = (True, function(*args))
        except Exception:  # reported in the build, where the result is asked for
            results[number] = (False, traceback.format_exc(limit=-3))

    while True:
        # Read what has arrived (block only when there is nothing to do), then run one task.
        while not (waiting[True] or waiting[False]) or connection.poll():
            try:
                message = connection.recv()
            except EOFError:
                return
            if message[0] == "task":
                _, number, function, args, urgent = message
                waiting[urgent].append((number, function, args))
            elif message[0] == "collect":
                while message[1] not in results and (waiting[True] or waiting[False]):
                    run_next()
                connection.send(results)
                results = {}
            else:
                return
        run_next()
