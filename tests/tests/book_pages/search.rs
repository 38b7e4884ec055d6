//! Searching each built book in Chromium, as a reader does. One page per book runs every word
//! through the book's own `elasticlunr.min.js` and `searchindex.js` with the options the search
//! box uses (one browser start per book, not per word); then the search box itself is used with
//! `?search=`, from `file://` and from a web server on loopback, for its results and its header.

use super::{built_books, load_in_browser, root, text_of};
use std::collections::BTreeMap;
use std::path::Path;

/// Words taken from the Korean pages: plain stems, forms with a particle, two-word and mixed
/// queries, and, for some, the page that must come first.
const KOREAN: &[(&str, Option<&str>)] = &[
    ("스레드", None),
    ("스레드를", None),
    ("스레드가", None),
    ("프로세스", None),
    ("프로세스가", None),
    ("데몬", None),
    ("잠금", None),
    ("교착", None),
    ("경쟁", None),
    ("세마포어", Some("sync/semaphore.html")),
    ("파이프", None),
    ("큐", None),
    ("공유 메모리", None),
    ("풀", None),
    ("조인", None),
    ("직렬화", None),
    ("타임라인", None),
    ("자식", None),
    ("부모", None),
    ("컴파일러", None),
    ("생산자", None),
    ("소비자", None),
    ("철학자", Some("exercises/11-dining-philosophers.html")),
    ("Mutex 잠금", None),
    ("spawn", None),
];

/// Words taken from the English pages.
const ENGLISH: &[(&str, Option<&str>)] = &[
    ("thread", None),
    ("threads", None),
    ("process", None),
    ("daemon", None),
    ("deadlock", None),
    ("semaphore", Some("sync/semaphore.html")),
    ("pipe", None),
    ("queue", None),
    ("pool", None),
    ("join", None),
    ("shared memory", None),
    (
        "philosophers",
        Some("exercises/11-dining-philosophers.html"),
    ),
    ("Mutex", None),
];

pub fn each_book_finds_its_words_in_a_browser() -> Result<(), String> {
    let site = built_books()?;
    let mut problems = Vec::new();
    for (lang, words) in [("ko", KOREAN), ("en", ENGLISH)] {
        let found = search_all(&site.join(lang), words)?;
        for (word, first) in words {
            let pages = found.get(*word).map(Vec::as_slice).unwrap_or_default();
            if pages.is_empty() {
                problems.push(format!("{lang}: {word:?} finds no page"));
            } else if let Some(first) = first
                && !pages[0].starts_with(first)
            {
                problems.push(format!(
                    "{lang}: {word:?} finds {} first, not {first}",
                    pages[0]
                ));
            }
        }
    }
    problems.extend(every_glossary_term_finds_a_page(site)?);
    problems.extend(the_korean_search_box_speaks_korean(site)?);
    problems.extend(the_english_search_box_is_unchanged(site)?);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The glossary's terms: in the Korean book each term and every other way of writing it (the
/// first column, "빌림 (대여, 차용)"), in the English book each English term.
fn glossary_terms(lang: &str) -> Vec<String> {
    let page = root().join("book").join(lang).join("src/glossary.md");
    let text = std::fs::read_to_string(page).unwrap_or_default();
    text.lines()
        .filter(|line| {
            line.starts_with("| ") && !line.starts_with("| 용어") && !line.starts_with("| Term")
        })
        .flat_map(|line| {
            let first = line
                .trim_matches('|')
                .split(" | ")
                .next()
                .unwrap_or("")
                .trim();
            first
                .replace(" (", ", ")
                .trim_end_matches(')')
                .split(", ")
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Each glossary term, typed into the search box, finds a page besides the glossary: in the
/// Korean book also when typed another way than the pages write it (`book_search::VARIANTS`).
fn every_glossary_term_finds_a_page(site: &Path) -> Result<Vec<String>, String> {
    let mut problems = Vec::new();
    for lang in ["ko", "en"] {
        let terms = glossary_terms(lang);
        if terms.len() < 20 {
            problems.push(format!("{lang}: the glossary has {} terms", terms.len()));
        }
        let words: Vec<(&str, Option<&str>)> = terms.iter().map(|t| (t.as_str(), None)).collect();
        let found = search_all(&site.join(lang), &words)?;
        for term in &terms {
            let pages = found.get(term).map(Vec::as_slice).unwrap_or_default();
            if !pages.iter().any(|page| !page.starts_with("glossary.html")) {
                problems.push(format!(
                    "{lang}: the glossary's {term:?} finds no other page: {pages:?}"
                ));
            }
        }
    }
    Ok(problems)
}

/// Runs every word through the book's index in the browser; the pages each finds, best first.
fn search_all(
    book: &Path,
    words: &[(&str, Option<&str>)],
) -> Result<BTreeMap<String, Vec<String>>, String> {
    let queries: Vec<&str> = words.iter().map(|(word, _)| *word).collect();
    let page = format!(
        r#"<!DOCTYPE html><meta charset="utf-8"><pre id="found"></pre>
<script>window.search = window.search || {{}};</script>
<script src="{lang}/elasticlunr.min.js"></script>
<script src="{lang}/searchindex.js"></script>
<script>
const index = elasticlunr.Index.load(window.search.index);
const found = {{}};
for (const word of {queries}) {{
  found[word] = index.search(word, window.search.search_options)
    .map(result => window.search.doc_urls[result.ref]);
}}
document.getElementById('found').textContent = JSON.stringify(found);
</script>"#,
        lang = book.file_name().and_then(|n| n.to_str()).unwrap_or("book"),
        queries = serde_json::to_string(&queries).map_err(|e| e.to_string())?
    );
    // Beside the book, not in it: the page check reads every page of the book meanwhile.
    let lang = book.file_name().and_then(|n| n.to_str()).unwrap_or("book");
    let path = book.with_file_name(format!("search-check-{lang}.html"));
    std::fs::write(&path, page).map_err(|e| e.to_string())?;
    let dom = load_in_browser(&format!("file://{}", path.display()))?;
    let json = between(&dom, r#"<pre id="found">"#, "</pre>")
        .map(unescape_html)
        .ok_or_else(|| format!("{}: the search page wrote nothing:\n{dom}", book.display()))?;
    serde_json::from_str(&json).map_err(|e| format!("{}: {e}: {json}", book.display()))
}

/// The search box of the Korean book: its results header and placeholder are Korean, and it
/// finds pages from `file://` and from a web server alike.
fn the_korean_search_box_speaks_korean(site: &Path) -> Result<Vec<String>, String> {
    let mut problems = Vec::new();
    let book = site.join("ko");
    let file = format!("file://{}/index.html", book.display());
    let server = Server::start(&book)?;
    for base in [file.clone(), format!("{}/index.html", server.url)] {
        let dom = load_in_browser(&format!("{base}?search=%EC%8A%A4%EB%A0%88%EB%93%9C"))?;
        let header = header_of(&dom);
        if !(header.starts_with("'스레드' 검색 결과 ") && header.ends_with('개')) {
            problems.push(format!("ko {base}: the results header is {header:?}"));
        }
        if !dom.contains(r#"placeholder="이 책에서 찾기 ...""#) {
            problems.push(format!(
                "ko {base}: the search box's placeholder is not Korean"
            ));
        }
        if !dom.contains(r#"<li><a href=""#) {
            problems.push(format!("ko {base}: no result is listed"));
        }
    }
    let dom = load_in_browser(&format!("{file}?search=zzqx"))?;
    let header = header_of(&dom);
    if header != "'zzqx'에 대한 검색 결과가 없습니다" {
        problems.push(format!("ko: the no-results header is {header:?}"));
    }
    Ok(problems)
}

fn the_english_search_box_is_unchanged(site: &Path) -> Result<Vec<String>, String> {
    let index = site.join("en").join("index.html");
    let dom = load_in_browser(&format!("file://{}?search=thread", index.display()))?;
    let header = header_of(&dom);
    Ok(
        if header.ends_with("search results for 'thread':") && !header.starts_with('0') {
            Vec::new()
        } else {
            vec![format!("en: the results header is {header:?}")]
        },
    )
}

fn header_of(dom: &str) -> String {
    between(dom, r#"id="searchresults-header""#, "</")
        .and_then(|rest| rest.split_once('>').map(|(_, text)| text))
        .map(|text| unescape_html(&text_of(text)).trim().to_owned())
        .unwrap_or_default()
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

fn unescape_html(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Python's `http.server` serving a folder on a free loopback port, stopped when dropped.
struct Server {
    child: std::process::Child,
    url: String,
}

impl Server {
    fn start(dir: &Path) -> Result<Server, String> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|e| format!("a free port: {e}"))?
            .port();
        let child = std::process::Command::new("python3")
            .args([
                "-m",
                "http.server",
                "--bind",
                "127.0.0.1",
                &port.to_string(),
            ])
            .current_dir(dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .map_err(|e| format!("python3 -m http.server: {e}"))?;
        let server = Server {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if std::time::Instant::now() > deadline {
                return Err("python3 -m http.server did not start in 10 s".to_owned());
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Ok(server)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
