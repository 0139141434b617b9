"""The executor behind every scheduler: job threads that can be waited for outside APScheduler.

APScheduler 3's `BaseScheduler.shutdown(wait=True)` holds the job-store lock while it waits for
running jobs, and a running job that registers or reads a job (`add_job`, `get_job`) needs that
same lock: both wait forever. So this executor's `shutdown()` never waits; `Scheduling.shutdown`
pauses the scheduler, calls `drain()` with no scheduler lock held (jobs may still change jobs),
and only then shuts APScheduler down.
"""

from __future__ import annotations

import concurrent.futures
import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from apscheduler.executors.base import BaseExecutor, run_job

log = logging.getLogger(__name__)


class DrainableExecutor(BaseExecutor):  # type: ignore[misc]
    """Runs each job in a thread of a pool; `drain(timeout)` waits for the running ones."""

    def __init__(
        self,
        max_workers: int = 10,
        around: Callable[[], AbstractContextManager[None]] = nullcontext,
    ) -> None:
        """Each job runs inside `around()` (the scheduler tells jobs which one they belong to)."""
        super().__init__()
        self._around = around
        self._pool = concurrent.futures.ThreadPoolExecutor(
            max_workers, thread_name_prefix="scheduler-job"
        )
        self._running: set[concurrent.futures.Future[Any]] = set()
        self._running_lock = threading.Lock()

    def _do_submit_job(self, job: Any, run_times: list[Any]) -> None:
        future = self._pool.submit(self._run, job, run_times)
        with self._running_lock:
            self._running.add(future)
        future.add_done_callback(lambda done: self._finished(job.id, done))

    def _run(self, job: Any, run_times: list[Any]) -> Any:
        with self._around():
            return run_job(job, job._jobstore_alias, run_times, self._logger.name)

    def _finished(self, job_id: str, future: concurrent.futures.Future[Any]) -> None:
        with self._running_lock:
            self._running.discard(future)
        exc = future.exception()
        if exc is not None:
            self._run_job_error(job_id, exc, exc.__traceback__)
        else:
            self._run_job_success(job_id, future.result())

    def running(self) -> int:
        with self._running_lock:
            return len(self._running)

    def drain(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for the running jobs; True when none is left."""
        with self._running_lock:
            running = set(self._running)
        _, left = concurrent.futures.wait(running, timeout=timeout)
        return not left

    def shutdown(self, wait: bool = True) -> None:
        # Called by APScheduler with its locks held: never wait here (see the module docstring).
        self._pool.shutdown(wait=False)
