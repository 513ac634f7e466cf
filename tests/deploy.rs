//! The deployment files hang together: the Kubernetes manifests parse and
//! agree with each other and with the binary (ports, probes, env names),
//! the Dockerfile runs as non-root with a health check, and `lisan health`
//! (what that health check runs) tells a serving server from a missing one.

mod common;

use std::path::Path;
use std::process::Command;

use common::TestServer;
use lisan::proto::v1::text_service_server::SERVICE_NAME;
use serde_yaml::Value;

fn manifests() -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/k8s");
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() == "kustomization.yaml" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for doc in text.split("\n---\n") {
            docs.push(
                serde_yaml::from_str(doc).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
            );
        }
    }
    docs
}

fn kind<'a>(docs: &'a [Value], kind: &str) -> Vec<&'a Value> {
    docs.iter().filter(|d| d["kind"] == kind).collect()
}

fn lisan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lisan"))
}

#[test]
fn kubernetes_manifests_agree_with_each_other_and_the_binary() {
    let docs = manifests();
    let deployment = kind(&docs, "Deployment")[0];
    let pod = &deployment["spec"]["template"];
    let labels = &pod["metadata"]["labels"];
    assert_eq!(&deployment["spec"]["selector"]["matchLabels"], labels);
    let container = &pod["spec"]["containers"][0];
    let grpc_port = container["ports"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "grpc")
        .expect("a port named grpc")["containerPort"]
        .as_u64()
        .unwrap();
    for probe in ["readinessProbe", "livenessProbe", "startupProbe"] {
        assert_eq!(
            container[probe]["grpc"]["port"].as_u64(),
            Some(grpc_port),
            "{probe} is a native gRPC probe"
        );
    }
    assert_eq!(
        container["readinessProbe"]["grpc"]["service"].as_str(),
        Some(SERVICE_NAME)
    );
    for bound in ["requests", "limits"] {
        for resource in ["cpu", "memory"] {
            assert!(
                !container["resources"][bound][resource].is_null(),
                "{bound}.{resource}"
            );
        }
    }
    assert_eq!(
        pod["spec"]["securityContext"]["runAsNonRoot"],
        Value::Bool(true)
    );

    // Config through env: every key is a variable `lisan serve` reads.
    let config = kind(&docs, "ConfigMap")[0];
    assert_eq!(
        container["envFrom"][0]["configMapRef"]["name"],
        config["metadata"]["name"]
    );
    let help =
        String::from_utf8(lisan().args(["serve", "--help"]).output().unwrap().stdout).unwrap();
    let data = config["data"].as_mapping().unwrap();
    for key in data.keys() {
        let key = key.as_str().unwrap();
        assert!(
            help.contains(&format!("[env: {key}")),
            "{key} is not a `lisan serve` variable"
        );
    }
    assert!(data[&Value::from("LISAN_LISTEN")]
        .as_str()
        .unwrap()
        .ends_with(&format!(":{grpc_port}")));
    let seconds = |key: &str, per_second: f64| {
        data[&Value::from(key)]
            .as_str()
            .unwrap()
            .parse::<f64>()
            .unwrap()
            / per_second
    };
    let shutdown =
        seconds("LISAN_SHUTDOWN_DRAIN_MS", 1000.0) + seconds("LISAN_SHUTDOWN_GRACE_SECONDS", 1.0);
    let termination = pod["spec"]["terminationGracePeriodSeconds"]
        .as_f64()
        .unwrap();
    assert!(
        shutdown < termination,
        "drain + grace ({shutdown} s) fit in {termination} s"
    );

    // A headless Service for client-side balancing, a ClusterIP one for proxies.
    let services = kind(&docs, "Service");
    assert_eq!(services.len(), 2);
    assert!(services.iter().any(|s| s["spec"]["clusterIP"] == "None"));
    assert!(services.iter().any(|s| s["spec"]["type"] == "ClusterIP"));
    for service in services {
        assert_eq!(&service["spec"]["selector"], labels, "selects the pods");
        assert_eq!(service["spec"]["ports"][0]["targetPort"], "grpc");
    }

    let hpa = kind(&docs, "HorizontalPodAutoscaler")[0];
    assert_eq!(
        hpa["spec"]["scaleTargetRef"]["name"],
        deployment["metadata"]["name"]
    );
    assert!(hpa["spec"]["minReplicas"].as_u64().unwrap() >= 2);
    let pdb = kind(&docs, "PodDisruptionBudget")[0];
    assert_eq!(&pdb["spec"]["selector"]["matchLabels"], labels);
}

#[test]
fn kustomization_lists_every_manifest() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/k8s");
    let kustomization: Value =
        serde_yaml::from_str(&std::fs::read_to_string(dir.join("kustomization.yaml")).unwrap())
            .unwrap();
    let mut listed: Vec<String> = kustomization["resources"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_string())
        .collect();
    let mut present: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != "kustomization.yaml")
        .collect();
    listed.sort();
    present.sort();
    assert_eq!(listed, present);
}

#[test]
fn the_image_runs_as_non_root_with_a_grpc_health_check() {
    let dockerfile =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Dockerfile")).unwrap();
    let instructions: Vec<&str> = dockerfile
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .collect();
    assert!(
        instructions
            .iter()
            .filter(|l| l.starts_with("FROM "))
            .count()
            >= 2,
        "multi-stage"
    );
    let user = instructions
        .iter()
        .rev()
        .find(|l| l.starts_with("USER "))
        .expect("a USER");
    assert!(!user.contains("root") || user.contains("nonroot"));
    assert!(
        !user.trim_end().ends_with(" 0") && !user.contains(" 0:"),
        "{user}"
    );
    let health = dockerfile
        .split("HEALTHCHECK")
        .nth(1)
        .expect("a HEALTHCHECK");
    assert!(health.contains("\"health\""), "it runs `lisan health`");
}

#[tokio::test(flavor = "multi_thread")]
async fn lisan_health_exits_zero_only_for_a_serving_server() {
    let server = TestServer::start_default().await;
    let url = format!("http://{}", server.addr);
    let check = move |service: &str| {
        lisan()
            .args([
                "health",
                "--remote",
                &url,
                "--service",
                service,
                "--timeout-ms",
                "3000",
            ])
            .output()
            .unwrap()
    };
    let serving = tokio::task::spawn_blocking({
        let check = check.clone();
        move || check(SERVICE_NAME)
    })
    .await
    .unwrap();
    assert!(
        serving.status.success(),
        "{}",
        String::from_utf8_lossy(&serving.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&serving.stdout).trim(), "SERVING");
    let unknown = tokio::task::spawn_blocking({
        let check = check.clone();
        move || check("no.such.Service")
    })
    .await
    .unwrap();
    assert!(!unknown.status.success());
    server.stop().await;
    let gone = tokio::task::spawn_blocking(move || check(""))
        .await
        .unwrap();
    assert!(!gone.status.success(), "no server, no health");
}
