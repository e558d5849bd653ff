//! # lang — the language a notebook's outputs are shown in
//!
//! The course has two editions (docs/editions.md): each notebook in English and in
//! Korean, with the same code. What differs in the outputs — table titles,
//! headers and notes, report text, figure titles, axis labels and legends — is
//! chosen when an output is *shown*, not when it is built: the library keeps its
//! English text, and every place that shows a text passes it through [`tr`], which
//! returns the Korean edition's wording when the language is Korean.
//!
//! The language comes from the kernel's environment, [`ENV`] (`OPTCOURSE_LANG`):
//! - unset or `en`: English (tests, snapshots, the English kernel);
//! - `ko`: Korean (the `rust-ko` kernel that the Korean notebooks name);
//! - `both`: the notebook runner's mode. [`show`] then prints each output twice,
//!   English as its own MIME type and Korean as [`ko_mime`] of it, so one run of a
//!   notebook yields the outputs of both editions (`scripts/notebooks.py` splits
//!   them).
//!
//! The Korean wording lives in [`ko`], keyed by the English text; a key may hold
//! numbered holes `⟨1⟩`, `⟨2⟩` … for the parts of a formatted text that vary (a
//! number, a name). A text with English words and no entry is shown in English
//! and, when [`MISSES_ENV`] names a file, appended to it, so that what is left to
//! translate is a list, not a search. Words the Korean edition keeps in Latin
//! letters (names of methods, conventions, authors and code; notation; the terms
//! the post itself writes in English) are listed once, in `kept.txt`
//! ([`english_words`] reads it, and so does `scripts/editions.py`).

pub mod ko;

use std::borrow::Cow;
use std::cell::Cell;
use std::io::Write;

/// The environment variable that chooses the language: `en`, `ko` or `both`.
pub const ENV: &str = "OPTCOURSE_LANG";

/// When set, the file each untranslated text is appended to (Korean only), each
/// followed by a line holding only the record separator U+001E.
pub const MISSES_ENV: &str = "OPTCOURSE_LANG_MISSES";

/// Words the Korean edition writes in Latin letters, one per line (`#` starts a
/// comment): see the file's own header.
pub const KEPT: &str = include_str!("kept.txt");

/// A language of the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ko,
}

thread_local! {
    /// The language [`with`] chose for the closure running now, if any.
    static CHOSEN: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language texts are shown in now: the one [`with`] chose, else the
/// kernel's ([`ENV`] = `ko` is Korean; anything else, `both` included, English).
pub fn current() -> Lang {
    CHOSEN
        .with(Cell::get)
        .unwrap_or_else(|| match std::env::var(ENV).as_deref() {
            Ok("ko") => Lang::Ko,
            _ => Lang::En,
        })
}

/// Whether outputs are shown in both languages at once ([`ENV`] = `both`).
pub fn both() -> bool {
    std::env::var(ENV).as_deref() == Ok("both")
}

/// Runs `f` with texts shown in `lang`, then restores the language before it
/// (also when `f` panics).
pub fn with<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CHOSEN.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CHOSEN.with(|c| c.replace(Some(lang))));
    f()
}

/// The MIME type that carries the Korean rendering of an output of type `mime`
/// in [`both`] mode: `text/html` → `text/x-ko-html`.
pub fn ko_mime(mime: &str) -> String {
    match mime.split_once('/') {
        Some((kind, sub)) => format!("{kind}/x-ko-{sub}"),
        None => format!("x-ko-{mime}"),
    }
}

/// What evcxr reads as a cell's rich output: `render()`'s text as `mime`, in the
/// current language; in [`both`] mode English as `mime` and Korean as
/// [`ko_mime`]`(mime)`, in one output. Every `evcxr_display` of the workspace
/// prints through this.
pub fn content(mime: &str, render: impl Fn() -> String) -> String {
    let block = crate::render::evcxr_content;
    if both() {
        let en = with(Lang::En, &render);
        let ko = with(Lang::Ko, &render);
        format!("{}\n{}", block(mime, &en), block(&ko_mime(mime), &ko))
    } else {
        block(mime, &render())
    }
}

/// Prints [`content`]: what an `evcxr_display` does.
pub fn show(mime: &str, render: impl Fn() -> String) {
    println!("{}", content(mime, render));
}

/// An output built once per language it will be shown in: English always, Korean
/// too when the kernel shows Korean or [`both`]. For outputs made whole when they
/// are built (a widget's HTML with its script), which cannot be translated text
/// by text when shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    en: String,
    ko: Option<String>,
}

impl Rendered {
    /// Runs `build` in English, and again in Korean if Korean will be shown.
    pub fn try_build<E>(build: impl Fn() -> Result<String, E>) -> Result<Rendered, E> {
        let en = with(Lang::En, &build)?;
        let ko = if both() || current() == Lang::Ko {
            Some(with(Lang::Ko, &build)?)
        } else {
            None
        };
        Ok(Rendered { en, ko })
    }

    /// The English output (what tests read).
    pub fn en(&self) -> &str {
        &self.en
    }

    /// The output in the current language.
    pub fn shown(&self) -> &str {
        match (current(), &self.ko) {
            (Lang::Ko, Some(ko)) => ko,
            _ => &self.en,
        }
    }

    /// What evcxr reads: see [`content`].
    pub fn content(&self, mime: &str) -> String {
        content(mime, || self.shown().to_string())
    }
}

/// `text` in the current language: itself in English; in Korean the entry of
/// [`ko`] whose key it matches (holes filled with what they matched, each
/// translated in turn when it is itself a key), else itself — noted as a miss
/// when it has English words that `kept.txt` does not list.
pub fn tr(text: &str) -> Cow<'_, str> {
    if current() == Lang::En {
        return Cow::Borrowed(text);
    }
    match ko::lookup(text) {
        Some(t) => Cow::Owned(t),
        None => {
            if needs_translation(text) {
                note_miss(text);
            }
            Cow::Borrowed(text)
        }
    }
}

/// Whether `text` has a word of three or more ASCII letters that `kept.txt` does
/// not list (outside `$…$` / `$$…$$` math and `` `…` `` code).
pub fn needs_translation(text: &str) -> bool {
    !english_words(text).is_empty()
}

/// The words of `text` a Korean reader would read as English: words of three
/// or more ASCII letters outside `$…$`, `$$…$$`, `` `…` `` and HTML tags, not
/// listed in `kept.txt` (compared without case), and not part of a name in code
/// ([`is_code`]).
pub fn english_words(text: &str) -> Vec<String> {
    let kept: Vec<String> = KEPT
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .collect();
    let mut words = Vec::new();
    let mut run = String::new();
    let (mut in_math, mut in_code, mut in_tag) = (false, false, false);
    let flush = |run: &mut String, words: &mut Vec<String>| {
        let token = run.trim_end_matches(['-', '.', '/', ':']);
        if !is_code(token, &kept) {
            for w in token.split(['-', '.', '/', ':']) {
                if w.len() >= 3 && !kept.contains(&w.to_lowercase()) {
                    words.push(w.to_string());
                }
            }
        }
        run.clear();
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '$' if !in_code && !in_tag => {
                // `$$` opens or closes display math as one delimiter.
                if chars.peek() == Some(&'$') {
                    chars.next();
                }
                in_math = !in_math;
            }
            '`' if !in_math && !in_tag => in_code = !in_code,
            '<' if !in_math && !in_code => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ => {}
        }
        let joined = c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | ':');
        if joined && !in_math && !in_code && !in_tag {
            run.push(c);
        } else {
            flush(&mut run, &mut words);
        }
    }
    flush(&mut run, &mut words);
    words
}

/// Whether a run of letters, digits and `_ - . / :` (trailing punctuation cut)
/// is a name in code rather than words: it has a digit, `_`, `/`, `::` or a `.`
/// (`eps_root`, `b2`, `crates/optcore`, `Error::Diverged`, `.full`, `x.csv`,
/// `linear-0.1-1-10`), it is a flag (`--momentum-decay`), or it joins words
/// with `-` after a kept name
/// (`pytorch-adamw-quadratic`).
pub fn is_code(token: &str, kept: &[String]) -> bool {
    token
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '_' | '/' | '.'))
        || token.contains("::")
        || token.starts_with("--")
        || (token.contains('-')
            && kept.contains(&token.split('-').next().unwrap_or("").to_lowercase()))
}

fn note_miss(text: &str) {
    let Ok(path) = std::env::var(MISSES_ENV) else {
        return;
    };
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = write!(f, "{text}\n\u{1e}\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_default_and_with_restores() {
        assert_eq!(with(Lang::Ko, current), Lang::Ko);
        assert_eq!(with(Lang::En, || with(Lang::Ko, current)), Lang::Ko);
        assert_eq!(with(Lang::Ko, || with(Lang::En, current)), Lang::En);
    }

    #[test]
    fn ko_mime_keeps_the_kind() {
        assert_eq!(ko_mime("text/html"), "text/x-ko-html");
        assert_eq!(ko_mime("text/markdown"), "text/x-ko-markdown");
    }

    #[test]
    fn english_words_skip_math_code_tags_and_kept_names() {
        assert_eq!(
            english_words("Adam's step $\\sqrt{v}$ in `lr`"),
            vec!["step".to_string()]
        );
        assert!(english_words("<b>θ₁</b> = 0.5, t = 3").is_empty());
        assert_eq!(
            english_words("RMSprop 스텝 after"),
            vec!["after".to_string()]
        );
        assert!(english_words("$$\\begin{aligned} x \\end{aligned}$$ eps_root b2").is_empty());
        assert!(
            english_words("$a$ 이고\n\n$$\\theta_1 = \\theta_0 \\cdot 2, \\quad J$$").is_empty()
        );
        assert!(english_words(
            "pytorch-adamw-quadratic, linear-0.1-1-10, crates/optcore, Error::Diverged, .full()"
        )
        .is_empty());
        assert_eq!(
            english_words("스텝 끝. the end."),
            vec!["the".to_string(), "end".to_string()]
        );
    }

    #[test]
    fn a_text_in_english_is_itself() {
        assert_eq!(
            with(Lang::En, || tr("no entry here").into_owned()),
            "no entry here"
        );
    }
}
