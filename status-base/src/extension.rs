//! Extension members of a problem (RFC 9457, Section 3.2): a name and a
//! JSON-shaped value.

pub(crate) mod rules;
#[cfg(feature = "serde")]
mod ser;

use alloc::borrow::Cow;
use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

/// One extension member of a problem: `"balance": 30` in RFC 9457's
/// Section 3 example.
///
/// `#[derive(HttpError)]` builds them from fields marked
/// `#[http(extension)]`; by hand, use
/// [`ProblemDetails::with_extension`](crate::ProblemDetails::with_extension).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extension {
    /// The member name: an ASCII letter, then letters, digits and `_`, at
    /// least three characters (RFC 9457, Section 3.2).
    pub name: Cow<'static, str>,
    /// The member value.
    pub value: ExtensionValue,
}

/// The value of an extension member: anything JSON can hold.
///
/// Built from Rust values with `From` (strings, `bool`, integers, floats,
/// vectors and options of those), or with feature `serde` from any
/// `Serialize` type through [`ExtensionValue::serialize`].
///
/// ```
/// use status_core::ExtensionValue;
///
/// assert_eq!(ExtensionValue::from(30).to_json(), "30");
/// assert_eq!(ExtensionValue::from(vec!["/account/12345/msgs/abc"]).to_json(), r#"["/account/12345/msgs/abc"]"#);
/// assert_eq!(ExtensionValue::from(f64::NAN).to_json(), "null");
/// assert_eq!(ExtensionValue::from(None::<u8>).to_json(), "null");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExtensionValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(ExtensionNumber),
    /// A string.
    String(Cow<'static, str>),
    /// An array.
    Array(Vec<ExtensionValue>),
    /// An object, members in order.
    Object(Vec<(Cow<'static, str>, ExtensionValue)>),
}

/// A finite number, kept as the JSON text it is written as (`30`, `-1.5`,
/// `1e300`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExtensionNumber(String);

impl ExtensionNumber {
    /// The JSON text of the number.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A float as the shortest text that reads back as the same `f64`;
    /// `None` for NaN and the infinities, which JSON cannot write.
    pub(crate) fn from_f64(value: f64) -> Option<Self> {
        // `{:?}` is the shortest round-trip form and always has a `.` or an
        // exponent (`1.0`, `1e300`), as `serde_json` writes floats.
        value
            .is_finite()
            .then(|| ExtensionNumber(alloc::format!("{value:?}")))
    }
}

impl core::fmt::Display for ExtensionNumber {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! from_integers {
    ($($ty:ty),*) => {$(
        impl From<$ty> for ExtensionValue {
            fn from(value: $ty) -> Self {
                ExtensionValue::Number(ExtensionNumber(value.to_string()))
            }
        }
    )*};
}

from_integers!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

impl From<f64> for ExtensionValue {
    /// NaN and the infinities become `null`, as `serde_json` writes them.
    fn from(value: f64) -> Self {
        ExtensionNumber::from_f64(value).map_or(ExtensionValue::Null, ExtensionValue::Number)
    }
}

impl From<f32> for ExtensionValue {
    fn from(value: f32) -> Self {
        ExtensionValue::from(f64::from(value))
    }
}

impl From<bool> for ExtensionValue {
    fn from(value: bool) -> Self {
        ExtensionValue::Bool(value)
    }
}

impl From<&'static str> for ExtensionValue {
    fn from(value: &'static str) -> Self {
        ExtensionValue::String(Cow::Borrowed(value))
    }
}

impl From<String> for ExtensionValue {
    fn from(value: String) -> Self {
        ExtensionValue::String(Cow::Owned(value))
    }
}

impl From<Cow<'static, str>> for ExtensionValue {
    fn from(value: Cow<'static, str>) -> Self {
        ExtensionValue::String(value)
    }
}

impl<T: Into<ExtensionValue>> From<Vec<T>> for ExtensionValue {
    fn from(values: Vec<T>) -> Self {
        ExtensionValue::Array(values.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<ExtensionValue>> From<Option<T>> for ExtensionValue {
    fn from(value: Option<T>) -> Self {
        value.map_or(ExtensionValue::Null, Into::into)
    }
}

impl ExtensionValue {
    /// The value as JSON text.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    /// Appends the value as JSON text, with the escapes `serde_json` chooses.
    pub(crate) fn write_json(&self, out: &mut String) {
        match self {
            ExtensionValue::Null => out.push_str("null"),
            ExtensionValue::Bool(true) => out.push_str("true"),
            ExtensionValue::Bool(false) => out.push_str("false"),
            ExtensionValue::Number(number) => out.push_str(&number.0),
            ExtensionValue::String(text) => crate::problem::push_json_string(out, text),
            ExtensionValue::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            ExtensionValue::Object(members) => {
                out.push('{');
                for (index, (name, value)) in members.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    crate::problem::push_json_string(out, name);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ExtensionValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap as _, SerializeSeq as _};
        match self {
            ExtensionValue::Null => serializer.serialize_unit(),
            ExtensionValue::Bool(value) => serializer.serialize_bool(*value),
            ExtensionValue::Number(number) => {
                // Integers stay integers; anything else is a float.
                if let Ok(value) = number.0.parse::<i64>() {
                    serializer.serialize_i64(value)
                } else if let Ok(value) = number.0.parse::<u64>() {
                    serializer.serialize_u64(value)
                } else if let Ok(value) = number.0.parse::<i128>() {
                    serializer.serialize_i128(value)
                } else if let Ok(value) = number.0.parse::<u128>() {
                    serializer.serialize_u128(value)
                } else {
                    serializer.serialize_f64(number.0.parse::<f64>().unwrap_or(0.0))
                }
            }
            ExtensionValue::String(text) => serializer.serialize_str(text),
            ExtensionValue::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            ExtensionValue::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (name, value) in members {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
        }
    }
}

/// Why an extension member was not added: its name breaks RFC 9457
/// Section 3.2, or the problem body writes that member itself.
///
/// ```
/// use status_core::{ProblemDetails, StatusCode};
///
/// let mut problem = ProblemDetails::new(StatusCode::Forbidden, "out_of_credit");
/// let error = problem.insert_extension("x", 1).unwrap_err();
/// assert_eq!(error.name(), "x");
/// assert!(problem.extensions.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidExtension {
    name: Cow<'static, str>,
    reason: &'static str,
}

impl InvalidExtension {
    /// The refused name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl core::fmt::Display for InvalidExtension {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "invalid extension member name `{}`: {}",
            self.name, self.reason
        )
    }
}

impl core::error::Error for InvalidExtension {}

impl Extension {
    /// An extension member, if `name` may be one.
    ///
    /// # Errors
    ///
    /// [`InvalidExtension`] when `name` breaks RFC 9457 Section 3.2 (an ASCII
    /// letter, then letters, digits and `_`, at least three characters) or is
    /// a member the body writes itself (`type`, `title`, `status`, `detail`,
    /// `instance`, `code`, `errors`).
    pub fn new(
        name: impl Into<Cow<'static, str>>,
        value: impl Into<ExtensionValue>,
    ) -> Result<Self, InvalidExtension> {
        let name = name.into();
        match rules::check_member_name(&name) {
            Some(reason) => Err(InvalidExtension { name, reason }),
            None => Ok(Extension {
                name,
                value: value.into(),
            }),
        }
    }
}

#[cfg(feature = "serde")]
pub use ser::SerializeError;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_json_as_serde_json_does() {
        let value = ExtensionValue::Object(alloc::vec![
            (Cow::Borrowed("a\"b"), ExtensionValue::from(-3_i32)),
            (
                Cow::Borrowed("list"),
                ExtensionValue::from(alloc::vec![1.5_f64, 1.0, 1e300])
            ),
            (Cow::Borrowed("t"), ExtensionValue::from("x\ny")),
            (Cow::Borrowed("n"), ExtensionValue::Null),
            (Cow::Borrowed("b"), ExtensionValue::from(true)),
        ]);
        let expected = serde_json::json!({
            "a\"b": -3, "list": [1.5, 1.0, 1e300], "t": "x\ny", "n": null, "b": true
        });
        let parsed: serde_json::Value = serde_json::from_str(&value.to_json()).expect("JSON");
        assert_eq!(parsed, expected);
        assert_eq!(
            value.to_json(),
            r#"{"a\"b":-3,"list":[1.5,1.0,1e300],"t":"x\ny","n":null,"b":true}"#
        );
    }

    #[test]
    fn names_follow_rfc_9457_section_3_2() {
        assert!(Extension::new("balance", 30).is_ok());
        assert!(Extension::new("abc_1", 30).is_ok());
        for name in [
            "", "ab", "1abc", "_abc", "ba-lance", "bal ance", "café", "type", "code", "errors",
            "instance",
        ] {
            assert!(Extension::new(name, 1).is_err(), "{name:?}");
        }
    }
}
