//! `dueregard lsp`, driven as an editor drives it: the binary is spawned and
//! spoken to in JSON-RPC with Content-Length framing over its standard input
//! and output. The session opens a Markdown document, sees its diagnostics,
//! edits the offending words away and sees them go, asks for a code action,
//! applies its fix, and shuts the server down.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

/// How long to wait for any one message before the test fails rather than hangs.
const WAIT: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(args: &[&str]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dueregard"))
            .arg("lsp")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            while let Some(message) = read_message(&mut stdout) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 0,
        }
    }

    fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response, keeping notifications
    /// that arrive meanwhile for `expect_notification`.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.incoming.recv_timeout(WAIT).expect("a response");
            if message["id"] == id && message.get("method").is_none() {
                assert!(message.get("error").is_none(), "{method} failed: {message}");
                return message["result"].clone();
            }
        }
    }

    /// The next notification with this method.
    fn expect_notification(&mut self, method: &str) -> Value {
        loop {
            let message = self
                .incoming
                .recv_timeout(WAIT)
                .unwrap_or_else(|_| panic!("no {method}"));
            if message["method"] == method {
                return message["params"].clone();
            }
        }
    }
}

/// One message: headers up to a blank line, then Content-Length bytes of JSON.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

const URI: &str = "file:///tmp/dueregard-lsp-test/visiting.md";

const TEXT: &str = "# Visiting policy\n\n## Who may visit\n\nAsk each patient for their preferred pronouns.\n\n## Records\n\nThe 🏳️‍🌈 network asks if he or she needs a visitor badge.\n";

fn initialize(client: &mut Client, capabilities: Value) -> Value {
    let result = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "capabilities": capabilities,
            "initializationOptions": {"docBaseUrl": "https://docs.example.org/dueregard/rules"}
        }),
    );
    client.notify("initialized", json!({}));
    result
}

fn by_rule<'a>(diagnostics: &'a Value, rule: &str) -> Vec<&'a Value> {
    diagnostics
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == rule)
        .collect()
}

/// The text a range covers, with `character` counted in UTF-16 code units.
fn text_at(text: &str, range: &Value) -> String {
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let character = position["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    text[offset(&range["start"])..offset(&range["end"])].to_owned()
}

#[test]
fn an_editing_session_over_stdio() {
    let mut client = Client::start(&[]);
    let result = initialize(&mut client, json!({}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(
        result["capabilities"]["textDocumentSync"], 2,
        "incremental sync"
    );
    assert_eq!(result["serverInfo"]["name"], "dueregard");

    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": TEXT}}),
    );
    let published = client.expect_notification("textDocument/publishDiagnostics");
    assert_eq!(published["uri"], URI);
    assert_eq!(published["version"], 1);
    let diagnostics = &published["diagnostics"];
    let pronouns = by_rule(diagnostics, "term-binary-pronouns");
    assert_eq!(pronouns.len(), 1, "{diagnostics:#}");
    let he_or_she = pronouns[0];
    // The range is in UTF-16 units: the flag emoji before it counts 6 of them.
    assert_eq!(he_or_she["range"]["start"]["line"], 8);
    assert_eq!(text_at(TEXT, &he_or_she["range"]), "he or she");
    assert_eq!(he_or_she["source"], "dueregard");
    assert_eq!(he_or_she["severity"], 2, "a warning");
    assert_eq!(
        he_or_she["codeDescription"]["href"],
        "https://docs.example.org/dueregard/rules#term-binary-pronouns"
    );
    let related = he_or_she["relatedInformation"].as_array().unwrap();
    assert!(
        related.iter().all(|r| r["message"]
            .as_str()
            .unwrap()
            .starts_with("Framework element ")),
        "{related:?}"
    );
    assert!(!related.is_empty());

    // Delete "he or she " and "if " on line 8: the pronoun diagnostic goes.
    let line = TEXT.lines().nth(8).unwrap();
    let from = line[..line.find("if he or she").unwrap()]
        .encode_utf16()
        .count();
    let to = line[..line.find("needs").unwrap()].encode_utf16().count();
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": URI, "version": 2},
            "contentChanges": [{
                "range": {"start": {"line": 8, "character": from}, "end": {"line": 8, "character": to}},
                "text": "whether anyone "
            }]
        }),
    );
    let published = client.expect_notification("textDocument/publishDiagnostics");
    assert_eq!(published["version"], 2);
    assert!(by_rule(&published["diagnostics"], "term-binary-pronouns").is_empty());
    let text = TEXT.replace("if he or she needs", "whether anyone needs");

    // The safe fix for "preferred pronouns" is a preferred quick fix.
    let preferred = by_rule(&published["diagnostics"], "term-preferred-pronouns");
    assert_eq!(preferred.len(), 1, "{:#}", published["diagnostics"]);
    let range = preferred[0]["range"].clone();
    assert_eq!(text_at(&text, &range), "preferred pronouns");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": URI},
            "range": range,
            "context": {"diagnostics": [preferred[0]]}
        }),
    );
    let actions = actions.as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["diagnostics"][0]["code"] == "term-preferred-pronouns")
        .expect("a fix for the finding");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    let edits = fix["edit"]["changes"][URI].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(text_at(&text, &edits[0]["range"]), "preferred pronouns");

    // Apply it as the editor would, and the finding is gone.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": URI, "version": 3},
            "contentChanges": [{"range": edits[0]["range"], "text": edits[0]["newText"]}]
        }),
    );
    let published = client.expect_notification("textDocument/publishDiagnostics");
    assert_eq!(published["version"], 3);
    assert!(
        by_rule(&published["diagnostics"], "term-preferred-pronouns").is_empty(),
        "{:#}",
        published["diagnostics"]
    );

    // Closing clears the document's diagnostics.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    let published = client.expect_notification("textDocument/publishDiagnostics");
    assert_eq!(published["diagnostics"], json!([]));

    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn utf8_positions_when_the_client_prefers_them_and_a_rule_pack_from_settings() {
    let dir = std::env::temp_dir().join(format!("dueregard-lsp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A pack that turns off the binary pronoun rule.
    std::fs::write(
        dir.join("pack.json"),
        r#"{"name": "trust", "version": "1", "extends_builtin": true, "disable": ["term-binary-pronouns"]}"#,
    )
    .unwrap();
    let mut client = Client::start(&[]);
    let result = initialize(
        &mut client,
        json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
    );
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": TEXT}}),
    );
    let published = client.expect_notification("textDocument/publishDiagnostics");
    let he_or_she = by_rule(&published["diagnostics"], "term-binary-pronouns")[0].clone();
    let line = TEXT.lines().nth(8).unwrap();
    assert_eq!(
        he_or_she["range"]["start"]["character"],
        line.find("he or she").unwrap(),
        "bytes, in UTF-8"
    );

    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"dueregard": {"rulePack": dir.join("pack.json")}}}),
    );
    let published = client.expect_notification("textDocument/publishDiagnostics");
    assert!(by_rule(&published["diagnostics"], "term-binary-pronouns").is_empty());

    // A pack that cannot be read is shown to the person; the last good one stays.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"dueregard": {"rulePack": dir.join("missing.json")}}}),
    );
    let shown = client.expect_notification("window/showMessage");
    assert_eq!(shown["type"], 1, "an error");
    assert!(
        shown["message"].as_str().unwrap().contains("missing.json"),
        "{shown}"
    );
    let published = client.expect_notification("textDocument/publishDiagnostics");
    assert!(by_rule(&published["diagnostics"], "term-binary-pronouns").is_empty());

    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    assert_eq!(client.child.wait().unwrap().code(), Some(0));
}
