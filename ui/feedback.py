"""The feedback log: thumbs up/down (+ comment) on answers, one JSON object per line, appended safely."""
from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

_LOCK = threading.Lock()  # one process may serve many sessions: appends must not interleave


class FeedbackLog:
    def __init__(self, path: Path | str):
        self.path = Path(path)

    def append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, default=str)
        with _LOCK:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line + "\n")

    def read(self, limit: int | None = 500) -> list[dict[str, Any]]:
        """The last `limit` records (unparsable lines are skipped: the log is also edited by hand)."""
        if not self.path.is_file():
            return []
        out = []
        with _LOCK:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                out.append(obj)
        return out[-limit:] if limit else out
