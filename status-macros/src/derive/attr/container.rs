//! The keys that belong on the type: `type_base`, `grpc_domain` and `crate`.

use syn::LitStr;
use syn::meta::ParseNestedMeta;

use super::{kw, set_once};
use crate::ctxt::Ctxt;

#[derive(Default)]
pub(crate) struct Container {
    pub(crate) type_base: Option<(kw::type_base, LitStr)>,
    pub(crate) krate: Option<(syn::token::Crate, syn::Path)>,
    pub(crate) grpc_domain: Option<(kw::grpc_domain, LitStr)>,
}

impl Container {
    pub(super) fn parse_type_base(
        &mut self,
        cx: &Ctxt,
        token: kw::type_base,
        meta: &ParseNestedMeta<'_>,
    ) -> syn::Result<()> {
        let literal: LitStr = meta.value()?.parse()?;
        check_type_base(cx, &literal);
        set_once(cx, &mut self.type_base, token, literal);
        Ok(())
    }

    pub(super) fn parse_grpc_domain(
        &mut self,
        cx: &Ctxt,
        token: kw::grpc_domain,
        meta: &ParseNestedMeta<'_>,
    ) -> syn::Result<()> {
        let literal: LitStr = meta.value()?.parse()?;
        check_grpc_domain(cx, &literal);
        set_once(cx, &mut self.grpc_domain, token, literal);
        Ok(())
    }

    pub(super) fn parse_crate(
        &mut self,
        cx: &Ctxt,
        token: syn::token::Crate,
        meta: &ParseNestedMeta<'_>,
    ) -> syn::Result<()> {
        let literal: LitStr = meta.value()?.parse()?;
        let path = literal.parse::<syn::Path>().map_err(|_| {
            syn::Error::new(
                literal.span(),
                "expected a path such as `crate = \"my_crate::status_core\"`",
            )
        })?;
        set_once(cx, &mut self.krate, token, path);
        Ok(())
    }
}

// The problem `type` is a URI reference; prose or whitespace is not.
//     #[http(type_base = "see our docs")]   <- rejected
fn check_type_base(cx: &Ctxt, literal: &LitStr) {
    let value = literal.value();
    let valid = !value.is_empty()
        && value
            .bytes()
            .all(|byte| byte.is_ascii_graphic() && !b"\"<>\\^`{|}".contains(&byte));
    if !valid {
        cx.error_spanned_by(
            literal,
            "`type_base` must be a URI such as \"https://example.com/problems/\"; the code is appended to it",
        );
    }
}

// The `ErrorInfo` domain names a service (AIP-193), such as a host name:
//     #[http(grpc_domain = "my service")]   <- rejected
fn check_grpc_domain(cx: &Ctxt, literal: &LitStr) {
    let value = literal.value();
    let valid = !value.is_empty()
        && value
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b".-_".contains(&byte));
    if !valid {
        cx.error_spanned_by(
            literal,
            "`grpc_domain` must name the service, such as \"api.example.com\" (letters, digits, `.`, `-`, `_`)",
        );
    }
}
