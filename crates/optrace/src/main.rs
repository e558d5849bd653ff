//! `optrace`: see the library's docs (`optrace --help`). Parsing and running live
//! in the library; this only prints and sets the exit status.
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
    let out = optrace::run_cli(args);
    // A closed pipe (`optrace … | head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(out.stdout.as_bytes());
    if let Some(line) = &out.stderr {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
    std::process::exit(out.code);
}
