//! The reader's error: what went wrong and the byte offset it is at.

use std::fmt;

/// What kind of failure a [`JsonError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    /// Not JSON at this byte.
    Syntax,
    /// The input ended inside a value.
    Eof,
    /// Well-formed JSON that the model rejected (a serde error).
    Data,
}

/// An error of the reader, with the byte offset (in the text read) of the
/// value or byte it is about. Boxed, so that results stay small on the hot
/// path.
pub(crate) struct JsonError(Box<Inner>);

struct Inner {
    failure: Failure,
    message: String,
    at: Option<usize>,
}

impl JsonError {
    pub(crate) fn new(failure: Failure, message: impl Into<String>, at: usize) -> Self {
        JsonError(Box::new(Inner {
            failure,
            message: message.into(),
            at: Some(at),
        }))
    }

    pub(crate) fn failure(&self) -> Failure {
        self.0.failure
    }

    pub(crate) fn message(&self) -> &str {
        &self.0.message
    }

    pub(crate) fn at(&self) -> Option<usize> {
        self.0.at
    }

    /// Places an error raised by a visitor (which cannot know where it is)
    /// at `at`; an error that has a place keeps it.
    #[cold]
    pub(crate) fn or_at(mut self, at: usize) -> Self {
        self.0.at.get_or_insert(at);
        self
    }
}

impl serde::de::Error for JsonError {
    #[cold]
    fn custom<T: fmt::Display>(msg: T) -> Self {
        JsonError(Box::new(Inner {
            failure: Failure::Data,
            message: msg.to_string(),
            at: None,
        }))
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)?;
        if let Some(at) = self.0.at {
            write!(f, " at byte {at}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonError")
            .field("failure", &self.0.failure)
            .field("message", &self.0.message)
            .field("at", &self.0.at)
            .finish()
    }
}

impl std::error::Error for JsonError {}
