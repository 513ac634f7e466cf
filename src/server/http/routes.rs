//! The route table (one row per RPC of `lisan.v1.TextService`, checked
//! against the proto's service by a test) and the dispatch: every route
//! checks the bearer token like the gRPC interceptor, reads its body, and
//! calls the same [`Service`] method the gRPC server calls.

use std::future::Future;
use std::time::Instant;

use http::{Method, Request, Response, StatusCode};
use hyper::body::Incoming;
use prost::Message;
use prost_reflect::MethodDescriptor;
use tonic::metadata::MetadataMap;
use tonic::service::Interceptor;
use tonic::{Extensions, Status};

use super::super::auth::Auth;
use super::super::call::Arrived;
use super::super::{status, Service};
use super::{batch, body, error, json, openapi, playground, Body};
use crate::proto::v1 as pb;
use crate::proto::v1::text_service_server::TextService;

/// The full name of the service the routes serve.
pub const SERVICE: &str = "lisan.v1.TextService";

/// How a route takes its request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// POST, one JSON request message, one JSON response message.
    Unary,
    /// GET, no body (the request message is empty).
    Get,
    /// POST, NDJSON request messages in, NDJSON responses out, streamed.
    Batch,
}

/// One route: an RPC of the service at a method and path.
#[derive(Clone, Debug)]
pub struct Route {
    pub method: Method,
    pub path: &'static str,
    /// The RPC's name in the proto's service.
    pub rpc: &'static str,
    pub shape: Shape,
}

/// Every RPC of the service, over HTTP.
pub static ROUTES: [Route; 6] = [
    route(Method::POST, "/v1/normalize", "Normalize", Shape::Unary),
    route(Method::POST, "/v1/segment", "Segment", Shape::Unary),
    route(Method::POST, "/v1/extract", "Extract", Shape::Unary),
    route(Method::POST, "/v1/analyze", "Analyze", Shape::Unary),
    route(
        Method::POST,
        "/v1/analyze:batch",
        "AnalyzeStream",
        Shape::Batch,
    ),
    route(Method::GET, "/v1/info", "GetServiceInfo", Shape::Get),
];

const fn route(method: Method, path: &'static str, rpc: &'static str, shape: Shape) -> Route {
    Route {
        method,
        path,
        rpc,
        shape,
    }
}

/// The path of the OpenAPI document.
pub const OPENAPI_PATH: &str = "/openapi.json";
/// The path of the playground page.
pub const PLAYGROUND_PATH: &str = "/";

/// The RPC's descriptor in the proto's service.
pub fn method_descriptor(rpc: &str) -> Option<MethodDescriptor> {
    crate::proto::descriptor_pool()
        .get_service_by_name(SERVICE)?
        .methods()
        .find(|m| m.name() == rpc)
}

/// The HTTP API: the service, the token check and the OpenAPI document.
pub struct Api {
    service: Service,
    auth: Auth,
    openapi: bytes::Bytes,
}

impl Api {
    pub fn new(service: Service) -> Api {
        let auth = Auth(service.config().auth_tokens.clone());
        let openapi = serde_json::to_vec(&openapi::document()).unwrap_or_default();
        Api {
            service,
            auth,
            openapi: openapi.into(),
        }
    }

    /// Answers one request; never fails (errors are JSON responses).
    pub async fn handle(&self, request: Request<Incoming>) -> Response<Body> {
        let arrived = Arrived(Instant::now());
        let path = request.uri().path().to_string();
        let method = request.method().clone();
        let answer = match path.as_str() {
            PLAYGROUND_PATH => only_get(&method).map(|()| playground::response()),
            OPENAPI_PATH => only_get(&method).map(|()| {
                error::bytes_response(StatusCode::OK, "application/json", self.openapi.clone())
            }),
            _ => match find(&method, &path) {
                Ok(route) => self.call(route, request, arrived).await,
                Err(status) => Err(status),
            },
        };
        answer.unwrap_or_else(|status| error::response(&status))
    }

    async fn call(
        &self,
        route: &Route,
        request: Request<Incoming>,
        arrived: Arrived,
    ) -> Result<Response<Body>, Status> {
        let (parts, body) = request.into_parts();
        let metadata = MetadataMap::from_headers(parts.headers.clone());
        self.auth.clone().call(tonic::Request::from_parts(
            metadata.clone(),
            Extensions::new(),
            (),
        ))?;
        let mut extensions = Extensions::new();
        extensions.insert(arrived);
        let config = self.service.config();
        let bytes = match route.shape {
            Shape::Get => bytes::Bytes::new(),
            Shape::Batch => {
                body::check_content_type(&parts.headers, &body::NDJSON)?;
                return batch::respond(&self.service, metadata, extensions, body);
            }
            Shape::Unary => {
                body::check_content_type(&parts.headers, &[body::JSON])?;
                body::read_all(
                    &parts.headers,
                    body,
                    config.max_request_bytes,
                    config.http_read_timeout,
                )
                .await?
            }
        };
        let call = Unary {
            service: self.service.clone(),
            rpc: route.rpc,
            body: &bytes,
            metadata,
            extensions,
        };
        match route.rpc {
            "Normalize" => {
                call.run(|s, r: tonic::Request<pb::NormalizeRequest>| async move {
                    s.normalize(r).await
                })
                .await
            }
            "Segment" => {
                call.run(
                    |s, r: tonic::Request<pb::SegmentRequest>| async move { s.segment(r).await },
                )
                .await
            }
            "Extract" => {
                call.run(
                    |s, r: tonic::Request<pb::ExtractRequest>| async move { s.extract(r).await },
                )
                .await
            }
            "Analyze" => {
                call.run(
                    |s, r: tonic::Request<pb::AnalyzeRequest>| async move { s.analyze(r).await },
                )
                .await
            }
            "GetServiceInfo" => {
                call.run(
                    |s, r: tonic::Request<pb::GetServiceInfoRequest>| async move {
                        s.get_service_info(r).await
                    },
                )
                .await
            }
            other => Err(status::route_not_found(other)),
        }
    }
}

/// The route at `path` for `method`: NOT_FOUND for no route there, and
/// METHOD_NOT_ALLOWED (405) for a route asked with another method.
pub fn find(method: &Method, path: &str) -> Result<&'static Route, Status> {
    let mut at_path = ROUTES.iter().filter(|r| r.path == path).peekable();
    if at_path.peek().is_none() {
        return Err(status::route_not_found(path));
    }
    let allowed: Vec<&'static Route> = at_path.collect();
    allowed
        .iter()
        .find(|r| r.method == method)
        .copied()
        .ok_or_else(|| {
            let allow: Vec<&str> = allowed.iter().map(|r| r.method.as_str()).collect();
            status::method_not_allowed(method.as_str(), &allow.join(", "))
        })
}

/// The pages are read-only.
fn only_get(method: &Method) -> Result<(), Status> {
    if method == Method::GET {
        Ok(())
    } else {
        Err(status::method_not_allowed(method.as_str(), "GET"))
    }
}

/// One unary call: its JSON body in, the service's answer out as JSON.
struct Unary<'a> {
    service: Service,
    rpc: &'static str,
    body: &'a [u8],
    metadata: MetadataMap,
    extensions: Extensions,
}

impl Unary<'_> {
    async fn run<Req, Resp, F, Fut>(self, method: F) -> Result<Response<Body>, Status>
    where
        Req: Message + Default,
        Resp: Message,
        F: FnOnce(Service, tonic::Request<Req>) -> Fut,
        Fut: Future<Output = Result<tonic::Response<Resp>, Status>>,
    {
        let descriptor = method_descriptor(self.rpc)
            .ok_or_else(|| status::internal("finding the RPC in the descriptor set"))?;
        let request: Req = if self.body.is_empty() && descriptor.input().fields().len() == 0 {
            Req::default()
        } else {
            json::from_slice(self.body, descriptor.input().full_name(), "body")?
        };
        let request = tonic::Request::from_parts(self.metadata, self.extensions, request);
        let limit = self.service.config().max_response_bytes;
        let (metadata, message, _) = method(self.service, request).await?.into_parts();
        if message.encoded_len() > limit {
            return Err(status::response_too_large(limit));
        }
        let bytes = json::to_vec(&message, descriptor.output().full_name())
            .map_err(|_| status::internal("writing the response as JSON"))?;
        let mut response = error::bytes_response(StatusCode::OK, "application/json", bytes);
        error::copy_lisan_headers(&metadata, response.headers_mut());
        Ok(response)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn the_routes_cover_every_rpc_of_the_proto_service_once() {
        let service = crate::proto::descriptor_pool()
            .get_service_by_name(SERVICE)
            .expect("the service is in the descriptor set");
        let in_proto: BTreeSet<String> = service.methods().map(|m| m.name().to_string()).collect();
        let routed: Vec<&str> = ROUTES.iter().map(|r| r.rpc).collect();
        let routed_set: BTreeSet<String> = routed.iter().map(|s| s.to_string()).collect();
        assert_eq!(routed_set, in_proto, "routes and proto RPCs differ");
        assert_eq!(routed.len(), routed_set.len(), "an RPC routed twice");
    }

    #[test]
    fn route_shapes_follow_the_rpc_shapes() {
        for route in &ROUTES {
            let method = method_descriptor(route.rpc).unwrap();
            let streaming = method.is_client_streaming() || method.is_server_streaming();
            assert_eq!(streaming, route.shape == Shape::Batch, "{}", route.rpc);
            let empty_input = method.input().fields().len() == 0;
            assert_eq!(empty_input, route.shape == Shape::Get, "{}", route.rpc);
        }
    }

    #[test]
    fn unknown_paths_and_methods_are_told_apart() {
        assert_eq!(find(&Method::POST, "/v1/analyze").unwrap().rpc, "Analyze");
        let wrong_method = find(&Method::GET, "/v1/analyze").unwrap_err();
        assert_eq!(
            error::status_code(&wrong_method),
            StatusCode::METHOD_NOT_ALLOWED
        );
        let missing = find(&Method::POST, "/v1/nothing").unwrap_err();
        assert_eq!(error::status_code(&missing), StatusCode::NOT_FOUND);
    }
}
