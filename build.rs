//! Compiles `proto/` with protox (pure Rust, no system `protoc`) and generates
//! the tonic/prost code into `OUT_DIR`, with the descriptor set used by
//! server reflection and by the JSON printer.

use std::{env, fs, path::PathBuf};

use prost::Message;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let protos = [
        "proto/lisan/v1/lisan.proto",
        "proto/google/rpc/error_details.proto",
    ];
    println!("cargo:rerun-if-changed=proto");

    let fds = protox::compile(protos, ["proto"])?;
    let out_dir = PathBuf::from(env::var("OUT_DIR")?);
    fs::write(out_dir.join("lisan_descriptor.bin"), fds.encode_to_vec())?;

    tonic_prost_build::configure()
        .extern_path(".google.rpc", "::tonic_types::pb")
        // prost's codec, with a Normalize answer written by hand (src/server/codec.rs).
        .codec_path("crate::server::codec::LisanCodec")
        .compile_fds(fds)?;
    Ok(())
}
