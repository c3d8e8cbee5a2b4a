//! `casebook serve`: build, serve on `--bind`:`--port`, rebuild on every
//! save and reload the browser (the library's [`casebook::serve`]); this
//! file prints what happens, one line per rebuild, and maps the ending to
//! an exit code.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use casebook::serve::{self, Event, Options, ServeError};
use casebook::words;
use casebook::words::count;

use super::{AlreadyReported, Outcome, load_config, print_human, say, today};

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
                "{}",
                words!(
                    "serve-invalid",
                    problems = count("problems", errors),
                    files = files_with_errors,
                    cases = case_files
                )
            );
            Ok(Outcome::InvalidContent)
        }
        Err(ServeError::Config(diagnostics)) => {
            print_human(&diagnostics);
            say!(
                "{}",
                words!(
                    "serve-config-invalid",
                    problems = count("problems", diagnostics.len())
                )
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
        [] => String::new(),
        [one] => one.clone(),
        [first, ..] => words!(
            "serve-changed-files",
            count = changed.len(),
            first = first.as_str()
        ),
    }
}

fn print_event(event: Event) {
    let line = match event {
        Event::Exposed { addr } => words!("serve-exposed", addr = addr.to_string()),
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
                "{}",
                words!(
                    "serve-built",
                    cases = count("cases", cases),
                    pages = count("pages", pages),
                    seconds = casebook::words::seconds(elapsed),
                    folder = folder.display().to_string()
                )
            );
            words!("serve-serving", url = url.to_string())
        }
        Event::Rebuilt {
            changed,
            pages,
            full,
            warnings,
            elapsed,
        } => {
            print_human(&warnings);
            let pages = count("pages", pages);
            let (time, changed, millis) = (clock(), what_changed(&changed), millis(elapsed));
            if full {
                words!(
                    "serve-rebuilt-whole",
                    time = time,
                    changed = changed,
                    pages = pages,
                    millis = millis
                )
            } else {
                words!(
                    "serve-rebuilt",
                    time = time,
                    changed = changed,
                    pages = pages,
                    millis = millis
                )
            }
        }
        Event::Broken {
            changed,
            diagnostics,
        } => {
            print_human(&diagnostics);
            words!(
                "serve-broken",
                time = clock(),
                changed = what_changed(&changed),
                problems = count("problems", diagnostics.len())
            )
        }
        Event::Trouble { message } => words!("serve-trouble", time = clock(), message = message),
        Event::Stopping => words!("serve-stopping"),
    };
    say!("{line}");
}
