use super::*;

const EXERCISE: &str = "//! 연습 03 — 두 스레드가 한 카운터에 더하기
//! Exercise 03 — two threads add to one counter
//!
//! 할 일: 더하세요.
//! Task: add.
//!
//! 확인 / Check: `cargo run -p practice -- check 03`

fn f() {
    // TODO: 여기서 기다리세요.
    //       wait here.
    let pool = Pool::new(2); // 일마다 하나 (one for each task)
    common::init(); // 파이썬의 if __name__ == '__main__':
    say!(\"a // b\"); // only English
}";

#[test]
fn the_korean_book_keeps_the_korean_lines() {
    let shown = listing_for(EXERCISE, Lang::Ko);
    assert_eq!(
        shown,
        "//! 연습 03 — 두 스레드가 한 카운터에 더하기
//!
//! 할 일: 더하세요.
//!
//! 확인: `cargo run -p practice -- check 03`

fn f() {
    // TODO: 여기서 기다리세요.
    let pool = Pool::new(2); // 일마다 하나
    common::init(); // 파이썬의 if __name__ == '__main__':
    say!(\"a // b\"); // only English
}"
    );
}

#[test]
fn the_english_book_keeps_the_english_lines() {
    let shown = listing_for(EXERCISE, Lang::En);
    assert_eq!(
        shown,
        "//! Exercise 03 — two threads add to one counter
//!
//! Task: add.
//!
//! Check: `cargo run -p practice -- check 03`

fn f() {
    // TODO: wait here.
    let pool = Pool::new(2); // one for each task
    common::init(); // if __name__ == '__main__':
    say!(\"a // b\"); // only English
}"
    );
}

#[test]
fn a_block_in_one_language_is_shown_as_it_is() {
    let english = "// Only English here.\n// Still English.\nfn f() {}";
    assert_eq!(listing_for(english, Lang::Ko), english);
    let title = "//! 데몬 스레드 만들기 — daemon threads (notes §1).\n//!\n//! Run: `cargo run`";
    assert_eq!(listing_for(title, Lang::En), title);
}

#[test]
fn a_page_changes_only_inside_its_rust_listings() {
    let page = "<p>// 한국어</p><pre><code class=\"language-rust\">// 한국어\n// English\nfn f() {}</code></pre>";
    assert_eq!(
        page_for(page, Lang::En),
        "<p>// 한국어</p><pre><code class=\"language-rust\">// English\nfn f() {}</code></pre>"
    );
    assert_eq!(listings(page), ["// 한국어\n// English\nfn f() {}"]);
}

#[test]
fn a_quote_in_a_string_is_not_a_comment() {
    let line = "    say!(&quot;x // 한국어&quot;);";
    assert_eq!(listing_for(line, Lang::En), line);
    assert!(comment_lines(line).is_empty());
}

#[test]
fn a_title_with_a_dash_of_its_own_is_glossed_after_the_last() {
    let code = "//! 1. 인자 전달하기 — 2) Class 경우 — arguments\n//!\n//! 눈여겨볼 점: 한국어.\n//! Notice: English.\nfn f() {}";
    assert_eq!(
        listing_for(code, Lang::En),
        "//! 1. 인자 전달하기 — 2) Class 경우 — arguments\n//!\n//! Notice: English.\nfn f() {}"
    );
    assert_eq!(
        listing_for(code, Lang::Ko),
        "//! 1. 인자 전달하기 — 2) Class 경우 — arguments\n//!\n//! 눈여겨볼 점: 한국어.\nfn f() {}"
    );
    // Hangul after the last dash: Korean.
    let korean =
        "//! 연습 06 — 데몬 자식 (노트 2. join과 데몬 — 2) Daemon속성)\n//! Exercise 06 — a daemon";
    assert_eq!(listing_for(korean, Lang::En), "//! Exercise 06 — a daemon");
}

#[test]
fn a_dash_inside_parentheses_glosses_nothing() {
    let code = "//! 연습 22 — 잠금을 쥐고 있기 (공유 상태 — threading.Lock)\n//! Exercise 22 — hold the lock\nfn f() {}";
    assert_eq!(
        listing_for(code, Lang::En),
        "//! Exercise 22 — hold the lock\nfn f() {}"
    );
    assert_eq!(
        listing_for(code, Lang::Ko),
        "//! 연습 22 — 잠금을 쥐고 있기 (공유 상태 — threading.Lock)\nfn f() {}"
    );
}

#[test]
fn a_word_glossed_after_a_slash_shows_each_book_its_word() {
    let code = "//! 할 일: 한국어.\n//! Task: English.\n//!\n//! 확인 / Check: `cargo run -p practice -- check 22`\nfn f() {}";
    assert_eq!(
        listing_for(code, Lang::Ko),
        "//! 할 일: 한국어.\n//!\n//! 확인: `cargo run -p practice -- check 22`\nfn f() {}"
    );
    assert_eq!(
        listing_for(code, Lang::En),
        "//! Task: English.\n//!\n//! Check: `cargo run -p practice -- check 22`\nfn f() {}"
    );
    // Alone in its block too.
    assert_eq!(listing_for("//! 실행 / Run: `x`", Lang::En), "//! Run: `x`");
}
