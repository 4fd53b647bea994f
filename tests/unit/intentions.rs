//! Intentions' rules as the reference 1.8 has them: name parsing and validation messages,
//! precedence 9..1, the order, and the decision (first match wins, else the default).

use fedctl::connect::intentions::{Action, Name, Rule, decide, order, validate};

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
    let web = decide(&rules, "web", "echo", true, "ACLs disabled, access is allowed by default");
    assert!(web.allowed);
    assert_eq!(web.reason, "Matched intention: ALLOW default/web => default/echo (ID: 2, Precedence: 9)");
    let api = decide(&rules, "api", "echo", true, "ACLs disabled, access is allowed by default");
    assert!(!api.allowed, "{api:?}");
    assert!(api.reason.contains("DENY default/* => default/echo (ID: 1, Precedence: 8)"), "{api:?}");
    let other = decide(&rules, "api", "db", false, "Default behavior configured by ACLs");
    assert_eq!((other.allowed, other.reason.as_str()), (false, "Default behavior configured by ACLs"));
}

#[test]
fn names_are_parsed_and_checked_with_the_reference_words() {
    assert_eq!(Name::parse("web").unwrap(), Name { namespace: "default".into(), name: "web".into() });
    assert_eq!(Name::parse("ns1/web").unwrap().display(), "ns1/web");
    assert_eq!(Name::parse("a/b/c").unwrap_err(), "name \"a/b/c\" is invalid: input can contain at most one '/'");
    let check = |ns: &str, name: &str| validate("Source", &Name { namespace: ns.into(), name: name.into() });
    assert_eq!(check("", "web").unwrap_err(), "SourceNS must be set");
    assert_eq!(check("default", "").unwrap_err(), "SourceName must be set");
    assert_eq!(
        check("default", "we*").unwrap_err(),
        "SourceName: wildcard character '*' cannot be used with partial values"
    );
    assert_eq!(check("*", "web").unwrap_err(), "SourceName: exact value cannot follow wildcard namespace");
    assert!(check("*", "*").is_ok() && check("default", "*").is_ok() && check("default", "web").is_ok());
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
