//! Where the text goes: a [`Text`] that stays borrowed while the output is
//! one contiguous slice of the input, the caller's `String`, or any
//! [`fmt::Write`].

use std::fmt;

use crate::Text;

/// The destination of a conversion.
pub(crate) enum Dest<'o, 'a> {
    /// Building a [`Text`] over `input`.
    Text { input: &'a str, build: Build },
    /// Appending to the caller's string.
    String(&'o mut String),
    /// Writing to the caller's writer; the first error stops the writing.
    Fmt {
        out: &'o mut dyn fmt::Write,
        result: fmt::Result,
    },
}

/// The [`Text`] being built.
pub(crate) enum Build {
    Empty,
    /// `input[start..end]`, so far.
    Borrowed(usize, usize),
    Owned(String),
}

impl<'o, 'a> Dest<'o, 'a> {
    /// A destination that builds a [`Text`] borrowing from `input`.
    pub(crate) fn text(input: &'a str) -> Self {
        Dest::Text {
            input,
            build: Build::Empty,
        }
    }

    /// Appends `s`, which is `input[at..at + s.len()]` when `at` is given.
    #[inline]
    pub(crate) fn push(&mut self, s: &str, at: Option<usize>) {
        match self {
            Dest::Text { input, build } => match build {
                Build::Owned(out) => out.push_str(s),
                Build::Borrowed(start, end) => {
                    if at == Some(*end) {
                        *end += s.len();
                    } else {
                        let mut out = String::with_capacity(input.len());
                        out.push_str(&input[*start..*end]);
                        out.push_str(s);
                        *build = Build::Owned(out);
                    }
                }
                Build::Empty => {
                    *build = match at {
                        Some(at) => Build::Borrowed(at, at + s.len()),
                        None => {
                            let mut out = String::with_capacity(input.len());
                            out.push_str(s);
                            Build::Owned(out)
                        }
                    }
                }
            },
            Dest::String(out) => out.push_str(s),
            Dest::Fmt { out, result } => {
                if result.is_ok() {
                    *result = out.write_str(s);
                }
            }
        }
    }

    /// Whether knowing where a piece is in the input can still matter: only
    /// while a [`Text`] being built is empty or one slice of the input.
    #[inline]
    pub(crate) fn can_borrow(&self) -> bool {
        matches!(
            self,
            Dest::Text {
                build: Build::Empty | Build::Borrowed(..),
                ..
            }
        )
    }

    /// The built text (empty for the other destinations).
    pub(crate) fn into_text(self) -> Text<'a> {
        match self {
            Dest::Text {
                input,
                build: Build::Borrowed(start, end),
            } => Text::borrowed(&input[start..end]),
            Dest::Text {
                build: Build::Owned(out),
                ..
            } => Text::from(out),
            _ => Text::borrowed(""),
        }
    }

    /// The first error of a [`Dest::Fmt`].
    pub(crate) fn result(&self) -> fmt::Result {
        match self {
            Dest::Fmt { result, .. } => *result,
            _ => Ok(()),
        }
    }
}
