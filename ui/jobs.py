"""Background jobs for the maintainers tab (re-ingest, eval run): a thread plus progress the page polls.

A job outlives the browser tab that started it; any session sees its state. One job per kind at a time.
"""
from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class JobState:
    kind: str
    label: str
    started: float = field(default_factory=time.time)
    finished: float | None = None
    stage: str = "starting"
    done: int = 0
    total: int = 0
    log: list[str] = field(default_factory=list)
    result: Any = None
    error: str | None = None

    @property
    def running(self) -> bool:
        return self.finished is None

    @property
    def fraction(self) -> float | None:
        return (self.done / self.total) if self.total else None

    def summary(self) -> str:
        el = (self.finished or time.time()) - self.started
        if self.error:
            return f"{self.label}: failed after {el:.0f} s — {self.error}"
        if not self.running:
            return f"{self.label}: finished in {el:.0f} s."
        frac = f" {self.done}/{self.total}" if self.total else ""
        return f"{self.label}: {self.stage}{frac} ({el:.0f} s)"


class _Bar:
    """What `assistant.api.ingest(progress=...)` expects from its progress factory: update(n), close()."""

    def __init__(self, job: JobState, desc: str, total: int):
        self.job = job
        job.stage, job.done, job.total = desc, 0, int(total or 0)

    def update(self, n: int = 1) -> None:
        self.job.done += n

    def close(self) -> None:
        self.job.done = self.job.total


class Jobs:
    def __init__(self):
        self._lock = threading.Lock()
        self._jobs: dict[str, JobState] = {}

    def get(self, kind: str) -> JobState | None:
        return self._jobs.get(kind)

    def start(self, kind: str, label: str, fn: Callable[[JobState], Any]) -> tuple[JobState, bool]:
        """Start fn(job) in a thread unless a job of that kind is running; returns (job, started)."""
        with self._lock:
            cur = self._jobs.get(kind)
            if cur is not None and cur.running:
                return cur, False
            job = JobState(kind, label)
            self._jobs[kind] = job

        def run():
            try:
                job.result = fn(job)
            except Exception as e:  # the message is shown on the page; the traceback goes to the log
                job.error = str(e) if e.__class__.__module__.startswith("assistant") else f"{type(e).__name__}: {e}"
                job.log.append(traceback.format_exc(limit=5))
            finally:
                job.finished = time.time()

        threading.Thread(target=run, name=f"ui-job-{kind}", daemon=True).start()
        return job, True

    @staticmethod
    def progress_factory(job: JobState) -> Callable[[str, int], _Bar]:
        return lambda desc, total: _Bar(job, desc, total)
