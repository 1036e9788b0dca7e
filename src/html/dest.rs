//! Where the text goes: a [`Text`] that stays borrowed while the output is
//! one contiguous slice of the input, the caller's `String`, or any
//! [`fmt::Write`].

use std::fmt;

use crate::Text;

/// The destination of a conversion.
///
/// The variants are flat, not a `Text` variant holding its own state: the
/// `String` of [`Dest::Owned`] gives the niche the other variants are told
/// apart by, so "is there a string to append to" is one or two compares
/// per piece (over the corpus posts: -1.2 M of 362 M instructions).
pub(crate) enum Dest<'o, 'a> {
    /// Building a [`Text`] that is, so far, `input[start..end]`; empty when
    /// `start == end` (then where it starts does not matter).
    Borrowed {
        input: &'a str,
        start: usize,
        end: usize,
    },
    /// Building a [`Text`] that is no longer one slice of the input.
    Owned(String),
    /// Appending to the caller's string.
    String(&'o mut String),
    /// Writing to the caller's writer; the first error stops the writing.
    Fmt {
        out: &'o mut dyn fmt::Write,
        result: fmt::Result,
    },
}

impl<'o, 'a> Dest<'o, 'a> {
    /// A destination that builds a [`Text`] borrowing from `input`.
    pub(crate) fn text(input: &'a str) -> Self {
        Dest::Borrowed {
            input,
            start: 0,
            end: 0,
        }
    }

    /// Appends `s`, which is `input[at..at + s.len()]` when `at` is given.
    #[inline]
    pub(crate) fn push(&mut self, s: &str, at: Option<usize>) {
        match self {
            Dest::Owned(out) => out.push_str(s),
            Dest::String(out) => out.push_str(s),
            Dest::Borrowed { input, start, end } => {
                if start == end
                    && let Some(at) = at
                {
                    // Nothing yet: start a slice here.
                    *start = at;
                    *end = at + s.len();
                } else if at == Some(*end) {
                    *end += s.len();
                } else {
                    let mut out = String::with_capacity(input.len());
                    out.push_str(&input[*start..*end]);
                    out.push_str(s);
                    *self = Dest::Owned(out);
                }
            }
            Dest::Fmt { out, result } => {
                if result.is_ok() {
                    *result = out.write_str(s);
                }
            }
        }
    }

    /// The string pieces are appended to, once there is one: the writer
    /// appends to it directly, without the call and matches of [`push`].
    ///
    /// [`push`]: Dest::push
    #[inline]
    pub(crate) fn string(&mut self) -> Option<&mut String> {
        match self {
            Dest::Owned(out) => Some(out),
            Dest::String(out) => Some(out),
            _ => None,
        }
    }

    /// Whether knowing where a piece is in the input can still matter: only
    /// while a [`Text`] being built is empty or one slice of the input.
    #[inline]
    pub(crate) fn can_borrow(&self) -> bool {
        matches!(self, Dest::Borrowed { .. })
    }

    /// The built text (empty for the other destinations).
    pub(crate) fn into_text(self) -> Text<'a> {
        match self {
            Dest::Borrowed { input, start, end } => Text::borrowed(&input[start..end]),
            Dest::Owned(out) => Text::from(out),
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
