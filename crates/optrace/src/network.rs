//! `--problem digits-mlp`: the digits network of [`optcore::mlp`] trained from
//! given parameters over a given batch order, so that any framework's run can be
//! set beside ours (`crates/optcore/reference/digits-mlp/` holds torch's).
//!
//! The data is the vendored 8×8 digits ([`optcore::digits`], inputs the pixel
//! values divided by 16); the network has the hidden width the `--init` file
//! gives, `--activation` (tanh or relu) and 10 outputs; the loss is the mean
//! softmax cross-entropy over the batch. Row t (t = 0, 1, …) is batch t of the
//! `--batches` file: its loss at θ_t is printed, then the optimizer takes its
//! step t + 1 on that batch's gradient, from θ_t to θ_{t+1}. With `--params-out FILE` the parameters after the last
//! step are written there, in the `--init` format ([`optcore::mlp::files`]).
//!
//! Output rows `t, loss`: CSV (`t,loss`), JSON (the keys of the other problems,
//! `"columns": ["t", "loss"]`) or the table, streamed with fixed widths. The exit
//! status is the other problems': 2 for bad input (a file that cannot be read
//! or is not of its format, a flag the optimizer does not take), before anything
//! is written; 1 for a non-finite loss or an optimizer's refusal mid-run, after
//! every row before it (and then no `--params-out` file: there are no final
//! parameters), or for a file that cannot be written.

use crate::output::{write_line, NUMBER_WIDTH};
use crate::{flag_message, header_line, methods::check_taken, Format, Status};
use optcore::digits::{self, CLASSES, PIXELS};
use optcore::mlp::{files, Activation, Mlp};
use optcore::render::fmt_num;
use optcore::{Convention, ExampleLoss, Flags, FromFlags, Optimizer, Oracle};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;

/// The `--problem` name of the digits network.
pub const PROBLEM: &str = "digits-mlp";

/// A parsed command line for `--problem digits-mlp`.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkArgs {
    pub method: &'static crate::Method,
    pub convention: Convention,
    /// The hyperparameter flags given (`None`: the convention's default).
    pub flags: Flags,
    pub format: Format,
    /// `--init`: the initial parameters.
    pub init: PathBuf,
    /// `--batches`: the batch order, one step per batch.
    pub batches: PathBuf,
    pub activation: Activation,
    /// `--params-out`: where the final parameters go, if anywhere.
    pub params_out: Option<PathBuf>,
}

/// The gradient of the batch of the step under way.
struct Listed<'a> {
    net: &'a Mlp,
    batches: &'a [Vec<usize>],
    current: usize,
}

impl Oracle for Listed<'_> {
    fn dim(&self) -> usize {
        self.net.num_params()
    }
    fn begin_step(&mut self, t: usize) {
        self.current = t - 1;
    }
    fn eval(
        &mut self,
        theta: optcore::ndarray::ArrayView1<f64>,
        grad: optcore::ndarray::ArrayViewMut1<f64>,
    ) -> f64 {
        // Every batch is non-empty and in range (files::parse_batches) and θ has
        // the network's length, so this cannot fail; were it to, the NaN stops
        // the run as a non-finite value, with its rows kept.
        self.net
            .batch_loss_and_gradient(&self.batches[self.current], theta, grad)
            .unwrap_or(f64::NAN)
    }
    fn loss(&self, theta: optcore::ndarray::ArrayView1<f64>) -> f64 {
        self.net.batch_loss(&self.batches[self.current], theta)
    }
    fn problem_name(&self) -> String {
        PROBLEM.into()
    }
}

/// A file's text, or the usage error naming the flag and the file.
fn read(flag: &str, path: &PathBuf) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read {flag} {}: {e}",
            crate::command::escape(&path.display().to_string())
        )
    })
}

/// What the files give: the network over the data, θ₀ and the batches.
struct Loaded {
    net: Mlp,
    theta: optcore::ndarray::Array1<f64>,
    batches: Vec<Vec<usize>>,
}

/// The network and its data, parameters and batches from the files, or the
/// usage error.
fn load(args: &NetworkArgs) -> Result<Loaded, String> {
    let (hidden, theta) = files::parse_params(&read("--init", &args.init)?, PIXELS, CLASSES)
        .map_err(|e| format!("--init: {e}"))?;
    let data = digits::digits();
    let batches = files::parse_batches(&read("--batches", &args.batches)?, data.len())
        .map_err(|e| format!("--batches: {e}"))?;
    let net = Mlp::new(data, hidden, CLASSES, args.activation).map_err(|e| e.to_string())?;
    Ok(Loaded {
        net,
        theta,
        batches,
    })
}

/// Runs `O` on the digits network for a parsed command line, writing each row as
/// it is computed.
pub fn emit<O: Optimizer + FromFlags>(
    args: &NetworkArgs,
    out: &mut dyn Write,
) -> (Status, io::Result<()>) {
    let refuse = |message: String| (Status::usage_error(message), Ok(()));
    let taken = crate::methods::takes::<O>(args.convention);
    if let Err(message) = check_taken(args.method.name, &taken, args.convention, &args.flags) {
        return refuse(message);
    }
    // from_flags validates what it builds (FromFlags' contract).
    let opt = match O::from_flags(args.convention, &args.flags) {
        Ok(opt) => opt,
        Err(e) => return refuse(flag_message(&e)),
    };
    let Loaded {
        net,
        mut theta,
        batches,
    } = match load(args) {
        Ok(loaded) => loaded,
        Err(message) => return refuse(message),
    };
    let mut state = opt.init(theta.view());
    let mut oracle = Listed {
        net: &net,
        batches: &batches,
        current: 0,
    };
    let mut rows = Rows::new(args, &opt, batches.len());
    let mut stop: Option<String> = None;
    let written = (|| -> io::Result<()> {
        rows.start(out)?;
        for (t, batch) in batches.iter().enumerate() {
            let loss = net.batch_loss(batch, theta.view());
            if !loss.is_finite() {
                stop = Some(format!(
                    "the loss of batch {t} at θ_{t} is not finite ({loss}): the run stops here, \
                     every earlier step is kept"
                ));
                break;
            }
            rows.row(out, t, loss)?;
            oracle.begin_step(t + 1);
            if let Err(e) = opt.step(&mut state, theta.view_mut(), &mut oracle) {
                // The optimizer's message names its step (t + 1, counted from 1).
                stop = Some(e.to_string());
                break;
            }
        }
        rows.end(out, stop.as_deref())
    })();
    if let Some(message) = stop {
        return (Status::fault(message), written);
    }
    if let (Ok(()), Some(path)) = (&written, &args.params_out) {
        let saved = files::params_json(&net, theta.view())
            .map_err(|e| e.to_string())
            .and_then(|text| std::fs::write(path, text + "\n").map_err(|e| e.to_string()));
        if let Err(e) = saved {
            let path = crate::command::escape(&path.display().to_string());
            return (
                Status::fault(format!("cannot write --params-out {path}: {e}")),
                written,
            );
        }
    }
    (Status::ok(), written)
}

/// The rows `t, loss` in the format asked for, written as they come.
struct Rows {
    format: Format,
    header: String,
    optimizer: String,
    convention: String,
    /// The `t` column's width in the table: as wide as the last step's number.
    t_width: usize,
    line: String,
    first: bool,
}

impl Rows {
    fn new<O: Optimizer>(args: &NetworkArgs, opt: &O, steps: usize) -> Rows {
        Rows {
            format: args.format,
            header: header_line(opt, args.convention, &args.flags),
            optimizer: opt.name().to_string(),
            convention: args.convention.to_string(),
            t_width: steps.saturating_sub(1).to_string().len().max(1),
            line: String::new(),
            first: true,
        }
    }

    fn widths(&self) -> [usize; 2] {
        [self.t_width, NUMBER_WIDTH]
    }

    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match self.format {
            Format::Csv => writeln!(out, "t,loss"),
            Format::Json => {
                out.write_all(b"{\"convention\":")?;
                serde_json::to_writer(&mut *out, &self.convention)?;
                out.write_all(b",\"optimizer\":")?;
                serde_json::to_writer(&mut *out, &self.optimizer)?;
                write!(
                    out,
                    ",\"problem\":\"{PROBLEM}\",\"columns\":[\"t\",\"loss\"],\"rows\":["
                )
            }
            Format::Table => {
                writeln!(out, "{}", self.header)?;
                writeln!(out, "{} on {PROBLEM}", self.optimizer)?;
                let widths = self.widths();
                write_line(out, &mut self.line, &widths, ["t", "loss"].into_iter())
            }
        }
    }

    fn row(&mut self, out: &mut dyn Write, t: usize, loss: f64) -> io::Result<()> {
        match self.format {
            // Shortest round-trip form, as the other problems' CSV.
            Format::Csv => {
                self.line.clear();
                let _ = writeln!(self.line, "{t},{loss:?}");
                out.write_all(self.line.as_bytes())
            }
            Format::Json => {
                if !self.first {
                    out.write_all(b",")?;
                }
                self.first = false;
                out.write_all(b"[")?;
                serde_json::to_writer(&mut *out, &t)?;
                out.write_all(b",")?;
                serde_json::to_writer(&mut *out, &loss)?;
                out.write_all(b"]")
            }
            Format::Table => {
                let widths = self.widths();
                let cells = [t.to_string(), fmt_num(loss)];
                write_line(
                    out,
                    &mut self.line,
                    &widths,
                    cells.iter().map(String::as_str),
                )
            }
        }
    }

    fn end(&mut self, out: &mut dyn Write, stop: Option<&str>) -> io::Result<()> {
        match self.format {
            Format::Csv => Ok(()),
            Format::Json => {
                out.write_all(b"],\"stop\":")?;
                serde_json::to_writer(&mut *out, &stop)?;
                out.write_all(b"}\n")
            }
            Format::Table => match stop {
                Some(e) => writeln!(out, "note: stopped: {e}"),
                None => Ok(()),
            },
        }
    }
}
