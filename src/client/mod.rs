//! A typed client for `lisan.v1.TextService`: one endpoint or several
//! (balanced client-side, power of two choices), retries with backoff and
//! jitter for `UNAVAILABLE` and `RESOURCE_EXHAUSTED` that honour the
//! server's `RetryInfo`, a deadline per call, TLS and bearer tokens.
//!
//! ```no_run
//! use std::time::Duration;
//! use lisan::client::Client;
//! use lisan::proto::v1::{AnalyzeRequest, Document};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::builder(["http://10.0.0.1:50051", "http://10.0.0.2:50051"])
//!     .timeout(Duration::from_secs(5))
//!     .build()?;
//! let response = client
//!     .analyze(AnalyzeRequest {
//!         document: Some(Document { text: "في 23 يوليو 2024".into(), ..Default::default() }),
//!         ..Default::default()
//!     })
//!     .await?;
//! let entities = response.analysis.and_then(|a| a.extraction).map(|e| e.entities);
//! println!("{entities:?}");
//! # Ok(())
//! # }
//! ```
//!
//! Over TLS, with a private CA, a client certificate and a token:
//!
//! ```no_run
//! # fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = lisan::client::Client::builder(["https://lisan.internal:50051"])
//!     .tls_ca_pem(std::fs::read("ca.pem")?)
//!     .tls_identity_pem(std::fs::read("client.pem")?, std::fs::read("client.key")?)
//!     .token(std::fs::read_to_string("token")?.trim())
//!     .build()?;
//! # Ok(())
//! # }
//! ```

mod retry;

use std::future::Future;
use std::time::{Duration, Instant};

use tonic::metadata::{Ascii, MetadataValue};
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint, Identity};
use tonic::{Request, Response, Status, Streaming};

pub use retry::{is_retryable, server_delay, RetryPolicy};

use crate::proto::v1 as pb;
use crate::proto::v1::text_service_client::TextServiceClient;

/// The generated client this module wraps, with the token interceptor.
pub type RawClient = TextServiceClient<InterceptedService<Channel, BearerToken>>;

/// A cheap-to-clone handle to one or several Lisan servers.
///
/// Unary calls are retried by its [`RetryPolicy`] and bounded, retries
/// included, by its timeout; [`Client::analyze_stream`] is not retried (a
/// stream cannot be replayed) but carries the timeout as its deadline.
#[derive(Clone, Debug)]
pub struct Client {
    raw: RawClient,
    retry: RetryPolicy,
    timeout: Option<Duration>,
}

/// Options for a [`Client`]; [`ClientBuilder::build`] connects lazily, so
/// servers that are down at start are retried like any other failure.
#[derive(Clone, Debug)]
pub struct ClientBuilder {
    endpoints: Vec<String>,
    ca_pem: Option<Vec<u8>>,
    identity_pem: Option<(Vec<u8>, Vec<u8>)>,
    tls_domain: Option<String>,
    token: Option<String>,
    timeout: Option<Duration>,
    connect_timeout: Duration,
    retry: RetryPolicy,
}

/// Why a client could not be built.
#[derive(Debug)]
pub enum ClientError {
    /// The builder was given no endpoint.
    NoEndpoint,
    /// An endpoint is not a valid `http://` or `https://` URL.
    InvalidEndpoint(String, tonic::transport::Error),
    /// The TLS options were rejected.
    Tls(tonic::transport::Error),
    /// The token holds characters HTTP headers cannot carry.
    InvalidToken,
}

impl std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClientError::NoEndpoint => write!(f, "no endpoint given"),
            ClientError::InvalidEndpoint(url, e) => write!(f, "invalid endpoint {url}: {e}"),
            ClientError::Tls(e) => write!(f, "TLS options: {e}"),
            ClientError::InvalidToken => write!(f, "the token is not a valid header value"),
        }
    }
}

impl std::error::Error for ClientError {}

impl ClientBuilder {
    /// A builder for these endpoints (`http://HOST:PORT`, or `https://` for
    /// TLS); with more than one, calls are balanced over them.
    pub fn new<S: Into<String>>(endpoints: impl IntoIterator<Item = S>) -> ClientBuilder {
        ClientBuilder {
            endpoints: endpoints.into_iter().map(Into::into).collect(),
            ca_pem: None,
            identity_pem: None,
            tls_domain: None,
            token: None,
            timeout: None,
            connect_timeout: Duration::from_secs(5),
            retry: RetryPolicy::default(),
        }
    }

    /// Trust servers whose certificate this PEM CA signed (turns TLS on).
    pub fn tls_ca_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.ca_pem = Some(pem.into());
        self
    }

    /// Present this PEM certificate and key to servers that require client
    /// certificates (mutual TLS).
    pub fn tls_identity_pem(mut self, cert: impl Into<Vec<u8>>, key: impl Into<Vec<u8>>) -> Self {
        self.identity_pem = Some((cert.into(), key.into()));
        self
    }

    /// The name to check the server's certificate against, when it is not
    /// the endpoint's host.
    pub fn tls_domain(mut self, name: impl Into<String>) -> Self {
        self.tls_domain = Some(name.into());
        self
    }

    /// Send `authorization: Bearer <token>` with every call.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// The deadline of each call, retries included (sent as `grpc-timeout`).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// How long to wait for a connection to open.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How failed calls are retried (default: [`RetryPolicy::default`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The client. Must be called inside a tokio runtime; connections open
    /// on the first call.
    pub fn build(self) -> Result<Client, ClientError> {
        let tls = self.tls_config();
        let mut endpoints = Vec::with_capacity(self.endpoints.len());
        for url in &self.endpoints {
            let mut endpoint = Endpoint::from_shared(url.clone())
                .map_err(|e| ClientError::InvalidEndpoint(url.clone(), e))?
                .connect_timeout(self.connect_timeout)
                .tcp_nodelay(true);
            if let Some(tls) = &tls {
                endpoint = endpoint.tls_config(tls.clone()).map_err(ClientError::Tls)?;
            }
            endpoints.push(endpoint);
        }
        let channel = match endpoints.len() {
            0 => return Err(ClientError::NoEndpoint),
            1 => endpoints.remove(0).connect_lazy(),
            _ => Channel::balance_list(endpoints.into_iter()),
        };
        let token = match &self.token {
            Some(token) => Some(
                MetadataValue::try_from(format!("Bearer {token}"))
                    .map_err(|_| ClientError::InvalidToken)?,
            ),
            None => None,
        };
        Ok(Client {
            raw: TextServiceClient::with_interceptor(channel, BearerToken(token)),
            retry: self.retry,
            timeout: self.timeout,
        })
    }

    fn tls_config(&self) -> Option<ClientTlsConfig> {
        let https = self.endpoints.iter().any(|u| u.starts_with("https:"));
        if !https && self.ca_pem.is_none() && self.identity_pem.is_none() {
            return None;
        }
        let mut tls = ClientTlsConfig::new();
        if let Some(ca) = &self.ca_pem {
            tls = tls.ca_certificate(Certificate::from_pem(ca));
        }
        if let Some((cert, key)) = &self.identity_pem {
            tls = tls.identity(Identity::from_pem(cert, key));
        }
        if let Some(name) = &self.tls_domain {
            tls = tls.domain_name(name.clone());
        }
        Some(tls)
    }
}

/// Adds the bearer token (when there is one) to every call.
#[derive(Clone, Debug)]
pub struct BearerToken(Option<MetadataValue<Ascii>>);

impl tonic::service::Interceptor for BearerToken {
    fn call(&mut self, mut request: Request<()>) -> Result<Request<()>, Status> {
        if let Some(token) = &self.0 {
            request
                .metadata_mut()
                .insert("authorization", token.clone());
        }
        Ok(request)
    }
}

impl Client {
    /// A builder for these endpoints.
    pub fn builder<S: Into<String>>(endpoints: impl IntoIterator<Item = S>) -> ClientBuilder {
        ClientBuilder::new(endpoints)
    }

    /// A client of one plaintext endpoint with the default options.
    pub fn connect(url: impl Into<String>) -> Result<Client, ClientError> {
        ClientBuilder::new([url.into()]).build()
    }

    /// The same client with another deadline per call.
    pub fn with_timeout(&self, timeout: Duration) -> Client {
        Client {
            timeout: Some(timeout),
            ..self.clone()
        }
    }

    /// The generated client underneath (same channel and token; no retries).
    pub fn raw(&self) -> RawClient {
        self.raw.clone()
    }

    /// Normalizes a document (retried, within the deadline).
    pub async fn normalize(
        &self,
        request: pb::NormalizeRequest,
    ) -> Result<pb::NormalizeResponse, Status> {
        self.unary(request, |mut c, r| async move { c.normalize(r).await })
            .await
    }

    /// Paragraphs, sentences and tokens of a document.
    pub async fn segment(
        &self,
        request: pb::SegmentRequest,
    ) -> Result<pb::SegmentResponse, Status> {
        self.unary(request, |mut c, r| async move { c.segment(r).await })
            .await
    }

    /// Entities of a document: dates, numbers, money, links.
    pub async fn extract(
        &self,
        request: pb::ExtractRequest,
    ) -> Result<pb::ExtractResponse, Status> {
        self.unary(request, |mut c, r| async move { c.extract(r).await })
            .await
    }

    /// Normalize, segment and extract in one pass.
    pub async fn analyze(
        &self,
        request: pb::AnalyzeRequest,
    ) -> Result<pb::AnalyzeResponse, Status> {
        self.unary(request, |mut c, r| async move { c.analyze(r).await })
            .await
    }

    /// Version, limits, profiles, levels and entity types of the server.
    pub async fn get_service_info(&self) -> Result<pb::GetServiceInfoResponse, Status> {
        self.unary(pb::GetServiceInfoRequest {}, |mut c, r| async move {
            c.get_service_info(r).await
        })
        .await
    }

    /// Opens an `AnalyzeStream`: one response per request, in order. The
    /// call is not retried; the timeout, when set, is its deadline.
    pub async fn analyze_stream<S>(
        &self,
        requests: S,
    ) -> Result<Streaming<pb::AnalyzeStreamResponse>, Status>
    where
        S: tokio_stream::Stream<Item = pb::AnalyzeStreamRequest> + Send + 'static,
    {
        let mut request = Request::new(requests);
        if let Some(timeout) = self.timeout {
            request.set_timeout(timeout);
        }
        Ok(self.raw.clone().analyze_stream(request).await?.into_inner())
    }

    /// Sends `message` through `send` until it succeeds, fails for good, the
    /// attempts are used up or the deadline is near.
    async fn unary<M, R, F, Fut>(&self, message: M, send: F) -> Result<R, Status>
    where
        M: Clone,
        F: Fn(RawClient, Request<M>) -> Fut,
        Fut: Future<Output = Result<Response<R>, Status>>,
    {
        let started = Instant::now();
        let mut retry = 0;
        loop {
            let mut request = Request::new(message.clone());
            let left = self.timeout.map(|t| t.saturating_sub(started.elapsed()));
            let outcome = match left {
                Some(left) if left.is_zero() => Err(deadline_passed()),
                Some(left) => {
                    request.set_timeout(left);
                    tokio::time::timeout(left, send(self.raw.clone(), request))
                        .await
                        .unwrap_or_else(|_| Err(deadline_passed()))
                }
                None => send(self.raw.clone(), request).await,
            };
            let status = match outcome {
                Ok(response) => return Ok(response.into_inner()),
                Err(status) => status,
            };
            retry += 1;
            let Some(delay) = self.retry.delay(retry, &status) else {
                return Err(status);
            };
            if self.timeout.is_some_and(|t| started.elapsed() + delay >= t) {
                return Err(status);
            }
            tracing::debug!(code = ?status.code(), retry, ?delay, "retrying");
            tokio::time::sleep(delay).await;
        }
    }
}

fn deadline_passed() -> Status {
    Status::deadline_exceeded("the client's deadline passed")
}
