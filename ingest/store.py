"""The index: chunks and their embeddings in Chroma (embedded or server), plus per-source ingest state.

Everything the assistant needs lives in Chroma collections, so an embedded index folder and a
Chroma server behave the same: the lexical index is rebuilt from the stored chunk texts.
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Iterable, Sequence
from urllib.parse import urlparse

from assistant.errors import IndexCorrupted, IndexMissing, IndexNotWritable
from assistant.types import Chunk

CHUNKS = "govstack_chunks"
SOURCES = "govstack_sources"
POINTER = "govstack_pointer"  # one record naming the generation readers use
POINTER_ID = "active"
META_ID = "__index_meta__"
_PAGE = 2000  # chroma get() page size


def _client(index_dir: Path | None, chroma_url: str | None, create: bool):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        u = urlparse(chroma_url)
        try:
            c = chromadb.HttpClient(host=u.hostname or "localhost", port=u.port or 8000, ssl=u.scheme == "https", settings=settings)
            c.heartbeat()
            return c
        except Exception as e:
            raise IndexMissing(f"Cannot reach the Chroma server at {chroma_url} ({type(e).__name__}); start it with `chroma run --path DIR --port PORT` or drop --chroma-url.") from e
    assert index_dir is not None
    index_dir = Path(index_dir)
    if not create and not (index_dir / "chroma.sqlite3").exists():
        raise IndexMissing(f"No index at {index_dir}: build it with `govstack-assistant ingest` (add --index {index_dir} if it is not the default).")
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        probe = index_dir / ".write-probe"
        if create:
            probe.write_text("ok")
            probe.unlink()
    except OSError as e:
        raise IndexNotWritable(f"Cannot write to the index folder {index_dir} ({e.strerror}); choose another with --index DIR.") from e
    try:
        return chromadb.PersistentClient(path=str(index_dir), settings=settings)
    except Exception as e:
        raise IndexCorrupted(f"The index at {index_dir} cannot be opened ({type(e).__name__}: {str(e)[:120]}); "
                             "move it away and rebuild it with `govstack-assistant ingest`.") from e


class IndexStore:
    """Chunk store over Chroma collections: chunks (with vectors) and sources (ingest state) of one
    *generation*, plus a pointer naming the generation readers use.

    An ingest that changes anything builds a new generation (unchanged chunks are copied with their
    vectors, not re-embedded), then moves the pointer: readers — other processes, or app instances
    sharing a Chroma server — see the old release or the new one, never a half-written one. A killed
    or failed ingest (disk full…) leaves the pointer, and so the previous index, untouched; the next
    run resumes the unfinished generation.
    """

    def __init__(self, index_dir: Path | None = None, chroma_url: str | None = None, create: bool = False,
                 generation: str | None = None):
        self.index_dir = Path(index_dir) if index_dir else None
        self.chroma_url = chroma_url
        self._n: int | None = None
        self.client = _client(self.index_dir, chroma_url, create)
        try:
            self.pointer = self.client.get_or_create_collection(POINTER, embedding_function=None) if create \
                else self._get_pointer_collection()
            self.generation = generation if generation is not None else self.active_generation()
            self._open(create)
        except (IndexMissing, IndexCorrupted):
            raise
        except Exception as e:
            if not create:
                where = chroma_url or self.index_dir
                raise IndexMissing(f"The index at {where} has no GovStack collections: build it with `govstack-assistant ingest`.") from e
            raise IndexCorrupted(f"The index cannot be opened ({type(e).__name__}: {str(e)[:120]}); move it away and rebuild it.") from e

    def _get_pointer_collection(self):
        try:
            return self.client.get_collection(POINTER, embedding_function=None)
        except Exception:
            return None  # an index from before generations: its collections have the bare names

    def _open(self, create: bool) -> None:
        suffix = f"__{self.generation}" if self.generation else ""
        if create:
            self.chunks = self.client.get_or_create_collection(CHUNKS + suffix, metadata={"hnsw:space": "cosine"}, embedding_function=None)
            self.sources = self.client.get_or_create_collection(SOURCES + suffix, embedding_function=None)
        else:
            self.chunks = self.client.get_collection(CHUNKS + suffix, embedding_function=None)
            self.sources = self.client.get_collection(SOURCES + suffix, embedding_function=None)

    # ----- generations ------------------------------------------------------------------------------
    def _doc(self, doc_id: str) -> dict[str, Any]:
        """A JSON record of the pointer collection ({} when absent or unreadable)."""
        if self.pointer is None:
            return {}
        got = self.pointer.get(ids=[doc_id], include=["documents"])
        if got["ids"]:
            try:
                return json.loads(got["documents"][0])
            except ValueError:
                return {}
        return {}

    def _set_doc(self, doc_id: str, doc: dict[str, Any]) -> None:
        self.pointer.upsert(ids=[doc_id], embeddings=[[1.0]], documents=[json.dumps(doc)])

    def _pointer_doc(self) -> dict[str, Any]:
        return self._doc(POINTER_ID)

    def _set_pointer(self, doc: dict[str, Any]) -> None:
        self._set_doc(POINTER_ID, doc)

    def active_generation(self) -> str:
        return self._pointer_doc().get("active", "")

    def changed_since_open(self) -> bool:
        """True when another process has switched readers to a newer generation."""
        try:
            return self.active_generation() != self.generation
        except Exception:
            return False

    def staging_generation(self) -> str | None:
        return self._pointer_doc().get("staging") or None

    def begin_build(self) -> "IndexStore":
        """A writer on a staging generation holding a copy of the active one (vectors included).
        An unfinished staging generation from a killed run is resumed as it is."""
        doc = self._pointer_doc()
        staging = doc.get("staging")
        if staging:
            try:
                return IndexStore(self.index_dir, self.chroma_url, create=True, generation=staging)
            except Exception:
                staging = None
        staging = time.strftime("g%Y%m%d%H%M%S") + f"{int(time.time() * 1000) % 1000:03d}"
        doc["staging"] = staging
        self._set_pointer(doc)
        w = IndexStore(self.index_dir, self.chroma_url, create=True, generation=staging)
        if self.count() or self.sources.count():
            _copy_collection(self.chunks, w.chunks, with_vectors=True)
            _copy_collection(self.sources, w.sources, with_vectors=True)
        return w

    def commit_build(self, writer: "IndexStore") -> None:
        """Switch readers to the writer's generation; drop generations older than the previous one."""
        doc = self._pointer_doc()
        previous = doc.get("active", "")
        doc.update({"active": writer.generation, "previous": previous, "staging": None, "switched_at": now_iso()})
        self._set_pointer(doc)
        keep = {writer.generation, previous}
        for name in self._collection_names():
            for base in (CHUNKS, SOURCES):
                if name == base and "" not in keep or name.startswith(base + "__") and name[len(base) + 2:] not in keep:
                    try:
                        self.client.delete_collection(name)
                    except Exception:
                        pass  # a reader may still hold it; it goes with the next switch
        self.generation = writer.generation
        self._open(create=False)

    def abandon_build(self, writer: "IndexStore") -> None:
        doc = self._pointer_doc()
        if doc.get("staging") == writer.generation:
            doc["staging"] = None
            self._set_pointer(doc)
        for base in (CHUNKS, SOURCES):
            try:
                self.client.delete_collection(f"{base}__{writer.generation}")
            except Exception:
                pass

    def _collection_names(self) -> list[str]:
        out = []
        for c in self.client.list_collections():
            out.append(c if isinstance(c, str) else getattr(c, "name", str(c)))
        return out

    # ----- ingest state -------------------------------------------------------------------------
    def source_states(self, release: str | None = None) -> dict[str, dict[str, Any]]:
        where = {"release": release} if release else None
        out = {}
        for ids, _, mds in self._paged(self.sources, where, include=["metadatas"]):
            for i, md in zip(ids, mds):
                out[i] = {"hash": md.get("hash"), "release": md.get("release"), "chunk_ids": json.loads(md.get("chunk_ids") or "[]")}
        return out

    def set_source_state(self, key: str, release: str, file_hash: str, chunk_ids: Sequence[str]) -> None:
        self.sources.upsert(ids=[key], embeddings=[[1.0]], documents=[key],
                            metadatas=[{"release": release, "hash": file_hash, "chunk_ids": json.dumps(list(chunk_ids))}])

    def delete_source_state(self, keys: Sequence[str]) -> None:
        if keys:
            self.sources.delete(ids=list(keys))

    def meta(self) -> dict[str, Any]:
        return self._doc(META_ID)

    def set_meta(self, meta: dict[str, Any]) -> None:
        self._set_doc(META_ID, meta)

    # ----- chunks ----------------------------------------------------------------------------------
    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        ids = list(ids)
        for i in range(0, len(ids), _PAGE):
            found.update(self.chunks.get(ids=ids[i: i + _PAGE], include=[])["ids"])
        return found

    def upsert(self, chunks: Sequence[Chunk], embeddings: Sequence[Sequence[float]]) -> None:
        self._n = None
        for i in range(0, len(chunks), 1000):
            part = chunks[i: i + 1000]
            self.chunks.upsert(ids=[c.id for c in part], embeddings=[list(e) for e in embeddings[i: i + 1000]],
                               documents=[c.text for c in part], metadatas=[c.metadata() for c in part])

    def update_metadata(self, chunks: Sequence[Chunk]) -> None:
        """Refresh metadata (URL, commit, …) of chunks whose text — and so vector — did not change."""
        for i in range(0, len(chunks), 1000):
            part = chunks[i: i + 1000]
            self.chunks.update(ids=[c.id for c in part], metadatas=[c.metadata() for c in part])

    def delete(self, ids: Iterable[str]) -> None:
        self._n = None
        ids = list(ids)
        for i in range(0, len(ids), 5000):
            self.chunks.delete(ids=ids[i: i + 5000])

    def count(self) -> int:
        return self.chunks.count()

    def all_chunks(self, where: dict | None = None) -> list[tuple[str, Chunk]]:
        out = []
        for ids, docs, mds in self._paged(self.chunks, where, include=["documents", "metadatas"]):
            out.extend((i, Chunk.from_metadata(d, m)) for i, d, m in zip(ids, docs, mds))
        return out

    def all_vectors(self) -> tuple[list[str], "Any"]:
        """Every chunk's id and stored vector (float32 rows, in the order of the ids)."""
        import numpy as np

        ids, rows = [], []
        for got in _pages(self.chunks, None, ["embeddings"]):
            ids.extend(got["ids"])
            rows.append(np.asarray(got["embeddings"], dtype=np.float32))
        return ids, (np.concatenate(rows) if rows else np.zeros((0, 0), dtype=np.float32))

    def query(self, embedding: Sequence[float], k: int, where: dict | None = None) -> list[tuple[str, float]]:
        if self._n is None:  # one count per store, not per query (readers never write)
            self._n = self.count()
        n = min(k, max(1, self._n))
        res = self.chunks.query(query_embeddings=[list(embedding)], n_results=n, where=where, include=["distances"])
        return [(i, 1.0 - d) for i, d in zip(res["ids"][0], res["distances"][0])]

    def stats(self) -> dict[str, Any]:
        """Chunk counts by release and kind, plus distinct records (API operations, terms, use cases)."""
        by: dict[str, dict[str, int]] = {}
        records: dict[str, dict[str, set]] = {}
        for _, _, mds in self._paged(self.chunks, None, include=["metadatas"]):
            for m in mds:
                rel, kind = m.get("release", "?"), m.get("kind", "?")
                r = by.setdefault(rel, {})
                r[kind] = r.get(kind, 0) + 1
                rec = records.setdefault(rel, {"api_operations": set(), "glossary_terms": set(), "use_cases": set()})
                if kind == "api_operation":
                    rec["api_operations"].add((m.get("folder"), m.get("x_method"), m.get("x_api_path")))
                elif kind == "glossary_term":
                    rec["glossary_terms"].add((m.get("folder"), m.get("path"), m.get("x_term")))
                elif kind == "use_case":
                    rec["use_cases"].add(m.get("x_uc_id"))
        return {"chunks": self.count(), "by_release": by, "meta": self.meta(),
                "records": {rel: {k: len(v) for k, v in rec.items()} for rel, rec in records.items()}}

    @staticmethod
    def _paged(col, where, include):
        for got in _pages(col, where, include):
            ids = got["ids"]
            yield ids, got.get("documents") or [None] * len(ids), got.get("metadatas") or [None] * len(ids)


def _pages(col, where, include):
    """A collection's records, _PAGE at a time (each page as Chroma's get() returns it)."""
    offset = 0
    while True:
        got = col.get(where=where, include=include, limit=_PAGE, offset=offset)
        if not got["ids"]:
            break
        yield got
        if len(got["ids"]) < _PAGE:
            break
        offset += _PAGE


def _copy_collection(src, dst, with_vectors: bool) -> None:
    for got in _pages(src, None, ["documents", "metadatas", "embeddings"]):
        dst.upsert(ids=got["ids"], embeddings=[list(e) for e in got["embeddings"]], documents=got["documents"],
                   metadatas=got["metadatas"])


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
