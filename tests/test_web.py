"""The calculator server: its JSON API, a real server under load and hostile requests, the page.

The API is exercised in-process (Starlette's test client) and through a real uvicorn on
127.0.0.1, with 200 concurrent requests, a 1 MB body, a 10⁵-deep input and a request over
its time limit while others keep being answered, and 10,000 requests with the server's
memory measured.  The page is driven in headless Chromium (Debian's chromium and
chromium-driver, through Selenium); screenshots at 1200 and 375 px wide are kept in
``$SYMDIFF_ARTIFACTS`` when it is set (CI sets it), else in the test's temporary folder.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed")
httpx = pytest.importorskip("httpx", reason="httpx is not installed")

from starlette.testclient import TestClient  # noqa: E402

from browser import artifacts, chromium_driver  # noqa: E402
from symdiff.web.app import MAX_BODY, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))
import network  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(jobs=2)) as c:
        yield c


API = [  # (route, body) → (status, field, value)
    ("/api/derive", {"input": "3(2x^2)^5", "wrt": "x"}, 200, "result", "960x⁹"),
    ("/api/derive", {"input": "x^2 y", "task": "gradient"}, 200, "derivatives", ["2xy", "x²"]),
    ("/api/derive", {"input": "sin(x)", "order": 2}, 200, "result", "−sin(x)"),
    ("/api/derive", {"input": "x*x", "task": "simplify"}, 200, "result", "x²"),
    ("/api/derive", {"input": "x +* y"}, 400, "error", "ParseError"),
    ("/api/derive", {"input": "x", "task": "check"}, 400, "error", "RequestError"),
    ("/api/derive", {"input": "x", "color": "red"}, 400, "error", "RecordError"),
    (
        "/api/derive",
        {"input": "x^x*sin(x)*exp(x)/(1+x^2)", "order": 30},
        422,
        "error",
        "LimitError",
    ),
    ("/api/check", {"input": "x^3", "answer": "3x^2"}, 200, "correct", True),
    ("/api/check", {"input": "x^3", "answer": "3x^3"}, 200, "correct", False),
    ("/api/preview", {"input": "h(x) = 3(2x^2)^5"}, 200, "unicode", "3(2x²)⁵"),
    ("/api/preview", {"input": "x +* y"}, 400, "error", "ParseError"),
]


def _read(doc: dict[str, object], field: str) -> object:
    value = doc[field]
    if field == "result":
        return value["unicode"]  # type: ignore[index]
    if field == "derivatives":
        return [d["result"]["unicode"] for d in value]  # type: ignore[attr-defined]
    if field == "error":
        return value["type"]  # type: ignore[index]
    return value


@pytest.mark.parametrize(("route", "body", "status", "field", "value"), API)
def test_api(client: TestClient, route: str, body: dict[str, object], status: int, field: str,
             value: object) -> None:  # fmt: skip
    response = client.post(route, json=body)
    assert (response.status_code, _read(response.json(), field)) == (status, value)


def test_a_wrong_answer_gets_a_point_where_it_differs(client: TestClient) -> None:
    doc = client.post("/api/check", json={"input": "x^3", "answer": "3x^3"}).json()
    c = doc["counterexample"]
    assert c["expected_value"]["text"] != c["answer_value"]["text"] and c["point"]["x"]


def test_a_parse_error_points_at_its_column(client: TestClient) -> None:
    doc = client.post("/api/preview", json={"input": "x +* y"}).json()
    assert (doc["error"]["line"], doc["error"]["column"]) == (1, 4)
    assert doc["error"]["message"].startswith("line 1, column 4: unexpected")


@pytest.mark.parametrize(
    ("content", "status", "message"),
    [
        (b"{not json", 400, "not JSON"),
        (b"[1, 2]", 400, "must be a JSON object"),
        (b'{"input": "' + b"x" * MAX_BODY + b'"}', 413, "over 1,100,000 bytes"),
    ],
)
def test_bad_bodies_are_json_errors(client: TestClient, content: bytes, status: int,
                                    message: str) -> None:  # fmt: skip
    response = client.post("/api/derive", content=content)
    assert response.status_code == status and message in response.json()["error"]["message"]


def test_the_page_is_self_contained(client: TestClient) -> None:
    html = client.get("/").text
    assert "katex" in html and 'id="expr"' in html
    assert "http://" not in html.split("<script>", 1)[0] and 'src="http' not in html


# ----- a real server --------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_kb(pid: int) -> int:
    """Resident memory of a process and its children (kB)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if int(entry) == pid or fields.get("PPid", "").strip() == str(pid):
            total += int(fields.get("VmRSS", "0 kB").split()[0])
    return total


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "symdiff", "serve", "--port", str(port),
                             "--jobs", "2", "--timeout", "3"], cwd=ROOT,
                            stderr=subprocess.PIPE)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        proc.kill()
        raise AssertionError("the server did not start")
    yield url, proc
    proc.terminate()
    proc.wait(timeout=30)


MIXED = [
    ({"input": "3(2x^2)^5", "wrt": "x"}, "960x⁹"),
    ({"input": "x*sin(x)", "wrt": "x"}, "sin(x) + x·cos(x)"),
    ({"input": network.loss_text((2, 4, 4, 3)), "task": "simplify"}, None),
    ({"input": "(" * 2000 + "x^2" + ")" * 2000, "wrt": "x"}, "2x"),
]


async def _many(url: str, count: int, concurrency: int) -> list[tuple[int, dict[str, object]]]:
    limit = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:

        async def one(i: int) -> tuple[int, dict[str, object]]:
            body, _ = MIXED[i % len(MIXED)]
            async with limit:
                response = await http.post("/api/derive", json=body)
            return response.status_code, response.json()

        return list(await asyncio.gather(*(one(i) for i in range(count))))


def test_two_hundred_concurrent_requests_all_answer_correctly(server) -> None:  # type: ignore[no-untyped-def]
    url, _ = server
    answers = asyncio.run(_many(url, 200, 200))
    for i, (status, doc) in enumerate(answers):
        _, expected = MIXED[i % len(MIXED)]
        assert status == 200, doc
        if expected is not None:
            assert doc["result"]["unicode"] == expected  # type: ignore[index]


def test_hostile_requests_get_json_errors_while_others_are_answered(server) -> None:  # type: ignore[no-untyped-def]
    url, _ = server
    # a network's gradient, checked by finite differences: far more than 3 s on any machine
    slow = {"input": network.loss_text((6, 24, 24, 8)), "task": "gradient", "verify": True}

    async def scenario() -> None:
        async with httpx.AsyncClient(base_url=url, timeout=60) as http:
            started = time.monotonic()
            slow_task = asyncio.create_task(http.post("/api/derive", json=slow))
            await asyncio.sleep(0.3)
            big = await http.post("/api/derive", content=b"x" * (MAX_BODY + 10))
            assert big.status_code == 413 and big.json()["kind"] == "error"
            deep = await http.post("/api/derive", json={
                "input": "(" * 100_000 + "x" + ")" * 100_000, "wrt": "x"})  # fmt: skip
            assert deep.status_code in (200, 422) and deep.json()["kind"] in ("derivative", "error")
            quick = []
            for _ in range(10):  # answered by the other worker while the slow one runs
                t = time.monotonic()
                r = await http.post("/api/derive", json={"input": "x^3", "wrt": "x"})
                quick.append(time.monotonic() - t)
                assert r.json()["result"]["unicode"] == "3x²"
            response = await slow_task
            elapsed = time.monotonic() - started
            assert response.status_code == 422, response.text[:300]
            assert response.json()["error"]["type"] == "LimitError"
            assert elapsed < 3 + 2 + 5  # its 3 s limit, the kill grace, a loaded machine
            assert max(quick) < 2.0

    asyncio.run(scenario())


SMALL = [{"input": "x^3", "wrt": "x"}, {"input": "sin(x)*x"}, {"input": "x +* y"},
         {"input": "f(x, y) = x^2 y", "task": "gradient"}]  # fmt: skip


async def _small(url: str, count: int) -> set[int]:
    limit = asyncio.Semaphore(50)
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:

        async def one(i: int) -> int:
            async with limit:
                return (await http.post("/api/derive", json=SMALL[i % len(SMALL)])).status_code

        return set(await asyncio.gather(*(one(i) for i in range(count))))


def test_memory_stays_bounded_over_ten_thousand_requests(server) -> None:  # type: ignore[no-untyped-def]
    url, proc = server
    assert asyncio.run(_small(url, 2_000)) == {200, 400}
    before = _rss_kb(proc.pid)
    assert asyncio.run(_small(url, 8_000)) == {200, 400}
    after = _rss_kb(proc.pid)
    assert after < before * 1.2, (before, after)


# ----- the page in Chromium -----------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium_driver()


def _wait_text(browser, element_id: str, needle: str, seconds: float = 30) -> str:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    end = time.monotonic() + seconds
    text = ""
    while time.monotonic() < end:
        text = browser.find_element(By.ID, element_id).text
        if needle in text:
            return text
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} never appeared in #{element_id}: {text!r}")


def test_the_page_in_a_browser(server, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    url, _ = server
    browser.get(url + "/")
    box = browser.find_element(By.ID, "expr")
    box.send_keys("3(2x^2)^5")
    _wait_text(browser, "preview", "5")
    result = _wait_text(browser, "result", "combine constants")
    assert "Answer" in result and "960" in result
    assert browser.find_elements(By.CSS_SELECTOR, "#preview .katex")  # typeset
    browser.find_element(By.ID, "answer").send_keys("960x^8")
    browser.find_element(By.ID, "check").click()
    verdict = _wait_text(browser, "verdict", "no")
    assert "at x =" in verdict
    folder = artifacts(tmp_path)
    browser.set_window_size(1200, 1000)
    browser.save_screenshot(str(folder / "calculator-1200.png"))
    browser.set_window_size(375, 900)
    browser.save_screenshot(str(folder / "calculator-375.png"))
    for name in ("calculator-1200.png", "calculator-375.png"):
        data = (folder / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 20_000
    browser.set_window_size(1200, 1000)
    box.clear()
    box.send_keys("x +* y")
    error = _wait_text(browser, "preview", "column 4")
    assert "unexpected" in error and "^" in error
    assert "3(2x" in browser.current_url or "%22x%20%2B*%20y" in browser.current_url
