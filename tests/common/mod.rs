//! Shared test support: a real server on 127.0.0.1:0, in process, and slicing
//! by offset unit.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;

use lisan::proto::v1 as pb;
use lisan::proto::v1::text_service_client::TextServiceClient;
use lisan::server::{self, Config};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tonic::transport::Channel;

/// A running server and a channel to it.
pub struct TestServer {
    pub addr: SocketAddr,
    /// The HTTP/JSON API's address, when started with [`TestServer::start_with_http`].
    pub http: Option<SocketAddr>,
    pub channel: Channel,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<Result<(), server::ServeError>>>,
}

impl TestServer {
    /// Starts the real server with `config` on an ephemeral loopback port.
    pub async fn start(config: Config) -> TestServer {
        TestServer::start_serving(config, false).await
    }

    /// Starts the real server with `config` and the HTTP/JSON API, each on
    /// an ephemeral loopback port.
    pub async fn start_with_http(config: Config) -> TestServer {
        TestServer::start_serving(config, true).await
    }

    /// The URL of `path` on the HTTP/JSON API.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.http.expect("started with HTTP"))
    }

    async fn start_serving(config: Config, with_http: bool) -> TestServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        let http_listener = if with_http {
            Some(
                tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind loopback"),
            )
        } else {
            None
        };
        let http = http_listener.as_ref().map(|l| l.local_addr().unwrap());
        let tls = config.tls.is_some();
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(server::serve_with_http(
            listener,
            http_listener,
            async {
                let _ = stopped.await;
            },
            config,
        ));
        // A TLS server cannot be reached over plaintext: its tests make
        // their own channels, and this one is never used.
        let plaintext = !tls;
        let endpoint = Channel::from_shared(format!("http://{addr}")).unwrap();
        let channel = if plaintext {
            let channel = endpoint
                .connect()
                .await
                .expect("connect to the test server");
            wait_until_serving(&channel).await;
            channel
        } else {
            endpoint.connect_lazy()
        };
        TestServer {
            addr,
            http,
            channel,
            stop: Some(stop),
            handle: Some(handle),
        }
    }

    pub async fn start_default() -> TestServer {
        TestServer::start(Config::default()).await
    }

    pub fn client(&self) -> TextServiceClient<Channel> {
        TextServiceClient::new(self.channel.clone())
    }

    /// Sends the shutdown signal without waiting.
    pub fn signal_shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Signals shutdown and waits until `serve` returns; panics if it failed.
    pub async fn stop(mut self) {
        self.signal_shutdown();
        let handle = self.handle.take().unwrap();
        handle
            .await
            .expect("server task")
            .expect("serve returned an error");
    }
}

/// Returns once the server answers a health check (it accepts connections
/// before its start-up work is done, and answers them after).
async fn wait_until_serving(channel: &Channel) {
    let mut health = tonic_health::pb::health_client::HealthClient::new(channel.clone());
    health
        .check(tonic_health::pb::HealthCheckRequest {
            service: String::new(),
        })
        .await
        .expect("the test server answers health checks");
}

pub fn document(text: &str) -> pb::Document {
    pb::Document {
        id: "doc-1".into(),
        text: text.into(),
        ..Default::default()
    }
}

/// `text[start..end)` with offsets counted in `unit`.
pub fn slice(text: &str, span: &pb::Span, unit: pb::OffsetUnit) -> String {
    let (start, end) = (span.start as usize, span.end as usize);
    match unit {
        pb::OffsetUnit::Unspecified | pb::OffsetUnit::Utf8Byte => text[start..end].to_string(),
        pb::OffsetUnit::Utf16CodeUnit => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(&units[start..end]).expect("span splits a surrogate pair")
        }
        pb::OffsetUnit::CodePoint => text.chars().skip(start).take(end - start).collect(),
    }
}

/// A file of the shared evaluation data, if this checkout has `../shared`.
pub fn shared_file(relative: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipping: {} is not present", path.display());
        None
    }
}

/// A CA, a server certificate for `localhost` and a client certificate,
/// all made now.
pub struct Pki {
    pub ca: String,
    pub server_cert: String,
    pub server_key: String,
    pub client_cert: String,
    pub client_key: String,
}

pub fn pki() -> Pki {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_cert = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);
    let leaf = |name: &str| {
        let key = KeyPair::generate().unwrap();
        let cert = CertificateParams::new(vec![name.to_string()])
            .unwrap()
            .signed_by(&key, &issuer)
            .unwrap();
        (cert.pem(), key.serialize_pem())
    };
    let (server_cert, server_key) = leaf("localhost");
    let (client_cert, client_key) = leaf("client.test");
    Pki {
        ca: ca_cert.pem(),
        server_cert,
        server_key,
        client_cert,
        client_key,
    }
}

/// The sum of a Prometheus counter's samples whose labels contain `labels`
/// (`code="OK"`...), read from the server's rendered metrics.
pub fn counter(config: &Config, name: &str, labels: &str) -> u64 {
    config
        .metrics
        .render()
        .lines()
        .filter(|line| line.starts_with(&format!("{name}{{")) && line.contains(labels))
        .filter_map(|line| line.rsplit(' ').next()?.parse::<u64>().ok())
        .sum()
}

/// Sends "قبل.", `middle` and "بعد." through AnalyzeStream and returns each
/// item's error code in order (`None` for a result).
pub async fn stream_error_codes(
    client: &mut TextServiceClient<Channel>,
    middle: pb::Document,
) -> Vec<Option<i32>> {
    use tokio_stream::StreamExt;
    let items: Vec<pb::AnalyzeStreamRequest> = [document("قبل."), middle, document("بعد.")]
        .into_iter()
        .map(|d| pb::AnalyzeStreamRequest {
            document: Some(d),
            options: None,
        })
        .collect();
    client
        .analyze_stream(tokio_stream::iter(items))
        .await
        .unwrap()
        .into_inner()
        .map(|r| match r.unwrap().outcome {
            Some(pb::analyze_stream_response::Outcome::Error(status)) => Some(status.code),
            _ => None,
        })
        .collect()
        .await
}

pub mod process;
