//! `book-search <built Korean book>`: makes it searchable in Korean (see the library).
//! `scripts/book` runs it after `mdbook build` of `book/ko`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        eprintln!("usage: book-search <folder of the built Korean book>");
        return ExitCode::from(2);
    };
    match book_search::make_korean_searchable(std::path::Path::new(dir)) {
        Ok(report) => {
            println!(
                "{dir}: {} sections indexed in Korean; searchindex.json {} -> {} bytes",
                report.documents, report.bytes_before, report.bytes_after
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}
