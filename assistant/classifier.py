"""Small logistic classifiers over a text's sentence embedding, fitted by the bench scripts and shipped as JSON in
corpus/: `decline_model.json` (does a clause rule the blocks it names out? bench/fit_declines.py) and
`reading_path_model.json` (does a question ask where to start reading? bench/fit_reading_path.py). Each file holds
`weights` (one per embedding dimension), `bias` and `threshold`.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import json

import numpy as np


@lru_cache(maxsize=8)
def load(path: Path) -> dict[str, Any] | None:
    """A model file as arrays ({"w", "b", "threshold"}); None when it is missing or unreadable (the caller then
    decides without it)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return {"w": np.asarray(raw["weights"], dtype=np.float64), "b": float(raw["bias"]),
                "threshold": float(raw["threshold"])}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def probabilities(model: dict[str, Any], vectors: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray | None:
    """The model's probability for each vector (rows); None for vectors of another size than the model's (another
    embedder than the one it was fitted on).

    >>> m = {"w": np.asarray([1.0, 0.0]), "b": 0.0, "threshold": 0.5}
    >>> [round(float(p), 2) for p in probabilities(m, [[2.0, 5.0], [0.0, 1.0]])], probabilities(m, [[1.0, 2.0, 3.0]])
    ([0.88, 0.5], None)
    """
    x = np.asarray(vectors, dtype=np.float64)
    if x.ndim != 2 or x.shape[1] != model["w"].shape[0]:
        return None
    return 1.0 / (1.0 + np.exp(-(x @ model["w"] + model["b"])))
