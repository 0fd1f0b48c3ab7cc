//! Feature `validator`: [`Violation`]s from `validator::ValidationErrors`.

use std::borrow::Cow;
use std::format;
use std::string::{String, ToString};
use std::vec::Vec;

use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use super::{Violation, fragment_pointer};

/// The key `validator` files a struct's own (schema) errors under.
const STRUCT_LEVEL: &str = "__all__";

impl Violation {
    /// One violation per failing check of a `validator` result, nested
    /// structs and list items included: a `#[validate(nested)]` field
    /// `items` whose third element's `name` is too short is at
    /// `#/items/2/name`. A struct-level (`#[validate(schema(...))]`) error is
    /// at the struct's own pointer (`#` at the top).
    ///
    /// The `detail` is the check's `message` when it has one, otherwise a
    /// sentence made from its code and parameters (`length` with `min = 3`:
    /// "`name` must be at least 3 long"); an unknown code gives "`name` is
    /// invalid". Members are listed in name order, list items in index
    /// order, a member's failed checks in the order `validator` ran them.
    ///
    /// ```
    /// use status_core::Violation;
    /// use validator::Validate;
    ///
    /// #[derive(Validate)]
    /// struct Order {
    ///     #[validate(length(min = 1, message = "an order needs a reference"))]
    ///     reference: String,
    ///     #[validate(nested)]
    ///     items: Vec<Item>,
    /// }
    ///
    /// #[derive(Validate)]
    /// struct Item {
    ///     #[validate(range(min = 1))]
    ///     quantity: u32,
    /// }
    ///
    /// let order = Order {
    ///     reference: String::new(),
    ///     items: vec![Item { quantity: 2 }, Item { quantity: 0 }],
    /// };
    /// let errors = order.validate().unwrap_err();
    /// assert_eq!(
    ///     Violation::from_validator(&errors),
    ///     [
    ///         Violation::new("#/items/1/quantity", "`quantity` must be at least 1"),
    ///         Violation::new("#/reference", "an order needs a reference"),
    ///     ]
    /// );
    /// ```
    #[must_use]
    pub fn from_validator(errors: &ValidationErrors) -> Vec<Violation> {
        let mut violations = Vec::new();
        collect(errors, &mut Vec::new(), &mut violations);
        violations
    }
}

fn collect<'a>(
    errors: &'a ValidationErrors,
    path: &mut Vec<Cow<'a, str>>,
    out: &mut Vec<Violation>,
) {
    let mut members: Vec<_> = errors.errors().iter().collect();
    members.sort_by_key(|(name, _)| *name);
    for (name, kind) in members {
        let struct_level = name == STRUCT_LEVEL;
        if !struct_level {
            path.push(Cow::Borrowed(name));
        }
        match kind {
            ValidationErrorsKind::Field(failures) => {
                let subject = if struct_level { None } else { Some(&**name) };
                for failure in failures {
                    out.push(Violation::new(
                        fragment_pointer(path.iter()),
                        detail(failure, subject),
                    ));
                }
            }
            ValidationErrorsKind::Struct(nested) => collect(nested, path, out),
            ValidationErrorsKind::List(items) => {
                for (index, nested) in items {
                    path.push(Cow::Owned(index.to_string()));
                    collect(nested, path, out);
                    path.pop();
                }
            }
        }
        if !struct_level {
            path.pop();
        }
    }
}

/// The failure's message, or a sentence from its code about `subject`.
fn detail(failure: &ValidationError, subject: Option<&str>) -> Cow<'static, str> {
    if let Some(message) = &failure.message {
        return message.clone();
    }
    let subject = subject.map_or_else(|| String::from("this value"), |name| format!("`{name}`"));
    let param = |name: &str| failure.params.get(name).map(ToString::to_string);
    let sentence = match &*failure.code {
        "email" => String::from("must be an email address"),
        "url" => String::from("must be a URL"),
        "ip" => String::from("must be an IP address"),
        "ipv4" => String::from("must be an IPv4 address"),
        "ipv6" => String::from("must be an IPv6 address"),
        "credit_card" => String::from("must be a credit card number"),
        "non_control_character" => String::from("must not contain control characters"),
        "regex" => String::from("does not have the expected form"),
        "required" => String::from("is required"),
        "must_match" => param("other").map_or_else(
            || String::from("must match another member"),
            |other| format!("must match {other}"),
        ),
        "contains" => param("needle").map_or_else(
            || String::from("does not contain what it must"),
            |needle| format!("must contain {needle}"),
        ),
        "does_not_contain" => param("needle").map_or_else(
            || String::from("contains what it must not"),
            |needle| format!("must not contain {needle}"),
        ),
        "length" => bounds(
            &[
                ("equal", "exactly"),
                ("min", "at least"),
                ("max", "at most"),
            ],
            &param,
            "long",
        )
        .unwrap_or_else(|| String::from("has the wrong length")),
        "range" => bounds(
            &[
                ("min", "at least"),
                ("exclusive_min", "greater than"),
                ("max", "at most"),
                ("exclusive_max", "less than"),
            ],
            &param,
            "",
        )
        .unwrap_or_else(|| String::from("is out of range")),
        _ => String::from("is invalid"),
    };
    Cow::Owned(format!("{subject} {sentence}"))
}

/// "must be at least 3 and at most 10 long" from the parameters present.
fn bounds(
    names: &[(&str, &str)],
    param: &dyn Fn(&str) -> Option<String>,
    unit: &str,
) -> Option<String> {
    let parts: Vec<String> = names
        .iter()
        .filter_map(|(name, words)| param(name).map(|value| format!("{words} {value}")))
        .collect();
    if parts.is_empty() {
        return None;
    }
    let mut sentence = format!("must be {}", parts.join(" and "));
    if !unit.is_empty() {
        sentence.push(' ');
        sentence.push_str(unit);
    }
    Some(sentence)
}

#[cfg(test)]
mod tests {
    use std::borrow::ToOwned as _;
    use std::vec;

    use validator::Validate;

    use super::*;

    #[derive(Validate)]
    #[validate(schema(function = "distinct_labels", skip_on_field_errors = false))]
    struct Order {
        #[validate(length(min = 3, max = 10))]
        name: String,
        #[validate(email)]
        contact: String,
        #[validate(nested)]
        items: Vec<Item>,
        #[validate(nested)]
        shipping: Address,
    }

    #[derive(Validate)]
    struct Item {
        #[validate(length(min = 1, message = "a label is required"))]
        label: String,
        #[validate(range(min = 1, max = 99))]
        quantity: u32,
    }

    #[derive(Validate)]
    struct Address {
        #[validate(length(equal = 2))]
        country: String,
        #[validate(custom(function = "no_tilde"))]
        street: String,
    }

    fn no_tilde(street: &str) -> Result<(), ValidationError> {
        if street.contains('~') {
            Err(ValidationError::new("tilde"))
        } else {
            Ok(())
        }
    }

    fn distinct_labels(order: &Order) -> Result<(), ValidationError> {
        let mut labels: Vec<&str> = order.items.iter().map(|item| &*item.label).collect();
        labels.sort_unstable();
        let before = labels.len();
        labels.dedup();
        if labels.len() == before {
            Ok(())
        } else {
            Err(ValidationError::new("distinct")
                .with_message(Cow::Borrowed("item labels must be distinct")))
        }
    }

    fn item(label: &str, quantity: u32) -> Item {
        Item {
            label: label.to_owned(),
            quantity,
        }
    }

    #[test]
    fn nested_structs_and_list_items_get_pointers_and_readable_details() {
        let order = Order {
            name: "ab".to_owned(),
            contact: "not an address".to_owned(),
            items: vec![item("a", 1), item("a", 1), item("", 100)],
            shipping: Address {
                country: "FRA".to_owned(),
                street: "a~b".to_owned(),
            },
        };
        let errors = order.validate().expect_err("invalid");
        assert_eq!(
            Violation::from_validator(&errors),
            [
                Violation::new("#", "item labels must be distinct"),
                Violation::new("#/contact", "`contact` must be an email address"),
                Violation::new("#/items/2/label", "a label is required"),
                Violation::new(
                    "#/items/2/quantity",
                    "`quantity` must be at least 1 and at most 99"
                ),
                Violation::new("#/name", "`name` must be at least 3 and at most 10 long"),
                Violation::new("#/shipping/country", "`country` must be exactly 2 long"),
                Violation::new("#/shipping/street", "`street` is invalid"),
            ]
        );
    }

    #[test]
    fn a_valid_value_has_no_violations_and_keys_are_escaped() {
        let mut errors = ValidationErrors::new();
        errors.add("a/b~c", ValidationError::new("required"));
        assert_eq!(
            Violation::from_validator(&errors),
            [Violation::new("#/a~1b~0c", "`a/b~c` is required")]
        );
        assert_eq!(Violation::from_validator(&ValidationErrors::new()), []);
    }
}
