//! `POST /v1/analyze:batch`: NDJSON in and out, streamed. Each non-blank
//! line is an `AnalyzeStreamRequest` in proto3 JSON; each answer line is an
//! `AnalyzeStreamResponse`, in input order, as AnalyzeStream answers over
//! gRPC (it is the same code: [`Service::analyze_items`]). A line that is
//! not a request (bad JSON, unknown field, too long) gets its own error
//! line in its place; a body that stops arriving ends the output with one
//! `{"error": ...}` line.

use std::time::Duration;

use bytes::Bytes;
use http::{header, HeaderValue, Response, StatusCode};
use http_body_util::{BodyExt, StreamBody};
use hyper::body::{Frame, Incoming};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::StreamExt;
use tonic::metadata::MetadataMap;
use tonic::{Extensions, Status};

use super::super::service::{Service, StreamItem};
use super::super::status;
use super::{error, json, Body};
use crate::proto::v1 as pb;

/// The proto name of a request line.
const REQUEST: &str = "lisan.v1.AnalyzeStreamRequest";
/// The proto name of an answer line.
const RESPONSE: &str = "lisan.v1.AnalyzeStreamResponse";

/// Starts the batch: admission (429 when the server is full) happens
/// before any line is read; then lines are read as the answers are sent.
pub fn respond(
    service: &Service,
    metadata: MetadataMap,
    extensions: Extensions,
    body: Incoming,
) -> Result<Response<Body>, Status> {
    let config = service.config();
    let items = lines(body, config.max_request_bytes, config.http_read_timeout);
    let answers = service.analyze_items(&metadata, &extensions, items)?;
    let frames = answers.map(|answer| {
        let mut line = match answer {
            Ok(response) => json::to_vec(&response, RESPONSE)
                .unwrap_or_else(|e| error_line(&status::internal(&e))),
            Err(status) => error_line(&status),
        };
        line.push(b'\n');
        Ok(Frame::data(Bytes::from(line)))
    });
    let mut response = Response::new(StreamBody::new(frames).boxed_unsync());
    *response.status_mut() = StatusCode::OK;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson"),
    );
    Ok(response)
}

/// The line that ends a batch whose body broke off.
fn error_line(status: &Status) -> Vec<u8> {
    let object = error::error_object(status, error::status_code(status));
    serde_json::to_vec(&serde_json::json!({ "error": object })).unwrap_or_default()
}

/// The body's lines as stream items, read by a task that waits for the
/// consumer (so a client that sends faster than the server answers is held
/// back by TCP, not by server memory). Each wait for more of the body is
/// bounded by `idle_timeout`; a line over `max_line` bytes is skipped with
/// its own error.
fn lines(
    mut body: Incoming,
    max_line: usize,
    idle_timeout: Duration,
) -> ReceiverStream<Result<StreamItem, Status>> {
    let (tx, rx) = mpsc::channel(1);
    tokio::spawn(async move {
        let mut splitter = Splitter::new(max_line);
        loop {
            let frame = match tokio::time::timeout(idle_timeout, body.frame()).await {
                Err(_) => Err(status::request_read_timeout(idle_timeout)),
                Ok(None) => break,
                Ok(Some(Err(e))) => Err(status::unreadable_body(&e.to_string())),
                Ok(Some(Ok(frame))) => Ok(frame),
            };
            let data = match frame {
                Ok(frame) => frame.into_data().unwrap_or_default(),
                Err(status) => {
                    let _ = tx.send(Err(status)).await;
                    return;
                }
            };
            for item in splitter.push(&data) {
                if tx.send(Ok(item)).await.is_err() {
                    return;
                }
            }
        }
        if let Some(item) = splitter.finish() {
            let _ = tx.send(Ok(item)).await;
        }
    });
    ReceiverStream::new(rx)
}

/// Cuts bytes into lines and reads each as a request.
struct Splitter {
    max_line: usize,
    line: Vec<u8>,
    /// 1-based number of the line being read.
    number: usize,
    /// The line being read is over `max_line`: its bytes are dropped.
    too_long: bool,
}

impl Splitter {
    fn new(max_line: usize) -> Splitter {
        Splitter {
            max_line,
            line: Vec::new(),
            number: 1,
            too_long: false,
        }
    }

    /// The items of the lines that `data` completes.
    fn push(&mut self, mut data: &[u8]) -> Vec<StreamItem> {
        let mut items = Vec::new();
        while let Some(end) = data.iter().position(|&b| b == b'\n') {
            self.take(&data[..end]);
            items.extend(self.end_line());
            data = &data[end + 1..];
        }
        self.take(data);
        items
    }

    /// The item of a last line without a newline.
    fn finish(&mut self) -> Option<StreamItem> {
        self.end_line()
    }

    fn take(&mut self, bytes: &[u8]) {
        if self.too_long || self.line.len() + bytes.len() > self.max_line {
            self.too_long = true;
            self.line.clear();
        } else {
            self.line.extend_from_slice(bytes);
        }
    }

    /// The item of the line read so far (none for a blank line).
    fn end_line(&mut self) -> Option<StreamItem> {
        let field = format!("line {}", self.number);
        self.number += 1;
        let line = std::mem::take(&mut self.line);
        if std::mem::take(&mut self.too_long) {
            return Some(StreamItem::Unreadable(status::request_too_large(
                self.max_line,
            )));
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        Some(
            match json::from_slice::<pb::AnalyzeStreamRequest>(&line, REQUEST, &field) {
                Ok(request) => StreamItem::Request(Box::new(request)),
                Err(status) => StreamItem::Unreadable(status),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What each item is: the document text, or the error's field.
    fn describe(items: Vec<StreamItem>) -> Vec<String> {
        items
            .into_iter()
            .map(|item| match item {
                StreamItem::Request(r) => r.document.unwrap_or_default().text,
                StreamItem::Unreadable(s) => format!("error: {}", s.message()),
            })
            .collect()
    }

    #[test]
    fn lines_split_across_chunks_skip_blanks_and_fail_alone() {
        let mut splitter = Splitter::new(64);
        let mut items = splitter.push(b"{\"document\":{\"text\":\"a\"}}\n\n{\"docu");
        items.extend(splitter.push(b"ment\":{\"text\":\"b\"}}\nnot json\n"));
        items.extend(splitter.push(&[b'x'; 100]));
        items.extend(splitter.push(b"\n{\"document\":{\"text\":\"c\"}}"));
        items.extend(splitter.finish());
        let described = describe(items);
        assert_eq!(described[0], "a");
        assert_eq!(described[1], "b");
        assert!(
            described[2].starts_with("error: line 4 is not valid"),
            "{described:?}"
        );
        assert!(
            described[3].contains("larger than the limit of 64"),
            "{described:?}"
        );
        assert_eq!(described[4], "c");
        assert_eq!(described.len(), 5);
    }
}
