//! The skin: templates, static assets and UI strings that give the site its
//! look. The default skin lives in `themes/default/` as ordinary files and is
//! embedded in the binary here, so a site without a `themes/` folder works.
//! A site's `themes/<skin>/` (from `skin:` in `site.yaml`) overrides the
//! default file by file; its string files override single keys.
//!
//! (The folder is called `themes/` by the contract; in code a "theme" is a
//! topic, so this bundle is a skin.)

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::config::Language;

/// Every file of `themes/default/`, embedded at compile time. A unit test
/// checks that this list and the folder on disk agree.
pub const DEFAULT_FILES: &[(&str, &[u8])] = &[
    ("README.md", include_bytes!("../themes/default/README.md")),
    (
        "strings/en.yaml",
        include_bytes!("../themes/default/strings/en.yaml"),
    ),
    (
        "strings/nb.yaml",
        include_bytes!("../themes/default/strings/nb.yaml"),
    ),
    (
        "strings/nn.yaml",
        include_bytes!("../themes/default/strings/nn.yaml"),
    ),
    (
        "static/facets.js",
        include_bytes!("../themes/default/static/facets.js"),
    ),
    (
        "static/favicon.svg",
        include_bytes!("../themes/default/static/favicon.svg"),
    ),
    (
        "static/search.js",
        include_bytes!("../themes/default/static/search.js"),
    ),
    (
        "static/style.css",
        include_bytes!("../themes/default/static/style.css"),
    ),
    (
        "templates/404.html",
        include_bytes!("../themes/default/templates/404.html"),
    ),
    (
        "templates/base.html",
        include_bytes!("../themes/default/templates/base.html"),
    ),
    (
        "templates/case.html",
        include_bytes!("../themes/default/templates/case.html"),
    ),
    (
        "templates/embed.html",
        include_bytes!("../themes/default/templates/embed.html"),
    ),
    (
        "templates/feed.xml",
        include_bytes!("../themes/default/templates/feed.xml"),
    ),
    (
        "templates/index.html",
        include_bytes!("../themes/default/templates/index.html"),
    ),
    (
        "templates/list.html",
        include_bytes!("../themes/default/templates/list.html"),
    ),
    (
        "templates/page.html",
        include_bytes!("../themes/default/templates/page.html"),
    ),
    (
        "templates/partials/card.html",
        include_bytes!("../themes/default/templates/partials/card.html"),
    ),
    (
        "templates/partials/cards.html",
        include_bytes!("../themes/default/templates/partials/cards.html"),
    ),
    (
        "templates/partials/pagination.html",
        include_bytes!("../themes/default/templates/partials/pagination.html"),
    ),
    (
        "templates/search.html",
        include_bytes!("../themes/default/templates/search.html"),
    ),
    (
        "templates/terms.html",
        include_bytes!("../themes/default/templates/terms.html"),
    ),
];

/// The prefix under which the embedded templates are registered; Tera falls
/// back to it when a site's skin has no template of that name.
pub const DEFAULT_PREFIX: &str = "__default/";

/// What can go wrong loading a skin (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum SkinError {
    /// `skin:` names a folder that does not exist.
    #[error("{}", crate::words!("skin-missing", name = name.as_str(), path = path.display().to_string()))]
    Missing {
        /// The skin name.
        name: String,
        /// Where it was looked for.
        path: PathBuf,
    },
    /// A file of the skin cannot be read.
    #[error("{}", crate::words!("skin-unreadable", path = path.display().to_string(), reason = reason.as_str()))]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A string file is not a YAML map of strings.
    #[error("{}", crate::words!("skin-strings", file = file.as_str(), reason = reason.as_str()))]
    Strings {
        /// The file, relative to the skin.
        file: String,
        /// Why.
        reason: String,
    },
    /// A template does not compile.
    #[error("{}", crate::words!("skin-template", reason = .0.as_str()))]
    Template(String),
}

/// A loaded skin: the default files with the site's overrides on top.
#[derive(Clone, Debug)]
pub struct Skin {
    /// Templates by name (`case.html`), overrides only; the defaults are
    /// always registered under [`DEFAULT_PREFIX`].
    pub templates: BTreeMap<String, String>,
    /// Static assets by path under `static/` (`style.css`).
    pub statics: BTreeMap<String, Vec<u8>>,
    /// UI strings by language code, then key.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
}

fn default_file(path: &str) -> Option<&'static [u8]> {
    DEFAULT_FILES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, b)| *b)
}

fn parse_strings(file: &str, bytes: &[u8]) -> Result<BTreeMap<String, String>, SkinError> {
    let text = std::str::from_utf8(bytes).map_err(|_| SkinError::Strings {
        file: file.into(),
        reason: "not UTF-8".into(),
    })?;
    crate::yaml::from_str::<BTreeMap<String, String>>(text).map_err(|e| SkinError::Strings {
        file: file.into(),
        reason: e.message,
    })
}

/// Every file under `dir`, as `/`-separated paths relative to it, sorted.
fn files_under(dir: &Path) -> Result<Vec<String>, SkinError> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| SkinError::Unreadable {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        })?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(rel.join("/"));
        }
    }
    Ok(out)
}

impl Skin {
    /// The embedded default skin alone.
    pub fn embedded() -> Result<Skin, SkinError> {
        let mut skin = Skin {
            templates: BTreeMap::new(),
            statics: BTreeMap::new(),
            strings: BTreeMap::new(),
        };
        for (path, bytes) in DEFAULT_FILES {
            if let Some(name) = path.strip_prefix("static/") {
                skin.statics.insert(name.to_owned(), bytes.to_vec());
            } else if let Some(name) = path
                .strip_prefix("strings/")
                .and_then(|n| n.strip_suffix(".yaml"))
            {
                skin.strings
                    .insert(name.to_owned(), parse_strings(path, bytes)?);
            }
        }
        Ok(skin)
    }

    /// The skin of the site at `root`: the embedded default, overridden file
    /// by file from `themes/<name>/` when `name` is set. Reading files
    /// happens here, before rendering, so rendering never touches the disk.
    pub fn load(root: &Path, name: Option<&str>) -> Result<Skin, SkinError> {
        let mut skin = Skin::embedded()?;
        let Some(name) = name.filter(|n| *n != "default" || root.join("themes/default").is_dir())
        else {
            return Ok(skin);
        };
        let dir = root.join("themes").join(name);
        if !dir.is_dir() {
            return Err(SkinError::Missing {
                name: name.to_owned(),
                path: dir,
            });
        }
        for rel in files_under(&dir)? {
            let path = dir.join(&rel);
            let bytes = fs::read(&path).map_err(|e| SkinError::Unreadable {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            if let Some(t) = rel.strip_prefix("templates/") {
                let text = String::from_utf8(bytes).map_err(|_| SkinError::Unreadable {
                    path: path.clone(),
                    reason: "not UTF-8".into(),
                })?;
                skin.templates.insert(t.to_owned(), text);
            } else if let Some(s) = rel.strip_prefix("static/") {
                skin.statics.insert(s.to_owned(), bytes);
            } else if let Some(lang) = rel
                .strip_prefix("strings/")
                .and_then(|n| n.strip_suffix(".yaml"))
            {
                let overrides = parse_strings(&rel, &bytes)?;
                skin.strings
                    .entry(lang.to_owned())
                    .or_default()
                    .extend(overrides);
            }
        }
        Ok(skin)
    }

    /// The UI strings of a language (bokmål when the skin has none for it).
    pub fn strings_for(&self, language: Language) -> &BTreeMap<String, String> {
        static EMPTY: BTreeMap<String, String> = BTreeMap::new();
        self.strings
            .get(language.code())
            .or_else(|| self.strings.get("nb"))
            .unwrap_or(&EMPTY)
    }

    /// Compiles the templates once: the embedded defaults under
    /// [`DEFAULT_PREFIX`] and the site's overrides by their plain names.
    pub fn tera(&self) -> Result<tera::Tera, SkinError> {
        let mut tera = tera::Tera::new();
        tera.set_fallback_prefixes([DEFAULT_PREFIX])
            .map_err(|e| SkinError::Template(e.to_string()))?;
        let mut all: Vec<(String, String)> = Vec::new();
        for (path, bytes) in DEFAULT_FILES {
            if let Some(name) = path.strip_prefix("templates/") {
                let text = String::from_utf8_lossy(bytes).into_owned();
                all.push((format!("{DEFAULT_PREFIX}{name}"), text));
            }
        }
        for (name, text) in &self.templates {
            all.push((name.clone(), text.clone()));
        }
        tera.add_raw_templates(all)
            .map_err(|e| SkinError::Template(error_chain(&e)))?;
        Ok(tera)
    }

    /// The bytes of an embedded default file.
    pub fn default_file(path: &str) -> Option<&'static [u8]> {
        default_file(path)
    }
}

/// A Tera error with its causes, on one line.
pub fn error_chain(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_on_disk_is_embedded_and_identical() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut on_disk = files_under(&dir).expect("the default skin folder is readable");
        on_disk.sort();
        let mut embedded: Vec<&str> = DEFAULT_FILES.iter().map(|(p, _)| *p).collect();
        embedded.sort_unstable();
        assert_eq!(
            on_disk, embedded,
            "DEFAULT_FILES must list every file of themes/default/"
        );
        for (path, bytes) in DEFAULT_FILES {
            let disk = fs::read(dir.join(path)).expect("readable");
            assert_eq!(&disk[..], *bytes, "{path} differs from its embedded copy");
        }
    }

    #[test]
    fn default_templates_compile_and_strings_agree() {
        let skin = Skin::embedded().expect("embedded skin");
        skin.tera().expect("templates compile");
        let nb: Vec<&String> = skin.strings["nb"].keys().collect();
        for lang in ["nn", "en"] {
            let other: Vec<&String> = skin.strings[lang].keys().collect();
            assert_eq!(
                nb, other,
                "strings/{lang}.yaml must have the same keys as nb.yaml"
            );
        }
    }

    #[test]
    fn a_site_skin_overrides_file_by_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let skin_dir = dir.path().join("themes/mine");
        fs::create_dir_all(skin_dir.join("static")).expect("mkdir");
        fs::create_dir_all(skin_dir.join("strings")).expect("mkdir");
        fs::write(skin_dir.join("static/style.css"), "body{}").expect("write");
        fs::write(skin_dir.join("strings/nb.yaml"), "nav_search: Finn\n").expect("write");
        let skin = Skin::load(dir.path(), Some("mine")).expect("loads");
        assert_eq!(skin.statics["style.css"], b"body{}");
        assert_eq!(skin.strings["nb"]["nav_search"], "Finn");
        assert!(
            skin.strings["nb"].contains_key("skip_link"),
            "other keys stay"
        );
        assert!(Skin::load(dir.path(), Some("nope")).is_err());
    }
}
