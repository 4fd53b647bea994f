//! The primary's ACL built-ins. On every leadership gain the primary's leader makes sure the
//! `global-management` policy and the anonymous token exist (and the configured master token,
//! `acl { tokens { master } }`, once): a leader that lost them, or a fresh datacenter, gets
//! them back without anyone asking.

use std::time::Duration;

use tokio::sync::watch;

use super::until_leader;
use crate::duration::now_rfc3339;
use crate::raft::RaftNode;
use crate::state::{AclLink, AclOp, AclToken, Command, GLOBAL_MANAGEMENT_ID, new_uuid};
use crate::tasks::stopped;

const RETRY: Duration = Duration::from_secs(1);
const LEADER_POLL: Duration = Duration::from_millis(500);

/// Until shutdown: installs the built-ins each time this server becomes the primary's leader.
pub async fn run_acl_builtins(raft: RaftNode, master: String, mut shutdown: watch::Receiver<bool>) {
    while until_leader(&raft, &mut shutdown).await {
        match install(&raft, &master).await {
            Ok(()) => {
                tracing::debug!("ACL built-ins in place");
                // Until leadership is lost: the next leader (perhaps this one again) installs.
                while raft.leader() == Some(raft.id()) {
                    tokio::select! {
                        _ = tokio::time::sleep(LEADER_POLL) => {}
                        _ = stopped(&mut shutdown) => return,
                    }
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "installing the ACL built-ins (will retry)");
                tokio::select! {
                    _ = tokio::time::sleep(RETRY) => {}
                    _ = stopped(&mut shutdown) => return,
                }
            }
        }
    }
}

async fn install(raft: &RaftNode, master: &str) -> Result<(), crate::state::RequestError> {
    raft.apply(Command::Acl(AclOp::InstallBuiltins { create_time: now_rfc3339() })).await?;
    let (known, bootstrapped) =
        raft.state().read(|s| (s.acl_token_by_secret(master).is_some(), s.acl_bootstrap_index() != 0));
    if master.is_empty() || known {
        return Ok(());
    }
    let token = Box::new(AclToken {
        accessor_id: new_uuid(),
        secret_id: master.to_owned(),
        description: "Master Token".to_owned(),
        policies: vec![AclLink { id: GLOBAL_MANAGEMENT_ID.to_owned(), name: String::new() }],
        create_time: now_rfc3339(),
        ..Default::default()
    });
    // As the reference: through bootstrap while that is still open, so a later bootstrap is
    // refused.
    let op = if bootstrapped {
        AclOp::TokenSet { token, create: true }
    } else {
        AclOp::Bootstrap { token, reset_index: None }
    };
    raft.apply(Command::Acl(op)).await?;
    tracing::info!("Created ACL master token from configuration");
    Ok(())
}
