"""Mutants mutmut does not make, written by hand: each replaces one text of a module with
another in a plain copy of the package, and names the tests that must then fail.

mutmut 3 mutates expressions inside functions; it never touches a class body (the defaults of
the request limits are `Settings` fields) and never deletes a statement (a `sort`, a `continue`,
a check that raises). These are the ones the rules of the limits, the compiler, the frame
definitions and the checks depend on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HandMutant:
    name: str
    path: str
    """The module, under service/jobframe/."""
    old: str
    """Text that occurs exactly once in the module."""
    new: str
    tests: tuple[str, ...]


LIMIT_TESTS = (
    "tests/web/test_limits.py",
    "tests/api/test_limits.py",
    "tests/test_settings.py",
)

DEFAULTS = {
    "max_depth": ("_setting(12,", "11", "13"),
    "max_aliases": ("_setting(20,", "19", "21"),
    "max_tokens": ("_setting(2000,", "1999", "2001"),
    "max_body_bytes": ("        100_000,", "99_999", "100_001"),
    "time_budget": ("        10.0,", "9.0", "11.0"),
}
"""Setting -> how its default is written in settings.py, then the values tried instead."""


def _default(name: str, written: str, value: str) -> HandMutant:
    default = written.strip().removeprefix("_setting(").removesuffix(",")
    return HandMutant(
        f"hand:settings.{name}={value}",
        "settings.py",
        written,
        written.replace(default, value),
        LIMIT_TESTS,
    )


MUTANTS: tuple[HandMutant, ...] = (
    *(
        _default(name, written, value)
        for name, (written, *values) in DEFAULTS.items()
        for value in values
    ),
    HandMutant(
        "hand:compiler.responsibilities-unsorted",
        "canon/compiler.py",
        "        responsibilities.sort(key=lambda x: (x.order, x.iri))\n",
        "",
        ("tests/canon/test_compiler.py",),
    ),
    HandMutant(
        "hand:compiler.rubric-unsorted",
        "canon/compiler.py",
        "        rubric.sort(key=lambda x: (x.dimension.label, x.iri))\n",
        "",
        ("tests/canon/test_compiler.py",),
    ),
    HandMutant(
        "hand:model.page-text-without-breadcrumb",
        "frames/model.py",
        "header = (self.heading.text, self.breadcrumb.text, self.notice)",
        "header = (self.heading.text, self.notice)",
        ("tests/frames/test_golden.py",),
    ),
    HandMutant(
        "hand:model.page-text-without-notice",
        "frames/model.py",
        "header = (self.heading.text, self.breadcrumb.text, self.notice)",
        "header = (self.heading.text, self.breadcrumb.text)",
        ("tests/frames/test_golden.py",),
    ),
    HandMutant(
        "hand:rules.unknown-bindings-allowed",
        "frames/rules.py",
        "        if unknown:\n",
        "        if False:\n",
        ("tests/frames/test_rules.py",),
    ),
    HandMutant(
        "hand:patterns.any-slot-allowed",
        "frames/patterns.py",
        '                if spec or conversion or "." not in name:\n',
        "                if False:\n",
        ("tests/frames/test_patterns.py", "tests/frames/test_rules.py"),
    ),
    HandMutant(
        "hand:patterns.formatted-slot-allowed",
        "frames/patterns.py",
        '                if spec or conversion or "." not in name:\n',
        '                if "." not in name:\n',
        ("tests/frames/test_patterns.py", "tests/frames/test_rules.py"),
    ),
    HandMutant(
        "hand:patterns.unknown-placeholder-unexplained",
        "frames/patterns.py",
        "        try:\n            pieces.append(Placeholder(match.group(1)))\n"
        "        except ValueError:\n"
        '            raise ValueError(f"unknown placeholder {match.group(0)} in {pattern!r}")'
        " from None\n",
        "        pieces.append(Placeholder(match.group(1)))\n",
        ("tests/frames/test_patterns.py", "tests/frames/test_rules.py"),
    ),
    HandMutant(
        "hand:patterns.produced-always",
        "frames/patterns.py",
        "    def produced(self, line: Line) -> bool:\n",
        "    def produced(self, line: Line) -> bool:\n        return True\n",
        ("tests/frames/test_patterns.py",),
    ),
    HandMutant(
        "hand:lineage.rdf-type-checked-as-reference",
        "checks/lineage.py",
        "            if prop == RDF_TYPE:\n                continue\n",
        "",
        ("tests/checks/test_lineage.py",),
    ),
    HandMutant(
        "hand:status.incomplete-only-ignored",
        "api/types/status.py",
        "            rows = tuple(r for r in rows if not r.complete)\n",
        "            pass\n",
        ("tests/api/test_canon_status.py",),
    ),
)
