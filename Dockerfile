# Lisan server image: built in a Rust image, run from distroless (glibc, no
# shell, no package manager) as the non-root user 65532.
#   docker build -t lisan .
#   docker run -p 50051:50051 -p 9090:9090 lisan
FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin lisan \
 && cp target/release/lisan /lisan

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /lisan /usr/local/bin/lisan
USER 65532:65532
# Configuration is environment only (README, "Running in production").
ENV LISAN_LISTEN=0.0.0.0:50051 \
    LISAN_METRICS_LISTEN=0.0.0.0:9090 \
    LISAN_LOG_FORMAT=json
EXPOSE 50051 9090
# grpc.health.v1 through the binary itself (no shell, no grpc_health_probe).
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s \
  CMD ["/usr/local/bin/lisan", "health", "--remote", "http://127.0.0.1:50051"]
ENTRYPOINT ["/usr/local/bin/lisan"]
CMD ["serve"]
