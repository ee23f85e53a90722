//! `redlint lsp` from outside: the real binary, JSON-RPC with Content-Length framing over its
//! stdin and stdout. Every read has a timeout, so a hung server fails the test instead of
//! hanging it.
//!
//! Expected positions are computed here, independently of the library: byte offsets found
//! with `str::find`, columns counted with `encode_utf16` or `len`.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

mod lsp_support;
use lsp_support::{Expected, NOTE, assert_fixture_covers, expected};

const TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Unit {
    Utf8,
    Utf16,
}

struct Client {
    child: Child,
    stdin: ChildStdin,
    inbox: Receiver<Value>,
    /// Everything received that no wait has consumed yet.
    seen: Vec<Value>,
    next_id: i64,
    /// What the client answers to `workspace/configuration`.
    configuration: Value,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_redlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the binary starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, inbox) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return; // the server closed stdout
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = Some(n.parse::<usize>().expect("a length"));
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                reader.read_exact(&mut body).expect("a whole body");
                let value: Value = serde_json::from_slice(&body).expect("a JSON body");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            inbox,
            seen: Vec::new(),
            next_id: 0,
            configuration: Value::Null,
        }
    }

    fn send(&mut self, msg: Value) {
        let body = serde_json::to_string(&msg).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("the server reads");
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let resp = self.wait(&format!("the response to {method}"), |m| {
            m["id"] == id && m.get("method").is_none()
        });
        assert!(resp.get("error").is_none(), "{method} failed: {resp}");
        resp["result"].clone()
    }

    /// Waits for the first message (already seen or to come) that satisfies `pred`, answering
    /// the server's own requests meanwhile.
    fn wait(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&pred) {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = match self.inbox.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}; seen: {:#?}", self.seen),
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed stdout while we waited for {what}"),
            };
            if msg.get("method").is_some() && msg.get("id").is_some() {
                let result = match msg["method"].as_str() {
                    Some("workspace/configuration") => json!([self.configuration]),
                    _ => Value::Null,
                };
                let id = msg["id"].clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": result}));
            }
            if pred(&msg) {
                return msg;
            }
            self.seen.push(msg);
        }
    }

    fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let msg = self.wait(&format!("diagnostics of {uri} version {version:?}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == v)
        });
        msg["params"]["diagnostics"].as_array().expect("a list").clone()
    }

    fn initialize(&mut self, capabilities: Value, root: &Path, options: Value) -> Value {
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": file_uri(root),
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    /// shutdown, exit, and the process's exit code.
    fn finish(mut self) -> Option<i32> {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit after shutdown and exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // a failed test must not leave a server behind
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn file_uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.display().to_string().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn workspace(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("redlint-lsp-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// 0-based line and column of byte `at` in `text`, counted here without the library.
fn position(text: &str, at: usize, unit: Unit) -> (u64, u64) {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..at];
    let col = match unit {
        Unit::Utf8 => before.len(),
        Unit::Utf16 => before.encode_utf16().count(),
    };
    (text[..at].matches('\n').count() as u64, col as u64)
}

/// Byte offset of an LSP position, counted here without the library.
fn offset(text: &str, line: u64, col: u64, unit: Unit) -> usize {
    let line_start = if line == 0 {
        0
    } else {
        text.match_indices('\n')
            .nth(line as usize - 1)
            .expect("the line exists")
            .0
            + 1
    };
    let mut seen = 0;
    for (i, c) in text[line_start..].char_indices() {
        if seen == col as usize {
            return line_start + i;
        }
        assert!(seen < col as usize, "column {col} is inside a character");
        seen += match unit {
            Unit::Utf8 => c.len_utf8(),
            Unit::Utf16 => c.len_utf16(),
        };
    }
    assert_eq!(seen, col as usize, "column past the end");
    text.len()
}

/// The diagnostics are exactly the library's violations, each range on exactly its characters
/// (converted back to bytes here, independently).
fn check_ranges(text: &str, diagnostics: &[Value], unit: Unit) -> Vec<Expected> {
    let want = expected(text);
    let mut got: Vec<(String, usize, usize)> = diagnostics
        .iter()
        .map(|d| {
            let r = &d["range"];
            let at = |p: &Value| {
                offset(
                    text,
                    p["line"].as_u64().unwrap(),
                    p["character"].as_u64().unwrap(),
                    unit,
                )
            };
            (d["code"].as_str().unwrap().to_owned(), at(&r["start"]), at(&r["end"]))
        })
        .collect();
    got.sort();
    let mut w: Vec<(String, usize, usize)> = want.iter().map(|e| (e.rule.clone(), e.start, e.end)).collect();
    w.sort();
    assert_eq!(got, w, "{diagnostics:#?}");
    for d in diagnostics {
        assert_eq!(d["source"], "redlint");
    }
    want
}

fn range_at(text: &str, start: usize, end: usize, unit: Unit) -> Value {
    let (l0, c0) = position(text, start, unit);
    let (l1, c1) = position(text, end, unit);
    json!({"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}})
}

#[test]
fn utf16_session_open_change_fix_allow_close() {
    let root = workspace("utf16");
    let uri = file_uri(&root.join("笔记 1.md"));
    let mut c = Client::start();
    let caps = json!({"textDocument": {"publishDiagnostics": {"relatedInformation": true}}});
    let init = c.initialize(caps, &root, Value::Null);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(
        init["capabilities"]["textDocumentSync"]["change"], 2,
        "incremental sync"
    );
    assert_eq!(init["serverInfo"]["name"], "redlint");

    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": NOTE}}),
    );
    let ds = c.diagnostics(&uri, Some(1));
    let found = check_ranges(NOTE, &ds, Unit::Utf16);
    assert_fixture_covers(NOTE, &found);
    // by hand, once: 加我微信 follows 这是 (2 units), the family (8), 全网最好用的面霜， (9)
    let o301 = ds.iter().find(|d| d["code"] == "O301").expect("the WeChat contact");
    assert_eq!(o301["range"]["start"], json!({"line": 5, "character": 19}));
    assert_eq!(o301["range"]["end"], json!({"line": 5, "character": 23}));
    assert_eq!(o301["severity"], 1, "an error");
    // the basis as related information, pointing at the same place
    let related = &o301["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri.as_str());
    assert_eq!(related["location"]["range"], o301["range"]);
    assert!(
        related["message"].as_str().unwrap().starts_with("依据 / Basis: "),
        "{related}"
    );
    // both languages by default
    assert!(o301["message"].as_str().unwrap().contains(" / "), "{o301}");

    // incremental, two changes in one didChange: 🙂 before the fixable term, and the CRLF
    // line's 今天 replaced with 明天 (a range after two surrogate pairs)
    let fixable = found.iter().find(|e| e.fix.is_some()).unwrap().clone();
    let mut text = NOTE.to_owned();
    let (l, col) = position(&text, fixable.start, Unit::Utf16);
    let insert =
        json!({"range": {"start": {"line": l, "character": col}, "end": {"line": l, "character": col}}, "text": "🙂"});
    text.insert(fixable.start, '🙂');
    let at = text.find("今天").unwrap();
    let replace = json!({"range": range_at(&text, at, at + "今天".len(), Unit::Utf16), "text": "明天"});
    text.replace_range(at..at + "今天".len(), "明天");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [insert, replace]}),
    );
    let ds = c.diagnostics(&uri, Some(2));
    let found = check_ranges(&text, &ds, Unit::Utf16);
    let moved = found
        .iter()
        .find(|e| e.matched == fixable.matched)
        .expect("still there");
    assert_eq!(position(&text, moved.start, Unit::Utf16).1, col + 2, "moved by the 🙂");

    // a range spanning lines, deleting the CRLF line break: the body's last line moves up
    let at = text.find("\r\n这是").unwrap();
    let (l0, c0) = position(&text, at, Unit::Utf16);
    let change =
        json!({"range": {"start": {"line": l0, "character": c0}, "end": {"line": l0 + 1, "character": 0}}, "text": ""});
    text.replace_range(at..at + 2, "");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [change]}),
    );
    let ds = c.diagnostics(&uri, Some(3));
    let found = check_ranges(&text, &ds, Unit::Utf16);

    // code actions with the cursor inside the fixable term: the quick fix, preferred, and allow
    let fixable = found.iter().find(|e| e.fix.is_some()).unwrap().clone();
    let inside = fixable.start + fixable.matched.chars().next().unwrap().len_utf8();
    let (l, col) = position(&text, inside, Unit::Utf16);
    let cursor = json!({"line": l, "character": col});
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": cursor, "end": cursor}, "context": {"diagnostics": []}}),
    );
    let actions = actions.as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["edit"].is_object())
        .unwrap_or_else(|| panic!("a quick fix in {actions:#?}"));
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    let edit = &fix["edit"]["changes"][uri.as_str()][0];
    assert_eq!(edit["newText"], fixable.fix.as_deref().unwrap());
    assert_eq!(edit["range"], range_at(&text, fixable.start, fixable.end, Unit::Utf16));
    assert_eq!(fix["diagnostics"][0]["code"], fixable.rule.as_str());
    let allow = actions
        .iter()
        .find(|a| a["command"]["command"] == "redlint.allow")
        .unwrap_or_else(|| panic!("an allow action in {actions:#?}"));
    assert_eq!(allow["command"]["arguments"][0]["term"], fixable.matched.as_str());

    // carry out the allow action as a client does: workspace/executeCommand
    let config = root.join("redlint.toml");
    assert!(!config.exists());
    let result = c.request("workspace/executeCommand", allow["command"].clone());
    assert_eq!(result, Value::Null);
    let written = std::fs::read_to_string(&config).expect("redlint.toml written");
    assert!(
        written.contains(&format!("allow = [\"{}\"]", fixable.matched)),
        "{written}"
    );
    // the documents are linted again with the term allowed
    let gone = |m: &Value| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.len() == found.len() - 1)
    };
    let msg = c.wait("diagnostics without the allowed term", gone);
    let ds = msg["params"]["diagnostics"].as_array().unwrap();
    assert!(ds.iter().all(|d| d["range"] != edit["range"]), "{ds:#?}");
    // allowing it again changes nothing in the file
    c.request("workspace/executeCommand", allow["command"].clone());
    assert_eq!(std::fs::read_to_string(&config).unwrap(), written);
    // the user takes it out again by hand; a save makes the server read the file again
    c.seen.retain(|m| m["method"] != "textDocument/publishDiagnostics");
    std::fs::write(&config, "allow = []  # nothing\n").unwrap();
    c.notify("textDocument/didSave", json!({"textDocument": {"uri": uri}}));
    c.wait("all diagnostics again", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.len() == found.len())
    });

    c.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    let msg = c.wait("cleared diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["diagnostics"] == json!([])
    });
    assert_eq!(msg["params"]["uri"], uri.as_str());
    assert_eq!(c.finish(), Some(0));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn utf8_when_the_client_offers_it() {
    let root = workspace("utf8");
    let uri = file_uri(&root.join("note.txt"));
    let mut c = Client::start();
    let caps = json!({"general": {"positionEncodings": ["utf-16", "utf-8"]}});
    let init = c.initialize(caps, &root, Value::Null);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 7, "text": NOTE}}),
    );
    let ds = c.diagnostics(&uri, Some(7));
    check_ranges(NOTE, &ds, Unit::Utf8);
    let o301 = ds.iter().find(|d| d["code"] == "O301").expect("the WeChat contact");
    assert_eq!(
        o301["range"]["start"],
        json!({"line": 5, "character": 51}),
        "这是 (6 bytes) + the family (18) + 全网最好用的面霜， (27)"
    );
    // without relatedInformation support the basis ends the message
    assert!(o301["message"].as_str().unwrap().contains("Basis: "), "{o301}");
    assert!(o301.get("relatedInformation").is_none());

    // an edit in bytes: replace 加我微信 with 🙂
    let mut text = NOTE.to_owned();
    let at = text.find("加我微信").unwrap();
    let r = range_at(&text, at, at + "加我微信".len(), Unit::Utf8);
    text.replace_range(at..at + "加我微信".len(), "🙂");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 8}, "contentChanges": [{"range": r, "text": "🙂"}]}),
    );
    let ds = c.diagnostics(&uri, Some(8));
    check_ranges(&text, &ds, Unit::Utf8);
    assert!(ds.iter().all(|d| d["code"] != "O301"));
    // a whole-document change
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 9}, "contentChanges": [{"text": "👍🏽加我微信"}]}),
    );
    let ds = c.diagnostics(&uri, Some(9));
    let found = check_ranges("👍🏽加我微信", &ds, Unit::Utf8);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(ds[0]["range"]["start"]["character"], 8);
    assert_eq!(c.finish(), Some(0));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn settings_from_the_client_and_a_bad_pack_keeps_the_rules() {
    let root = workspace("settings");
    let uri = file_uri(&root.join("n.md"));
    let text = "这款面霜是全网最好用的，加我微信";
    let all = expected(text);
    assert!(
        all.iter().any(|e| e.rule == "B101") && all.iter().any(|e| e.rule == "O301"),
        "{all:?}"
    );
    let mut c = Client::start();
    c.configuration = json!({"lang": "en", "disable": ["B101"]});
    // settings under "redlint" in initializationOptions; the server also pulls
    // workspace/configuration, which answers the same
    let caps = json!({"workspace": {"configuration": true}});
    c.initialize(caps, &root, json!({"redlint": {"lang": "en", "disable": ["B101"]}}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let ds = c.diagnostics(&uri, Some(1));
    assert_eq!(ds.len(), all.len() - 1, "{ds:#?}");
    assert!(ds.iter().all(|d| d["code"] != "B101"), "{ds:#?}");
    let o301 = ds.iter().find(|d| d["code"] == "O301").unwrap();
    assert!(o301["message"].as_str().unwrap().starts_with("Off-platform"), "{o301}");

    // a pack that does not exist: an error message, and the previous linter stays
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"redlint": {"lang": "en", "disable": ["B101"], "packs": ["missing.toml"]}}}),
    );
    let shown = c.wait("an error message", |m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 1);
    assert!(
        shown["params"]["message"].as_str().unwrap().contains("missing.toml"),
        "{shown}"
    );

    // back to good settings: Chinese, sponsored, every rule on
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"lang": "zh", "sponsored": true}}),
    );
    let msg = c.wait("every diagnostic again", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.len() == all.len())
    });
    let ds = msg["params"]["diagnostics"].as_array().unwrap();
    assert!(
        ds.iter().all(|d| d["message"].as_str().unwrap().contains("依据")),
        "{ds:#?}"
    );
    let b101 = ds.iter().find(|d| d["code"] == "B101").expect("B101 is back");
    // the severity a sponsored note gets
    let want = match redlint::Linter::builtin().rule("B101").unwrap().sponsored_severity {
        redlint::Severity::Error => 1,
        redlint::Severity::Warning => 2,
        redlint::Severity::Info => 3,
    };
    assert_eq!(b101["severity"], want, "{b101}");
    assert_eq!(c.finish(), Some(0));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn exit_without_shutdown_is_code_1_and_garbage_does_not_kill_it() {
    let root = workspace("exit");
    let mut c = Client::start();
    c.initialize(json!({}), &root, Value::Null);
    // bad params and an unknown request get answers, not a crash
    c.notify("textDocument/didOpen", json!({"textDocument": 3}));
    c.next_id += 1;
    let id = c.next_id;
    c.send(json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {}}));
    let resp = c.wait("an error response", |m| m["id"] == id);
    assert_eq!(resp["error"]["code"], -32601);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///nowhere", "version": 2}, "contentChanges": []}),
    );
    c.notify("exit", Value::Null);
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(s) = c.child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "no exit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&root);
}

/// `--format line` through the VS Code problem matcher that the README gives (its pattern is
/// read from the README itself), with positions counted here.
#[test]
fn line_format_matches_the_readme_problem_matcher() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.trim_start().starts_with("\"regexp\": "))
        .expect("a problem matcher in the README");
    let quoted = line.trim().trim_start_matches("\"regexp\": ").trim_end_matches(',');
    let pattern: String = serde_json::from_str(quoted).expect("a JSON string");
    let re = regex::Regex::new(&pattern).expect("a valid pattern");

    let dir = workspace("matcher");
    std::fs::write(dir.join("note.md"), NOTE).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_redlint"))
        .args(["check", "--format", "line", "--lang", "en", "note.md"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let found = expected(NOTE);
    assert_eq!(text.lines().count(), found.len(), "{text}");
    let severities: Vec<String> = {
        let note = redlint::Note::from_text(NOTE).unwrap().note;
        redlint::Linter::builtin()
            .lint(&note)
            .iter()
            .map(|v| v.severity.to_string())
            .collect()
    };
    for (e, severity) in found.iter().zip(&severities) {
        let line = text
            .lines()
            .find(|l| l.ends_with(&format!("[{}]", e.rule)) && l.contains(&format!(": {}) [", e.matched)))
            .unwrap_or_else(|| panic!("{} in {text}", e.rule));
        let m = re
            .captures(line)
            .unwrap_or_else(|| panic!("the problem matcher reads {line}"));
        assert_eq!(&m[1], "note.md");
        // the line of the file and the column in characters, in the body as in the front matter
        let line_start = NOTE[..e.start].rfind('\n').map_or(0, |i| i + 1);
        let want_line = NOTE[..e.start].matches('\n').count() + 1;
        let want_col = NOTE[line_start..e.start].chars().count() + 1;
        assert_eq!(
            (m[2].parse::<usize>().unwrap(), m[3].parse::<usize>().unwrap()),
            (want_line, want_col),
            "{line}"
        );
        assert_eq!(&m[4], severity.as_str());
        assert_eq!(&m[6], e.rule.as_str());
        assert!(!m[5].is_empty() && !m[5].ends_with(' '), "{line}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_campaign_brief_shows_what_is_still_missing_as_you_type() {
    let root = workspace("brief");
    std::fs::write(
        root.join("brief.toml"),
        "[brief]\ntitle = [\"面霜\"]\nhashtags = [\"秋冬护肤\"]\nforbidden = [\"某竞品\"]\n",
    )
    .unwrap();
    std::fs::write(root.join("redlint.toml"), "brief = \"brief.toml\"\n").unwrap();
    let uri = file_uri(&root.join("n.md"));
    let text = "---\ntitle: 秋冬分享\n---\n比某竞品好用\n";
    let mut c = Client::start();
    c.initialize(json!({}), &root, Value::Null);
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let ds = c.diagnostics(&uri, Some(1));
    let mut codes: Vec<&str> = ds.iter().map(|d| d["code"].as_str().unwrap()).collect();
    codes.sort();
    assert_eq!(codes, ["C601", "C604", "C606"], "{ds:#?}");
    let forbidden = ds.iter().find(|d| d["code"] == "C606").unwrap();
    let at = text.find("某竞品").unwrap();
    assert_eq!(forbidden["range"], range_at(text, at, at + "某竞品".len(), Unit::Utf16));
    // the missing hashtag: a quick fix that appends it at the end of the body
    let end = position(text, text.len(), Unit::Utf16);
    let cursor = json!({"line": end.0, "character": end.1});
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": cursor, "end": cursor}, "context": {"diagnostics": []}}),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["edit"].is_object() && a["title"].as_str().unwrap_or("").contains("秋冬护肤"))
        .unwrap_or_else(|| panic!("a quick fix adding the hashtag in {actions:#?}"));
    let edit = &fix["edit"]["changes"][uri.as_str()][0];
    assert_eq!(edit["newText"], "#秋冬护肤");
    // typing the title keyword and the hashtag: those diagnostics go, the forbidden name stays
    let typed = "---\ntitle: 秋冬面霜分享\n---\n比某竞品好用\n#秋冬护肤\n";
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": typed}]}),
    );
    let ds = c.diagnostics(&uri, Some(2));
    let codes: Vec<&str> = ds.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["C606"], "{ds:#?}");
    assert_eq!(c.finish(), Some(0));
    let _ = std::fs::remove_dir_all(&root);
}
