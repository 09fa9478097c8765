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


def test_a_block_repos_readme_is_read_with_the_shared_template_marked_and_its_other_markdown_is_not(fixture_corpus):
    from ingest.documents import LoadContext, load_chunks

    root = fixture_corpus / "latest/bb-consent"
    (root / "test").mkdir(exist_ok=True)
    (root / "test/plan.md").write_text("# Test plan\n\nNot the spec.\n")
    (root / "README.md").write_text(
        "# GovStack Building Block Template\n\nThis template is intended to be used by the various repos.\n\n"
        "## Repo Structure\n\n```sh\n/spec # the markdown files\n/api # the openapi specification\n```\n\n## Run Cucumber tests\n\n"
        "Launch the mock server from examples/mock folder, then run npx cucumber-js in the test folder.\n")
    consent = next(r for r in discover(fixture_corpus, ["latest"]).repos if r.folder == "bb-consent")
    files = {f.path: f for f in list_files(consent)}
    assert "test/plan.md" not in files
    readme = files["README.md"]
    assert readme.url == "https://github.com/GovStackWorkingGroup/bb-consent/blob/" + "1" * 40 + "/README.md"
    chunks, _ = load_chunks(readme, LoadContext(count_tokens=lambda t: len(t.split()), max_tokens=256))
    text = " ".join(c.text for c in chunks)
    assert "npx cucumber-js" in text and "template is intended" in text and "/spec #" in text
    assert all(c.bb == "consent" and c.heading_path[:2] == ["Consent", "Repository README"] for c in chunks)
    # the template's sections are marked (the search keeps them for questions on the repos), the repo's own are not
    marked = {c.heading_path[-1]: bool(c.extra.get("repo_template")) for c in chunks}
    assert marked == {"Repository README": True, "Run Cucumber tests": False}
    # …and the template's tree is the list its opening sentence introduces, quoted as list items, not code
    opening = next(c for c in chunks if c.heading_path[-1] == "Repository README")
    assert "template is intended" in opening.text and "* /spec # the markdown files" in opening.text
    (root / "README.md").write_text("")
    assert load_chunks(readme, LoadContext(count_tokens=lambda t: len(t.split()), max_tokens=256))[0] == []


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


def test_a_passage_knows_the_bold_label_in_force_where_it_starts(fixture_corpus):
    from ingest.documents import LoadContext, load_chunks

    root = fixture_corpus / "latest/bb-consent"
    words = " ".join(f"word{i}" for i in range(40))
    (root / "spec/8-options.md").write_text(
        "# 8 Options\n\nThe following ways are possible:\n\n**1. OpenID Connect based SSO**\n\n"
        + "\n\n".join(f"SSO sentence {i} {words}." for i in range(4)) + "\n\n3. **Key-based Authentication**\n\n"
        + "\n\n".join(f"Key sentence {i} {words}." for i in range(4)) + "\n\n## 8.1 Next\n\nAnother section.\n")
    consent = next(r for r in discover(fixture_corpus, ["latest"]).repos if r.folder == "bb-consent")
    sf = {f.path: f for f in list_files(consent)}["spec/8-options.md"]
    chunks, _ = load_chunks(sf, LoadContext(count_tokens=lambda t: len(t.split()), max_tokens=120))
    labels = [(c.text.split()[0:2], c.extra.get("label")) for c in chunks]
    assert chunks[0].extra.get("label") is None  # the options start inside the first passage
    assert any(c.text.startswith("SSO sentence") and c.extra.get("label") == "OpenID Connect based SSO" for c in chunks), labels
    assert any(c.text.startswith("Key sentence") and c.extra.get("label") == "Key-based Authentication" for c in chunks), labels
    assert chunks[-1].heading_path[-1] == "8.1 Next" and chunks[-1].extra.get("label") is None  # a new section: none
