//! The one way generated code reaches status-core's hidden module.
//!
//! status-core keeps what generated code needs (run-time helpers, re-exported
//! dependencies, its hidden `macro_rules!`) in `#[doc(hidden)] pub mod
//! __private_<major>_<minor>_<patch>`, named after its version by hand, with a
//! test there that fails when the version moves and the name does not. This
//! crate names the module after its own version, so a status-macros and a
//! status-core of different versions fail at once with "could not find
//! `__private_…` in `status_core`", even in a build that gets around the
//! exact `=` pin between the two (`[patch]`, a vendored copy).

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// `__private_0_1_0` for version 0.1.0.
const MODULE: &str = concat!(
    "__private_",
    env!("CARGO_PKG_VERSION_MAJOR"),
    "_",
    env!("CARGO_PKG_VERSION_MINOR"),
    "_",
    env!("CARGO_PKG_VERSION_PATCH"),
);

/// `#krate::__private_0_1_0`: the hidden module of the status-core that
/// `krate` names (`::status_core`, or the path given with `crate = "..."`).
/// Every generated path into status-core's hidden items starts here.
pub(crate) fn path(krate: &syn::Path) -> TokenStream {
    let module = Ident::new(MODULE, Span::call_site());
    quote!(#krate::#module)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_module_is_named_after_the_whole_version() {
        // A pre-release suffix is not in the name; this fails for one, so
        // that whoever publishes a pre-release decides whether it should be.
        let version = env!("CARGO_PKG_VERSION").replace('.', "_");
        assert_eq!(MODULE, format!("__private_{version}"));
    }

    #[test]
    fn the_path_starts_at_the_crate_path() {
        let path = path(&syn::parse_quote!(my_app::reexport::status_core));
        assert_eq!(
            path.to_string(),
            format!("my_app :: reexport :: status_core :: {MODULE}")
        );
    }
}
