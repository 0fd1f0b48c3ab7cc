//! The `application/problem+xml` rendering of a problem (RFC 9457,
//! Appendix B).
//!
//! Part of the default build: it is one small writer with no dependency, and
//! a server that negotiates needs it whatever else it turns on.
//!
//! How JSON-shaped values become XML, as the appendix describes:
//!
//! - every member is an element of the `urn:ietf:rfc:7807` namespace, named
//!   after the member, in the JSON body's order;
//! - an array is an element whose children are all named `i`, one per item;
//!   `errors` is such an array, each item holding `detail` and `pointer`;
//! - an object is an element with one child per member;
//! - a string, number or boolean is the element's text, and `null` an empty
//!   element.
//!
//! No whitespace is added between elements: indentation would be text a
//! reader has to tell apart from values.
//!
//! Text is escaped for every input: `&`, `<` and `>` become references, and
//! CR becomes `&#xD;` so that a parser's line-end normalisation does not turn
//! it into LF. The characters that XML 1.0 forbids in a document even as
//! references (the C0 controls other than tab, LF and CR, and U+FFFE and
//! U+FFFF) are replaced by U+FFFD REPLACEMENT CHARACTER: the document stays
//! well-formed and the reader sees that a character was there. A member of a
//! nested object whose name is not an XML name (ASCII letters, digits, `_`,
//! `-` and `.`, not starting with a digit, `-` or `.`) cannot be an element
//! and is left out, logged with feature `tracing`; top-level extension names
//! follow RFC 9457 Section 3.2, which keeps them XML names.

use alloc::string::String;

use super::ProblemDetails;
use crate::ExtensionValue;

/// The media type of a problem details body in XML (RFC 9457, Appendix B).
pub const PROBLEM_XML: &str = "application/problem+xml";

/// The XML namespace of problem details (RFC 9457, Appendix B).
pub const PROBLEM_XML_NAMESPACE: &str = "urn:ietf:rfc:7807";

impl ProblemDetails {
    /// The `application/problem+xml` body (RFC 9457, Appendix B), members in
    /// the order of [`to_json`](Self::to_json).
    ///
    /// ```
    /// use status_core::{ProblemDetails, StatusCode, Violation};
    ///
    /// let problem = ProblemDetails::new(StatusCode::Forbidden, "out_of_credit")
    ///     .with_detail("balance < 50 & falling")
    ///     .with_extension("accounts", vec!["/account/12345", "/account/67890"]);
    /// assert_eq!(
    ///     problem.to_xml(),
    ///     concat!(
    ///         r#"<?xml version="1.0" encoding="UTF-8"?>"#,
    ///         r#"<problem xmlns="urn:ietf:rfc:7807">"#,
    ///         "<type>about:blank</type><title>Forbidden</title><status>403</status>",
    ///         "<detail>balance &lt; 50 &amp; falling</detail><code>out_of_credit</code>",
    ///         "<accounts><i>/account/12345</i><i>/account/67890</i></accounts>",
    ///         "</problem>",
    ///     )
    /// );
    /// ```
    #[must_use]
    pub fn to_xml(&self) -> String {
        let mut xml = String::with_capacity(192 + self.detail.as_deref().map_or(0, str::len));
        self.write_xml(&mut xml);
        xml
    }

    /// The body in `format`: [`to_json`](Self::to_json) or
    /// [`to_xml`](Self::to_xml).
    #[must_use]
    pub fn render(&self, format: crate::ProblemFormat) -> String {
        match format {
            crate::ProblemFormat::Json => self.to_json(),
            crate::ProblemFormat::Xml => self.to_xml(),
        }
    }

    /// Appends the `application/problem+xml` body to `out`.
    pub fn write_xml(&self, out: &mut String) {
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?><problem xmlns=\"");
        out.push_str(PROBLEM_XML_NAMESPACE);
        out.push_str("\">");
        text_element(out, "type", &self.type_uri);
        text_element(out, "title", &self.title);
        text_element(out, "status", self.status.as_str());
        if let Some(detail) = &self.detail {
            text_element(out, "detail", detail);
        }
        if let Some(instance) = &self.instance {
            text_element(out, "instance", instance);
        }
        text_element(out, "code", &self.code);
        if !self.errors.is_empty() {
            out.push_str("<errors>");
            for violation in &self.errors {
                out.push_str("<i>");
                text_element(out, "detail", &violation.detail);
                text_element(out, "pointer", &violation.pointer);
                out.push_str("</i>");
            }
            out.push_str("</errors>");
        }
        for extension in &self.extensions {
            value_element(out, &extension.name, &extension.value);
        }
        out.push_str("</problem>");
    }
}

fn text_element(out: &mut String, name: &str, text: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    push_xml_text(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// `value` as the element `name`; `name` is an XML name (checked by the caller).
fn value_element(out: &mut String, name: &str, value: &ExtensionValue) {
    match value {
        ExtensionValue::Null => {
            out.push('<');
            out.push_str(name);
            out.push_str("/>");
        }
        ExtensionValue::Bool(value) => {
            text_element(out, name, if *value { "true" } else { "false" });
        }
        ExtensionValue::Number(number) => text_element(out, name, number.as_str()),
        ExtensionValue::String(text) => text_element(out, name, text),
        ExtensionValue::Array(items) => {
            open(out, name);
            for item in items {
                value_element(out, "i", item);
            }
            close(out, name);
        }
        ExtensionValue::Object(members) => {
            open(out, name);
            for (member, value) in members {
                if is_xml_name(member) {
                    value_element(out, member, value);
                } else {
                    crate::log::dropped_member(member, &"it is not an XML name");
                }
            }
            close(out, name);
        }
    }
}

fn open(out: &mut String, name: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
}

fn close(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// Whether `name` is an XML name without a namespace prefix, in its ASCII
/// subset: a letter or `_`, then letters, digits, `_`, `-` and `.`.
pub(crate) fn is_xml_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == b'_')
        && bytes.all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b'.'))
}

/// Appends `text` as XML character data: see the module documentation.
pub(crate) fn push_xml_text(out: &mut String, text: &str) {
    let mut plain_from = 0;
    for (index, character) in text.char_indices() {
        let replacement = match character {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\r' => "&#xD;",
            '\t' | '\n' => continue,
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => "\u{fffd}",
            _ => continue,
        };
        out.push_str(&text[plain_from..index]);
        out.push_str(replacement);
        plain_from = index + character.len_utf8();
    }
    out.push_str(&text[plain_from..]);
}

#[cfg(test)]
mod tests {
    use alloc::borrow::Cow;

    use super::*;
    use crate::{StatusCode, Violation};

    #[test]
    fn escapes_markup_cr_and_replaces_what_xml_forbids() {
        let mut out = String::new();
        push_xml_text(
            &mut out,
            "a<b>&c]]>\r\n\t\u{0}\u{b}\u{1f}\u{7f}\u{fffe}\u{ffff}é",
        );
        assert_eq!(
            out,
            "a&lt;b&gt;&amp;c]]&gt;&#xD;\n\t\u{fffd}\u{fffd}\u{fffd}\u{7f}\u{fffd}\u{fffd}é"
        );
    }

    #[test]
    fn writes_errors_as_items_and_nested_values_as_elements() {
        let problem = ProblemDetails::new(StatusCode::UnprocessableContent, "invalid")
            .with_instance("/items")
            .with_violation(Violation::at(["items", "2", "name"], "required"))
            .with_extension(
                "limits",
                ExtensionValue::Object(alloc::vec![
                    (Cow::Borrowed("max"), ExtensionValue::from(3)),
                    (Cow::Borrowed("not a name"), ExtensionValue::from(1)),
                    (Cow::Borrowed("none"), ExtensionValue::Null),
                    (Cow::Borrowed("ok"), ExtensionValue::from(false)),
                ]),
            );
        assert_eq!(
            problem.to_xml(),
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8"?><problem xmlns="urn:ietf:rfc:7807">"#,
                "<type>about:blank</type><title>Unprocessable Content</title><status>422</status>",
                "<instance>/items</instance><code>invalid</code>",
                "<errors><i><detail>required</detail><pointer>#/items/2/name</pointer></i></errors>",
                "<limits><max>3</max><none/><ok>false</ok></limits></problem>",
            )
        );
    }

    #[test]
    fn xml_names_are_the_ascii_subset() {
        for (name, ok) in [
            ("balance", true),
            ("_x", true),
            ("a-b.c_1", true),
            ("i", true),
            ("", false),
            ("1a", false),
            ("-a", false),
            ("a b", false),
            ("a:b", false),
            ("é", false),
        ] {
            assert_eq!(is_xml_name(name), ok, "{name:?}");
        }
    }
}
