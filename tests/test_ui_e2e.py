"""End to end in real headless Chromium (Selenium + Debian chromium/chromium-driver).

* test_real_index_in_the_browser — the app on the real index: ask → answer with a citation link and a sources
  panel; advisor → table of 15 blocks + diagram; onboarding lessons, suggested question → Ask; glossary;
  maintainers; phone width (390 px) without horizontal scrolling; keyboard; HTML typed by the user stays text.
* test_malicious_corpus_text_stays_inert — a fake core whose passages, titles, reasons and glossary contain
  <script>, <img onerror>, javascript: links and ${…}: nothing of it may become a live element.

Screenshots go to the test's tmp dir; with UI_SCREENSHOTS=1 a few are also copied to docs/screenshots/.
Skips (does not fail) when chromium, chromedriver or selenium are missing.
"""
import os
import shutil
import socket
import tempfile
import time
from pathlib import Path

import pytest

DOCS_SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--lang=en-US"]


def _chromium() -> tuple[str, str] | None:
    browser = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium", shutil.which("chromium-browser"))
                    if p and Path(p).exists()), None)
    driver = next((p for p in (shutil.which("chromedriver"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
                   if p and Path(p).exists()), None)
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def chrome_paths():
    pytest.importorskip("selenium")
    paths = _chromium()
    if paths is None:
        pytest.skip("chromium/chromedriver not found (install: apt-get install chromium chromium-driver)")
    return paths


class Browser:
    """A fresh headless Chromium with small helpers for Gradio pages."""

    def __init__(self, paths, shots: Path):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="gs-chrome-")
        o = webdriver.ChromeOptions()
        o.binary_location = paths[0]
        for f in CHROME_FLAGS + [f"--user-data-dir={self.profile}", "--window-size=1366,900"]:
            o.add_argument(f)
        try:
            self.d = webdriver.Chrome(service=Service(paths[1]), options=o)
        except Exception as e:  # a browser that cannot start (no display libs…) is an environment problem
            shutil.rmtree(self.profile, ignore_errors=True)
            pytest.skip(f"chromium could not start: {type(e).__name__}: {str(e)[:200]}")
        self.d.set_window_size(1366, 900)
        self.shots = shots
        self.saved: dict[str, Path] = {}

    # --- helpers
    def wait(self, cond, timeout=60, what=""):
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.d, timeout, poll_frequency=0.2).until(cond, message=what)

    def css(self, sel, timeout=60):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as EC

        return self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, sel)), timeout, f"no element {sel}")

    def clickable(self, sel, timeout=60):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as EC

        return self.wait(EC.element_to_be_clickable((By.CSS_SELECTOR, sel)), timeout, f"{sel} not clickable")

    def all(self, sel):
        from selenium.webdriver.common.by import By

        return self.d.find_elements(By.CSS_SELECTOR, sel)

    def tab(self, label):
        for b in self.all("button[role=tab]"):
            if b.text.strip() == label:
                self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", b)
                b.click()
                return
        raise AssertionError(f"no tab {label!r} among {[b.text for b in self.all('button[role=tab]')]}")

    def button(self, label, within="body"):
        for b in self.all(f"{within} button"):
            if b.text.strip() == label and b.is_displayed():
                self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", b)
                b.click()
                return b
        raise AssertionError(f"no button {label!r}")

    def type_into(self, sel, text, enter=False):
        from selenium.webdriver.common.keys import Keys

        el = self.clickable(sel)
        el.clear()
        el.send_keys(text)
        if enter:
            el.send_keys(Keys.ENTER)
        return el

    def phone(self, on: bool):
        if on:
            self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        else:
            self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            self.d.set_window_size(1366, 900)
        time.sleep(0.8)

    def shot(self, name, at: str | None = None):
        if at:
            self.d.execute_script("const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView({block: 'start'});", at)
        else:
            self.d.execute_script("window.scrollTo(0, 0)")
        time.sleep(0.4)
        p = self.shots / f"{name}.png"
        self.d.save_screenshot(str(p))
        self.saved[name] = p
        return p

    def no_injection(self):
        """Nothing typed by a user or read from the corpus became a live element or ran."""
        js = """
        return {ran: window.__x === undefined ? null : window.__x,
                imgs: Array.from(document.querySelectorAll('img')).filter(i => /(^|\\/)x$/.test(i.getAttribute('src') || '')).length,
                handlers: Array.from(document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]')).length,
                jslinks: Array.from(document.querySelectorAll('a[href]')).filter(a => /^\\s*(javascript|data):/i.test(a.getAttribute('href'))).length,
                scripts: Array.from(document.querySelectorAll('script')).filter(s => (s.textContent || '').includes('__x')).length};
        """
        return self.d.execute_script(js)

    def quit(self):
        try:
            self.d.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(demo):
    from ui.app import launch

    port = _free_port()
    launch(demo, port=port, prevent_thread_lock=True, quiet=True)
    return f"http://127.0.0.1:{port}/"


def _publish(saved: dict[str, Path], names: dict[str, str]) -> None:
    """Copy a few screenshots to docs/screenshots (palette PNGs, to keep the repository small)."""
    if os.environ.get("UI_SCREENSHOTS") != "1":
        return
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    for src_name, dst_name in names.items():
        src = saved.get(src_name)
        if src is None:
            continue
        try:
            from PIL import Image

            Image.open(src).convert("RGB").quantize(colors=128).save(DOCS_SHOTS / dst_name, optimize=True)
        except ImportError:
            shutil.copy(src, DOCS_SHOTS / dst_name)


@pytest.fixture
def browser(chrome_paths, tmp_path):
    b = Browser(chrome_paths, tmp_path)
    yield b
    b.quit()


# ------------------------------------------------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.slow
def test_real_index_in_the_browser(request, browser, tmp_path):
    from assistant.config import Settings
    from assistant.service import Assistant
    from ui.app import create_app

    if os.environ.get("GOVSTACK_TEST_INDEX") and Path(os.environ["GOVSTACK_TEST_INDEX"], "chroma.sqlite3").exists():
        settings = Settings(index_dir=Path(os.environ["GOVSTACK_TEST_INDEX"]))
    else:
        settings, _ = request.getfixturevalue("real_index")
    from dataclasses import replace

    settings = replace(settings, feedback_file=tmp_path / "feedback.jsonl")
    demo = create_app(Assistant(settings), settings, report_dir=tmp_path / "reports")
    url = _serve(demo)
    b = browser
    try:
        b.d.get(url)
        # --- Ask: Enter submits; the answer cites a published spec page, the sources panel links to it
        b.type_into("#ask-input textarea", "What is a consent record?", enter=True)
        src = b.css("#ask-sources a.gs-src-title", timeout=90)
        assert src.get_attribute("href").startswith("https://") and src.get_attribute("target") == "_blank"
        cite = b.css("#ask-chat a[href^='https://']")
        assert cite.text.strip().startswith("[") or cite.text.strip().isdigit() or cite.text.strip()
        assert b.all("#ask-sources mark"), "the supporting sentences are highlighted"
        assert b.d.find_element("css selector", "#ask-input textarea").get_attribute("value") == ""
        b.d.execute_script("for (const e of document.querySelectorAll('#ask-chat *')) "
                           "{ if (e.scrollHeight > e.clientHeight + 10) e.scrollTop = 0; }")
        b.shot("desktop-ask")

        # keyboard: from the question box, Tab reaches the Ask button
        from selenium.webdriver.common.keys import Keys

        b.d.find_element("css selector", "#ask-input textarea").send_keys(Keys.TAB)
        assert b.d.switch_to.active_element.get_attribute("id") == "ask-send"

        # feedback goes to the JSONL log
        b.type_into("#ask-comment textarea", "clear answer")
        b.clickable("#ask-up").click()
        log = tmp_path / "feedback.jsonl"
        # the log file exists a moment before its line is written: wait for the line itself
        b.wait(lambda d: log.exists() and '"rating": "up"' in log.read_text(), 20, "no feedback written")

        # HTML typed by a user is shown as text, never run
        b.type_into("#ask-input textarea", 'What is <img src=x onerror="window.__x=1"><script>window.__x=2</script> consent?',
                    enter=True)
        b.wait(lambda d: "window.__x=2" in b.css("#ask-chat").text, 60, "the question is not shown as text")
        b.wait(lambda d: "Searching" not in b.css("#ask-chat").text, 60, "no answer")
        time.sleep(1)
        assert b.no_injection() == {"ran": None, "imgs": 0, "handlers": 0, "jslinks": 0, "scripts": 0}

        # --- Advisor: the table of all fifteen blocks, the step table and the diagram
        b.tab("Building-block advisor")
        b.type_into("#adv-input textarea", "Farmers register with their national ID, receive SMS advice, and are paid "
                                           "subsidies by mobile money; officers check their land on a map.")
        b.clickable("#adv-run").click()
        b.wait(lambda d: len(b.all("#gs-bb-table tr.gs-sel, #gs-bb-table tr.gs-unsel")) == 15, 90,
               "advisor table did not appear")
        assert b.all("#gs-bb-table tr.gs-sel"), "some blocks are selected"
        # the blocks the steps call for are listed first, under their heading, then those no step names
        assert [e.text for e in b.all("#gs-bb-table tr.gs-group th")][:2] == [
            "For the steps you describe",
            "Also used by GovStack services of this kind, though no step of the description names them"]
        assert b.all("#adv-diagram svg") and b.all("#adv-steps table")
        b.shot("desktop-advisor", at="#adv-summary")

        # --- Get started: a cited lesson, next, a suggested question opens in Ask
        b.tab("Get started")
        b.css("#lesson-body a[href^='https://']", timeout=60)
        assert "Lesson 1 of 8" in b.css("#start-progress").text
        b.clickable("#lesson-next").click()
        b.wait(lambda d: "Lesson 2 of 8" in b.css("#start-progress").text, 30)
        b.wait(lambda d: b.all("#lesson-body a[href^='https://']"), 30)
        b.shot("desktop-start", at="#start-path")
        b.type_into("#glossary-input textarea", "consent")
        b.wait(lambda d: "matching" in b.css("#glossary-out").text and b.all("#glossary-out dt"), 30)
        assert len(b.all("#catalogue-out article")) == 15
        b.shot("desktop-glossary", at="#start-glossary")
        first_sug = next(x for x in b.all("#lesson-suggested button") if x.is_displayed())
        question = first_sug.text
        b.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", first_sug)
        first_sug.click()
        b.wait(lambda d: b.css("#tab-ask").is_displayed(), 20, "Ask tab did not open")
        b.wait(lambda d: question in b.css("#ask-chat").text, 60, "suggested question not asked")

        # --- Maintainers: index status
        b.tab("Maintainers")
        b.wait(lambda d: "chunks" in b.css("#maint-status").text, 30)
        b.shot("desktop-maintainers")

        # --- phone width: no horizontal scrolling, still usable
        b.phone(True)
        b.tab("Ask")
        assert b.d.execute_script("return document.documentElement.scrollWidth") <= 392
        b.shot("phone-ask")
        b.tab("Building-block advisor")
        time.sleep(0.5)
        assert b.d.execute_script("return document.documentElement.scrollWidth") <= 392
        b.shot("phone-advisor", at="#adv-summary")
        b.phone(False)
        assert b.no_injection()["ran"] is None
    finally:
        demo.close()
    _publish(b.saved, {"desktop-ask": "ask.png", "desktop-advisor": "advisor.png", "desktop-start": "get-started.png",
                       "desktop-maintainers": "maintainers.png", "phone-ask": "phone-ask.png"})


EVIL = '<script>window.__x=1</script><img src=x onerror="window.__x=2"> ${window.__x=3} [c](javascript:window.__x=4)'


def test_malicious_corpus_text_stays_inert(browser, tmp_path):
    from assistant.config import Settings
    from assistant.types import Answer, BuildingBlockScore, Chunk, Citation, Suggestion, SuggestionStep
    from tests.test_ui_app import FakeAssistant
    from ui.app import create_app

    settings = Settings(index_dir=tmp_path / "idx", feedback_file=tmp_path / "feedback.jsonl")

    class EvilAssistant(FakeAssistant):
        def __init__(self, s):
            super().__init__(s, tokens=("Answer " + EVIL + " [1]",))
            self.index.chunks["c1"] = Chunk(text="Passage " + EVIL + " It represents a signed consent agreement.",
                                            release="latest", repo="r", folder="bb-consent", path="spec/3-terminology.md",
                                            kind="glossary_term", bb="consent", heading_path=["Consent", EVIL],
                                            url="https://specs.govstack.global/consent/3-terminology",
                                            extra={"term": "Evil " + EVIL})

        def _answer(self, q, filters):
            c = Citation(n=1, repo="r", folder="bb-consent", path="p", release="latest", bb="consent", title="Title " + EVIL,
                         section="Section " + EVIL, url="javascript:window.__x=5", snippet=EVIL, chunk_id="c1")
            return Answer(question=q, text="Answer " + EVIL + " [1]", citations=[c], retrieved=[c], release="latest",
                          notice="Notice " + EVIL)

        def suggest(self, description, exclude_use_cases=None):
            return Suggestion(description=description,
                              building_blocks=[BuildingBlockScore("payments", "Payments", 0.9, True, ["Reason " + EVIL])],
                              steps=[SuggestionStep("Step " + EVIL, [EVIL], ["payments"])])

    demo = create_app(EvilAssistant(settings), settings, report_dir=tmp_path / "reports")
    url = _serve(demo)
    b = browser
    try:
        b.d.get(url)
        b.type_into("#ask-input textarea", "Question " + EVIL, enter=True)
        b.css("#ask-sources .gs-src", timeout=30)
        b.wait(lambda d: "Notice" in b.css("#ask-chat").text, 30)
        time.sleep(1)
        assert "<script>" in b.css("#ask-sources").text  # shown as text
        b.clickable("#ask-down").click()
        b.tab("Building-block advisor")
        b.type_into("#adv-input textarea", "Citizens pay " + EVIL)
        b.clickable("#adv-run").click()
        b.css("#gs-bb-table tbody tr", timeout=30)
        b.tab("Get started")
        b.type_into("#glossary-input textarea", "evil")
        b.wait(lambda d: "Evil" in b.css("#glossary-out").text, 30)
        b.tab("Maintainers")
        b.wait(lambda d: "Question" in b.css("#maint-feedback").text, 30, "feedback log not shown")
        time.sleep(1)
        b.shot("malicious")
        assert b.no_injection() == {"ran": None, "imgs": 0, "handlers": 0, "jslinks": 0, "scripts": 0}
    finally:
        demo.close()
