// Loaded by evcxr before the first cell when EVCXR_CONFIG_DIR points here (the
// test and run scripts do). evcxr reports a panic and carries on, so a failed
// assert! in a notebook would pass unnoticed: abort the kernel instead, which
// fails the notebook run.
std::panic::set_hook(Box::new(|info| {
    eprintln!("PANIC: {info}");
    std::process::abort();
}));
// evcxr 0.22 switches a session to `?`-capable cells only after the first cell
// that uses `?` fails to compile, and shows that first cell's value with Debug
// instead of its evcxr_display. Using `?` once here makes every notebook cell
// behave the same.
Ok::<(), std::fmt::Error>(())?;
