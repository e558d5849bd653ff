// Loaded by evcxr before the first cell when EVCXR_CONFIG_DIR points here (the
// test and run scripts do). evcxr reports a panic and carries on, so a failed
// assert! in a notebook would pass unnoticed: abort the kernel instead, which
// fails the notebook run.
std::panic::set_hook(Box::new(|info| {
    eprintln!("PANIC: {info}");
    std::process::abort();
}));
