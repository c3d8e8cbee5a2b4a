//! What the timing examples share: a site loaded and validated once, with
//! its skin, and the median of a round's figures.

use std::path::Path;

use anyhow::{Context, Result};
use casebook::config::Config;
use casebook::content::Sources;
use casebook::schema::{Checked, validate_site};
use casebook::skin::Skin;

/// A site ready to build: its configuration, its files, its validated
/// cases and pages, and its skin.
pub struct Site {
    pub config: Config,
    pub sources: Sources,
    pub checked: Checked,
    pub skin: Skin,
}

/// Loads and validates the site at `root`; a site with errors is refused.
pub fn load(root: &Path) -> Result<Site> {
    let config = casebook::config::load(root)
        .map_err(|d| anyhow::anyhow!("{} problems in the config", d.len()))?;
    let sources = casebook::content::load(root);
    let checked = validate_site(&config, &sources, false, jiff::civil::date(2026, 11, 22));
    anyhow::ensure!(
        checked.errors() == 0,
        "the site has errors; run casebook check"
    );
    let skin = Skin::load(root, config.site.skin.as_deref()).context("skin")?;
    Ok(Site {
        config,
        sources,
        checked,
        skin,
    })
}

/// The median of `v` (the upper one of an even count).
pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}
