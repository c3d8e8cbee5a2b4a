//! Helpers shared by the integration tests: fixture sites copied to a temp
//! folder, and the real `casebook` binary run against them.

#![allow(dead_code, reason = "each test module uses a different subset")]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

/// How long a command may run before it is taken for hung and killed. No
/// command of the suite comes near it on any machine, however loaded: it
/// ends a real hang, it does not time anything.
pub const HANG_GUARD: Duration = Duration::from_secs(600);

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture site copied into a fresh temp folder.
pub struct Site {
    pub dir: TempDir,
}

impl Site {
    /// Copies `tests/fixtures/sites/<name>` (or the repository's own
    /// `content/` when `name` is `"shipped"`).
    pub fn fixture(name: &str) -> Site {
        let dir = TempDir::new().expect("temp dir");
        let from = if name == "shipped" {
            repo()
        } else {
            repo().join("tests/fixtures/sites").join(name)
        };
        copy_dir(&from.join("content"), &dir.path().join("content"));
        if from.join("themes").is_dir() && name != "shipped" {
            copy_dir(&from.join("themes"), &dir.path().join("themes"));
        }
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create parent");
        }
        fs::write(path, text).expect("write fixture file");
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
    }

    /// `casebook --root <site> --lang en ARGS…`, not yet run, with the hang
    /// guard. English, so that tests read one language whatever the site's;
    /// `tests/it/words.rs` tests the others.
    pub fn cmd(&self, args: &[&str]) -> Command {
        self.cmd_in("en", args)
    }

    /// `casebook --root <site> --lang LANG ARGS…`, not yet run.
    pub fn cmd_in(&self, lang: &str, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("casebook").expect("binary");
        cmd.arg("--root")
            .arg(self.root())
            .args(["--lang", lang])
            .args(args)
            .env("NO_COLOR", "1")
            .timeout(HANG_GUARD);
        cmd
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create dir");
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())) {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// What a finished run printed.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(mut cmd: Command) -> Run {
    let out = cmd.output().expect("run casebook");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every file under `dir` with its bytes, by path relative to `dir`, sorted.
pub fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("under dir")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, fs::read(&path).expect("read")));
            }
        }
    }
    out.sort();
    out
}

/// The case of the `minimal` fixture that tests change.
pub const CASE: &str = "content/cases/molde.md";

/// The minimal site with `molde.md` changed by replacing `from` with `to`.
pub fn site_with(from: &str, to: &str) -> Site {
    let site = Site::fixture("minimal");
    let text = site.read(CASE);
    assert!(text.contains(from), "fixture has no `{from}`");
    site.write(CASE, &text.replacen(from, to, 1));
    site
}
