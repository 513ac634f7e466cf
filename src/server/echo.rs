//! `lisan serve --echo`: a test and benchmark mode that answers every
//! `lisan.v1.TextService` RPC without processing, so `lisan loadtest` can
//! measure what the gRPC stack alone does on the same machine (the
//! baseline the real service is reported against).
//!
//! Each answer has the shape of the real one and carries the document's
//! text back once (as the normalized text), so request and response sizes
//! stay comparable: decoding, encoding and transport are paid, the core is
//! not. Limits, authentication and transport layers are the real ones; the
//! admission, worker pool and metrics of the real service are not.

use std::pin::Pin;

use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::proto::v1 as pb;
use crate::proto::v1::text_service_server::TextService;

use super::config::Config;
use super::{info, status};
use crate::core::Error;

/// The echo service (never the default: `--echo` asks for it).
#[derive(Clone)]
pub struct Echo {
    config: Config,
}

impl Echo {
    pub fn new(config: Config) -> Echo {
        Echo { config }
    }
}

/// The document's text, or INVALID_ARGUMENT without a document (the same
/// check every real RPC makes first).
fn text_of(document: Option<pb::Document>) -> Result<(String, String), Status> {
    let document = document.ok_or_else(|| {
        status::from_core(&Error::invalid_argument(
            "document",
            "a document is required",
        ))
    })?;
    Ok((document.id, document.text))
}

fn analysis(text: String) -> pb::Analysis {
    pb::Analysis {
        normalization: Some(pb::NormalizeResponse {
            text,
            ..Default::default()
        }),
        ..Default::default()
    }
}

type EchoStream = Pin<Box<dyn Stream<Item = Result<pb::AnalyzeStreamResponse, Status>> + Send>>;

#[tonic::async_trait]
impl TextService for Echo {
    async fn normalize(
        &self,
        request: Request<pb::NormalizeRequest>,
    ) -> Result<Response<pb::NormalizeResponse>, Status> {
        let (_, text) = text_of(request.into_inner().document)?;
        Ok(Response::new(pb::NormalizeResponse {
            text,
            ..Default::default()
        }))
    }

    async fn segment(
        &self,
        request: Request<pb::SegmentRequest>,
    ) -> Result<Response<pb::SegmentResponse>, Status> {
        text_of(request.into_inner().document)?;
        Ok(Response::new(pb::SegmentResponse::default()))
    }

    async fn extract(
        &self,
        request: Request<pb::ExtractRequest>,
    ) -> Result<Response<pb::ExtractResponse>, Status> {
        text_of(request.into_inner().document)?;
        Ok(Response::new(pb::ExtractResponse::default()))
    }

    async fn analyze(
        &self,
        request: Request<pb::AnalyzeRequest>,
    ) -> Result<Response<pb::AnalyzeResponse>, Status> {
        let (document_id, text) = text_of(request.into_inner().document)?;
        Ok(Response::new(pb::AnalyzeResponse {
            document_id,
            analysis: Some(analysis(text)),
            processing_time: None,
        }))
    }

    type AnalyzeStreamStream = EchoStream;

    async fn analyze_stream(
        &self,
        request: Request<Streaming<pb::AnalyzeStreamRequest>>,
    ) -> Result<Response<Self::AnalyzeStreamStream>, Status> {
        let mut index = 0;
        let answers = request.into_inner().map(move |item| {
            let item = item?;
            let outcome = match text_of(item.document) {
                Ok((id, text)) => (
                    id,
                    pb::analyze_stream_response::Outcome::Analysis(analysis(text)),
                ),
                Err(status) => (
                    String::new(),
                    pb::analyze_stream_response::Outcome::Error(status::to_rpc_status(&status)),
                ),
            };
            index += 1;
            Ok(pb::AnalyzeStreamResponse {
                document_id: outcome.0,
                index: index - 1,
                outcome: Some(outcome.1),
                processing_time: None,
            })
        });
        Ok(Response::new(Box::pin(answers)))
    }

    async fn get_service_info(
        &self,
        _request: Request<pb::GetServiceInfoRequest>,
    ) -> Result<Response<pb::GetServiceInfoResponse>, Status> {
        Ok(Response::new(info::service_info(&self.config)))
    }
}
