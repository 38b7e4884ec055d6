//! After a pass in `watch`: the pass stays on the screen, with what was checked, until a key or
//! five seconds counted down, so that the learner sees it before the next exercise's screen.

use super::Watched;
use crate::Lang;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// After a pass in `watch`: the screen is kept for a key, or five seconds counted down.
pub(super) fn after_pass(received: &Receiver<Watched>, lang: Lang, terminal: bool) {
    use std::io::Write;
    for left in (1..=5).rev() {
        let both = [
            format!("다음 연습으로 넘어갑니다: 아무 키나 누르거나 {left}초 기다리세요"),
            format!("On to the next exercise: press a key, or wait {left} s"),
        ];
        let say = lang.pick(both.each_ref().map(String::as_str));
        if terminal {
            print!("\r{say} ");
            let _ = std::io::stdout().flush();
        } else if left == 5 {
            println!("{say}");
        }
        let until = Instant::now() + Duration::from_secs(1);
        while let Some(wait) = until.checked_duration_since(Instant::now()) {
            match received.recv_timeout(wait) {
                Ok(Watched::Key(_)) => {
                    println!();
                    return;
                }
                Ok(Watched::File) => {}
                Err(_) => break,
            }
        }
    }
    println!();
}
