"""The HTML page and batch Markdown: what a teacher prints and a student opens on a phone.

Text level: every page reads input (typeset), derivation, answer, plot, in that order,
each line of a derivation names its rule and is set at display size; batch Markdown
writes every input exactly as it would alone, set apart by rules, never as headings.
In headless Chromium (:mod:`browser`): a page loads offline at 1200 and 375 px wide
without scrolling sideways (a long formula scrolls in its own box), KaTeX typesets the
input, the answer comes after the derivation and stands out, and printed (print media
emulated) it is black on white with no buttons and no line split across pages.
Screenshots ``page-1200.png``, ``page-375.png``, ``page-print.png`` are kept (see
:func:`browser.artifacts`).
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import symdiff
from browser import artifacts, chromium_driver
from symdiff.cli import main
from symdiff.printers.html import DISPLAY_STYLE, section, sections_page
from symdiff.printers.markdown import RECORD_SEPARATOR

# ----- the page's structure, read with an HTML parser ----------------------------------------


class Page(HTMLParser):
    """Where the parts of a page start, and each derivation line's kind, math and rule."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.starts: dict[str, int] = {}  # part -> index of its first start tag
        self.lines: list[dict[str, str]] = []  # one per <li> of an ol.derivation
        self.inputs: list[str] = []  # data-tex of each typeset input
        self._open: list[tuple[str, set[str]]] = []
        self._count = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = set((found.get("class") or "").split())
        self._count += 1
        for part in ("input", "derivation", "answer", "plot"):
            if part in classes:
                self.starts.setdefault(part, self._count)
        inside = {c for _, cs in self._open for c in cs}
        if tag == "li" and "derivation" in inside:
            self.lines.append({"kind": " ".join(sorted(classes)), "rule": "", "tex": ""})
        in_line_math = "derivation" in inside and "math" in inside
        if "tex" in classes and self.lines and in_line_math:
            self.lines[-1]["tex"] = found.get("data-tex") or ""
        if "tex" in classes and "input" in inside:
            self.inputs.append(found.get("data-tex") or "")
        if tag not in ("meta", "br", "img", "line", "rect", "path", "circle", "polyline"):
            self._open.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._open and "rule" in self._open[-1][1] and self.lines:
            self.lines[-1]["rule"] += data


def html_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main([*argv, "--format", "html"]) in (0, 3)  # 3: a wrong answer to check
    return capsys.readouterr().out


PAGES = [  # argv                                  the input as typeset               plot
    (["h(x) = 3(2x^2)^5", "--steps"],             ["h(x) = 3 \\left(2 x^{2}\\right)^{5}"], True),
    (["x/(1 + x)", "--steps"],                    ["\\frac{x}{1 + x}"],                     True),
    (["y = sin(x)", "--at", "x=0", "--steps"],    ["y = \\sin(x)"],                         True),
    (["f(x, y) = x^2 y", "--wrt", "x", "--steps"], ["f(x, y) = x^{2} y"],                   False),
    (["grad", "x*y", "--steps"],                  ["x y"],                                  False),
    (["hessian", "x^2 y", "--steps"],             ["x^{2} y"],                              False),
    (["simplify", "x*x + x*x", "--steps"],        ["x x + x x"],                            False),
    (["check", "x^3", "--answer", "3x^3", "--steps"], ["x^{3}"],                            False),
    (["jacobian", "x*y", "x + y", "--steps"],     ["x y", "x + y"],                         False),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "typeset", "plot"), PAGES)
def test_a_page_reads_input_derivation_answer_plot(
    capsys: pytest.CaptureFixture[str], argv: list[str], typeset: list[str], plot: bool
) -> None:
    page = Page(html_of(capsys, *argv))
    assert page.inputs == typeset
    order = [page.starts.get(part) for part in ("input", "derivation", "answer", "plot")]
    assert order[:3] == sorted(order[:3]) and None not in order[:3], page.starts
    if plot:
        assert order[3] is not None and order[2] < order[3]  # type: ignore[operator]
    else:
        assert order[3] is None
    assert page.lines
    for line in page.lines:  # each step names its rule; only a question line has none
        assert line["tex"].startswith(DISPLAY_STYLE), line
        assert bool(line["rule"].strip()) == (line["kind"] == "step"), line


@pytest.mark.parametrize(
    ("argv", "rules"),
    [
        (["h(x) = 3(2x^2)^5", "--steps"], ["constant multiple", "chain rule with power, "
                                           "constant multiple", "power", "arithmetic",
                                           "distribute the exponent", "combine powers",
                                           "combine constants"]),
        (["x^2", "--steps"], ["", "power", "arithmetic"]),
        (["x^2"], []),
    ],
)  # fmt: skip
def test_each_line_is_named_by_its_rules(
    capsys: pytest.CaptureFixture[str], argv: list[str], rules: list[str]
) -> None:
    assert [line["rule"] for line in Page(html_of(capsys, *argv)).lines] == rules


ANSWERS = [  # argv                          in the answer box, in order
    (["x^3", "--at", "x=2", "--check"],       ["f&#x27;(x) = 3x²", "At x = 2: 12",
                                               "SymPy check: ok, agrees symbolically"]),
    (["check", "x^3", "--answer", "3x^3"],    ["f&#x27;(x) = 3x²",
                                               "no: f&#x27;(x) = 3x², not 3x³",
                                               "at x = 2: f&#x27;(x) = 12, but the answer "
                                               "gives 24"]),
    (["grad", "x^2 y"],                       ["∂f/∂x = 2xy; ∂f/∂y = x²"]),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "shown"), ANSWERS)
def test_the_answer_holds_the_result_its_value_and_the_checks(
    capsys: pytest.CaptureFixture[str], argv: list[str], shown: list[str]
) -> None:
    html = html_of(capsys, *argv)
    answer = html.split('<div class="answer"', 1)[1].split("\n</div>\n", 1)[0]
    assert "<h2>Answer</h2>" in answer
    places = [answer.find(text) for text in shown]
    assert -1 not in places and places == sorted(places), (answer, places)


def test_the_notebook_fragment_is_the_same_section_with_mathjax_delimiters() -> None:
    d = symdiff.derive("h(x) = 3(2x^2)^5", "x")
    page = Page(d._repr_html_())
    assert page.starts["derivation"] < page.starts["answer"] < page.starts["plot"]
    assert "\\(\\displaystyle 3 \\cdot \\frac{d}{dx}" in d._repr_html_()


# ----- batch Markdown: every input rendered the same way --------------------------------------

BATCHES = [
    ["x^2", "sin(x)", "x*y"],
    ["x +", "foo(x)", "x^2"],  # errors are records like any other
    ["h(x) = 3(2x^2)^5", "x^2 --"],
    ["exp(x)"],
]


def _markdown(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
              stdin: str, *argv: str) -> str:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    main([*argv, "--format", "markdown"])
    return capsys.readouterr().out


@pytest.mark.parametrize("steps", [[], ["--steps"]])
@pytest.mark.parametrize("inputs", BATCHES)
def test_batch_markdown_writes_each_input_as_it_would_alone(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    inputs: list[str], steps: list[str],
) -> None:  # fmt: skip
    out = _markdown(capsys, monkeypatch, "\n".join(inputs) + "\n", "-", *steps)
    records = out.split(RECORD_SEPARATOR)
    assert len(records) == len(inputs)
    for text, record in zip(inputs, records, strict=True):
        alone = _markdown(capsys, monkeypatch, "", text, *steps)  # empty for an error
        if alone:
            assert record == alone and record.startswith("**Differentiate**")
        else:
            assert record.startswith(f"**Error** in `{text}`: ") and record.count("\n") == 1
    lines = out.split("\n")  # a rule under a paragraph line would make it a heading
    assert all(lines[i - 1] == "" for i, line in enumerate(lines) if line.startswith("---"))


def test_markdown_embeds_the_plot_and_no_plot_leaves_it_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _markdown(capsys, monkeypatch, "", "h(x) = 3(2x^2)^5")
    image = out.rstrip("\n").split("\n\n")[-1]
    alt, uri = image.removeprefix("![").removesuffix(")").split("](data:image/svg+xml;base64,")
    assert alt == "Plot of h(x) = 3(2x²)⁵"
    assert base64.b64decode(uri).decode().startswith("<svg")
    assert "![" not in _markdown(capsys, monkeypatch, "", "h(x) = 3(2x^2)^5", "--no-plot")
    assert "![" not in _markdown(capsys, monkeypatch, "", "x*y")  # two variables: no plot


# ----- the page in headless Chromium -----------------------------------------------------------

LONG = "x*sin(x)*cos(x)*exp(x)*log(x)*tan(x)*tanh(x)*sqrt(x)"  # lines wider than a phone


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium_driver()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two inputs on one page, as ``symdiff - --steps --format html`` writes them."""
    inputs = ["h(x) = 3(2x^2)^5", LONG]
    sections = [section(symdiff.derive(text, "x").report()) for text in inputs]
    target = tmp_path_factory.mktemp("page") / "page.html"
    target.write_text(sections_page(sections, inputs), encoding="utf-8")
    return target


def _js(browser: Any, script: str) -> Any:
    return browser.execute_script(script)


def _shoot(browser: Any, path: Path) -> None:
    """A screenshot of the whole page: the window made as tall as the document."""
    width = _js(browser, "return window.innerWidth")
    height = _js(browser, "return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(height + 20, 8000))
    browser.save_screenshot(str(path))


def test_the_page_in_chromium(browser: Any, page_file: Path, tmp_path: Path) -> None:
    folder = artifacts(tmp_path)
    browser.set_window_size(1200, 1000)
    browser.get(page_file.as_uri())
    assert _js(browser, "return document.querySelectorAll('.katex-error').length") == 0
    typed = _js(browser, "return Array.from(document.querySelectorAll('.math.input')).map("
                "e => [e.querySelectorAll('.katex').length, e.querySelector('annotation')"
                "?.textContent])")  # fmt: skip
    assert typed[0] == [1, "h(x) = 3 \\left(2 x^{2}\\right)^{5}"]
    assert all(count == 1 for count, _ in typed) and len(typed) == 2
    for part in _js(browser, "return Array.from(document.querySelectorAll('section'))"):
        ol, answer = (part.find_element("css selector", s) for s in ("ol.derivation", ".answer"))
        follows = browser.execute_script(
            "return (arguments[0].compareDocumentPosition(arguments[1]) & 4) !== 0"
            " && arguments[0].getBoundingClientRect().bottom <="
            " arguments[1].getBoundingClientRect().top", ol, answer)  # fmt: skip
        assert follows, "the answer must come after the derivation"
    style = _js(browser, "var s = getComputedStyle(document.querySelector('section .answer'));"
                "return [s.backgroundColor, s.borderLeftWidth, "
                "getComputedStyle(document.body).backgroundColor]")  # fmt: skip
    assert style[0] not in ("rgba(0, 0, 0, 0)", style[2]) and float(style[1][:-2]) >= 4
    rules = _js(browser, "return Array.from(document.querySelectorAll('ol.derivation li.step'))"
                ".map(li => li.querySelector('.rule').innerText.trim())")  # fmt: skip
    assert len(rules) >= 10 and all(rules), rules
    assert _js(browser, "return document.querySelectorAll('button.copy').length") == 2
    _shoot(browser, folder / "page-1200.png")

    browser.set_window_size(375, 900)
    wide = _js(browser, "var d = document.documentElement;"
               "return [window.innerWidth, d.scrollWidth, d.clientWidth]")  # fmt: skip
    assert wide[0] == 375 and wide[1] <= wide[2], f"the page scrolls sideways at 375 px: {wide}"
    boxes = _js(browser, "return Array.from(document.querySelectorAll('ol.derivation .math'))"
                ".filter(b => b.scrollWidth > b.clientWidth + 1)"
                ".map(b => getComputedStyle(b).overflowX)")  # fmt: skip
    assert boxes and set(boxes) == {"auto"}  # the long product's lines scroll in their own box
    _shoot(browser, folder / "page-375.png")

    browser.set_window_size(800, 1000)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        printed = _js(browser, "var q = s => getComputedStyle(document.querySelector(s));"
                      "return [q('button.copy').display, q('body').color,"
                      " q('body').backgroundColor,"
                      " q('section .answer').backgroundColor, q('ol.derivation li').breakInside,"
                      " q('ol.derivation .rule').color, q('section .answer').breakInside,"
                      " q('ol.derivation .math').overflowX]")  # fmt: skip
        assert printed == ["none", "rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgba(0, 0, 0, 0)",
                           "avoid", "rgb(0, 0, 0)", "avoid", "visible"]  # fmt: skip
        wide = _js(browser, "var d = document.documentElement;"
                   "return [d.scrollWidth, d.clientWidth]")  # fmt: skip
        assert wide[0] <= wide[1], f"printed, a line runs off the paper: {wide}"
        _shoot(browser, folder / "page-print.png")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    from selenium.webdriver.common.print_page_options import PrintOptions

    pdf = base64.b64decode(browser.print_page(PrintOptions()))  # as Chromium prints it
    (folder / "page.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    for name in ("page-1200.png", "page-375.png", "page-print.png"):
        data = (folder / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 20_000
