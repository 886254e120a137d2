"""The README's examples print what the README says.

- ```console blocks: each ``$ command`` runs in bash (``symdiff`` is this checkout's
  command) and its output, stdout and stderr together, must be the lines that follow.
- ```python blocks are doctests, run in order with shared names.
- The quick start is exactly two commands, each making (or reusing) the virtual
  environment ``.venv``: the first installs and runs a derivation that a console block
  shows, the second is CI's test command, byte for byte.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.M | re.S)


def blocks(kind: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README) if lang == kind]


def commands() -> list[tuple[str, str]]:
    """(command, expected output) for every ``$`` line of the console blocks."""
    out: list[tuple[str, str]] = []
    for body in blocks("console"):
        for chunk in re.split(r"^\$ ", body, flags=re.M)[1:]:
            command, _, expected = chunk.partition("\n")
            out.append((command, expected))
    return out


@pytest.fixture(scope="module")
def shell_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """PATH with a ``symdiff`` that runs this checkout with this Python."""
    bin_dir = tmp_path_factory.mktemp("bin")
    script = bin_dir / "symdiff"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m symdiff "$@"\n')
    script.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    path = os.pathsep.join([str(bin_dir), env.get("PATH", "")])
    pythonpath = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return {**env, "PATH": path, "PYTHONPATH": pythonpath, "PYTHONUTF8": "1"}


def test_readme_has_examples() -> None:
    assert len(commands()) >= 20 and len(blocks("python")) >= 4


@pytest.mark.skipif(sys.platform == "win32", reason="the examples are POSIX shell commands")
@pytest.mark.parametrize(("command", "expected"), commands(), ids=[c for c, _ in commands()])
def test_console_example(command: str, expected: str, shell_env: dict[str, str],
                         tmp_path: Path) -> None:  # fmt: skip
    result = subprocess.run(["bash", "-c", command], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, env=shell_env, cwd=tmp_path, timeout=120,
                            encoding="utf-8")  # fmt: skip
    got = result.stdout
    assert got == expected, f"$ {command}\n--- README says:\n{expected}--- it prints:\n{got}"


def test_python_examples() -> None:
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs: dict[str, object] = {}
    for i, body in enumerate(blocks("python")):
        test = parser.get_doctest(body, globs, f"README python block {i + 1}", "README.md", 0)
        runner.run(test, clear_globs=False)
        globs = test.globs  # the next block sees this block's names
    result = runner.summarize(verbose=False)
    assert result.attempted > 10 and result.failed == 0


VENV = "python3 -m venv .venv && "  # each set-up command makes (or reuses) its environment


def test_quick_start_is_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    setup = [body for lang, body in BLOCK.findall(section) if lang == "sh"]
    assert len(setup) == 1
    lines = setup[0].strip().splitlines()
    assert len(lines) == 2
    install, tests = lines
    # no bare `python` or `pip` (Debian has only python3, and PEP 668 refuses system installs)
    assert all(line.startswith(VENV) for line in lines)
    assert not re.search(r"(^|&& )(python|pip)\b", install + tests)
    assert install.startswith(VENV + ".venv/bin/pip install . && .venv/bin/symdiff ")
    shown = install.rsplit(" && .venv/bin/", 1)[1]
    assert shown in [c for c, _ in commands()], "the quick start's output is not shown"
    test_install = '.venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest'
    assert tests.startswith(VENV + test_install)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"^README_TEST_COMMAND='(.*)'$", ci, re.M)
    assert match and tests == match.group(1)


def test_safety_and_performance_sections_exist() -> None:
    assert "\n## Safety\n" in README and "\n## Performance\n" in README


def test_the_function_list_is_written_from_the_table() -> None:
    from function_list import rewritten

    assert rewritten(README) == README, "run: python tests/function_list.py"
