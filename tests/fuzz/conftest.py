"""The fuzz harnesses are run by hand (see their docstrings), never collected by pytest."""

collect_ignore = ["fuzz_parse.py"]
