//! problem+xml (RFC 9457, Appendix B): the appendix's example out of the
//! derive, and a property test that renders arbitrary text and values and
//! reads them back with a real XML parser (`roxmltree`).

use std::borrow::Cow;

use proptest::prelude::*;
use status_core::{
    ErrorResponse, ExtensionValue, HttpError, PROBLEM_XML_NAMESPACE, ProblemDetails, ProblemFormat,
    StatusCode, Violation,
};

/// RFC 9457 Section 3's example, written with the derive (as in README.md).
#[derive(Debug, thiserror::Error, HttpError)]
#[http(type_base = "https://example.com/probs/")]
enum AccountError {
    #[error("Your current balance is {balance}, but that costs {cost}.")]
    #[http(status = 403, code = "out-of-credit")]
    OutOfCredit {
        cost: u32,
        #[http(extension)]
        balance: u32,
        #[http(extension)]
        accounts: Vec<&'static str>,
        #[http(instance)]
        instance: String,
    },
}

fn out_of_credit() -> AccountError {
    AccountError::OutOfCredit {
        cost: 50,
        balance: 30,
        accounts: vec![
            "https://example.net/account/12345",
            "https://example.net/account/67890",
        ],
        instance: "https://example.net/account/12345/msgs/abc".to_owned(),
    }
}

/// An element's children that are elements, as (name, node) pairs.
fn children<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
) -> Vec<(&'a str, roxmltree::Node<'a, 'input>)> {
    node.children()
        .filter(roxmltree::Node::is_element)
        .map(|child| (child.tag_name().name(), child))
        .collect()
}

#[test]
fn the_appendix_b_example_comes_out_of_the_derive() {
    let response = ErrorResponse::from_error_as(&out_of_credit(), ProblemFormat::Xml);
    assert_eq!(response.content_type(), Some("application/problem+xml"));
    let xml = response.body.expect("a 403 has a body");
    // Appendix B's document, plus `status` and the `code` this crate adds,
    // without the indentation (which would be text between elements).
    assert_eq!(
        xml,
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?>"#,
            r#"<problem xmlns="urn:ietf:rfc:7807">"#,
            "<type>https://example.com/probs/out-of-credit</type>",
            "<title>Forbidden</title>",
            "<status>403</status>",
            "<detail>Your current balance is 30, but that costs 50.</detail>",
            "<instance>https://example.net/account/12345/msgs/abc</instance>",
            "<code>out-of-credit</code>",
            "<balance>30</balance>",
            "<accounts><i>https://example.net/account/12345</i>",
            "<i>https://example.net/account/67890</i></accounts>",
            "</problem>",
        )
    );
    let document = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "problem");
    assert_eq!(root.tag_name().namespace(), Some("urn:ietf:rfc:7807"));
    let accounts = children(root)
        .into_iter()
        .find(|(name, _)| *name == "accounts")
        .map(|(_, node)| children(node))
        .expect("accounts");
    let items: Vec<_> = accounts
        .iter()
        .map(|(name, node)| (*name, node.text()))
        .collect();
    assert_eq!(
        items,
        [
            ("i", Some("https://example.net/account/12345")),
            ("i", Some("https://example.net/account/67890")),
        ]
    );
}

#[test]
fn a_422_lists_its_errors_as_items() {
    let problem = ProblemDetails::new(StatusCode::UnprocessableContent, "invalid_body")
        .with_violation(Violation::at(["items", "2", "name"], "required"))
        .with_violation(Violation::at(["a/b", "m~n"], "too <long> & odd"));
    let xml = problem.to_xml();
    assert!(
        xml.contains(concat!(
            "<errors><i><detail>required</detail><pointer>#/items/2/name</pointer></i>",
            "<i><detail>too &lt;long&gt; &amp; odd</detail><pointer>#/a~1b/m~0n</pointer></i></errors>"
        )),
        "{xml}"
    );
}

// ---- the property ------------------------------------------------------------

/// Characters that trip writers up: markup, CR/LF, every kind of control
/// character, the non-characters XML 1.0 forbids, and non-ASCII.
const NASTY: &[char] = &[
    '<',
    '>',
    '&',
    '"',
    '\'',
    ']',
    '\r',
    '\n',
    '\t',
    '\u{0}',
    '\u{1}',
    '\u{b}',
    '\u{c}',
    '\u{1f}',
    '\u{7f}',
    '\u{85}',
    '\u{2028}',
    '\u{fffe}',
    '\u{ffff}',
    '\u{fffd}',
    'é',
    '\u{1F600}',
];

fn nasty_text() -> impl Strategy<Value = String> {
    let character = prop_oneof![
        prop::sample::select(NASTY),
        any::<char>(),
        prop::char::range(' ', '~'),
    ];
    prop_oneof![
        any::<String>(),
        prop::collection::vec(character, 0..16).prop_map(String::from_iter),
        Just("]]>".to_owned()),
    ]
}

/// Object member names: mostly XML names (including `i`), some not.
fn member_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z_][A-Za-z0-9_.-]{0,6}",
        Just("i".to_owned()),
        nasty_text(),
    ]
}

fn extension_value() -> impl Strategy<Value = ExtensionValue> {
    let leaf = prop_oneof![
        Just(ExtensionValue::Null),
        any::<bool>().prop_map(ExtensionValue::from),
        any::<i64>().prop_map(ExtensionValue::from),
        any::<f64>().prop_map(ExtensionValue::from),
        nasty_text().prop_map(ExtensionValue::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(ExtensionValue::Array),
            prop::collection::vec((member_name().prop_map(Cow::Owned), inner), 0..4)
                .prop_map(ExtensionValue::Object),
        ]
    })
}

/// What an XML reader recovers under the appendix's rules: text, a list
/// (children all named `i`) or members.
#[derive(Debug, PartialEq)]
enum Seen {
    Text(String),
    List(Vec<Seen>),
    Members(Vec<(String, Seen)>),
}

/// The characters XML 1.0 cannot carry, as the writer documents it
/// replaces them.
fn as_xml_can_carry(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
            _ => c,
        })
        .collect()
}

fn is_xml_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == b'_')
        && bytes.all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b'.'))
}

/// What a reader should see for `value`.
fn expected(value: &ExtensionValue) -> Seen {
    match value {
        ExtensionValue::Null => Seen::Text(String::new()),
        ExtensionValue::Bool(value) => Seen::Text(value.to_string()),
        ExtensionValue::Number(number) => Seen::Text(number.as_str().to_owned()),
        ExtensionValue::String(text) => Seen::Text(as_xml_can_carry(text)),
        ExtensionValue::Array(items) if items.is_empty() => Seen::Text(String::new()),
        ExtensionValue::Array(items) => Seen::List(items.iter().map(expected).collect()),
        ExtensionValue::Object(members) => {
            let kept: Vec<_> = members
                .iter()
                .filter(|(name, _)| is_xml_name(name))
                .collect();
            if kept.is_empty() {
                Seen::Text(String::new())
            } else if kept.iter().all(|(name, _)| name == "i") {
                // The appendix's own ambiguity: an object of `i`s reads as a list.
                Seen::List(kept.iter().map(|(_, value)| expected(value)).collect())
            } else {
                Seen::Members(
                    kept.iter()
                        .map(|(name, value)| (name.to_string(), expected(value)))
                        .collect(),
                )
            }
        }
        other => panic!("a value kind this test does not know: {other:?}"),
    }
}

fn seen(node: roxmltree::Node<'_, '_>) -> Seen {
    assert_eq!(
        node.tag_name().namespace(),
        Some(PROBLEM_XML_NAMESPACE),
        "{node:?}"
    );
    let elements = children(node);
    if elements.is_empty() {
        return Seen::Text(node.text().unwrap_or_default().to_owned());
    }
    assert!(
        node.children()
            .all(|child| child.is_element() || child.text().is_none_or(str::is_empty)),
        "mixed content in {node:?}"
    );
    if elements.iter().all(|(name, _)| *name == "i") {
        Seen::List(elements.into_iter().map(|(_, node)| seen(node)).collect())
    } else {
        Seen::Members(
            elements
                .into_iter()
                .map(|(name, node)| (name.to_owned(), seen(node)))
                .collect(),
        )
    }
}

fn text(value: &str) -> Seen {
    Seen::Text(as_xml_can_carry(value))
}

fn expected_problem(problem: &ProblemDetails) -> Seen {
    let mut members = vec![
        ("type".to_owned(), text(&problem.type_uri)),
        ("title".to_owned(), text(&problem.title)),
        ("status".to_owned(), text(problem.status.as_str())),
    ];
    if let Some(detail) = &problem.detail {
        members.push(("detail".to_owned(), text(detail)));
    }
    if let Some(instance) = &problem.instance {
        members.push(("instance".to_owned(), text(instance)));
    }
    members.push(("code".to_owned(), text(&problem.code)));
    if !problem.errors.is_empty() {
        let items = problem
            .errors
            .iter()
            .map(|violation| {
                Seen::Members(vec![
                    ("detail".to_owned(), text(&violation.detail)),
                    ("pointer".to_owned(), text(&violation.pointer)),
                ])
            })
            .collect();
        members.push(("errors".to_owned(), Seen::List(items)));
    }
    for extension in &problem.extensions {
        members.push((extension.name.to_string(), expected(&extension.value)));
    }
    Seen::Members(members)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 384,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn problem_xml_round_trips_through_a_real_parser(
        status in prop::sample::select(StatusCode::ALL),
        type_uri in nasty_text(),
        title in nasty_text(),
        detail in prop::option::of(nasty_text()),
        instance in prop::option::of(nasty_text()),
        code in nasty_text(),
        errors in prop::collection::vec((nasty_text(), nasty_text()), 0..3),
        extensions in prop::collection::vec(("[a-z][a-z0-9_]{2,8}", extension_value()), 0..4),
    ) {
        let mut problem = ProblemDetails::new(status, code)
            .with_type(type_uri)
            .with_violations(errors.into_iter().map(|(pointer, detail)| Violation::new(pointer, detail)));
        problem.title = Cow::Owned(title);
        problem.detail = detail.map(Cow::Owned);
        problem.instance = instance.map(Cow::Owned);
        for (name, value) in extensions {
            // Reserved names (`type`, `code`, ...) are refused; that is tested elsewhere.
            let _ = problem.insert_extension(name, value);
        }

        let xml = problem.to_xml();
        let document = match roxmltree::Document::parse(&xml) {
            Ok(document) => document,
            Err(error) => return Err(TestCaseError::fail(format!("{error}: {xml:?}"))),
        };
        let root = document.root_element();
        prop_assert_eq!(root.tag_name().name(), "problem");
        prop_assert_eq!(seen(root), expected_problem(&problem));
    }
}
