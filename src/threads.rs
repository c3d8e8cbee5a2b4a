//! The pool of threads for work that mostly waits for the disk: reading the
//! case files, and surveying and removing the site's files. (Pages are
//! rendered and written on rayon's own threads: that is mostly computing.)
//!
//! Rayon's global pool has one thread per core, which suits computing but
//! not reading or writing ten thousand small files: while one thread waits
//! for the disk, its core idles, and a case file read for the first time
//! in a while comes from the disk, not the page cache. Sixteen threads keep
//! enough requests in flight to overlap the waits; the computing between
//! the waits still runs on as many cores as there are.

use std::sync::OnceLock;

/// Threads for reading and writing files.
const IO_THREADS: usize = 16;

fn io_pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(IO_THREADS)
            .thread_name(|i| format!("casebook-io-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// Runs `work` with rayon's parallel iterators spread over the I/O
/// threads (or the global pool, if those cannot be started).
pub fn on_io_threads<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    match io_pool() {
        Some(pool) => pool.install(work),
        None => work(),
    }
}
