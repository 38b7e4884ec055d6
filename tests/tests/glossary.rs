//! The glossary (용어집) of each book stays true: every term it lists is said on the pages it
//! names, and both glossaries have the same terms.

#[path = "book/pages.rs"]
mod pages;

use pages::*;

/// A page's text with its includes put in (an anchor's part only), as the built page shows it.
fn page_text(lang: &str, page: &str) -> String {
    let path = page_path(lang, page);
    let mut text = read_page(lang, page);
    for (file, anchor) in includes(&text.clone()) {
        let included = path.parent().expect("a folder").join(&file);
        let whole = std::fs::read_to_string(&included).unwrap_or_default();
        let part = match anchor.as_deref() {
            Some(name) if !name.starts_with(|c: char| c.is_ascii_digit()) => {
                let open = format!("ANCHOR: {name}");
                let close = format!("ANCHOR_END: {name}");
                whole
                    .split_once(&open)
                    .and_then(|(_, rest)| rest.split_once(&close))
                    .map_or(String::new(), |(inside, _)| inside.to_owned())
            }
            _ => whole,
        };
        text.push('\n');
        text.push_str(&part);
    }
    text
}

/// The glossary's rows: the term and its variants (first column), and the pages it lists (last).
fn glossary(lang: &str) -> Vec<(Vec<String>, Vec<String>)> {
    read_page(lang, "glossary.md")
        .lines()
        .filter(|line| {
            line.starts_with("| ") && !line.starts_with("| 용어") && !line.starts_with("| Term")
        })
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            let term = cells[0].trim();
            let (main, others) = match term.split_once(" (") {
                Some((main, rest)) => (main, rest.trim_end_matches(')')),
                None => (term, ""),
            };
            let mut words = vec![main.to_owned()];
            words.extend(
                others
                    .split(", ")
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
            let pages = local_targets(cells.last().expect("a last cell"));
            (words, pages)
        })
        .collect()
}

#[test]
fn the_glossary_lists_pages_that_say_each_term() {
    for lang in ["ko", "en"] {
        let rows = glossary(lang);
        assert!(rows.len() >= 20, "{lang}: {} terms", rows.len());
        let pages = summary(lang);
        for (words, listed) in rows {
            assert!(!listed.is_empty(), "{lang}: {words:?} lists no page");
            for page in listed {
                assert!(
                    pages.contains(&page),
                    "{lang}: {words:?} lists {page}, not a page"
                );
                let text = page_text(lang, &page).to_lowercase();
                assert!(
                    words.iter().any(|w| text.contains(&w.to_lowercase())),
                    "{lang}: {page} does not say {words:?}"
                );
            }
        }
    }
}

#[test]
fn both_glossaries_have_the_same_terms() {
    let ko = glossary("ko");
    let en = glossary("en");
    assert_eq!(ko.len(), en.len(), "one row per term in both");
}
