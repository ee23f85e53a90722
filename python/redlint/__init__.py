"""redlint: lint Xiaohongshu (小红书, RED) notes before they are published.

The same Rust engine as the ``redlint`` command, in-process::

    import redlint

    linter = redlint.Linter()                       # the builtin rule packs, compiled once
    for v in linter.lint({"title": "面霜测评", "body": "全网最好用，加我薇信"}):
        print(v.rule, v.severity, v.field, v.start, v.end, v.matched, v.message["en"])

    linter.lint(body="全网最低价", sponsored=True)     # keyword fields
    linter.lint_many(notes, threads=4)               # many notes, all cores, GIL released
    redlint.rules(); print(redlint.explain("B101"))

A note is a dict with ``title``, ``body``, ``tags``, ``sponsored`` (all optional, unknown keys
ignored), or a string, which is always a body (``"{限时}全场包邮"`` too). JSON text is read only
when asked: :meth:`Linter.lint_json` for one note object, :func:`lint_jsonl` for JSONL. A :class:`Violation` has the fields
of the command's JSONL contract: ``rule``, ``name``, ``category``, ``severity``, ``field``,
``start``/``end`` (byte offsets into the field's original UTF-8 text), ``line``/``column``
(1-based, column in characters), ``matched``, ``message`` (``{"zh", "en"}``), ``basis``,
``suggestions``, and ``reading``, ``context``, ``item`` when they apply; ``to_dict()`` gives
that JSON object. A pack, config or brief that cannot be used raises :class:`RedlintError`
with the command line's message (file, rule, line).

Spark: :func:`redlint.spark.lint_dataframe`.
"""

from __future__ import annotations

from typing import Iterable, Iterator, List, Optional

from ._redlint import Linter, RedlintError, Violation, __version__, explain, rules
from ._redlint import run_cli as _run_cli

__all__ = [
    "Linter",
    "RedlintError",
    "Violation",
    "__version__",
    "explain",
    "lint",
    "lint_jsonl",
    "rules",
    "main",
]

_DEFAULT: Optional[Linter] = None


def _default() -> Linter:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Linter()
    return _DEFAULT


def lint(note=None, **fields) -> List[Violation]:
    """Lints one note with the builtin packs (see :meth:`Linter.lint`)."""
    return _default().lint(note, **fields)


def lint_jsonl(
    lines: Iterable[str], linter: Optional[Linter] = None, threads: Optional[int] = None
) -> Iterator[dict]:
    """Lints JSONL text (one note object per line) and yields, per line, what the command's
    ``--format jsonl`` writes: ``{"id", "line", "violations": [...]}``, or ``{"id", "line",
    "error"}`` for a line that is not a note (the other lines are still checked)."""
    import json

    linter = linter or _default()
    batch, meta = [], []

    def flush():
        results = linter.lint_many([n for n in batch], threads=threads)
        for (line, note_id), found in zip(meta, results):
            yield {"id": note_id, "line": line, "violations": [v.to_dict() for v in found]}
        batch.clear()
        meta.clear()

    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
            if not isinstance(obj, dict):
                raise ValueError("a JSON value that is not a note object")
        except ValueError as e:
            yield from flush()
            yield {"id": number, "line": number, "error": f"line {number}: {e}"}
            continue
        batch.append(obj)
        meta.append((number, obj.get("id", number)))
        if len(batch) >= 4096:
            yield from flush()
    yield from flush()


def main(argv: Optional[List[str]] = None) -> int:
    """The ``redlint`` command (the same as the binary): ``python -m redlint check note.md``."""
    import sys

    return _run_cli(["redlint", *(sys.argv[1:] if argv is None else argv)])
