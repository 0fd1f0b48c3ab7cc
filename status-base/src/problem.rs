//! RFC 9457 problem details, and their JSON rendering (the XML one is in
//! `problem/xml.rs`).

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;

use crate::{Extension, ExtensionValue, InvalidExtension, StatusCode, Violation};

mod xml;

pub use xml::{PROBLEM_XML, PROBLEM_XML_NAMESPACE};

/// The media type of a problem details body (RFC 9457, Section 3).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An RFC 9457 problem details object, plus the machine-readable `code`
/// extension member.
///
/// ```
/// use status_core::{ProblemDetails, StatusCode};
///
/// let problem = ProblemDetails::new(StatusCode::NotFound, "item_not_found")
///     .with_detail("item 7 not found")
///     .with_instance("/items/7");
/// assert_eq!(
///     problem.to_json(),
///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"item 7 not found","instance":"/items/7","code":"item_not_found"}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemDetails {
    /// A URI reference identifying the problem type; `about:blank` when the
    /// status code says it all (RFC 9457, Section 3.1.1).
    pub type_uri: Cow<'static, str>,
    /// A short summary of the problem type: the status's reason phrase.
    pub title: Cow<'static, str>,
    /// The status code of the response.
    pub status: StatusCode,
    /// An explanation of this occurrence, for the client to read.
    pub detail: Option<Cow<'static, str>>,
    /// A URI reference identifying this occurrence.
    pub instance: Option<Cow<'static, str>>,
    /// A stable machine-readable code, such as `item_not_found`.
    pub code: Cow<'static, str>,
    /// The members of the request that do not fit, written as the `errors`
    /// member (RFC 9457 Section 3) when there are any.
    pub errors: Vec<Violation>,
    /// Extension members (RFC 9457, Section 3.2), written after the others
    /// in order. Their names were checked when they were added.
    pub extensions: Vec<Extension>,
}

impl ProblemDetails {
    /// A problem of type `about:blank` whose title is the status's reason phrase.
    #[must_use]
    pub fn new(status: StatusCode, code: impl Into<Cow<'static, str>>) -> Self {
        ProblemDetails {
            type_uri: Cow::Borrowed("about:blank"),
            title: Cow::Borrowed(status.reason_phrase()),
            status,
            detail: None,
            instance: None,
            code: code.into(),
            errors: Vec::new(),
            extensions: Vec::new(),
        }
    }

    /// Sets `type`.
    #[must_use]
    pub fn with_type(mut self, type_uri: impl Into<Cow<'static, str>>) -> Self {
        self.type_uri = type_uri.into();
        self
    }

    /// Sets `detail`.
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<Cow<'static, str>>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Sets `instance`.
    #[must_use]
    pub fn with_instance(mut self, instance: impl Into<Cow<'static, str>>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// Adds one failing member to `errors`.
    #[must_use]
    pub fn with_violation(mut self, violation: Violation) -> Self {
        self.errors.push(violation);
        self
    }

    /// Adds failing members to `errors`, in order.
    #[must_use]
    pub fn with_violations(mut self, violations: impl IntoIterator<Item = Violation>) -> Self {
        self.errors.extend(violations);
        self
    }

    /// Adds an extension member, as [`insert_extension`](Self::insert_extension)
    /// does; a name that cannot be a member is dropped (and logged with
    /// feature `tracing`), never sent.
    ///
    /// ```
    /// use status_core::{ProblemDetails, StatusCode};
    ///
    /// let problem = ProblemDetails::new(StatusCode::Forbidden, "out_of_credit")
    ///     .with_extension("balance", 30)
    ///     .with_extension("accounts", vec!["/account/12345", "/account/67890"]);
    /// assert_eq!(
    ///     problem.to_json(),
    ///     r#"{"type":"about:blank","title":"Forbidden","status":403,"code":"out_of_credit","balance":30,"accounts":["/account/12345","/account/67890"]}"#
    /// );
    /// ```
    #[must_use]
    pub fn with_extension(
        mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<ExtensionValue>,
    ) -> Self {
        if let Err(error) = self.insert_extension(name, value) {
            crate::log::dropped_member(error.name(), &error);
        }
        self
    }

    /// Adds an extension member named `name`; one already of that name is
    /// replaced, so the body never repeats a member.
    ///
    /// # Errors
    ///
    /// [`InvalidExtension`], and the problem unchanged, when `name` cannot
    /// be a member: see [`Extension::new`].
    pub fn insert_extension(
        &mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<ExtensionValue>,
    ) -> Result<(), InvalidExtension> {
        self.push_extension(Extension::new(name, value)?);
        Ok(())
    }

    /// Adds a member whose name is known to be valid; a later member of the
    /// same name replaces the earlier one, so the body never repeats a name.
    pub(crate) fn push_extension(&mut self, extension: Extension) {
        if let Some(existing) = self
            .extensions
            .iter_mut()
            .find(|existing| existing.name == extension.name)
        {
            *existing = extension;
        } else {
            self.extensions.push(extension);
        }
    }

    /// The extension member named `name`, if there is one.
    #[must_use]
    pub fn extension(&self, name: &str) -> Option<&ExtensionValue> {
        self.extensions
            .iter()
            .find(|extension| extension.name == name)
            .map(|extension| &extension.value)
    }

    /// The JSON body, members in RFC 9457 order, written straight into one
    /// `String` (no intermediate JSON value).
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut json = String::with_capacity(96 + self.detail.as_deref().map_or(0, str::len));
        self.write_json(&mut json);
        json
    }

    /// Appends the JSON body to `out`.
    pub fn write_json(&self, out: &mut String) {
        self.write_json_head(out);
        if let Some(detail) = &self.detail {
            out.push_str(",\"detail\":");
            push_json_string(out, detail);
        }
        self.write_json_tail(out);
    }

    /// The members before `detail`: `{"type":...,"title":...,"status":...`.
    pub(crate) fn write_json_head(&self, out: &mut String) {
        out.push_str("{\"type\":");
        push_json_string(out, &self.type_uri);
        out.push_str(",\"title\":");
        push_json_string(out, &self.title);
        out.push_str(",\"status\":");
        out.push_str(self.status.as_str());
    }

    /// The members after `detail`, and the closing brace.
    pub(crate) fn write_json_tail(&self, out: &mut String) {
        if let Some(instance) = &self.instance {
            out.push_str(",\"instance\":");
            push_json_string(out, instance);
        }
        out.push_str(",\"code\":");
        push_json_string(out, &self.code);
        if !self.errors.is_empty() {
            out.push_str(",\"errors\":[");
            for (index, violation) in self.errors.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                out.push_str("{\"detail\":");
                push_json_string(out, &violation.detail);
                out.push_str(",\"pointer\":");
                push_json_string(out, &violation.pointer);
                out.push('}');
            }
            out.push(']');
        }
        for extension in &self.extensions {
            out.push(',');
            push_json_string(out, &extension.name);
            out.push(':');
            extension.value.write_json(out);
        }
        out.push('}');
    }
}

/// Writes `text` as a JSON string literal (RFC 8259, Section 7), with the
/// same escapes `serde_json` chooses, so the two outputs are byte-identical.
pub(crate) fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    push_json_escaped(out, text);
    out.push('"');
}

/// Appends `text` escaped for the inside of a JSON string literal.
pub(crate) fn push_json_escaped(out: &mut String, text: &str) {
    // Most text needs no escape: one scan the compiler can vectorise, then
    // one copy, instead of a branch per byte.
    if !text
        .bytes()
        .any(|byte| byte < 0x20 || byte == b'"' || byte == b'\\')
    {
        out.push_str(text);
        return;
    }
    let mut plain_from = 0;
    for (index, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[plain_from..index]);
        if escape.is_empty() {
            // Infallible: writing to a String cannot fail.
            let _ = write!(out, "\\u{byte:04x}");
        } else {
            out.push_str(escape);
        }
        plain_from = index + 1;
    }
    out.push_str(&text[plain_from..]);
}

/// Why `text` is not a URI reference (RFC 3986, Section 4.1), if it is not:
/// a byte that a URI cannot hold, or a `%` without two hex digits after it.
/// Checks the characters, not the whole grammar.
pub(crate) fn uri_reference_problem(text: &str) -> Option<&'static str> {
    let bytes = text.as_bytes();
    for (index, byte) in bytes.iter().enumerate() {
        match byte {
            b'%' => {
                let hex = bytes.get(index + 1..index + 3);
                if !hex.is_some_and(|pair| pair.iter().all(u8::is_ascii_hexdigit)) {
                    return Some("a `%` must start a percent-encoded byte such as `%20`");
                }
            }
            // unreserved, gen-delims and sub-delims (RFC 3986, Section 2).
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b':'
            | b'/'
            | b'?'
            | b'#'
            | b'['
            | b']'
            | b'@'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'=' => {}
            _ => return Some("it holds a character a URI cannot hold; percent-encode it"),
        }
    }
    None
}

#[cfg(feature = "serde")]
impl serde::Serialize for ProblemDetails {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let members = 4
            + usize::from(self.detail.is_some())
            + usize::from(self.instance.is_some())
            + usize::from(!self.errors.is_empty())
            + self.extensions.len();
        let mut map = serializer.serialize_map(Some(members))?;
        map.serialize_entry("type", &self.type_uri)?;
        map.serialize_entry("title", &self.title)?;
        map.serialize_entry("status", &self.status.as_u16())?;
        if let Some(detail) = &self.detail {
            map.serialize_entry("detail", detail)?;
        }
        if let Some(instance) = &self.instance {
            map.serialize_entry("instance", instance)?;
        }
        map.serialize_entry("code", &self.code)?;
        if !self.errors.is_empty() {
            map.serialize_entry("errors", &self.errors)?;
        }
        for extension in &self.extensions {
            map.serialize_entry(&*extension.name, &extension.value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_json_requires() {
        let mut out = String::new();
        push_json_string(&mut out, "a\"b\\c\nd\u{1}e\u{7f}é\u{2028}");
        assert_eq!(out, "\"a\\\"b\\\\c\\nd\\u0001e\u{7f}é\u{2028}\"");
        let parsed: String = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(parsed, "a\"b\\c\nd\u{1}e\u{7f}é\u{2028}");
    }

    #[test]
    fn writes_errors_after_code_and_only_when_there_are_any() {
        let problem = ProblemDetails::new(StatusCode::UnprocessableContent, "invalid")
            .with_violations([
                Violation::at(["name"], "this member is required"),
                Violation::new("#/tags/0", "a \"quoted\"\nline"),
            ]);
        assert_eq!(
            problem.to_json(),
            r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"code":"invalid","errors":[{"detail":"this member is required","pointer":"#/name"},{"detail":"a \"quoted\"\nline","pointer":"#/tags/0"}]}"##
        );
    }

    #[test]
    fn omits_absent_members() {
        let json = ProblemDetails::new(StatusCode::BadRequest, "bad").to_json();
        assert_eq!(
            json,
            r#"{"type":"about:blank","title":"Bad Request","status":400,"code":"bad"}"#
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_output_matches_the_hand_written_json() {
        let problem = ProblemDetails::new(StatusCode::Conflict, "dup")
            .with_detail("x \"y\"")
            .with_type("https://e.x/p#dup");
        assert_eq!(
            serde_json::to_string(&problem).ok(),
            Some(problem.to_json())
        );
        // Every control character, and what serde_json leaves raw.
        let every_escape: String = (0_u8..0x20)
            .map(char::from)
            .chain(['"', '\\', '/', '\u{7f}', '\u{2028}', 'é'])
            .collect();
        let problem = ProblemDetails::new(StatusCode::BadRequest, "c")
            .with_detail(every_escape.clone())
            .with_violation(Violation::new(every_escape.clone(), every_escape))
            .with_violation(Violation::at(["a"], "b"));
        assert_eq!(
            serde_json::to_string(&problem).ok(),
            Some(problem.to_json())
        );
    }
}
