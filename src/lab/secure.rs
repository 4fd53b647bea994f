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

/// The secrets of a lab, made once by [`write_secrets`].
#[derive(Debug, Clone)]
pub struct Secrets {
    pub gossip_key: String,
    pub management: String,
    pub servers: String,
    pub replication: String,
    pub gateways: String,
}

/// The policy of each job's token, as the README's "Secure a federation" has them.
const POLICIES: [(&str, &str); 3] = [
    (
        "servers",
        "node_prefix \"\" { policy = \"write\" }\nservice_prefix \"\" { policy = \"write\" intentions = \"read\" }\noperator = \"write\"\n",
    ),
    (
        "replication",
        "acl = \"write\"\noperator = \"write\"\nservice_prefix \"\" { policy = \"read\" intentions = \"read\" }\n",
    ),
    (
        "mesh-gateway",
        "service \"mesh-gateway\" { policy = \"write\" }\nservice_prefix \"\" { policy = \"read\" }\nnode_prefix \"\" { policy = \"read\" }\nagent_prefix \"\" { policy = \"read\" }\n",
    ),
];

fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> LabError {
    let path = path.to_owned();
    move |source| LabError::Io { what, path, source }
}

fn secrets_file(dir: &Path) -> PathBuf {
    dir.join("config/secrets.json")
}

/// Makes the lab's secrets and writes them: the management token to `management.token`, all
/// of them to `config/secrets.json` (both 0600).
pub fn write_secrets(dir: &Path) -> Result<Secrets, LabError> {
    let secrets = Secrets {
        gossip_key: crate::gossip::generate_key(),
        management: new_uuid(),
        servers: new_uuid(),
        replication: new_uuid(),
        gateways: new_uuid(),
    };
    let file = dir.join("management.token");
    crate::files::write_private_file(&file, secrets.management.as_bytes()).map_err(io("writing", &file))?;
    let all = json!({
        "GossipKey": secrets.gossip_key, "Management": secrets.management, "Servers": secrets.servers,
        "Replication": secrets.replication, "Gateways": secrets.gateways,
    });
    let path = secrets_file(dir);
    crate::files::write_private_file(&path, all.to_string().as_bytes()).map_err(io("writing", &path))?;
    Ok(secrets)
}

/// The management token of a secure lab (`None` for an insecure one, or one whose file is gone).
pub fn management_token(lab: &Lab) -> Option<String> {
    let security = lab.security.as_ref()?;
    std::fs::read_to_string(&security.management_token_file).ok().map(|t| t.trim().to_owned())
}

/// The gateways' token of a secure lab.
pub fn gateway_token(lab: &Lab) -> Option<String> {
    lab.security.as_ref()?;
    let text = std::fs::read_to_string(secrets_file(&lab.dir)).ok()?;
    let all: serde_json::Value = serde_json::from_str(&text).ok()?;
    all["Gateways"].as_str().map(str::to_owned)
}

/// A server's configuration for the secrets: the gossip key, and ACLs with its tokens (the
/// master token only in the primary, where its leader installs it).
pub fn server_hcl(secrets: &Secrets, primary: bool) -> String {
    let master = if primary { format!("    master = \"{}\"\n", secrets.management) } else { String::new() };
    format!(
        "encrypt = \"{}\"\nacl {{\n  enabled = true\n  default_policy = \"deny\"\n  down_policy = \"extend-cache\"\n  tokens {{\n{master}    agent = \"{}\"\n    replication = \"{}\"\n  }}\n}}\n",
        secrets.gossip_key, secrets.servers, secrets.replication
    )
}

/// Creates each job's policy and token in the primary (with the secrets the configs name),
/// once its leader has installed the master token.
pub async fn create_tokens(lab: &Lab) -> Result<(), LabError> {
    let Some(management) = management_token(lab) else { return Ok(()) };
    let text = std::fs::read_to_string(secrets_file(&lab.dir)).map_err(io("reading", &secrets_file(&lab.dir)))?;
    let all: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let primary = lab.datacenters.iter().find(|d| d.primary).unwrap_or(&lab.datacenters[0]);
    let base = format!("http://{}", primary.servers[0].http_addr());
    let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap_or_default();
    let failed = |step: &str, reason: String| LabError::Acl { step: step.to_owned(), reason };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    let put = async |path: &str, body: serde_json::Value| -> Result<(), LabError> {
        loop {
            let sent = http.put(format!("{base}{path}")).header("X-Consul-Token", &management).json(&body).send().await;
            let reason = match sent {
                Ok(r) if r.status().is_success() => return Ok(()),
                Ok(r) => format!("{}: {}", r.status(), r.text().await.unwrap_or_default()),
                Err(e) => e.to_string(),
            };
            // Until the leader has installed the master token, it is `ACL not found`.
            if tokio::time::Instant::now() >= deadline {
                return Err(failed(path, reason));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    for ((name, rules), key) in POLICIES.iter().zip(["Servers", "Replication", "Gateways"]) {
        put("/v1/acl/policy", json!({"Name": name, "Description": format!("fedctl lab: {name}"), "Rules": rules}))
            .await?;
        let secret = all[key].as_str().unwrap_or_default();
        let token =
            json!({"SecretID": secret, "Description": format!("fedctl lab: {name}"), "Policies": [{"Name": name}]});
        put("/v1/acl/token", token).await?;
    }
    Ok(())
}
