//! `optrace`: see the library's docs (`optrace --help`). Parsing, running and
//! writing live in the library; this hands it the arguments and a buffered
//! stdout, prints what goes on stderr and sets the exit status.
use std::io::Write;

fn main() {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    // Rows are written as they are computed; `run_cli_to` flushes at the end and
    // turns a write error into its status (a closed pipe ends quietly).
    let status = optrace::run_cli_to(std::env::args_os().skip(1), &mut out);
    drop(out);
    if let Some(message) = &status.stderr {
        // Nothing more to do if stderr itself cannot be written.
        let _ = writeln!(std::io::stderr().lock(), "{message}");
    }
    std::process::exit(status.code);
}
