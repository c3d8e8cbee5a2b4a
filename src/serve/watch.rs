//! Watching the site for changes: the `content/` and `themes/` folders
//! (folders, not files: an editor that saves by writing a new file and
//! renaming it over the old one would otherwise lose the watch), debounced
//! by notify-debouncer-full, and each event's paths sorted into what they
//! mean for the site.
//!
//! An event only says where to look; what is there is read when the change
//! is rebuilt. So vim's save (rename to `molde.md~`, write `molde.md`,
//! delete the backup) is one edit of `molde.md`, whatever order the events
//! of its steps arrive in.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache};

use super::ServeError;
use crate::content::is_editor_temp;

/// How long an event waits for the rest of its save. Editors finish a save
/// (even vim's five steps) within a few milliseconds; anything longer here
/// is added to every edit's reload time.
const DEBOUNCE: Duration = Duration::from_millis(10);

/// How often the debouncer looks for events that have waited long enough.
const TICK: Duration = Duration::from_millis(5);

/// The watcher; dropping it stops watching.
pub type Watcher = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// The configuration files directly under `content/`.
const CONFIG_FILES: [&str; 5] = [
    "site.yaml",
    "themes.yaml",
    "programmes.yaml",
    "indicators.yaml",
    "municipalities.csv",
];

/// What a batch of events means for the site.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Case files (absolute paths) that were written, created or removed.
    pub cases: BTreeSet<PathBuf>,
    /// Why the whole site must be rebuilt (configuration, skin, free pages,
    /// media, a folder of cases, or events the system lost), if it must.
    pub full: Option<String>,
    /// The changed paths relative to the root, for the terminal.
    pub labels: BTreeSet<String>,
    /// `content/` or `themes/` itself appeared, so it must be (re)watched.
    pub rewatch: BTreeSet<PathBuf>,
}

impl Changes {
    /// Whether nothing relevant changed.
    pub fn is_empty(&self) -> bool {
        self.cases.is_empty() && self.full.is_none()
    }

    fn full(&mut self, why: String) {
        if self.full.is_none() {
            self.full = Some(why.clone());
        }
        self.labels.insert(why);
    }
}

/// Explains a watcher error, with the fix for the inotify limit.
pub fn explain(error: &notify::Error) -> String {
    match &error.kind {
        notify::ErrorKind::MaxFilesWatch => crate::words!("watch-limit"),
        // EMFILE from inotify_init: too many inotify instances.
        notify::ErrorKind::Io(e) if e.raw_os_error() == Some(24) => {
            crate::words!("watch-instances")
        }
        _ => error.to_string().to_lowercase(),
    }
}

/// Starts watching `root`'s `content/` and `themes/` (and the root itself,
/// without its subfolders, to notice `themes/` being created). Each batch
/// of events is handed to `on_events`; `temp` (where the site is written)
/// is never watched.
pub fn start(
    root: &Path,
    temp: &Path,
    on_events: impl FnMut(DebounceEventResult) + Send + 'static,
) -> Result<Watcher, ServeError> {
    let mut debouncer = notify_debouncer_full::new_debouncer(DEBOUNCE, Some(TICK), on_events)
        .map_err(|e| ServeError::Watch {
            path: root.to_path_buf(),
            message: explain(&e),
        })?;
    let watch = |debouncer: &mut Watcher, path: &Path, mode| {
        debouncer.watch(path, mode).map_err(|e| ServeError::Watch {
            path: path.to_path_buf(),
            message: explain(&e),
        })
    };
    watch(
        &mut debouncer,
        &root.join("content"),
        RecursiveMode::Recursive,
    )?;
    if root.join("themes").is_dir() {
        watch(
            &mut debouncer,
            &root.join("themes"),
            RecursiveMode::Recursive,
        )?;
    }
    // Not fatal: the site can be served without noticing a new `themes/`.
    let _ = debouncer.watch(root, RecursiveMode::NonRecursive);
    debug_assert!(!temp.starts_with(root.join("content")));
    Ok(debouncer)
}

/// Which folders under `themes/` matter.
#[derive(Clone, Copy, Debug)]
pub enum Skins<'a> {
    /// The one `site.yaml` names (none: only the built-in skin is used).
    Named(Option<&'a str>),
    /// All of them: the site waits for a fix, and the configuration that
    /// names the skin may be the part not yet loaded.
    All,
}

/// Sorts a batch of debounced events into [`Changes`].
pub fn classify(root: &Path, temp: &Path, skins: Skins<'_>, events: &[DebouncedEvent]) -> Changes {
    let mut changes = Changes::default();
    for event in events {
        if matches!(event.kind, EventKind::Access(_)) {
            continue;
        }
        if event.need_rescan() {
            changes.full(crate::words!("watch-rescan"));
            continue;
        }
        // `content/` or `themes/` itself matters only when it comes or goes.
        let comes_or_goes = matches!(
            event.kind,
            EventKind::Create(_)
                | EventKind::Remove(_)
                | EventKind::Modify(notify::event::ModifyKind::Name(_))
        );
        for path in &event.paths {
            classify_path(root, temp, skins, path, comes_or_goes, &mut changes);
        }
    }
    changes
}

fn classify_path(
    root: &Path,
    temp: &Path,
    skins: Skins<'_>,
    path: &Path,
    comes_or_goes: bool,
    changes: &mut Changes,
) {
    if path.starts_with(temp) {
        return;
    }
    let Ok(rel) = path.strip_prefix(root) else {
        return;
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.iter().any(|p| is_editor_temp(p)) {
        return;
    }
    let label = parts.join("/");
    let names: Vec<&str> = parts.iter().map(String::as_str).collect();
    match names.as_slice() {
        ["content"] | ["themes"] if comes_or_goes => {
            changes.rewatch.insert(path.to_path_buf());
            changes.full(label);
        }
        ["content", "cases", .., name] if is_markdown(name) => {
            changes.cases.insert(path.to_path_buf());
            changes.labels.insert(label);
        }
        // A folder of cases appeared, went or was renamed: look at them all.
        ["content", "cases", ..] if !has_extension(names.last().copied()) => changes.full(label),
        ["content", "pages", .., name] if is_markdown(name) => changes.full(label),
        ["content", "pages", ..] if !has_extension(names.last().copied()) => changes.full(label),
        ["content", "media", ..] => changes.full(label),
        ["content", name] if CONFIG_FILES.contains(name) => changes.full(label),
        ["themes", name, ..] => {
            let used = match skins {
                Skins::Named(skin) => skin == Some(*name),
                Skins::All => true,
            };
            if used {
                changes.full(label);
            }
        }
        _ => {}
    }
}

fn is_markdown(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

fn has_extension(name: Option<&str>) -> bool {
    name.is_some_and(|n| Path::new(n).extension().is_some())
}

#[cfg(test)]
mod tests {
    use notify::event::{CreateKind, ModifyKind, RemoveKind, RenameMode};

    use super::*;

    fn event(kind: EventKind, paths: &[&str]) -> DebouncedEvent {
        let mut e = notify::Event::new(kind);
        for p in paths {
            e = e.add_path(PathBuf::from(p));
        }
        DebouncedEvent::new(e, std::time::Instant::now())
    }

    fn changes(skin: Option<&str>, events: &[DebouncedEvent]) -> Changes {
        classify(
            Path::new("/site"),
            Path::new("/tmp/out"),
            Skins::Named(skin),
            events,
        )
    }

    #[test]
    fn a_saved_case_is_a_case_change() {
        let c = changes(
            None,
            &[event(
                EventKind::Modify(ModifyKind::Any),
                &["/site/content/cases/molde.md"],
            )],
        );
        assert_eq!(
            c.cases.into_iter().collect::<Vec<_>>(),
            [PathBuf::from("/site/content/cases/molde.md")]
        );
        assert_eq!(c.full, None);
    }

    #[test]
    fn a_rename_over_a_case_counts_its_target() {
        let c = changes(
            None,
            &[event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &[
                    "/site/content/cases/.molde.md.tmp",
                    "/site/content/cases/molde.md",
                ],
            )],
        );
        assert_eq!(c.cases.len(), 1);
        assert_eq!(
            c.labels.into_iter().collect::<Vec<_>>(),
            ["content/cases/molde.md"]
        );
    }

    #[test]
    fn editor_files_access_and_the_output_are_ignored() {
        let c = changes(
            None,
            &[
                event(
                    EventKind::Create(CreateKind::File),
                    &["/site/content/cases/.molde.md.swp"],
                ),
                event(
                    EventKind::Create(CreateKind::File),
                    &["/site/content/cases/molde.md~"],
                ),
                event(
                    EventKind::Create(CreateKind::File),
                    &["/site/content/cases/4913"],
                ),
                event(
                    EventKind::Create(CreateKind::File),
                    &["/site/content/cases/.#molde.md"],
                ),
                event(
                    EventKind::Access(notify::event::AccessKind::Any),
                    &["/site/content/cases/molde.md"],
                ),
                event(EventKind::Create(CreateKind::Folder), &["/site/public"]),
                event(
                    EventKind::Create(CreateKind::File),
                    &["/tmp/out/site-1/index.html"],
                ),
                event(
                    EventKind::Create(CreateKind::File),
                    &["/site/content/cases/notes.txt"],
                ),
            ],
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn configuration_pages_media_and_the_skin_rebuild_everything() {
        for path in [
            "/site/content/site.yaml",
            "/site/content/themes.yaml",
            "/site/content/pages/om.md",
            "/site/content/media/molde.png",
            "/site/themes/mine/templates/case.html",
            "/site/content/cases/2024",
        ] {
            let c = changes(
                Some("mine"),
                &[event(EventKind::Remove(RemoveKind::Any), &[path])],
            );
            assert!(c.full.is_some(), "{path}");
        }
        let other_skin = changes(
            Some("mine"),
            &[event(
                EventKind::Modify(ModifyKind::Any),
                &["/site/themes/other/templates/case.html"],
            )],
        );
        assert!(other_skin.is_empty());
        let while_broken = classify(
            Path::new("/site"),
            Path::new("/tmp/out"),
            Skins::All,
            &[event(
                EventKind::Modify(ModifyKind::Any),
                &["/site/themes/other/templates/case.html"],
            )],
        );
        assert!(while_broken.full.is_some());
    }

    #[test]
    fn the_inotify_limit_says_how_to_raise_it() {
        let message = explain(&notify::Error::new(notify::ErrorKind::MaxFilesWatch));
        assert!(message.contains("fs.inotify.max_user_watches"), "{message}");
    }
}
