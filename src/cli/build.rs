//! `casebook build`.

use std::path::Path;

use super::Outcome;

pub fn run(_root: &Path, _out: &Path, _base_url: Option<&str>, _drafts: bool) -> anyhow::Result<Outcome> {
    anyhow::bail!("`build` is not written yet")
}
