//! The one list of exercises, `exercises/info.toml`: read once, each exercise given its check.

use super::{Exercise, mechanism};

/// One exercise as `exercises/info.toml` lists it.
#[derive(Debug, serde::Deserialize)]
struct Listed {
    id: String,
    package: String,
    title: Words,
    property: Words,
    hang: Option<Words>,
    checks: Words,
    forbids: Option<String>,
    #[serde(default)]
    start_methods: bool,
}

#[derive(Debug, serde::Deserialize)]
struct Words {
    ko: String,
    en: String,
}

/// A chapter: from its `first` exercise to the next chapter's.
#[derive(Debug, serde::Deserialize)]
struct Chapter {
    first: String,
    title: Words,
}

#[derive(Debug, serde::Deserialize)]
struct InfoToml {
    chapter: Vec<Chapter>,
    exercise: Vec<Listed>,
}

fn keep(text: String) -> &'static str {
    // The list is read once and lives as long as the program.
    Box::leak(text.into_boxed_str())
}

/// The exercises of `exercises/info.toml` under `root`, in order, each with its check.
pub fn load(root: &std::path::Path) -> Result<Vec<Exercise>, String> {
    let path = root.join("info.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let info: InfoToml = toml::from_str(&text).map_err(|e| {
        format!(
            "{}: {}",
            path.display(),
            e.to_string().lines().next().unwrap_or("")
        )
    })?;
    let chapters: Vec<(String, [&'static str; 2])> = (info.chapter.into_iter())
        .map(|c| (c.first, [keep(c.title.ko), keep(c.title.en)]))
        .collect();
    info.exercise
        .into_iter()
        .map(|listed| {
            let chapter = (chapters.iter().rev())
                .find(|(first, _)| *first <= listed.id)
                .map(|(_, title)| *title)
                .ok_or_else(|| format!("{}: {} is in no chapter", path.display(), listed.id))?;
            let (check, probe) = mechanism(&listed.package).ok_or_else(|| {
                format!(
                    "{}: no check for the package {:?} (practice/src/exercises/)",
                    path.display(),
                    listed.package
                )
            })?;
            let hang = listed.hang.unwrap_or(Words {
                ko: String::new(),
                en: String::new(),
            });
            Ok(Exercise {
                id: keep(listed.id),
                package: keep(listed.package),
                title: [keep(listed.title.ko), keep(listed.title.en)],
                property: [keep(listed.property.ko), keep(listed.property.en)],
                chapter,
                hang_hint: [keep(hang.ko), keep(hang.en)],
                checks: [keep(listed.checks.ko), keep(listed.checks.en)],
                check,
                probe,
                forbids: listed.forbids.map(keep),
                start_methods: listed.start_methods,
            })
        })
        .collect()
}
