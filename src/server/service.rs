//! The `lisan.v1.TextService` implementation: admit (or shed), validate,
//! run on the bounded blocking pool within the call's deadline, answer with
//! the processing time, and count it all.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use prost::Message;
use std::task::{Context, Poll};

use tokio::sync::{mpsc, oneshot, Semaphore};
use tokio_stream::{Stream, StreamExt};
use tonic::metadata::MetadataValue;
use tonic::{Code, Request, Response, Status, Streaming};
use tracing::field::Empty;
use tracing::Instrument;

use crate::core::budget::{Budget, Cancel};
use crate::proto::v1 as pb;
use crate::proto::v1::text_service_server::TextService;

use super::call::{Call, PROCESSING_TIME_HEADER};
use super::config::Config;
use super::convert::{DocumentFeatureParts, Job, Parts, SegmentParts, Timed};
use super::metrics::CallRecord;
use super::shedding::Admission;
use super::{info, status};

/// The service, cheap to clone: every clone shares the limits and the pool.
#[derive(Clone)]
pub struct Service {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    /// Permits to run one document on the blocking pool.
    workers: Arc<Semaphore>,
    /// Calls admitted at once (load shedding beyond).
    admission: Admission,
}

/// Cancels the work's budget when the call's future is dropped (the client
/// cancelled, disconnected or its deadline passed) or the call ends.
struct CancelOnDrop(Cancel);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

impl Service {
    pub fn new(config: Config) -> Service {
        let workers = Arc::new(Semaphore::new(config.max_concurrent_documents.max(1)));
        let admission = Admission::new(config.max_concurrent_requests, config.retry_after);
        Service {
            inner: Arc::new(Inner {
                config,
                workers,
                admission,
            }),
        }
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Validates `parts` and runs the job until `deadline`: a light job at
    /// once on this async worker, any other off the async workers, at most
    /// `max_concurrent_documents` at a time. A panic in the core becomes
    /// INTERNAL for this request only; a passed deadline DEADLINE_EXCEEDED,
    /// and the work stops at its next budget check.
    async fn run(
        &self,
        parts: Parts<'_>,
        deadline: Option<Instant>,
    ) -> Result<(String, pb::Analysis), Status> {
        let job = Job::new(parts, &self.inner.config).map_err(|e| status::from_core(&e))?;
        let span = tracing::Span::current();
        span.record("document_id", job.document_id.as_str());
        span.record("document_bytes", job.text.len());
        let id = job.document_id.clone();
        let budget = deadline.map_or_else(Budget::unlimited, Budget::until);
        let ran = if is_light(&job) {
            let run = std::panic::AssertUnwindSafe(|| job.run(&budget));
            std::panic::catch_unwind(run).map_err(|_| "the job panicked".to_string())
        } else {
            // The permit moves into the blocking job: a cancelled call
            // cannot free it while its work still runs.
            let acquire = self.inner.workers.clone().acquire_owned();
            let permit = within(deadline, acquire)
                .await?
                .map_err(|_| status::shutting_down())?;
            let _cancel = CancelOnDrop(budget.cancel_handle());
            let work = tokio::task::spawn_blocking(move || {
                let _permit = permit;
                job.run(&budget)
            });
            within(deadline, work).await?.map_err(|e| e.to_string())
        };
        let analysis = ran
            .map_err(|error| {
                tracing::error!(document_id = %id, %error, "processing failed");
                status::internal("processing the document")
            })?
            .map_err(|e| status::from_core(&e))?;
        self.inner.config.metrics.document_processed();
        Ok((id, analysis))
    }

    /// Runs one unary call: admission, span, deadline, processing time in
    /// the message and the header, metrics.
    async fn unary<Req, Resp, F, Fut>(
        &self,
        method: &'static str,
        request: Request<Req>,
        handle: F,
    ) -> Result<Response<Resp>, Status>
    where
        Req: Message,
        Resp: Message + Timed,
        F: FnOnce(Req, Option<Instant>) -> Fut,
        Fut: Future<Output = Result<Resp, Status>>,
    {
        let config = &self.inner.config;
        let call = Call::begin(method, request.metadata(), request.extensions(), config);
        let _in_flight = config.metrics.in_flight();
        let bytes_in = request.get_ref().encoded_len();
        let deadline = call.deadline;
        let result = async {
            let _admitted = self.inner.admission.admit(method, &config.metrics)?;
            handle(request.into_inner(), deadline).await
        }
        .instrument(call.span.clone())
        .await;
        let elapsed = call.started.elapsed();
        let header = processing_time_header(elapsed);
        let (code, bytes_out, result) = match result {
            Ok(mut message) => {
                message.set_processing_time(elapsed);
                let bytes_out = message.encoded_len();
                let mut response = Response::new(message);
                response
                    .metadata_mut()
                    .insert(PROCESSING_TIME_HEADER, header);
                (Code::Ok, bytes_out, Ok(response))
            }
            Err(mut status) => {
                status.metadata_mut().insert(PROCESSING_TIME_HEADER, header);
                (status.code(), 0, Err(status))
            }
        };
        finish(
            config,
            &call,
            CallRecord {
                method,
                code,
                elapsed,
                bytes_in,
                bytes_out,
            },
        );
        result
    }

    async fn analyze_item(
        &self,
        index: u64,
        item: pb::AnalyzeStreamRequest,
        call_deadline: Option<Instant>,
    ) -> pb::AnalyzeStreamResponse {
        let started = Instant::now();
        let deadline = earliest(
            call_deadline,
            self.inner.config.request_timeout.map(|t| started + t),
        );
        let document_id = item
            .document
            .as_ref()
            .map(|d| d.id.clone())
            .unwrap_or_default();
        let span = tracing::info_span!("item", index, document_id = Empty, document_bytes = Empty);
        let outcome = match self
            .run(
                analyze_parts(item.document, item.options.as_ref()),
                deadline,
            )
            .instrument(span)
            .await
        {
            Ok((_, analysis)) => pb::analyze_stream_response::Outcome::Analysis(analysis),
            Err(err) => pb::analyze_stream_response::Outcome::Error(status::to_rpc_status(&err)),
        };
        let mut response = pb::AnalyzeStreamResponse {
            document_id,
            index,
            outcome: Some(outcome),
            processing_time: None,
        };
        response.set_processing_time(started.elapsed());
        response
    }

    /// AnalyzeStream over any source of items (the gRPC stream, or the
    /// lines of an HTTP batch): reads while at most `max_stream_in_flight`
    /// are in progress, processes them concurrently, and answers in input
    /// order. The whole stream holds one admission slot; each item has its
    /// own deadline (the server's request timeout) within the call's. An
    /// `Err` item ends the stream with that status after what is pending.
    pub fn analyze_items<S>(
        &self,
        metadata: &tonic::metadata::MetadataMap,
        extensions: &tonic::Extensions,
        inbound: S,
    ) -> Result<ResponseStream, Status>
    where
        S: Stream<Item = Result<StreamItem, Status>> + Send + 'static,
    {
        const METHOD: &str = "AnalyzeStream";
        let config = &self.inner.config;
        let call = Call::begin(METHOD, metadata, extensions, config);
        let admitted = match self.inner.admission.admit(METHOD, &config.metrics) {
            Ok(admitted) => admitted,
            Err(status) => {
                let record = CallRecord {
                    method: METHOD,
                    code: status.code(),
                    elapsed: call.started.elapsed(),
                    bytes_in: 0,
                    bytes_out: 0,
                };
                finish(config, &call, record);
                return Err(status);
            }
        };
        let call_deadline = call.client_deadline;
        let mut inbound = Box::pin(inbound);
        let in_flight = config.max_stream_in_flight.max(1);
        let (pending_tx, mut pending_rx) = mpsc::channel(in_flight);
        let (out_tx, out_rx) = mpsc::channel(in_flight);
        let bytes_in = Arc::new(AtomicUsize::new(0));
        let service = self.clone();
        let reader_bytes = bytes_in.clone();
        tokio::spawn(
            async move {
                let mut index = 0;
                loop {
                    let (next, last) = match inbound.next().await {
                        Some(Ok(StreamItem::Request(item))) => {
                            reader_bytes.fetch_add(item.encoded_len(), Ordering::Relaxed);
                            let service = service.clone();
                            let task = tokio::spawn(
                                async move {
                                    Ok(service.analyze_item(index, *item, call_deadline).await)
                                }
                                .in_current_span(),
                            );
                            (task, false)
                        }
                        // A line that is no request (HTTP batch): its own
                        // error, in its place.
                        Some(Ok(StreamItem::Unreadable(status))) => {
                            let response = unreadable_item(index, &status);
                            (tokio::spawn(async move { Ok(response) }), false)
                        }
                        None => break,
                        // The stream itself broke (not one item): answer what is
                        // pending, then end with this status.
                        Some(Err(status)) => (tokio::spawn(async move { Err(status) }), true),
                    };
                    if pending_tx.send(next).await.is_err() || last {
                        break;
                    }
                    index += 1;
                }
            }
            .instrument(call.span.clone()),
        );
        let service = self.clone();
        let send_timeout = config.stream_send_timeout;
        let (abort_tx, abort_rx) = oneshot::channel();
        tokio::spawn(async move {
            let metrics = service.inner.config.metrics.clone();
            let _in_flight = metrics.in_flight();
            let _admitted = admitted;
            let mut code = Code::Ok;
            let mut bytes_out = 0;
            while let Some(handle) = pending_rx.recv().await {
                let item: Result<pb::AnalyzeStreamResponse, Status> = handle
                    .await
                    .unwrap_or_else(|_| Err(status::internal("processing a stream item")));
                match &item {
                    Ok(response) => bytes_out += response.encoded_len(),
                    Err(status) => code = status.code(),
                }
                let end = item.is_err();
                match send_within(send_timeout, &out_tx, item).await {
                    Sent::Yes => {}
                    Sent::ClientGone => {
                        code = Code::Cancelled;
                        break;
                    }
                    Sent::TimedOut(timeout) => {
                        // The client stopped reading: drop the stream's work
                        // (and its admission slot) and end the call.
                        let status = status::client_not_reading(timeout);
                        code = status.code();
                        let _ = abort_tx.send(status);
                        break;
                    }
                }
                if end {
                    break;
                }
            }
            let record = CallRecord {
                method: METHOD,
                code,
                elapsed: call.started.elapsed(),
                bytes_in: bytes_in.load(Ordering::Relaxed),
                bytes_out,
            };
            finish(&service.inner.config, &call, record);
        });
        Ok(Box::pin(Answers {
            answers: out_rx,
            abort: Some(abort_rx),
            ended: false,
        }))
    }
}

/// One item of an AnalyzeStream: a request, or what stood in its place but
/// could not be read as one (its error is answered in its place).
pub enum StreamItem {
    Request(Box<pb::AnalyzeStreamRequest>),
    Unreadable(Status),
}

/// The answer for an item that was no request.
fn unreadable_item(index: u64, status: &Status) -> pb::AnalyzeStreamResponse {
    pb::AnalyzeStreamResponse {
        document_id: String::new(),
        index,
        outcome: Some(pb::analyze_stream_response::Outcome::Error(
            status::to_rpc_status(status),
        )),
        processing_time: None,
    }
}

/// The work, in microseconds, that a job may take on the async worker that
/// received it. Handing a job to the blocking pool costs a thread wake-up
/// and two context switches: for a 1 KB Normalize that was most of the
/// server's CPU per call (BENCHMARKS.md). Longer jobs go to the pool, so no
/// call holds an async worker (and the connections it serves) for longer.
/// 400 µs (a 1 KB Analyze inline) was measured: 15-23% less CPU per
/// Analyze, but 15-30% fewer Analyze calls per second at saturation and
/// twice the p99 at 16 calls in flight, since a call woken by its connection
/// runs on the worker that woke it (yielding first did not spread the work).
const INLINE_MAX_MICROS: usize = 50;

/// Whether `job` is light enough to run where it was received, estimated
/// from its size and steps at this machine's speeds (bytes per microsecond:
/// normalization about 100, segmentation with token forms about 40, the
/// extraction pass about 5; HTML and byte input always go to the pool).
fn is_light(job: &Job) -> bool {
    let options = &job.options;
    if job.html || job.decoded.is_some() || options.document.any() || job.is_test_slow() {
        return false;
    }
    let bytes_per_micro = if options.extract.is_some() {
        5
    } else if options.segment.is_some() {
        40
    } else {
        100
    };
    job.text.len() <= INLINE_MAX_MICROS * bytes_per_micro
}

/// `future`, or DEADLINE_EXCEEDED once `deadline` passes.
async fn within<T>(
    deadline: Option<Instant>,
    future: impl Future<Output = T>,
) -> Result<T, Status> {
    match deadline {
        Some(deadline) => tokio::time::timeout_at(deadline.into(), future)
            .await
            .map_err(|_| status::deadline_exceeded()),
        None => Ok(future.await),
    }
}

/// The sooner of two optional deadlines.
fn earliest(a: Option<Instant>, b: Option<Instant>) -> Option<Instant> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Milliseconds with microsecond precision, as a header value.
fn processing_time_header(elapsed: std::time::Duration) -> MetadataValue<tonic::metadata::Ascii> {
    let text = format!("{:.3}", elapsed.as_secs_f64() * 1000.0);
    MetadataValue::try_from(text.as_str()).unwrap_or_else(|_| MetadataValue::from_static("0"))
}

/// Records a finished call in the metrics and the log (one line per call).
fn finish(config: &Config, call: &Call, record: CallRecord) {
    let code = super::metrics::code_name(record.code);
    // The four fields in one record (one look-up of the span, one
    // formatting pass), in the order a field at a time would give them.
    let fields = call.span.metadata().map(|m| m.fields());
    if let Some((fields, (Some(request), Some(response), Some(code_field), Some(elapsed)))) = fields
        .map(|f| {
            let field = |name| f.field(name);
            (
                f,
                (
                    field("request_bytes"),
                    field("response_bytes"),
                    field("code"),
                    field("elapsed_ms"),
                ),
            )
        })
    {
        let elapsed_ms = record.elapsed.as_secs_f64() * 1000.0;
        call.span.record_all(&fields.value_set(&[
            (&request, Some(&record.bytes_in as &dyn tracing::Value)),
            (&response, Some(&record.bytes_out as &dyn tracing::Value)),
            (&code_field, Some(&code as &dyn tracing::Value)),
            (&elapsed, Some(&elapsed_ms as &dyn tracing::Value)),
        ]));
    }
    call.span.in_scope(|| tracing::info!(code, "call finished"));
    config.metrics.record(&record);
}

/// The parts of an Analyze request; with no feature chosen, all run.
pub fn analyze_parts(
    document: Option<pb::Document>,
    options: Option<&pb::AnalyzeOptions>,
) -> Parts<'_> {
    let o = options.unwrap_or(&EMPTY_OPTIONS);
    let f = o.features.unwrap_or_default();
    let all = !(f.normalize || f.segment || f.extract);
    Parts {
        document,
        offset_unit: (o.offset_unit, "options.offset_unit"),
        normalize: (all || f.normalize)
            .then_some((o.normalization.as_ref(), "options.normalization")),
        segment: (all || f.segment).then_some(SegmentParts {
            normalization: (o.normalization.as_ref(), "options.normalization"),
            levels: (o.levels.as_slice(), "options.levels"),
            clitic_convention: (o.clitic_convention, "options.clitic_convention"),
        }),
        extract: (all || f.extract).then_some((o.entity_types.as_slice(), "options.entity_types")),
        document_features: Some(DocumentFeatureParts {
            features: (&o.document_features, "options.document_features"),
            max_keyphrases: (o.max_keyphrases, "options.max_keyphrases"),
        }),
        omit_alignment: false,
    }
}

static EMPTY_OPTIONS: pb::AnalyzeOptions = pb::AnalyzeOptions {
    features: None,
    offset_unit: 0,
    normalization: None,
    levels: Vec::new(),
    entity_types: Vec::new(),
    clitic_convention: 0,
    document_features: Vec::new(),
    max_keyphrases: 0,
};

/// How handing an answer to the response stream went.
enum Sent {
    Yes,
    /// The call is over (the client cancelled or went away).
    ClientGone,
    /// The client read nothing for this long.
    TimedOut(std::time::Duration),
}

/// Sends `item` to the response stream, waiting at most `timeout` for room.
async fn send_within<T>(
    timeout: Option<std::time::Duration>,
    out: &mpsc::Sender<T>,
    item: T,
) -> Sent {
    let sent = match timeout {
        Some(timeout) => match tokio::time::timeout(timeout, out.send(item)).await {
            Ok(sent) => sent,
            Err(_) => return Sent::TimedOut(timeout),
        },
        None => out.send(item).await,
    };
    match sent {
        Ok(()) => Sent::Yes,
        Err(_) => Sent::ClientGone,
    }
}

/// The answers of one AnalyzeStream, in order; ended at once with the
/// status sent on `abort` when the server gives up on the client.
struct Answers {
    answers: mpsc::Receiver<Result<pb::AnalyzeStreamResponse, Status>>,
    abort: Option<oneshot::Receiver<Status>>,
    ended: bool,
}

impl Stream for Answers {
    type Item = Result<pb::AnalyzeStreamResponse, Status>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.ended {
            return Poll::Ready(None);
        }
        if let Some(abort) = self.abort.as_mut() {
            match Pin::new(abort).poll(cx) {
                Poll::Ready(Ok(status)) => {
                    // Answers still queued are dropped with the stream.
                    self.ended = true;
                    self.answers.close();
                    return Poll::Ready(Some(Err(status)));
                }
                // Sender gone without a status: the stream ends normally.
                Poll::Ready(Err(_)) => self.abort = None,
                Poll::Pending => {}
            }
        }
        self.answers.poll_recv(cx)
    }
}

/// The responses of an AnalyzeStream, in input order.
pub type ResponseStream =
    Pin<Box<dyn Stream<Item = Result<pb::AnalyzeStreamResponse, Status>> + Send>>;

#[tonic::async_trait]
impl TextService for Service {
    async fn normalize(
        &self,
        request: Request<pb::NormalizeRequest>,
    ) -> Result<Response<pb::NormalizeResponse>, Status> {
        self.unary("Normalize", request, |req, deadline| async move {
            let parts = Parts {
                document: req.document,
                offset_unit: (req.offset_unit, "offset_unit"),
                normalize: Some((req.options.as_ref(), "options")),
                segment: None,
                extract: None,
                document_features: None,
                omit_alignment: req.omit_alignment,
            };
            let (_, analysis) = self.run(parts, deadline).await?;
            let mut response = analysis.normalization.unwrap_or_default();
            response.decoded = analysis.decoded;
            Ok(response)
        })
        .await
    }

    async fn segment(
        &self,
        request: Request<pb::SegmentRequest>,
    ) -> Result<Response<pb::SegmentResponse>, Status> {
        self.unary("Segment", request, |req, deadline| async move {
            let parts = Parts {
                document: req.document,
                offset_unit: (req.offset_unit, "offset_unit"),
                normalize: None,
                segment: Some(SegmentParts {
                    normalization: (req.normalization.as_ref(), "normalization"),
                    levels: (&req.levels, "levels"),
                    clitic_convention: (req.clitic_convention, "clitic_convention"),
                }),
                extract: None,
                document_features: None,
                omit_alignment: true,
            };
            let (_, analysis) = self.run(parts, deadline).await?;
            let mut response = analysis.segmentation.unwrap_or_default();
            response.decoded = analysis.decoded;
            Ok(response)
        })
        .await
    }

    async fn extract(
        &self,
        request: Request<pb::ExtractRequest>,
    ) -> Result<Response<pb::ExtractResponse>, Status> {
        self.unary("Extract", request, |req, deadline| async move {
            let parts = Parts {
                document: req.document,
                offset_unit: (req.offset_unit, "offset_unit"),
                normalize: None,
                segment: None,
                extract: Some((&req.entity_types, "entity_types")),
                document_features: Some(DocumentFeatureParts {
                    features: (&req.document_features, "document_features"),
                    max_keyphrases: (req.max_keyphrases, "max_keyphrases"),
                }),
                omit_alignment: true,
            };
            let (_, analysis) = self.run(parts, deadline).await?;
            let mut response = analysis.extraction.unwrap_or_default();
            response.decoded = analysis.decoded;
            Ok(response)
        })
        .await
    }

    async fn analyze(
        &self,
        request: Request<pb::AnalyzeRequest>,
    ) -> Result<Response<pb::AnalyzeResponse>, Status> {
        self.unary("Analyze", request, |req, deadline| async move {
            let (document_id, analysis) = self
                .run(analyze_parts(req.document, req.options.as_ref()), deadline)
                .await?;
            Ok(pb::AnalyzeResponse {
                document_id,
                analysis: Some(analysis),
                processing_time: None,
            })
        })
        .await
    }

    type AnalyzeStreamStream = ResponseStream;

    /// Reads requests while at most `max_stream_in_flight` are in progress,
    /// processes them concurrently, and answers in input order. The whole
    /// stream holds one admission slot; each item has its own deadline (the
    /// server's request timeout) within the call's.
    async fn analyze_stream(
        &self,
        request: Request<Streaming<pb::AnalyzeStreamRequest>>,
    ) -> Result<Response<Self::AnalyzeStreamStream>, Status> {
        let (metadata, extensions, inbound) = request.into_parts();
        let items = inbound.map(|item| item.map(|r| StreamItem::Request(Box::new(r))));
        self.analyze_items(&metadata, &extensions, items)
            .map(Response::new)
    }

    async fn get_service_info(
        &self,
        _request: Request<pb::GetServiceInfoRequest>,
    ) -> Result<Response<pb::GetServiceInfoResponse>, Status> {
        // Cheap and never shed: callers read the limits from it.
        let started = Instant::now();
        let response = info::service_info(&self.inner.config);
        self.inner.config.metrics.record(&CallRecord {
            method: "GetServiceInfo",
            code: Code::Ok,
            elapsed: started.elapsed(),
            bytes_in: 0,
            bytes_out: response.encoded_len(),
        });
        Ok(Response::new(response))
    }
}
