//! An upstream's discovery chain: where its requests go (redirects, failover), each target's
//! mesh gateway mode and where the mode came from, and the reference's cluster names.

use std::collections::BTreeMap;
use std::time::Duration;

use fedctl::connect::{ChainError, ChainRequest, Mode, ModeSource, compile};
use fedctl::duration::GoDuration;
use fedctl::state::{
    ConfigEntries, ConfigEntry, MeshGatewayConfig, ProxyDefaults, ResolverFailover, ResolverRedirect, ServiceDefaults,
    ServiceResolver, Upstream,
};

const TD: &str = "11111111-2222-3333-4444-555555555555.consul";

fn upstream(name: &str, dc: &str, mode: &str) -> Upstream {
    Upstream {
        destination_name: name.into(),
        datacenter: dc.into(),
        local_bind_port: 5000,
        mesh_gateway: MeshGatewayConfig { mode: mode.into() },
        ..Upstream::default()
    }
}

fn mode(m: &str) -> MeshGatewayConfig {
    MeshGatewayConfig { mode: m.into() }
}

fn defaults(service: &str, m: &str) -> ConfigEntry {
    ConfigEntry::ServiceDefaults(ServiceDefaults { name: service.into(), mesh_gateway: mode(m), ..Default::default() })
}

fn global(m: &str) -> ConfigEntry {
    ConfigEntry::ProxyDefaults(ProxyDefaults { name: "global".into(), mesh_gateway: mode(m), ..Default::default() })
}

fn chain(u: &Upstream, proxy_mode: &str, entries: &ConfigEntries) -> Result<fedctl::connect::Chain, ChainError> {
    compile(ChainRequest { upstream: u, proxy_mode, local_datacenter: "dc1" }, entries)
}

#[test]
fn gateways_are_never_used_inside_a_datacenter() {
    let entries = ConfigEntries::from_entries([global("remote")]);
    let c = chain(&upstream("s2", "", "local"), "remote", &entries).unwrap();
    assert_eq!(c.targets.len(), 1);
    assert_eq!((c.targets[0].mode, c.targets[0].mode_source), (Mode::Direct, ModeSource::SameDatacenter));
    assert_eq!(c.cluster_name(TD), format!("s2.default.dc1.internal.{TD}"));
    let c = chain(&upstream("s2", "dc1", "remote"), "", &entries).unwrap();
    assert_eq!(c.targets[0].mode, Mode::Direct);
}

/// The names Consul 1.8's own cross-DC cases assert: `c225dc1c~s2.default.secondary` for an
/// upstream override `local`, `dd412229~` for `remote`.
#[test]
fn an_upstream_override_prefixes_the_cluster_as_the_reference() {
    let none = ConfigEntries::default();
    let local = chain(&upstream("s2", "secondary", "local"), "", &none).unwrap();
    assert_eq!(local.targets[0].mode, Mode::Local);
    assert_eq!(local.targets[0].mode_source, ModeSource::Upstream);
    assert_eq!(local.cluster_name(TD), format!("c225dc1c~s2.default.secondary.internal.{TD}"));
    assert_eq!(local.targets[0].sni(TD), format!("s2.default.secondary.internal.{TD}"));
    let remote = chain(&upstream("s2", "secondary", "remote"), "", &none).unwrap();
    assert_eq!(remote.cluster_name(TD), format!("dd412229~s2.default.secondary.internal.{TD}"));
    assert_eq!(remote.targets[0].gateway_datacenter("primary"), Some("secondary"));
    assert_eq!(local.targets[0].gateway_datacenter("primary"), Some("primary"));
}

/// Compared as written: `none` over an unset mode customises (`fc9afadf~`), as the reference's
/// §4.7 case; `none` over a configured `none` does not.
#[test]
fn a_none_override_customises_only_where_the_entries_do_not_say_none() {
    let c = chain(&upstream("s2", "dc2", "none"), "", &ConfigEntries::default()).unwrap();
    assert_eq!(c.targets[0].mode, Mode::Direct);
    assert_eq!(c.cluster_name(TD), format!("fc9afadf~s2.default.dc2.internal.{TD}"));
    let none = ConfigEntries::from_entries([defaults("s2", "none")]);
    let c = chain(&upstream("s2", "dc2", "none"), "", &none).unwrap();
    assert_eq!(c.cluster_name(TD), format!("s2.default.dc2.internal.{TD}"));
}

#[test]
fn an_override_equal_to_the_config_entries_customises_nothing() {
    let entries = ConfigEntries::from_entries([defaults("s2", "remote")]);
    let c = chain(&upstream("s2", "dc2", "remote"), "", &entries).unwrap();
    assert_eq!(c.targets[0].mode, Mode::Remote);
    assert!(c.customization.is_empty());
    assert_eq!(c.cluster_name(TD), format!("s2.default.dc2.internal.{TD}"));
}

#[test]
fn the_mode_comes_from_upstream_then_proxy_then_service_defaults_then_proxy_defaults() {
    let all = ConfigEntries::from_entries([global("local"), defaults("s2", "remote")]);
    let at = |u: &Upstream, proxy: &str, e: &ConfigEntries| {
        let c = chain(u, proxy, e).unwrap();
        (c.targets[0].mode, c.targets[0].mode_source)
    };
    assert_eq!(at(&upstream("s2", "dc2", "none"), "local", &all), (Mode::Direct, ModeSource::Upstream));
    assert_eq!(at(&upstream("s2", "dc2", ""), "local", &all), (Mode::Local, ModeSource::Proxy));
    assert_eq!(at(&upstream("s2", "dc2", ""), "", &all), (Mode::Remote, ModeSource::ServiceDefaults));
    assert_eq!(at(&upstream("s3", "dc2", ""), "", &all), (Mode::Local, ModeSource::ProxyDefaults));
    let none = ConfigEntries::default();
    assert_eq!(at(&upstream("s3", "dc2", ""), "", &none), (Mode::Direct, ModeSource::Default));
}

#[test]
fn a_resolver_redirect_moves_the_chain_and_a_circle_is_refused() {
    let redirect = |from: &str, to: &str, dc: &str| {
        ConfigEntry::ServiceResolver(ServiceResolver {
            name: from.into(),
            redirect: Some(ResolverRedirect { service: to.into(), datacenter: dc.into(), ..Default::default() }),
            ..Default::default()
        })
    };
    let entries = ConfigEntries::from_entries([redirect("db", "db-v2", "dc3"), defaults("db-v2", "remote")]);
    let c = chain(&upstream("db", "", ""), "", &entries).unwrap();
    assert_eq!((c.targets[0].service.as_str(), c.targets[0].datacenter.as_str()), ("db-v2", "dc3"));
    assert_eq!(c.targets[0].mode, Mode::Remote);
    let circle = ConfigEntries::from_entries([redirect("a", "b", ""), redirect("b", "a", "")]);
    let error = chain(&upstream("a", "", ""), "", &circle).unwrap_err();
    assert!(matches!(error, ChainError::CircularRedirect(_)), "{error}");
}

#[test]
fn failover_lists_each_datacenter_once_after_the_primary_target() {
    let resolver = ConfigEntry::ServiceResolver(ServiceResolver {
        name: "s2".into(),
        failover: BTreeMap::from([(
            "*".into(),
            ResolverFailover { datacenters: vec!["dc1".into(), "dc2".into(), "dc3".into()], ..Default::default() },
        )]),
        connect_timeout: Some(GoDuration(Duration::from_secs(2))),
        ..Default::default()
    });
    let direct = ConfigEntries::from_entries([resolver.clone()]);
    let c = chain(&upstream("s2", "", ""), "", &direct).unwrap();
    let places: Vec<(&str, Mode)> = c.targets.iter().map(|t| (t.datacenter.as_str(), t.mode)).collect();
    assert_eq!(places, [("dc1", Mode::Direct), ("dc2", Mode::Direct), ("dc3", Mode::Direct)]);
    assert!(!c.fails_over_through_gateway());
    assert_eq!(c.connect_timeout, Duration::from_secs(2));
    let remote = ConfigEntries::from_entries([resolver, defaults("s2", "remote")]);
    let c = chain(&upstream("s2", "", ""), "", &remote).unwrap();
    assert_eq!(c.targets[0].mode, Mode::Direct, "the local target is dialled directly");
    assert_eq!(c.targets[1].mode, Mode::Remote);
    assert!(c.fails_over_through_gateway());
    assert!(c.customization.is_empty(), "modes from config entries do not prefix the cluster");
}

#[test]
fn a_connect_timeout_override_customises_the_chain_and_a_bad_mode_is_named() {
    let mut u = upstream("s2", "dc2", "");
    u.config = serde_json::json!({ "connect_timeout_ms": 1500 }).as_object().unwrap().clone();
    let c = chain(&u, "", &ConfigEntries::default()).unwrap();
    assert_eq!(c.connect_timeout, Duration::from_millis(1500));
    assert!(c.cluster_name(TD).contains('~'), "{}", c.cluster_name(TD));
    let error = chain(&upstream("s2", "dc2", "sideways"), "", &ConfigEntries::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "mesh gateway mode \"sideways\" of the upstream is not one of \"\", none, local, remote"
    );
}
