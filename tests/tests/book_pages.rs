//! The built book, as a reader's browser shows it: both books are built with mdbook into a
//! temporary folder. Each book's print page, which holds every page's content, is loaded in
//! headless Chromium, and every page's HTML is read as built. A page fails on a raw `{{#include`
//! left in it, a missing picture, an empty code block, or a link to a page or file that is not
//! there. (One browser load per book rather than per page: Chromium takes about a second to
//! start, and the book has some seventy pages.)
//!
//! Each book is also searched as a reader searches it (`search.rs`): words of its own language
//! find their pages, and the Korean book's search box speaks Korean. And each shows its listings'
//! comments in its own language (`comments.rs`).
//!
//! Outside CI, where mdbook or Chromium is missing, `cargo test` reports the test as ignored and
//! names what to install; in CI (`CI` set) they must be there (`.ci/run` installs them). A test of
//! its own (`harness = false`): libtest's `#[ignore]` cannot be decided at run time.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

#[path = "book_pages/comments.rs"]
mod comments;
#[path = "book_pages/search.rs"]
mod search;

fn root() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .canonicalize()
        .expect("the workspace root")
}

fn on_path(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Both books, built once for the trials into a temporary folder (`ko/`, `en/`), each listing's
/// comments in its book's language and the Korean one made searchable in Korean, as
/// `scripts/book` does.
fn built_books() -> Result<&'static Path, String> {
    static SITE: std::sync::OnceLock<Result<tempfile::TempDir, String>> =
        std::sync::OnceLock::new();
    let site = SITE.get_or_init(|| {
        let site = tempfile::tempdir().map_err(|e| e.to_string())?;
        for lang in ["ko", "en"] {
            let out = site.path().join(lang);
            let build = Command::new("mdbook")
                .arg("build")
                .arg("--dest-dir")
                .arg(&out)
                .arg(root().join("book").join(lang))
                .output()
                .map_err(|e| format!("run mdbook: {e}"))?;
            let log = String::from_utf8_lossy(&build.stderr);
            if !build.status.success() || log.contains("[ERROR]") || log.contains("[WARN]") {
                return Err(format!("mdbook build of the {lang} book:\n{log}"));
            }
            let shown = book_comments::Lang::parse(lang).expect("ko or en");
            book_comments::show_comments_in(&out, shown)?;
        }
        book_search::make_korean_searchable(&site.path().join("ko"))?;
        Ok(site)
    });
    site.as_ref().map(|site| site.path()).map_err(Clone::clone)
}

fn main() -> ExitCode {
    let args = libtest_mimic::Arguments::from_args();
    let needs = |name: &'static str, test: fn() -> Result<(), String>| {
        libtest_mimic::Trial::ignorable_test(name, move || {
            let missing: Vec<&str> = [
                ("mdbook", "cargo install mdbook --locked --version 0.4.52"),
                ("chromium", "apt-get install chromium"),
            ]
            .into_iter()
            .filter(|(tool, _)| !on_path(tool))
            .map(|(_, install)| install)
            .collect();
            // Reported as ignored, with what to install, outside CI; in CI, missing tools fail.
            if !missing.is_empty() && std::env::var_os("CI").is_none() {
                return Ok(libtest_mimic::Completion::ignored_with(format!(
                    "needs: {}",
                    missing.join("; ")
                )));
            }
            test()?;
            Ok(libtest_mimic::Completion::Completed)
        })
    };
    let trials = vec![
        needs(
            "every_built_page_loads_whole_in_a_browser",
            every_built_page_loads_whole_in_a_browser,
        ),
        needs(
            "each_book_finds_its_words_in_a_browser",
            search::each_book_finds_its_words_in_a_browser,
        ),
        needs(
            "each_book_shows_the_comments_of_its_language",
            comments::each_book_shows_the_comments_of_its_language,
        ),
    ];
    libtest_mimic::run(&args, trials).exit_code()
}

fn every_built_page_loads_whole_in_a_browser() -> Result<(), String> {
    let site = built_books()?;
    let mut pages = Vec::new();
    for lang in ["ko", "en"] {
        pages.extend(html_files(&site.join(lang)));
    }
    let mut problems = Vec::new();
    for page in &pages {
        let html = std::fs::read_to_string(page).map_err(|e| e.to_string())?;
        problems.extend(check_page(page, &html));
    }
    for lang in ["ko", "en"] {
        let print = site.join(lang).join("print.html");
        match load_in_browser(&format!("file://{}", print.display())) {
            Ok(dom) => problems.extend(check_page(&print, &dom)),
            Err(e) => problems.push(e),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} pages checked:\n{}",
            pages.len(),
            problems.join("\n")
        ))
    }
}

/// Every page of a built book. The 404 page's links are absolute (for a web server) and
/// `toc.html` is the sidebar for browsers without JavaScript: both are left out.
fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                if !["css", "fonts", "FontAwesome"].contains(&name) {
                    stack.push(path);
                }
            } else if name.ends_with(".html") && name != "404.html" && name != "toc.html" {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Loads `url` in headless Chromium and returns the document it built once its scripts (the
/// search index is loaded by one) have run.
fn load_in_browser(url: &str) -> Result<String, String> {
    let profile = tempfile::tempdir().map_err(|e| e.to_string())?;
    let dump = Command::new("timeout")
        .arg("60")
        .arg("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("{url}: cannot run Chromium: {e}"))?;
    if !dump.status.success() || dump.stdout.is_empty() {
        return Err(format!("{url}: Chromium failed: {}", dump.status));
    }
    Ok(String::from_utf8_lossy(&dump.stdout).into_owned())
}

/// What is wrong with the document `dom` of `page`.
fn check_page(page: &Path, dom: &str) -> Vec<String> {
    let dir = page.parent().expect("a folder");
    let mut problems = Vec::new();
    let mut problem = |what: String| problems.push(format!("{}: {what}", page.display()));
    if dom.contains("{{#include") {
        problem("a raw {{#include is left in the page".to_owned());
    }
    for src in attribute_values(dom, "<img", "src") {
        if !is_external(&src) && !dir.join(strip_fragment(&src)).is_file() {
            problem(format!("the picture {src} is missing"));
        }
    }
    for href in attribute_values(dom, "<a", "href") {
        let target = strip_fragment(&href);
        if is_external(&href) || target.is_empty() {
            continue;
        }
        let path = dir.join(target);
        if !(path.is_file() || path.join("index.html").is_file()) {
            problem(format!("the link {href} leads nowhere"));
        }
    }
    for code in elements(dom, "<pre", "</pre>") {
        if text_of(code).trim().is_empty() {
            problem("an empty code block".to_owned());
        }
    }
    problems
}

fn is_external(url: &str) -> bool {
    url.contains("://") || url.starts_with("data:") || url.starts_with("javascript:")
}

fn strip_fragment(url: &str) -> &str {
    url.split(['#', '?']).next().unwrap_or("")
}

/// The values of `attribute` in every tag that starts with `tag` (`<img`, `<a`).
fn attribute_values(dom: &str, tag: &str, attribute: &str) -> Vec<String> {
    let key = format!(" {attribute}=\"");
    dom.match_indices(tag)
        .filter(|(at, _)| {
            dom[at + tag.len()..].starts_with(|c: char| c.is_whitespace() || c == '>')
        })
        .filter_map(|(at, _)| {
            let tag_text = &dom[at..at + dom[at..].find('>')?];
            let start = tag_text.find(&key)? + key.len();
            let end = tag_text[start..].find('"')? + start;
            Some(tag_text[start..end].replace("&amp;", "&"))
        })
        .collect()
}

/// The inner HTML of every element from `open` to `close`.
fn elements<'a>(dom: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    dom.match_indices(open)
        .filter_map(|(at, _)| {
            let inner = at + dom[at..].find('>')? + 1;
            Some(&dom[inner..inner + dom[inner..].find(close)?])
        })
        .collect()
}

/// The text of some HTML, tags left out.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}
