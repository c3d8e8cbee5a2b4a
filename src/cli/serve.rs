//! `casebook serve`: build, serve on `--bind`:`--port`, rebuild on every
//! save and reload the browser (the library's [`casebook::serve`]); this
//! file prints what happens, one line per rebuild, and maps the ending to
//! an exit code.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use casebook::serve::{self, Event, Options, ServeError};

use super::{AlreadyReported, Outcome, load_config, plural, print_human, say, today};

pub fn run(root: &Path, port: u16, bind: &str, drafts: bool) -> anyhow::Result<Outcome> {
    let config = load_config(root)?;
    let options = Options {
        root: root.to_path_buf(),
        bind: bind.to_owned(),
        port,
        drafts,
        today: today(),
    };
    match serve::run(options, config, Arc::new(print_event)) {
        Ok(()) => Ok(Outcome::Success),
        Err(ServeError::Invalid {
            diagnostics,
            errors,
            files_with_errors,
            case_files,
        }) => {
            print_human(&diagnostics);
            say!(
                "error: {} in {} of {} case files; nothing is served",
                plural(errors, "problem", "problems"),
                files_with_errors,
                case_files
            );
            Ok(Outcome::InvalidContent)
        }
        Err(ServeError::Config(diagnostics)) => {
            print_human(&diagnostics);
            say!(
                "error: the site's configuration has {}; nothing is served",
                plural(diagnostics.len(), "problem", "problems")
            );
            Err(AlreadyReported.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// `HH:MM:SS` in local time, to tell one rebuild line from the next.
fn clock() -> String {
    jiff::Zoned::now().strftime("%H:%M:%S").to_string()
}

fn millis(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

/// `content/cases/molde.md`, or `3 files (content/cases/a.md, …)`.
fn what_changed(changed: &[String]) -> String {
    match changed {
        [] => "nothing".to_owned(),
        [one] => one.clone(),
        [first, ..] => format!("{} files ({first}, …)", changed.len()),
    }
}

fn print_event(event: Event) {
    match event {
        Event::Exposed { addr } => say!(
            "warning: listening on {addr}: other computers on the network can open the site, drafts included; \
             leave out `--bind` to keep it on this computer (127.0.0.1)"
        ),
        Event::Serving {
            url,
            folder,
            cases,
            pages,
            warnings,
            elapsed,
        } => {
            print_human(&warnings);
            say!(
                "built {}, {} in {:.2} s into {}",
                plural(cases, "case", "cases"),
                plural(pages, "page", "pages"),
                elapsed.as_secs_f64(),
                folder.display()
            );
            say!("serving {url} — watching content/ and themes/; press Ctrl-C to stop");
        }
        Event::Rebuilt {
            changed,
            pages,
            full,
            warnings,
            elapsed,
        } => {
            print_human(&warnings);
            let how = if full {
                "whole site rebuilt"
            } else {
                "rebuilt"
            };
            say!(
                "{} {} changed: {how}, {} in {}",
                clock(),
                what_changed(&changed),
                plural(pages, "page", "pages"),
                millis(elapsed)
            );
        }
        Event::Broken {
            changed,
            diagnostics,
        } => {
            print_human(&diagnostics);
            say!(
                "{} {} changed: {}; still serving the last good site",
                clock(),
                what_changed(&changed),
                plural(diagnostics.len(), "problem", "problems")
            );
        }
        Event::Trouble { message } => say!("{} error: {message}", clock()),
        Event::Stopping => say!("stopping"),
    }
}
