//! The OpenAPI 3 document of the HTTP API, generated at start-up from the
//! route table and the proto descriptors: one path per route, one schema per
//! message reachable from a route, each field as the proto3 JSON mapping
//! writes it. A field added to the proto appears with no change here.

use std::collections::{BTreeMap, VecDeque};

use prost_reflect::{FieldDescriptor, Kind, MessageDescriptor};
use serde_json::{json, Map, Value};

use super::routes::{method_descriptor, Shape, ROUTES};

/// The component name of the error body.
const ERROR_SCHEMA: &str = "Error";

/// The whole document.
pub fn document() -> Value {
    let mut schemas = Schemas::default();
    let mut paths = Map::new();
    for route in &ROUTES {
        let Some(method) = method_descriptor(route.rpc) else {
            continue;
        };
        let input = schemas.reference(&method.input());
        let output = schemas.reference(&method.output());
        let mut operation = json!({
            "operationId": route.rpc,
            "summary": comment(method.parent_file().file_descriptor_proto(), method.path()),
            "responses": responses(route.shape, output),
        });
        match route.shape {
            Shape::Get => {}
            Shape::Unary => {
                operation["requestBody"] = json!({
                    "required": true,
                    "content": { "application/json": { "schema": input } },
                });
            }
            Shape::Batch => {
                operation["description"] = json!(
                    "NDJSON: one request message per line in, one response message per line out, in input order."
                );
                operation["requestBody"] = json!({
                    "required": true,
                    "content": { "application/x-ndjson": { "schema": input } },
                });
            }
        }
        let entry = paths
            .entry(route.path.to_string())
            .or_insert_with(|| json!({}));
        entry[route.method.as_str().to_ascii_lowercase()] = operation;
    }
    let mut components = schemas.finish();
    components.insert(ERROR_SCHEMA.to_string(), error_schema());
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Lisan HTTP/JSON API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The RPCs of lisan.v1.TextService over HTTP, bodies in the proto3 JSON mapping. Generated from the proto.",
        },
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
        },
        "security": [ {}, { "bearer": [] } ],
    })
}

/// The responses of a route: the message, or an error.
fn responses(shape: Shape, output: Value) -> Value {
    let media = if shape == Shape::Batch {
        "application/x-ndjson"
    } else {
        "application/json"
    };
    let error = |description: &str| {
        json!({
            "description": description,
            "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{ERROR_SCHEMA}") } } },
        })
    };
    let mut too_many = error("RESOURCE_EXHAUSTED: the server is at its limit of concurrent calls");
    too_many["headers"] = json!({
        "Retry-After": { "description": "Seconds to wait", "schema": { "type": "integer" } },
    });
    json!({
        "200": { "description": "OK", "content": { media: { "schema": output } } },
        "400": error("INVALID_ARGUMENT or OUT_OF_RANGE: a bad request, with BadRequest details"),
        "401": error("UNAUTHENTICATED: a bearer token is required"),
        "408": error("The body was not received in time"),
        "413": error("The body is over the size limit"),
        "415": error("The content type is not the one the route reads"),
        "429": too_many,
        "default": error("Any other error (google.rpc.Status)"),
    })
}

/// The error body: `google.rpc.Status` with the HTTP code and the code's name.
fn error_schema() -> Value {
    json!({
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "status", "message"],
                "properties": {
                    "code": { "type": "integer", "description": "The HTTP status code" },
                    "status": { "type": "string", "description": "The gRPC code's name, like INVALID_ARGUMENT" },
                    "message": { "type": "string" },
                    "details": { "type": "array", "items": any_schema() },
                },
            },
        },
    })
}

/// A `google.protobuf.Any` in proto3 JSON: its `@type` and its fields.
fn any_schema() -> Value {
    json!({
        "type": "object",
        "properties": { "@type": { "type": "string" } },
        "additionalProperties": true,
    })
}

/// The schemas of the messages referenced so far, and those still to write.
#[derive(Default)]
struct Schemas {
    done: BTreeMap<String, Value>,
    queue: VecDeque<MessageDescriptor>,
}

impl Schemas {
    /// A `$ref` to `message`'s schema (or the inline schema of a well-known
    /// type), queueing it to be written.
    fn reference(&mut self, message: &MessageDescriptor) -> Value {
        if let Some(schema) = well_known(message.full_name()) {
            return schema;
        }
        let name = message.full_name().to_string();
        if !self.done.contains_key(&name) && !self.queue.iter().any(|m| m.full_name() == name) {
            self.queue.push_back(message.clone());
        }
        json!({ "$ref": format!("#/components/schemas/{name}") })
    }

    /// Writes every queued message, and those they reference.
    fn finish(mut self) -> Map<String, Value> {
        while let Some(message) = self.queue.pop_front() {
            let schema = self.message_schema(&message);
            self.done.insert(message.full_name().to_string(), schema);
        }
        self.done.into_iter().collect()
    }

    fn message_schema(&mut self, message: &MessageDescriptor) -> Value {
        let file = message.parent_file();
        let mut properties = Map::new();
        for field in message.fields() {
            let mut schema = self.field_schema(&field);
            let doc = comment(file.file_descriptor_proto(), field.path());
            if !doc.is_empty() && schema.get("$ref").is_none() {
                schema["description"] = json!(doc);
            }
            properties.insert(field.json_name().to_string(), schema);
        }
        let mut schema = json!({
            "type": "object",
            "properties": properties,
            "additionalProperties": false,
        });
        let doc = comment(file.file_descriptor_proto(), message.path());
        if !doc.is_empty() {
            schema["description"] = json!(doc);
        }
        schema
    }

    fn field_schema(&mut self, field: &FieldDescriptor) -> Value {
        if field.is_map() {
            let Kind::Message(entry) = field.kind() else {
                return json!({});
            };
            let value = entry.map_entry_value_field();
            return json!({ "type": "object", "additionalProperties": self.kind_schema(&value.kind()) });
        }
        let item = self.kind_schema(&field.kind());
        if field.is_list() {
            json!({ "type": "array", "items": item })
        } else {
            item
        }
    }

    /// The proto3 JSON form of one value of `kind`.
    fn kind_schema(&mut self, kind: &Kind) -> Value {
        match kind {
            Kind::Double | Kind::Float => json!({ "type": "number" }),
            Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => {
                json!({ "type": "integer", "format": "int32" })
            }
            Kind::Uint32 | Kind::Fixed32 => {
                json!({ "type": "integer", "minimum": 0, "maximum": u32::MAX })
            }
            // 64-bit integers are strings in proto3 JSON.
            Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => {
                json!({ "type": "string", "pattern": "^-?[0-9]{1,19}$" })
            }
            Kind::Uint64 | Kind::Fixed64 => json!({ "type": "string", "pattern": "^[0-9]{1,20}$" }),
            Kind::Bool => json!({ "type": "boolean" }),
            Kind::String => json!({ "type": "string" }),
            Kind::Bytes => json!({ "type": "string", "format": "byte" }),
            Kind::Enum(e) => {
                let names: Vec<String> = e.values().map(|v| v.name().to_string()).collect();
                json!({ "type": "string", "enum": names })
            }
            Kind::Message(m) => self.reference(m),
        }
    }
}

/// The proto3 JSON forms of the well-known types the proto uses.
fn well_known(name: &str) -> Option<Value> {
    Some(match name {
        "google.protobuf.Timestamp" => json!({ "type": "string", "format": "date-time" }),
        "google.protobuf.Duration" => {
            json!({ "type": "string", "pattern": "^-?[0-9]{1,12}(\\.[0-9]{1,9})?s$" })
        }
        "google.protobuf.Any" => any_schema(),
        _ => return None,
    })
}

/// The leading comment of the element at `path` in `file`, one line.
fn comment(file: &prost_types::FileDescriptorProto, path: &[i32]) -> String {
    file.source_code_info
        .as_ref()
        .and_then(|info| info.location.iter().find(|l| l.path == path))
        .and_then(|l| l.leading_comments.as_deref())
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proto::descriptor_pool;

    fn schema<'a>(doc: &'a Value, name: &str) -> &'a Value {
        &doc["components"]["schemas"][name]
    }

    #[test]
    fn every_route_has_a_path_with_its_method() {
        let doc = document();
        for route in &ROUTES {
            let op = &doc["paths"][route.path][route.method.as_str().to_ascii_lowercase()];
            assert_eq!(op["operationId"], route.rpc, "{}", route.path);
        }
    }

    #[test]
    fn every_reference_resolves() {
        let doc = document();
        let text = doc.to_string();
        for piece in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
            let name = piece.split('"').next().unwrap();
            assert!(schema(&doc, name).is_object(), "{name} has no schema");
        }
    }

    #[test]
    fn every_field_of_every_referenced_message_is_a_property() {
        let doc = document();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        let mut checked = 0;
        for (name, schema) in schemas {
            let Some(message) = descriptor_pool().get_message_by_name(name) else {
                continue;
            };
            for field in message.fields() {
                assert!(
                    schema["properties"].get(field.json_name()).is_some(),
                    "{name}.{} missing",
                    field.json_name()
                );
                checked += 1;
            }
        }
        // The extraction response and its entities are among them.
        for name in [
            "lisan.v1.ExtractResponse",
            "lisan.v1.Entity",
            "google.rpc.Status",
        ] {
            assert!(schemas.contains_key(name), "{name}");
        }
        assert!(checked > 100, "only {checked} fields");
    }

    #[test]
    fn fields_take_their_proto3_json_forms() {
        let doc = document();
        let document_schema = schema(&doc, "lisan.v1.Document");
        assert_eq!(
            document_schema["properties"]["referenceTime"]["format"],
            "date-time"
        );
        assert_eq!(document_schema["properties"]["content"]["format"], "byte");
        let limits = schema(&doc, "lisan.v1.Limits");
        assert_eq!(limits["properties"]["maxDocumentBytes"]["type"], "string");
        let entity = schema(&doc, "lisan.v1.Entity");
        let types = entity["properties"]["type"]["enum"].as_array().unwrap();
        assert!(types.contains(&json!("ENTITY_TYPE_MONEY")));
    }
}
