"""Work a build hands to a second core: named results computed in a forked
process and streamed back in order, each taken when the build needs it.

MkDocs renders pages on one core. The entry pages' bodies and the data files
depend only on the catalogue, so a worker forked after loading it computes
them while MkDocs does its own work; results arrive in batches (a reader
thread empties the pipe at once, so the worker never waits for the build).
Where `fork` is not available (Windows), the same results are computed in
process, lazily, when first asked for.

Free of MkDocs.
"""

from __future__ import annotations

import multiprocessing
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection

Content = str | bytes
Produce = Callable[[], Iterable[tuple[str, Content]]]

#: Results are sent in batches of about this many characters: few enough
#: messages, small enough that the first results arrive early.
BATCH_SIZE = 1 << 20


class BackgroundError(RuntimeError):
    """The worker failed; the message holds its traceback."""


class Background:
    """The results of `produce()`, computed in a forked worker when possible."""

    def __init__(self, produce: Produce, *, fork: bool | None = None) -> None:
        if fork is None:
            fork = "fork" in multiprocessing.get_all_start_methods()
        self._results: dict[str, Content] = {}
        self._finished = False
        self._error: str | None = None
        self._lazy: Iterator[tuple[str, Content]] | None = None
        self._changed = threading.Condition()
        if not fork:
            self._lazy = iter(produce())
            return
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_work, args=(produce, send), daemon=True)
        self._process.start()
        send.close()  # the worker's end: EOF here once the worker is gone
        threading.Thread(target=self._read, args=(receive,), daemon=True).start()

    def get(self, name: str) -> Content:
        """The result called `name`, waiting for it if needed (each is handed out once)."""
        if self._lazy is not None:
            self._compute_until(name)
            return self._take(name)
        with self._changed:
            self._changed.wait_for(
                lambda: name in self._results or self._finished or self._error is not None
            )
            return self._take(name)

    def rest(self) -> dict[str, Content]:
        """Every result not handed out yet, once the worker has finished."""
        if self._lazy is not None:
            self._compute_until(None)
        else:
            with self._changed:
                self._changed.wait_for(lambda: self._finished or self._error is not None)
                if self._error is not None:
                    raise BackgroundError(self._error)
            self._process.join()
        rest, self._results = self._results, {}
        return rest

    def cancel(self) -> None:
        """Stop the worker (the build failed; its results are not wanted)."""
        if self._lazy is None and self._process.is_alive():
            self._process.kill()
            self._process.join()

    def _take(self, name: str) -> Content:
        if name in self._results:
            return self._results.pop(name)
        if self._error is not None:
            raise BackgroundError(self._error)
        raise KeyError(f"the worker computed no result called {name!r}")

    def _compute_until(self, name: str | None) -> None:
        """In process: compute results until `name` is among them (None: all)."""
        assert self._lazy is not None
        while name is None or name not in self._results:
            found = next(self._lazy, None)
            if found is None:
                return
            self._results[found[0]] = found[1]

    def _read(self, receive: Connection) -> None:
        """Reader thread: move every batch from the pipe into `_results`."""
        error = None
        finished = False
        try:
            while not finished and error is None:
                kind, payload = receive.recv()
                with self._changed:
                    if kind == "results":
                        self._results.update(payload)
                    elif kind == "error":
                        error = payload
                    else:
                        finished = True
                    self._changed.notify_all()
        except (EOFError, OSError):
            error = error or "the worker stopped before it had finished (killed, or out of memory?)"
        finally:
            receive.close()
            with self._changed:
                self._finished = finished
                self._error = error
                self._changed.notify_all()


def _work(produce: Produce, send: Connection) -> None:
    """In the worker: run `produce` and send its results in batches, then "done"."""
    try:
        batch: list[tuple[str, Content]] = []
        size = 0
        for name, content in produce():
            batch.append((name, content))
            size += len(content)
            if size >= BATCH_SIZE:
                send.send(("results", batch))
                batch, size = [], 0
        send.send(("results", batch))
        send.send(("done", None))
    except BaseException as error:  # noqa: BLE001 - every failure must reach the build
        send.send(("error", "".join(traceback.format_exception(error))))
    finally:
        send.close()
