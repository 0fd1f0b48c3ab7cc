//! Command-line options and logging set-up shared by the server examples.

use std::process::ExitCode;
use std::time::Duration;

/// What `--port`, `--db`, `--quiet` and the timeout options said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerOptions {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// SQLite database file, or `:memory:`.
    pub database: String,
    /// Do not log each request.
    pub quiet: bool,
    /// `--header-timeout SECONDS`: how long a request's head may take.
    pub header_timeout: Option<Duration>,
    /// `--body-timeout SECONDS`: how long a request's body may take.
    pub body_timeout: Option<Duration>,
}

/// Parses `--port N`, `--db PATH`, `--header-timeout S`, `--body-timeout S`
/// (also as `--port=N`), `-q`/`--quiet` and `-h`/`--help`. `Ok(None)` asks for the help text.
///
/// # Errors
///
/// A message naming the option that is wrong.
pub fn parse_server_args(
    args: impl IntoIterator<Item = String>,
    default_port: u16,
) -> Result<Option<ServerOptions>, String> {
    let mut options = ServerOptions {
        port: default_port,
        database: ":memory:".to_owned(),
        quiet: false,
        header_timeout: None,
        body_timeout: None,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "-q" | "--quiet" => options.quiet = true,
            "--port" => {
                let text = value("--port")?;
                options.port = text
                    .parse()
                    .map_err(|_| format!("--port takes a number from 0 to 65535, not {text:?}"))?;
            }
            "--db" => options.database = value("--db")?,
            "--header-timeout" => {
                options.header_timeout =
                    Some(seconds("--header-timeout", &value("--header-timeout")?)?);
            }
            "--body-timeout" => {
                options.body_timeout = Some(seconds("--body-timeout", &value("--body-timeout")?)?);
            }
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(Some(options))
}

/// A whole number of seconds, at least 1.
fn seconds(name: &str, text: &str) -> Result<Duration, String> {
    match text.parse::<u64>() {
        Ok(seconds) if seconds > 0 => Ok(Duration::from_secs(seconds)),
        _ => Err(format!(
            "{name} takes a whole number of seconds from 1, not {text:?}"
        )),
    }
}

/// The options from the process's arguments, or the exit code to stop with:
/// success after printing `usage` for `--help`, 2 after a usage error.
///
/// # Errors
///
/// The exit code when the program should stop instead of serving.
pub fn server_options_or_exit(usage: &str, default_port: u16) -> Result<ServerOptions, ExitCode> {
    match parse_server_args(std::env::args().skip(1), default_port) {
        Ok(Some(options)) => Ok(options),
        Ok(None) => {
            println!("{usage}");
            Err(ExitCode::SUCCESS)
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{usage}");
            Err(ExitCode::from(2))
        }
    }
}

/// Logs to standard error; status-core reports the source chain of every
/// 5xx there (feature `tracing`).
pub fn init_logging() {
    tracing_subscriber::fmt()
        .with_target(false)
        .with_writer(std::io::stderr)
        .init();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<ServerOptions>, String> {
        parse_server_args(args.iter().map(|arg| (*arg).to_owned()), 3000)
    }

    #[test]
    fn reads_every_option_in_both_spellings() {
        let options = parse(&["--port", "8080", "--db=items.db", "-q"])
            .expect("valid")
            .expect("not help");
        assert_eq!(
            options,
            ServerOptions {
                port: 8080,
                database: "items.db".to_owned(),
                quiet: true,
                header_timeout: None,
                body_timeout: None,
            }
        );
        assert_eq!(
            parse(&["--port=0"])
                .expect("valid")
                .map(|options| options.port),
            Some(0)
        );
        assert_eq!(
            parse(&[]).expect("valid").map(|options| options.port),
            Some(3000)
        );
        assert_eq!(parse(&["--help"]), Ok(None));
        let timeouts = parse(&["--header-timeout", "2", "--body-timeout=5"])
            .expect("valid")
            .expect("not help");
        assert_eq!(timeouts.header_timeout, Some(Duration::from_secs(2)));
        assert_eq!(timeouts.body_timeout, Some(Duration::from_secs(5)));
    }

    #[test]
    fn says_which_option_is_wrong() {
        assert_eq!(
            parse(&["--port", "http"]),
            Err("--port takes a number from 0 to 65535, not \"http\"".to_owned())
        );
        assert_eq!(parse(&["--db"]), Err("--db needs a value".to_owned()));
        assert_eq!(
            parse(&["--body-timeout", "0"]),
            Err("--body-timeout takes a whole number of seconds from 1, not \"0\"".to_owned())
        );
        assert_eq!(
            parse(&["--verbose"]),
            Err("unknown option \"--verbose\"".to_owned())
        );
    }
}
