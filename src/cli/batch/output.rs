//! What `lisan batch` writes: one JSON line per input, and the ids already
//! written when a run resumes.

use std::collections::HashSet;
use std::fs::OpenOptions;
use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::Path;

use serde_json::{json, Value};
use tonic::Code;

use crate::cli::json;
use crate::proto::v1 as pb;
use crate::server::metrics::code_name;

/// The result for one document.
#[derive(Debug)]
pub enum Outcome {
    Analysis(Box<pb::Analysis>),
    Error { code: Code, message: String },
}

impl Outcome {
    pub fn from_status(status: &tonic::Status) -> Outcome {
        Outcome::Error {
            code: status.code(),
            message: status.message().to_string(),
        }
    }

    pub fn from_stream(response: pb::AnalyzeStreamResponse) -> Outcome {
        use pb::analyze_stream_response::Outcome as Stream;
        match response.outcome {
            Some(Stream::Analysis(analysis)) => Outcome::Analysis(Box::new(analysis)),
            Some(Stream::Error(status)) => Outcome::Error {
                code: Code::from_i32(status.code),
                message: status.message,
            },
            None => Outcome::Error {
                code: Code::Internal,
                message: "the server sent no outcome".into(),
            },
        }
    }
}

/// One output line (no newline): `{"id", "index", "analysis"}` with the
/// Analysis in proto3 JSON, or `{"id", "index", "error": {"code", "message"}}`.
pub fn line(index: u64, id: &str, outcome: &Outcome) -> Result<String, Box<dyn std::error::Error>> {
    let value = match outcome {
        Outcome::Analysis(analysis) => {
            json!({"id": id, "index": index, "analysis": json::to_value(analysis.as_ref(), "lisan.v1.Analysis")?})
        }
        Outcome::Error { code, message } => {
            json!({"id": id, "index": index, "error": {"code": code_name(*code), "message": message}})
        }
    };
    Ok(serde_json::to_string(&value)?)
}

/// The ids of the complete lines of `path` (none if it does not exist).
/// A last line cut short by an interrupted run (no newline) is removed from
/// the file, so the run goes on after the last whole line; a whole line
/// that is not a result is an error and nothing is changed.
pub fn resume(path: &Path) -> std::io::Result<HashSet<String>> {
    let mut done = HashSet::new();
    let Ok(file) = OpenOptions::new().read(true).write(true).open(path) else {
        return Ok(done);
    };
    let mut reader = BufReader::new(&file);
    let mut kept = 0u64;
    let mut line = String::new();
    loop {
        line.clear();
        let read = reader.read_line(&mut line)?;
        if read == 0 || !line.ends_with('\n') {
            break;
        }
        let Some(id) = serde_json::from_str::<Value>(&line)
            .ok()
            .and_then(|v| v.get("id")?.as_str().map(str::to_string))
        else {
            // A whole line that is not a result: not our file, keep it whole.
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("not a batch result at byte {kept}; refusing to resume into it"),
            ));
        };
        done.insert(id);
        kept += read as u64;
    }
    drop(reader);
    file.set_len(kept)?;
    (&file).seek(SeekFrom::End(0))?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str, text: &str) -> std::path::PathBuf {
        let path = std::env::temp_dir().join(format!("lisan-resume-{name}-{}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn resume_keeps_whole_lines_and_cuts_a_partial_last_one() {
        let path = temp(
            "cut",
            "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\",\"anal",
        );
        let done = resume(&path).unwrap();
        assert_eq!(done, HashSet::from(["a".to_string(), "b".to_string()]));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\"id\":\"a\"}\n{\"id\":\"b\"}\n"
        );
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn resume_refuses_a_file_that_is_not_batch_output() {
        let text = "{\"id\":\"a\"}\nsomething else\n{\"id\":\"b\"}\n";
        let path = temp("foreign", text);
        assert!(resume(&path).is_err());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "left untouched"
        );
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn resume_of_a_missing_file_starts_fresh() {
        assert!(resume(Path::new("/nonexistent/lisan/out.jsonl"))
            .unwrap()
            .is_empty());
    }
}
