//! The `lisan.v1.TextService` implementation: validate, run on the bounded
//! blocking pool, answer.

use std::pin::Pin;
use std::sync::Arc;

use tokio::sync::{mpsc, Semaphore};
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::Stream;
use tonic::{Request, Response, Status, Streaming};

use crate::proto::v1 as pb;
use crate::proto::v1::text_service_server::TextService;

use super::config::Config;
use super::convert::{Job, Parts, SegmentParts};
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
}

impl Service {
    pub fn new(config: Config) -> Service {
        let workers = Arc::new(Semaphore::new(config.max_concurrent_documents.max(1)));
        Service {
            inner: Arc::new(Inner { config, workers }),
        }
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Validates `parts` and runs the job off the async workers, at most
    /// `max_concurrent_documents` at a time. A panic in the core becomes
    /// INTERNAL for this request only.
    async fn run(&self, parts: Parts<'_>) -> Result<(String, pb::Analysis), Status> {
        let job = Job::new(parts, &self.inner.config).map_err(|e| status::from_core(&e))?;
        // The permit moves into the blocking job: a cancelled call cannot
        // free it while its work still runs.
        let permit = self
            .inner
            .workers
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Status::unavailable("the server is shutting down"))?;
        let id = job.document_id.clone();
        let analysis = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            job.run()
        })
        .await
        .map_err(|e| {
            tracing::error!(document_id = %id, error = %e, "processing failed");
            status::internal("processing the document")
        })?;
        Ok((id, analysis))
    }

    async fn analyze_item(
        &self,
        index: u64,
        item: pb::AnalyzeStreamRequest,
    ) -> pb::AnalyzeStreamResponse {
        let document_id = item
            .document
            .as_ref()
            .map(|d| d.id.clone())
            .unwrap_or_default();
        let outcome = match self
            .run(analyze_parts(item.document, item.options.as_ref()))
            .await
        {
            Ok((_, analysis)) => pb::analyze_stream_response::Outcome::Analysis(analysis),
            Err(err) => pb::analyze_stream_response::Outcome::Error(status::to_rpc_status(&err)),
        };
        pb::AnalyzeStreamResponse {
            document_id,
            index,
            outcome: Some(outcome),
        }
    }
}

/// The parts of an Analyze request; with no feature chosen, all run.
fn analyze_parts(
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
};

type ResponseStream = Pin<Box<dyn Stream<Item = Result<pb::AnalyzeStreamResponse, Status>> + Send>>;

#[tonic::async_trait]
impl TextService for Service {
    async fn normalize(
        &self,
        request: Request<pb::NormalizeRequest>,
    ) -> Result<Response<pb::NormalizeResponse>, Status> {
        let req = request.into_inner();
        let parts = Parts {
            document: req.document,
            offset_unit: (req.offset_unit, "offset_unit"),
            normalize: Some((req.options.as_ref(), "options")),
            segment: None,
            extract: None,
            omit_alignment: req.omit_alignment,
        };
        let (_, analysis) = self.run(parts).await?;
        let mut response = analysis.normalization.unwrap_or_default();
        response.decoded = analysis.decoded;
        Ok(Response::new(response))
    }

    async fn segment(
        &self,
        request: Request<pb::SegmentRequest>,
    ) -> Result<Response<pb::SegmentResponse>, Status> {
        let req = request.into_inner();
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
            omit_alignment: true,
        };
        let (_, analysis) = self.run(parts).await?;
        let mut response = analysis.segmentation.unwrap_or_default();
        response.decoded = analysis.decoded;
        Ok(Response::new(response))
    }

    async fn extract(
        &self,
        request: Request<pb::ExtractRequest>,
    ) -> Result<Response<pb::ExtractResponse>, Status> {
        let req = request.into_inner();
        let parts = Parts {
            document: req.document,
            offset_unit: (req.offset_unit, "offset_unit"),
            normalize: None,
            segment: None,
            extract: Some((&req.entity_types, "entity_types")),
            omit_alignment: true,
        };
        let (_, analysis) = self.run(parts).await?;
        let mut response = analysis.extraction.unwrap_or_default();
        response.decoded = analysis.decoded;
        Ok(Response::new(response))
    }

    async fn analyze(
        &self,
        request: Request<pb::AnalyzeRequest>,
    ) -> Result<Response<pb::AnalyzeResponse>, Status> {
        let req = request.into_inner();
        let (document_id, analysis) = self
            .run(analyze_parts(req.document, req.options.as_ref()))
            .await?;
        Ok(Response::new(pb::AnalyzeResponse {
            document_id,
            analysis: Some(analysis),
        }))
    }

    type AnalyzeStreamStream = ResponseStream;

    /// Reads requests while at most `max_stream_in_flight` are in progress,
    /// processes them concurrently, and answers in input order.
    async fn analyze_stream(
        &self,
        request: Request<Streaming<pb::AnalyzeStreamRequest>>,
    ) -> Result<Response<Self::AnalyzeStreamStream>, Status> {
        let mut inbound = request.into_inner();
        let in_flight = self.inner.config.max_stream_in_flight.max(1);
        let (pending_tx, mut pending_rx) = mpsc::channel(in_flight);
        let (out_tx, out_rx) = mpsc::channel(in_flight);
        let service = self.clone();
        tokio::spawn(async move {
            let mut index = 0;
            loop {
                let (next, last) = match inbound.message().await {
                    Ok(Some(item)) => {
                        let service = service.clone();
                        let task =
                            tokio::spawn(
                                async move { Ok(service.analyze_item(index, item).await) },
                            );
                        (task, false)
                    }
                    Ok(None) => break,
                    // The stream itself broke (not one item): answer what is
                    // pending, then end with this status.
                    Err(status) => (tokio::spawn(async move { Err(status) }), true),
                };
                if pending_tx.send(next).await.is_err() || last {
                    break;
                }
                index += 1;
            }
        });
        tokio::spawn(async move {
            while let Some(handle) = pending_rx.recv().await {
                let item = handle
                    .await
                    .unwrap_or_else(|_| Err(status::internal("processing a stream item")));
                let end = item.is_err();
                if out_tx.send(item).await.is_err() || end {
                    break;
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(out_rx))))
    }

    async fn get_service_info(
        &self,
        _request: Request<pb::GetServiceInfoRequest>,
    ) -> Result<Response<pb::GetServiceInfoResponse>, Status> {
        Ok(Response::new(info::service_info(&self.inner.config)))
    }
}
