//! What Rust refuses: the notes' programs written the Python way, and the compiler's real answer.
//!
//! Each case is a folder under `refused/cases/`: `case.rs` (a program in the shape of its notes
//! snippet, as a Python programmer would first write it), `rustc.stderr` (what rustc says of it,
//! recorded from a real build), and `README.md` (the Python line that works, what the compiler
//! protects you from, in Korean and English, and the example that does it right). The last case
//! compiles, and records what the workspace refuses while the program runs (`output.txt`).
//!
//! `cargo test -p refused` compiles every case with the real compiler against this package's
//! already-built dependencies and checks the recorded error codes, places and messages;
//! `REFUSED_RECORD=1 cargo test -p refused` (or `scripts/record-outputs`) records them anew.
//!
//! This crate has no code of its own.
