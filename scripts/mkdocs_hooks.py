"""MkDocs hook (mkdocs.yml ``hooks:``): docstrings written for doctest and Sphinx read well
as Markdown.

The docstrings hold doctests (``>>> ...`` and their output) as plain paragraphs, as
doctest wants them. Rendered as Markdown, an output such as ``[('LA', 'L10')]`` would read
as a link; this hook fences every run of doctest lines outside a fence as a ``pycon``
block, and shows a Sphinx role (``:func:`caopo.salary```, ``:class:`~caopo.errors.X```) as
the code it names, for the API pages (mkdocstrings) and the chapters alike.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

FENCES = ("```", "~~~")
ROLE = re.compile(r":(?:func|class|mod|data|meth|attr|exc|obj):`(~?)([\w.]+)`")


def _role(match: re.Match[str]) -> str:
    name = match[2].rpartition(".")[2] if match[1] else match[2]
    return f"`{name}`"


def fence_doctests(lines: list[str]) -> list[str]:
    """*lines* with each run of doctest lines (from ``>>>`` to the next blank line) that is
    not already inside a fence wrapped in a ``pycon`` fence at its own indentation, and,
    outside fences, each Sphinx role replaced by the code it names.

    >>> fence_doctests(["Text.", ">>> f()", "[('a', 1)]", "", "More."])
    ['Text.', '', '```pycon', '>>> f()', "[('a', 1)]", '```', '', 'More.']
    >>> fence_doctests(["See :func:`caopo.salary` and :class:`~caopo.errors.CaopoError`."])
    ['See `caopo.salary` and `CaopoError`.']
    """
    out: list[str] = []
    fenced = False
    indent: str | None = None
    for line in lines:
        stripped = line.lstrip()
        if indent is not None and not stripped:
            out.append(f"{indent}```")
            indent = None
        if indent is None and stripped.startswith(FENCES):
            fenced = not fenced
        elif indent is None and not fenced and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out += ["", f"{indent}```pycon"]
        elif indent is None and not fenced:
            line = ROLE.sub(_role, line)
        out.append(line)
    if indent is not None:
        out.append(f"{indent}```")
    return out


class _DoctestFences(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return fence_doctests(lines)


class DoctestFences(Extension):
    """The Markdown extension that runs :func:`fence_doctests` before anything else."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_DoctestFences(md), "caopo_doctest_fences", 40)


def on_config(config: Any) -> Any:
    """Add the extension to the site's Markdown, which mkdocstrings renders with too."""
    config.markdown_extensions.append(DoctestFences())
    return config
