//! The query language of `cargo run --example lookup`: a code, a class or a word.

use status_core::{StatusClass, StatusCode};

/// The codes a query names: a number, a class such as `4xx`, or a word.
/// # Errors
///
/// A message saying why nothing matched.
pub fn lookup(query: &str) -> Result<Vec<StatusCode>, String> {
    let query = query.trim();
    if !query.is_empty() && query.bytes().all(|byte| byte.is_ascii_digit()) {
        return query
            .parse::<StatusCode>()
            .map(|status| vec![status])
            .map_err(|error| format!("{query}: {error}"));
    }
    if let Some(class) = parse_class(query) {
        return Ok(StatusCode::ALL
            .iter()
            .copied()
            .filter(|status| status.class() == class)
            .collect());
    }
    let word = query.to_ascii_lowercase();
    let matches: Vec<StatusCode> = StatusCode::ALL
        .iter()
        .copied()
        .filter(|status| {
            let aliases = status.aliases().iter().map(|alias| alias.phrase);
            std::iter::once(status.reason_phrase())
                .chain(aliases)
                .chain([status.description(), status.source()])
                .any(|text| text.to_ascii_lowercase().contains(&word))
        })
        .collect();
    if matches.is_empty() {
        Err(format!(
            "no status code matches {query:?}; try a code (404), a class (4xx) or a word (timeout)"
        ))
    } else {
        Ok(matches)
    }
}

fn parse_class(query: &str) -> Option<StatusClass> {
    match query.to_ascii_lowercase().as_str() {
        "1xx" => Some(StatusClass::Informational),
        "2xx" => Some(StatusClass::Success),
        "3xx" => Some(StatusClass::Redirection),
        "4xx" => Some(StatusClass::ClientError),
        "5xx" => Some(StatusClass::ServerError),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_one_code_or_an_error() {
        assert_eq!(lookup("418"), Ok(vec![StatusCode::ImATeapot]));
        let error = lookup("299").expect_err("not registered");
        assert!(error.contains("unknown HTTP status code 299"), "{error}");
        assert!(lookup("4040").is_err());
    }

    #[test]
    fn a_class_is_every_code_of_it() {
        let client_errors = lookup("4XX").expect("a class");
        assert!(client_errors.contains(&StatusCode::NotFound));
        assert!(client_errors.iter().all(|status| status.is_client_error()));
        assert_eq!(lookup("1xx").map(|codes| codes.len()).ok(), Some(5));
    }

    #[test]
    fn a_word_searches_phrases_aliases_descriptions_and_sources() {
        assert_eq!(lookup("teapot"), Ok(vec![StatusCode::ImATeapot]));
        let timeouts = lookup("Timeout").expect("matches");
        assert!(
            timeouts.contains(&StatusCode::RequestTimeout)
                && timeouts.contains(&StatusCode::GatewayTimeout)
        );
        assert!(
            lookup("payload too large")
                .expect("an alias")
                .contains(&StatusCode::ContentTooLarge)
        );
        assert!(
            lookup("cloudflare")
                .expect("a source")
                .contains(&StatusCode::WebServerIsDown)
        );
        assert!(
            lookup("zzzz")
                .expect_err("nothing")
                .contains("no status code matches")
        );
    }
}
