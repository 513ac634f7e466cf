//! TLS with rustls (through tonic): the server's identity and, for mutual
//! TLS, the CA that client certificates must chain to.

use tonic::transport::{Certificate, Identity, ServerTlsConfig};

use super::config::TlsPem;

/// The tonic TLS configuration for `tls`. With a client CA, a client
/// without a certificate signed by it fails the handshake.
pub fn server_config(tls: &TlsPem) -> ServerTlsConfig {
    let config = ServerTlsConfig::new().identity(Identity::from_pem(&tls.cert, &tls.key));
    match &tls.client_ca {
        Some(ca) => config.client_ca_root(Certificate::from_pem(ca)),
        None => config,
    }
}
