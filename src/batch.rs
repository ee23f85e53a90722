//! Checking many notes on every core with the output still in input order.
//!
//! [`map_ordered`] runs a function over a stream of work items on `jobs` threads and hands the
//! results to a sink in input order. Memory stays bounded: the reader may run at most `window`
//! items ahead of the sink, so a 1 GB JSONL file is read, linted and written with only a few
//! chunks of it in memory, however slow one chunk is.
//!
//! ```
//! let mut out = Vec::new();
//! redlint::batch::map_ordered((1..=100u32).map(Ok::<_, ()>), 2, |n| n * n, |sq| out.push(sq)).unwrap();
//! assert_eq!(out, (1..=100u32).map(|n| n * n).collect::<Vec<_>>());
//! ```

use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Condvar, Mutex};

/// The number of threads to use when none is asked for: the cores available to this process.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `work` over `input` on `jobs` threads; `sink` gets the results in input order.
///
/// `input` yields items or an error; the first error stops the reading, every item read before
/// it is still processed and sunk, and the error is returned. With `jobs <= 1` everything runs
/// on the calling thread. A panic in `work` is propagated.
pub fn map_ordered<I, T, E, R, W, S>(input: I, jobs: usize, work: W, mut sink: S) -> Result<(), E>
where
    I: Iterator<Item = Result<T, E>> + Send,
    T: Send,
    E: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(R),
{
    if jobs <= 1 {
        for item in input {
            sink(work(item?));
        }
        return Ok(());
    }
    // at most `window` items between the reader and the sink
    let window = (jobs * 4) as u64;
    let sunk = Mutex::new(0u64);
    let advanced = Condvar::new();
    let (job_tx, job_rx) = sync_channel::<(u64, T)>(jobs * 2);
    let job_rx = Mutex::new(job_rx);
    let (res_tx, res_rx) = sync_channel::<(u64, R)>(jobs * 2);
    std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            for (n, item) in (0u64..).zip(input) {
                let item = item?;
                {
                    let mut done = sunk.lock().expect("no panic while holding the lock");
                    while n >= *done + window {
                        done = advanced.wait(done).expect("no panic while holding the lock");
                    }
                }
                if job_tx.send((n, item)).is_err() {
                    break; // the workers are gone (one panicked)
                }
            }
            drop(job_tx);
            Ok(())
        });
        for _ in 0..jobs {
            let res_tx = res_tx.clone();
            let job_rx = &job_rx;
            let work = &work;
            scope.spawn(move || {
                while let Some((n, item)) = next_job(job_rx) {
                    if res_tx.send((n, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(res_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        for (n, r) in res_rx {
            pending.insert(n, r);
            while let Some(r) = pending.remove(&next) {
                sink(r);
                next += 1;
                *sunk.lock().expect("no panic while holding the lock") = next;
                advanced.notify_all();
            }
        }
        // the results channel closes when every worker is done: the reader has finished too
        reader.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
    })
}

fn next_job<T>(rx: &Mutex<Receiver<T>>) -> Option<T> {
    rx.lock().ok()?.recv().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_kept_with_uneven_work() {
        for jobs in [1, 2, 4] {
            let mut out = Vec::new();
            map_ordered(
                (0..500u64).map(Ok::<_, ()>),
                jobs,
                |n| {
                    if n % 7 == 0 {
                        std::thread::sleep(std::time::Duration::from_micros(300));
                    }
                    n
                },
                |n| out.push(n),
            )
            .unwrap();
            assert_eq!(out, (0..500).collect::<Vec<_>>());
        }
    }

    #[test]
    fn an_input_error_stops_after_the_items_before_it() {
        let input = (0..10u32).map(|n| if n == 6 { Err("broken") } else { Ok(n) });
        let mut out = Vec::new();
        assert_eq!(map_ordered(input, 2, |n| n, |n| out.push(n)), Err("broken"));
        assert_eq!(out, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn the_reader_stays_within_the_window() {
        use std::sync::atomic::{AtomicU64, Ordering};
        let read = AtomicU64::new(0);
        let input = (0..200u64).map(|n| {
            read.store(n, Ordering::SeqCst);
            Ok::<_, ()>(n)
        });
        let mut max_ahead = 0;
        let mut sunk = 0;
        map_ordered(
            input,
            2,
            |n| n,
            |_| {
                sunk += 1;
                std::thread::sleep(std::time::Duration::from_micros(100));
                max_ahead = max_ahead.max(read.load(Ordering::SeqCst) + 1 - sunk);
            },
        )
        .unwrap();
        assert!(max_ahead <= 8 + 1, "{max_ahead}");
    }
}
