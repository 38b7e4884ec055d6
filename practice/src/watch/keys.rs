//! The keys typed while watching, read on a thread of their own. On a terminal they act at once,
//! without Enter and without being shown: the terminal leaves line mode while `watch` runs and is
//! put back after (and on any end: `interrupt.rs`).

use super::Watched;
use nix::sys::termios::{self, LocalFlags, SetArg, Termios};
use std::io::Read;
use std::sync::mpsc::Sender;

/// Puts the terminal back as it was when dropped.
#[derive(Debug)]
pub struct Keys(Option<Termios>);

impl Drop for Keys {
    fn drop(&mut self) {
        if let Some(saved) = &self.0 {
            let _ = termios::tcsetattr(std::io::stdin(), SetArg::TCSANOW, saved);
        }
    }
}

pub fn read(events: Sender<Watched>) -> Keys {
    let saved = termios::tcgetattr(std::io::stdin()).ok();
    if let Some(saved) = &saved {
        crate::interrupt::keep_terminal(saved);
        let mut keys = saved.clone();
        // A key acts at once and is not shown ("h01 join-the-threads...").
        keys.local_flags
            .remove(LocalFlags::ICANON | LocalFlags::ECHO);
        let _ = termios::tcsetattr(std::io::stdin(), SetArg::TCSANOW, &keys);
    }
    std::thread::spawn(move || {
        let mut byte = [0u8];
        let mut stdin = std::io::stdin();
        // No standard input (or its end) leaves only Ctrl-C to stop watching.
        while let Ok(1) = stdin.read(&mut byte) {
            // `q` ends everything at once, also in the middle of a check or a build.
            if byte[0] == b'q' {
                crate::interrupt::quit();
            }
            if events.send(Watched::Key(byte[0])).is_err() {
                return;
            }
        }
    });
    Keys(saved)
}
