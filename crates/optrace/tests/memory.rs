//! Constant memory on long runs (issue 8): the most heap a command line holds at
//! once does not grow with `--steps`. Measured in process, with a global
//! allocator that tracks the bytes live and their peak, around `run_cli_to`
//! writing into `io::sink()` (so nothing is kept on the output side either).
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct PeakAllocator;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for PeakAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: PeakAllocator = PeakAllocator;

/// The peak of live heap bytes while optrace runs `args`, above what was live before.
fn peak_bytes(args: &[String]) -> usize {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let status = optrace::run_cli_to(args.iter().cloned(), &mut std::io::sink());
    assert_eq!(status, optrace::Status::ok(), "{args:?}");
    PEAK.load(Relaxed) - before
}

/// 2·10⁴ and 2·10⁵ steps of Adam (its record has 14 values a row) hold the same
/// memory, within 64 KiB, in every format (the table of a run this long is
/// streamed). Before streaming, 2·10⁵ rows held tens of megabytes.
#[test]
fn memory_is_flat_in_the_number_of_steps() {
    // The only test of this binary: no other thread allocates meanwhile.
    for format in ["csv", "json", "table"] {
        let args = |steps: usize| -> Vec<String> {
            [
                "--optimizer=adam",
                "--problem=quadratic",
                "--start=-5,-2",
                &format!("--steps={steps}"),
                &format!("--format={format}"),
            ]
            .iter()
            .map(|s| s.to_string())
            .collect()
        };
        let short = peak_bytes(&args(20_000));
        let long = peak_bytes(&args(200_000));
        println!("{format}: peak {short} bytes for 2e4 steps, {long} bytes for 2e5 steps");
        assert!(
            long <= short + 64 * 1024,
            "{format}: {short} bytes for 2e4 steps, {long} for 2e5"
        );
    }
}
