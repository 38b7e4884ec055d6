//! The manager's key and its challenge-response, as CPython's `deliver_challenge` and
//! `answer_challenge` do it: each side sends the other 32 random bytes and checks that the
//! answer is their HMAC-SHA256 under the key, so the key never crosses the socket.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::io;

/// The manager's key, a challenge, or a digest: 32 bytes each.
pub(super) type Bytes = [u8; 32];

/// 32 bytes from the operating system's random source (`getrandom(2)`).
pub(super) fn random() -> io::Result<Bytes> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(io::Error::other)?;
    Ok(bytes)
}

fn mac(key: &Bytes, challenge: &Bytes) -> Hmac<Sha256> {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
    mac.update(challenge);
    mac
}

/// The answer to `challenge` under `key`.
pub(super) fn answer(key: &Bytes, challenge: &Bytes) -> Bytes {
    mac(key, challenge).finalize().into_bytes().into()
}

/// Whether `digest` is the answer to `challenge` under `key`, compared in constant time.
pub(super) fn verify(key: &Bytes, challenge: &Bytes, digest: &Bytes) -> bool {
    mac(key, challenge).verify_slice(digest).is_ok()
}
