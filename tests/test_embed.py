"""Embedders: the ONNX runner gives the same vectors as the PyTorch model; the hash fake is deterministic."""
import pytest

from ingest.embed import HashEmbedder, approx_tokens


def test_hash_embedder_is_deterministic_and_normalised():
    e = HashEmbedder(64)
    a, b = e.embed(["consent record", "consent record"])
    assert a == b and abs(sum(x * x for x in a) - 1.0) < 1e-9
    assert e.calls == 2 and approx_tokens("two words") >= 2


@pytest.mark.slow
def test_onnx_matches_pytorch(tmp_path):
    import numpy as np

    from ingest.embed import SentenceTransformerEmbedder

    texts = ["What is a consent record?", "The Payments Building Block moves money between government and people.",
             "GET /service/verification/consent-records/ — LIST - Fetch consent records", "x"]
    onnx = SentenceTransformerEmbedder(backend="onnx", cache_dir=tmp_path)
    torch = SentenceTransformerEmbedder(backend="torch")
    assert onnx.backend == "onnx" and (tmp_path / "models").is_dir()
    a, b = np.array(onnx.embed(texts)), np.array(torch.embed(texts))
    assert a.shape == b.shape == (4, 384)
    assert float(np.min(np.sum(a * b, axis=1))) > 0.9999
    # a second instance reuses the exported model, loaded without sentence-transformers (its tokenizer.json read by
    # `tokenizers`): the same vectors and the same token counts, long and odd texts included
    again = SentenceTransformerEmbedder(backend="onnx", cache_dir=tmp_path)
    assert again._model is None and again.dim == onnx.dim and again.max_tokens == onnx.max_tokens
    assert np.allclose(np.array(again.embed(texts)), a, atol=1e-6)
    odd = ["word " * 600, "Ünïcödé – “quotes” &#x20; {% hint %}", "GET /data/{registryName}/{versionNumber}/exists"]
    assert np.allclose(np.array(again.embed(odd)), np.array(onnx.embed(odd)), atol=1e-6)
    assert [again.count_tokens(t) for t in odd] == [onnx.count_tokens(t) for t in odd]
    # batches of about ONNX_BATCH_TOKENS padded tokens (short texts together, long ones alone) or of a fixed size:
    # the same vectors as one at a time, in the input order
    import ingest.embed as E

    mixed = texts + ["word " * 300, "Citizens book an appointment.", "Officers check the land record on a map. " * 8]
    one = again._onnx.encode(mixed, batch_size=1)
    assert np.allclose(again._onnx.encode(mixed), one, atol=1e-5)
    assert np.allclose(again._onnx.encode(mixed, batch_size=3), one, atol=1e-5)
    lengths = [again.count_tokens(t) for t in mixed]
    assert max(lengths) > E.ONNX_BATCH_TOKENS // 2 > min(lengths)  # the budget really splits this mix
