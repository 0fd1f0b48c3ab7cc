//! A few SVG shapes for the reference's pictures: boxes with centred lines
//! of text and labelled arrows. Every text goes through [`escape`]; sizes
//! are computed, nothing is drawn by hand.

use std::fmt::Write as _;

use crate::layout::escape;

/// The picture's style: inherits the page's font, no external resources.
const STYLE: &str = "text{font:13px system-ui,sans-serif;fill:#1b1f24}\
.box{fill:#f6f8fa;stroke:#57606a}.ok{fill:#dafbe1;stroke:#1a7f37}\
.warn{fill:#fff8c5;stroke:#9a6700}.bad{fill:#ffebe9;stroke:#cf222e}\
.ask{fill:#ddf4ff;stroke:#0969da}.line{stroke:#57606a;fill:none}\
.small{font-size:11px;fill:#57606a}.bar{fill:#0969da}";

/// One picture being drawn.
pub(super) struct Svg {
    id: &'static str,
    width: u32,
    height: u32,
    body: String,
}

impl Svg {
    /// An empty picture; `id` prefixes its internal ids (unique per page).
    pub(super) fn new(id: &'static str, width: u32, height: u32) -> Svg {
        Svg {
            id,
            width,
            height,
            body: String::new(),
        }
    }

    /// A rectangle of class `kind` with `lines` centred in it, the first
    /// one as a heading, the others smaller.
    pub(super) fn boxed(&mut self, x: u32, y: u32, w: u32, h: u32, kind: &str, lines: &[&str]) {
        self.lines(x, y, w, h, kind, lines, true);
    }

    /// A rectangle with `lines` of equal weight centred in it.
    pub(super) fn list(&mut self, x: u32, y: u32, w: u32, h: u32, kind: &str, lines: &[&str]) {
        self.lines(x, y, w, h, kind, lines, false);
    }

    #[allow(clippy::too_many_arguments)] // a rectangle, its class, its text and one switch
    fn lines(&mut self, x: u32, y: u32, w: u32, h: u32, kind: &str, lines: &[&str], heading: bool) {
        let _ = write!(
            self.body,
            "<rect class=\"{kind}\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"6\"/>"
        );
        let count = u32::try_from(lines.len()).unwrap_or(1).max(1);
        let first = y + h / 2 + 5 - (count - 1) * 8;
        for (index, line) in (0..count).zip(lines) {
            let class = if index == 0 || !heading {
                ""
            } else {
                " class=\"small\""
            };
            let _ = write!(
                self.body,
                "<text x=\"{cx}\" y=\"{ty}\" text-anchor=\"middle\"{class}>{text}</text>",
                cx = x + w / 2,
                ty = first + index * 16,
                text = escape(line),
            );
        }
    }

    /// Text at a point, `anchor` `start`, `middle` or `end`.
    pub(super) fn text(&mut self, x: u32, y: u32, anchor: &str, class: &str, text: &str) {
        let _ = write!(
            self.body,
            "<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\" class=\"{class}\">{}</text>",
            escape(text)
        );
    }

    /// A filled bar, for counts.
    pub(super) fn bar(&mut self, x: u32, y: u32, w: u32, h: u32) {
        let _ = write!(
            self.body,
            "<rect class=\"bar\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"2\"/>"
        );
    }

    /// A straight arrow with an optional label beside its middle.
    pub(super) fn arrow(&mut self, from: (u32, u32), to: (u32, u32), label: &str) {
        let _ = write!(
            self.body,
            "<line class=\"line\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" marker-end=\"url(#{}-arrow)\"/>",
            from.0, from.1, to.0, to.1, self.id
        );
        if !label.is_empty() {
            let (x, y) = (
                u32::midpoint(from.0, to.0) + 6,
                u32::midpoint(from.1, to.1) - 4,
            );
            self.text(x, y, "start", "small", label);
        }
    }

    /// The finished `<svg>` element, titled for screen readers.
    pub(super) fn finish(self, title: &str) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" \
             height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-title\"><title id=\"{id}-title\">{title}</title>\
             <style>{STYLE}</style><defs><marker id=\"{id}-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" \
             refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" \
             fill=\"#57606a\"/></marker></defs>{body}</svg>",
            w = self.width,
            h = self.height,
            id = self.id,
            title = escape(title),
            body = self.body,
        )
    }
}
