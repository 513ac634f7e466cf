//! How the fields of a text log line are written: `name=value`, separated
//! by spaces, as tracing-subscriber's default field formatter writes them,
//! without its cost.
//!
//! The server logs one line per call, with the call's span fields
//! (`method`, `document_id`, `request_bytes`, `code`...). The default
//! formatter writes every value through `fmt::Debug` (`record_debug`), the
//! whole `fmt::write` machinery for each number and name, and the default
//! line wraps each piece in a colour style even with colours off: the line
//! cost about 25 k instructions of a 1 KB Normalize call, 15 k written
//! here (BENCHMARKS.md, "The server: a cheaper access log"). Here integers
//! are written with `itoa`, strings without
//! characters to escape are copied between quotes, and everything else
//! (other strings, floats, `Debug` values) still goes through `Debug`, so
//! the text is the same as the default's, escapes included: a client's
//! document id cannot break a line.
//!
//! [`PlainLine`] writes the rest of the line as the default `Full` format
//! does without colours (time, level, the spans with their fields, the
//! target, the event's fields), without styling each piece. Lines to a
//! terminal keep the default, coloured format; the JSON format
//! (`--log-format json`) keeps tracing-subscriber's own formatters.

use std::fmt::{self, Write};

use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::field::{MakeVisitor, VisitFmt, VisitOutput};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::{FormatTime, SystemTime};
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields, FormattedFields};
use tracing_subscriber::registry::LookupSpan;

/// The field formatter of the text log format (a `FormatFields` by
/// tracing-subscriber's blanket implementation for visitor makers).
#[derive(Clone, Copy, Debug, Default)]
pub struct PlainFields;

impl<'writer> MakeVisitor<Writer<'writer>> for PlainFields {
    type Visitor = PlainVisitor<'writer>;

    fn make_visitor(&self, writer: Writer<'writer>) -> PlainVisitor<'writer> {
        PlainVisitor {
            writer,
            first: true,
            result: Ok(()),
        }
    }
}

/// Writes the fields of one record.
pub struct PlainVisitor<'writer> {
    writer: Writer<'writer>,
    /// No field written yet (no space before the next one).
    first: bool,
    result: fmt::Result,
}

impl PlainVisitor<'_> {
    /// Writes `name=` after a space if a field came before, or nothing
    /// (returns false) for a field the line leaves out: the `log.` fields
    /// of records that came through the `log` crate, as the default does.
    fn name(&mut self, field: &Field) -> bool {
        let name = field.name();
        if name.starts_with("log.") {
            return false;
        }
        let name = name.strip_prefix("r#").unwrap_or(name);
        if !self.first {
            self.push(" ");
        }
        self.first = false;
        if name != "message" {
            self.push(name);
            self.push("=");
        }
        true
    }

    fn push(&mut self, text: &str) {
        if self.result.is_ok() {
            self.result = self.writer.write_str(text);
        }
    }

    fn push_debug(&mut self, value: &dyn fmt::Debug) {
        if self.result.is_ok() {
            self.result = write!(self.writer, "{value:?}");
        }
    }
}

/// Whether `Debug` writes `text` as it is between quotes: printable ASCII
/// with no quote or backslash.
fn needs_no_escape(text: &str) -> bool {
    text.bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
}

impl Visit for PlainVisitor<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        if !self.name(field) {
            return;
        }
        if field.name() == "message" {
            self.push(value);
        } else if needs_no_escape(value) {
            self.push("\"");
            self.push(value);
            self.push("\"");
        } else {
            self.push_debug(&value);
        }
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        if self.name(field) {
            self.push(itoa::Buffer::new().format(value));
        }
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        if self.name(field) {
            self.push(itoa::Buffer::new().format(value));
        }
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        if self.name(field) {
            self.push(if value { "true" } else { "false" });
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if self.name(field) {
            self.push_debug(value);
        }
    }
}

impl VisitOutput<fmt::Result> for PlainVisitor<'_> {
    fn finish(self) -> fmt::Result {
        self.result
    }
}

impl VisitFmt for PlainVisitor<'_> {
    fn writer(&mut self) -> &mut dyn Write {
        &mut self.writer
    }
}

/// The event formatter of the text log format to a file or pipe: the line
/// of tracing-subscriber's default `Full` format without colours.
#[derive(Clone, Copy, Debug, Default)]
pub struct PlainLine {
    /// Leave the time out (tests compare lines).
    without_time: bool,
}

impl PlainLine {
    /// Lines without their time.
    pub fn without_time() -> PlainLine {
        PlainLine { without_time: true }
    }
}

/// A level as the default format writes it without colours, five wide.
fn level_text(level: &Level) -> &'static str {
    match *level {
        Level::TRACE => "TRACE",
        Level::DEBUG => "DEBUG",
        Level::INFO => " INFO",
        Level::WARN => " WARN",
        Level::ERROR => "ERROR",
    }
}

impl<S, N> FormatEvent<S, N> for PlainLine
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'w> FormatFields<'w> + 'static,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> fmt::Result {
        let metadata = event.metadata();
        if !self.without_time {
            if SystemTime.format_time(&mut writer).is_err() {
                writer.write_str("<unknown time>")?;
            }
            writer.write_char(' ')?;
        }
        writer.write_str(level_text(metadata.level()))?;
        writer.write_char(' ')?;
        let mut any_span = false;
        if let Some(scope) = ctx.event_scope() {
            for span in scope.from_root() {
                any_span = true;
                writer.write_str(span.metadata().name())?;
                let extensions = span.extensions();
                if let Some(fields) = extensions.get::<FormattedFields<N>>() {
                    if !fields.is_empty() {
                        writer.write_char('{')?;
                        writer.write_str(fields)?;
                        writer.write_char('}')?;
                    }
                }
                writer.write_char(':')?;
            }
        }
        if any_span {
            writer.write_char(' ')?;
        }
        writer.write_str(metadata.target())?;
        writer.write_str(": ")?;
        ctx.format_fields(writer.by_ref(), event)?;
        writer.write_char('\n')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use tracing_subscriber::fmt::format::DefaultFields;
    use tracing_subscriber::fmt::{FormatFields, MakeWriter};

    /// A writer that keeps what it is given.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl<'a> MakeWriter<'a> for Captured {
        type Writer = Captured;
        fn make_writer(&'a self) -> Captured {
            self.clone()
        }
    }

    /// The lines a span and an event like the server's write, with the
    /// given field formatter.
    fn lines<N>(fields: N, plain_line: bool) -> String
    where
        N: for<'w> FormatFields<'w> + Send + Sync + 'static,
    {
        let out = Captured::default();
        let builder = tracing_subscriber::fmt()
            .with_writer(out.clone())
            .with_ansi(false)
            .without_time()
            .fmt_fields(fields);
        let subscriber: Box<dyn tracing::Subscriber + Send + Sync> = if plain_line {
            Box::new(builder.event_format(PlainLine::without_time()).finish())
        } else {
            Box::new(builder.finish())
        };
        tracing::subscriber::with_default(subscriber, || {
            let span = tracing::info_span!(
                "rpc",
                method = "Normalize",
                document_id = tracing::field::Empty,
                request_bytes = tracing::field::Empty,
                elapsed_ms = tracing::field::Empty,
                ok = tracing::field::Empty,
            );
            span.record("document_id", "line\nbreak \"quoted\" نص");
            span.record("request_bytes", 1234_u64);
            span.record("elapsed_ms", 0.25_f64);
            span.record("ok", true);
            span.in_scope(|| {
                tracing::info!(code = "OK", delta = -3_i64, "call finished");
                let item = tracing::warn_span!("item", index = 2_u64);
                item.in_scope(|| tracing::error!(id = "plain-id", "a {} message", "formatted"));
            });
            tracing::warn!("outside any span");
            tracing::info_span!("empty").in_scope(|| tracing::info!("in a span without fields"));
        });
        let bytes = out.0.lock().unwrap().clone();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn lines_are_the_default_formatters_escapes_included() {
        let plain = lines(PlainFields, true);
        assert_eq!(plain, lines(DefaultFields::new(), false));
        assert_eq!(plain, lines(PlainFields, false));
        // A document id with a line break stays on its line, escaped.
        assert!(
            plain.contains(r#"document_id="line\nbreak \"quoted\" نص""#),
            "{plain}"
        );
        assert!(
            plain.contains("request_bytes=1234 elapsed_ms=0.25 ok=true"),
            "{plain}"
        );
        assert!(
            plain.contains(r#"call finished code="OK" delta=-3"#),
            "{plain}"
        );
        assert!(
            plain.contains(r#"a formatted message id="plain-id""#),
            "{plain}"
        );
        assert!(plain.contains(r#"ERROR rpc{"#), "{plain}");
        assert!(
            plain.contains(r#"}:item{index=2}: lisan::server::log_fields::tests: a formatted"#),
            "{plain}"
        );
        assert!(
            plain.contains(
                " INFO empty: lisan::server::log_fields::tests: in a span without fields"
            ),
            "{plain}"
        );
        assert!(
            plain.contains(" WARN lisan::server::log_fields::tests: outside any span"),
            "{plain}"
        );
        assert_eq!(plain.lines().count(), 4, "{plain}");
    }
}
