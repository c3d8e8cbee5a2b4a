//! `casebook schema`: the front matter's JSON Schema, for editors.

use std::path::Path;

use casebook::schema::json_schema::front_matter_schema;

use super::{Outcome, load_config};

pub fn run(root: &Path) -> anyhow::Result<Outcome> {
    let config = load_config(root)?;
    println!(
        "{}",
        serde_json::to_string_pretty(&front_matter_schema(&config))?
    );
    Ok(Outcome::Success)
}
