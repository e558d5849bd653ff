// Loaded by evcxr when JupyterLab is opened by ./run.sh (EVCXR_CONFIG_DIR points
// here). Unlike notebooks/.evcxr/prelude.rs (used to execute and test the
// notebooks) a panic does not abort the kernel: a student's experiment may panic.
//
// evcxr 0.22 switches a session to `?`-capable cells only after the first cell
// that uses `?` fails to compile, and shows that first cell's value with Debug
// instead of its evcxr_display. Using `?` once here makes every cell behave the same.
Ok::<(), std::fmt::Error>(())?;
