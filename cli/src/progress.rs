//! A progress line on stderr, only when stderr is a terminal: `[=====>    ]  52%  520 MB / 1.0 GB  85 MB/s`.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct Progress {
    enabled: bool,
    total: Option<u64>,
    done: u64,
    start: Instant,
    last: Option<Instant>,
    shown: bool,
}

impl Progress {
    /// A progress line for `total` bytes; hidden unless stderr is a terminal, and when `quiet`.
    /// Also hidden when the report itself goes to the same terminal, where the two would
    /// overwrite each other.
    pub fn new(total: Option<u64>, quiet: bool) -> Progress {
        Progress {
            enabled: !quiet && std::io::stderr().is_terminal() && !std::io::stdout().is_terminal(),
            total,
            done: 0,
            start: Instant::now(),
            last: None,
            shown: false,
        }
    }

    pub fn advance(&mut self, bytes: u64) {
        self.done += bytes;
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        // nothing for quick runs, then ten redraws a second
        if now - self.start < Duration::from_millis(300)
            || self.last.is_some_and(|l| now - l < Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(now);
        let rate = self.done as f64 / (now - self.start).as_secs_f64().max(1e-3) / 1e6;
        let line = match self.total {
            Some(total) if total > 0 => {
                let frac = (self.done as f64 / total as f64).min(1.0);
                let filled = (frac * 30.0) as usize;
                format!(
                    "[{}{}] {:>3.0}%  {:.0} / {:.0} MB  {rate:.1} MB/s",
                    "=".repeat(filled),
                    " ".repeat(30 - filled),
                    frac * 100.0,
                    self.done as f64 / 1e6,
                    total as f64 / 1e6
                )
            }
            _ => format!("{:.0} MB read  {rate:.1} MB/s", self.done as f64 / 1e6),
        };
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}").and_then(|()| err.flush());
        self.shown = true;
    }

    /// Clears the line (call before printing anything else on stderr).
    pub fn clear(&mut self) {
        if self.shown {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(b"\r\x1b[2K").and_then(|()| err.flush());
            self.shown = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}
