//! The keys that belong on a field: which member of the problem body the
//! field's value becomes.

use proc_macro2::Span;
use syn::LitStr;
use syn::meta::ParseNestedMeta;

use super::kw;
use crate::ctxt::Ctxt;

/// The member a field becomes.
pub(crate) enum FieldRole {
    /// `extension`, or `extension = "name"`.
    Extension(kw::extension, Option<LitStr>),
    /// `instance`.
    Instance(kw::instance),
    /// `errors`: the field lists `Violation`s.
    Errors(kw::errors),
}

impl FieldRole {
    pub(crate) fn name(&self) -> &'static str {
        match self {
            FieldRole::Extension(..) => "extension",
            FieldRole::Instance(_) => "instance",
            FieldRole::Errors(_) => "errors",
        }
    }

    pub(crate) fn span(&self) -> Span {
        match self {
            FieldRole::Extension(token, _) => token.span,
            FieldRole::Instance(token) => token.span,
            FieldRole::Errors(token) => token.span,
        }
    }
}

#[derive(Default)]
pub(crate) struct Field {
    pub(crate) role: Option<FieldRole>,
}

impl Field {
    pub(super) fn parse_extension(
        &mut self,
        cx: &Ctxt,
        token: kw::extension,
        meta: &ParseNestedMeta<'_>,
    ) -> syn::Result<()> {
        let name = if meta.input.peek(syn::Token![=]) {
            Some(meta.value()?.parse::<LitStr>()?)
        } else {
            None
        };
        self.set_role(cx, FieldRole::Extension(token, name));
        Ok(())
    }

    /// A field is one member: a second key is an error on it.
    pub(super) fn set_role(&mut self, cx: &Ctxt, role: FieldRole) {
        match &self.role {
            Some(first) => {
                let mut error = syn::Error::new(
                    role.span(),
                    format_args!(
                        "a field becomes one member of the problem; it is already `{}`, so remove one of the two keys",
                        first.name()
                    ),
                );
                error.combine(syn::Error::new(first.span(), "first specified here"));
                cx.syn_error(error);
            }
            None => self.role = Some(role),
        }
    }
}
