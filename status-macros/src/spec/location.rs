use std::ops::Range;

/// Where a problem sits in a spec file, as rustc users expect to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct LineCol {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl std::fmt::Display for LineCol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Converts a byte offset into a 1-based line and 1-based column counted in characters.
///
/// Offsets past the end (or inside a multi-byte character) are clamped, so a
/// slightly-off span from the TOML parser still yields a valid position.
pub(crate) fn line_col(source: &str, offset: usize) -> LineCol {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    LineCol {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// The start of a span, for messages that name one position.
pub(crate) fn span_start(source: &str, span: &Range<usize>) -> LineCol {
    line_col(source, span.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_character_is_line_one_column_one() {
        assert_eq!(line_col("abc", 0), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn counts_lines_and_characters() {
        let src = "a = 1\nname = \"é\"\nx";
        assert_eq!(line_col(src, 6), LineCol { line: 2, column: 1 });
        let x = src.find('x').unwrap();
        assert_eq!(line_col(src, x), LineCol { line: 3, column: 1 });
        let after_accent = src.find('é').unwrap() + 'é'.len_utf8();
        assert_eq!(
            line_col(src, after_accent),
            LineCol {
                line: 2,
                column: 10
            }
        );
    }

    #[test]
    fn clamps_out_of_range_and_mid_character_offsets() {
        let src = "é\n";
        assert_eq!(line_col(src, 1), LineCol { line: 1, column: 1 });
        assert_eq!(line_col(src, 99), LineCol { line: 2, column: 1 });
    }
}
