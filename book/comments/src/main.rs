//! `book-comments <ko|en> <built book folder>`: keeps, in every Rust listing of the built pages,
//! the comments of that book's language (`scripts/book` runs it on both books).

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [lang, site] = args.as_slice() else {
        eprintln!("usage: book-comments <ko|en> <built book folder>");
        return ExitCode::from(2);
    };
    let Some(lang) = book_comments::Lang::parse(lang) else {
        eprintln!("error: no language '{lang}' (ko or en)");
        return ExitCode::from(2);
    };
    match book_comments::show_comments_in(Path::new(site), lang) {
        Ok(pages) => {
            println!("{pages} pages' listings show their book's comments");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
