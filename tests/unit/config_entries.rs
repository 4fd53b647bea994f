//! Config entries without raft or sockets: decoding HCL and JSON as users write them, the
//! reference's validation messages, the store's table (check-and-set, deletes, the
//! replication replace), its queries, and the replication diff.

use std::time::Duration;

use fedctl::federation::diff_config_entries;
use fedctl::state::{
    Command, ConfigEntry, ConfigEntryDecodeError, ConfigEntryOp, EntryIndex, ProxyDefaults, Query, QueryResult,
    Response, StateError, StateHandle, Store, Table,
};
use serde_json::{Value, json};

/// An entry from its JSON (decoding is tested on its own below).
fn entry(value: Value) -> ConfigEntry {
    ConfigEntry::from_value(value.clone()).unwrap_or_else(|e| panic!("{value}: {e}"))
}

fn set(entry: &ConfigEntry, cas: Option<u64>) -> Command {
    Command::ConfigEntry(ConfigEntryOp::Set { entry: Box::new(entry.clone()), cas })
}

fn delete(kind: &str, name: &str) -> Command {
    Command::ConfigEntry(ConfigEntryOp::Delete { kind: kind.into(), name: name.into() })
}

fn replace(entries: Vec<ConfigEntry>) -> Command {
    Command::ConfigEntry(ConfigEntryOp::Replace { entries })
}

/// The message `validate` gives for an entry (after `normalize`, as every write does).
fn refusal(value: Value) -> String {
    let mut e = entry(value.clone());
    e.normalize();
    match e.validate() {
        Err(message) => message,
        Ok(()) => panic!("{value} should be refused"),
    }
}

const RESOLVER_HCL: &str = r#"
kind            = "service-resolver"
name            = "web"
default_subset  = "v1"
connect_timeout = "15s"

subsets {
  v1 {
    filter = "Service.Meta.version == v1"
  }
  v2 {
    filter       = "Service.Meta.version == v2"
    only_passing = true
  }
}

failover = {
  "*" = {
    datacenters = ["dc2", "dc3"]
  }
}
"#;

#[test]
fn hcl_in_snake_case_and_json_in_pascal_case_decode_to_the_same_entry() {
    let from_hcl = ConfigEntry::parse(RESOLVER_HCL).unwrap();
    let from_json = ConfigEntry::parse(
        r#"{
            "Kind": "service-resolver", "Name": "web", "DefaultSubset": "v1", "ConnectTimeout": "15s",
            "Subsets": {"v1": {"Filter": "Service.Meta.version == v1"},
                        "v2": {"Filter": "Service.Meta.version == v2", "OnlyPassing": true}},
            "Failover": {"*": {"Datacenters": ["dc2", "dc3"]}}
        }"#,
    )
    .unwrap();
    assert_eq!(from_hcl, from_json);
    let ConfigEntry::ServiceResolver(r) = &from_hcl else { panic!("{from_hcl:?}") };
    assert_eq!(r.name, "web");
    assert_eq!(r.connect_timeout.map(|t| t.0), Some(Duration::from_secs(15)));
    assert!(r.subsets["v2"].only_passing && !r.subsets["v1"].only_passing);
    assert_eq!(r.failover["*"].datacenters, ["dc2", "dc3"]);

    // The API's JSON: Kind first, the timeout as Go writes a duration.
    let shown = serde_json::to_value(&from_hcl).unwrap();
    assert_eq!(shown["Kind"], "service-resolver");
    assert_eq!(shown["ConnectTimeout"], "15s");
    assert_eq!(shown["Subsets"]["v2"], json!({"Filter": "Service.Meta.version == v2", "OnlyPassing": true}));
    assert_eq!(ConfigEntry::from_value(shown).unwrap(), from_hcl, "what the API shows decodes back");

    // Blocks, lower-case `kind`, keys in any case; one `paths` block is a list of one path.
    let defaults = ConfigEntry::parse(
        r#"
        kind = "service-defaults"
        Name = "api"
        protocol = "HTTP2"
        mesh_gateway {
          mode = "local"
        }
        expose {
          checks = true
          paths {
            path            = "/health"
            listener_port   = 21500
            local_path_port = 8080
          }
        }
        external_sni = "api.example.com"
        "#,
    )
    .unwrap();
    let ConfigEntry::ServiceDefaults(d) = &defaults else { panic!("{defaults:?}") };
    assert_eq!((d.name.as_str(), d.protocol.as_str(), d.mesh_gateway.mode.as_str()), ("api", "HTTP2", "local"));
    assert_eq!(d.external_sni, "api.example.com");
    assert!(d.expose.checks);
    assert_eq!(d.expose.paths.len(), 1);
    assert_eq!((d.expose.paths[0].path.as_str(), d.expose.paths[0].listener_port), ("/health", 21500));

    let proxy = entry(json!({"kind": "proxy-defaults", "name": "global", "config": {"protocol": "http"},
                             "meshGateway": {"Mode": "remote"}}));
    let ConfigEntry::ProxyDefaults(p) = &proxy else { panic!("{proxy:?}") };
    assert_eq!(p.config["protocol"], "http");
    assert_eq!(p.mesh_gateway.mode, "remote");
    // Indexes in a body are read (a write then sets its own).
    let indexed = entry(json!({"Kind": "service-defaults", "Name": "x", "CreateIndex": 3, "ModifyIndex": 4}));
    assert_eq!(indexed.index(), EntryIndex { create_index: 3, modify_index: 4 });
}

#[test]
fn what_is_not_an_entry_is_refused_with_the_reference_words_and_the_key_path() {
    let err = |value: Value| ConfigEntry::from_value(value).unwrap_err();
    assert_eq!(
        err(json!({"Kind": "service-splitter", "Name": "web"})).to_string(),
        "invalid config entry kind: service-splitter (fedctl stores proxy-defaults, service-defaults, service-resolver and service-intentions entries only)"
    );
    assert_eq!(err(json!({"Kind": "bogus"})), ConfigEntryDecodeError::UnknownKind("bogus".into()));
    assert_eq!(err(json!({"Kind": "bogus"})).to_string(), "invalid config entry kind: bogus");
    assert_eq!(err(json!({"Name": "web"})).to_string(), "Payload does not contain a kind/Kind key at the top level");
    assert_eq!(err(json!({"Kind": 7})).to_string(), "Kind value in payload is not a string");
    assert_eq!(err(json!(["service-defaults"])).to_string(), "a config entry is an object of settings, not a list");

    let typos = err(json!({"Kind": "service-defaults", "Name": "web", "Protocl": "http",
                           "MeshGateway": {"Mood": "local"}, "Namespace": "default"}))
    .to_string();
    for key in ["Protocl", "MeshGateway.Mood", "Namespace"] {
        assert!(typos.contains(&format!("invalid config key \"{key}\"")), "{typos}");
    }
    let nested = err(json!({"Kind": "service-resolver", "Name": "web", "Subsets": {"v1": {"Filtre": "x"}}}));
    assert_eq!(nested.to_string(), "invalid config key \"Subsets[v1].Filtre\"");
    let from_hcl = ConfigEntry::parse(
        "kind = \"service-resolver\"\nname = \"web\"\nsubsets {\n  v1 {\n    filtre = \"x\"\n  }\n}\n",
    );
    assert_eq!(from_hcl.unwrap_err().to_string(), "invalid config key \"Subsets[v1].filtre\"", "as the README says");
    assert_eq!(
        err(json!({"Kind": "service-defaults", "Name": "a", "name": "b"})).to_string(),
        "config key \"Name\" is given more than once"
    );

    let typed = err(json!({"Kind": "service-defaults", "Name": "web", "Protocol": 5})).to_string();
    assert!(typed.contains("Protocol") && typed.contains("invalid type: integer `5`, expected a string"), "{typed}");
    let timeout = err(json!({"Kind": "service-resolver", "Name": "web", "ConnectTimeout": "soon"})).to_string();
    assert!(timeout.contains("invalid duration \"soon\""), "{timeout}");

    let hcl = ConfigEntry::parse("kind = \"service-defaults\"\nname = ").unwrap_err().to_string();
    assert!(hcl.starts_with("parsing HCL: line "), "one line, not the parser's drawing: {hcl}");
    let json = ConfigEntry::parse("{\"Kind\": ").unwrap_err().to_string();
    assert!(json.starts_with("parsing JSON: "), "{json}");
}

#[test]
fn normalize_gives_the_stored_form_and_is_idempotent() {
    let mut e = entry(json!({"Kind": "service-defaults", "Name": "web", "Protocol": "GRPC"}));
    e.normalize();
    let once = e.clone();
    e.normalize();
    assert_eq!(e, once);
    let ConfigEntry::ServiceDefaults(d) = &e else { panic!() };
    assert_eq!(d.protocol, "grpc");

    let mut proxy = entry(json!({"Kind": "proxy-defaults"}));
    proxy.normalize();
    assert_eq!(proxy.name(), "global", "a nameless proxy-defaults entry is the global one");
    assert_eq!(proxy.validate(), Ok(()));

    let mut resolver = entry(json!({"Kind": "service-resolver", "Name": "web", "ConnectTimeout": "0s"}));
    resolver.normalize();
    let shown = serde_json::to_value(&resolver).unwrap();
    assert!(shown.get("ConnectTimeout").is_none(), "a zero timeout is left out, as the reference: {shown}");
}

#[test]
fn validation_messages_are_the_reference_ones() {
    let resolver = |extra: Value| {
        let mut body = json!({"Kind": "service-resolver", "Name": "web",
                              "Subsets": {"v1": {"Filter": "Service.Meta.version == v1"}}});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    let cases = [
        (json!({"Kind": "proxy-defaults", "Name": "x"}), r#"invalid name ("x"), only "global" is supported"#.to_owned()),
        (
            json!({"Kind": "proxy-defaults", "Name": "global", "MeshGateway": {"Mode": "sideways"}}),
            r#"Invalid Mesh Gateway Mode: "sideways""#.to_owned(),
        ),
        (
            json!({"Kind": "service-defaults", "Name": "web", "MeshGateway": {"Mode": "Remote"}}),
            r#"Invalid Mesh Gateway Mode: "Remote""#.to_owned(),
        ),
        (json!({"Kind": "service-defaults"}), "Name is required".to_owned()),
        (json!({"Kind": "service-resolver"}), "Name is required".to_owned()),
        (resolver(json!({"Subsets": {"": {}}})), "Subset defined with empty name".to_owned()),
        (
            resolver(json!({"Subsets": {"V1": {}}})),
            "Subset \"V1\" is invalid: must be 63 characters or fewer, begin or end with lower case alphanumeric characters, and contain lower case alphanumeric characters or '-' in between".to_owned(),
        ),
        (
            resolver(json!({"Subsets": {"-v1": {}}})),
            "Subset \"-v1\" is invalid: must be 63 characters or fewer, begin or end with lower case alphanumeric characters, and contain lower case alphanumeric characters or '-' in between".to_owned(),
        ),
        (
            resolver(json!({"Subsets": {"a".repeat(64): {}}})),
            format!("Subset \"{}\" is invalid: must be non-empty and 63 characters or fewer", "a".repeat(64)),
        ),
        (resolver(json!({"DefaultSubset": "v9"})), "DefaultSubset \"v9\" is not a valid subset".to_owned()),
        (
            resolver(json!({"Redirect": {"Service": "api"}, "Failover": {"*": {"Datacenters": ["dc2"]}}})),
            "Redirect and Failover cannot both be set".to_owned(),
        ),
        (resolver(json!({"Redirect": {}})), "Redirect is empty".to_owned()),
        (
            resolver(json!({"Redirect": {"ServiceSubset": "v1"}})),
            "Redirect.ServiceSubset defined without Redirect.Service".to_owned(),
        ),
        (
            resolver(json!({"Redirect": {"Namespace": "ns"}})),
            "Redirect.Namespace defined without Redirect.Service".to_owned(),
        ),
        (
            resolver(json!({"Redirect": {"Service": "web", "ServiceSubset": "v9"}})),
            "Redirect.ServiceSubset \"v9\" is not a valid subset of \"web\"".to_owned(),
        ),
        (
            resolver(json!({"Failover": {"v9": {"Datacenters": ["dc2"]}}})),
            "Bad Failover[\"v9\"]: not a valid subset".to_owned(),
        ),
        (
            resolver(json!({"Failover": {"*": {}}})),
            "Bad Failover[\"*\"] one of Service, ServiceSubset, Namespace, or Datacenters is required".to_owned(),
        ),
        (
            resolver(json!({"Failover": {"*": {"ServiceSubset": "v9"}}})),
            "Bad Failover[\"*\"].ServiceSubset \"v9\" is not a valid subset of \"\"".to_owned(),
        ),
        (
            resolver(json!({"Failover": {"v1": {"Datacenters": ["dc2", ""]}}})),
            "Bad Failover[\"v1\"].Datacenters: found empty datacenter".to_owned(),
        ),
    ];
    for (body, message) in cases {
        assert_eq!(refusal(body.clone()), message, "{body}");
    }
    let accepted = [
        json!({"Kind": "proxy-defaults", "Name": "global", "MeshGateway": {"Mode": "local"}}),
        json!({"Kind": "service-defaults", "Name": "web", "MeshGateway": {"Mode": "none"}}),
        resolver(json!({"DefaultSubset": "v1", "Failover": {"*": {"Datacenters": ["dc2"]}, "v1": {"Service": "api"}}})),
        // Another service's subsets are not known here.
        resolver(json!({"Redirect": {"Service": "api", "ServiceSubset": "v9", "Datacenter": "dc2"}})),
        resolver(json!({"Failover": {"*": {"Service": "api", "ServiceSubset": "v9"}}})),
    ];
    for body in accepted {
        let mut e = entry(body.clone());
        e.normalize();
        assert_eq!(e.validate(), Ok(()), "{body}");
    }
}

#[test]
fn the_table_writes_with_check_and_set_and_refuses_invalid_entries_whole() {
    let mut s = Store::new();
    let web = entry(json!({"Kind": "service-defaults", "Name": "web", "Protocol": "HTTP"}));
    assert_eq!(s.apply(5, &set(&web, None)), Ok(Response::Bool(true)));
    let stored = s.config_entry("service-defaults", "web").unwrap().clone();
    assert_eq!(stored.index(), EntryIndex { create_index: 5, modify_index: 5 });
    let ConfigEntry::ServiceDefaults(d) = &stored else { panic!() };
    assert_eq!(d.protocol, "http", "stored normalised");
    assert_eq!(s.table_index(Table::ConfigEntries), 5);

    // Check-and-set: 0 means "only if absent"; otherwise the stored ModifyIndex must match.
    assert_eq!(s.apply(6, &set(&web, Some(0))), Ok(Response::Bool(false)));
    assert_eq!(s.apply(7, &set(&web, Some(4))), Ok(Response::Bool(false)));
    assert_eq!(s.table_index(Table::ConfigEntries), 5, "a failed check-and-set changes nothing");
    assert_eq!(s.apply(8, &set(&web, Some(5))), Ok(Response::Bool(true)));
    let index = s.config_entry("service-defaults", "web").unwrap().index();
    assert_eq!(index, EntryIndex { create_index: 5, modify_index: 8 });
    let api = entry(json!({"Kind": "service-defaults", "Name": "api"}));
    assert_eq!(s.apply(9, &set(&api, Some(3))), Ok(Response::Bool(false)));
    assert!(s.config_entry("service-defaults", "api").is_none());
    assert_eq!(s.apply(10, &set(&api, Some(0))), Ok(Response::Bool(true)));

    // The state machine validates too: whoever proposes a bad entry, it never lands.
    let before = s.clone();
    let bad = ConfigEntry::ProxyDefaults(ProxyDefaults { name: "x".into(), ..ProxyDefaults::default() });
    assert_eq!(
        s.apply(11, &set(&bad, None)),
        Err(StateError::InvalidConfigEntry(r#"invalid name ("x"), only "global" is supported"#.into()))
    );
    // Nothing changed but the index of the last applied entry (every applied entry moves it).
    assert_eq!(s.config_entries(None), before.config_entries(None));
    assert_eq!(s.table_index(Table::ConfigEntries), before.table_index(Table::ConfigEntries));

    assert_eq!(s.apply(12, &delete("service-defaults", "web")), Ok(Response::Done));
    assert!(s.config_entry("service-defaults", "web").is_none());
    assert_eq!(s.table_index(Table::ConfigEntries), 12);
    assert_eq!(s.apply(13, &delete("service-defaults", "web")), Ok(Response::Done), "deleting nothing is fine");
    assert_eq!(s.table_index(Table::ConfigEntries), 12, "and wakes nobody");

    // Snapshots carry the table.
    let back: Store = serde_json::from_slice(&serde_json::to_vec(&s).unwrap()).unwrap();
    assert_eq!(back.config_entries(None), s.config_entries(None));
}

#[test]
fn queries_list_by_kind_and_name_and_the_aggregate_sorts_by_kind() {
    let mut s = Store::new();
    let writes = [
        json!({"Kind": "service-resolver", "Name": "web", "ConnectTimeout": "3s"}),
        json!({"Kind": "service-defaults", "Name": "web", "Protocol": "http"}),
        json!({"Kind": "proxy-defaults", "Name": "global", "Config": {"protocol": "tcp"}}),
        json!({"Kind": "service-defaults", "Name": "api"}),
    ];
    for (i, body) in writes.into_iter().enumerate() {
        assert_eq!(s.apply(10 + i as u64, &set(&entry(body), None)), Ok(Response::Bool(true)));
    }
    let keys = |r: QueryResult| match r {
        QueryResult::ConfigEntries(list) => {
            list.iter().map(|e| (e.kind().to_owned(), e.name().to_owned())).collect::<Vec<_>>()
        }
        other => panic!("{other:?}"),
    };
    let all = keys(Query::ConfigEntries { kind: None }.run(&s));
    let expected = [
        ("proxy-defaults", "global"),
        ("service-defaults", "api"),
        ("service-defaults", "web"),
        ("service-resolver", "web"),
    ];
    assert_eq!(all, expected.map(|(k, n)| (k.to_owned(), n.to_owned())));
    let defaults = keys(Query::ConfigEntries { kind: Some("service-defaults".into()) }.run(&s));
    assert_eq!(defaults.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(), ["api", "web"]);
    assert!(keys(Query::ConfigEntries { kind: Some("service-resolver".into()) }.run(&s)).len() == 1);

    let one = Query::ConfigEntry { kind: "service-resolver".into(), name: "web".into() }.run(&s);
    let QueryResult::ConfigEntry(Some(ConfigEntry::ServiceResolver(r))) = &one else { panic!("{one:?}") };
    assert_eq!(r.connect_timeout.map(|t| t.0), Some(Duration::from_secs(3)));
    let missing = Query::ConfigEntry { kind: "service-resolver".into(), name: "api".into() }.run(&s);
    assert_eq!(missing, QueryResult::ConfigEntry(None));
    assert_eq!(missing.to_json(), Value::Null);
    assert_eq!(Query::ConfigEntries { kind: None }.tables(), &[Table::ConfigEntries]);
    assert_eq!(Query::ConfigEntry { kind: String::new(), name: String::new() }.tables(), &[Table::ConfigEntries]);

    let chains = s.discovery_chain_entries();
    assert_eq!(chains.proxy_defaults.as_ref().map(|p| p.config["protocol"].clone()), Some(json!("tcp")));
    assert_eq!(chains.service_defaults.keys().collect::<Vec<_>>(), ["api", "web"]);
    assert_eq!(chains.resolvers.keys().collect::<Vec<_>>(), ["web"]);
}

#[test]
fn replication_replaces_the_table_keeping_content_and_the_indexes_of_what_did_not_change() {
    let mut primary = Store::new();
    let global = entry(json!({"Kind": "proxy-defaults", "Name": "global", "Config": {"protocol": "http"}}));
    let web = entry(json!({"Kind": "service-defaults", "Name": "web", "Protocol": "http"}));
    let resolver = entry(json!({"Kind": "service-resolver", "Name": "web",
                                "Failover": {"*": {"Datacenters": ["dc2"]}}}));
    for (i, e) in [&global, &web, &resolver].into_iter().enumerate() {
        primary.apply(3 + i as u64, &set(e, None)).unwrap();
    }

    let mut secondary = Store::new();
    assert_eq!(secondary.apply(100, &replace(primary.config_entries(None))), Ok(Response::Done));
    let mirrored = secondary.config_entries(None);
    assert_eq!(mirrored.len(), 3);
    for (mine, theirs) in mirrored.iter().zip(primary.config_entries(None)) {
        assert!(mine.same_content(&theirs), "{mine:?} is not {theirs:?}");
        assert_eq!(mine.index(), EntryIndex { create_index: 100, modify_index: 100 }, "its own indexes");
    }
    assert_eq!(secondary.table_index(Table::ConfigEntries), 100);

    // The same table again changes nothing, and wakes nobody.
    assert_eq!(secondary.apply(101, &replace(primary.config_entries(None))), Ok(Response::Done));
    assert_eq!(secondary.table_index(Table::ConfigEntries), 100);

    // A change and a delete in the primary.
    let grpc = entry(json!({"Kind": "service-defaults", "Name": "web", "Protocol": "grpc"}));
    primary.apply(6, &set(&grpc, None)).unwrap();
    primary.apply(7, &delete("service-resolver", "web")).unwrap();
    let diff = diff_config_entries(&secondary.config_entries(None), &primary.config_entries(None));
    assert_eq!(diff.deletes, [("service-resolver".to_owned(), "web".to_owned())]);
    assert_eq!(diff.upserts.len(), 1);
    assert_eq!(diff.upserts[0].name(), "web");
    assert_eq!(diff.len(), 2);
    secondary.apply(102, &replace(primary.config_entries(None))).unwrap();
    assert!(secondary.config_entry("service-resolver", "web").is_none());
    let changed = secondary.config_entry("service-defaults", "web").unwrap();
    assert!(changed.same_content(&grpc), "the primary's content: {changed:?}");
    assert_eq!(changed.index(), EntryIndex { create_index: 100, modify_index: 102 });
    let kept = secondary.config_entry("proxy-defaults", "global").unwrap();
    assert_eq!(kept.index(), EntryIndex { create_index: 100, modify_index: 100 });
    assert_eq!(secondary.table_index(Table::ConfigEntries), 102);
    assert!(diff_config_entries(&secondary.config_entries(None), &primary.config_entries(None)).is_empty());

    // An invalid entry in a replace is refused, and nothing of it lands.
    let before = secondary.clone();
    let bad = ConfigEntry::ProxyDefaults(ProxyDefaults { name: "x".into(), ..ProxyDefaults::default() });
    let refused = secondary.apply(103, &replace(vec![web.clone(), bad])).unwrap_err();
    assert_eq!(
        refused,
        StateError::InvalidConfigEntry(r#"proxy-defaults "x": invalid name ("x"), only "global" is supported"#.into())
    );
    assert_eq!(secondary.config_entries(None), before.config_entries(None));
    assert_eq!(secondary.table_index(Table::ConfigEntries), before.table_index(Table::ConfigEntries));

    // An empty primary empties the secondary.
    secondary.apply(104, &replace(Vec::new())).unwrap();
    assert!(secondary.config_entries(None).is_empty());
    assert_eq!(secondary.table_index(Table::ConfigEntries), 104);
}

#[test]
fn a_config_entry_command_survives_the_rpc_encoding() {
    let resolver = ConfigEntry::parse(RESOLVER_HCL).unwrap();
    let proxy = entry(json!({"Kind": "proxy-defaults", "Name": "global",
                             "Config": {"protocol": "http", "local_connect_timeout_ms": 1000, "nested": {"a": [1, 2]}},
                             "MeshGateway": {"Mode": "local"}}));
    for command in [set(&resolver, Some(7)), set(&proxy, None), replace(vec![proxy.clone(), resolver.clone()])] {
        let bytes = fedctl::rpc::message::encode(&command).unwrap();
        let back: Command = fedctl::rpc::message::decode(&bytes).unwrap();
        assert_eq!(back, command);
    }
}

#[tokio::test]
async fn a_blocking_list_wakes_on_a_config_entry_write() {
    let state = StateHandle::new(Store::new());
    let web = entry(json!({"Kind": "service-defaults", "Name": "web"}));
    state.write(|s| s.apply(1, &set(&web, None)).unwrap());
    let waiter = {
        let state = state.clone();
        tokio::spawn(async move {
            state.blocking(&[Table::ConfigEntries], 1, Duration::from_secs(60), |s| s.config_entries(None).len()).await
        })
    };
    tokio::task::yield_now().await;
    // Another table's change does not wake it...
    state.write(|s| {
        s.apply(2, &Command::Kv(fedctl::state::KvOp::Set { key: "k".into(), value: vec![], flags: 0 })).unwrap()
    });
    tokio::task::yield_now().await;
    assert!(!waiter.is_finished());
    // ...a config entry does.
    let api = entry(json!({"Kind": "service-defaults", "Name": "api"}));
    state.write(|s| s.apply(3, &set(&api, None)).unwrap());
    let r = tokio::time::timeout(Duration::from_secs(10), waiter).await.unwrap().unwrap();
    assert_eq!((r.index, r.value), (3, 2));
}
