"""MkDocs hook (mkdocs.yml ``hooks:``): doctest examples in docstrings render as code.

The docstrings hold doctests (``>>> ...`` and their output) as plain paragraphs, as
doctest wants them. Rendered as Markdown, an output such as ``[('LA', 'L10')]`` would read
as a link; this hook fences every run of doctest lines outside a fence as a ``pycon``
block, for the API pages (mkdocstrings) and the chapters alike.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

FENCES = ("```", "~~~")


def fence_doctests(lines: list[str]) -> list[str]:
    """*lines* with each run of doctest lines (from ``>>>`` to the next blank line) that is
    not already inside a fence wrapped in a ``pycon`` fence at its own indentation.

    >>> fence_doctests(["Text.", ">>> f()", "[('a', 1)]", "", "More."])
    ['Text.', '', '```pycon', '>>> f()', "[('a', 1)]", '```', '', 'More.']
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
