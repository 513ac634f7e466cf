//! The `lisan::client` module against the real server: retries after load
//! shedding (honouring RetryInfo), the deadline over retries, balancing over
//! two servers, TLS with a client certificate and a bearer token, streams.

mod common;

use std::time::{Duration, Instant};

use common::{counter, document, pki, TestServer};
use lisan::client::{Client, RetryPolicy};
use lisan::proto::v1 as pb;
use lisan::server::auth::Tokens;
use lisan::server::config::TlsPem;
use lisan::server::convert::{TEST_SLOW_DURATION, TEST_SLOW_ID};
use lisan::server::Config;
use tokio_stream::StreamExt;
use tonic::Code;

fn analyze(id: &str, text: &str) -> pb::AnalyzeRequest {
    pb::AnalyzeRequest {
        document: Some(pb::Document {
            id: id.into(),
            ..document(text)
        }),
        options: None,
    }
}

/// A server that admits one call at once and asks shed callers to wait
/// `retry_after`, with a slow call holding its only slot.
async fn busy_server(retry_after: Duration) -> (TestServer, Config, tokio::task::JoinHandle<()>) {
    let config = Config {
        max_concurrent_requests: 1,
        retry_after,
        ..Config::default()
    };
    let server = TestServer::start(config.clone()).await;
    let mut raw = server.client();
    let slow = tokio::spawn(async move {
        raw.analyze(analyze(TEST_SLOW_ID, "نص"))
            .await
            .expect("the slow call");
    });
    // Wait until the slow call holds the slot.
    let probe = Client::builder([format!("http://{}", server.addr)])
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    for _ in 0..100 {
        if probe.analyze(analyze("probe", "نص")).await.is_err() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    (server, config, slow)
}

#[tokio::test]
async fn a_shed_call_is_retried_after_the_servers_delay_and_succeeds() {
    let retry_after = Duration::from_millis(150);
    let (server, config, slow) = busy_server(retry_after).await;
    let shed_before = counter(&config, "lisan_shed_requests_total", "Analyze");

    let client = Client::builder([format!("http://{}", server.addr)])
        .retry(RetryPolicy {
            max_attempts: 20,
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let started = Instant::now();
    let response = client.analyze(analyze("a", "في 23 يوليو 2024")).await;
    let waited = started.elapsed();
    let response = response.expect("served once the slot is free");
    assert_eq!(response.document_id, "a");
    let extraction = response.analysis.and_then(|a| a.extraction).unwrap();
    assert!(!extraction.entities.is_empty());
    let shed = counter(&config, "lisan_shed_requests_total", "Analyze") - shed_before;
    assert!(shed >= 1, "the first attempt was shed");
    // Each retry waited at least RetryInfo's delay: few attempts, not a spin.
    assert!(
        shed as u128 <= waited.as_millis() / retry_after.as_millis() + 1,
        "{shed} attempts shed in {waited:?}"
    );
    assert!(waited >= retry_after, "{waited:?}");
    slow.await.unwrap();
    server.stop().await;
}

#[tokio::test]
async fn without_retries_or_past_the_deadline_the_shed_status_comes_back() {
    let (server, _config, slow) = busy_server(Duration::from_millis(150)).await;
    let url = format!("http://{}", server.addr);

    let once = Client::builder([url.clone()])
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let status = once.analyze(analyze("a", "نص")).await.unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert_eq!(
        lisan::client::server_delay(&status),
        Some(Duration::from_millis(150)),
        "RetryInfo is read"
    );
    let pushback = status.metadata().get("grpc-retry-pushback-ms");
    assert_eq!(
        pushback.and_then(|v| v.to_str().ok()),
        Some("150"),
        "for gRPC's own retry policies"
    );

    // The deadline bounds the retries: it ends before the slot frees.
    let hurried = Client::builder([url])
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let started = Instant::now();
    let status = hurried.analyze(analyze("a", "نص")).await.unwrap_err();
    assert!(
        started.elapsed() < TEST_SLOW_DURATION,
        "{:?}",
        started.elapsed()
    );
    assert!(
        matches!(
            status.code(),
            Code::ResourceExhausted | Code::DeadlineExceeded
        ),
        "{status:?}"
    );
    slow.await.unwrap();
    server.stop().await;
}

#[tokio::test]
async fn calls_are_balanced_over_two_servers_and_survive_one_stopping() {
    let (config_a, config_b) = (Config::default(), Config::default());
    let a = TestServer::start(config_a.clone()).await;
    let b = TestServer::start(config_b.clone()).await;
    let client = Client::builder([format!("http://{}", a.addr), format!("http://{}", b.addr)])
        .build()
        .unwrap();
    let calls: Vec<_> = (0..60)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move { client.analyze(analyze(&format!("d{i}"), "نص.")).await })
        })
        .collect();
    for (i, call) in calls.into_iter().enumerate() {
        assert_eq!(call.await.unwrap().unwrap().document_id, format!("d{i}"));
    }
    let served_a = counter(&config_a, "lisan_requests_total", "code=\"OK\"");
    let served_b = counter(&config_b, "lisan_requests_total", "code=\"OK\"");
    assert_eq!(served_a + served_b, 60);
    assert!(
        served_a > 0 && served_b > 0,
        "both served: {served_a} and {served_b}"
    );

    // One replica goes away: every call still gets its answer.
    a.stop().await;
    for i in 0..20 {
        let response = client.analyze(analyze(&format!("e{i}"), "نص.")).await;
        assert_eq!(
            response.expect("retried on the live server").document_id,
            format!("e{i}")
        );
    }
    b.stop().await;
}

#[tokio::test]
async fn tls_with_a_client_certificate_and_a_token() {
    let pki = pki();
    let server = TestServer::start(Config {
        tls: Some(TlsPem {
            cert: pki.server_cert.clone().into(),
            key: pki.server_key.clone().into(),
            client_ca: Some(pki.ca.clone().into()),
        }),
        auth_tokens: Tokens::parse("secret\n"),
        ..Config::default()
    })
    .await;
    let url = format!("https://localhost:{}", server.addr.port());
    let builder = Client::builder([url])
        .tls_ca_pem(pki.ca.clone())
        .tls_identity_pem(pki.client_cert.clone(), pki.client_key.clone());

    let info = builder
        .clone()
        .token("secret")
        .build()
        .unwrap()
        .get_service_info()
        .await;
    assert!(info
        .expect("TLS, mTLS and the token accepted")
        .limits
        .is_some());
    let status = builder
        .token("wrong")
        .build()
        .unwrap()
        .get_service_info()
        .await
        .unwrap_err();
    assert_eq!(
        status.code(),
        Code::Unauthenticated,
        "not retried: {status:?}"
    );
    server.stop().await;
}

#[tokio::test]
async fn a_stream_answers_every_item_in_order() {
    let server = TestServer::start_default().await;
    let client = Client::connect(format!("http://{}", server.addr)).unwrap();
    let items = (0..5).map(|i| pb::AnalyzeStreamRequest {
        document: Some(pb::Document {
            id: format!("s{i}"),
            ..document("جملة. أخرى.")
        }),
        options: None,
    });
    let answers: Vec<_> = client
        .analyze_stream(tokio_stream::iter(items))
        .await
        .unwrap()
        .map(|r| r.unwrap().document_id)
        .collect()
        .await;
    assert_eq!(answers, ["s0", "s1", "s2", "s3", "s4"]);
    server.stop().await;
}

#[test]
fn building_needs_an_endpoint_and_valid_urls() {
    assert!(Client::builder(Vec::<String>::new()).build().is_err());
    assert!(Client::builder(["not a url"]).build().is_err());
}
