//! The `lisan` command line: `serve`, and the RPCs run locally on the
//! embedded core or sent to a server with `--remote`, printed as proto3 JSON.

mod args;
pub mod batch;
pub mod json;
pub mod loadtest;
pub mod ner;

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use clap::Parser;
use tonic::Request;

use crate::proto::v1 as pb;
use crate::proto::v1::text_service_client::TextServiceClient;
use crate::proto::v1::text_service_server::TextService;
use crate::server::{self, Service};

pub use args::{Cli, Command, DocumentArgs, EvalCommand, LogFormat, TrainCommand};

type CliError = Box<dyn std::error::Error>;

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let default_filter = match cli.command {
        Command::Serve(_) => "info",
        _ => "warn",
    };
    let telemetry = init_logging(&cli, cli.log.as_deref().unwrap_or(default_filter));
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("lisan: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(run(cli.command));
    telemetry.flush();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lisan: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What must be flushed before the process exits.
struct Telemetry {
    /// The server's log writer thread: dropping it writes the lines left.
    _log_writer: Option<server::log_writer::LogGuard>,
    #[cfg(feature = "otlp")]
    provider: Option<opentelemetry_sdk::trace::SdkTracerProvider>,
}

impl Telemetry {
    fn flush(self) {
        #[cfg(feature = "otlp")]
        if let Some(provider) = self.provider {
            if let Err(e) = provider.shutdown() {
                eprintln!("lisan: flushing spans to the collector failed: {e}");
            }
        }
    }
}

fn init_logging(cli: &Cli, filter: &str) -> Telemetry {
    use tracing_subscriber::fmt::writer::BoxMakeWriter;
    use tracing_subscriber::prelude::*;
    let filter = tracing_subscriber::EnvFilter::try_new(filter).unwrap_or_else(|_| "info".into());
    // The server logs one line per call: the lines are copied into one
    // buffer that a thread of its own writes out in batches (at most one
    // wake-up and one write per 5 ms window, none when idle), so a slow or
    // blocked standard error never holds a call and a call never wakes a
    // thread for its line (none is dropped: past 1 MiB of lines waiting,
    // the caller waits). See `server::log_writer`.
    let (writer, log_writer) = match cli.command {
        Command::Serve(_) => match server::log_writer::spawn(std::io::stderr()) {
            Ok((writer, guard)) => (BoxMakeWriter::new(writer), Some(guard)),
            Err(e) => {
                eprintln!("lisan: no log thread ({e}); logging straight to standard error");
                (BoxMakeWriter::new(std::io::stderr), None)
            }
        },
        _ => (BoxMakeWriter::new(std::io::stderr), None),
    };
    let fmt = tracing_subscriber::fmt::layer().with_writer(writer);
    let fmt = match cli.log_format {
        // Colours for a terminal; to a file or a pipe, the same line
        // written without styling each piece (`server::log_fields`).
        LogFormat::Text if std::io::stderr().is_terminal() => fmt.with_ansi(true).boxed(),
        LogFormat::Text => fmt
            .with_ansi(false)
            .fmt_fields(server::log_fields::PlainFields)
            .event_format(server::log_fields::PlainLine::default())
            .boxed(),
        LogFormat::Json => fmt
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .boxed(),
    };
    let registry = tracing_subscriber::registry().with(fmt).with(filter);
    #[cfg(feature = "otlp")]
    if let Some(endpoint) = &cli.otlp_endpoint {
        match server::otlp::layer(endpoint) {
            Ok((provider, layer)) => {
                let _ = registry.with(layer).try_init();
                return Telemetry {
                    _log_writer: log_writer,
                    provider: Some(provider),
                };
            }
            Err(e) => eprintln!("lisan: no span export to {endpoint}: {e}"),
        }
    }
    let _ = registry.try_init();
    Telemetry {
        _log_writer: log_writer,
        #[cfg(feature = "otlp")]
        provider: None,
    }
}

async fn run(command: Command) -> Result<(), CliError> {
    match command {
        Command::Serve(args) => {
            let config = args.config()?;
            if let Some(address) = args.metrics_listen {
                let metrics = tokio::net::TcpListener::bind(address).await?;
                tracing::info!(address = %metrics.local_addr()?, "metrics at /metrics");
                tokio::spawn(server::metrics::serve_metrics(
                    metrics,
                    config.metrics.clone(),
                ));
            }
            let listener = tokio::net::TcpListener::bind(args.listen).await?;
            tracing::info!(address = %listener.local_addr()?, tls = config.tls.is_some(), "lisan serving");
            let http = match args.http_listen {
                Some(address) => {
                    let http = tokio::net::TcpListener::bind(address).await?;
                    tracing::info!(address = %http.local_addr()?, "HTTP/JSON API and playground");
                    Some(http)
                }
                None => None,
            };
            server::serve_with_http(listener, http, shutdown_signal(), config)
                .await
                .map_err(|e| e as CliError)
        }
        Command::Normalize(args) => {
            let request = pb::NormalizeRequest {
                document: Some(args.document()?),
                options: args.normalize_options(),
                offset_unit: pb::OffsetUnit::from(args.offset_unit) as i32,
                omit_alignment: false,
            };
            let response = match connect(&args).await? {
                Some(mut client) => client.normalize(request).await?.into_inner(),
                None => local().normalize(Request::new(request)).await?.into_inner(),
            };
            print(&response, "lisan.v1.NormalizeResponse")
        }
        Command::Segment(args) => {
            let (levels, clitic_convention) = args.segment_levels();
            let request = pb::SegmentRequest {
                document: Some(args.document()?),
                offset_unit: pb::OffsetUnit::from(args.offset_unit) as i32,
                levels,
                normalization: args.normalize_options(),
                clitic_convention,
            };
            let response = match connect(&args).await? {
                Some(mut client) => client.segment(request).await?.into_inner(),
                None => local().segment(Request::new(request)).await?.into_inner(),
            };
            print(&response, "lisan.v1.SegmentResponse")
        }
        Command::Extract(args) => {
            let request = pb::ExtractRequest {
                document: Some(args.document()?),
                offset_unit: pb::OffsetUnit::from(args.offset_unit) as i32,
                entity_types: Vec::new(),
                document_features: document_features(&args),
                max_keyphrases: args.keyphrases.unwrap_or(0),
            };
            let response = match connect(&args).await? {
                Some(mut client) => client.extract(request).await?.into_inner(),
                None => local_with(&args)?
                    .extract(Request::new(request))
                    .await?
                    .into_inner(),
            };
            print(&response, "lisan.v1.ExtractResponse")
        }
        Command::Analyze(args) => {
            let request = pb::AnalyzeRequest {
                document: Some(args.document()?),
                options: Some(pb::AnalyzeOptions {
                    offset_unit: pb::OffsetUnit::from(args.offset_unit) as i32,
                    normalization: args.normalize_options(),
                    levels: args.segment_levels().0,
                    clitic_convention: args.segment_levels().1,
                    ..Default::default()
                }),
            };
            let response = match connect(&args).await? {
                Some(mut client) => client.analyze(request).await?.into_inner(),
                None => local_with(&args)?
                    .analyze(Request::new(request))
                    .await?
                    .into_inner(),
            };
            print(&response, "lisan.v1.AnalyzeResponse")
        }
        Command::Batch(args) => batch::run(args).await,
        Command::Loadtest(args) => loadtest::run(args).await,
        Command::Health {
            remote,
            service,
            timeout_ms,
        } => {
            health(
                remote,
                service,
                std::time::Duration::from_millis(timeout_ms),
            )
            .await
        }
        Command::Eval { what } => {
            run_eval(what)?;
            Ok(())
        }
        Command::Train {
            what: TrainCommand::Ner(args),
        } => ner::run_train(args),
        Command::Info {
            descriptor_set: Some(path),
            ..
        } => std::fs::write(&path, crate::proto::FILE_DESCRIPTOR_SET)
            .map_err(|e| format!("{}: {e}", path.display()).into()),
        Command::Info { remote, .. } => {
            let request = pb::GetServiceInfoRequest {};
            let response = match remote {
                Some(url) => TextServiceClient::connect(url)
                    .await?
                    .get_service_info(request)
                    .await?
                    .into_inner(),
                None => local()
                    .get_service_info(Request::new(request))
                    .await?
                    .into_inner(),
            };
            print(&response, "lisan.v1.GetServiceInfoResponse")
        }
    }
}

fn run_eval(what: EvalCommand) -> Result<(), CliError> {
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
    };
    match what {
        EvalCommand::Sentences { gold } => {
            let score = crate::eval::sentences::evaluate(&read(&gold)?);
            println!("sentences  {score}");
        }
        EvalCommand::Duckling {
            corpus,
            show_failures,
        } => {
            let scores =
                crate::eval::duckling::evaluate_showing_failures(&read(&corpus)?, |row| {
                    if show_failures {
                        eprintln!("{row}");
                    }
                })?;
            let (mut passed, mut total) = (0, 0);
            for (dim, (p, t)) in &scores {
                println!(
                    "{dim:<16} {p:>4} / {t:<4} {:6.1}%",
                    100.0 * *p as f64 / *t as f64
                );
                passed += p;
                total += t;
            }
            println!(
                "{:<16} {passed:>4} / {total:<4} {:6.1}%",
                "all",
                100.0 * passed as f64 / total.max(1) as f64
            );
        }
        EvalCommand::Conllu { gold } => {
            let gold = read(&gold)?;
            let scores = crate::eval::conllu::evaluate(&gold);
            println!("sentences  {}", scores.sentences);
            println!("tokens     {}", scores.tokens);
            println!("words      {}", scores.words);
            let names = crate::eval::proper_nouns::evaluate(&gold);
            println!("names      {names}  (words of named entities vs proper nouns)");
        }
        EvalCommand::Ner { gold, ner_model } => ner::run_eval(&gold, ner_model.as_deref())?,
    }
    Ok(())
}

/// Checks grpc.health.v1 of `remote` for `service`: Ok when SERVING.
async fn health(
    remote: String,
    service: String,
    timeout: std::time::Duration,
) -> Result<(), CliError> {
    use tonic_health::pb::{
        health_check_response::ServingStatus, health_client::HealthClient, HealthCheckRequest,
    };
    let check = async {
        let channel = tonic::transport::Endpoint::from_shared(remote.clone())?
            .connect()
            .await?;
        let response = HealthClient::new(channel)
            .check(HealthCheckRequest {
                service: service.clone(),
            })
            .await?
            .into_inner();
        Ok::<_, CliError>(response.status())
    };
    let status = tokio::time::timeout(timeout, check)
        .await
        .map_err(|_| format!("{remote}: no answer within {timeout:?}"))??;
    if status == ServingStatus::Serving {
        println!("SERVING");
        Ok(())
    } else {
        Err(format!("{remote} {service:?}: {}", status.as_str_name()).into())
    }
}

/// The service with default limits, called in process.
fn local() -> Service {
    Service::new(server::Config::default())
}

/// The document features `lisan extract` asks for.
fn document_features(args: &DocumentArgs) -> Vec<i32> {
    let asked = [
        (args.page, pb::DocumentFeature::PageStructure),
        (args.keyphrases.is_some(), pb::DocumentFeature::Keyphrases),
        (args.paragraph_languages, pb::DocumentFeature::Languages),
    ];
    asked
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, f)| *f as i32)
        .collect()
}

/// [`local`] with the document flags' `--ner-model`.
fn local_with(args: &DocumentArgs) -> Result<Service, CliError> {
    Ok(Service::new(server::Config {
        ner_model: args::load_ner_model(args.ner_model.as_deref())?,
        ..server::Config::default()
    }))
}

async fn connect(
    args: &DocumentArgs,
) -> Result<Option<TextServiceClient<tonic::transport::Channel>>, CliError> {
    match &args.remote {
        Some(url) => Ok(Some(TextServiceClient::connect(url.clone()).await?)),
        None => Ok(None),
    }
}

fn print<M: prost::Message>(message: &M, name: &str) -> Result<(), CliError> {
    println!("{}", json::to_json(message, name)?);
    Ok(())
}

/// Reads the input file, or standard input for `-`.
fn read_input(path: &str) -> Result<Vec<u8>, CliError> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(bytes)
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sigterm) => {
                sigterm.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
