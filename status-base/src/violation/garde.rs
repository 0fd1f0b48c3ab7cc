//! Feature `garde`: [`Violation`]s from `garde::Report`.
//!
//! A `garde::Path` is read through its `Serialize` form (garde's `serde`
//! feature, which this feature turns on): a list of `(kind, component)`
//! pairs from the root, which garde also deserializes and so keeps stable.
//! Its other accessor is `#[doc(hidden)]`, and its `Display` form
//! (`items[2].name`) cannot be split back when a map key holds `.` or `[`.

use std::borrow::Cow;
use std::string::String;
use std::vec::Vec;

use super::{Violation, fragment_pointer};

impl Violation {
    /// One violation per error of a `garde` report, nested structs, list
    /// items and map entries included: a `#[garde(dive)]` field `items`
    /// whose third element's `name` is too short is at `#/items/2/name`.
    /// An error of the value itself (a report of a bare value) is at `#`.
    ///
    /// The `detail` is garde's message for the rule that failed, in the
    /// report's order.
    ///
    /// ```
    /// use garde::Validate;
    /// use status_core::Violation;
    ///
    /// #[derive(Validate)]
    /// struct Order {
    ///     #[garde(length(min = 1))]
    ///     reference: String,
    ///     #[garde(dive)]
    ///     items: Vec<Item>,
    /// }
    ///
    /// #[derive(Validate)]
    /// struct Item {
    ///     #[garde(range(min = 1))]
    ///     quantity: u32,
    /// }
    ///
    /// let order = Order {
    ///     reference: "A-1".to_owned(),
    ///     items: vec![Item { quantity: 2 }, Item { quantity: 0 }],
    /// };
    /// let report = order.validate().unwrap_err();
    /// let violations = Violation::from_garde(&report);
    /// assert_eq!(violations.len(), 1);
    /// assert_eq!(violations[0].pointer, "#/items/1/quantity");
    /// assert_eq!(violations[0].detail, "lower than 1");
    /// ```
    #[must_use]
    pub fn from_garde(report: &garde::Report) -> Vec<Violation> {
        report
            .iter()
            .map(|(path, error)| {
                Violation::new(
                    fragment_pointer(segments(path)),
                    Cow::Owned(String::from(error.message())),
                )
            })
            .collect()
    }
}

/// The path's keys and indexes from the root; the components garde marks
/// as having no key (the inside of an `Option` or a newtype) add no segment.
fn segments(path: &garde::error::Path) -> Vec<String> {
    let Ok(serde_json::Value::Array(components)) = serde_json::to_value(path) else {
        return Vec::new();
    };
    components
        .into_iter()
        .filter_map(|component| match component {
            serde_json::Value::Array(pair) => match <[serde_json::Value; 2]>::try_from(pair) {
                Ok(
                    [
                        serde_json::Value::String(kind),
                        serde_json::Value::String(name),
                    ],
                ) if kind != "none" => Some(name),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::borrow::ToOwned as _;
    use std::collections::BTreeMap;
    use std::vec;

    use garde::Validate;

    use super::*;

    #[derive(Validate)]
    struct Order {
        #[garde(length(min = 3, max = 10))]
        name: String,
        #[garde(dive)]
        items: Vec<Item>,
        #[garde(dive)]
        shipping: Option<Address>,
        #[garde(dive)]
        notes: BTreeMap<String, Note>,
    }

    #[derive(Validate)]
    struct Item {
        #[garde(length(min = 1))]
        label: String,
        #[garde(range(min = 1, max = 99))]
        quantity: u32,
    }

    #[derive(Validate)]
    struct Address {
        #[garde(length(min = 2, max = 2))]
        country: String,
    }

    #[derive(Validate)]
    struct Note {
        #[garde(length(max = 5))]
        text: String,
    }

    #[test]
    fn nested_structs_list_items_and_map_keys_get_pointers() {
        let order = Order {
            name: "ab".to_owned(),
            items: vec![
                Item {
                    label: "a".to_owned(),
                    quantity: 1,
                },
                Item {
                    label: String::new(),
                    quantity: 100,
                },
            ],
            shipping: Some(Address {
                country: "FRA".to_owned(),
            }),
            notes: BTreeMap::from([(
                "a/b.c[0]".to_owned(),
                Note {
                    text: "too long".to_owned(),
                },
            )]),
        };
        let report = order.validate().expect_err("invalid");
        let mut violations: Vec<(String, String)> = Violation::from_garde(&report)
            .into_iter()
            .map(|violation| {
                (
                    violation.pointer.into_owned(),
                    violation.detail.into_owned(),
                )
            })
            .collect();
        violations.sort();
        let pointers: Vec<&str> = violations.iter().map(|(pointer, _)| &**pointer).collect();
        assert_eq!(
            pointers,
            [
                "#/items/1/label",
                "#/items/1/quantity",
                "#/name",
                "#/notes/a~1b.c%5B0%5D/text",
                "#/shipping/country",
            ]
        );
        for (pointer, detail) in &violations {
            assert!(!detail.is_empty(), "{pointer}");
        }
        assert!(
            violations.contains(&(
                "#/items/1/quantity".to_owned(),
                "greater than 99".to_owned()
            )),
            "{violations:?}"
        );
    }

    #[test]
    fn a_bare_value_is_at_the_root() {
        let mut report = garde::Report::new();
        report.append(garde::error::Path::empty(), garde::Error::new("bad"));
        assert_eq!(Violation::from_garde(&report), [Violation::new("#", "bad")]);
    }
}
