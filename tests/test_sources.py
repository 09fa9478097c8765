"""Corpus discovery, published URLs, duplicate files and GitHub fetching (with real git on file:// repos)."""
import subprocess
from pathlib import Path

import pytest

from assistant.errors import CorpusNotFound, SourceUnreachable, UnknownRelease
from ingest.sources import discover, fetch_from_github, list_files


def test_snapshot_layout(fixture_corpus):
    lay = discover(fixture_corpus, ["latest"])
    assert {r.folder for r in lay.repos} == {"bb-consent", "bb-payments", "product-use-cases", "specifications"}
    consent = next(r for r in lay.repos if r.folder == "bb-consent")
    assert consent.commit == "1" * 40 and consent.gitbook_root == "spec/" and consent.bb == "consent"
    files = {f.path: f for f in list_files(consent)}
    assert "spec/3-terminology.md" in files and "api/consent.yaml" in files
    assert files["spec/3-terminology.md"].url == "https://specs.govstack.global/consent/3-terminology"
    assert files["spec/README.md"].url == "https://specs.govstack.global/consent"
    assert files["api/consent.yaml"].url.startswith("https://github.com/GovStackWorkingGroup/bb-consent/blob/")
    assert lay.framework_dir is not None


def test_identical_copies_are_kept_once(fixture_corpus):
    spec = fixture_corpus / "latest/bb-consent/spec"
    (spec / "2-terminology.md").write_bytes((spec / "3-terminology.md").read_bytes())
    (spec / "SUMMARY.md").write_text("* [T](3-terminology.md)\n")
    consent = next(r for r in discover(fixture_corpus, ["latest"]).repos if r.folder == "bb-consent")
    paths = [f.path for f in list_files(consent)]
    assert "spec/3-terminology.md" in paths and "spec/2-terminology.md" not in paths


def test_errors_are_specific(tmp_path, fixture_corpus):
    with pytest.raises(CorpusNotFound, match="does not exist"):
        discover(tmp_path / "nope", ["latest"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusNotFound, match="empty"):
        discover(tmp_path / "empty", ["latest"])
    with pytest.raises(UnknownRelease, match="available: 23Q4, latest"):
        discover(fixture_corpus, ["24Q9"])


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(cwd)})


def test_from_github_clones_file_repositories(tmp_path, fixture_corpus):
    remote = tmp_path / "remote"
    for folder in ("bb-consent", "bb-payments"):
        src = fixture_corpus / "latest" / folder
        dst = remote / folder
        dst.mkdir(parents=True)
        subprocess.run(["cp", "-r", f"{src}/.", str(dst)], check=True)
        _git("init", "-q", "-b", "main", cwd=dst)
        _git("add", "-A", cwd=dst)
        _git("commit", "-q", "-m", "fixture", cwd=dst)
    cache = tmp_path / "cache"
    root = fetch_from_github(cache, ["latest"], github_base=f"file://{remote}")
    lay = discover(root, ["latest"])
    folders = {r.folder for r in lay.repos}
    assert folders == {"bb-consent", "bb-payments"}
    assert all(len(r.commit or "") == 40 for r in lay.repos)  # real commits from the clones
    # a second fetch updates in place
    (remote / "bb-consent/spec/README.md").write_text("# Consent\n\nChanged text.\n")
    _git("commit", "-q", "-am", "change", cwd=remote / "bb-consent")
    fetch_from_github(cache, ["latest"], github_base=f"file://{remote}")
    assert "Changed text" in (cache / "latest/bb-consent/spec/README.md").read_text()


def test_from_github_unreachable(tmp_path):
    with pytest.raises(SourceUnreachable, match="--corpus"):
        fetch_from_github(tmp_path / "c", ["latest"], github_base=f"file://{tmp_path}/nowhere")
