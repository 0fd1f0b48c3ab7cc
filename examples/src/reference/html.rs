//! The `/codes` page and the one-code page `/codes/<code>`, as HTML built
//! from a [`Registry`]. Every value from the registry is escaped: a user's
//! spec is not trusted markup.

use std::fmt::Write as _;

use super::{CodeInfo, Registry, WarningInfo, figures, words};
use crate::layout::{escape, page};

/// The whole reference: the pictures, then every code grouped by class
/// (one `id` per code, so `/codes#404` lands on it), then the Warning codes.
#[must_use]
pub fn reference_page(registry: &Registry) -> String {
    let mut body = String::new();
    let unofficial = registry
        .codes
        .iter()
        .filter(|info| info.registration == status_core::Registration::Unofficial)
        .count();
    let _ = write!(
        body,
        "<h1>HTTP status codes</h1>\n<p>{total} status codes ({official} from the IANA registry, \
         {unofficial} unofficial) and {warnings} Warning codes, each with what it means, where it \
         is defined and the rules that come with it. Link to a code as <code>/codes#404</code>; \
         <code>/codes/404</code> shows it alone, as JSON with <code>Accept: application/json</code>.</p>\n",
        total = registry.codes.len(),
        official = registry.codes.len() - unofficial,
        warnings = registry.warnings.len(),
    );
    body.push_str("<nav aria-label=\"Contents\"><ol class=\"toc\">\n<li><a href=\"#pictures\">Pictures</a></li>\n");
    for class in registry.classes() {
        let _ = writeln!(
            body,
            "<li><a href=\"#{digits}\">{class}</a></li>",
            digits = class.digits(),
        );
    }
    if !registry.warnings.is_empty() {
        body.push_str("<li><a href=\"#warnings\">Warning codes</a></li>\n");
    }
    body.push_str("</ol></nav>\n");

    body.push_str("<section id=\"pictures\">\n<h2>Pictures</h2>\n");
    body.push_str(&figures::all(registry));
    body.push_str("</section>\n");
    for class in registry.classes() {
        let _ = write!(
            body,
            "<section id=\"{digits}\">\n<h2>{class}</h2>\n<p>{summary}</p>\n",
            digits = class.digits(),
            summary = escape(words::class_summary(class)),
        );
        for info in registry.class(class) {
            body.push_str(&code_article(info, true));
        }
        body.push_str("</section>\n");
    }
    if !registry.warnings.is_empty() {
        body.push_str(
            "<section id=\"warnings\">\n<h2>Warning codes</h2>\n<p>Codes of the <code>Warning</code> \
             header field (RFC 7234, Section 5.5), not status codes. RFC 9111 obsoleted the field.</p>\n",
        );
        for warning in &registry.warnings {
            body.push_str(&warning_article(warning));
        }
        body.push_str("</section>\n");
    }
    page("HTTP status codes", &body)
}

/// One code on a page of its own, with a link back into the reference.
#[must_use]
pub fn code_page(info: &CodeInfo) -> String {
    let mut body = code_article(info, false);
    let _ = writeln!(
        body,
        "<p><a href=\"/codes#{code}\">Every code</a></p>",
        code = info.code
    );
    page(&format!("{} {}", info.code, info.phrase), &body)
}

/// A code's article: heading, description, then its facts as a list.
fn code_article(info: &CodeInfo, in_reference: bool) -> String {
    let mut html = String::new();
    let (heading, link) = if in_reference {
        ("h3", format!("/codes/{}", info.code))
    } else {
        ("h1", format!("/codes#{}", info.code))
    };
    let registration = words::registration_word(info.registration);
    let tag = if registration == "registered" {
        String::new()
    } else {
        format!(" <span class=\"tag {registration}\">{registration}</span>")
    };
    let _ = write!(
        html,
        "<article id=\"{code}\">\n<{heading}><a href=\"{link}\">{code}</a> {phrase}{tag}</{heading}>\n\
         <p>{description}</p>\n<dl>\n<dt>Reference</dt><dd>{reference}</dd>\n\
         <dt>Registration</dt><dd>{registration_text}</dd>\n",
        code = info.code,
        phrase = escape(info.phrase),
        description = escape(info.description),
        reference = reference_html(info.reference),
        registration_text = escape(&words::registration_text(info)),
    );
    if !info.aliases.is_empty() {
        let aliases: Vec<String> = info
            .aliases
            .iter()
            .map(|alias| {
                let mut text = format!("{} ({}", escape(alias.phrase), escape(alias.source));
                if let Some(reference) = alias.reference {
                    text.push_str(", ");
                    text.push_str(&reference_html(reference));
                }
                text.push(')');
                text
            })
            .collect();
        let _ = writeln!(
            html,
            "<dt>Also known as</dt><dd>{}</dd>",
            aliases.join("; ")
        );
    }
    let rules = words::rules(info);
    if !rules.is_empty() {
        html.push_str("<dt>Rules</dt><dd><ul class=\"rules\">");
        for rule in rules {
            let _ = write!(html, "<li>{}</li>", escape(&rule));
        }
        html.push_str("</ul></dd>\n");
    }
    html.push_str("</dl>\n</article>\n");
    html
}

fn warning_article(warning: &WarningInfo) -> String {
    format!(
        "<article id=\"warning-{code}\">\n<h3><a href=\"#warning-{code}\">{code}</a> {phrase}</h3>\n\
         <p>{description}</p>\n<dl><dt>Reference</dt><dd>{reference}</dd></dl>\n</article>\n",
        code = warning.code,
        phrase = escape(warning.phrase),
        description = escape(warning.description),
        reference = reference_html(warning.reference),
    )
}

/// The reference as a link when it names an RFC, a draft or a URL.
fn reference_html(reference: &str) -> String {
    match words::reference_url(reference) {
        Some(url) => format!("<a href=\"{}\">{}</a>", escape(&url), escape(reference)),
        None => escape(reference),
    }
}
