//! `casebook serve`.

use std::path::Path;

use super::Outcome;

pub fn run(_root: &Path, _port: u16, _bind: &str, _drafts: bool) -> anyhow::Result<Outcome> {
    anyhow::bail!("`serve` is not written yet")
}
