//! The command line: argument parsing and dispatch to one module per command.
//!
//! Exit codes: 0 ok, 1 findings or differences, 2 error. `--help` is in
//! English; messages for users follow `--lang` (Polish by default).

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::i18n::{self, Lang};

pub mod export;

/// schemat: editor of the organizational structure of city-hall departments.
#[derive(Debug, Parser)]
#[command(name = "schemat", version, about, long_about = None)]
pub struct Cli {
    /// Language of messages: pl (default) or en.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Pl)]
    pub lang: Lang,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A .ron file to open in the editor (without a command).
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files and print findings as `FILE: severity code unit-symbol: message`.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the hierarchy as an indented tree with symbols.
    Show { file: PathBuf },
    /// Rewrite a file in canonical form (atomically).
    Fmt { file: PathBuf },
    /// Export the org chart (PNG, SVG) or the canonical RON to new files.
    Export(export::ExportArgs),
}

/// Outcome of a command, mapped to the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: all good.
    Ok,
    /// 1: findings or differences.
    Findings,
}

/// Runs the program with the given arguments (the first is the program name).
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    let lang = cli.lang;
    match execute(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(err) => {
            eprintln!("schemat: {}: {err:#}", i18n::cli::text(lang).error);
            ExitCode::from(2)
        }
    }
}

fn execute(cli: Cli) -> anyhow::Result<Outcome> {
    let lang = cli.lang;
    match cli.command {
        None => {
            println!("{}", i18n::cli::text(lang).no_gui_yet);
            Ok(Outcome::Ok)
        }
        Some(Command::Validate { files }) => {
            let _ = files;
            anyhow::bail!("validate: not built yet")
        }
        Some(Command::Show { file }) => {
            let doc = crate::io::load(&file)?;
            for (i, unit) in doc.units.iter().enumerate() {
                println!("{}{}", "  ".repeat(doc.depth(i)), unit.label());
            }
            Ok(Outcome::Ok)
        }
        Some(Command::Export(args)) => export::run(&args, lang),
        Some(Command::Fmt { file }) => {
            let doc = crate::io::load(&file)?;
            crate::io::save(&doc, &file)?;
            Ok(Outcome::Ok)
        }
    }
}
