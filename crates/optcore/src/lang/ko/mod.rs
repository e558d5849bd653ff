//! The Korean edition's wording of every text the crates show, keyed by the
//! English text ([`super::tr`] looks texts up here).
//!
//! One file per crate whose texts are shown, each a list of `(English, Korean)`
//! pairs in the order the crate's code has them. A key may hold numbered holes
//! `⟨1⟩` … `⟨9⟩` where the English text is formatted from values; the Korean
//! side places the same holes where Korean word order wants them. Korean follows
//! the notebooks' style: 합니다체 in sentences, noun phrases in titles and
//! headers, the post's own terms (gradient, learning rate, …) as the post writes
//! them.
//!
//! A key that no longer matches its English text (the code's wording changed)
//! shows the English in the Korean edition; `scripts/editions.py check` fails on
//! that, so the two cannot drift apart unnoticed.

mod adadelta;
mod adagrad;
mod adam;
mod batching;
mod compare;
mod core;
mod gd;
mod momentum;
mod nag;
mod network;
mod plots;
mod rmsprop;
mod schedule;

use std::collections::HashMap;
use std::sync::OnceLock;

/// Every file's pairs.
const ALL: &[&[(&str, &str)]] = &[
    core::ENTRIES,
    plots::ENTRIES,
    batching::ENTRIES,
    gd::ENTRIES,
    momentum::ENTRIES,
    nag::ENTRIES,
    adagrad::ENTRIES,
    adadelta::ENTRIES,
    rmsprop::ENTRIES,
    adam::ENTRIES,
    schedule::ENTRIES,
    compare::ENTRIES,
    network::ENTRIES,
];

/// A key split at its holes: literal text, then (hole number, literal text) pairs.
struct Template {
    head: &'static str,
    rest: Vec<(usize, &'static str)>,
    korean: &'static str,
    /// Length of the literal text, so that the most specific match wins.
    literal: usize,
}

struct Catalog {
    exact: HashMap<&'static str, &'static str>,
    templates: Vec<Template>,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut exact = HashMap::new();
        let mut templates = Vec::new();
        for &(en, ko) in ALL.iter().flat_map(|e| e.iter()) {
            match split_holes(en) {
                Some((head, rest)) => {
                    let literal = head.len() + rest.iter().map(|(_, l)| l.len()).sum::<usize>();
                    templates.push(Template {
                        head,
                        rest,
                        korean: ko,
                        literal,
                    });
                }
                None => {
                    exact.insert(en, ko);
                }
            }
        }
        Catalog { exact, templates }
    })
}

/// `⟨n⟩` for n in 1 ..= 9.
fn hole_at(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('⟨')?;
    let mut chars = rest.chars();
    let digit = chars.next()?.to_digit(10)? as usize;
    (chars.next()? == '⟩' && digit > 0).then_some(digit)
}

const HOLE_LEN: usize = '⟨'.len_utf8() + 1 + '⟩'.len_utf8();

/// The key's literal head and (hole, literal) pairs, or `None` when it has no hole.
fn split_holes(key: &'static str) -> Option<(&'static str, Vec<(usize, &'static str)>)> {
    let starts: Vec<(usize, usize)> = key
        .char_indices()
        .filter_map(|(i, _)| hole_at(&key[i..]).map(|n| (i, n)))
        .collect();
    if starts.is_empty() {
        return None;
    }
    let head = &key[..starts[0].0];
    let rest = starts
        .iter()
        .enumerate()
        .map(|(k, &(i, n))| {
            let end = starts.get(k + 1).map_or(key.len(), |s| s.0);
            (n, &key[i + HOLE_LEN..end])
        })
        .collect();
    Some((head, rest))
}

/// Fills the holes of `rest` from `text`, trying each place a literal occurs
/// (the first that lets the rest match). Holes match one or more characters.
fn fill<'t>(text: &'t str, rest: &[(usize, &str)], out: &mut Vec<(usize, &'t str)>) -> bool {
    let Some((&(n, lit), tail)) = rest.split_first() else {
        return text.is_empty();
    };
    if tail.is_empty() && lit.is_empty() {
        if text.is_empty() {
            return false;
        }
        out.push((n, text));
        return true;
    }
    let mut from = text.chars().next().map_or(1, char::len_utf8);
    while from <= text.len() {
        let Some(pos) = text
            .get(from..)
            .and_then(|t| if lit.is_empty() { None } else { t.find(lit) })
        else {
            return false;
        };
        let at = from + pos;
        out.push((n, &text[..at]));
        if fill(&text[at + lit.len()..], tail, out) {
            return true;
        }
        out.pop();
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// The Korean text for `text`, if the catalog has it: an entry for the whole
/// text, else, for a text of several lines (a list of answers, a report), each
/// line by its own entry — lines without one stay as they are, and the text counts
/// as found if any line was.
pub fn lookup(text: &str) -> Option<String> {
    if let Some(whole) = lookup_whole(text) {
        return Some(whole);
    }
    if !text.contains('\n') {
        return None;
    }
    let mut found = false;
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| match lookup_whole(line) {
            Some(k) => {
                found = true;
                k
            }
            None => line.to_string(),
        })
        .collect();
    found.then(|| lines.join("\n"))
}

/// An entry for the whole of `text`: an exact key, else the template whose
/// literal text is longest among those that match.
fn lookup_whole(text: &str) -> Option<String> {
    let cat = catalog();
    if let Some(ko) = cat.exact.get(text) {
        return Some((*ko).to_string());
    }
    let mut best: Option<(&Template, Vec<(usize, &str)>)> = None;
    for t in &cat.templates {
        let Some(after_head) = text.strip_prefix(t.head) else {
            continue;
        };
        if best.as_ref().is_some_and(|(b, _)| b.literal >= t.literal) {
            continue;
        }
        let mut holes = Vec::new();
        if fill(after_head, &t.rest, &mut holes) {
            best = Some((t, holes));
        }
    }
    let (t, holes) = best?;
    let mut out = t.korean.to_string();
    for (n, part) in holes {
        let shown = cat.exact.get(part).map_or(part, |k| *k);
        out = out.replace(&format!("⟨{n}⟩"), shown);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_split_and_fill() {
        let (head, rest) = split_holes("after ⟨1⟩ steps, ⟨2⟩").unwrap();
        assert_eq!(head, "after ");
        assert_eq!(rest, vec![(1, " steps, "), (2, "")]);
        let mut out = Vec::new();
        assert!(fill("44 steps, below 1 %", &rest, &mut out));
        assert_eq!(out, vec![(1, "44"), (2, "below 1 %")]);
        let mut out = Vec::new();
        assert!(!fill("44 stairs", &rest, &mut out));
    }

    #[test]
    fn lines_without_an_entry_stay_and_others_are_translated() {
        // Any exact key of the catalog, on a line of its own beside an unknown one.
        let (en, ko) = ALL
            .iter()
            .flat_map(|e| e.iter())
            .find(|(en, _)| split_holes(en).is_none() && !en.contains('\n'))
            .unwrap();
        let text = format!("{en}\nno entry for this line");
        assert_eq!(lookup(&text), Some(format!("{ko}\nno entry for this line")));
        assert_eq!(lookup("no entry\nnor here"), None);
    }

    #[test]
    fn a_literal_found_twice_backtracks() {
        let (_, rest) = split_holes("⟨1⟩ and ⟨2⟩ end").unwrap();
        let mut out = Vec::new();
        assert!(fill("a and b and c end", &rest, &mut out));
        assert_eq!(out, vec![(1, "a"), (2, "b and c")]);
    }

    #[test]
    fn every_key_is_unique_and_every_hole_is_placed() {
        let mut seen = std::collections::HashMap::new();
        let mut twice = Vec::new();
        for (file, &(en, ko)) in ALL
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.iter().map(move |p| (i, p)))
        {
            if let Some((first, k)) = seen.insert(en, (file, ko)) {
                twice.push(format!(
                    "{en:?} in files {first} ({k:?}) and {file} ({ko:?})"
                ));
            }
            let holes = split_holes(en).map(|(_, r)| r.len()).unwrap_or(0);
            for n in 1..=holes {
                let hole = format!("⟨{n}⟩");
                assert!(en.contains(&hole), "{en:?} lacks {hole}");
                assert!(ko.contains(&hole), "the Korean of {en:?} lacks {hole}");
            }
            assert!(!ko.is_empty(), "empty Korean for {en:?}");
        }
        assert!(
            twice.is_empty(),
            "keys twice (files in ALL's order):\n{}",
            twice.join("\n")
        );
    }
}
