"""The command line, run as a user runs it: a subprocess, its stdout, stderr and exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

ENV = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PYTHONIOENCODING")}
ENV["PYTHONUTF8"] = "1"


def symdiff(*args: str, stdin: str | None = None, env: dict | None = None,
            code: str | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """Run ``python -m symdiff ARGS`` (or ``python -c CODE``) and capture everything."""
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "symdiff", *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True,
                          env={**ENV, **(env or {})}, timeout=120, encoding="utf-8")  # fmt: skip


def ok(*args: str, stdin: str | None = None) -> str:
    result = symdiff(*args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("symdiff: error: ")
    return lines[0]


# ----- results ----------------------------------------------------------------------------


def test_worked_example_8() -> None:
    assert ok("h(x) = 3(2x^2)^5", "--wrt", "x") == "960x⁹\n"


def test_only_variable_needs_no_wrt() -> None:
    assert ok("3(2x^2)^5") == "960x⁹\n"


def test_several_variables_give_every_partial_in_order() -> None:
    assert ok("3x^3z - y^2 + 5z + 2yz").splitlines() == [
        "∂f/∂x = 9x²z", "∂f/∂y = −2y + 2z", "∂f/∂z = 3x³ + 5 + 2y"]  # fmt: skip


def test_signature_names_and_orders_the_partials() -> None:
    assert ok("g(y, x) = x*y").splitlines() == ["∂g/∂y = x", "∂g/∂x = y"]


def test_wrt_one_variable() -> None:
    assert ok("3x^3z - y^2 + 5z + 2yz", "--wrt", "y") == "−2y + 2z\n"


@pytest.mark.parametrize("wrt", [["--wrt", "x", "--wrt", "y"], ["--wrt", "x,y"]])
def test_mixed_partial(wrt: list[str]) -> None:
    assert ok("x^2 y^3", *wrt) == "6xy²\n"


def test_mixed_partial_steps_are_labelled_in_order() -> None:
    out = ok("x^2 y^3", "--wrt", "x,y", "--steps")
    assert out.index("∂f/∂x =") < out.index("∂²f/∂y∂x =")


def test_higher_order() -> None:
    assert ok("sin(x)", "--order", "3") == "−cos(x)\n"
    assert ok("h(x) = x^5", "--order", "2", "--steps").splitlines()[-1].split()[-2:] == [
        "20x³", "arithmetic"]  # fmt: skip


def test_order_with_several_wrt_is_an_error() -> None:
    assert "mixed partial" in one_line_error(symdiff("x*y", "--wrt", "x,y", "--order", "2"))


def test_order_above_the_limit_is_an_error() -> None:
    assert "limit" in one_line_error(symdiff("x", "--order", "21"))


def test_steps_show_each_rule() -> None:
    lines = ok("h(x) = 3(2x^2)^5", "--steps").splitlines()
    assert lines[0].startswith("h'(x) = 3·d/dx (2x²)⁵")
    for rule in ("constant multiple", "chain rule with power", "distribute the exponent",
                 "combine powers", "combine constants"):  # fmt: skip
        assert any(rule in line for line in lines), rule
    assert lines[-1].split()[:2] == ["=", "960x⁹"]


def test_text_format_parses_back() -> None:
    out = ok("3x^3z - y^2 + 5z + 2yz", "--wrt", "x", "--format", "text")
    assert out == "9*x^2*z\n"


def test_latex_format() -> None:
    assert ok("3(2x^2)^5", "--format", "latex") == "960 x^{9}\n"
    out = ok("h(x) = 3(2x^2)^5", "--format", "latex", "--steps")
    assert out.startswith("\\begin{aligned}\nh'(x) &= ") and "\\text{combine constants}" in out


def test_markdown_format_has_math_blocks() -> None:
    out = ok("h(x) = 3(2x^2)^5", "--format", "markdown", "--steps")
    assert out.startswith("**Differentiate** `h(x) = 3(2x^2)^5` with respect to `x`")
    assert out.count("$$") == 2 and "**Result:** $h'(x) = 960 x^{9}$" in out


def test_json_format() -> None:
    doc = json.loads(ok("h(x) = 3(2x^2)^5", "--format", "json", "--steps"))
    assert (doc["schema"], doc["kind"], doc["result"]["unicode"]) == (1, "derivative", "960x⁹")
    assert doc["derivations"][0]["steps"][0]["rule"] == "constant-multiple"


def test_html_format_is_one_page_with_rule_names() -> None:
    out = ok("h(x) = 3(2x^2)^5", "--format", "html", "--steps")
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert "combine constants" in out and "katex" in out


# ----- values, simplification, subcommands ---------------------------------------------------


def test_at_is_exact() -> None:
    assert ok("x^3", "--at", "x=1/2") == "3x² = 3/4 at x = 1/2\n"


def test_at_several_variables_and_negative_values() -> None:
    out = ok("grad", "x^2 y", "--at", "x=1,y=-2", "--format", "text")
    assert out.splitlines() == ["df/dx = 2*x*y = -4 at x = 1, y = -2",
                                "df/dy = x^2 = 1 at x = 1, y = -2"]  # fmt: skip


def test_at_gives_a_float_where_it_must() -> None:
    assert ok("sin(x)", "--at", "x=1", "--format", "text").startswith("cos(x) = 0.5403023058")


def test_at_missing_variable() -> None:
    assert "no value given for y" in one_line_error(symdiff("x*y", "--wrt", "x", "--at", "x=1"))


def test_at_malformed() -> None:
    assert "NAME=VALUE" in one_line_error(symdiff("x^2", "--at", "x"))


def test_no_simplify_shows_raw_rule_output() -> None:
    assert ok("x^2", "--no-simplify") == "2x¹\n"


def test_expand() -> None:
    assert ok("(x+1)^3", "--expand") == "3x² + 6x + 3\n"


def test_grad_with_vars_order() -> None:
    assert ok("grad", "x^2 y", "--vars", "y,x").splitlines() == ["∂f/∂y = x²", "∂f/∂x = 2xy"]


def test_hessian() -> None:
    assert ok("hessian", "x^3 y^2").splitlines() == [
        "Hessian of f in (x, y):", "[6xy², 6x²y]", "[6x²y, 2x³ ]"]  # fmt: skip


def test_jacobian() -> None:
    assert ok("jacobian", "x*y", "x + y^2", "--format", "text").splitlines()[1:] == [
        "[y, x  ]", "[1, 2*y]"]  # fmt: skip


def test_simplify_with_steps() -> None:
    lines = ok("simplify", "15(2x^2)^4*4x", "--steps").splitlines()
    assert [line.split("    ")[-1].strip() for line in lines[1:]] == [
        "distribute the exponent", "combine powers", "combine constants"]  # fmt: skip
    assert ok("simplify", "15(2x^2)^4*4x") == "960x⁹\n"


def test_check_right_answer() -> None:
    assert ok("check", "3x^3z - y^2 + 5z + 2yz", "--wrt", "x", "--answer", "9x^2z").startswith(
        "yes: 9x²z is ∂f/∂x"
    )


def test_check_wrong_answer_shows_where() -> None:
    result = symdiff("check", "x^3 z", "--wrt", "x", "--answer", "3x^3z")
    assert result.returncode == 3 and result.stderr == ""
    first, second = result.stdout.splitlines()
    assert first == "no: ∂f/∂x = 3x²z, not 3x³z"
    assert second == "at x = 2, z = −2: ∂f/∂x = −24, but the answer gives −48"


def test_check_answer_with_bad_syntax() -> None:
    assert "--answer" in one_line_error(symdiff("check", "x^2", "--answer", "2*"))


# ----- --check and --verify ----------------------------------------------------------------

PATCH = """
import sys
import symdiff.chains as chains
real = chains.diff_by
chains.diff_by = lambda *a, **k: real(*a, **k) + 1   # a deliberately wrong derivative
from symdiff.cli import main
sys.exit(main({args!r}))
"""


def test_check_with_sympy_passes() -> None:
    out = ok("x^3 sin(x)", "--check")
    assert out.splitlines() == ["3x²·sin(x) + x³·cos(x)", "SymPy check: ok, agrees symbolically"]


def test_check_with_sympy_catches_a_wrong_derivative() -> None:
    result = symdiff(code=PATCH.format(args=["x^3", "--check", "--format", "text"]))
    assert result.returncode == 1
    assert "SymPy check: FAILED at x = 1: symdiff 4, SymPy 3" in result.stdout


def test_verify_passes() -> None:
    assert "finite differences check: ok" in ok("grad", "exp(x y) + x^2", "--verify")


def test_verify_catches_a_wrong_derivative() -> None:
    result = symdiff(code=PATCH.format(args=["x^3", "--verify"]))
    assert result.returncode == 1 and "finite differences check: FAILED" in result.stdout


def test_check_without_sympy_says_how_to_install_it() -> None:
    code = ("import sys; sys.modules['sympy'] = None\nfrom symdiff.cli import main\n"
            "sys.exit(main(['x^2', '--check']))")  # fmt: skip
    assert 'pip install "symdiff[check]"' in one_line_error(symdiff(code=code))


# ----- stdin -----------------------------------------------------------------------------------


def test_stdin_one_expression_per_line() -> None:
    out = ok("-", "--wrt", "x", stdin="x^2\n\n# a comment\nsin(x)\nh(x) = 3(2x^2)^5\n")
    assert out.splitlines() == ["2x", "cos(x)", "960x⁹"]


def test_stdin_json_one_object_per_line_with_errors() -> None:
    result = symdiff("-", "--format", "json", stdin="x^2\nx +* y\nx*y\n")
    assert result.returncode == 2
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["kind"] for d in docs] == ["derivative", "error", "gradient"]
    assert result.stderr.startswith("symdiff: error: line 2: ") and "Traceback" not in result.stderr


def test_stdin_text_one_line_per_input_with_errors() -> None:
    result = symdiff("-", "--wrt", "x", stdin="x^2\nx +* y\n\nsin(x)\nfoo(x)\n3x\n")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert [lines[0], lines[2], lines[4]] == ["2x", "cos(x)", "3"] and len(lines) == 5
    assert lines[1].startswith("error: line 1, column 4: ")
    assert lines[3].startswith("error: unknown function 'foo'")
    assert [e.split(": ")[2] for e in result.stderr.splitlines()] == ["line 2", "line 5"]


def test_stdin_html_error_is_a_section() -> None:
    result = symdiff("-", "--format", "html", stdin="x^2\nx +\n")
    assert result.returncode == 2 and result.stdout.count('<section class="error">') == 1


def test_absent_variable_is_noted_on_stderr() -> None:
    result = symdiff("grad", "x*y", "--vars", "x,q", "--format", "text")
    assert (result.returncode, result.stdout) == (0, "df/dx = y\ndf/dq = 0\n")
    assert result.stderr == (
        "symdiff: note: q does not occur in the expression; the derivative by q is 0\n"
    )


def test_stdin_html_is_one_page() -> None:
    out = ok("-", "--format", "html", stdin="x^2\nsin(x)\n")
    assert out.count("<!DOCTYPE html>") == 1 and out.count("<section>") == 2


def test_stdin_for_jacobian() -> None:
    assert ok("jacobian", "-", "--format", "text", stdin="x*y\nx+y\n").splitlines()[1:] == [
        "[y, x]", "[1, 1]"]  # fmt: skip


# ----- errors, options, environment ------------------------------------------------------------

BAD_INPUTS = ["x +* y", "sinz(x)", "sin(x, y)", "(x + 1", "x^", "", "f(x) = ", "3 $ 4", "x..2"]


@pytest.mark.parametrize("text", BAD_INPUTS)
def test_bad_input_is_one_line_exit_2(text: str) -> None:
    one_line_error(symdiff(text, "--wrt", "x"))


@pytest.mark.parametrize("args", [
    ["x^2", "--bogus"], ["x^2", "--format", "pdf"], ["x^2", "--order", "0"], [],
    ["x^2", "--timeout", "-1"], ["x^2", "--wrt", "xy"], ["x^2", "--wrt", "e"], ["grad"],
    ["check", "x^2"], ["x^2", "grad"], ["x", "--wrt", ","],
])  # fmt: skip
def test_bad_options_are_one_line_exit_2(args: list[str]) -> None:
    one_line_error(symdiff(*args))


def test_domain_error_at_a_point() -> None:
    assert "division by zero" in one_line_error(symdiff("1/x", "--at", "x=0"))


def test_help_documents_commands_and_exit_codes() -> None:
    out = ok("--help")
    for word in ("grad", "hessian", "jacobian", "simplify", "check", "--wrt", "--order",
                 "--steps", "--format", "--at", "--no-simplify", "--expand", "--check",
                 "--verify", "--timeout", "exit codes", "NO_COLOR"):  # fmt: skip
        assert word in out, word


@pytest.mark.parametrize("command", ["grad", "hessian", "jacobian", "simplify", "check"])
def test_subcommand_help(command: str) -> None:
    out = ok(command, "--help")
    assert out.startswith(f"usage: symdiff {command}") and "exit codes" in out


def test_version() -> None:
    """The version and which build runs: compiled (the accelerated wheel) or pure Python."""
    from symdiff import __version__
    from symdiff.core.native import build

    assert ok("--version") == f"symdiff {__version__} ({build()})\n"


def test_expression_may_start_with_a_minus() -> None:
    assert ok("-x^2") == "−2x\n"
    assert symdiff("check", "x^2", "--answer", "-2x").stdout.startswith("no: f'(x) = 2x, not −2x")


def test_greek_and_multi_letter_parameters() -> None:
    assert ok("sin(θ)^2", "--wrt", "θ") == "2·sin(θ)·cos(θ)\n"
    assert ok("f(rate, time) = rate*time", "--wrt", "rate", "--format", "text") == "time\n"


def test_timeout_is_an_error_not_a_hang() -> None:
    nested = "x"
    for _ in range(9):
        nested = f"sin({nested})"
    # past the node budget's projection (which would refuse it first), the clock stops it
    result = symdiff(nested, "--order", "9", "--timeout", "0.2", "--max-nodes", "100000000")
    assert "time limit" in one_line_error(result)


def test_internal_error_is_one_line_and_debug_shows_traceback() -> None:
    code = textwrap.dedent("""
        import sys
        import symdiff.cli.run as run
        def boom(*a, **k):
            raise RuntimeError("boom")
        run.report_for = boom
        from symdiff.cli import main
        sys.exit(main(sys.argv[1:]))
    """)
    result = subprocess.run([sys.executable, "-c", code, "x^2"], capture_output=True, text=True,
                            env=ENV)  # fmt: skip
    assert "internal error: RuntimeError: boom" in one_line_error(result, code=1)
    debug = subprocess.run([sys.executable, "-c", code, "x^2", "--debug"], capture_output=True,
                           text=True, env=ENV)  # fmt: skip
    assert debug.returncode == 1 and "Traceback" in debug.stderr


def test_plain_text_when_the_output_cannot_encode_unicode() -> None:
    result = symdiff("3(2x^2)^5", env={"PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"})
    assert result.returncode == 0 and result.stdout == "960*x^9\n"


def _on_a_terminal(*args: str, env: dict[str, str]) -> str:
    """Run with stdout on a pseudo-terminal; return what it printed."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "symdiff", *args], stdout=slave,
                               stderr=slave, env={**ENV, "TERM": "xterm", **env})  # fmt: skip
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_on_a_terminal_only_without_no_color() -> None:
    coloured = _on_a_terminal("x^2 sin(x)", "--steps", env={})
    assert "\x1b[2mproduct\x1b[0m" in coloured
    plain = _on_a_terminal("x^2 sin(x)", "--steps", env={"NO_COLOR": "1"})
    assert "\x1b[" not in plain and "product" in plain


def test_no_colour_when_piped() -> None:
    assert "\x1b[" not in ok("x^2 sin(x)", "--steps")


def test_deep_input_from_stdin() -> None:
    deep = "(" * 100_000 + "x" + ")" * 100_000 + "^2\n"
    assert ok("-", "--wrt", "x", stdin=deep) == "2x\n"
