//! OpenTelemetry export (cargo feature `otlp`): the `rpc` spans go to a
//! collector over OTLP/HTTP, as children of the caller's W3C trace.

use opentelemetry::trace::{
    SpanContext, SpanId, TraceContextExt, TraceFlags, TraceId, TraceState, TracerProvider as _,
};
use opentelemetry_otlp::{SpanExporter, WithExportConfig};
use opentelemetry_sdk::trace::SdkTracerProvider;
use opentelemetry_sdk::Resource;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::registry::LookupSpan;

/// The tracer provider (flush it with `shutdown` before the process exits)
/// and the tracing layer that feeds it.
pub fn layer<S>(
    endpoint: &str,
) -> Result<(SdkTracerProvider, impl tracing_subscriber::Layer<S>), Box<dyn std::error::Error>>
where
    S: tracing::Subscriber + for<'span> LookupSpan<'span>,
{
    let exporter = SpanExporter::builder()
        .with_http()
        .with_endpoint(endpoint)
        .build()?;
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(Resource::builder().with_service_name("lisan").build())
        .build();
    let tracer = provider.tracer("lisan");
    Ok((provider, tracing_opentelemetry::layer().with_tracer(tracer)))
}

/// Makes `span` a child of the remote span `parent` of trace `trace_id`
/// (lowercase hex, as in `traceparent`).
pub fn continue_trace(span: &tracing::Span, trace_id: &str, parent: &str, sampled: bool) {
    let (Ok(trace_id), Ok(parent)) = (TraceId::from_hex(trace_id), SpanId::from_hex(parent)) else {
        return;
    };
    let flags = if sampled {
        TraceFlags::SAMPLED
    } else {
        TraceFlags::default()
    };
    let remote = SpanContext::new(trace_id, parent, flags, true, TraceState::default());
    let _ = span.set_parent(opentelemetry::Context::new().with_remote_span_context(remote));
}
