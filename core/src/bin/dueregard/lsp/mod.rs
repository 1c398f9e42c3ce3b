//! `dueregard lsp`: the Language Server Protocol over standard input and
//! output. Editors open Markdown and plain-text documents; the server keeps
//! an editing session per document, so a keystroke re-checks the section it
//! falls in, and publishes a diagnostic per finding with a quick fix where
//! the rule offers one.
//!
//! Settings (`rulePack`, `docBaseUrl`) come from the command line, then the
//! client's `initializationOptions`, then `workspace/didChangeConfiguration`.

mod config;
mod diagnostics;
mod document;
mod encoding;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use dueregard::Engine;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeConfiguration, DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument,
    Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DidChangeConfigurationParams, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, InitializeParams, InitializeResult,
    MessageType, PublishDiagnosticsParams, ServerCapabilities, ServerInfo, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::Outcome;
use crate::args::LspArgs;
use config::Settings;
use document::Document;
use encoding::Encoding;

/// Runs the server until the client shuts it down.
pub fn run(args: &LspArgs) -> Result<Outcome, String> {
    let (connection, io_threads) = Connection::stdio();
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| format!("lsp: the client did not initialise: {e}"))?;
    let params: InitializeParams = serde_json::from_value(params)
        .map_err(|e| format!("lsp: the initialize request is not valid: {e}"))?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let result = InitializeResult {
        capabilities: ServerCapabilities {
            position_encoding: Some(encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Kind(
                TextDocumentSyncKind::INCREMENTAL,
            )),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..CodeActionOptions::default()
            })),
            ..ServerCapabilities::default()
        },
        server_info: Some(ServerInfo {
            name: "dueregard".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).map_err(|e| e.to_string())?;
    connection
        .initialize_finish(id, result)
        .map_err(|e| format!("lsp: initialisation failed: {e}"))?;

    let mut server = Server::new(&connection, args, &params, encoding);
    let outcome = server.serve()?;
    drop(connection);
    io_threads
        .join()
        .map_err(|e| format!("lsp: standard input or output failed: {e}"))?;
    Ok(outcome)
}

/// The server's state between messages.
struct Server<'c> {
    connection: &'c Connection,
    encoding: Encoding,
    /// The workspace folder relative rule pack paths are taken from.
    root: Option<PathBuf>,
    /// The command line's settings with `initializationOptions` over them:
    /// what each `workspace/didChangeConfiguration` is laid over.
    base: Settings,
    settings: Settings,
    engine: Arc<Engine>,
    /// The rule pack the engine was built from; `None` for the built-in one.
    engine_pack: Option<PathBuf>,
    documents: HashMap<Uri, Document>,
}

impl<'c> Server<'c> {
    fn new(
        connection: &'c Connection,
        args: &LspArgs,
        params: &InitializeParams,
        encoding: Encoding,
    ) -> Server<'c> {
        #[allow(deprecated)] // root_uri is what older clients send.
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|folders| folders.first())
            .map(|folder| &folder.uri)
            .or(params.root_uri.as_ref())
            .and_then(file_path);
        let cli = Settings::from_args(args);
        let mut server = Server {
            connection,
            encoding,
            root,
            settings: cli.clone(),
            base: cli,
            engine: Arc::new(Engine::new()),
            engine_pack: None,
            documents: HashMap::new(),
        };
        server.configure(params.initialization_options.as_ref());
        server.base = server.settings.clone();
        server
    }

    /// Handles messages until `shutdown` and `exit`. An `exit` without a
    /// `shutdown` first ends with exit code 1, as the protocol asks.
    fn serve(&mut self) -> Result<Outcome, String> {
        let receiver = self.connection.receiver.clone();
        for message in &receiver {
            match message {
                Message::Request(request) => {
                    let shutdown = self
                        .connection
                        .handle_shutdown(&request)
                        .map_err(|e| format!("lsp: {e}"))?;
                    if shutdown {
                        return Ok(Outcome::Clear);
                    }
                    self.request(request);
                }
                Message::Notification(note) if note.method == "exit" => {
                    return Ok(Outcome::Blocked);
                }
                Message::Notification(note) => self.notification(note),
                Message::Response(_) => {}
            }
        }
        Ok(Outcome::Clear)
    }

    fn request(&mut self, request: Request) {
        let response = match request.method.as_str() {
            CodeActionRequest::METHOD => match parse::<CodeActionParams>(request.params) {
                Ok(params) => Response::new_ok(request.id, self.code_actions(&params)),
                Err(message) => {
                    Response::new_err(request.id, ErrorCode::InvalidParams as i32, message)
                }
            },
            other => Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("dueregard does not handle {other}"),
            ),
        };
        self.send(Message::Response(response));
    }

    fn notification(&mut self, note: Notification) {
        let result = match note.method.as_str() {
            DidOpenTextDocument::METHOD => parse(note.params).map(|p| self.did_open(p)),
            DidChangeTextDocument::METHOD => parse(note.params).map(|p| self.did_change(p)),
            DidCloseTextDocument::METHOD => parse(note.params).map(|p| self.did_close(p)),
            DidChangeConfiguration::METHOD => parse::<DidChangeConfigurationParams>(note.params)
                .map(|p| {
                    self.configure(Some(&p.settings));
                }),
            // Other notifications ("initialized", "$/cancelRequest", ...) need nothing.
            _ => Ok(()),
        };
        if let Err(message) = result {
            self.show(MessageType::WARNING, message);
        }
    }

    fn did_open(&mut self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let uri = item.uri.clone();
        let opened = Document::open(
            item.uri,
            &item.language_id,
            item.version,
            item.text,
            &self.engine,
        );
        if let Some(document) = opened {
            self.documents.insert(uri.clone(), document);
            self.publish(&uri);
        }
    }

    fn did_change(&mut self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let Some(document) = self.documents.get_mut(&uri) else {
            return;
        };
        document.apply(
            params.text_document.version,
            params.content_changes,
            self.encoding,
        );
        document.recheck(&self.engine);
        self.publish(&uri);
    }

    fn did_close(&mut self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if self.documents.remove(&uri).is_some() {
            // Closed documents keep no diagnostics.
            self.notify::<PublishDiagnostics>(PublishDiagnosticsParams::new(uri, Vec::new(), None));
        }
    }

    fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(document) = self.documents.get(&params.text_document.uri) else {
            return Vec::new();
        };
        let Some(report) = document.report() else {
            return Vec::new();
        };
        diagnostics::code_actions(
            document,
            report,
            params.range,
            self.encoding,
            &self.doc_base_url(),
        )
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
    }

    /// Applies the editor's settings over the command line's. A rule pack
    /// that cannot be used is shown to the person, and the engine in use is kept.
    fn configure(&mut self, editor: Option<&serde_json::Value>) {
        let settings = self.base.with_editor(editor);
        if settings.rule_pack != self.engine_pack {
            match settings.engine(self.root.as_deref()) {
                Ok(engine) => {
                    self.engine = Arc::new(engine);
                    self.engine_pack = settings.rule_pack.clone();
                    for document in self.documents.values_mut() {
                        document.recheck(&self.engine);
                    }
                }
                Err(message) => self.show(MessageType::ERROR, format!("dueregard: {message}")),
            }
        }
        self.settings = settings;
        let open: Vec<Uri> = self.documents.keys().cloned().collect();
        for uri in open {
            self.publish(&uri);
        }
    }

    fn doc_base_url(&self) -> String {
        self.settings
            .doc_base_url
            .clone()
            .unwrap_or_else(|| dueregard::write::sarif::DEFAULT_DOC_BASE_URL.into())
    }

    fn publish(&self, uri: &Uri) {
        let Some(document) = self.documents.get(uri) else {
            return;
        };
        let diagnostics = diagnostics::diagnostics(
            document,
            document.report(),
            self.encoding,
            &self.doc_base_url(),
        );
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams::new(
            uri.clone(),
            diagnostics,
            Some(document.version),
        ));
    }

    fn show(&self, typ: MessageType, message: String) {
        self.notify::<ShowMessage>(ShowMessageParams { typ, message });
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params)
    where
        N::Params: Serialize,
    {
        self.send(Message::Notification(Notification::new(
            N::METHOD.into(),
            params,
        )));
    }

    /// Sends a message; a client that has gone away ends the loop on its
    /// own, as the receiver closes, so a failed send needs nothing more.
    fn send(&self, message: Message) {
        let _ = self.connection.sender.send(message);
    }
}

fn parse<P: DeserializeOwned>(params: serde_json::Value) -> Result<P, String> {
    serde_json::from_value(params)
        .map_err(|e| format!("dueregard: a message it could not read: {e}"))
}

/// The folder a `file:` URI names, percent-decoded.
fn file_path(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme().map(|s| s.as_str()) != Some("file") {
        return None;
    }
    let decoded = uri.path().as_estr().decode().into_string().ok()?;
    Some(PathBuf::from(decoded.into_owned()))
}
