//! Writing a run as its rows arrive: CSV, JSON and the table, each from
//! [`optcore::steps`] (one row in memory at a time) into any [`Write`].
//!
//! - CSV is [`optcore::Trace::to_csv`] written row by row: the same bytes.
//! - JSON is `{"convention":…,` then [`optcore::Trace::to_json`]'s keys, written
//!   row by row; every string and number in it is written by serde_json (escaped
//!   strings, shortest round-trip numbers, `null` for a cell without a value), so
//!   it parses whatever a name or a stop message holds.
//! - The table of a run of at most [`TABLE_ALIGNED_STEPS`] steps keeps its rows
//!   (at most 10⁴ of them) and prints them as optcore's [`optcore::Trace`] display
//!   does, each column as wide as its widest cell. A longer run is streamed with
//!   fixed widths: the `t` column as wide as `--steps`, every number column
//!   [`NUMBER_WIDTH`] characters (the widest text [`fmt_num`] writes), so the
//!   columns line up however the numbers grow. Which layout a run gets depends on
//!   `--steps` only.

use crate::{header_line, Args, Format};
use optcore::render::fmt_num;
use optcore::{Optimizer, Record, Row, Steps, Trace};
use std::fmt::Write as _;
use std::io::{self, Write};

/// The longest run whose table is printed with columns fitted to its cells.
pub const TABLE_ALIGNED_STEPS: usize = 10_000;

/// The widest text of [`fmt_num`]: `-1.234567890e-100`.
pub const NUMBER_WIDTH: usize = 17;

/// Writes the rows of `steps` in the format `args` asks for, as they are computed.
/// Stops at the first write error (the run stops with it).
pub fn write_run<O: Optimizer>(
    steps: &mut Steps<'_, O>,
    opt: &O,
    args: &Args,
    out: &mut dyn Write,
) -> io::Result<()> {
    match args.format {
        Format::Csv => csv(steps, out),
        Format::Json => json(steps, args, out),
        Format::Table if args.steps <= TABLE_ALIGNED_STEPS => aligned_table(steps, opt, args, out),
        Format::Table => streamed_table(steps, opt, args, out),
    }
}

/// A row's cells after `t`, as [`optcore::Trace::columns`] lists them: the loss,
/// θ, then the record's values (`None` in row 0, before any step).
fn cells<R: Record>(row: &Row<R>, width: usize, into: &mut Vec<Option<f64>>) {
    into.clear();
    into.push(Some(row.loss));
    into.extend(row.theta.iter().map(|&x| Some(x)));
    if let Some(record) = &row.record {
        for field in record.fields() {
            into.extend(field.values.iter().map(|&x| Some(x)));
        }
    }
    into.resize(width, None);
}

fn csv<O: Optimizer>(steps: &mut Steps<'_, O>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", steps.columns().join(","))?;
    let width = steps.columns().len() - 1;
    let mut row_cells = Vec::with_capacity(width);
    // Each line is formatted into one buffer, then written in one call.
    let mut line = String::new();
    for row in steps.by_ref() {
        cells(&row, width, &mut row_cells);
        line.clear();
        let _ = write!(line, "{}", row.t);
        for cell in &row_cells {
            match cell {
                // Shortest round-trip form, as optcore's `fmt_exact` writes it.
                Some(x) if !x.is_nan() => {
                    let _ = write!(line, ",{x:?}");
                }
                _ => line.push(','),
            }
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn json<O: Optimizer>(
    steps: &mut Steps<'_, O>,
    args: &Args,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(b"{\"convention\":")?;
    serde_json::to_writer(&mut *out, &args.convention.to_string())?;
    out.write_all(b",\"optimizer\":")?;
    serde_json::to_writer(&mut *out, &steps.optimizer)?;
    out.write_all(b",\"problem\":")?;
    serde_json::to_writer(&mut *out, &steps.problem)?;
    out.write_all(b",\"columns\":")?;
    serde_json::to_writer(&mut *out, steps.columns())?;
    out.write_all(b",\"rows\":[")?;
    let width = steps.columns().len() - 1;
    let mut row_cells = Vec::with_capacity(width);
    for row in steps.by_ref() {
        if row.t > 0 {
            out.write_all(b",")?;
        }
        cells(&row, width, &mut row_cells);
        out.write_all(b"[")?;
        serde_json::to_writer(&mut *out, &row.t)?;
        for cell in &row_cells {
            out.write_all(b",")?;
            // `None` and any non-finite number are written as null.
            serde_json::to_writer(&mut *out, cell)?;
        }
        out.write_all(b"]")?;
    }
    out.write_all(b"],\"stop\":")?;
    serde_json::to_writer(&mut *out, &steps.stop().map(|e| e.to_string()))?;
    out.write_all(b"}\n")
}

/// The header line, then optcore's table of the whole run (every row kept: at
/// most [`TABLE_ALIGNED_STEPS`] + 1 of them).
fn aligned_table<O: Optimizer>(
    steps: &mut Steps<'_, O>,
    opt: &O,
    args: &Args,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rows: Vec<Row<O::Record>> = steps.by_ref().collect();
    let trace = Trace {
        optimizer: steps.optimizer.clone(),
        problem: steps.problem.clone(),
        rows,
        stop: steps.stop().cloned(),
    };
    write!(
        out,
        "{}\n{trace}",
        header_line(opt, args.convention, &args.flags)
    )
}

/// The table's look (title, symbol header, right-aligned cells two spaces apart,
/// `note: stopped: …` under it) with fixed column widths, one row at a time.
fn streamed_table<O: Optimizer>(
    steps: &mut Steps<'_, O>,
    opt: &O,
    args: &Args,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "{}", header_line(opt, args.convention, &args.flags))?;
    writeln!(out, "{} on {}", steps.optimizer, steps.problem)?;
    let header = symbol_header(opt, &args.start);
    let widths: Vec<usize> = header
        .iter()
        .enumerate()
        .map(|(j, h)| {
            let cell = if j == 0 {
                args.steps.to_string().len()
            } else {
                NUMBER_WIDTH
            };
            h.chars().count().max(cell)
        })
        .collect();
    let mut line = String::new();
    write_line(out, &mut line, &widths, header.iter().map(String::as_str))?;
    let width = header.len() - 1;
    let mut row_cells = Vec::with_capacity(width);
    let mut texts: Vec<String> = Vec::with_capacity(header.len());
    for row in steps.by_ref() {
        cells(&row, width, &mut row_cells);
        texts.clear();
        texts.push(row.t.to_string());
        texts.extend(row_cells.iter().map(|c| match c {
            Some(x) if !x.is_nan() => fmt_num(*x),
            _ => String::new(),
        }));
        write_line(out, &mut line, &widths, texts.iter().map(String::as_str))?;
    }
    if let Some(e) = steps.stop() {
        writeln!(out, "note: stopped: {e}")?;
    }
    Ok(())
}

/// One line of right-aligned cells, two spaces apart, without trailing spaces.
pub(crate) fn write_line<'s>(
    out: &mut dyn Write,
    line: &mut String,
    widths: &[usize],
    cells: impl Iterator<Item = &'s str>,
) -> io::Result<()> {
    line.clear();
    for (j, (cell, w)) in cells.zip(widths).enumerate() {
        if j > 0 {
            line.push_str("  ");
        }
        line.extend(std::iter::repeat_n(
            ' ',
            w.saturating_sub(cell.chars().count()),
        ));
        line.push_str(cell);
    }
    writeln!(out, "{}", line.trim_end())
}

/// The column names as optcore's table writes them (`t, loss, θ[0], θ[1], g[0], …`),
/// taken from a trace of one row whose record is the optimizer's initial one, so
/// the record's columns are named even if the run stops before its first step.
fn symbol_header<O: Optimizer>(opt: &O, start: &[f64; 2]) -> Vec<String> {
    let theta = optcore::ndarray::arr1(start);
    let record = opt.record(&opt.init(theta.view()));
    let trace = Trace {
        optimizer: String::new(),
        problem: String::new(),
        rows: vec![Row {
            t: 0,
            loss: 0.0,
            theta,
            gradient_evaluations: 0,
            record: Some(record),
        }],
        stop: None,
    };
    trace.table().header
}
