//! Independent runs across the machine's cores, with results that do not depend
//! on how many there are.
//!
//! Each run is a pure function of its index (its seed, its settings), computed
//! once by whichever thread takes it and stored at its index: the output is the
//! same vector for 1 thread or 64. Plain `std::thread::scope`; the course keeps
//! rayon to `fastupdate`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The number of threads runs are spread over: the machine's available
/// parallelism (1 if it cannot be read).
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `(0..n).map(work).collect()`, with the calls spread over up to `threads`
/// threads (at least one). Results are in index order whatever the threads.
pub fn map<T: Send>(n: usize, threads: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = threads.clamp(1, n.max(1));
    if threads == 1 {
        return (0..n).map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<T>>> = (0..n).map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let value = work(i);
                *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(value);
            });
        }
    });
    slots
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every index below n was taken by a thread and stored")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_is_the_index_order_whatever_the_threads() {
        let square = |i: usize| i * i;
        let one = map(100, 1, square);
        assert_eq!(one, (0..100).map(square).collect::<Vec<_>>());
        for t in [2, 3, 8, 1000] {
            assert_eq!(map(100, t, square), one);
        }
        assert_eq!(map(0, 4, square), Vec::<usize>::new());
        assert_eq!(map(3, 0, square), vec![0, 1, 4]);
    }
}
