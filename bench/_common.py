"""What the benchmarks share: the --index option and opening the Assistant on it, offline."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def index_option(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--index", default=os.environ.get("GOVSTACK_INDEX_DIR", "data/index"))


def open_assistant(index: str):
    """The Assistant on an index folder, the embedding model loaded from its package (no hub)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.config import Settings
    from assistant.service import Assistant

    return Assistant(Settings(index_dir=Path(index)))
