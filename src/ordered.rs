//! Many files on all cores, their reports in input order, as each is
//! ready: a run over an archive keeps a few reports in memory, not all.
//!
//! The workers of rayon's pool take the items in order, one at a time; the
//! calling thread puts the results back in order and hands each on as soon
//! as those before it are done. A worker does not start an item more than
//! `window` places ahead of the last one handed on, so that a slow item
//! holds back a bounded number of finished ones (`ahead` per thread).

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// Where the calling thread stands, for the workers.
struct Progress {
    /// Results handed on so far.
    emitted: usize,
    /// No item is to be started any more: `emit` broke off, or a worker
    /// or the calling thread panicked.
    stop: bool,
}

struct Shared {
    progress: Mutex<Progress>,
    moved: Condvar,
}

impl Shared {
    fn update(&self, f: impl FnOnce(&mut Progress)) {
        f(&mut self
            .progress
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner));
        self.moved.notify_all();
    }

    /// Waits until item `i` may start; false when no item is to start.
    fn may_start(&self, i: usize, window: usize) -> bool {
        let mut p = self
            .progress
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        while !p.stop && i >= p.emitted + window {
            p = self
                .moved
                .wait(p)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        !p.stop
    }
}

/// Stops the workers when the calling thread leaves, whichever way.
struct StopOnDrop<'a>(&'a Shared);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.update(|p| p.stop = true);
    }
}

/// Calls `work` on every item, on the threads of the current rayon pool,
/// and `emit` on each result in the order of the items, on this thread.
/// No item starts more than `ahead` items per thread past the last one
/// emitted. When `emit` breaks off, no further item is started and no
/// further result is emitted. With one item (the pool is then not even
/// started), or a pool of one thread, everything runs on this thread. A
/// panic of `work` is resumed here once the workers have stopped.
pub fn for_each<T, R>(
    items: &[T],
    ahead: usize,
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(R) -> ControlFlow<()>,
) where
    T: Sync,
    R: Send,
{
    let threads = if items.len() <= 1 {
        1
    } else {
        rayon::current_num_threads().min(items.len())
    };
    if threads <= 1 {
        for item in items {
            if emit(work(item)).is_break() {
                return;
            }
        }
        return;
    }
    let window = ahead.max(1) * threads;
    let shared = Shared {
        progress: Mutex::new(Progress {
            emitted: 0,
            stop: false,
        }),
        moved: Condvar::new(),
    };
    let next = AtomicUsize::new(0);
    let (shared, next, work) = (&shared, &next, &work);
    rayon::in_place_scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, R)>();
        for _ in 0..threads {
            let tx = tx.clone();
            scope.spawn(move |_| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= items.len() || !shared.may_start(i, window) {
                        return;
                    }
                    let result =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&items[i])));
                    match result {
                        Ok(r) => {
                            if tx.send((i, r)).is_err() {
                                return;
                            }
                        }
                        Err(panic) => {
                            shared.update(|p| p.stop = true);
                            std::panic::resume_unwind(panic);
                        }
                    }
                }
            });
        }
        drop(tx);
        let _stop = StopOnDrop(shared);
        let mut ready: BTreeMap<usize, R> = BTreeMap::new();
        let mut head = 0;
        // Ends when every worker has returned (all senders dropped).
        for (i, r) in rx {
            ready.insert(i, r);
            while let Some(r) = ready.remove(&head) {
                head += 1;
                let flow = emit(r);
                shared.update(|p| {
                    p.emitted = head;
                    p.stop |= flow.is_break();
                });
                if flow.is_break() {
                    return;
                }
            }
        }
    });
}

/// [`for_each`] for the parts of a report: `work` makes each item's bytes
/// on the pool's threads, and each is written to `w` in the items' order
/// as soon as those before it are. The first error, of `work` or of the
/// write, stops it and is returned.
pub fn write_each<T: Sync>(
    items: &[T],
    ahead: usize,
    work: impl Fn(&T) -> std::io::Result<Vec<u8>> + Sync,
    w: &mut (impl std::io::Write + ?Sized),
) -> std::io::Result<()> {
    let mut written = Ok(());
    for_each(items, ahead, work, |made| {
        match made.and_then(|bytes| w.write_all(&bytes)) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                written = Err(e);
                ControlFlow::Break(())
            }
        }
    });
    written
}

/// A document at least this long is split over the pool's threads when the
/// caller allows it (see [`split_document`]): below it, the split costs
/// more than it saves (and would start the pool for one short article).
pub const SPLIT_BYTES: usize = 64 * 1024;

/// Whether the work on one document of `len` bytes is split over the
/// threads of rayon's pool: the caller allows it, the document is long
/// enough and the pool has more than one thread.
///
/// Only a caller that runs nothing else on the pool may allow it, as when
/// one file is checked: under [`for_each`], a worker that waited for
/// another's half of a split could take up another item meanwhile and
/// block in it until the calling thread, itself waiting for the first
/// item, emits something (a deadlock). Files are spread over the cores
/// there already.
pub fn split_document(allowed: bool, len: usize) -> bool {
    allowed && len >= SPLIT_BYTES && rayon::current_num_threads() > 1
}

/// `f` over `items`, in their order: on the threads of the pool when
/// `split` (see [`split_document`]), else on this thread.
pub fn map<T: Send, R: Send>(
    items: Vec<T>,
    split: bool,
    f: impl Fn(T) -> R + Sync + Send,
) -> Vec<R> {
    use rayon::prelude::*;
    if split {
        items.into_par_iter().with_max_len(1).map(f).collect()
    } else {
        items.into_iter().map(f).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a pool")
    }

    #[test]
    fn a_document_is_split_only_when_allowed_long_and_with_threads() {
        pool(2).install(|| {
            assert!(split_document(true, SPLIT_BYTES));
            assert!(!split_document(true, SPLIT_BYTES - 1));
            assert!(!split_document(false, SPLIT_BYTES * 100));
        });
        pool(1).install(|| assert!(!split_document(true, SPLIT_BYTES * 100)));
    }

    #[test]
    fn map_keeps_the_order_of_the_items_split_or_not() {
        let items: Vec<u64> = (0..300).collect();
        let expected: Vec<u64> = items.iter().map(|i| i * i).collect();
        for split in [false, true] {
            let threads = std::sync::Mutex::new(std::collections::HashSet::new());
            let out = pool(3).install(|| {
                map(items.clone(), split, |i| {
                    if i % 50 == 0 {
                        std::thread::sleep(Duration::from_millis(2)); // some slow items
                    }
                    threads
                        .lock()
                        .expect("not poisoned")
                        .insert(std::thread::current().id());
                    i * i
                })
            });
            assert_eq!(out, expected);
            let threads = threads.into_inner().expect("not poisoned").len();
            assert_eq!(threads > 1, split, "{threads} threads, split: {split}");
        }
    }

    #[test]
    fn results_come_in_the_order_of_the_items_on_any_number_of_threads() {
        let items: Vec<u64> = (0..200).collect();
        for threads in [1, 2, 3, 8] {
            for ahead in [1, 2, 16] {
                let mut out = Vec::new();
                pool(threads).install(|| {
                    for_each(
                        &items,
                        ahead,
                        |&i| {
                            // Early items are the slow ones.
                            if i % 7 == 0 {
                                std::thread::sleep(Duration::from_micros(300));
                            }
                            i * 3
                        },
                        |r| {
                            out.push(r);
                            ControlFlow::Continue(())
                        },
                    );
                });
                let expected: Vec<u64> = items.iter().map(|i| i * 3).collect();
                assert_eq!(out, expected, "{threads} threads, {ahead} ahead");
            }
        }
    }

    #[test]
    fn no_item_starts_more_than_the_window_ahead_of_what_was_handed_on() {
        let items: Vec<usize> = (0..300).collect();
        let emitted = AtomicUsize::new(0);
        let worst = AtomicUsize::new(0);
        let used = Mutex::new(std::collections::HashSet::new());
        pool(4).install(|| {
            for_each(
                &items,
                2,
                |&i| {
                    used.lock().unwrap().insert(std::thread::current().id());
                    let ahead = i.saturating_sub(emitted.load(Ordering::SeqCst));
                    worst.fetch_max(ahead, Ordering::SeqCst);
                    // The first item is slow: the others must wait for it.
                    if i == 0 {
                        std::thread::sleep(Duration::from_millis(30));
                    }
                    i
                },
                |_| {
                    emitted.fetch_add(1, Ordering::SeqCst);
                    ControlFlow::Continue(())
                },
            );
        });
        assert_eq!(emitted.load(Ordering::SeqCst), 300);
        // Two ahead per thread, four threads.
        assert!(worst.load(Ordering::SeqCst) < 8, "{worst:?}");
        assert!(used.lock().unwrap().len() > 1);
    }

    #[test]
    fn breaking_off_stops_the_run() {
        let items: Vec<usize> = (0..10_000).collect();
        let started = AtomicUsize::new(0);
        let mut seen = Vec::new();
        pool(3).install(|| {
            for_each(
                &items,
                2,
                |&i| {
                    started.fetch_add(1, Ordering::SeqCst);
                    i
                },
                |r| {
                    seen.push(r);
                    if r == 9 {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                },
            );
        });
        assert_eq!(seen, (0..10).collect::<Vec<_>>());
        // At most a window (two per thread) past the break.
        assert!(started.load(Ordering::SeqCst) <= 10 + 6, "{started:?}");
    }

    #[test]
    fn a_panic_of_the_work_comes_back_without_a_hang() {
        let items: Vec<usize> = (0..1000).collect();
        let result = std::panic::catch_unwind(|| {
            pool(2).install(|| {
                for_each(
                    &items,
                    1,
                    |&i| {
                        assert!(i != 5, "item five");
                        i
                    },
                    |_| ControlFlow::Continue(()),
                );
            });
        });
        let panic = result.expect_err("the panic comes back");
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()));
        assert_eq!(message.as_deref(), Some("item five"));
    }
}
