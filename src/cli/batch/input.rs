//! What `lisan batch` reads: a JSONL file or standard input (one
//! `{"id": ..., "text": ...}` object a line, see [`from_json_line`]), or a
//! directory of text files (one document each, its id the file name).

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use crate::proto::v1 as pb;

/// One input document, or why its line could not be read as one.
#[derive(Debug)]
pub struct Item {
    /// Position in the input, from 0.
    pub index: u64,
    pub id: String,
    pub document: Result<pb::Document, String>,
}

/// The items of `input` (`-` for standard input), read lazily.
pub fn items(
    input: &str,
) -> Result<Box<dyn Iterator<Item = std::io::Result<Item>> + Send>, String> {
    if input == "-" {
        let lines = BufReader::new(std::io::stdin()).lines();
        return Ok(Box::new(jsonl(lines)));
    }
    let path = Path::new(input);
    if path.is_dir() {
        return Ok(Box::new(directory(path)?));
    }
    let file = File::open(path).map_err(|e| format!("{input}: {e}"))?;
    Ok(Box::new(jsonl(BufReader::new(file).lines())))
}

fn jsonl(
    lines: impl Iterator<Item = std::io::Result<String>> + Send,
) -> impl Iterator<Item = std::io::Result<Item>> + Send {
    lines
        .enumerate()
        .filter(|(_, line)| !matches!(line, Ok(l) if l.trim().is_empty()))
        .enumerate()
        .map(|(index, (line_number, line))| {
            Ok(from_json_line(index as u64, line_number + 1, &line?))
        })
}

/// A JSONL line: `id` (default: the line number), `text` (required), and
/// optional `language` (BCP-47), `reference_time` (RFC 3339: the time
/// relative dates count from, such as the article's publication time) and
/// `time_zone` (`+03:00`, `UTC`, `Asia/Riyadh`), also in proto3 JSON's
/// camelCase (`referenceTime`, `timeZone`). A field of the wrong type or a
/// malformed time fails the line, not the run.
pub fn from_json_line(index: u64, line_number: usize, line: &str) -> Item {
    let fallback_id = line_number.to_string();
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(value) => value,
        Err(e) => {
            return Item {
                index,
                id: fallback_id,
                document: Err(format!("line {line_number}: not JSON: {e}")),
            }
        }
    };
    let id = match value.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback_id,
    };
    let document = document(&value, &id).map_err(|e| format!("line {line_number}: {e}"));
    Item {
        index,
        id,
        document,
    }
}

/// The document of a parsed JSONL line (see [`from_json_line`]).
fn document(value: &serde_json::Value, id: &str) -> Result<pb::Document, String> {
    let text = string_field(value, &["text"])?.ok_or("no string field \"text\"")?;
    let reference_time = match string_field(value, &["reference_time", "referenceTime"])? {
        Some(time) => {
            Some(crate::cli::args::timestamp(time).map_err(|e| format!("reference_time {e}"))?)
        }
        None => None,
    };
    Ok(pb::Document {
        id: id.to_string(),
        text: text.to_string(),
        language_code: string_field(value, &["language"])?
            .unwrap_or_default()
            .to_string(),
        reference_time,
        time_zone: string_field(value, &["time_zone", "timeZone"])?
            .unwrap_or_default()
            .to_string(),
        ..Default::default()
    })
}

/// The string under the first of `names` the line has (`None`: none of
/// them, or JSON null); an error when that field is no string.
fn string_field<'v>(
    value: &'v serde_json::Value,
    names: &[&str],
) -> Result<Option<&'v str>, String> {
    match names
        .iter()
        .find_map(|name| value.get(*name).map(|v| (name, v)))
    {
        None | Some((_, serde_json::Value::Null)) => Ok(None),
        Some((_, serde_json::Value::String(s))) => Ok(Some(s)),
        Some((name, _)) => Err(format!("field \"{name}\" is no string")),
    }
}

/// Every regular file of `dir` (not recursive), by name, as one document.
fn directory(dir: &Path) -> Result<impl Iterator<Item = std::io::Result<Item>> + Send, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    Ok(files.into_iter().enumerate().map(|(index, path)| {
        let id = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(&path)?;
        let document = String::from_utf8(bytes)
            .map(|text| pb::Document {
                id: id.clone(),
                text,
                ..Default::default()
            })
            .map_err(|_| format!("{}: not UTF-8", path.display()));
        Ok(Item {
            index: index as u64,
            id,
            document,
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_become_documents_or_errors() {
        let ok = from_json_line(
            0,
            1,
            r#"{"id": "a", "text": "نص", "language": "ar", "extra": 1}"#,
        );
        let doc = ok.document.unwrap();
        assert_eq!(
            (
                ok.id.as_str(),
                doc.text.as_str(),
                doc.language_code.as_str()
            ),
            ("a", "نص", "ar")
        );
        let numeric = from_json_line(1, 2, r#"{"id": 7, "text": "x"}"#);
        assert_eq!(numeric.id, "7");
        let no_id = from_json_line(2, 3, r#"{"text": "x"}"#);
        assert_eq!(no_id.id, "3", "the line number stands in");
        assert!(from_json_line(3, 4, r#"{"id": "b"}"#)
            .document
            .unwrap_err()
            .contains("text"));
        assert!(from_json_line(4, 5, "{not json")
            .document
            .unwrap_err()
            .contains("not JSON"));
    }

    #[test]
    fn a_line_carries_its_reference_time_and_time_zone() {
        let doc = from_json_line(
            0,
            1,
            r#"{"id": "a", "text": "أمس", "reference_time": "2024-07-23T10:30:00+03:00", "time_zone": "Asia/Riyadh"}"#,
        )
        .document
        .unwrap();
        assert_eq!(doc.reference_time.map(|t| t.seconds), Some(1_721_719_800));
        assert_eq!(doc.time_zone, "Asia/Riyadh");
        // proto3 JSON's names too.
        let camel = from_json_line(
            1,
            2,
            r#"{"text": "x", "referenceTime": "2024-07-23T07:30:00Z", "timeZone": "+03:00"}"#,
        )
        .document
        .unwrap();
        assert_eq!(camel.reference_time.map(|t| t.seconds), Some(1_721_719_800));
        assert_eq!(camel.time_zone, "+03:00");
        // A malformed time or a field of another type fails that line.
        let bad_time = from_json_line(2, 3, r#"{"text": "x", "reference_time": "yesterday"}"#);
        assert!(bad_time
            .document
            .unwrap_err()
            .starts_with("line 3: reference_time yesterday"));
        let bad_zone = from_json_line(3, 4, r#"{"text": "x", "time_zone": 3}"#);
        assert!(bad_zone
            .document
            .unwrap_err()
            .contains("\"time_zone\" is no string"));
    }
}
