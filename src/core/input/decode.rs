//! Bytes to text in any WHATWG encoding, strict or lenient, with detection.

use encoding_rs::{DecoderResult, Encoding, UTF_8};

use crate::core::Error;

/// Text decoded from bytes, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the charset used ("UTF-8", "windows-1256"...).
    pub charset: &'static str,
    /// The charset came from a BOM or detection, not from the caller.
    pub detected: bool,
}

/// Decodes `bytes`. `label` names the charset (a WHATWG label such as
/// `utf-8`, `windows-1256`, `iso-8859-6`, `utf-16le`); without one a BOM
/// decides, else detection (chardetng). Invalid sequences are an error
/// naming their byte offset, or U+FFFD when `lenient`.
///
/// ```
/// use lisan::core::input::decode::decode;
/// let windows_1256 = [0xE3, 0xD1, 0xCD, 0xC8, 0xC7]; // "مرحبا"
/// let decoded = decode(&windows_1256, Some("windows-1256"), false).unwrap();
/// assert_eq!(decoded.text, "مرحبا");
/// ```
pub fn decode(bytes: &[u8], label: Option<&str>, lenient: bool) -> Result<Decoded, Error> {
    let (encoding, body, detected) = match label.map(str::trim).filter(|l| !l.is_empty()) {
        Some(label) => {
            let encoding = Encoding::for_label(label.as_bytes()).ok_or_else(|| {
                Error::invalid_argument(
                    "document.charset",
                    format!("{label:?} is not a WHATWG encoding label"),
                )
            })?;
            let skip = bom_length(bytes, encoding);
            (encoding, &bytes[skip..], false)
        }
        None => match Encoding::for_bom(bytes) {
            Some((encoding, bom)) => (encoding, &bytes[bom..], true),
            None => (detect(bytes), bytes, true),
        },
    };
    let text = if lenient {
        encoding.decode_without_bom_handling(body).0.into_owned()
    } else {
        strict(encoding, body).map_err(|offset| {
            let offset = offset + (bytes.len() - body.len());
            Error::invalid_argument(
                "document.content",
                format!("invalid {} byte sequence at byte {offset}", encoding.name()),
            )
        })?
    };
    Ok(Decoded {
        text,
        charset: encoding.name(),
        detected,
    })
}

/// The length of a BOM of `encoding` at the start of `bytes`, if there is one.
fn bom_length(bytes: &[u8], encoding: &'static Encoding) -> usize {
    match Encoding::for_bom(bytes) {
        Some((found, len)) if found == encoding => len,
        _ => 0,
    }
}

/// The most likely encoding of `bytes`: UTF-8 when valid, else chardetng's guess.
fn detect(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

/// Decodes without replacement; on error, the byte offset of the bad sequence.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, usize> {
    if encoding == UTF_8 {
        return std::str::from_utf8(bytes)
            .map(str::to_string)
            .map_err(|e| e.valid_up_to());
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut text = String::with_capacity(capacity);
    let mut read_total = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[read_total..], &mut text, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => text.reserve(bytes.len() - read_total + 16),
            DecoderResult::Malformed(bad, consumed_after) => {
                return Err(read_total - bad as usize - consumed_after as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_charsets_decode() {
        let iso_8859_6 = [0xE5, 0xD1, 0xCD, 0xC8, 0xC7];
        assert_eq!(
            decode(&iso_8859_6, Some("ISO-8859-6"), false).unwrap().text,
            "مرحبا"
        );
        let utf16le: Vec<u8> = "سلام".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let decoded = decode(&utf16le, Some("utf-16le"), false).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.charset),
            ("سلام", "UTF-16LE")
        );
    }

    #[test]
    fn boms_and_detection_choose_the_charset() {
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend("نص".encode_utf16().flat_map(u16::to_le_bytes));
        let decoded = decode(&with_bom, None, false).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.detected), ("نص", true));
        assert_eq!(
            decode("نص عربي".as_bytes(), None, false).unwrap().charset,
            "UTF-8"
        );
        let arabic_1256: Vec<u8> = encoding_rs::WINDOWS_1256
            .encode("قال المتحدث باسم الحكومة إن الاجتماع سيعقد في موعده المحدد")
            .0
            .into_owned();
        let guessed = decode(&arabic_1256, None, false).unwrap();
        assert_eq!(guessed.charset, "windows-1256");
    }

    #[test]
    fn invalid_bytes_name_their_offset_unless_lenient() {
        let err = decode(b"ok \xFF no", Some("utf-8"), false).unwrap_err();
        assert_eq!(err.field(), Some("document.content"));
        assert!(err.message().contains("at byte 3"), "{}", err.message());
        assert_eq!(
            decode(b"ok \xFF no", Some("utf-8"), true).unwrap().text,
            "ok \u{FFFD} no"
        );
        let err = decode(b"abc", Some("klingon"), false).unwrap_err();
        assert_eq!(err.field(), Some("document.charset"));
        let bad_sjis = decode(b"a\x81", Some("shift_jis"), false).unwrap_err();
        assert!(
            bad_sjis.message().contains("at byte 1"),
            "{}",
            bad_sjis.message()
        );
    }
}
