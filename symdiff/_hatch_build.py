"""Build hook (hatchling): the optional compiled ("accelerated") wheel; not part of the package.

Off unless ``SYMDIFF_COMPILE=1`` is set when the wheel is built::

    SYMDIFF_COMPILE=1 pip wheel --no-deps .

Then it compiles the hot modules listed in ``pyproject.toml``
(``[tool.hatch.build.targets.wheel.hooks.custom] modules``) with mypyc, the way ``black``
ships, and the wheel becomes a platform wheel whose extension modules Python imports
instead of the ``.py`` files beside them.  Without the variable (and for editable
installs) it does nothing and the wheel is the pure-Python one, the default and the
reference.  It is loaded by path from ``pyproject.toml``, never imported by the package,
and the wheel leaves it out.

One patch to mypyc's C output: nodes are interned in tables of weak references
(core/interning.py), and mypyc 2.4.1 gives a native class no weak-reference support
(mypyc/mypyc#1102).  :func:`add_weakrefs` adds it to every node class of
``symdiff.core.expr``: a ``weaklist`` field in the object, the type's
``tp_weaklistoffset``, and ``PyObject_ClearWeakRefs`` first thing in the deallocator
(as CPython's own ``subtype_dealloc`` does, before any field is cleared), so a freed
node's entry is dropped by its callback.  If the text it patches is not found (another
mypyc), the build fails: the mypy version is pinned in :func:`dependencies`.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SWITCH = "SYMDIFF_COMPILE"  # "1": build the compiled wheel
MYPY = "mypy==2.4.1"  # the mypyc the weak-reference patch was written for (.ci/run pins it too)
NODE_PREFIX = "symdiff___core___expr___"  # mypyc's C names of symdiff.core.expr's classes

# A node struct: the header, then the field every node has (``children``, declared on Expr);
# the indentation is mypyc's (it differs with the number of modules compiled).
_STRUCT = re.compile(
    r"(typedef struct \{\n[ \t]*PyObject_HEAD\n[ \t]*CPyVTableItem \*vtable;\n"
    r"([ \t]*)PyObject \*_children;\n)((?:[ \t]+[^\n]*\n)*?)([ \t]*)\} (\w+Object);"
)


def _enabled() -> bool:
    return os.environ.get(SWITCH, "") == "1"


def add_weaklist_fields(header: str, prefix: str) -> str:
    """The C header with a ``weaklist`` field after ``_children`` in each node struct.

    The field sits at the same place in every node class (right after the base class's
    one field), so a subclass's layout still starts with its base's.

    >>> c = '''typedef struct {
    ...     PyObject_HEAD
    ...     CPyVTableItem *vtable;
    ...     PyObject *_children;
    ... } symdiff___core___expr___ExprObject;
    ... '''
    >>> print(add_weaklist_fields(c, "symdiff___core___expr___"))
    typedef struct {
        PyObject_HEAD
        CPyVTableItem *vtable;
        PyObject *_children;
        PyObject *weaklist;
    } symdiff___core___expr___ExprObject;
    <BLANKLINE>
    """

    def field(match: re.Match[str]) -> str:
        head, indent, rest, close, name = match.groups()
        if not name.startswith(prefix):
            return match.group(0)
        return f"{head}{indent}PyObject *weaklist;\n{rest}{close}}} {name};"

    return _STRUCT.sub(field, header)


def add_weakrefs(build: Path, prefix: str) -> list[str]:
    """Patch mypyc's C files in ``build``: weak references to the classes named ``prefix*``.

    Returns the patched struct names; raises ``RuntimeError`` if any part is missing.
    """
    structs: list[str] = []
    for header in build.glob("__native_*.h"):
        text = header.read_text()
        patched = add_weaklist_fields(text, prefix)
        patched_struct = (
            rf"PyObject \*weaklist;\n(?:[ \t]+[^\n]*\n)*?[ \t]*\}} ({prefix}\w+Object);"
        )
        structs += re.findall(patched_struct, patched)
        header.write_text(patched)
    if f"{prefix}ExprObject" not in structs:
        raise RuntimeError(f"mypyc's C output changed: no node structs {prefix}* found")
    done: dict[str, int] = dict.fromkeys(structs, 0)
    for source in build.glob("__native_*.c"):
        text = source.read_text()
        for struct in structs:
            # the type: where its weak references are
            size = re.compile(rf"\n([ \t]*)\.tp_basicsize = sizeof\({struct}\),\n")
            text, count = size.subn(
                rf"\g<0>\1.tp_weaklistoffset = offsetof({struct}, weaklist),\n", text
            )
            done[struct] += count
            # the deallocator: clear weak references before any field
            dealloc = re.compile(
                rf"\n[ \t]*\w+_dealloc\({struct} \*self\)\n[ \t]*\{{\n"
                rf"[ \t]*PyObject_GC_UnTrack\(self\);\n([ \t]*)CPy_TRASHCAN_BEGIN\(self, \w+\)\n"
            )
            text, count = dealloc.subn(
                r"\g<0>\1if (self->weaklist != NULL) PyObject_ClearWeakRefs((PyObject *)self);\n",
                text,
            )
            done[struct] += 2 * count
        source.write_text(text)
    wrong = sorted(s for s, n in done.items() if n != 3)
    if wrong:
        raise RuntimeError(f"mypyc's C output changed: could not patch {', '.join(wrong)}")
    return structs


class CompiledBuildHook(BuildHookInterface):  # type: ignore[misc]  # hatchling: untyped
    """Compiles the hot modules into the wheel when ``SYMDIFF_COMPILE=1``."""

    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        """What the compiled build needs (mypyc, a C build, the package's own imports)."""
        if not _enabled():
            return []
        return [MYPY, "setuptools>=70", "lark>=1.1", "mpmath>=1.3", "numpy"]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the modules; the wheel gets the extensions and a platform tag."""
        if self.target_name != "wheel" or version == "editable" or not _enabled():
            return
        from mypyc.build import mypycify
        from setuptools import Distribution

        modules: list[str] = self.config["modules"]
        root = Path(self.root)
        work = Path(tempfile.mkdtemp(prefix="symdiff-mypyc-"))
        self._work = work
        here = Path.cwd()
        os.chdir(root)  # mypyc names the modules by their paths from the project root
        try:
            extensions = mypycify(modules, opt_level="3", target_dir=str(work / "c"))
            structs = add_weakrefs(work / "c", NODE_PREFIX)
            print(f"symdiff: weak references added to {len(structs)} node classes",
                  file=sys.stderr)
            where = {"build_lib": str(work / "lib"), "build_temp": str(work / "tmp")}
            dist = Distribution(
                {"name": "symdiff", "ext_modules": extensions, "options": {"build_ext": where}}
            )
            dist.run_command("build_ext")
        finally:
            os.chdir(here)
        built = sorted(p for p in (work / "lib").rglob("*") if p.suffix in (".so", ".pyd"))
        if len(built) < len(modules):
            raise RuntimeError(f"mypyc built {len(built)} extensions for {len(modules)} modules")
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(work / "lib").as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the C sources and objects."""
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
