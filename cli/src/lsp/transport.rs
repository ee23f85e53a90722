//! The stdio transport of `redlint lsp`: framed JSON-RPC messages in, out.
//!
//! `lsp-server`'s own stdio transport ends the server on the first message it cannot read.
//! This one keeps serving: a body that is not a JSON-RPC message is logged on stderr and
//! dropped (it has no id to answer), and a frame with a wrong `Content-Length` is
//! resynchronised on the next `Content-Length` header.

use std::io::{self, BufRead};
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender, unbounded};
use lsp_server::{Connection, Message};

/// The reader and writer threads; join them after the connection is dropped.
pub struct Threads {
    reader: JoinHandle<()>,
    writer: JoinHandle<io::Result<()>>,
}

impl Threads {
    /// Waits for the writer to flush what is left.
    pub fn join(self) -> Result<(), String> {
        drop(self.reader); // blocked on stdin until the client closes it: not waited for
        self.writer
            .join()
            .map_err(|_| "lsp: the writer thread panicked".to_owned())?
            .map_err(|e| format!("lsp: writing to stdout: {e}"))
    }
}

/// A connection over stdin and stdout.
pub fn stdio() -> (Connection, Threads) {
    let (to_client, outgoing): (Sender<Message>, Receiver<Message>) = unbounded();
    let (incoming, from_client) = unbounded();
    let writer = std::thread::spawn(move || {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        for msg in outgoing {
            msg.write(&mut out)?;
        }
        Ok(())
    });
    let reader = std::thread::spawn(move || {
        let stdin = io::stdin();
        let mut input = stdin.lock();
        read_messages(&mut input, &incoming);
    });
    (
        Connection {
            sender: to_client,
            receiver: from_client,
        },
        Threads { reader, writer },
    )
}

/// Reads frames until end of input, passing good messages on and answering bad ones.
fn read_messages(input: &mut impl BufRead, incoming: &Sender<Message>) -> usize {
    let mut dropped = 0;
    loop {
        let body = match read_frame(input) {
            Ok(Some(body)) => body,
            Ok(None) => return dropped,
            Err(e) => {
                crate::say(&format!("redlint lsp: cannot read from the client: {e}"));
                return dropped;
            }
        };
        match serde_json::from_slice::<Message>(&body) {
            Ok(msg) => {
                let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                if incoming.send(msg).is_err() || exit {
                    return dropped;
                }
            }
            Err(e) => {
                crate::say(&format!("redlint lsp: dropped a message that is not JSON-RPC: {e}"));
                dropped += 1;
            }
        }
    }
}

/// One frame's body, `None` at end of input. Header lines without a `Content-Length` (left
/// over from a frame whose length was wrong) are skipped.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut length: Option<usize> = None;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(n) = length {
                let mut body = vec![0; n];
                input.read_exact(&mut body)?;
                return Ok(Some(body));
            }
            continue;
        }
        if let Some(at) = trimmed.to_ascii_lowercase().find("content-length:") {
            length = trimmed[at + "content-length:".len()..].trim().parse().ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn bad_messages_are_dropped_and_the_rest_is_read() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let text = format!(
            "{}{}{}Content-Length: 5\r\n\r\n{good}{}",
            frame(good),
            frame("not json"),
            frame(good),
            frame(good)
        );
        let (tx, rx) = unbounded();
        let dropped = read_messages(&mut io::Cursor::new(text.into_bytes()), &tx);
        drop(tx);
        assert_eq!(rx.iter().count(), 3, "the good messages around the bad ones");
        assert_eq!(dropped, 2, "not JSON, and a frame cut short by its Content-Length");
    }
}
