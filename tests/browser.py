"""Headless Chromium driven by Selenium, for the browser tests; where their screenshots go.

Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them); nothing is
downloaded at test time.  A test using :func:`chromium_driver` is skipped only when they,
or Selenium, are not installed.  Screenshots go to ``$SYMDIFF_ARTIFACTS`` when it is set
(CI sets it), else to the test's temporary folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1200,1000")  # fmt: skip


def chromium_driver() -> Iterator[Any]:
    """A Selenium driver of headless Chromium (a generator: use it as a fixture's body)."""
    chrome, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chrome or not driver:
        pytest.skip("Chromium and chromium-driver are not installed (CI installs them)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for flag in FLAGS:
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(driver), options=options)
    try:
        yield browser
    finally:
        browser.quit()


def artifacts(tmp_path: Path) -> Path:
    """The folder screenshots are kept in."""
    folder = Path(os.environ.get("SYMDIFF_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
