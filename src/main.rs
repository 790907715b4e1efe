//! The `chaff` command: parses arguments, runs the library's pipeline, picks the reporter, prints
//! errors and chooses the exit code. Everything else lives in the library.

use anstyle::{AnsiColor, Effects, Style};
use chaff::report::{self, human, json};
use chaff::{Engine, Error, PackSource, RuleSet, RunReport, Severity, walk};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes, as documented in the README.
const EXIT_OK: u8 = 0;
const EXIT_FAILED: u8 = 1;
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "chaff",
    version,
    about = "A crap detector for customer-care writing.",
    long_about = "A crap detector for customer-care, CX and marketing writing. chaff reads markdown, flags \
                  stock phrases, buzzwords and formula headlines, asks the question a sceptical editor \
                  would ask, and gives every post a 0–100 freshness score."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check markdown files and print critiques and freshness scores.
    Check(CheckArgs),
    /// Explain a rule: what it flags, the question it asks, its examples and where it is defined.
    Explain {
        /// A rule id, such as cliche.outside-the-box.
        rule: String,
        #[command(flatten)]
        packs: PackArgs,
    },
    /// List the rules, or run every rule's examples.
    Rules {
        #[command(subcommand)]
        action: Option<RulesAction>,
        #[command(flatten)]
        packs: PackArgs,
    },
}

#[derive(Subcommand, Clone)]
enum RulesAction {
    /// One line per rule: id, category, severity, pack, what it matches (the default).
    List {
        /// Only rules of this category (cliche, buzzword, listicle…).
        #[arg(long)]
        category: Option<String>,
    },
    /// Check that every bad example fires its rule and no good example does, for the built-in
    /// packs and the packs given. Exits with 1 if any example misbehaves.
    Test {
        /// Rule packs (files or folders) to test along with the built-in ones.
        #[arg(value_name = "PACK")]
        packs: Vec<PathBuf>,
    },
}

#[derive(Args)]
struct PackArgs {
    /// An extra rule pack, or a folder of them (*.toml), added to the built-in packs. Repeatable.
    #[arg(long = "rules", value_name = "PATH", global = true)]
    rules: Vec<PathBuf>,
}

#[derive(Args)]
struct CheckArgs {
    /// Files and folders to check; folders are searched for .md, .markdown, .mdx and .txt files,
    /// respecting .gitignore. "-" reads standard input.
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    #[command(flatten)]
    packs: PackArgs,

    /// Exit with 1 when a finding is at or above this severity.
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = FailOn::Error)]
    fail_on: FailOn,

    /// Exit with 1 when a file's freshness is below this score (0–100).
    #[arg(long, value_name = "N", value_parser = parse_score)]
    min_score: Option<f64>,

    /// Number of files checked at once [default: all cores].
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// When to colour the output. NO_COLOR in the environment turns "auto" off.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Annotated critiques, scores and a summary.
    Human,
    /// One JSON object with every file, finding and error.
    Json,
}

#[derive(ValueEnum, Clone, Copy)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(ValueEnum, Clone, Copy)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

fn parse_score(text: &str) -> Result<f64, String> {
    let score: f64 = text.parse().map_err(|_| format!("`{text}` is not a number"))?;
    if (0.0..=100.0).contains(&score) {
        Ok(score)
    } else {
        Err(format!("{score} is outside 0–100"))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Explain { rule, packs } => explain(&rule, &packs),
        Command::Rules { action, packs } => {
            rules(action.unwrap_or(RulesAction::List { category: None }), &packs)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // Whoever reads our output stopped reading: nothing is wrong with the run.
        Err(Failure::Io(error)) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_OK),
        Err(Failure::Io(error)) => {
            print_error(&format!("cannot write output: {error}"));
            ExitCode::from(EXIT_ERROR)
        }
        Err(Failure::Reported) => ExitCode::from(EXIT_ERROR),
    }
}

/// Why a command stopped early.
enum Failure {
    /// Writing to stdout failed.
    Io(io::Error),
    /// The errors were printed already.
    Reported,
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Io(error)
    }
}

fn check(args: &CheckArgs) -> Result<u8, Failure> {
    let color = match args.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    color.write_global();
    let engine = load_engine(&args.packs.rules)?;

    let discovery = walk::discover(&args.paths);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.map_or(0, usize::from))
        .build()
        .map_err(|error| {
            print_error(&format!("cannot start worker threads: {error}"));
            Failure::Reported
        })?;
    let mut run: RunReport = pool.install(|| engine.check_inputs(&discovery.inputs));
    run.errors.extend(discovery.errors);
    run.errors.sort_by(|a, b| a.path.cmp(&b.path));

    for error in &run.errors {
        print_error(&format!("{}: {}", error.path, error.message));
    }
    let stdout = io::stdout();
    let styled = anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never;
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Human => human::write(&mut out, &run, styled)?,
        Format::Json => json::write(&mut out, &run)?,
    }
    out.flush()?;
    Ok(exit_code(&run, args))
}

/// 2 when anything could not be checked, 1 when a finding or a score fails the run, else 0.
fn exit_code(run: &RunReport, args: &CheckArgs) -> u8 {
    if !run.errors.is_empty() {
        return EXIT_ERROR;
    }
    let severe = args.fail_on.threshold().is_some_and(|threshold| {
        run.files
            .iter()
            .flat_map(|file| &file.findings)
            .any(|finding| finding.severity >= threshold)
    });
    let below = args
        .min_score
        .is_some_and(|minimum| run.files.iter().any(|file| file.freshness < minimum));
    if severe || below { EXIT_FAILED } else { EXIT_OK }
}

fn explain(id: &str, packs: &PackArgs) -> Result<u8, Failure> {
    let engine = load_engine(&packs.rules)?;
    let rules = engine.rules();
    let Some(rule) = rules.get(id) else {
        let similar = rules.similar_ids(id);
        let hint = if similar.is_empty() {
            "run `chaff rules list` to see every rule".to_owned()
        } else {
            format!("did you mean {}?", similar.join(", "))
        };
        print_error(&format!("no rule `{id}`: {hint}"));
        return Err(Failure::Reported);
    };
    report::rules::explain(&mut io::stdout().lock(), rule)?;
    Ok(EXIT_OK)
}

fn rules(action: RulesAction, packs: &PackArgs) -> Result<u8, Failure> {
    match action {
        RulesAction::List { category } => {
            let engine = load_engine(&packs.rules)?;
            let rules = engine.rules().rules();
            if let Some(wanted) = &category
                && !rules.iter().any(|rule| &rule.category == wanted)
            {
                let mut known: Vec<&str> = rules.iter().map(|rule| rule.category.as_str()).collect();
                known.sort_unstable();
                known.dedup();
                print_error(&format!(
                    "no rules of category `{wanted}`; categories: {}",
                    known.join(", ")
                ));
                return Err(Failure::Reported);
            }
            let selected = rules
                .iter()
                .filter(|rule| category.as_ref().is_none_or(|wanted| &rule.category == wanted));
            report::rules::list(&mut io::stdout().lock(), selected)?;
            Ok(EXIT_OK)
        }
        RulesAction::Test { packs: extra } => {
            let all: Vec<PathBuf> = packs.rules.iter().chain(&extra).cloned().collect();
            let engine = load_engine(&all)?;
            let failures = engine.test_examples();
            let examples = engine
                .rules()
                .rules()
                .iter()
                .map(|rule| rule.bad_examples.len() + rule.good_examples.len())
                .sum();
            let mut out = io::stdout().lock();
            report::rules::test_results(&mut out, &failures, engine.rules().len(), examples)?;
            Ok(if failures.is_empty() { EXIT_OK } else { EXIT_FAILED })
        }
    }
}

/// The built-in packs plus any `--rules`, validated and compiled. Every pack error is printed.
fn load_engine(extra_packs: &[PathBuf]) -> Result<Engine, Failure> {
    let mut sources = PackSource::defaults();
    let mut errors: Vec<Error> = Vec::new();
    for path in extra_packs {
        match PackSource::read(path) {
            Ok(read) => sources.extend(read),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        match RuleSet::load(&sources).and_then(|rules| Engine::new(rules).map_err(|error| vec![error])) {
            Ok(engine) => return Ok(engine),
            Err(load_errors) => errors = load_errors,
        }
    }
    for error in &errors {
        print_error(&error.to_string());
    }
    Err(Failure::Reported)
}

fn print_error(message: &str) {
    let style = Style::new()
        .fg_color(Some(AnsiColor::BrightRed.into()))
        .effects(Effects::BOLD);
    anstream::eprintln!("{style}error{style:#}: {message}");
}
