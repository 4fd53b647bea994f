use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::Which;
use crate::cli::{CliError, ClientArgs, Ctx, FormatArg};

/// Show one intention, named by its source and destination or by its ID.
///
/// Prints its source, destination, action, ID, description (if any), metadata and creation
/// time (UTC, in the reference's RFC 850 form); -format=json prints it as the HTTP API has it.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  fedctl intention get web db\n  fedctl intention get -format=json '*' db\n  fedctl intention get 4c3a9fb0-6a52-4a89-9a33-3b3a7a6d2f61"
)]
pub struct Args {
    /// SRC DST, or the intention's ID.
    #[arg(value_name = "SRC DST | ID")]
    pub args: Vec<String>,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub client: ClientArgs,
}

pub async fn cmd_intention_get(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let which = Which::of(&args.args)?;
    let client = args.client.client()?;
    let intention = which.lookup(&client).await?;
    if args.format.is_json() {
        return ctx.out.json(&intention);
    }
    let mut rows = vec![
        ("Source:".to_owned(), intention.source().display()),
        ("Destination:".to_owned(), intention.destination().display()),
        ("Action:".to_owned(), intention.action.clone()),
        ("ID:".to_owned(), intention.id.clone()),
    ];
    if !intention.description.is_empty() {
        rows.push(("Description:".to_owned(), intention.description.clone()));
    }
    for (key, value) in &intention.meta {
        rows.push((format!("Meta[{key}]:"), value.clone()));
    }
    rows.push(("Created At:".to_owned(), rfc850(&intention.created_at)));
    // Two columns, the values lined up one space after the longest label.
    let width = rows.iter().map(|(label, _)| label.len()).max().unwrap_or(0);
    rows.iter().try_for_each(|(label, value)| ctx.out.line(format!("{label:<width$} {value}").trim_end()))
}

/// An RFC 3339 time as the reference prints it (Go's RFC 850 layout, `Monday, 02-Jan-06
/// 15:04:05 UTC`), in UTC; anything else as it is.
fn rfc850(rfc3339: &str) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let Ok(t) = OffsetDateTime::parse(rfc3339, &Rfc3339) else { return rfc3339.to_owned() };
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{}, {:02}-{}-{:02} {:02}:{:02}:{:02} UTC",
        t.weekday(),
        t.day(),
        MONTHS[usize::from(u8::from(t.month())) - 1],
        t.year().rem_euclid(100),
        t.hour(),
        t.minute(),
        t.second()
    )
}
