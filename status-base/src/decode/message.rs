//! serde's error messages, rewritten for the client of a JSON or form API.
//!
//! serde builds a data error's message from the visitor's `expecting` text,
//! which names Rust types (`expected struct NewItem`, `expected u32`,
//! `data did not match any variant of untagged enum Shape`) and uses serde's
//! data model words (`sequence`, `map`, `field`). The messages have kept the
//! same shape since serde 1.0 (`serde::de::Error`'s provided methods and
//! `serde_json`'s overrides of two of them), so they are rewritten here by
//! that shape; anything else, such as a user's own `Error::custom` text, is
//! kept, minus anything that looks like a Rust path.

use alloc::borrow::{Cow, ToOwned as _};
use alloc::format;
use alloc::string::String;

/// A data error's message for a client, and the member it is about when the
/// message names one that the deserializer's path does not hold yet (a
/// missing or unknown member is reported at the object that lacks or has it).
pub(crate) struct ClientMessage {
    pub(crate) text: String,
    pub(crate) member: Option<String>,
}

/// Rewrites one serde data error message (without `serde_json`'s position
/// suffix).
pub(crate) fn rewrite(message: &str) -> ClientMessage {
    let plain = |text: String| ClientMessage { text, member: None };
    if let Some(rest) = message.strip_prefix("missing field ") {
        return ClientMessage {
            text: "this member is required".to_owned(),
            member: quoted(rest).map(str::to_owned),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let member = quoted(rest);
        let expected = rest
            .split_once(", ")
            .map_or("", |(_, expected)| expected)
            .replace("there are no fields", "this object has no members");
        let text = if expected.is_empty() {
            "unknown member".to_owned()
        } else {
            format!("unknown member, {expected}")
        };
        return ClientMessage {
            text,
            member: member.map(str::to_owned),
        };
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return ClientMessage {
            text: "this member appears more than once".to_owned(),
            member: quoted(rest).map(str::to_owned),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let text = format!("unknown value {rest}").replace(", there are no variants", "");
        return plain(text);
    }
    for kind in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(kind)
            && let Some((unexpected, expected)) = rest.rsplit_once(", expected ")
        {
            return plain(format!(
                "{kind}{}, expected {}",
                unexpected_for_client(unexpected),
                expectation(expected)
            ));
        }
    }
    if let Some(rest) = message.strip_prefix("invalid length ")
        && let Some((length, expected)) = rest.split_once(", expected ")
    {
        return plain(format!(
            "invalid length {length}, expected {}",
            expectation(expected)
        ));
    }
    if message.starts_with("data did not match any variant of ") {
        return plain("the value does not match any of the forms this member takes".to_owned());
    }
    if looks_like_rust(message) {
        return plain("the value is not valid here".to_owned());
    }
    plain(message.to_owned())
}

/// The text between the first pair of backquotes.
fn quoted(text: &str) -> Option<&str> {
    let start = text.find('`')? + 1;
    let length = text[start..].find('`')?;
    Some(&text[start..start + length])
}

/// serde's `Unexpected` in JSON's words.
fn unexpected_for_client(unexpected: &str) -> Cow<'_, str> {
    match unexpected {
        "sequence" => Cow::Borrowed("array"),
        "map" => Cow::Borrowed("object"),
        "unit value" | "null" => Cow::Borrowed("null"),
        "Option value" => Cow::Borrowed("a value"),
        _ => match unexpected.strip_prefix("floating point ") {
            Some(number) => Cow::Owned(format!("number {number}")),
            None if looks_like_rust(unexpected) => Cow::Borrowed("a value"),
            None => Cow::Borrowed(unexpected),
        },
    }
}

/// What a visitor expected, without Rust type names.
pub(crate) fn expectation(expected: &str) -> Cow<'_, str> {
    if let Some(range) = integer_range(expected) {
        return Cow::Owned(format!("an integer from {range}"));
    }
    if let Some(primitive) = expected.strip_prefix("a nonzero ")
        && let Some(range) = integer_range(primitive)
    {
        return Cow::Owned(format!("an integer other than 0, from {range}"));
    }
    if let Some((_, count)) = expected.split_once(" with ")
        && (count.ends_with(" elements") || count.ends_with(" element"))
    {
        return Cow::Owned(format!("an array of {count}"));
    }
    if let Some(size) = expected.strip_prefix("a tuple of size ") {
        let noun = if size == "1" { "element" } else { "elements" };
        return Cow::Owned(format!("an array of {size} {noun}"));
    }
    let rewritten = match expected {
        "f32" | "f64" => "a number",
        "bool" => "`true` or `false`",
        "char" | "a character" => "a single character",
        "a borrowed string" | "path string" | "os string" | "a borrowed path" => "a string",
        "a sequence" => "an array",
        "a map" => "an object",
        "option" => "a value or null",
        "unit" => "null",
        "byte array" | "a borrowed byte array" => "an array of bytes",
        "variant identifier" => "a known value",
        "field identifier" => "a member name",
        _ => {
            const OBJECTS: [&str; 5] = [
                "struct variant ",
                "struct ",
                "internally tagged enum ",
                "adjacently tagged enum ",
                "map ",
            ];
            const ARRAYS: [&str; 3] = ["tuple struct ", "tuple variant ", "tuple "];
            if OBJECTS.iter().any(|prefix| expected.starts_with(prefix)) {
                "an object"
            } else if ARRAYS.iter().any(|prefix| expected.starts_with(prefix)) {
                "an array"
            } else if expected.starts_with("unit struct ") || expected.starts_with("unit variant") {
                "null"
            } else if expected.starts_with("enum ") {
                "one of the allowed values"
            } else if expected.starts_with("newtype struct ")
                || expected.starts_with("newtype variant")
                || looks_like_rust(expected)
            {
                "a valid value"
            } else {
                return Cow::Borrowed(expected);
            }
        }
    };
    Cow::Borrowed(rewritten)
}

/// `MIN to MAX` of a Rust integer type, by its name.
fn integer_range(name: &str) -> Option<String> {
    let (min, max): (i128, u128) = match name {
        "i8" => (i8::MIN.into(), 127),
        "i16" => (i16::MIN.into(), 32_767),
        "i32" => (i32::MIN.into(), 2_147_483_647),
        "i64" | "isize" => (i64::MIN.into(), 9_223_372_036_854_775_807),
        "i128" => (i128::MIN, i128::MAX.unsigned_abs()),
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" | "usize" => (0, u64::MAX.into()),
        "u128" => (0, u128::MAX),
        _ => return None,
    };
    Some(format!("{min} to {max}"))
}

/// Whether text names a Rust path or type: `a::b`, or a `Camel` word after
/// `struct`/`enum`, which the rewrites above did not catch.
fn looks_like_rust(text: &str) -> bool {
    text.contains("::")
        || text.split_whitespace().any(|word| {
            ["struct", "enum", "variant"]
                .contains(&word.trim_matches(|c: char| !c.is_alphanumeric()))
        }) && text.chars().any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(message: &str) -> String {
        rewrite(message).text
    }

    #[test]
    fn names_no_rust_type() {
        for (serde, client) in [
            (
                "invalid type: sequence, expected struct NewItem",
                "invalid type: array, expected an object",
            ),
            (
                "invalid type: integer `7`, expected a string",
                "invalid type: integer `7`, expected a string",
            ),
            (
                "invalid value: integer `-1`, expected u32",
                "invalid value: integer `-1`, expected an integer from 0 to 4294967295",
            ),
            (
                "invalid type: floating point `1e30`, expected i64",
                "invalid type: number `1e30`, expected an integer from -9223372036854775808 to 9223372036854775807",
            ),
            (
                "invalid type: map, expected a sequence",
                "invalid type: object, expected an array",
            ),
            (
                "invalid type: null, expected enum Color",
                "invalid type: null, expected one of the allowed values",
            ),
            (
                "invalid length 1, expected tuple struct Point with 2 elements",
                "invalid length 1, expected an array of 2 elements",
            ),
            (
                "invalid length 1, expected a tuple of size 3",
                "invalid length 1, expected an array of 3 elements",
            ),
            (
                "invalid type: string \"x, expected y\", expected f64",
                "invalid type: string \"x, expected y\", expected a number",
            ),
            (
                "data did not match any variant of untagged enum Shape",
                "the value does not match any of the forms this member takes",
            ),
            (
                "unknown variant `mauve`, expected `red` or `blue`",
                "unknown value `mauve`, expected `red` or `blue`",
            ),
            (
                "invalid value: integer `0`, expected a nonzero u8",
                "invalid value: integer `0`, expected an integer other than 0, from 0 to 255",
            ),
            ("expected my_crate::Thing", "the value is not valid here"),
            (
                "must be a valid e-mail address",
                "must be a valid e-mail address",
            ),
        ] {
            assert_eq!(text(serde), client, "{serde}");
        }
    }

    #[test]
    fn members_named_in_the_message_are_returned() {
        let missing = rewrite("missing field `name`");
        assert_eq!(missing.text, "this member is required");
        assert_eq!(missing.member.as_deref(), Some("name"));
        let unknown = rewrite("unknown field `nam`, expected `name` or `description`");
        assert_eq!(
            unknown.text,
            "unknown member, expected `name` or `description`"
        );
        assert_eq!(unknown.member.as_deref(), Some("nam"));
        let none = rewrite("unknown field `x`, there are no fields");
        assert_eq!(none.text, "unknown member, this object has no members");
        assert_eq!(rewrite("duplicate field `a`").member.as_deref(), Some("a"));
    }
}
