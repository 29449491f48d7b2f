//! `floss-registry migrate [up|down|status]`: apply, roll back or list the database
//! migrations of the database `DATABASE_URL` names (default: the SQLite file in the state dir).

use super::exit;
use crate::config::{Config, ConfigArgs};
use crate::db::{self, DbError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Action {
    /// Apply every pending migration.
    Up,
    /// Roll back the last applied migration (every one with --all).
    Down,
    /// List the migrations, applied or pending.
    Status,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do [default: up]
    #[arg(value_enum, default_value_t = Action::Up)]
    pub action: Action,
    /// With `down`: roll back every applied migration (this drops all workflow data).
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
}

pub fn run(args: &Args) -> u8 {
    if args.all && args.action != Action::Down {
        eprintln!("error: --all only goes with `migrate down`");
        return exit::USAGE_OR_IO;
    }
    let config = match Config::from_args(&args.config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::USAGE_OR_IO;
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return exit::USAGE_OR_IO;
        }
    };
    let shown_url = db::redact_url(&config.database_url);
    match runtime.block_on(execute(args, &config.database_url)) {
        Ok(lines) => {
            println!("database: {shown_url}");
            for line in lines {
                println!("{line}");
            }
            exit::OK
        }
        Err(e @ DbError::Connect { .. }) => {
            eprintln!("error: {e}");
            exit::USAGE_OR_IO
        }
        Err(e) => {
            eprintln!("error: database {shown_url}: {e}");
            exit::USAGE_OR_IO
        }
    }
}

async fn execute(args: &Args, url: &str) -> Result<Vec<String>, DbError> {
    let conn = db::connect(url).await?;
    let lines = match args.action {
        Action::Up => {
            let applied = db::migrate_up(&conn).await?;
            if applied.is_empty() {
                vec!["up to date: no pending migration".to_owned()]
            } else {
                applied
                    .into_iter()
                    .map(|m| format!("applied  {m}"))
                    .collect()
            }
        }
        Action::Down => {
            let steps = if args.all { None } else { Some(1) };
            let undone = db::migrate_down(&conn, steps).await?;
            if undone.is_empty() {
                vec!["nothing to roll back: no migration applied".to_owned()]
            } else {
                undone
                    .into_iter()
                    .map(|m| format!("rolled back  {m}"))
                    .collect()
            }
        }
        Action::Status => {
            let states = db::migrate_status(&conn).await?;
            let pending = states.iter().filter(|m| !m.applied).count();
            let mut lines: Vec<String> = states
                .into_iter()
                .map(|m| {
                    let state = if m.applied { "applied" } else { "pending" };
                    format!("{state:<8} {}", m.name)
                })
                .collect();
            lines.push(format!("{pending} pending"));
            lines
        }
    };
    conn.close().await.ok();
    Ok(lines)
}
