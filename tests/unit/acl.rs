//! The ACL rule language and authorizer: parsing as the reference's HCL 1 and JSON forms,
//! exact-over-longest-prefix lookup, merging (the stronger disposition wins), the default
//! policy, and write-under-a-prefix, checked against a plain model over every small case.

use fedctl::acl::{Access, Authorizer, Decision, Disposition, Permission, Resource, Rules, RulesError, Scalar};
use fedctl::state::GLOBAL_MANAGEMENT_RULES;
use proptest::prelude::*;

fn key(name: &str, access: Access) -> Permission {
    Permission::on(Resource::Key, name, access)
}

#[test]
fn the_reference_forms_of_rules_parse_alike() {
    let one_line = r#"service_prefix "" { policy = "write" intentions = "write" }  key "a" { policy = "deny" }"#;
    let json =
        r#"{"service_prefix": {"": {"policy": "write", "intentions": "write"}}, "key": [{"a": {"policy": "deny"}}]}"#;
    let hcl2 = "# a comment\nservice_prefix \"\" {\n  policy = \"write\"\n  intentions = \"write\"\n}\n/* block */ key \"a\" {\n policy = \"DENY\"\n}\n";
    let parsed: Vec<Rules> = [one_line, json, hcl2].iter().map(|t| Rules::parse(t).unwrap()).collect();
    assert_eq!(parsed[0], parsed[1]);
    assert_eq!(parsed[0], parsed[2]);
    let authz = Authorizer::new(parsed[0].clone(), false, "t");
    assert!(authz.allows(&Permission::on(Resource::Service, "web", Access::Write)));
    assert!(authz.allows(&Permission::Intention { name: "web".into(), access: Access::Write }));
    assert!(!authz.allows(&key("a", Access::Read)));
    assert!(!authz.allows(&key("b", Access::Read)), "no rule and default deny");
}

#[test]
fn unknown_keys_are_ignored_and_bad_dispositions_refused_in_the_reference_words() {
    let rules = Rules::parse("acl_prefix \"\" { policy = \"write\" }\noperator = \"read\"").unwrap();
    assert_eq!(rules.ignored, vec!["acl_prefix".to_owned()]);
    assert_eq!(rules.scalars.get(&Scalar::Operator), Some(&Disposition::Read));
    let err = Rules::parse("acl = \"sideways\"").unwrap_err();
    assert_eq!(err.to_string(), "Invalid acl policy: \"sideways\"");
    let err = Rules::parse("service \"web\" { policy = \"list\" }").unwrap_err();
    assert!(matches!(&err, RulesError::Invalid { keyword, .. } if keyword == "service"), "{err}");
    assert!(err.to_string().starts_with("Invalid service policy: "), "{err}");
    assert!(Rules::parse("key_prefix \"\" { policy = \"list\" }").is_ok(), "list is valid on keys");
    let err = Rules::parse("key_prefix \"\" { policy = ").unwrap_err();
    assert!(err.to_string().starts_with("Failed to parse ACL rules: "), "{err}");
}

#[test]
fn default_allow_never_allows_acl_management_and_global_management_allows_everything() {
    let open = Authorizer::new(Rules::default(), true, "t");
    assert!(open.allows(&key("x", Access::Write)));
    assert!(open.allows(&Permission::scalar(Scalar::Operator, Access::Write)));
    assert!(!open.allows(&Permission::scalar(Scalar::Acl, Access::Read)));
    let manage = Authorizer::new(Rules::parse(GLOBAL_MANAGEMENT_RULES).unwrap(), false, "t");
    for scalar in [Scalar::Acl, Scalar::Keyring, Scalar::Operator] {
        assert!(manage.allows(&Permission::scalar(scalar, Access::Write)));
    }
    for resource in Resource::ALL {
        assert!(manage.allows(&Permission::on(resource, "anything/at/all", Access::Write)), "{resource:?}");
    }
    assert!(manage.allows(&Permission::KeyWritePrefix(String::new())));
    assert!(manage.allows(&Permission::Intention { name: "*".into(), access: Access::Write }));
}

#[test]
fn write_under_a_prefix_needs_every_rule_under_it_to_write() {
    let authz = |text: &str| Authorizer::new(Rules::parse(text).unwrap(), false, "t");
    let a = authz("key_prefix \"app/\" { policy = \"write\" }");
    assert!(a.allows(&Permission::KeyWritePrefix("app/".into())));
    assert!(a.allows(&Permission::KeyWritePrefix("app/x/".into())));
    assert!(!a.allows(&Permission::KeyWritePrefix("".into())), "no rule governs the root");
    let b = authz("key_prefix \"app/\" { policy = \"write\" }\nkey \"app/secret\" { policy = \"read\" }");
    assert!(!b.allows(&Permission::KeyWritePrefix("app/".into())));
    assert!(b.allows(&Permission::KeyWritePrefix("app/other".into())));
    let c = authz("key_prefix \"app/\" { policy = \"read\" }\nkey_prefix \"app/x/\" { policy = \"write\" }");
    assert!(!c.allows(&Permission::KeyWritePrefix("app/".into())));
    assert!(c.allows(&Permission::KeyWritePrefix("app/x/y".into())));
    assert_eq!(
        Authorizer::new(Rules::default(), true, "t").decide(&Permission::KeyWritePrefix("a".into())),
        Decision::Default
    );
}

// The model: a rule is (exact?, segment, disposition); several policies are merged by taking
// the strongest disposition per (exact?, segment); the exact rule for the whole name wins,
// else the longest prefix, else the default.

const SEGMENTS: [&str; 5] = ["", "a", "ab", "abc", "b"];
const NAMES: [&str; 6] = ["", "a", "ab", "abc", "abd", "b"];

fn disposition() -> impl Strategy<Value = Disposition> {
    prop_oneof![Just(Disposition::Read), Just(Disposition::List), Just(Disposition::Write), Just(Disposition::Deny)]
}

fn policy() -> impl Strategy<Value = Vec<(bool, usize, Disposition)>> {
    proptest::collection::vec((any::<bool>(), 0..SEGMENTS.len(), disposition()), 0..6)
}

fn text(rules: &[(bool, usize, Disposition)]) -> String {
    rules
        .iter()
        .map(|(exact, seg, d)| {
            let word = match d {
                Disposition::Read => "read",
                Disposition::List => "list",
                Disposition::Write => "write",
                Disposition::Deny => "deny",
            };
            format!("{} {:?} {{ policy = {word:?} }}\n", if *exact { "key" } else { "key_prefix" }, SEGMENTS[*seg])
        })
        .collect()
}

fn model(policies: &[Vec<(bool, usize, Disposition)>], name: &str, access: Access, default_allow: bool) -> bool {
    let strongest = |exact: bool, seg: &str| {
        policies.iter().flatten().filter(|(e, s, _)| *e == exact && SEGMENTS[*s] == seg).map(|(_, _, d)| *d).max()
    };
    if let Some(d) = strongest(true, name) {
        return d.grants(access);
    }
    // The longest prefix that has a rule.
    let mut prefixes: Vec<&str> = SEGMENTS.iter().copied().filter(|s| name.starts_with(s)).collect();
    prefixes.sort_by_key(|s| std::cmp::Reverse(s.len()));
    match prefixes.into_iter().find_map(|s| strongest(false, s)) {
        Some(d) => d.grants(access),
        None => default_allow,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn merged_policies_decide_every_key_as_the_model(
        policies in proptest::collection::vec(policy(), 1..4),
        default_allow in any::<bool>(),
    ) {
        let mut merged = Rules::default();
        for p in &policies {
            merged.merge(&Rules::parse(&text(p)).unwrap());
        }
        let authz = Authorizer::new(merged, default_allow, "t");
        for name in NAMES {
            for access in [Access::Read, Access::List, Access::Write] {
                prop_assert_eq!(
                    authz.allows(&key(name, access)),
                    model(&policies, name, access, default_allow),
                    "{:?} {:?} under {:?}", name, access, policies
                );
            }
        }
    }
}

/// A secondary's resolver first sees a policy as the primary has it (a token it did not hold
/// yet, asked of the primary), then its own replicated copy: another index space, so the
/// same ID and ModifyIndex can carry other rules. The rules decide, not the index.
#[test]
fn a_policy_compiled_from_the_primary_does_not_stand_for_a_local_copy_of_the_same_index() {
    use fedctl::state::{AclIdentity, AclLink, AclOp, AclPolicy, AclSet, AclToken, Command, RaftIndex, Store};
    let resolver = fedctl::acl::Resolver::new("dc2", false);
    let policy = |rules: &str, modify_index| AclPolicy {
        id: "6c1e4f0a-0000-4000-8000-000000000001".into(),
        name: "moving".into(),
        rules: rules.into(),
        index: RaftIndex { create_index: 1, modify_index },
        ..AclPolicy::default()
    };
    let token = AclToken {
        accessor_id: "6c1e4f0a-0000-4000-8000-000000000002".into(),
        secret_id: "6c1e4f0a-0000-4000-8000-000000000003".into(),
        policies: vec![AclLink { id: policy("", 0).id, name: String::new() }],
        ..AclToken::default()
    };
    // At the primary the policy is at index 3, granting none/.
    let primary_copy = AclIdentity {
        token: token.clone(),
        policies: vec![policy("key_prefix \"none/\" { policy = \"read\" }", 3)],
        service_identities: Vec::new(),
    };
    let asked = resolver.of_identity(&primary_copy).unwrap();
    assert!(asked.check(&key("none/a", Access::Read)).is_ok());
    // Replicated here, at this datacenter's index 3, with newer rules.
    let mut store = Store::new();
    let set = AclSet {
        policies: vec![policy("key_prefix \"app/\" { policy = \"write\" }", 9)],
        roles: vec![],
        tokens: vec![token.clone()],
    };
    store.apply(3, &Command::Acl(AclOp::Replace(Box::new(set)))).unwrap();
    let here = resolver.resolve(&store, &token.secret_id).unwrap();
    assert!(here.check(&key("app/a", Access::Write)).is_ok(), "the local copy's rules");
    assert!(here.check(&key("none/a", Access::Read)).is_err(), "not the primary's older ones");
}
