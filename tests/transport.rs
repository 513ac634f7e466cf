//! Transport features against the real server on loopback: compression
//! negotiated, TLS and mutual TLS with certificates made at test time,
//! bearer tokens, and gRPC-Web over a raw HTTP/1.1 request.

mod common;

use common::{document, pki, Pki, TestServer};
use lisan::proto::v1 as pb;
use lisan::proto::v1::text_service_client::TextServiceClient;
use lisan::server::auth::Tokens;
use lisan::server::config::TlsPem;
use lisan::server::Config;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tonic::codec::CompressionEncoding;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};
use tonic::{Code, Request};

fn normalize_request(text: &str) -> pb::NormalizeRequest {
    pb::NormalizeRequest {
        document: Some(document(text)),
        ..Default::default()
    }
}

#[tokio::test]
async fn gzip_and_zstd_are_accepted_and_offered() {
    let server = TestServer::start_default().await;
    let text = "نص يتكرر كثيرا. ".repeat(500);
    for (encoding, name) in [
        (CompressionEncoding::Gzip, "gzip"),
        (CompressionEncoding::Zstd, "zstd"),
    ] {
        let mut client = server
            .client()
            .send_compressed(encoding)
            .accept_compressed(encoding);
        let response = client.normalize(normalize_request(&text)).await.unwrap();
        let used = response
            .metadata()
            .get("grpc-encoding")
            .map(|v| v.to_str().unwrap().to_string());
        assert_eq!(used.as_deref(), Some(name));
        assert_eq!(
            response.into_inner().text,
            text,
            "the NFC profile keeps this text"
        );
    }
    // A client that offers nothing gets plain messages.
    let plain = server
        .client()
        .normalize(normalize_request("نص"))
        .await
        .unwrap();
    assert!(plain.metadata().get("grpc-encoding").is_none());
    server.stop().await;
}

async fn tls_channel(
    server: &TestServer,
    pki: &Pki,
    with_client_cert: bool,
) -> Result<Channel, tonic::transport::Error> {
    let mut tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(&pki.ca))
        .domain_name("localhost");
    if with_client_cert {
        tls = tls.identity(Identity::from_pem(&pki.client_cert, &pki.client_key));
    }
    Channel::from_shared(format!("https://localhost:{}", server.addr.port()))
        .unwrap()
        .tls_config(tls)?
        .connect()
        .await
}

#[tokio::test]
async fn tls_serves_and_mutual_tls_refuses_a_client_without_a_certificate() {
    let pki = pki();
    let tls_only = TestServer::start(Config {
        tls: Some(TlsPem {
            cert: pki.server_cert.clone().into(),
            key: pki.server_key.clone().into(),
            client_ca: None,
        }),
        ..Config::default()
    })
    .await;
    let channel = tls_channel(&tls_only, &pki, false)
        .await
        .expect("TLS handshake");
    let answer = TextServiceClient::new(channel)
        .normalize(normalize_request("نص"))
        .await;
    assert!(answer.is_ok(), "{answer:?}");
    tls_only.stop().await;

    let mutual = TestServer::start(Config {
        tls: Some(TlsPem {
            cert: pki.server_cert.clone().into(),
            key: pki.server_key.clone().into(),
            client_ca: Some(pki.ca.clone().into()),
        }),
        ..Config::default()
    })
    .await;
    let channel = tls_channel(&mutual, &pki, true)
        .await
        .expect("mTLS handshake");
    let answer = TextServiceClient::new(channel)
        .normalize(normalize_request("نص"))
        .await;
    assert!(answer.is_ok(), "{answer:?}");
    // Without a client certificate the handshake (or the first call) fails.
    let refused = match tls_channel(&mutual, &pki, false).await {
        Err(_) => true,
        Ok(channel) => TextServiceClient::new(channel)
            .normalize(normalize_request("نص"))
            .await
            .is_err(),
    };
    assert!(refused, "a client without a certificate is refused");
    mutual.stop().await;
}

#[tokio::test]
async fn bearer_tokens_guard_the_service_but_not_health() {
    let server = TestServer::start(Config {
        auth_tokens: Tokens::parse("# two keys during rotation\nold-key\nnew-key\n"),
        ..Config::default()
    })
    .await;
    let with_header = |value: Option<&str>| {
        let mut request = Request::new(normalize_request("نص"));
        if let Some(value) = value {
            request
                .metadata_mut()
                .insert("authorization", value.parse().unwrap());
        }
        request
    };
    let mut client = server.client();
    for (header, expected) in [
        (None, Code::Unauthenticated),
        (Some("Bearer wrong-key"), Code::Unauthenticated),
        (Some("Basic new-key"), Code::Unauthenticated),
        (Some("Bearer old-key"), Code::Ok),
        (Some("bearer new-key"), Code::Ok),
    ] {
        let code = match client.normalize(with_header(header)).await {
            Ok(_) => Code::Ok,
            Err(status) => status.code(),
        };
        assert_eq!(code, expected, "{header:?}");
    }
    let mut health = tonic_health::pb::health_client::HealthClient::new(server.channel.clone());
    let status = health
        .check(tonic_health::pb::HealthCheckRequest {
            service: String::new(),
        })
        .await;
    assert!(status.is_ok(), "probes need no token: {status:?}");
    server.stop().await;
}

/// A raw HTTP/1.1 gRPC-Web call of GetServiceInfo: the status line, the
/// content type and the body.
async fn grpc_web_call(addr: std::net::SocketAddr) -> std::io::Result<(String, Vec<u8>)> {
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    let frame = [0u8, 0, 0, 0, 0]; // an uncompressed, empty GetServiceInfoRequest
    let head = format!(
        "POST /lisan.v1.TextService/GetServiceInfo HTTP/1.1\r\nhost: {addr}\r\n\
         content-type: application/grpc-web+proto\r\nx-grpc-web: 1\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n",
        frame.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(&frame).await?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(raw.len(), |i| i + 4);
    Ok((
        String::from_utf8_lossy(&raw[..split]).into_owned(),
        raw[split..].to_vec(),
    ))
}

#[tokio::test]
async fn grpc_web_answers_browsers_only_when_enabled() {
    let server = TestServer::start(Config {
        grpc_web: true,
        ..Config::default()
    })
    .await;
    let (head, body) = grpc_web_call(server.addr).await.unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: application/grpc-web+proto"),
        "{head}"
    );
    let body = String::from_utf8_lossy(&body);
    assert!(
        body.contains("grpc-status:0"),
        "a trailer frame says OK: {body:?}"
    );
    assert!(
        body.contains(env!("CARGO_PKG_VERSION")),
        "the message holds the version"
    );
    server.stop().await;

    let plain = TestServer::start_default().await;
    let refused = match grpc_web_call(plain.addr).await {
        Err(_) => true,
        Ok((head, _)) => !head.starts_with("HTTP/1.1 200"),
    };
    assert!(refused, "without --grpc-web HTTP/1.1 is not served");
    plain.stop().await;
}

#[tokio::test]
async fn aged_connections_close_gracefully_without_failing_calls() {
    let server = TestServer::start(Config {
        max_connection_age: Some(std::time::Duration::from_millis(200)),
        keepalive_interval: Some(std::time::Duration::from_millis(100)),
        ..Config::default()
    })
    .await;
    let mut client = server.client();
    // In flight while its connection reaches its age: it still completes.
    let slow = pb::AnalyzeRequest {
        document: Some(pb::Document {
            id: lisan::server::convert::TEST_SLOW_ID.into(),
            text: "نص".into(),
            ..Default::default()
        }),
        options: None,
    };
    let answer = client.analyze(slow).await;
    assert!(answer.is_ok(), "{answer:?}");
    // Later calls reconnect transparently.
    for _ in 0..3 {
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        let answer = client.normalize(normalize_request("نص")).await;
        assert!(answer.is_ok(), "{answer:?}");
    }
    server.stop().await;
}
