//! The capstone's (36) texts: the check binary writes them to files (each word backwards) and
//! `practice` counts them to know the answer; both make them here, from the same seed.

/// Every word a text is made of.
pub const WORDS: [&str; 10] = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
];

/// The text of the checker's file `file` for `seed`: 20 to 79 of `WORDS`, with spaces.
///
/// ```
/// let text = check_protocol::capstone::text(0, 7);
/// assert_eq!(text, check_protocol::capstone::text(0, 7));
/// assert!(text.split(' ').all(|w| check_protocol::capstone::WORDS.contains(&w)));
/// ```
pub fn text(file: u64, seed: u64) -> String {
    let mut x = seed.wrapping_mul(31).wrapping_add(file.wrapping_mul(7919)) | 1;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let len = 20 + next() % 60;
    (0..len)
        .map(|_| WORDS[(next() % 10) as usize])
        .collect::<Vec<_>>()
        .join(" ")
}
