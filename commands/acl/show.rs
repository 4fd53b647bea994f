//! How the acl commands print tokens, policies and roles: the reference's blocks of
//! `Label:   value` lines (`-meta` adds the hash and raft indexes), or `-format=json` as the
//! HTTP API has them.

use fedctl::state::{AclLink, AclPolicy, AclRole, AclToken, ServiceIdentity};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::cli::{CliError, Ctx, FormatArg};

/// `-format` and `-meta`, flattened into every acl command that prints one.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct ShowArgs {
    #[command(flatten)]
    pub format: FormatArg,
    /// Also show the content hash and the raft indexes.
    #[arg(long)]
    pub meta: bool,
}

/// A block of lines being built; labels are padded to the reference's columns.
struct Block {
    lines: Vec<String>,
    width: usize,
    indent: &'static str,
}

impl Block {
    fn new(width: usize, indent: &'static str) -> Block {
        Block { lines: Vec::new(), width, indent }
    }

    fn field(&mut self, label: &str, value: impl std::fmt::Display) {
        let label = format!("{label}:");
        self.lines.push(format!("{}{label:<width$}{value}", self.indent, width = self.width).trim_end().to_owned());
    }

    fn links(&mut self, title: &str, links: &[AclLink]) {
        if !links.is_empty() {
            self.lines.push(format!("{}{title}:", self.indent));
            self.lines.extend(links.iter().map(|l| format!("{}   {} - {}", self.indent, l.id, l.name)));
        }
    }

    fn identities(&mut self, identities: &[ServiceIdentity]) {
        if identities.is_empty() {
            return;
        }
        self.lines.push(format!("{}Service Identities:", self.indent));
        for identity in identities {
            let dcs = if identity.datacenters.is_empty() { "all".to_owned() } else { identity.datacenters.join(", ") };
            self.lines.push(format!("{}   {} (Datacenters: {dcs})", self.indent, identity.service_name));
        }
    }

    fn print(self, ctx: &Ctx) -> Result<(), CliError> {
        self.lines.iter().try_for_each(|line| ctx.out.line(line))
    }
}

/// An RFC 3339 time as the reference prints a Go `time.Time` (`2006-01-02 15:04:05.999999999
/// +0000 UTC`); anything else as it is.
fn go_time(rfc3339: &str) -> String {
    let Ok(t) = OffsetDateTime::parse(rfc3339, &Rfc3339) else { return rfc3339.to_owned() };
    let t = t.to_offset(time::UtcOffset::UTC);
    let fraction = match t.nanosecond() {
        0 => String::new(),
        n => format!(".{n:09}").trim_end_matches('0').to_owned(),
    };
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}{fraction} +0000 UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// One token in full (`acl token read`, `create`, ...), or a list entry (`acl token list`:
/// no SecretID, and `Legacy:`).
fn token_block(token: &AclToken, meta: bool, entry: bool) -> Block {
    let mut b = Block::new(18, "");
    b.field("AccessorID", &token.accessor_id);
    if !entry {
        b.field("SecretID", &token.secret_id);
    }
    b.field("Description", &token.description);
    b.field("Local", token.local);
    b.field("Create Time", go_time(&token.create_time));
    if let Some(at) = &token.expiration_time {
        b.field("Expiration Time", go_time(at));
    }
    if entry {
        b.field("Legacy", false);
    }
    if meta {
        b.field("Hash", &token.hash);
        b.field("Create Index", token.index.create_index);
        b.field("Modify Index", token.index.modify_index);
    }
    b.links("Policies", &token.policies);
    b.links("Roles", &token.roles);
    b.identities(&token.service_identities);
    b
}

pub fn token(ctx: &Ctx, show: ShowArgs, token: &AclToken) -> Result<(), CliError> {
    if show.format.is_json() {
        return ctx.out.json(token);
    }
    token_block(token, show.meta, false).print(ctx)
}

/// Every token, a blank line between them.
pub fn tokens(ctx: &Ctx, show: ShowArgs, tokens: &[AclToken]) -> Result<(), CliError> {
    if show.format.is_json() {
        return ctx.out.json(&tokens);
    }
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            ctx.out.line("")?;
        }
        token_block(token, show.meta, true).print(ctx)?;
    }
    Ok(())
}

fn policy_header(b: &mut Block, policy: &AclPolicy, meta: bool) {
    b.field("Description", &policy.description);
    b.field("Datacenters", policy.datacenters.join(", "));
    if meta {
        b.field("Hash", &policy.hash);
        b.field("Create Index", policy.index.create_index);
        b.field("Modify Index", policy.index.modify_index);
    }
}

pub fn policy(ctx: &Ctx, show: ShowArgs, policy: &AclPolicy) -> Result<(), CliError> {
    if show.format.is_json() {
        return ctx.out.json(policy);
    }
    let mut b = Block::new(14, "");
    b.field("ID", &policy.id);
    b.field("Name", &policy.name);
    policy_header(&mut b, policy, show.meta);
    b.lines.push("Rules:".to_owned());
    b.lines.extend(policy.rules.lines().map(str::to_owned));
    b.print(ctx)
}

/// Every policy: its name, then its fields indented.
pub fn policies(ctx: &Ctx, show: ShowArgs, policies: &[AclPolicy]) -> Result<(), CliError> {
    if show.format.is_json() {
        return ctx.out.json(&policies);
    }
    for policy in policies {
        ctx.out.line(format!("{}:", policy.name))?;
        let mut b = Block::new(14, "   ");
        b.field("ID", &policy.id);
        policy_header(&mut b, policy, show.meta);
        b.print(ctx)?;
    }
    Ok(())
}

fn role_block(role: &AclRole, meta: bool, indent: &'static str) -> Block {
    let mut b = Block::new(14, indent);
    b.field("ID", &role.id);
    if indent.is_empty() {
        b.field("Name", &role.name);
    }
    b.field("Description", &role.description);
    if meta {
        b.field("Hash", &role.hash);
        b.field("Create Index", role.index.create_index);
        b.field("Modify Index", role.index.modify_index);
    }
    b.links("Policies", &role.policies);
    b.identities(&role.service_identities);
    b
}

pub fn role(ctx: &Ctx, show: ShowArgs, role: &AclRole) -> Result<(), CliError> {
    if show.format.is_json() {
        return ctx.out.json(role);
    }
    role_block(role, show.meta, "").print(ctx)
}

/// Every role: its name, then its fields indented.
pub fn roles(ctx: &Ctx, show: ShowArgs, roles: &[AclRole]) -> Result<(), CliError> {
    if show.format.is_json() {
        return ctx.out.json(&roles);
    }
    for role in roles {
        ctx.out.line(format!("{}:", role.name))?;
        role_block(role, show.meta, "   ").print(ctx)?;
    }
    Ok(())
}
