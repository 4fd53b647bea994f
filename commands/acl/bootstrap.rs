use super::show::{self, ShowArgs};
use crate::cli::{CliError, ClientArgs, Ctx};

/// Make the first management token, once per federation.
///
/// Asks the primary datacenter (whichever agent takes it) for a token linked to the
/// `global-management` policy and prints it: keep its SecretID, it can do anything. A second
/// bootstrap is refused with the reset index: write that number into the file
/// `acl-bootstrap-reset` in the data directory of the primary's leader to allow one more.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  fedctl acl bootstrap\n  fedctl acl bootstrap -format=json")]
pub struct Args {
    #[command(flatten)]
    pub show: ShowArgs,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_acl_bootstrap(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let client = args.client.client()?;
    let token = client.acl_bootstrap().await.map_err(|e| {
        let reset = e.to_string().contains("reset index");
        let err = CliError::failure(format!("Failed ACL bootstrapping: {e}"));
        if reset {
            err.hint("write the reset index into acl-bootstrap-reset in the data directory of the primary's leader, then bootstrap again")
        } else {
            err
        }
    })?;
    show::token(ctx, args.show, &token)
}
