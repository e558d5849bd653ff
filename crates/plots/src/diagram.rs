//! A box-and-arrow diagram (a map of ideas, not of numbers): labelled boxes at
//! given positions, grouped into coloured columns, and arrows between them. Drawn
//! straight to SVG text (no plotters: nothing here is a coordinate axis).

use optcore::{Error, Result};
use std::fmt::Write as _;

/// One box: a title, an optional second line (a formula), its centre and group.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: &'static str,
    pub title: String,
    pub detail: String,
    pub at: (f64, f64),
    pub group: usize,
}

/// A column heading and its colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub title: String,
    pub x: f64,
}

/// A diagram: groups (column headings), nodes, and arrows `from → to` by node id,
/// each bent sideways by `bend` pixels at its middle (0: straight; a bend takes
/// an arrow around a box in its way).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diagram {
    pub title: String,
    pub size: (u32, u32),
    pub groups: Vec<Group>,
    pub nodes: Vec<Node>,
    pub edges: Vec<(&'static str, &'static str, f64)>,
}

/// Box fill per group: light tints of Okabe–Ito blue, vermillion and bluish green.
const FILLS: [(&str, &str); 3] = [
    ("#e5f0f8", "#0072b2"),
    ("#fbeadf", "#d55e00"),
    ("#e0f3ee", "#009e73"),
];

const BOX: (f64, f64) = (190.0, 52.0);

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl Diagram {
    /// The SVG document. An arrow naming a node that does not exist is an error.
    pub fn svg(&self) -> Result<String> {
        let (w, h) = self.size;
        let mut s = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             font-family=\"sans-serif\">\n<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
             markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" \
             fill=\"#444\"/></marker></defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        );
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"26\" text-anchor=\"middle\" font-size=\"18\">{}</text>",
            f64::from(w) / 2.0,
            escape(&optcore::lang::tr(&self.title))
        );
        for (i, g) in self.groups.iter().enumerate() {
            let (_, stroke) = FILLS[i % FILLS.len()];
            let _ = writeln!(
                s,
                "<text x=\"{}\" y=\"58\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" fill=\"{stroke}\">{}</text>",
                g.x,
                escape(&optcore::lang::tr(&g.title))
            );
        }
        let find = |id: &str| {
            self.nodes.iter().find(|n| n.id == id).ok_or(Error::Empty {
                what: "a diagram node an arrow names",
            })
        };
        for (from, to, bend) in &self.edges {
            let (a, b) = (find(from)?.at, find(to)?.at);
            // The control point: the midpoint pushed `bend` px to the left of a → b.
            let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt().max(1.0);
            let c = (
                (a.0 + b.0) / 2.0 + bend * (b.1 - a.1) / len,
                (a.1 + b.1) / 2.0 - bend * (b.0 - a.0) / len,
            );
            // From the edge of one box to the edge of the other, along the line
            // between their centres.
            let clip = |p: (f64, f64), q: (f64, f64)| {
                let (dx, dy) = (q.0 - p.0, q.1 - p.1);
                let tx = if dx == 0.0 {
                    f64::INFINITY
                } else {
                    (BOX.0 / 2.0 + 4.0) / dx.abs()
                };
                let ty = if dy == 0.0 {
                    f64::INFINITY
                } else {
                    (BOX.1 / 2.0 + 4.0) / dy.abs()
                };
                let t = tx.min(ty).min(1.0);
                (p.0 + dx * t, p.1 + dy * t)
            };
            // Leave each box towards the control point (the curve's tangent there).
            let (p, q) = (clip(a, c), clip(b, c));
            let _ = writeln!(
                s,
                "<path d=\"M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.6\" marker-end=\"url(#head)\"/>",
                p.0, p.1, c.0, c.1, q.0, q.1
            );
        }
        for n in &self.nodes {
            let (fill, stroke) = FILLS[n.group % FILLS.len()];
            let (x, y) = (n.at.0 - BOX.0 / 2.0, n.at.1 - BOX.1 / 2.0);
            let _ = writeln!(
                s,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>",
                BOX.0, BOX.1
            );
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{}</text>",
                n.at.0,
                n.at.1 - 4.0,
                escape(&optcore::lang::tr(&n.title))
            );
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">{}</text>",
                n.at.0,
                n.at.1 + 15.0,
                escape(&n.detail)
            );
        }
        s.push_str("</svg>\n");
        Ok(s)
    }

    /// The diagram as text, for snapshots: groups, boxes (with their group) and arrows.
    pub fn text(&self) -> String {
        let mut s = format!("{}\n", self.title);
        for n in &self.nodes {
            let g = self
                .groups
                .get(n.group)
                .map(|g| g.title.as_str())
                .unwrap_or("");
            let _ = writeln!(s, "[{g}] {}: {}", n.title, n.detail);
        }
        for (a, b, _) in &self.edges {
            let _ = writeln!(s, "{a} → {b}");
        }
        s
    }

    /// Shows the diagram in a notebook.
    pub fn evcxr_display(&self) {
        match self.svg() {
            Ok(_) => optcore::lang::show("text/html", || {
                format!("<div>{}</div>", self.svg().unwrap_or_default())
            }),
            Err(e) => eprintln!("{e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d() -> Diagram {
        Diagram {
            title: "t".into(),
            size: (400, 200),
            groups: vec![Group {
                title: "g".into(),
                x: 100.0,
            }],
            nodes: vec![
                Node {
                    id: "a",
                    title: "A".into(),
                    detail: "x < y".into(),
                    at: (100.0, 80.0),
                    group: 0,
                },
                Node {
                    id: "b",
                    title: "B".into(),
                    detail: String::new(),
                    at: (300.0, 150.0),
                    group: 0,
                },
            ],
            edges: vec![("a", "b", 0.0)],
        }
    }

    #[test]
    fn draws_boxes_and_arrows_and_refuses_a_dangling_arrow() {
        let svg = d().svg().unwrap();
        assert_eq!(svg.matches("<rect x=").count(), 2);
        assert_eq!(svg.matches("marker-end=").count(), 1);
        assert!(svg.contains("x &lt; y"));
        assert!(d().text().contains("a → b"));
        let mut bad = d();
        bad.edges.push(("a", "nowhere", 0.0));
        assert!(bad.svg().is_err());
    }
}
