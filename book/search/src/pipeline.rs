//! The Korean book's language for elasticlunr (the tokenizer) and its pipeline's two labelled
//! steps, which `korean.js` registers under the same labels in the browser.

use crate::words::{LOANWORDS, stem, tokens, variants};
use elasticlunr::Language;
use elasticlunr::pipeline::{Pipeline, PipelineFn};

/// The labels of the index's pipeline, as `korean.js` registers them.
pub(crate) const TRIMMER: &str = "trimmerKoBook";
pub(crate) const STEMMER: &str = "stemmerKoBook";

/// The Korean book's language for elasticlunr: [`tokens`] and their [`LOANWORDS`], then [`stem`].
#[derive(Debug)]
pub(crate) struct KoreanBook;

impl Language for KoreanBook {
    fn name(&self) -> String {
        "Korean".into()
    }

    fn code(&self) -> String {
        "ko".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        let mut words = tokens(text);
        let loanwords: Vec<String> = words
            .iter()
            .filter_map(|word| {
                let singular = word.strip_suffix('s').unwrap_or(word);
                LOANWORDS
                    .iter()
                    .find(|(english, _)| *english == word || *english == singular)
                    .map(|(_, korean)| (*korean).to_owned())
            })
            .collect();
        words.extend(loanwords);
        let others: Vec<String> = (words.iter())
            .filter_map(|word| stem(word))
            .flat_map(|stem| variants(&stem))
            .map(str::to_owned)
            .collect();
        words.extend(others);
        words
    }

    fn make_pipeline(&self) -> Pipeline {
        Pipeline {
            queue: vec![Box::new(Step(TRIMMER)), Box::new(Step(STEMMER))],
        }
    }
}

/// One labelled step of the pipeline. The tokenizer already trimmed the words, so the trimmer
/// only drops an empty one (a query can have them; the browser's tokenizer keeps them).
#[derive(Debug)]
struct Step(&'static str);

impl PipelineFn for Step {
    fn name(&self) -> String {
        self.0.to_owned()
    }

    fn filter(&self, token: String) -> Option<String> {
        match self.0 {
            STEMMER => stem(&token),
            _ => (!token.is_empty()).then_some(token),
        }
    }
}
