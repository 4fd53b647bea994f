//! A lab's security (`lab up` without `-insecure`): gossip encrypted with one key, ACLs with
//! default deny and a token per job (the servers', replication, the gateways'), and the HTTP
//! API over TLS beside plain HTTP on loopback. The management token is kept in
//! `<dir>/management.token`, the other secrets in the lab's private `config/` directory.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::plan::{Lab, LabError};
use crate::state::new_uuid;

/// What a secure lab recorded (the secrets stay in files of the lab's private directories).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LabSecurity {
    /// The management token's file (0600).
    pub management_token_file: PathBuf,
}

/// The secrets of a lab, made once by [`write_secrets`] (`config/secrets.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Secrets {
    pub gossip_key: String,
    pub management: String,
    pub servers: String,
    pub replication: String,
    pub gateways: String,
    /// The agents' `default` token, for DNS (absent in a lab an older fedctl started).
    #[serde(default)]
    pub dns: String,
}

impl Secrets {
    /// Fresh secrets.
    pub fn new() -> Secrets {
        Secrets {
            gossip_key: crate::gossip::generate_key(),
            management: new_uuid(),
            servers: new_uuid(),
            replication: new_uuid(),
            gateways: new_uuid(),
            dns: new_uuid(),
        }
    }

    /// Each job's policy `(name, rules)` with its token's secret.
    pub fn jobs(&self) -> impl Iterator<Item = (&'static str, &'static str, &str)> {
        let secrets = [&self.servers, &self.replication, &self.gateways, &self.dns];
        JOB_POLICIES.iter().zip(secrets).map(|((name, rules), secret)| (*name, *rules, secret.as_str()))
    }
}

impl Default for Secrets {
    fn default() -> Self {
        Secrets::new()
    }
}

/// The policy of each job's token (servers, replication, mesh gateways, and DNS: the agents'
/// `default` token, which DNS lookups carry), as the README's "Secure a federation" has them:
/// `(name, rules)`.
pub const JOB_POLICIES: [(&str, &str); 4] = [
    (
        "servers",
        "node_prefix \"\" { policy = \"write\" }\nservice \"consul\" { policy = \"write\" }\nservice_prefix \"\" { policy = \"read\" }\n",
    ),
    (
        "replication",
        "acl = \"write\"\noperator = \"write\"\nservice_prefix \"\" { policy = \"read\" intentions = \"read\" }\n",
    ),
    (
        "mesh-gateway",
        "service \"mesh-gateway\" { policy = \"write\" }\nservice_prefix \"\" { policy = \"read\" }\nnode_prefix \"\" { policy = \"read\" }\nagent_prefix \"\" { policy = \"read\" }\n",
    ),
    ("dns", "service_prefix \"\" { policy = \"read\" }\nnode_prefix \"\" { policy = \"read\" }\n"),
];

fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> LabError {
    let path = path.to_owned();
    move |source| LabError::Io { what, path, source }
}

fn secrets_file(dir: &Path) -> PathBuf {
    dir.join("config/secrets.json")
}

/// The gateways' token file: passed as `-token-file`, never on a command line.
fn gateway_token_path(dir: &Path) -> PathBuf {
    dir.join("config/gateway.token")
}

/// Makes the lab's secrets and writes them (each 0600): the management token to
/// `management.token`, the gateways' to `config/gateway.token`, all of them to
/// `config/secrets.json`.
pub fn write_secrets(dir: &Path) -> Result<Secrets, LabError> {
    let secrets = Secrets::new();
    let all = serde_json::to_vec(&secrets).unwrap_or_default();
    for (path, contents) in [
        (dir.join("management.token"), secrets.management.as_bytes()),
        (gateway_token_path(dir), secrets.gateways.as_bytes()),
        (secrets_file(dir), all.as_slice()),
    ] {
        crate::files::write_private_file(&path, contents).map_err(io("writing", &path))?;
    }
    Ok(secrets)
}

fn read_secrets(dir: &Path) -> Result<Secrets, LabError> {
    let path = secrets_file(dir);
    let text = std::fs::read_to_string(&path).map_err(io("reading", &path))?;
    serde_json::from_str(&text).map_err(|e| LabError::State { path, reason: e.to_string() })
}

/// The management token of a secure lab (`None` for an insecure one, or one whose file is gone).
pub fn management_token(lab: &Lab) -> Option<String> {
    let security = lab.security.as_ref()?;
    std::fs::read_to_string(&security.management_token_file).ok().map(|t| t.trim().to_owned())
}

/// The `-token-file` of a secure lab's gateways.
pub fn gateway_token_file(lab: &Lab) -> Option<PathBuf> {
    lab.security.as_ref().map(|_| gateway_token_path(&lab.dir))
}

/// A server's configuration for the secrets: the gossip key, and ACLs with its tokens (the
/// master token only in the primary, where its leader installs it; the `default` one, for
/// DNS, unless the lab predates it).
pub fn server_hcl(secrets: &Secrets, primary: bool) -> String {
    let master = if primary { format!("    master = \"{}\"\n", secrets.management) } else { String::new() };
    let default = if secrets.dns.is_empty() { String::new() } else { format!("    default = \"{}\"\n", secrets.dns) };
    format!(
        "encrypt = \"{}\"\nacl {{\n  enabled = true\n  default_policy = \"deny\"\n  down_policy = \"extend-cache\"\n  tokens {{\n{master}{default}    agent = \"{}\"\n    replication = \"{}\"\n  }}\n}}\n",
        secrets.gossip_key, secrets.servers, secrets.replication
    )
}

/// Creates each job's policy and token in the primary (with the secrets the configs name),
/// once its leader has installed the master token.
pub async fn create_tokens(lab: &Lab) -> Result<(), LabError> {
    let Some(management) = management_token(lab) else { return Ok(()) };
    let secrets = read_secrets(&lab.dir)?;
    let primary = lab.datacenters.iter().find(|d| d.primary).unwrap_or(&lab.datacenters[0]);
    let base = format!("http://{}", primary.servers[0].http_addr());
    let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap_or_default();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    let put = async |path: &str, body: serde_json::Value| -> Result<(), LabError> {
        loop {
            let sent = http.put(format!("{base}{path}")).header("X-Consul-Token", &management).json(&body).send().await;
            let (retry, reason) = match sent {
                Ok(r) if r.status().is_success() => return Ok(()),
                Ok(r) => {
                    let status = r.status().as_u16();
                    let text = r.text().await.unwrap_or_default();
                    // Written by an earlier try whose answer was lost: done.
                    if text.contains("already exists") {
                        return Ok(());
                    }
                    // Until the leader has installed the master token, it is `ACL not found`.
                    (text.contains("ACL not found") || status == 500, format!("{status}: {}", text.trim()))
                }
                Err(e) => (true, e.to_string()),
            };
            if !retry || tokio::time::Instant::now() >= deadline {
                return Err(LabError::Acl { step: path.to_owned(), reason });
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    for (name, rules, secret) in secrets.jobs().filter(|(_, _, secret)| !secret.is_empty()) {
        let description = format!("fedctl lab: {name}");
        put("/v1/acl/policy", json!({"Name": name, "Description": description, "Rules": rules})).await?;
        let token = json!({"SecretID": secret, "Description": description, "Policies": [{"Name": name}]});
        put("/v1/acl/token", token).await?;
    }
    Ok(())
}
