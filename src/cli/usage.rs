//! The command line's own words (`--help`, the commands' and options'
//! descriptions) in the editor's language. clap's derive gives the shape;
//! the texts are set here from the Fluent files, before parsing, in the
//! language `--lang` or the site's `language` asks for. What clap itself
//! says about a mistyped command line stays in its English.

use std::ffi::OsString;
use std::path::PathBuf;

use casebook::words::{self, Language};
use clap::{Arg, ArgAction, Command};

/// The language to speak before the command line is parsed: `--lang`
/// when given, else the `language` of `--root`'s `content/site.yaml`
/// (read leniently: a broken file is reported later, by the command),
/// else bokmål. Sets it for what casebook says, and returns it.
pub fn early_language(args: &[OsString]) -> Language {
    let value = |name: &str| {
        let mut iter = args.iter().filter_map(|a| a.to_str());
        let flag = format!("--{name}");
        let with_eq = format!("--{name}=");
        while let Some(arg) = iter.next() {
            if arg == flag {
                return iter.next().map(str::to_owned);
            }
            if let Some(v) = arg.strip_prefix(&with_eq) {
                return Some(v.to_owned());
            }
        }
        None
    };
    let chosen = match value("lang").as_deref() {
        Some("nb") => Some(Language::Nb),
        Some("nn") => Some(Language::Nn),
        Some("en") => Some(Language::En),
        _ => None,
    };
    if let Some(language) = chosen {
        words::choose(language);
        return language;
    }
    #[derive(serde::Deserialize)]
    struct Site {
        #[serde(default)]
        language: Language,
    }
    let root = PathBuf::from(value("root").unwrap_or_else(|| ".".into()));
    let site = std::fs::read_to_string(root.join("content/site.yaml"))
        .ok()
        .and_then(|text| casebook::yaml::from_str::<Site>(&text).ok());
    let language = site.map_or(Language::Nb, |s| s.language);
    words::site_default(language);
    language
}

fn say(id: &str) -> String {
    words::text(id, Vec::new())
}

/// The texts of one command: its description, and each argument's.
fn texts(command: Command, about: &str, args: &[(&str, &str)]) -> Command {
    let options = say("cli-options");
    let arguments = say("cli-arguments");
    let mut command = command
        .about(say(about))
        .help_template(format!(
            "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            say("cli-usage")
        ))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(say("cli-help"))
                .help_heading(options.clone()),
        );
    for (id, text) in args {
        let heading = if command
            .get_arguments()
            .any(|a| a.get_id() == id && a.is_positional())
        {
            arguments.clone()
        } else {
            options.clone()
        };
        command = command.mut_arg(*id, |a| {
            // The defaults and values are in the text, in its language.
            let takes_values = a.get_action().takes_values();
            let a = a.help(say(text)).help_heading(heading);
            if takes_values {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        });
    }
    command
}

/// `command` (the derived one) with every text in the current language.
pub fn localised(command: Command) -> Command {
    let global: &[(&str, &str)] = &[("root", "cli-root"), ("lang", "cli-lang")];
    texts(command, "cli-about", global)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(say("cli-version"))
                .help_heading(say("cli-options")),
        )
        .disable_help_subcommand(true)
        .subcommand_help_heading(say("cli-commands"))
        .subcommand_value_name(say("cli-command"))
        .mut_subcommand("init", |c| texts(c, "cli-init", &[("dir", "cli-init-dir")]))
        .mut_subcommand("new", |c| {
            texts(
                c,
                "cli-new",
                &[
                    ("municipality", "cli-new-municipality"),
                    ("programme", "cli-new-programme"),
                    ("language", "cli-new-language"),
                ],
            )
        })
        .mut_subcommand("check", |c| {
            texts(
                c,
                "cli-check",
                &[("format", "cli-check-format"), ("drafts", "cli-drafts")],
            )
        })
        .mut_subcommand("build", |c| {
            texts(
                c,
                "cli-build",
                &[
                    ("out", "cli-build-out"),
                    ("base_url", "cli-build-base-url"),
                    ("drafts", "cli-drafts"),
                ],
            )
        })
        .mut_subcommand("serve", |c| {
            texts(
                c,
                "cli-serve",
                &[
                    ("port", "cli-serve-port"),
                    ("bind", "cli-serve-bind"),
                    ("drafts", "cli-drafts"),
                ],
            )
        })
        .mut_subcommand("schema", |c| texts(c, "cli-schema", &[]))
}
