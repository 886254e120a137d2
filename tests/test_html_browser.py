"""The HTML page of worked example 8 in headless Chromium: KaTeX renders, every step is named.

Skipped only when Chromium is not installed (``.ci/run`` installs Debian's ``chromium``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import symdiff
from symdiff.printers.labels import rule_name

EXAMPLE_8 = "h(x) = 3(2x^2)^5"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync"]  # fmt: skip


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Chromium is not installed (CI installs it): cannot open the HTML page")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    target = folder / "example8.html"
    command = [sys.executable, "-m", "symdiff", EXAMPLE_8, "--steps", "--format", "html"]
    result = subprocess.run(command, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    target.write_bytes(result.stdout)
    return target


def browse(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = page.parent / "profile"
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, encoding="utf-8")


def test_rendered_page_names_every_step_and_has_no_katex_error(page: Path) -> None:
    result = browse(page, "--virtual-time-budget=5000", "--dump-dom")
    assert result.returncode == 0, result.stderr
    dom = result.stdout
    body = dom.split("<body>", 1)[1].split("<script>", 1)[0]  # the page, not the scripts
    assert not re.search(r'class="[^"]*katex-error', body), "KaTeX could not render a formula"
    assert body.count('class="katex"') >= 9, "the formulas were not typeset"
    text = re.sub(r"<[^>]+>", " ", body)
    d = symdiff.derive(EXAMPLE_8, "x")
    names = [rule_name(rule) for line in d.lines for rule in line.rules]
    assert names
    for name in names:
        assert name in text, name
    assert "960" in text


def test_screenshot_shows_the_page(page: Path) -> None:
    shot = page.parent / "example8.png"
    result = browse(page, "--virtual-time-budget=5000", "--window-size=1000,900",
                    f"--screenshot={shot}")  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000  # more than a blank page
