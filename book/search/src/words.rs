//! The words of the Korean book: how a text is cut into tokens, how a Korean word is stemmed,
//! and the English loanwords and spelling variants a search also finds.

use elasticlunr::Language;
use elasticlunr::pipeline::Pipeline;
use std::sync::LazyLock;

/// Particles stripped from the end of an all-Hangul word, longest first (`korean.js` has the
/// same list). A stem keeps at least two syllables, so `추가` stays whole.
pub const PARTICLES: &[&str] = &[
    "에서는",
    "에게서",
    "으로는",
    "에서",
    "에게",
    "으로",
    "로는",
    "에는",
    "까지",
    "부터",
    "처럼",
    "보다",
    "하고",
    "이나",
    "이다",
    "과",
    "와",
    "를",
    "을",
    "가",
    "이",
    "은",
    "는",
    "의",
    "에",
    "도",
    "로",
    "만",
];

/// The course's English terms and the loanwords a Korean reader types for them. The pages say
/// `Pipe` and `join` where a reader searches `파이프` and `조인`: a section with the English word
/// is indexed under the Korean one too (at index time only; a query is not changed).
pub const LOANWORDS: &[(&str, &str)] = &[
    ("thread", "스레드"),
    ("process", "프로세스"),
    ("daemon", "데몬"),
    ("lock", "락"),
    ("mutex", "뮤텍스"),
    ("pipe", "파이프"),
    ("queue", "큐"),
    ("pool", "풀"),
    ("join", "조인"),
    ("semaphore", "세마포어"),
    ("barrier", "배리어"),
    ("event", "이벤트"),
    ("condition", "컨디션"),
    ("channel", "채널"),
    ("fork", "포크"),
    ("spawn", "스폰"),
    ("deadlock", "데드락"),
    ("timeline", "타임라인"),
    ("worker", "워커"),
    ("signal", "시그널"),
    ("closure", "클로저"),
    ("atomic", "아토믹"),
    ("panic", "패닉"),
    ("socket", "소켓"),
    ("trace", "트레이스"),
];

/// Words the Korean Rust community writes more than one way (the glossary's variants): a
/// section with one is indexed under the others too, so a reader finds it whichever way they
/// type it (at index time only, as [`LOANWORDS`]).
pub const VARIANTS: &[&[&str]] = &[
    &["빌림", "대여", "차용"],
    &["라이프타임", "수명"],
    &["트레이트", "트레잇"],
    &["참조", "참조자"],
    &["교착", "데드락"],
    &["원자적", "아토믹"],
    &["병렬", "병렬성"],
    &["경쟁", "레이스"],
];

/// The other ways of writing `stem` (see [`VARIANTS`]).
///
/// ```
/// assert_eq!(book_search::variants("대여"), ["빌림", "차용"]);
/// assert!(book_search::variants("스레드").is_empty());
/// ```
pub fn variants(stem: &str) -> Vec<&'static str> {
    VARIANTS
        .iter()
        .filter(|group| group.contains(&stem))
        .flat_map(|group| group.iter().copied().filter(|word| *word != stem))
        .collect()
}

/// mdBook leaves out words longer than this; so does this index.
const MAX_WORD_BYTES: usize = 80;

static SEPARATOR: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"[^\p{L}\p{N}_]+").expect("a valid pattern"));

/// Splits a text into lower-case words at every character that is not a letter, a digit or `_`
/// (`korean.js` splits a query the same way): `` `Mutex`를 `` gives `mutex` and `를`.
pub fn tokens(text: &str) -> Vec<String> {
    SEPARATOR
        .split(text)
        .filter(|word| !word.is_empty() && word.len() <= MAX_WORD_BYTES)
        .map(str::to_lowercase)
        .collect()
}

/// What a word is indexed and searched as: an English word goes through elasticlunr's own
/// English stop-word filter and stemmer (as the English book's words do); an all-Hangul word
/// loses a final particle (`스레드를` and `스레드가` are both `스레드`); anything else is kept.
/// `None` for a word that is not indexed (an English stop word).
pub fn stem(token: &str) -> Option<String> {
    if token.is_ascii() {
        return ENGLISH.with(|english| english.run(vec![token.to_owned()]).pop());
    }
    if token.chars().all(is_hangul) {
        let syllables = token.chars().count();
        for particle in PARTICLES {
            if syllables >= particle.chars().count() + 2 && token.ends_with(particle) {
                return Some(token[..token.len() - particle.len()].to_owned());
            }
        }
    }
    Some(token.to_owned())
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

thread_local! {
    // elasticlunr's English pipeline (its trimmer, stop words and Porter stemmer), the one
    // `elasticlunr.min.js` runs in the browser.
    static ENGLISH: Pipeline = elasticlunr::lang::English::new().make_pipeline();
}
