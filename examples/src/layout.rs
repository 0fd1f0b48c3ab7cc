//! The layout the demo's HTML pages share (`/errors` and `/codes`): the
//! document head, one small inline stylesheet, the header with the site's
//! navigation and the footer. Pages pass their body; everything inserted
//! from data goes through [`escape`].

/// The stylesheet of every page: system fonts, a readable measure, and a
/// layout that holds on a phone (nothing wider than the viewport).
pub const STYLESHEET: &str = "\
:root{color-scheme:light;--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--tint:#f6f8fa;--accent:#0b5cad}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline;border-bottom:1px solid var(--line);padding-top:.75rem;padding-bottom:.5rem}
header strong{margin-right:auto}
nav a{margin-right:.75rem}
a{color:var(--accent)}
h1{font-size:1.75rem;margin:1rem 0 .5rem}
h2{font-size:1.35rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:0 0 .25rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
section>section,article{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;margin:.6rem 0;background:var(--tint)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .75rem;margin:.4rem 0 0}
dt{color:var(--muted)}
dd{margin:0;overflow-wrap:anywhere}
ul.rules{margin:0;padding-left:1.1rem}
.tag{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:3px;border:1px solid var(--line);background:#fff;color:var(--muted);vertical-align:middle}
.tag.deprecated,.tag.unused{color:#8a4600;border-color:#e0b070}
.tag.unofficial{color:#6639ba;border-color:#c8b3ef}
figure{margin:1rem 0;overflow-x:auto}
figure svg{max-width:100%;height:auto;display:block}
figcaption{color:var(--muted);font-size:.9rem}
ol.toc{columns:2 14rem;padding-left:1.2rem}
pre{background:#fff;border:1px solid var(--line);border-radius:4px;padding:.5rem .7rem;overflow-x:auto;margin:.5rem 0 0}
footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);margin-top:2rem;padding-top:.5rem;padding-bottom:1rem}
@media (max-width:30rem){dl{grid-template-columns:1fr}dt{margin-top:.3rem}h1{font-size:1.4rem}}
";

/// A whole HTML document: `<!doctype html>`, the head with `title`, the
/// shared header and footer around `body` (already HTML).
#[must_use]
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLESHEET}</style>\n</head>\n<body>\n\
         <header><strong>status-core demo</strong><nav><a href=\"/codes\">Status codes</a>\
         <a href=\"/errors\">Errors</a><a href=\"/openapi.json\">OpenAPI</a></nav></header>\n\
         <main>\n{body}</main>\n\
         <footer>Generated at run time from the status-code registry and the demo's error enum.</footer>\n\
         </body>\n</html>\n",
        title = escape(title),
    )
}

/// Escapes text for HTML element content and quoted attribute values.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn the_page_escapes_its_title() {
        let page = page("<b>", "<p>x</p>\n");
        assert!(page.starts_with("<!doctype html>"));
        assert!(page.contains("<title>&lt;b&gt;</title>"));
    }
}
