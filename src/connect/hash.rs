//! The reference's cluster-name prefix for a customised discovery chain: the first 8 hex
//! digits of `hashstructure.Hash` (mitchellh/hashstructure, FNV-1 64) of
//! `struct { OverrideMeshGateway MeshGatewayConfig; OverrideProtocol string;
//! OverrideConnectTimeout time.Duration }`, with only the customised fields filled. Reproduced
//! exactly so cluster names (and the stats and dashboards built on them) match Consul's:
//! a mode-only `local` override gives `c225dc1c`, `remote` gives `dd412229`.

use std::time::Duration;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1 (multiply, then xor), not FNV-1a.
fn fnv1(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, b| h.wrapping_mul(FNV_PRIME) ^ u64::from(*b))
}

fn string(s: &str) -> u64 {
    fnv1(s.as_bytes())
}

fn int64(v: i64) -> u64 {
    fnv1(&v.to_le_bytes())
}

/// A struct: the hash of its type name, xor-ed with each field's ordered (name, value) hash.
fn structure(type_name: &str, fields: &[(&str, u64)]) -> u64 {
    fields.iter().fold(string(type_name), |h, (name, value)| {
        let mut pair = [0u8; 16];
        pair[..8].copy_from_slice(&string(name).to_le_bytes());
        pair[8..].copy_from_slice(&value.to_le_bytes());
        h ^ fnv1(&pair)
    })
}

/// The overrides that customised a chain; empty fields did not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Customization {
    pub mesh_gateway_mode: String,
    pub protocol: String,
    pub connect_timeout: Duration,
}

impl Customization {
    pub fn is_empty(&self) -> bool {
        *self == Customization::default()
    }

    /// The 8-hex-digit prefix (`<prefix>~<sni>` names the chain's clusters).
    pub fn prefix(&self) -> String {
        let gateway = structure("MeshGatewayConfig", &[("Mode", string(&self.mesh_gateway_mode))]);
        let nanos = i64::try_from(self.connect_timeout.as_nanos()).unwrap_or(i64::MAX);
        let hash = structure(
            "",
            &[
                ("OverrideMeshGateway", gateway),
                ("OverrideProtocol", string(&self.protocol)),
                ("OverrideConnectTimeout", int64(nanos)),
            ],
        );
        // Go's `%x` does not pad: a hash with leading zero digits starts with its first non-zero one.
        let hex = format!("{hash:x}");
        hex[..hex.len().min(8)].to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(m: &str) -> String {
        Customization { mesh_gateway_mode: m.to_owned(), ..Customization::default() }.prefix()
    }

    /// The values Consul 1.8's own end-to-end cases assert (`c225dc1c~s2.default.secondary`).
    #[test]
    fn mode_overrides_give_the_reference_prefixes() {
        assert_eq!(mode("local"), "c225dc1c");
        assert_eq!(mode("remote"), "dd412229");
        assert_eq!(mode("none"), "fc9afadf");
    }
}
