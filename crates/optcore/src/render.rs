//! Values that render themselves: as stable text (what snapshots pin), as HTML or
//! Markdown/LaTeX in a notebook (`evcxr_display`), and as CSV.
//!
//! One number formatter, [`fmt_num`], serves snapshots and notebooks alike, so a
//! notebook never shows a digit that a snapshot does not hold.

use crate::error::{Error, Result};
use crate::lang::tr;
use std::fmt::{self, Write as _};

/// Significant digits of every number in snapshots, text tables and CSV/JSON
/// traces (full precision: what a snapshot pins).
pub const DIGITS: usize = 10;

/// Significant digits a notebook's HTML table shows by default: about four, so a
/// table reads at a glance. The full value is in each cell's tooltip, in the
/// snapshot, and one call away ([`Table::full`]).
pub const SHOWN_DIGITS: usize = 4;

/// `x` with [`DIGITS`] significant digits: fixed-point for 1e-4 ≤ |x| < 1e7,
/// scientific otherwise; `0` for ±0. Rust's float formatting is exact, so the
/// text depends only on the bits of `x`.
pub fn fmt_num(x: f64) -> String {
    fmt_sig(x, DIGITS)
}

/// `x` with `sig` significant digits (see [`fmt_num`]).
pub fn fmt_sig(x: f64, sig: usize) -> String {
    if x == 0.0 {
        return "0".into();
    }
    if !x.is_finite() {
        return format!("{x}");
    }
    let sig = sig.max(1);
    let sci = format!("{:.*e}", sig - 1, x);
    let exp: i32 = sci[sci.find('e').unwrap() + 1..].parse().unwrap();
    if (-4..7).contains(&exp) {
        let decimals = (sig as i32 - 1 - exp).max(0) as usize;
        format!("{x:.decimals$}")
    } else {
        sci
    }
}

/// A hyperparameter for a label: `0.4`, `1`, `1e-8` (scientific below 1e-3,
/// shortest round-trip otherwise).
pub fn fmt_short(x: f64) -> String {
    if x != 0.0 && x.abs() < 1e-3 {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// `x` as a table's title writes it: the shortest round-trip decimal (Rust's
/// `Display`, never scientific) with the minus sign − (U+2212) for the hyphen:
/// `−5`, `0.1`.
pub fn fmt_minus(x: f64) -> String {
    x.to_string().replace('-', "−")
}

/// A point as a table's title writes it, each coordinate by [`fmt_minus`]:
/// `(−5, −2)`.
pub fn fmt_point_minus(p: &[f64]) -> String {
    let xs: Vec<String> = p.iter().map(|&x| fmt_minus(x)).collect();
    format!("({})", xs.join(", "))
}

/// The steps a table of a `steps`-step run shows, one row each: those of
/// `listed` (ascending) up to `steps`, then `steps` itself, so the last row is
/// always the run's end. `table_steps(&[1, 10, 100], 50)` is `[1, 10, 50]`.
pub fn table_steps(listed: &[usize], steps: usize) -> Vec<usize> {
    let mut shown: Vec<usize> = listed.iter().copied().filter(|&t| t <= steps).collect();
    if shown.last() != Some(&steps) {
        shown.push(steps);
    }
    shown
}

/// The post's symbol for a hyperparameter named as
/// [`crate::Optimizer::hyperparameters`] names it (`lr` → η): the symbol column
/// of [`crate::hyper::HYPERPARAMETERS`], then the few hyperparameters that have
/// no `optrace` flag (`initial_accumulator_value` → G₀); any other name as it is.
pub fn symbol(name: &str) -> &str {
    match crate::hyper::by_name(name) {
        Some(h) => h.symbol,
        None => match name {
            "initial_accumulator_value" => "G₀",
            other => other,
        },
    }
}

/// Shortest round-trip decimal (what CSV/JSON exports use).
pub fn fmt_exact(x: f64) -> String {
    format!("{x:?}")
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One cell of a [`Table`].
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Num(f64),
    Int(i64),
    Text(String),
}

impl Cell {
    fn text(&self) -> String {
        self.text_with(DIGITS)
    }
    fn text_with(&self, digits: usize) -> String {
        match self {
            Cell::Num(x) => fmt_sig(*x, digits),
            Cell::Int(i) => i.to_string(),
            Cell::Text(s) => s.clone(),
        }
    }
    fn is_numeric(&self) -> bool {
        !matches!(self, Cell::Text(_))
    }
}

impl From<f64> for Cell {
    fn from(x: f64) -> Self {
        Cell::Num(x)
    }
}
impl From<usize> for Cell {
    fn from(x: usize) -> Self {
        Cell::Int(x as i64)
    }
}
impl From<u64> for Cell {
    fn from(x: u64) -> Self {
        Cell::Int(x as i64)
    }
}
impl From<i64> for Cell {
    fn from(x: i64) -> Self {
        Cell::Int(x)
    }
}
impl From<&str> for Cell {
    fn from(x: &str) -> Self {
        Cell::Text(x.to_string())
    }
}
impl From<String> for Cell {
    fn from(x: String) -> Self {
        Cell::Text(x)
    }
}

/// A titled table of numbers and words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// A line under the table (a conclusion, a stop reason).
    pub note: Option<String>,
    /// Significant digits of the HTML view (`None`: [`SHOWN_DIGITS`]); the text
    /// view (snapshots) always has [`DIGITS`].
    pub shown_digits: Option<usize>,
}

impl Table {
    pub fn new(title: impl Into<String>, header: &[&str]) -> Self {
        Table {
            title: title.into(),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            note: None,
            shown_digits: None,
        }
    }

    pub fn with_header(title: impl Into<String>, header: Vec<String>) -> Self {
        Table {
            title: title.into(),
            header,
            rows: Vec::new(),
            note: None,
            shown_digits: None,
        }
    }

    /// One more row. A row may be shorter than the header (its last columns
    /// blank), never longer: a cell under no header is a slip in the code that
    /// builds the table, caught by this assertion in every test build.
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert!(
            row.len() <= self.header.len(),
            "a row of {} cells under {} headers in {:?}",
            row.len(),
            self.header.len(),
            self.title
        );
        self.rows.push(row);
    }

    /// The same table shown with every digit a snapshot holds ([`DIGITS`]).
    pub fn full(self) -> Self {
        self.with_digits(DIGITS)
    }

    /// The same table shown with `digits` significant digits in a notebook.
    pub fn with_digits(mut self, digits: usize) -> Self {
        self.shown_digits = Some(digits.max(1));
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The columns `names` of this table, in that order, under a new title: a wide
    /// table split into narrower ones, each showing the column that carries its
    /// lesson. Every row and note is kept; an unknown name is an error.
    pub fn select(&self, title: impl Into<String>, names: &[&str]) -> Result<Table> {
        let idx = names
            .iter()
            .map(|n| {
                self.header
                    .iter()
                    .position(|h| h == n)
                    .ok_or_else(|| Error::Column {
                        name: n.to_string(),
                        table: self.title.clone(),
                    })
            })
            .collect::<Result<Vec<usize>>>()?;
        Ok(Table {
            title: title.into(),
            header: idx.iter().map(|&j| self.header[j].clone()).collect(),
            rows: self
                .rows
                .iter()
                .map(|r| {
                    idx.iter()
                        .map(|&j| r.get(j).cloned().unwrap_or(Cell::Text(String::new())))
                        .collect()
                })
                .collect(),
            note: self.note.clone(),
            shown_digits: self.shown_digits,
        })
    }

    /// The numbers of column `name`, for plots and assertions.
    pub fn column(&self, name: &str) -> Option<Vec<f64>> {
        let j = self.header.iter().position(|h| h == name)?;
        Some(
            self.rows
                .iter()
                .map(|r| match &r[j] {
                    Cell::Num(x) => *x,
                    Cell::Int(i) => *i as f64,
                    Cell::Text(_) => f64::NAN,
                })
                .collect(),
        )
    }

    /// The table as an HTML `<table>`: numbers with [`SHOWN_DIGITS`] significant
    /// digits (or [`Table::with_digits`]), each cell's full value in its tooltip;
    /// wider than 1000 px it scrolls sideways with its first column kept in view.
    pub fn to_html(&self) -> String {
        let digits = self.shown_digits.unwrap_or(SHOWN_DIGITS);
        let mut s = String::new();
        s.push_str("<div style=\"max-width:1000px;overflow-x:auto\">");
        s.push_str("<table class=\"optrace\">");
        if !self.title.is_empty() {
            let _ = write!(
                s,
                "<caption style=\"text-align:left;font-weight:bold\">{}</caption>",
                html_escape(&tr(&self.title))
            );
        }
        s.push_str("<thead><tr>");
        for h in &self.header {
            let _ = write!(s, "<th>{}</th>", html_escape(&tr(h)));
        }
        s.push_str("</tr></thead><tbody>");
        for r in &self.rows {
            s.push_str("<tr>");
            for c in r {
                let align = if c.is_numeric() { "right" } else { "left" };
                let shown = match c {
                    Cell::Text(t) => tr(t).into_owned(),
                    _ => c.text_with(digits),
                };
                let full = c.text();
                let title = if matches!(c, Cell::Num(_)) && shown != full {
                    format!(" title=\"{}\"", html_escape(&full))
                } else {
                    String::new()
                };
                let _ = write!(
                    s,
                    "<td style=\"text-align:{align};font-family:monospace\"{title}>{}</td>",
                    html_escape(&shown)
                );
            }
            s.push_str("</tr>");
        }
        s.push_str("</tbody></table></div>");
        if let Some(n) = &self.note {
            let _ = write!(s, "<p><em>{}</em></p>", html_escape(&tr(n)));
        }
        s
    }

    /// The table as CSV (numbers in shortest round-trip form).
    pub fn to_csv(&self) -> String {
        let mut s = self.header.join(",");
        s.push('\n');
        for r in &self.rows {
            let cells: Vec<String> = r
                .iter()
                .map(|c| match c {
                    Cell::Num(x) => fmt_exact(*x),
                    other => other.text(),
                })
                .collect();
            s.push_str(&cells.join(","));
            s.push('\n');
        }
        s
    }

    /// Shows the table in a notebook (evcxr calls this on a cell's last value), in
    /// the kernel's language ([`crate::lang`]).
    pub fn evcxr_display(&self) {
        crate::lang::show("text/html", || self.to_html());
    }
}

/// What evcxr reads as rich output: `body` between its content markers, as MIME
/// type `mime` (`text/html`, `text/markdown`). Every `evcxr_display` in the
/// workspace prints this through [`crate::lang::content`] (once per language
/// shown), so the markers are written once.
pub fn evcxr_content(mime: &str, body: &str) -> String {
    format!("EVCXR_BEGIN_CONTENT {mime}\n{body}\nEVCXR_END_CONTENT")
}

/// Stable, aligned text: what snapshots pin.
impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for r in &texts {
            for (j, c) in r.iter().enumerate() {
                if j < widths.len() {
                    widths[j] = widths[j].max(c.chars().count());
                }
            }
        }
        if !self.title.is_empty() {
            writeln!(f, "{}", self.title)?;
        }
        let line = |cells: &[String], f: &mut fmt::Formatter<'_>| -> fmt::Result {
            let padded: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    let w = widths.get(j).copied().unwrap_or(0);
                    let pad = w.saturating_sub(c.chars().count());
                    format!("{}{}", " ".repeat(pad), c)
                })
                .collect();
            writeln!(f, "{}", padded.join("  ").trim_end())
        };
        line(&self.header, f)?;
        for r in &texts {
            line(r, f)?;
        }
        if let Some(n) = &self.note {
            writeln!(f, "note: {n}")?;
        }
        Ok(())
    }
}

/// Markdown with LaTeX (`$…$`, `$$…$$`), shown rendered in a notebook and as its
/// source in snapshots.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Markdown(pub String);

impl Markdown {
    pub fn new(s: impl Into<String>) -> Self {
        Markdown(s.into())
    }
    pub fn evcxr_display(&self) {
        crate::lang::show("text/markdown", || tr(&self.0).into_owned());
    }
}

impl fmt::Display for Markdown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Several pieces shown together in one notebook output (Markdown and tables as
/// one HTML block, with the Markdown's LaTeX left for MathJax to typeset).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub parts: Vec<Part>,
}

/// One piece of a [`Report`].
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Text(Markdown),
    Table(Table),
}

impl Report {
    pub fn new() -> Self {
        Report::default()
    }
    pub fn text(mut self, md: impl Into<String>) -> Self {
        self.parts.push(Part::Text(Markdown::new(md)));
        self
    }
    pub fn table(mut self, t: Table) -> Self {
        self.parts.push(Part::Table(t));
        self
    }
    /// The tables of the report, in order.
    pub fn tables(&self) -> Vec<&Table> {
        self.parts
            .iter()
            .filter_map(|p| match p {
                Part::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }
    /// Markdown for the text and HTML tables inline (Jupyter renders both).
    pub fn to_markdown(&self) -> String {
        let mut s = String::new();
        for p in &self.parts {
            match p {
                Part::Text(m) => {
                    s.push_str(&tr(&m.0));
                    s.push_str("\n\n");
                }
                Part::Table(t) => {
                    s.push_str(&t.to_html());
                    s.push_str("\n\n");
                }
            }
        }
        s
    }
    pub fn evcxr_display(&self) {
        crate::lang::show("text/markdown", || self.to_markdown());
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.parts.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            match p {
                Part::Text(m) => writeln!(f, "{m}")?,
                Part::Table(t) => write!(f, "{t}")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_splits_a_table_and_names_a_missing_column() {
        let mut t = Table::new("wide", &["t", "a", "b", "c"]).with_note("n");
        t.push(vec![0usize.into()]);
        t.push(vec![1usize.into(), 2.0.into(), 3.0.into(), 4.0.into()]);
        let s = t.select("narrow", &["t", "c", "a"]).unwrap();
        assert_eq!(s.header, ["t", "c", "a"]);
        assert_eq!(
            s.rows[1],
            vec![Cell::Int(1), Cell::Num(4.0), Cell::Num(2.0)]
        );
        assert_eq!(s.rows[0].len(), 3);
        assert_eq!(s.note.as_deref(), Some("n"));
        let e = t.select("x", &["t", "d"]).unwrap_err();
        assert_eq!(e.to_string(), "no column \"d\" in the table \"wide\"");
    }

    #[test]
    fn tables_show_the_listed_steps_then_the_last() {
        assert_eq!(table_steps(&[1, 10, 100], 50), vec![1, 10, 50]);
        assert_eq!(table_steps(&[1, 10, 100], 100), vec![1, 10, 100]);
        assert_eq!(table_steps(&[1, 10, 100], 200), vec![1, 10, 100, 200]);
        assert_eq!(table_steps(&[10, 20], 5), vec![5]);
        assert_eq!(table_steps(&[], 3), vec![3]);
    }

    #[test]
    fn titles_write_the_minus_sign() {
        assert_eq!(fmt_minus(-5.0), "−5");
        assert_eq!(fmt_minus(0.1), "0.1");
        assert_eq!(fmt_minus(-1e-7), "−0.0000001");
        assert_eq!(fmt_point_minus(&[-5.0, -2.0]), "(−5, −2)");
        assert_eq!(fmt_point_minus(&[1.0, 1.5]), "(1, 1.5)");
        assert_eq!(
            fmt_point_minus(&[-5.0, 2.5]),
            format!("({}, {})", -5.0, 2.5).replace('-', "−")
        );
    }

    #[test]
    fn numbers_have_fixed_significant_digits() {
        assert_eq!(fmt_num(0.0), "0");
        assert_eq!(fmt_num(-0.0), "0");
        assert_eq!(fmt_num(10.5), "10.50000000");
        assert_eq!(fmt_num(-4.6), "-4.600000000");
        assert_eq!(fmt_num(1.2000000000000002), "1.200000000");
        assert_eq!(fmt_num(1e-5), "1.000000000e-5");
        assert_eq!(fmt_num(12345678.0), "1.234567800e7");
        assert_eq!(fmt_num(9.99999999999), "10.00000000");
        assert_eq!(fmt_sig(0.000123456, 3), "0.000123");
    }

    #[test]
    fn table_renders_as_text_html_and_csv() {
        let mut t = Table::new("demo", &["t", "x"]);
        t.push(vec![0usize.into(), 0.1.into()]);
        t.push(vec![1usize.into(), (-2.5).into()]);
        let text = t.to_string();
        assert_eq!(
            text,
            "demo\nt             x\n0  0.1000000000\n1  -2.500000000\n"
        );
        // A notebook shows four significant digits, the full value in the tooltip…
        assert!(t.to_html().contains(
            "<td style=\"text-align:right;font-family:monospace\" title=\"-2.500000000\">-2.500</td>"
        ));
        // …and every digit one call away.
        assert!(t
            .clone()
            .full()
            .to_html()
            .contains("<td style=\"text-align:right;font-family:monospace\">-2.500000000</td>"));
        assert_eq!(t.to_csv(), "t,x\n0,0.1\n1,-2.5\n");
        assert_eq!(t.column("x"), Some(vec![0.1, -2.5]));
    }
}
