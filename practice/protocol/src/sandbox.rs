//! A check binary forbids its process, and the children it starts afterwards, to write files
//! (Landlock): what the learner's call must pass along (35's greeting) then goes through the
//! mechanism taught, the target's arguments, or not at all; a temp file the parent writes for
//! the child fails to open (`Permission denied`).

use landlock::{
    AccessFs, PathBeneath, PathFd, Ruleset, RulesetAttr, RulesetCreatedAttr, RulesetStatus,
};
use std::path::Path;

/// From here on, this process and the children it starts can open no file for writing, and
/// create none, but the files in `except` (the trace, `/dev/null`). Whether the kernel enforces
/// it (Landlock since Linux 5.13; where it is missing nothing is forbidden and this says so).
pub fn forbid_writing_files(except: &[&Path]) -> Result<bool, String> {
    let write = AccessFs::WriteFile;
    let handled = write | AccessFs::MakeReg | AccessFs::MakeFifo | AccessFs::MakeSym;
    let fail = |e: &dyn std::fmt::Display| format!("Landlock: {e}");
    let mut ruleset = Ruleset::default()
        .handle_access(handled)
        .map_err(|e| fail(&e))?
        .create()
        .map_err(|e| fail(&e))?;
    for path in except {
        let file = PathFd::new(path).map_err(|e| fail(&e))?;
        ruleset = ruleset
            .add_rule(PathBeneath::new(file, write))
            .map_err(|e| fail(&e))?;
    }
    let status = ruleset.restrict_self().map_err(|e| fail(&e))?;
    Ok(status.ruleset == RulesetStatus::FullyEnforced)
}

/// Whether this kernel has Landlock, so that `forbid_writing_files` would be enforced (the
/// practice tests' wrong program for 35 is refused only then).
pub fn available() -> bool {
    use landlock::{CompatLevel, Compatible};
    Ruleset::default()
        .set_compatibility(CompatLevel::HardRequirement)
        .handle_access(AccessFs::WriteFile)
        .and_then(|ruleset| ruleset.create())
        .is_ok()
}
