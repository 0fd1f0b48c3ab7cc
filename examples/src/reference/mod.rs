//! The status-code reference the demo serves at `/codes`: every entry of a
//! registry grouped by class, with its rules in words and pictures drawn
//! from the same data. Nothing here is written per code; the page is built
//! from any enum `status_codes!` generates, through [`registry_of!`].
//!
//! [`registry_of!`]: crate::registry_of

mod explain;
mod figures;
mod html;
mod model;
mod svg;
mod text;
pub mod words;

pub use explain::explain;
pub use html::{code_page, reference_page};
pub use model::{AliasInfo, CodeInfo, Registry, WarningInfo};
pub use text::describe;
