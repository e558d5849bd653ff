//! `optrace`: see the library's docs (`optrace --help`). Parsing, running and
//! writing live in the library; this hands it a buffered stdout, prints the one
//! stderr line and sets the exit status.
use std::io::Write;

fn main() {
    let mut args = Vec::new();
    for a in std::env::args_os().skip(1) {
        match a.into_string() {
            Ok(s) => args.push(s),
            Err(a) => {
                eprintln!("error: argument {a:?} is not valid UTF-8");
                std::process::exit(2);
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    // Rows are written as they are computed; `run_cli_to` flushes at the end and
    // turns a write error into its status (a closed pipe ends quietly).
    let status = optrace::run_cli_to(args, &mut out);
    drop(out);
    if let Some(line) = &status.stderr {
        // Nothing more to do if stderr itself cannot be written.
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
    std::process::exit(status.code);
}
