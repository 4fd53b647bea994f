//! Intentions -> the RBAC network filter a sidecar's public listener runs first (the
//! reference 1.9's `envoy.filters.network.rbac`, stat prefix `connect_authz`): one policy,
//! `consul-intentions-layer4`, of the principals `connect::intentions::rbac` computed, each a
//! source's SPIFFE URI (any trust domain, any datacenter) minus its exceptions. A denied
//! client's connection is closed before a byte reaches the application.

use std::collections::HashMap;

use envoy_types::pb::envoy::config::listener::v3::Filter;
use envoy_types::pb::envoy::config::rbac::v3::{
    Permission, Policy, Principal, Rbac as Rules, permission, principal, rbac,
};
use envoy_types::pb::envoy::extensions::filters::network::rbac::v3::Rbac;
use envoy_types::pb::envoy::r#type::matcher::v3::{RegexMatcher, StringMatcher, string_matcher};
use envoy_types::util::pack_any;

use super::resources::typed_filter;
use crate::connect::intentions::{self, source_regex};
use crate::state::{Action, Name};

/// The filter's name, stat prefix and policy name (the reference's).
pub const FILTER: &str = "envoy.filters.network.rbac";
pub const STAT_PREFIX: &str = "connect_authz";
pub const POLICY: &str = "consul-intentions-layer4";

/// The public listener's RBAC filter for these rules.
pub fn network_filter(rules: &intentions::Rbac) -> Filter {
    let action = match rules.action {
        Action::Allow => rbac::Action::Allow,
        Action::Deny => rbac::Action::Deny,
    };
    let mut policies = HashMap::new();
    if !rules.principals.is_empty() {
        let principals = rules.principals.iter().map(principal).collect();
        let permissions = vec![Permission { rule: Some(permission::Rule::Any(true)) }];
        policies.insert(POLICY.to_owned(), Policy { permissions, principals, ..Policy::default() });
    }
    let config = Rbac {
        stat_prefix: STAT_PREFIX.to_owned(),
        rules: Some(Rules { action: action as i32, policies, ..Rules::default() }),
        ..Rbac::default()
    };
    typed_filter(FILTER, pack_any(config))
}

fn principal(p: &intentions::Principal) -> Principal {
    if p.except.is_empty() {
        return authenticated(&p.source);
    }
    let mut ids = vec![authenticated(&p.source)];
    for except in &p.except {
        ids.push(Principal { identifier: Some(principal::Identifier::NotId(Box::new(authenticated(except)))) });
    }
    Principal { identifier: Some(principal::Identifier::AndIds(principal::Set { ids })) }
}

/// A client whose certificate's URI SAN is a leaf of `source`.
fn authenticated(source: &Name) -> Principal {
    let matcher = StringMatcher {
        match_pattern: Some(string_matcher::MatchPattern::SafeRegex(RegexMatcher {
            regex: source_regex(source),
            ..RegexMatcher::default()
        })),
        ..StringMatcher::default()
    };
    Principal {
        identifier: Some(principal::Identifier::Authenticated(principal::Authenticated {
            principal_name: Some(matcher),
        })),
    }
}
