//! The pictures of the reference page, drawn at run time from a
//! [`Registry`] as inline SVG: which codes appear, their phrases, rules and
//! redirect facts all come from the registry. A picture whose codes the
//! registry lacks is left out.

use status_core::StatusClass;

use super::svg::Svg;
use super::{CodeInfo, Registry, words};

/// Every picture, as HTML `<figure>`s.
#[must_use]
pub(super) fn all(registry: &Registry) -> String {
    [
        classes(registry),
        authentication(registry),
        redirects(registry),
        error_order(registry),
        revalidation(registry),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn figure(id: &str, svg: &str, caption: &str) -> String {
    format!(
        "<figure id=\"{id}\">\n{svg}\n<figcaption>{}</figcaption>\n</figure>\n",
        crate::layout::escape(caption)
    )
}

fn label(info: &CodeInfo) -> String {
    format!("{} {}", info.code, info.phrase)
}

/// The five classes (and any other), each with its share of the registry.
fn classes(registry: &Registry) -> Option<String> {
    let classes = registry.classes();
    let most = classes
        .iter()
        .map(|class| registry.class(*class).count())
        .max()?;
    let rows = u32::try_from(classes.len()).ok()?;
    let mut svg = Svg::new("fig-classes", 800, 20 + rows * 46);
    for (row, class) in (0..rows).zip(&classes) {
        let y = 10 + row * 46;
        let count = registry.class(*class).count();
        let name = class.to_string();
        let kind = match class {
            StatusClass::Success => "ok",
            StatusClass::Redirection | StatusClass::Informational => "ask",
            StatusClass::ClientError => "warn",
            StatusClass::ServerError => "bad",
            StatusClass::Nonstandard => "box",
        };
        svg.boxed(0, y, 190, 38, kind, &[&name]);
        let width = u32::try_from(count * 200 / most).unwrap_or(200).max(2);
        svg.bar(200, y + 8, width, 10);
        svg.text(
            206 + width,
            y + 18,
            "start",
            "small",
            &format!("{count} {}", if count == 1 { "code" } else { "codes" }),
        );
        svg.text(200, y + 34, "start", "small", words::class_summary(*class));
    }
    Some(figure(
        "classes",
        &svg.finish("The classes of status codes"),
        "The classes, by first digit, with how many codes of each the registry lists.",
    ))
}

/// Who is asking, then whether they may: 401, 403 or 200.
fn authentication(registry: &Registry) -> Option<String> {
    let (ok, unauthorized, forbidden) = (
        registry.code(200)?,
        registry.code(401)?,
        registry.code(403)?,
    );
    let mut svg = Svg::new("fig-auth", 640, 250);
    svg.boxed(20, 10, 200, 34, "box", &["Request"]);
    svg.arrow((120, 44), (120, 70), "");
    svg.boxed(20, 70, 200, 40, "ask", &["Valid credentials?"]);
    svg.arrow((220, 90), (330, 90), "no");
    let rules_401 = words::rules(unauthorized);
    let mut lines = vec![label(unauthorized)];
    lines.extend(rules_401);
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    svg.boxed(330, 66, 290, 48, "warn", &lines);
    svg.arrow((120, 110), (120, 136), "yes");
    svg.boxed(20, 136, 200, 40, "ask", &["Allowed to do this?"]);
    svg.arrow((220, 156), (330, 156), "no");
    svg.boxed(330, 136, 290, 40, "bad", &[&label(forbidden)]);
    svg.arrow((120, 176), (120, 202), "yes");
    svg.boxed(20, 202, 200, 40, "ok", &[&label(ok)]);
    Some(figure(
        "authentication",
        &svg.finish("Authentication: 401, 403 or 200"),
        "No or bad credentials get a challenge; good credentials without the right get a refusal.",
    ))
}

/// The redirects by the registry's two facts: permanent, keeps the method.
fn redirects(registry: &Registry) -> Option<String> {
    let redirects: Vec<&CodeInfo> = registry
        .codes
        .iter()
        .filter(|info| info.redirects)
        .collect();
    if redirects.is_empty() {
        return None;
    }
    let cell = |permanent: bool, keeps: bool| -> Vec<String> {
        redirects
            .iter()
            .filter(|info| info.permanent == permanent && info.keeps_method == keeps)
            .map(|info| label(info))
            .collect()
    };
    let most = [(true, true), (true, false), (false, true), (false, false)]
        .iter()
        .map(|(permanent, keeps)| cell(*permanent, *keeps).len())
        .max()
        .unwrap_or(1);
    let height = 30 + u32::try_from(most).unwrap_or(1).max(1) * 16;
    let mut svg = Svg::new("fig-redirects", 640, 60 + 2 * (height + 10));
    svg.text(320, 16, "middle", "", "Keeps the method and content?");
    svg.text(260, 40, "middle", "small", "yes");
    svg.text(510, 40, "middle", "small", "no (may become GET)");
    for (row, permanent) in [true, false].into_iter().enumerate() {
        let row = u32::try_from(row).unwrap_or(0);
        let y = 50 + row * (height + 10);
        let name = if permanent { "Permanent" } else { "Temporary" };
        svg.boxed(0, y, 130, height, "ask", &[name]);
        for (column, keeps) in [true, false].into_iter().enumerate() {
            let column = u32::try_from(column).unwrap_or(0);
            let lines = cell(permanent, keeps);
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let kind = if lines.is_empty() { "box" } else { "ok" };
            svg.list(140 + column * 250, y, 240, height, kind, &lines);
        }
    }
    Some(figure(
        "redirects",
        &svg.finish("Choosing a redirect"),
        "Every code the registry marks as a redirect, by whether it is permanent and whether the \
         client must repeat the method.",
    ))
}

/// The order in which the demo checks a request, each failure its code
/// (`examples/src/demo/mod.rs`, `app`): the method filter, the router, then
/// the route layers (maintenance outside rate limiting, so that neither
/// answers a request no route takes), the extractors and the handler. The
/// codes' phrases come from the registry.
const CHECKS: &[(u16, &str)] = &[
    (501, "Does the server know the method?"),
    (404, "Is there such a route?"),
    (405, "Does it take this method?"),
    (503, "Maintenance off?"),
    (429, "A write within the rate limit?"),
    (400, "Is the request well-formed?"),
    (401, "Are the credentials valid?"),
    (403, "May this client do this?"),
    (404, "Does the item exist?"),
];

fn error_order(registry: &Registry) -> Option<String> {
    let checks: Vec<(&CodeInfo, &str)> = CHECKS
        .iter()
        .map(|(code, question)| registry.code(*code).map(|info| (info, *question)))
        .collect::<Option<_>>()?;
    let rows = u32::try_from(checks.len()).ok()?;
    let mut svg = Svg::new("fig-order", 640, 30 + (rows + 1) * 52);
    for (row, (info, question)) in (0..rows).zip(&checks) {
        let y = 10 + row * 52;
        svg.boxed(20, y, 230, 36, "ask", &[question]);
        svg.arrow((250, y + 18), (360, y + 18), "no");
        svg.boxed(360, y, 260, 36, "warn", &[&label(info)]);
        svg.arrow((135, y + 36), (135, y + 52), "");
    }
    let y = 10 + rows * 52;
    svg.boxed(20, y, 230, 36, "ok", &["Handle the request"]);
    svg.arrow((250, y + 18), (360, y + 18), "fails");
    let server = StatusClass::ServerError.to_string();
    svg.boxed(360, y, 260, 36, "bad", &[&server]);
    Some(figure(
        "error-order",
        &svg.finish("The order of error checks"),
        "The order this demo applies, each failure answered with its code: a method it does \
         not know, then the router, then maintenance and the rate limit on writes (only for \
         a route that exists), the request's syntax, who asks, what they may do and the item \
         itself; a failure of the server is a 5xx.",
    ))
}

/// A cached response revalidated with `If-None-Match`: 200, then 304.
fn revalidation(registry: &Registry) -> Option<String> {
    let (ok, not_modified) = (registry.code(200)?, registry.code(304)?);
    let mut svg = Svg::new("fig-cache", 640, 250);
    svg.boxed(20, 10, 160, 34, "box", &["Client (with cache)"]);
    svg.boxed(460, 10, 160, 34, "box", &["Server"]);
    for x in [100, 540] {
        svg.arrow((x, 44), (x, 240), "");
    }
    svg.arrow((100, 70), (540, 70), "GET /items/1");
    svg.arrow(
        (540, 100),
        (100, 100),
        &format!("{}, ETag: \"1-1\"", label(ok)),
    );
    svg.text(
        110,
        130,
        "start",
        "small",
        "later, the cached copy is stale:",
    );
    svg.arrow(
        (100, 160),
        (540, 160),
        "GET /items/1, If-None-Match: \"1-1\"",
    );
    let mut note = label(not_modified);
    if let Some(rule) = words::rules(not_modified).first() {
        note = format!("{note}: {rule}");
    }
    svg.arrow((540, 190), (100, 190), &note);
    svg.text(
        110,
        222,
        "start",
        "small",
        "the client reuses its copy; no content travelled twice",
    );
    Some(figure(
        "revalidation",
        &svg.finish("Cache revalidation with 304"),
        "A conditional request lets the server answer without content when the client's copy is still current.",
    ))
}
