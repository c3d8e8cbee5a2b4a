//! Where a `check` or `build` spends its time, stage by stage, for the
//! benchmark and for anyone profiling a slow site: set
//! `CASEBOOK_TIMINGS=1` and the command prints the table to stderr. It is a
//! developer's tool, not a documented user option.
//!
//! Stages record their wall time here as they finish ([`stage`]). Work that
//! runs on many threads at once (parsing YAML inside validation, rendering
//! and writing inside the page loop) also adds up its CPU time per kind
//! ([`Cpu`]), so the table can split a parallel stage into its parts. The
//! pipeline driver records; the command line prints ([`report`]).

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// One stage: its name, when it started (since the first stage recorded
/// started), how long it took, and the peak resident memory so far (kB,
/// Linux only) when it finished.
type Stage = (&'static str, Duration, Duration, Option<u64>);

/// The stages, in the order they finished. Some run at the same time as
/// others (the search index beside the pages), so their times overlap.
static STAGES: Mutex<Vec<Stage>> = Mutex::new(Vec::new());

/// When the first stage recorded started: the origin of the start times.
static ORIGIN: Mutex<Option<Instant>> = Mutex::new(None);

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
    let at = match ORIGIN.lock() {
        Ok(mut origin) => started.saturating_duration_since(*origin.get_or_insert(started)),
        Err(_) => Duration::ZERO,
    };
    let peak = peak_kb();
    if let Ok(mut stages) = STAGES.lock() {
        stages.push((name, at, elapsed, peak));
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
    if let Ok(mut origin) = ORIGIN.lock() {
        *origin = None;
    }
    for slot in &CPU {
        slot.store(0, Ordering::Relaxed);
    }
}

/// The table of what was recorded: one line per stage with its wall time
/// and the peak memory so far, then the CPU totals of the parallel work, then `total` as given.
pub fn report(total: Duration) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("timings (wall; stages may overlap):\n");
    let stages = STAGES.lock().map(|s| s.clone()).unwrap_or_default();
    for (name, at, d, peak) in &stages {
        let _ = write!(
            out,
            "  {name:<22} {:>8.1} ms   from {:>6.0} to {:>6.0} ms",
            ms(*d),
            ms(*at),
            ms(*at + *d)
        );
        if let Some(kb) = peak {
            let _ = write!(out, "   peak RSS {:>5} MB", kb / 1024);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "  {:<22} {:>8.1} ms", "total", ms(total));
    if let Some((user, system)) = process_cpu() {
        let _ = writeln!(
            out,
            "cpu time of the process: {:.0} ms user + {:.0} ms system",
            ms(user),
            ms(system)
        );
    }
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
        let _ = writeln!(
            out,
            "busy time summed over the threads doing it (on more threads than \
             cores, waiting for a core or the disk counts too):"
        );
        out.push_str(&cpu);
    }
    out
}

/// User and system CPU time of the process so far, from /proc/self/stat
/// (Linux only; in the kernel's USER_HZ ticks, 100 a second).
fn process_cpu() -> Option<(Duration, Duration)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold
    // spaces: state is the 3rd field, utime the 14th and stime the 15th.
    let rest = stat.rsplit_once(')')?.1;
    let mut fields = rest.split_whitespace().skip(11);
    let tick = |t: &str| t.parse::<u64>().ok().map(|t| Duration::from_millis(t * 10));
    Some((tick(fields.next()?)?, tick(fields.next()?)?))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
