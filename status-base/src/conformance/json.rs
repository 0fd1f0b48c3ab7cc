//! Just enough JSON to read the `status` member of a problem+json body,
//! without a JSON dependency on feature `http`. Never panics: anything it
//! does not understand is "no status".

/// The value of a top-level `status` member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Number {
    /// An integer, such as `404`.
    Integer(i128),
    /// Anything else: a fraction, an exponent, a string, `null`, ...
    Other,
}

/// The top-level `status` member of a JSON object; `None` when the text is
/// not an object or has no such member.
pub(super) fn top_level_status(text: &[u8]) -> Option<Number> {
    let mut cursor = Cursor { text, at: 0 };
    cursor.skip_space();
    cursor.eat(b'{')?;
    let mut status = None;
    loop {
        cursor.skip_space();
        if cursor.eat(b'}').is_some() {
            return status;
        }
        let key = cursor.string()?;
        cursor.skip_space();
        cursor.eat(b':')?;
        cursor.skip_space();
        let start = cursor.at;
        cursor.value(0)?;
        if key == b"status" {
            status = Some(number(&text[start..cursor.at]));
        }
        cursor.skip_space();
        if cursor.eat(b',').is_none() {
            cursor.eat(b'}')?;
            return status;
        }
    }
}

fn number(value: &[u8]) -> Number {
    let digits = value.strip_prefix(b"-").unwrap_or(value);
    if digits.is_empty() || digits.len() > 30 || !digits.iter().all(u8::is_ascii_digit) {
        return Number::Other;
    }
    let magnitude = digits
        .iter()
        .fold(0_i128, |total, digit| total * 10 + i128::from(digit - b'0'));
    Number::Integer(if value.len() == digits.len() {
        magnitude
    } else {
        -magnitude
    })
}

struct Cursor<'a> {
    text: &'a [u8],
    at: usize,
}

/// Nesting deeper than this is not a problem document; refuse it rather
/// than recurse without bound.
const MAX_DEPTH: usize = 64;

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// A string's raw bytes between the quotes (escapes left as written).
    fn string(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let start = self.at;
        loop {
            match self.peek()? {
                b'"' => {
                    let raw = &self.text[start..self.at];
                    self.at += 1;
                    return Some(raw);
                }
                b'\\' => self.at += 2,
                _ => self.at += 1,
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            open @ (b'{' | b'[') => {
                self.at += 1;
                let close = if open == b'{' { b'}' } else { b']' };
                self.skip_space();
                if self.eat(close).is_some() {
                    return Some(());
                }
                loop {
                    self.skip_space();
                    if open == b'{' {
                        self.string()?;
                        self.skip_space();
                        self.eat(b':')?;
                        self.skip_space();
                    }
                    self.value(depth + 1)?;
                    self.skip_space();
                    if self.eat(b',').is_none() {
                        return self.eat(close);
                    }
                }
            }
            _ => {
                let start = self.at;
                while self
                    .peek()
                    .is_some_and(|byte| byte.is_ascii_alphanumeric() || b"+-.".contains(&byte))
                {
                    self.at += 1;
                }
                (self.at > start).then_some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Number, top_level_status};

    #[test]
    fn reads_the_top_level_status_only() {
        let body =
            br#"{"type":"about:blank","nested":{"status":1},"list":[1,{"a":"}"}],"status":404}"#;
        assert_eq!(top_level_status(body), Some(Number::Integer(404)));
        assert_eq!(
            top_level_status(br#"{"status":"404"}"#),
            Some(Number::Other)
        );
        assert_eq!(
            top_level_status(br#"{"status":4.04e2}"#),
            Some(Number::Other)
        );
        assert_eq!(
            top_level_status(br#" { "status" : -7 } "#),
            Some(Number::Integer(-7))
        );
        assert_eq!(top_level_status(br#"{"title":"x"}"#), None);
        for broken in [
            &b""[..],
            b"[]",
            b"{",
            br#"{"status""#,
            br#"{"a":"\"#,
            b"{\"s\":[[[[",
            b"\xff",
        ] {
            assert_eq!(top_level_status(broken), None);
        }
        let deep = [b'['; 10_000];
        let mut body = br#"{"a":"#.to_vec();
        body.extend_from_slice(&deep);
        assert_eq!(top_level_status(&body), None);
    }
}
