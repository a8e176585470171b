//! The command line: argument parsing and dispatch to one module per command.
//!
//! Exit codes: 0 ok, 1 findings or differences, 2 error. `--help` is in
//! English; messages for users follow `--lang` (Polish by default).

pub mod amend;
pub mod diff;
pub mod export;
pub mod fmt;
pub mod import;
pub mod regulamin;
pub mod show;
pub mod validate;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::i18n::{self, Lang};

/// schemat: editor of the organizational structure of city-hall departments.
#[derive(Debug, Parser)]
#[command(name = "schemat", version, about, long_about = None)]
pub struct Cli {
    /// Language of messages and of the editor: pl or en. Commands default to pl; the editor
    /// defaults to the language last chosen in it.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A .ron file to open in the editor (without a command).
    pub file: Option<PathBuf>,
    /// Open the editor in compare mode against this baseline (.ron).
    #[arg(long, value_name = "OLD")]
    pub compare: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files and print findings as `FILE: severity code unit-symbol: message`.
    /// Exits with 1 when a file has findings of severity error or warning.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the hierarchy as an indented tree with symbols and kinds.
    Show { file: PathBuf },
    /// Rewrite a file in canonical form (atomically, keeping FILE.bak).
    Fmt { file: PathBuf },
    /// Compare two versions: what the NEW one (a proposal) changes in the OLD one.
    Diff(diff::DiffArgs),
    /// Export the org chart (PNG, SVG) or the canonical RON to new files.
    Export(export::ExportArgs),
    /// Print the Regulamin as legal text (§ headings, ust., pkt, lit., "(uchylony)").
    Regulamin(regulamin::RegulaminArgs),
    /// Write the amending ordinance (zarządzenie zmieniające) that turns OLD into NEW.
    Amend(amend::AmendArgs),
    /// Apply an ordinance's § 1 to OLD and print the consolidated text (tekst ujednolicony).
    Apply(amend::ApplyArgs),
    /// Import a Regulamin from its text (.txt) or Markdown (.md) form as a document, with a report.
    /// Exits with 1 when something was ambiguous.
    Import(import::ImportArgs),
}

/// Outcome of a command, mapped to the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: all good.
    Ok,
    /// 1: findings or differences.
    Findings,
    /// 2: an error that the command has already reported (e.g. one of several files failed to load).
    Failed,
}

/// Runs the program with the given arguments (the first is the program name).
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(err) if err.use_stderr() => {
            report_usage_error(lang_in(&args), &err);
            return ExitCode::from(2);
        }
        Err(err) => {
            // --help and --version: clap's own text on stdout.
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
    };
    let lang = cli.lang.unwrap_or_default();
    match execute(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Ok(Outcome::Failed) => ExitCode::from(2),
        Err(err) => {
            report_error(lang, &err);
            ExitCode::from(2)
        }
    }
}

/// The `--lang` of arguments that did not parse (so that their error is in that language).
fn lang_in(args: &[OsString]) -> Lang {
    let mut words = args.iter().map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|w| w.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        if value.as_deref() == Some("en") {
            return Lang::En;
        }
    }
    Lang::default()
}

/// A bad argument as one line, like every other error: clap's first paragraph
/// (without its usage and tips, which echo the argument again), escaped and
/// cut, and where to find the usage.
fn report_usage_error(lang: Lang, err: &clap::Error) {
    let rendered = err.render().to_string();
    let first: Vec<&str> = rendered
        .lines()
        .take_while(|line| !line.trim().is_empty() && !line.starts_with("Usage:"))
        .map(str::trim)
        .collect();
    let what = first.join(" ");
    let what = what.strip_prefix("error: ").unwrap_or(&what);
    let t = i18n::cli::text(lang);
    eprintln!("schemat: {}: {}", t.error, i18n::io::one_line(&format!("{what} ({})", t.see_help)));
}

/// Prints an error for the user on stderr: `schemat: error: FILE:LINE:COLUMN: message`.
pub fn report_error(lang: Lang, err: &anyhow::Error) {
    // One line, control characters escaped, however much of the user's text the error carries.
    let message = match err.downcast_ref::<crate::io::IoError>() {
        Some(io) => i18n::io::message(lang, io),
        None => i18n::io::one_line(&format!("{err:#}")),
    };
    eprintln!("schemat: {}: {message}", i18n::cli::text(lang).error);
}

/// Runs one command. Each command lives in its own module and returns its [`Outcome`].
pub fn execute(cli: Cli) -> anyhow::Result<Outcome> {
    let lang = cli.lang.unwrap_or_default();
    let mut out = std::io::stdout().lock();
    match cli.command {
        None => {
            // The editor: on the given file, or on the embedded example.
            let (doc, path) = match cli.file {
                Some(path) => (crate::io::load(&path)?, Some(path)),
                None => (crate::examples::default_document(), None),
            };
            crate::app::run_window(doc, path, cli.compare, cli.lang)?;
            Ok(Outcome::Ok)
        }
        Some(Command::Validate { files }) => validate::run(&files, lang, &mut out),
        Some(Command::Show { file }) => show::run(&file, lang, &mut out),
        Some(Command::Fmt { file }) => fmt::run(&file, lang),
        Some(Command::Diff(args)) => diff::run(&args, lang, &mut out),
        Some(Command::Export(args)) => export::run(&args, lang),
        Some(Command::Regulamin(args)) => regulamin::run(&args, lang, &mut out),
        Some(Command::Amend(args)) => amend::run(&args, lang, &mut out),
        Some(Command::Apply(args)) => amend::run_apply(&args, lang, &mut out),
        Some(Command::Import(args)) => import::run(&args, lang, &mut out),
    }
}
