//! `redlint lsp`: a language server over stdio that lints notes as they are typed.
//!
//! - Documents are plain-text or Markdown notes with the front matter `redlint check` reads;
//!   they are linted on open and on every change (incremental sync), cleared on close.
//! - Positions are UTF-8 when the client offers it (`general.positionEncodings`), else UTF-16,
//!   converted exactly both ways by [`redlint::LineIndex`].
//! - Code actions: each suggestion as a quick fix, and "allow this term in this workspace",
//!   which the server carries out (`redlint.allow`) by appending the term to `allow` in the
//!   workspace's `redlint.toml`.
//! - Settings come from `initializationOptions`, `workspace/didChangeConfiguration` and
//!   `workspace/configuration` (section `redlint`), and from `redlint.toml`.
//!
//! The loop never waits on anything slow: linting a note takes microseconds, and building a
//! linter (new settings, packs, allow-list) happens on a worker thread; documents keep being
//! linted with the previous linter until the new one is ready, and a linter that fails to
//! build is reported with `window/showMessage` and never replaces the working one.

mod allow;
pub mod document;
mod settings;
mod transport;
mod uri;

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use crossbeam_channel::{Receiver, Sender, select, unbounded};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability, DidChangeConfigurationParams,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, ExecuteCommandOptions,
    ExecuteCommandParams, MessageType, PositionEncodingKind, PublishDiagnosticsParams, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use redlint::{ColumnUnit, LineIndex};
use serde_json::{Value, json};

use document::{Checked, Options};
use settings::{Built, CONFIG_FILE, Inputs, Settings};

/// Arguments of `redlint lsp`.
#[derive(Debug, clap::Args)]
pub struct LspArgs {
    /// Talk over stdin and stdout (the only transport, and the default; accepted because some
    /// clients always pass it).
    #[arg(long)]
    stdio: bool,
}

/// Runs the server until the client says `exit` or closes stdin. 0 after `shutdown` then
/// `exit`, 1 otherwise (as the protocol asks).
pub fn run(_args: &LspArgs) -> Result<u8, String> {
    let (connection, io_threads) = transport::stdio();
    let end = serve(&connection);
    drop(connection);
    match end? {
        End::Shutdown => {
            io_threads.join()?;
            Ok(0)
        }
        End::ExitWithoutShutdown => Ok(1),
    }
}

enum End {
    Shutdown,
    ExitWithoutShutdown,
}

fn serve(conn: &Connection) -> Result<End, String> {
    let (id, params) = conn.initialize_start().map_err(|e| format!("lsp: {e}"))?;
    let caps = &params["capabilities"];
    let offers_utf8 = caps
        .pointer("/general/positionEncodings")
        .and_then(Value::as_array)
        .is_some_and(|list| list.iter().any(|e| e == "utf-8"));
    let (unit, encoding) = if offers_utf8 {
        (ColumnUnit::Utf8, PositionEncodingKind::UTF8)
    } else {
        (ColumnUnit::Utf16, PositionEncodingKind::UTF16)
    };
    let flag = |pointer: &str| caps.pointer(pointer).and_then(Value::as_bool).unwrap_or(false);
    let client = ClientCaps {
        related_information: flag("/textDocument/publishDiagnostics/relatedInformation"),
        pull_configuration: flag("/workspace/configuration"),
        watch_files: flag("/workspace/didChangeWatchedFiles/dynamicRegistration"),
    };
    let root = params
        .pointer("/workspaceFolders/0/uri")
        .or_else(|| params.get("rootUri"))
        .and_then(Value::as_str)
        .and_then(uri::to_path)
        .or_else(|| params.get("rootPath").and_then(Value::as_str).map(Into::into));
    let mut warnings = Vec::new();
    let settings = match params.get("initializationOptions").and_then(Settings::from_json) {
        Some((s, w)) => {
            warnings = w;
            s
        }
        None => Settings::default(),
    };
    let inputs = Inputs { settings, root };
    // the first linter is built before answering: the client waits for the answer anyway
    let (built, build_error) = match settings::build(&inputs) {
        Ok(b) => (b, None),
        Err(e) => (
            Built {
                linter: redlint::Linter::builtin_quick_start(),
                lang: inputs.settings.lang,
                sponsored: inputs.settings.sponsored,
            },
            Some(e),
        ),
    };
    let capabilities = ServerCapabilities {
        position_encoding: Some(encoding.clone()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            // a save is when redlint.toml is looked at again (for clients that do not watch files)
            save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            ..TextDocumentSyncOptions::default()
        })),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![document::ALLOW_COMMAND.to_owned()],
            ..ExecuteCommandOptions::default()
        }),
        ..ServerCapabilities::default()
    };
    let result = json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo { name: "redlint".to_owned(), version: Some(env!("CARGO_PKG_VERSION").to_owned()) },
    });
    conn.initialize_finish(id, result).map_err(|e| format!("lsp: {e}"))?;

    let (build_tx, build_rx) = unbounded();
    let config_seen = config_stamp(&inputs);
    let mut server = Server {
        config_seen,
        conn,
        unit,
        client,
        inputs,
        built,
        documents: HashMap::new(),
        build_tx,
        generation: 0,
        next_id: 0,
        pending: HashMap::new(),
    };
    server.log(
        MessageType::INFO,
        &format!(
            "redlint {} language server: position encoding {}, workspace {}",
            env!("CARGO_PKG_VERSION"),
            encoding.as_str(),
            server
                .inputs
                .root
                .as_ref()
                .map_or("(none)".to_owned(), |r| r.display().to_string())
        ),
    );
    for w in warnings {
        server.show(MessageType::WARNING, &format!("redlint: {w}"));
    }
    if let Some(e) = build_error {
        server.show(MessageType::ERROR, &format!("redlint: {e}; using the builtin rules"));
    }
    server.after_initialized();
    server.main_loop(&build_rx)
}

/// When and how big `redlint.toml` and the campaign brief were: a change means the linter
/// must be built again.
type Stamp = Vec<Option<(std::time::SystemTime, u64)>>;

fn config_stamp(inputs: &Inputs) -> Stamp {
    let stamp = |path: &std::path::Path| {
        let meta = std::fs::metadata(path).ok()?;
        Some((meta.modified().ok()?, meta.len()))
    };
    let config = inputs.config_path();
    let brief = match &inputs.settings.brief {
        Some(b) => inputs.root.as_ref().map(|r| r.join(b)),
        None => config
            .as_ref()
            .and_then(|c| redlint::Config::load(c).ok())
            .and_then(|c| c.brief.map(|b| b.0)),
    };
    [config, brief].iter().map(|p| p.as_deref().and_then(stamp)).collect()
}

struct ClientCaps {
    related_information: bool,
    pull_configuration: bool,
    watch_files: bool,
}

struct Document {
    text: String,
    version: i32,
    checked: Checked,
}

/// What a request the server sent to the client was for.
enum Pending {
    Configuration,
    Registration,
}

struct Server<'c> {
    conn: &'c Connection,
    unit: ColumnUnit,
    client: ClientCaps,
    inputs: Inputs,
    built: Built,
    documents: HashMap<Uri, Document>,
    build_tx: Sender<(u64, Result<Built, String>)>,
    /// The latest build asked for; older results are dropped.
    generation: u64,
    next_id: i32,
    pending: HashMap<RequestId, Pending>,
    /// `redlint.toml` as the latest build read it.
    config_seen: Stamp,
}

impl Server<'_> {
    fn main_loop(&mut self, builds: &Receiver<(u64, Result<Built, String>)>) -> Result<End, String> {
        loop {
            select! {
                recv(self.conn.receiver) -> msg => {
                    let Ok(msg) = msg else {
                        return Ok(End::ExitWithoutShutdown); // the client went away
                    };
                    if let Message::Request(req) = &msg {
                        if self.conn.handle_shutdown(req).map_err(|e| format!("lsp: {e}"))? {
                            return Ok(End::Shutdown);
                        }
                    }
                    if matches!(&msg, Message::Notification(n) if n.method == "exit") {
                        return Ok(End::ExitWithoutShutdown);
                    }
                    // a bug in one handler must not take the editor's diagnostics down with it
                    if catch_unwind(AssertUnwindSafe(|| self.handle(msg))).is_err() {
                        self.log(MessageType::ERROR, "redlint: internal error while handling a message (see stderr)");
                    }
                }
                recv(builds) -> built => {
                    if let Ok((generation, result)) = built {
                        self.on_built(generation, result);
                    }
                }
            }
        }
    }

    fn handle(&mut self, msg: Message) {
        match msg {
            Message::Request(req) => self.on_request(req),
            Message::Notification(n) => self.on_notification(n),
            Message::Response(resp) => self.on_response(resp),
        }
    }

    fn send(&self, msg: Message) {
        // the writer thread is gone only when the client is: the loop ends on the next receive
        let _ = self.conn.sender.send(msg);
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.to_owned(), params).into());
    }

    fn request(&mut self, method: &str, params: Value, what: Pending) {
        self.next_id += 1;
        let id = RequestId::from(format!("redlint-{}", self.next_id));
        self.pending.insert(id.clone(), what);
        self.send(Request::new(id, method.to_owned(), params).into());
    }

    fn show(&self, typ: MessageType, message: &str) {
        self.notify(
            "window/showMessage",
            ShowMessageParams {
                typ,
                message: message.to_owned(),
            },
        );
    }

    fn log(&self, typ: MessageType, message: &str) {
        self.notify("window/logMessage", json!({ "type": typ, "message": message }));
    }

    fn options(&self) -> Options {
        Options {
            lang: self.built.lang,
            unit: self.unit,
            related_information: self.client.related_information,
        }
    }

    fn after_initialized(&mut self) {
        if self.client.pull_configuration {
            self.request(
                "workspace/configuration",
                json!({ "items": [{ "section": "redlint" }] }),
                Pending::Configuration,
            );
        }
        if self.client.watch_files {
            let registration = json!({ "registrations": [{
                "id": "redlint-config",
                "method": "workspace/didChangeWatchedFiles",
                // redlint.toml, and a campaign brief (any name ending in .toml)
                "registerOptions": { "watchers": [{ "globPattern": "**/*.toml" }] },
            }]});
            self.request("client/registerCapability", registration, Pending::Registration);
        }
    }

    // ---- documents ----

    fn lint_and_publish(&mut self, uri: &Uri) {
        let options = self.options();
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        doc.checked = document::check(&self.built.linter, &doc.text, self.built.sponsored);
        let diagnostics = document::diagnostics(uri, &LineIndex::new(&doc.text), &doc.checked, &options);
        let params = PublishDiagnosticsParams::new(uri.clone(), diagnostics, Some(doc.version));
        self.notify("textDocument/publishDiagnostics", params);
    }

    fn relint_all(&mut self) {
        let uris: Vec<Uri> = self.documents.keys().cloned().collect();
        for uri in &uris {
            self.lint_and_publish(uri);
        }
    }

    // ---- notifications ----

    fn on_notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Some(p) = self.params::<DidOpenTextDocumentParams>(&n) else {
                    return;
                };
                let doc = Document {
                    text: p.text_document.text,
                    version: p.text_document.version,
                    checked: Checked::default(),
                };
                self.documents.insert(p.text_document.uri.clone(), doc);
                self.lint_and_publish(&p.text_document.uri);
                self.rebuild_if_config_changed();
            }
            "textDocument/didChange" => {
                let Some(p) = self.params::<DidChangeTextDocumentParams>(&n) else {
                    return;
                };
                let unit = self.unit;
                let Some(doc) = self.documents.get_mut(&p.text_document.uri) else {
                    self.log(
                        MessageType::WARNING,
                        "redlint: didChange for a document that is not open",
                    );
                    return;
                };
                for change in p.content_changes {
                    document::apply_change(&mut doc.text, change, unit);
                }
                doc.version = p.text_document.version;
                self.lint_and_publish(&p.text_document.uri);
            }
            "textDocument/didClose" => {
                let Some(p) = self.params::<DidCloseTextDocumentParams>(&n) else {
                    return;
                };
                self.documents.remove(&p.text_document.uri);
                let params = PublishDiagnosticsParams::new(p.text_document.uri, Vec::new(), None);
                self.notify("textDocument/publishDiagnostics", params);
            }
            "workspace/didChangeConfiguration" => {
                let Some(p) = self.params::<DidChangeConfigurationParams>(&n) else {
                    return;
                };
                match Settings::from_json(&p.settings) {
                    Some((settings, warnings)) => self.set_settings(settings, warnings),
                    // an empty push means "come and get it"
                    None if self.client.pull_configuration => self.request(
                        "workspace/configuration",
                        json!({ "items": [{ "section": "redlint" }] }),
                        Pending::Configuration,
                    ),
                    None => {}
                }
            }
            // redlint.toml changed on disk
            "workspace/didChangeWatchedFiles" => self.rebuild(),
            "textDocument/didSave" => self.rebuild_if_config_changed(),
            _ => {} // initialized, $/cancelRequest, $/setTrace, ...
        }
    }

    fn params<P: serde::de::DeserializeOwned>(&self, n: &Notification) -> Option<P> {
        match serde_json::from_value(n.params.clone()) {
            Ok(p) => Some(p),
            Err(e) => {
                self.log(MessageType::ERROR, &format!("redlint: bad {} params: {e}", n.method));
                None
            }
        }
    }

    fn set_settings(&mut self, settings: Settings, warnings: Vec<String>) {
        for w in warnings {
            self.show(MessageType::WARNING, &format!("redlint: {w}"));
        }
        if settings != self.inputs.settings {
            self.inputs.settings = settings;
            self.rebuild();
        }
    }

    // ---- building linters off the loop ----

    fn rebuild_if_config_changed(&mut self) {
        if config_stamp(&self.inputs) != self.config_seen {
            self.rebuild();
        }
    }

    fn rebuild(&mut self) {
        self.config_seen = config_stamp(&self.inputs);
        self.generation += 1;
        let generation = self.generation;
        let inputs = self.inputs.clone();
        let tx = self.build_tx.clone();
        std::thread::spawn(move || {
            let result = catch_unwind(|| settings::build(&inputs))
                .unwrap_or_else(|_| Err("internal error while building the linter".to_owned()));
            let _ = tx.send((generation, result));
        });
    }

    fn on_built(&mut self, generation: u64, result: Result<Built, String>) {
        if generation != self.generation {
            return; // a newer build is on its way
        }
        match result {
            Ok(built) => {
                self.built = built;
                self.relint_all();
            }
            Err(e) => self.show(MessageType::ERROR, &format!("redlint: {e}; keeping the previous rules")),
        }
    }

    // ---- requests ----

    fn on_request(&mut self, req: Request) {
        let response = match req.method.as_str() {
            "textDocument/codeAction" => match serde_json::from_value::<CodeActionParams>(req.params) {
                Ok(p) => {
                    let actions = match self.documents.get(&p.text_document.uri) {
                        Some(doc) => {
                            let index = LineIndex::new(&doc.text);
                            let span = document::span(&index, p.range, self.unit);
                            document::code_actions(&p.text_document.uri, &index, &doc.checked, span, &self.options())
                        }
                        None => Vec::new(),
                    };
                    Response::new_ok(req.id, actions)
                }
                Err(e) => Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string()),
            },
            "workspace/executeCommand" => match serde_json::from_value::<ExecuteCommandParams>(req.params) {
                Ok(p) if p.command == document::ALLOW_COMMAND => match self.allow(&p.arguments) {
                    Ok(()) => Response::new_ok(req.id, Value::Null),
                    Err(e) => {
                        self.show(MessageType::ERROR, &format!("redlint: {e}"));
                        Response::new_err(req.id, ErrorCode::RequestFailed as i32, e)
                    }
                },
                Ok(p) => Response::new_err(
                    req.id,
                    ErrorCode::InvalidParams as i32,
                    format!("unknown command `{}`", p.command),
                ),
                Err(e) => Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string()),
            },
            _ => Response::new_err(
                req.id,
                ErrorCode::MethodNotFound as i32,
                format!("redlint does not handle {}", req.method),
            ),
        };
        self.send(response.into());
    }

    /// `redlint.allow {term, uri}`: appends the term to the workspace's `redlint.toml` (the
    /// workspace root, else the document's folder), then rebuilds and re-lints.
    fn allow(&mut self, arguments: &[Value]) -> Result<(), String> {
        let arg = arguments.first().ok_or("redlint.allow needs {term, uri}")?;
        let term = arg
            .get("term")
            .and_then(Value::as_str)
            .filter(|t| !t.trim().is_empty())
            .ok_or("redlint.allow needs a term")?;
        let root = match &self.inputs.root {
            Some(root) => root.clone(),
            None => {
                let doc = arg.get("uri").and_then(Value::as_str).and_then(uri::to_path);
                let dir = doc
                    .as_deref()
                    .and_then(std::path::Path::parent)
                    .map(std::path::Path::to_path_buf);
                let dir = dir.ok_or("no workspace folder to write redlint.toml in")?;
                // from now on that folder is the workspace: its redlint.toml is the one read
                self.inputs.root = Some(dir.clone());
                dir
            }
        };
        let path = self.inputs.config_path().unwrap_or_else(|| root.join(CONFIG_FILE));
        if allow::add_to_file(&path, term)? {
            self.log(
                MessageType::INFO,
                &format!("redlint: allowed “{term}” in {}", path.display()),
            );
        }
        self.rebuild();
        Ok(())
    }

    fn on_response(&mut self, resp: Response) {
        match self.pending.remove(&resp.id) {
            Some(Pending::Configuration) => {
                let value = resp
                    .response_result
                    .ok()
                    .and_then(|r| r.get(0).cloned())
                    .unwrap_or(Value::Null);
                if let Some((settings, warnings)) = Settings::from_json(&value) {
                    self.set_settings(settings, warnings);
                }
            }
            Some(Pending::Registration) | None => {}
        }
    }
}
