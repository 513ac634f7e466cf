//! grpc.health.v1, server reflection (v1 and v1alpha) and graceful shutdown.

mod common;

use std::time::Duration;

use common::{document, TestServer};
use lisan::proto::v1 as pb;
use lisan::server::Config;
use tokio_stream::StreamExt;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

async fn health(server: &TestServer, service: &str) -> Result<i32, tonic::Status> {
    let mut client = HealthClient::new(server.channel.clone());
    let request = HealthCheckRequest {
        service: service.into(),
    };
    Ok(client.check(request).await?.into_inner().status)
}

#[tokio::test]
async fn health_is_serving_then_not_serving_on_shutdown() {
    let mut server = TestServer::start(Config {
        shutdown_drain: Duration::from_millis(1500),
        ..Config::default()
    })
    .await;
    for service in ["", "lisan.v1.TextService"] {
        assert_eq!(
            health(&server, service).await.unwrap(),
            ServingStatus::Serving as i32
        );
    }
    server.signal_shutdown();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        health(&server, "").await.unwrap(),
        ServingStatus::NotServing as i32
    );
    assert_eq!(
        health(&server, "lisan.v1.TextService").await.unwrap(),
        ServingStatus::NotServing as i32
    );
    // Calls are still answered while draining.
    let reply = server
        .client()
        .normalize(pb::NormalizeRequest {
            document: Some(document("نص")),
            ..Default::default()
        })
        .await;
    assert!(
        reply.is_ok(),
        "calls during the drain are served: {reply:?}"
    );
    server.stop().await;
}

#[tokio::test]
async fn an_in_flight_stream_finishes_during_shutdown() {
    let mut server = TestServer::start_default().await;
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let mut responses = server
        .client()
        .analyze_stream(tokio_stream::wrappers::ReceiverStream::new(rx))
        .await
        .unwrap()
        .into_inner();
    let item = |id: &str| pb::AnalyzeStreamRequest {
        document: Some(pb::Document {
            id: id.into(),
            text: "جملة.".into(),
            ..Default::default()
        }),
        options: None,
    };
    tx.send(item("before")).await.unwrap();
    assert_eq!(
        responses.next().await.unwrap().unwrap().document_id,
        "before"
    );
    server.signal_shutdown();
    tx.send(item("during")).await.unwrap();
    assert_eq!(
        responses.next().await.unwrap().unwrap().document_id,
        "during"
    );
    drop(tx);
    assert!(responses.next().await.is_none());
    server.stop().await;
}

#[tokio::test]
async fn reflection_v1_lists_and_describes_every_service() {
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
    use tonic_reflection::pb::v1::ServerReflectionRequest;

    let server = TestServer::start_default().await;
    let mut client = ServerReflectionClient::new(server.channel.clone());
    let requests = vec![
        ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::ListServices(String::new())),
        },
        ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::FileContainingSymbol(
                "lisan.v1.TextService".into(),
            )),
        },
    ];
    let mut replies = client
        .server_reflection_info(tokio_stream::iter(requests))
        .await
        .unwrap()
        .into_inner();
    let listed = replies.next().await.unwrap().unwrap();
    let Some(MessageResponse::ListServicesResponse(list)) = listed.message_response else {
        panic!("expected a service list");
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    for wanted in ["lisan.v1.TextService", "grpc.health.v1.Health"] {
        assert!(
            names.iter().any(|n| n == wanted),
            "{wanted} not listed in {names:?}"
        );
    }
    let described = replies.next().await.unwrap().unwrap();
    let Some(MessageResponse::FileDescriptorResponse(files)) = described.message_response else {
        panic!("expected file descriptors");
    };
    assert!(!files.file_descriptor_proto.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn reflection_v1alpha_lists_services_for_older_clients() {
    use tonic_reflection::pb::v1alpha::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1alpha::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1alpha::server_reflection_response::MessageResponse;
    use tonic_reflection::pb::v1alpha::ServerReflectionRequest;

    let server = TestServer::start_default().await;
    let mut client = ServerReflectionClient::new(server.channel.clone());
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut replies = client
        .server_reflection_info(tokio_stream::iter(vec![request]))
        .await
        .unwrap()
        .into_inner();
    let Some(MessageResponse::ListServicesResponse(list)) =
        replies.next().await.unwrap().unwrap().message_response
    else {
        panic!("expected a service list");
    };
    assert!(list
        .service
        .iter()
        .any(|s| s.name == "lisan.v1.TextService"));
    server.stop().await;
}
