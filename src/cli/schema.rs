//! `casebook schema`: the front matter's JSON Schema, for editors.

use std::path::Path;

use casebook::schema::json_schema::front_matter_schema;

use super::{Outcome, load_config, to_stdout};

pub fn run(root: &Path) -> anyhow::Result<Outcome> {
    let config = load_config(root)?;
    to_stdout(&format!(
        "{}\n",
        serde_json::to_string_pretty(&front_matter_schema(&config))?
    ))?;
    Ok(Outcome::Success)
}
