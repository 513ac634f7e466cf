//! Code generated from `proto/` at build time (in `OUT_DIR`).

/// The `lisan.v1` package: messages, the server trait and the client.
#[allow(clippy::all, missing_docs)]
pub mod v1 {
    tonic::include_proto!("lisan.v1");
}

/// The encoded `FileDescriptorSet` of `proto/` and its imports, for server
/// reflection and the JSON printer.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/lisan_descriptor.bin"));

/// The descriptor pool of [`FILE_DESCRIPTOR_SET`], decoded once: what the
/// proto3 JSON mapping (CLI output, the HTTP API) and the OpenAPI document
/// are generated from.
pub fn descriptor_pool() -> &'static prost_reflect::DescriptorPool {
    static POOL: std::sync::OnceLock<prost_reflect::DescriptorPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        prost_reflect::DescriptorPool::decode(FILE_DESCRIPTOR_SET)
            .expect("the built-in descriptor set decodes")
    })
}
