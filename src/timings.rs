//! Where a `check` or `build` spends its time, stage by stage, for the
//! benchmark (issue 7) and for anyone profiling a slow site: set
//! `CASEBOOK_TIMINGS=1` and the command prints the table to stderr. It is a
//! developer's tool, not a documented user option.
//!
//! Stages record their wall time here as they finish ([`stage`]). Work that
//! runs on many threads at once (parsing YAML inside validation, rendering
//! and writing inside the page loop) also adds up its CPU time per kind
//! ([`Cpu`]), so the table can split a parallel stage into its parts. The
//! library only records; the command line prints ([`report`]).

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Wall times of the stages, in the order they finished, with the peak
/// resident memory so far (kB, Linux only) when each finished.
static STAGES: Mutex<Vec<(&'static str, Duration, Option<u64>)>> = Mutex::new(Vec::new());

/// `VmHWM` of /proc/self/status: the peak resident set so far, in kB.
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A kind of work whose time is summed over all threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cpu {
    /// YAML parsing inside validation.
    Yaml,
    /// Rendering one page (Markdown, charts, templates).
    Render,
    /// Writing one page's file.
    Write,
}

static CPU: [AtomicU64; 3] = [AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0)];

impl Cpu {
    fn slot(self) -> &'static AtomicU64 {
        &CPU[self as usize]
    }

    fn name(self) -> &'static str {
        match self {
            Cpu::Yaml => "yaml parse",
            Cpu::Render => "render",
            Cpu::Write => "write",
        }
    }
}

/// Whether `CASEBOOK_TIMINGS` is set to something other than `0`. Nothing
/// is recorded otherwise, so a long `serve` session does not pile up stages.
pub fn enabled() -> bool {
    static ENABLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ENABLED.get_or_init(|| {
        std::env::var_os("CASEBOOK_TIMINGS").is_some_and(|v| v != "0" && !v.is_empty())
    })
}

/// Records that the stage `name`, started at `started`, has finished.
pub fn stage(name: &'static str, started: Instant) {
    if !enabled() {
        return;
    }
    let elapsed = started.elapsed();
    let peak = peak_kb();
    if let Ok(mut stages) = STAGES.lock() {
        stages.push((name, elapsed, peak));
    }
}

/// Adds the time since `started` to the CPU total of `kind`.
pub fn add(kind: Cpu, started: Instant) {
    if !enabled() {
        return;
    }
    let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
    kind.slot().fetch_add(nanos, Ordering::Relaxed);
}

/// Forgets everything recorded so far (a long-running `serve` builds often).
pub fn reset() {
    if let Ok(mut stages) = STAGES.lock() {
        stages.clear();
    }
    for slot in &CPU {
        slot.store(0, Ordering::Relaxed);
    }
}

/// The table of what was recorded: one line per stage with its wall time
/// and the peak memory so far, then the CPU totals of the parallel work, then `total` as given.
pub fn report(total: Duration) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("timings (wall):\n");
    let stages = STAGES.lock().map(|s| s.clone()).unwrap_or_default();
    for (name, d, peak) in &stages {
        let _ = write!(out, "  {name:<22} {:>8.1} ms", ms(*d));
        if let Some(kb) = peak {
            let _ = write!(out, "   peak RSS {:>5} MB", kb / 1024);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "  {:<22} {:>8.1} ms", "total", ms(total));
    let threads = rayon::current_num_threads();
    let mut cpu = String::new();
    for kind in [Cpu::Yaml, Cpu::Render, Cpu::Write] {
        let nanos = kind.slot().load(Ordering::Relaxed);
        if nanos > 0 {
            let _ = writeln!(
                cpu,
                "  {:<22} {:>8.1} ms",
                kind.name(),
                ms(Duration::from_nanos(nanos))
            );
        }
    }
    if !cpu.is_empty() {
        let _ = writeln!(out, "cpu time summed over {threads} threads:");
        out.push_str(&cpu);
    }
    out
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
