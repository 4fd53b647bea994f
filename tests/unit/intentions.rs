//! Intentions' rules as the reference 1.8 has them: name parsing and validation messages,
//! precedence 9..1, the order, and the decision (first match wins, else the default).

use fedctl::connect::intentions::{DefaultPolicy, Principal, Rule, decide, order, rbac, source_regex};
use fedctl::state::{Action, Name, validate_name};

fn rule(id: &str, src: &str, dst: &str, action: Action) -> Rule {
    Rule { id: id.into(), source: Name::parse(src).unwrap(), destination: Name::parse(dst).unwrap(), action }
}

#[test]
fn precedence_follows_the_destination_then_the_source_exactness() {
    let p = |src, dst| rule("x", src, dst, Action::Allow).precedence();
    assert_eq!(
        [p("web", "db"), p("*", "db"), p("*/*", "db"), p("web", "*"), p("*", "*"), p("*/*", "*")],
        [9, 8, 7, 6, 5, 4]
    );
    assert_eq!([p("web", "*/*"), p("*", "*/*"), p("*/*", "*/*")], [3, 2, 1]);
}

#[test]
fn the_first_match_in_precedence_order_decides_else_the_default() {
    let rules = vec![rule("1", "*", "echo", Action::Deny), rule("2", "web", "echo", Action::Allow)];
    let allow = DefaultPolicy::of_setting(true);
    let web = decide(&rules, "web", "echo", &allow);
    assert!(web.allowed);
    assert_eq!(web.reason, "Matched intention: ALLOW default/web => default/echo (ID: 2, Precedence: 9)");
    let api = decide(&rules, "api", "echo", &allow);
    assert!(!api.allowed, "{api:?}");
    assert!(api.reason.contains("DENY default/* => default/echo (ID: 1, Precedence: 8)"), "{api:?}");
    let other = decide(&rules, "api", "db", &DefaultPolicy::of_setting(false));
    assert!(!other.allowed && other.rule.is_none(), "{other:?}");
    assert_eq!(other.reason, "Default behavior configured by connect.default_intention_policy = \"deny\"");
    let open = decide(&rules, "api", "db", &allow);
    assert_eq!((open.allowed, open.reason.as_str()), (true, "ACLs disabled, access is allowed by default"));
}

#[test]
fn names_are_parsed_and_checked_with_the_reference_words() {
    assert_eq!(Name::parse("web").unwrap(), Name { namespace: "default".into(), name: "web".into() });
    assert_eq!(Name::parse("ns1/web").unwrap().display(), "ns1/web");
    assert_eq!(Name::parse("a/b/c").unwrap_err(), "name \"a/b/c\" is invalid: input can contain at most one '/'");
    let check = |ns: &str, name: &str| validate_name("Source", &Name { namespace: ns.into(), name: name.into() });
    assert_eq!(check("", "web").unwrap_err(), "SourceNS must be set");
    assert_eq!(check("default", "").unwrap_err(), "SourceName must be set");
    assert_eq!(
        check("default", "we*").unwrap_err(),
        "SourceName: wildcard character '*' cannot be used with partial values"
    );
    assert_eq!(check("*", "web").unwrap_err(), "SourceName: exact value cannot follow wildcard namespace");
    assert!(check("default", "*").is_ok() && check("default", "web").is_ok());
    // fedctl has one namespace: another (or any) is refused rather than never matching.
    assert!(check("*", "*").unwrap_err().starts_with("SourceNS \"*\": fedctl has one namespace"));
    assert!(check("ns1", "web").unwrap_err().starts_with("SourceNS \"ns1\": fedctl has one namespace"));
    assert_eq!(Action::parse("maybe").unwrap_err(), "Action must be set to 'allow' or 'deny'");
}

#[test]
fn the_order_is_precedence_then_names_and_the_display_is_the_references() {
    let mut rules = [
        rule("a", "*", "*", Action::Allow),
        rule("b", "web", "db", Action::Deny),
        rule("c", "api", "db", Action::Allow),
        rule("d", "*", "db", Action::Allow),
    ];
    rules.sort_by(order);
    let shown: Vec<String> = rules.iter().map(Rule::display).collect();
    assert_eq!(shown, ["api => db (allow)", "web => db (deny)", "* => db (allow)", "* => * (allow)"]);
}

/// Every client the RBAC rules let through is one `decide` allows, for every set of intentions
/// over sources {web, api, *} and destinations {echo, *} (one action per pair, or none), a few
/// more, and both defaults: the sidecar enforces the reference 1.8's first-match decisions.
#[test]
fn the_rbac_rules_decide_every_client_as_the_first_match_does() {
    let pairs: Vec<(&str, &str)> =
        ["web", "api", "*"].iter().flat_map(|s| ["echo", "*"].iter().map(move |d| (*s, *d))).collect();
    let mut sets: Vec<Vec<Rule>> = Vec::new();
    // Each of the 6 pairs is absent, allow or deny: 3^6 sets.
    for mut code in 0..3usize.pow(pairs.len() as u32) {
        let mut rules = Vec::new();
        for (i, (s, d)) in pairs.iter().enumerate() {
            match code % 3 {
                1 => rules.push(rule(&i.to_string(), s, d, Action::Allow)),
                2 => rules.push(rule(&i.to_string(), s, d, Action::Deny)),
                _ => {}
            }
            code /= 3;
        }
        sets.push(rules);
    }
    sets.extend(vec![
        vec![rule("1", "*", "echo", Action::Deny), rule("2", "web", "echo", Action::Allow)],
        // A wildcard-destination intention ranked below an exact-destination one does not
        // override it (the reference 1.9's RBAC would deny web here).
        vec![rule("1", "*", "echo", Action::Allow), rule("2", "web", "*", Action::Deny)],
        vec![
            rule("1", "api", "echo", Action::Allow),
            rule("2", "*", "echo", Action::Deny),
            rule("3", "admin", "*", Action::Deny),
            rule("4", "ops", "*", Action::Allow),
            rule("5", "*", "*", Action::Allow),
        ],
        vec![rule("1", "web", "*", Action::Deny), rule("2", "*", "*", Action::Allow)],
    ]);
    assert_eq!(sets.len(), 729 + 4);
    let clients = ["web", "api", "admin", "ops", "db", "other"];
    for mut rules in sets {
        rules.sort_by(order);
        for default_allow in [true, false] {
            let default = DefaultPolicy::of_setting(default_allow);
            let plan = rbac(&rules, &default);
            for client in clients {
                let listed = plan.principals.iter().any(|p| {
                    p.source.matches("default", client) && !p.except.iter().any(|e| e.matches("default", client))
                });
                let rbac_allows = if plan.action == Action::Deny { !listed } else { listed };
                let decision = decide(&rules, client, "echo", &default);
                assert_eq!(
                    rbac_allows, decision.allowed,
                    "{client} with {rules:?}, default allow {default_allow}: {plan:?}"
                );
            }
        }
    }
}

#[test]
fn the_rbac_principals_are_the_sources_minus_the_narrower_exceptions() {
    let mut rules = vec![rule("1", "*", "echo", Action::Deny), rule("2", "web", "echo", Action::Allow)];
    rules.sort_by(order);
    let plan = rbac(&rules, &DefaultPolicy::of_setting(true));
    assert_eq!(plan.action, Action::Deny);
    assert_eq!(plan.principals, [Principal { source: Name::service("*"), except: vec![Name::service("web")] }]);
    let plan = rbac(&rules, &DefaultPolicy::of_setting(false));
    assert_eq!(plan.action, Action::Allow);
    assert_eq!(plan.principals, [Principal { source: Name::service("web"), except: vec![] }]);
    assert_eq!(source_regex(&Name::service("web")), "^spiffe://[^/]+/ns/default/dc/[^/]+/svc/web$");
    assert_eq!(source_regex(&Name::service("*")), "^spiffe://[^/]+/ns/default/dc/[^/]+/svc/[^/]+$");
    assert_eq!(source_regex(&Name::service("a.b")), "^spiffe://[^/]+/ns/default/dc/[^/]+/svc/a\\.b$");
}
