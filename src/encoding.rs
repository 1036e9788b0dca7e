//! Bytes to text: UTF-8 as it is; UTF-16 with its byte order mark decoded;
//! another encoding transcoded when the caller names it; and, when the
//! bytes are not UTF-8, an error that names the encoding they look like.

use crate::error::utf8;
use crate::{Error, ErrorKind, Position};

/// An input as text.
pub(crate) enum Decoded<'a> {
    /// It was UTF-8: borrowed.
    Utf8(&'a str),
    /// It was transcoded from `encoding`, from the bytes after its first
    /// `skipped` (a byte order mark).
    Transcoded {
        text: String,
        encoding: &'static encoding_rs::Encoding,
        skipped: usize,
    },
}

/// Places offsets in a transcoded text in the input it was transcoded
/// from, so that an error found in the text points into the bytes the
/// caller has. Offsets asked in increasing order cost one pass over the
/// text in all (a collection's warnings and failed items come in order).
pub(crate) struct InputOffsets<'t> {
    text: &'t str,
    encoding: &'static encoding_rs::Encoding,
    /// The last offset placed: `text[..at]` is `input` bytes long.
    at: usize,
    input: usize,
}

impl<'t> InputOffsets<'t> {
    pub(crate) fn new(
        text: &'t str,
        encoding: &'static encoding_rs::Encoding,
        skipped: usize,
    ) -> Self {
        InputOffsets {
            text,
            encoding,
            at: 0,
            input: skipped,
        }
    }

    /// The offset in the input of byte `at` of the text.
    pub(crate) fn place(&mut self, at: usize) -> usize {
        let at = crate::error::char_start(self.text, at);
        if at < self.at {
            // Back to the start: counted again.
            self.input -= self.encoded_len(0, self.at);
            self.at = 0;
        }
        self.input += self.encoded_len(self.at, at);
        self.at = at;
        self.input
    }

    /// How many bytes `text[from..to]` takes in the input's encoding.
    fn encoded_len(&self, from: usize, to: usize) -> usize {
        let piece = &self.text[from..to];
        // encoding_rs encodes UTF-16 as UTF-8 (WHATWG has no UTF-16
        // encoder).
        if self.encoding == encoding_rs::UTF_16LE || self.encoding == encoding_rs::UTF_16BE {
            2 * piece.encode_utf16().count()
        } else {
            self.encoding.encode(piece).0.len()
        }
    }
}

/// `input` as text: transcoded from the encoding `label` names (WHATWG
/// labels: `windows-1252`, `latin1`, `utf-16le`, ...) when given; else
/// UTF-8, or UTF-16 when it starts with a UTF-16 byte order mark.
///
/// # Errors
///
/// When the label names no encoding, the bytes are not in it, or (with no
/// label) they are not UTF-8: at the first bad byte, naming the encoding
/// the bytes look like when one fits.
pub(crate) fn decode<'a>(input: &'a [u8], label: Option<&str>) -> Result<Decoded<'a>, Error> {
    if let Some(label) = label {
        let encoding = encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidValue,
                format!("unknown encoding `{label}`: expected a label such as `windows-1252`, `latin1` or `utf-16le`"),
            )
        })?;
        if encoding == encoding_rs::UTF_8 {
            return utf8(input).map(Decoded::Utf8);
        }
        return transcode(input, 0, encoding);
    }
    match input {
        [0xFF, 0xFE, ..] => transcode(input, 2, encoding_rs::UTF_16LE),
        [0xFE, 0xFF, ..] => transcode(input, 2, encoding_rs::UTF_16BE),
        // ASCII in UTF-16 without its mark is valid UTF-8 (with a zero byte
        // every other byte), which no JSON or front matter starts with.
        [0, ..] | [_, 0, ..] => match looks_like(input) {
            Some(name @ ("UTF-16LE" | "UTF-16BE")) => Err(Error::new(
                ErrorKind::Syntax,
                format!("the input looks like {name} without its byte order mark: expected UTF-8, or UTF-16 starting with its mark"),
            )
            .with_position(Position::locate_bytes(input, 0))),
            _ => utf8(input).map(Decoded::Utf8),
        },
        _ => utf8(input).map(Decoded::Utf8).map_err(|err| explain(input, err)),
    }
}

/// `input` after its first `skipped` bytes, transcoded from `encoding`, or
/// an error at its first byte that is not in it.
fn transcode(
    input: &[u8],
    skipped: usize,
    encoding: &'static encoding_rs::Encoding,
) -> Result<Decoded<'static>, Error> {
    let input = &input[skipped..];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(input.len())
            .unwrap_or(input.len()),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(input, &mut text, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(Decoded::Transcoded {
            text,
            encoding,
            skipped,
        }),
        encoding_rs::DecoderResult::Malformed(bad, after) => {
            // `read` is past the malformed bytes and the `after` ones.
            let at = read - usize::from(after) - usize::from(bad);
            Err(Error::new(
                ErrorKind::Syntax,
                format!(
                    "invalid {}: byte 0x{:02x} at byte {at} is not in the encoding",
                    encoding.name(),
                    input[at]
                ),
            ))
        }
        // The buffer was sized for the whole output.
        encoding_rs::DecoderResult::OutputFull => Err(Error::new(
            ErrorKind::Syntax,
            format!(
                "invalid {}: the input could not be transcoded",
                encoding.name()
            ),
        )),
    }
}

/// The encoding `input`, which is not UTF-8, looks like: UTF-16 without
/// its byte order mark when every other byte of its start is zero (ASCII
/// in UTF-16); Windows-1252 (a superset of ISO-8859-1, what Western
/// European sites saved their dumps in) when no byte is one of the five it
/// leaves undefined and no byte is zero.
fn looks_like(input: &[u8]) -> Option<&'static str> {
    let start = &input[..input.len().min(64)];
    let zeros_at = |parity: usize| {
        start.len() >= 4
            && start
                .iter()
                .enumerate()
                .all(|(i, &b)| (i % 2 == parity) == (b == 0))
    };
    if zeros_at(1) {
        return Some("UTF-16LE");
    }
    if zeros_at(0) {
        return Some("UTF-16BE");
    }
    let undefined = |b: &u8| matches!(b, 0x00 | 0x81 | 0x8D | 0x8F | 0x90 | 0x9D);
    (!input.iter().any(undefined)).then_some("windows-1252")
}

/// The invalid-UTF-8 error `err`, naming the encoding `input` looks like.
fn explain(input: &[u8], err: Error) -> Error {
    let Some(name) = looks_like(input) else {
        return err;
    };
    let at = err.position().map_or(0, |p| p.byte());
    Error::new(
        ErrorKind::Syntax,
        format!("{}: the input looks like {name}, not UTF-8", err.message()),
    )
    .with_position(Position::locate_bytes(input, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(d: Decoded<'_>) -> (String, Option<&'static str>) {
        match d {
            Decoded::Utf8(t) => (t.to_owned(), None),
            Decoded::Transcoded { text, encoding, .. } => (text, Some(encoding.name())),
        }
    }

    #[test]
    fn offsets_in_transcoded_text_are_placed_in_the_input_in_any_order() {
        let text = "a\u{e9}\u{2615}b\u{1F600}c";
        let places = |encoding, skipped| {
            let mut offsets = InputOffsets::new(text, encoding, skipped);
            // Forwards, backwards, inside a character (its first byte).
            [0, 3, 6, 11, 1, 12, 4, 2].map(|at| offsets.place(at))
        };
        // UTF-16 after its mark: 2 bytes a unit, 4 for the emoji's pair.
        assert_eq!(places(encoding_rs::UTF_16LE, 2), [2, 6, 8, 14, 4, 16, 6, 4]);
        // Windows-1252: one byte a character (é and € included).
        let text = "a\u{e9}b\u{20ac}c";
        let mut offsets = InputOffsets::new(text, encoding_rs::WINDOWS_1252, 0);
        assert_eq!(
            [7, 6, 1, 3, 2, 0].map(|at| offsets.place(at)),
            [4, 3, 1, 2, 1, 0]
        );
    }

    #[test]
    fn utf16_with_a_mark_is_decoded() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{\"é\":1}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            text(decode(&le, None).unwrap()),
            ("{\"é\":1}".to_owned(), Some("UTF-16LE"))
        );
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("[]".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text(decode(&be, None).unwrap()).1, Some("UTF-16BE"));
        // An unpaired surrogate is not UTF-16: an error at it.
        let bad = [0xFF, 0xFE, b'[', 0, 0x00, 0xD8, b']', 0];
        let err = decode(&bad, None).err().unwrap();
        assert!(err.message().starts_with("invalid UTF-16LE"), "{err}");
    }

    #[test]
    fn other_encodings_are_named() {
        let rows: &[(&[u8], Option<&str>)] = &[
            (b"{\"a\":\"\xF1\"}", Some("windows-1252")),
            (b"{\0\"\0a\0\"\0:\0\xFF\x001\0}\0", Some("UTF-16LE")),
            (b"\0{\0\"\0a\0\"\0:\0\xFF\0}", Some("UTF-16BE")),
            // A byte Windows-1252 leaves undefined: no guess.
            (b"{\"a\":\"\x81\"}", None),
        ];
        for (input, name) in rows {
            let err = decode(input, None).err().unwrap();
            match name {
                Some(name) => assert!(err.message().contains(name), "{err}"),
                None => assert!(!err.message().contains("looks like"), "{err}"),
            }
        }
    }

    #[test]
    fn a_named_encoding_is_transcoded() {
        let d = decode(b"caf\xE9 \x80", Some("latin1")).unwrap();
        assert_eq!(text(d), ("café €".to_owned(), Some("windows-1252")));
        assert!(decode(b"x", Some("klingon")).is_err());
        assert_eq!(text(decode(b"x", Some("utf-8")).unwrap()).1, None);
    }
}
