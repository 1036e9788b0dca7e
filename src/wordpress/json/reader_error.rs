//! The reader's error: its code (what went wrong, which says its kind and
//! its message) and the byte offset it is at.

use std::fmt;

use crate::ErrorKind;

/// Every error the reader, or a model through serde's constructors,
/// raises: matched by code, never by its message, which is derived once
/// here.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Code {
    #[error("unexpected characters after the JSON value")]
    TrailingCharacters,
    #[error("trailing comma")]
    TrailingComma,
    #[error("expected `:`")]
    ExpectedColon,
    #[error("expected `,` or `}}`")]
    ExpectedCommaOrBrace,
    #[error("expected `,` or `]`")]
    ExpectedCommaOrBracket,
    #[error("key must be a string")]
    KeyMustBeAString,
    #[error("expected a JSON value")]
    ExpectedValue,
    #[error("expected ident")]
    ExpectedIdent,
    #[error("invalid number")]
    InvalidNumber,
    #[error("number out of range")]
    NumberOutOfRange,
    #[error("invalid escape")]
    InvalidEscape,
    #[error("invalid unicode code point")]
    InvalidCodePoint,
    #[error("lone leading surrogate in hex escape")]
    LoneLeadingSurrogate,
    #[error("lone trailing surrogate in hex escape")]
    LoneTrailingSurrogate,
    #[error("control character (\\u0000-\\u001F) found while parsing a string")]
    ControlCharacter,
    /// More than so many levels of what.
    #[error("nesting too deep: more than {0} levels of {1}")]
    TooDeep(usize, &'static str),
    /// The input ended while parsing what.
    #[error("unexpected end of input while parsing {0}")]
    Eof(&'static str),
    /// serde's `invalid_type`: found what, expected what.
    #[error("invalid type: {0}")]
    InvalidType(String),
    /// serde's `invalid_value`, and an integer beyond 64 bits.
    #[error("invalid value: {0}")]
    InvalidValue(String),
    /// serde's `invalid_length`, and an object or array with more than a
    /// model reads.
    #[error("invalid length: {0}")]
    InvalidLength(String),
    #[error("missing field `{0}`")]
    MissingField(&'static str),
    #[error("duplicate field `{0}`")]
    DuplicateField(&'static str),
    /// serde's `unknown_field` and `unknown_variant`.
    #[error("{0}")]
    Unknown(String),
    /// Any other message a model gives (an invalid date).
    #[error("{0}")]
    Custom(String),
}

impl Code {
    /// The kind of the crate's error for this code.
    pub(crate) fn kind(&self) -> ErrorKind {
        match self {
            Code::Eof(_) => ErrorKind::UnexpectedEof,
            Code::InvalidType(_) => ErrorKind::InvalidType,
            Code::MissingField(_) => ErrorKind::MissingField,
            Code::DuplicateField(_) => ErrorKind::DuplicateKey,
            Code::InvalidValue(_) | Code::InvalidLength(_) | Code::Unknown(_) | Code::Custom(_) => {
                ErrorKind::InvalidValue
            }
            _ => ErrorKind::Syntax,
        }
    }
}

/// An error of the reader, with the byte offset (in the text read) of the
/// value or byte it is about. Boxed, so that results stay small on the hot
/// path.
pub(crate) struct JsonError(Box<Inner>);

struct Inner {
    code: Code,
    at: Option<usize>,
}

impl JsonError {
    pub(crate) fn new(code: Code, at: usize) -> Self {
        JsonError(Box::new(Inner { code, at: Some(at) }))
    }

    #[cold]
    fn unplaced(code: Code) -> Self {
        JsonError(Box::new(Inner { code, at: None }))
    }

    pub(crate) fn code(&self) -> &Code {
        &self.0.code
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

/// serde's constructors, each given its code (serde's default messages,
/// which they keep, are built from the same parts).
impl serde::de::Error for JsonError {
    #[cold]
    fn custom<T: fmt::Display>(msg: T) -> Self {
        JsonError::unplaced(Code::Custom(msg.to_string()))
    }

    #[cold]
    fn invalid_type(unexp: serde::de::Unexpected<'_>, exp: &dyn serde::de::Expected) -> Self {
        JsonError::unplaced(Code::InvalidType(format!("{unexp}, expected {exp}")))
    }

    #[cold]
    fn invalid_value(unexp: serde::de::Unexpected<'_>, exp: &dyn serde::de::Expected) -> Self {
        JsonError::unplaced(Code::InvalidValue(format!("{unexp}, expected {exp}")))
    }

    #[cold]
    fn invalid_length(len: usize, exp: &dyn serde::de::Expected) -> Self {
        JsonError::unplaced(Code::InvalidLength(format!("{len}, expected {exp}")))
    }

    #[cold]
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        JsonError::unplaced(Code::Unknown(format!(
            "unknown variant `{variant}`, expected one of {expected:?}"
        )))
    }

    #[cold]
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        JsonError::unplaced(Code::Unknown(format!(
            "unknown field `{field}`, expected one of {expected:?}"
        )))
    }

    #[cold]
    fn missing_field(field: &'static str) -> Self {
        JsonError::unplaced(Code::MissingField(field))
    }

    #[cold]
    fn duplicate_field(field: &'static str) -> Self {
        JsonError::unplaced(Code::DuplicateField(field))
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.code)?;
        if let Some(at) = self.0.at {
            write!(f, " at byte {at}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonError")
            .field("code", &self.0.code)
            .field("at", &self.0.at)
            .finish()
    }
}

impl std::error::Error for JsonError {}
