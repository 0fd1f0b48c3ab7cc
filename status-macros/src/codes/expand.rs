//! Checked spec -> tokens. Nothing here can fail: every rule was enforced
//! when the spec was parsed.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Attribute, Path};

use super::docs;
use crate::spec::{CodeEntry, Spec, WarningEntry};

pub(crate) struct Options<'a> {
    pub(crate) attrs: &'a [Attribute],
    pub(crate) name: &'a Ident,
    pub(crate) warning_name: &'a Ident,
    pub(crate) krate: &'a Path,
    /// How the spec is named in generated docs.
    pub(crate) origin: &'a str,
    /// The built-in registry also gets the `codes` module of per-code types and
    /// runnable examples in its docs.
    pub(crate) builtin: bool,
}

pub(crate) fn impl_status_codes(spec: &Spec, options: &Options<'_>) -> TokenStream {
    let status_enum = impl_enum(spec, options);
    let methods = impl_methods(spec, options);
    let traits = impl_traits(options);
    let markers = options.builtin.then(|| impl_marker_types(spec, options));
    let warnings = (!spec.warnings.is_empty()).then(|| impl_warning_enum(&spec.warnings, options));
    quote! {
        #status_enum
        #methods
        #traits
        #markers
        #warnings
    }
}

fn number(code: u16) -> Literal {
    Literal::u16_unsuffixed(code)
}

fn variant(entry: &CodeEntry) -> Ident {
    Ident::new(&entry.name, Span::call_site())
}

fn doc_lines(lines: &[String]) -> TokenStream {
    quote!(#(#[doc = #lines])*)
}

fn deprecated_attr(entry: &CodeEntry) -> Option<TokenStream> {
    (entry.registration == crate::spec::Registration::Deprecated).then(|| {
        let note = &entry.description;
        quote!(#[deprecated(note = #note)])
    })
}

fn impl_enum(spec: &Spec, options: &Options<'_>) -> TokenStream {
    let Options {
        attrs,
        name,
        origin,
        ..
    } = options;
    let default_doc = (!attrs.iter().any(|attr| attr.path().is_ident("doc"))).then(|| {
        let doc = format!("HTTP status codes generated from {origin}.");
        quote!(#[doc = #doc])
    });
    let variants = spec.codes.iter().map(|entry| {
        let ident = variant(entry);
        let code = number(entry.code);
        let docs = doc_lines(&docs::variant_doc(entry));
        let deprecated = deprecated_attr(entry);
        let code_alias = entry.code.to_string();
        let aliases = std::iter::once(&entry.phrase)
            .chain(entry.aliases.iter().map(|alias| &alias.phrase))
            .filter(|text| docs::usable_as_doc_alias(text) && **text != entry.name);
        quote! {
            #docs
            #[doc(alias = #code_alias)]
            #(#[doc(alias = #aliases)])*
            #deprecated
            #ident = #code,
        }
    });
    quote! {
        #(#attrs)*
        #default_doc
        #[derive(
            ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug,
            ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash,
            ::core::cmp::PartialOrd, ::core::cmp::Ord,
        )]
        #[repr(u16)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
        }
    }
}

/// A `const fn` that maps each variant to one value.
fn lookup_fn(
    spec: &Spec,
    docs: &TokenStream,
    name: &str,
    output: &TokenStream,
    value: impl Fn(&CodeEntry) -> TokenStream,
) -> TokenStream {
    let name = Ident::new(name, Span::call_site());
    let arms = spec.codes.iter().map(|entry| {
        let ident = variant(entry);
        let value = value(entry);
        quote!(Self::#ident => #value,)
    });
    quote! {
        #docs
        #[must_use]
        #[inline]
        pub const fn #name(self) -> #output {
            match self { #(#arms)* }
        }
    }
}

/// A `const fn` that is true for the variants that `holds` selects.
fn predicate_fn(
    spec: &Spec,
    docs: &TokenStream,
    name: &str,
    holds: impl Fn(&CodeEntry) -> bool,
) -> TokenStream {
    let name = Ident::new(name, Span::call_site());
    let selected: Vec<Ident> = spec
        .codes
        .iter()
        .filter(|entry| holds(entry))
        .map(variant)
        .collect();
    let body = if selected.is_empty() {
        quote!(false)
    } else {
        quote!(::core::matches!(self, #(Self::#selected)|*))
    };
    quote! {
        #docs
        #[must_use]
        #[inline]
        pub const fn #name(self) -> bool {
            #body
        }
    }
}

/// Method docs; the built-in registry's get a runnable example.
struct MethodDocs<'a> {
    builtin: bool,
    krate: &'a Path,
}

impl MethodDocs<'_> {
    fn doc(&self, summary: &str, example: &str) -> TokenStream {
        if !self.builtin || example.is_empty() {
            return quote!(#[doc = #summary]);
        }
        let krate = path_text(self.krate);
        let example_lines = std::iter::once(String::from("```"))
            .chain(std::iter::once(format!("use {krate}::StatusCode;")))
            .chain(example.lines().map(str::to_owned))
            .chain(std::iter::once(String::from("```")));
        let lines: Vec<String> = [
            summary.to_owned(),
            String::new(),
            "# Example".to_owned(),
            String::new(),
        ]
        .into_iter()
        .chain(example_lines)
        .collect();
        doc_lines(&lines)
    }
}

fn path_text(path: &Path) -> String {
    let segments: Vec<String> = path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    segments.join("::")
}

#[allow(clippy::too_many_lines)] // one block per generated method reads best as a list
fn impl_methods(spec: &Spec, options: &Options<'_>) -> TokenStream {
    let Options { name, krate, .. } = options;
    let private = crate::private::path(krate);
    let docs = MethodDocs {
        builtin: options.builtin,
        krate,
    };
    let all: Vec<Ident> = spec.codes.iter().map(variant).collect();

    let alias_consts = spec.codes.iter().flat_map(|entry| {
        let target = variant(entry);
        let deprecated = deprecated_attr(entry);
        entry.aliases.iter().enumerate().map(move |(index, alias)| {
            let alias_ident = Ident::new(&alias.name, Span::call_site());
            let doc = docs::alias_doc(entry, index);
            quote! {
                #[doc = #doc]
                #[allow(non_upper_case_globals)]
                #deprecated
                pub const #alias_ident: Self = Self::#target;
            }
        })
    });

    let str_ty = quote!(&'static str);
    let headers_ty = quote!(&'static [&'static str]);
    let as_str = lookup_fn(
        spec,
        &docs.doc(
            "The code as three ASCII digits, such as `\"404\"`.",
            "assert_eq!(StatusCode::NotFound.as_str(), \"404\");",
        ),
        "as_str",
        &str_ty,
        |entry| {
            let text = entry.code.to_string();
            quote!(#text)
        },
    );
    let reason_phrase = lookup_fn(
        spec,
        &docs.doc(
            "The reason phrase as the registry writes it, such as `\"Content Too Large\"`.",
            "assert_eq!(StatusCode::ContentTooLarge.reason_phrase(), \"Content Too Large\");",
        ),
        "reason_phrase",
        &str_ty,
        |entry| {
            let phrase = &entry.phrase;
            quote!(#phrase)
        },
    );
    let status_line = lookup_fn(
        spec,
        &docs.doc(
            "The code and its phrase, such as `\"404 Not Found\"`: what `Display` writes.",
            "assert_eq!(StatusCode::NotFound.status_line(), \"404 Not Found\");",
        ),
        "status_line",
        &str_ty,
        |entry| {
            let line = format!("{} {}", entry.code, entry.phrase);
            quote!(#line)
        },
    );
    let source = lookup_fn(
        spec,
        &docs.doc(
            "Who defines the code: `\"IANA\"` for registered codes, otherwise the vendor or software that uses it.",
            "assert_eq!(StatusCode::NotFound.source(), \"IANA\");\nassert_eq!(StatusCode::ClientClosedRequest.source(), \"nginx\");",
        ),
        "source",
        &str_ty,
        |entry| {
            let source = &entry.source;
            quote!(#source)
        },
    );
    let reference = lookup_fn(
        spec,
        &docs.doc(
            "Where the code is defined, such as `\"RFC 9110, Section 15.5.5\"`.",
            "assert_eq!(StatusCode::NotFound.reference(), \"RFC 9110, Section 15.5.5\");",
        ),
        "reference",
        &str_ty,
        |entry| {
            let reference = &entry.reference;
            quote!(#reference)
        },
    );
    let description = lookup_fn(
        spec,
        &docs.doc("A one-sentence description of what the code means.", ""),
        "description",
        &str_ty,
        |entry| {
            let description = &entry.description;
            quote!(#description)
        },
    );
    let registration = lookup_fn(
        spec,
        &docs.doc(
            "How the code stands with the IANA registry.",
            &format!(
                "use {}::Registration;\nassert_eq!(StatusCode::UseProxy.registration(), Registration::Deprecated);",
                path_text(krate)
            ),
        ),
        "registration",
        &quote!(#krate::Registration),
        |entry| {
            let registration = Ident::new(entry.registration.variant_name(), Span::call_site());
            quote!(#krate::Registration::#registration)
        },
    );
    let header_list = |headers: &[String]| quote!(&[#(#headers),*]);
    let required_headers = lookup_fn(
        spec,
        &docs.doc(
            "Header fields a response with this status MUST carry (RFC 9110), such as `WWW-Authenticate` for 401.",
            "assert_eq!(StatusCode::Unauthorized.required_headers(), [\"WWW-Authenticate\"]);\nassert!(StatusCode::NotFound.required_headers().is_empty());",
        ),
        "required_headers",
        &headers_ty,
        |entry| header_list(&entry.must_headers),
    );
    let recommended_headers = lookup_fn(
        spec,
        &docs.doc(
            "Header fields a response with this status SHOULD carry, such as `Location` for 201 and most redirects.",
            "assert_eq!(StatusCode::Created.recommended_headers(), [\"Location\"]);",
        ),
        "recommended_headers",
        &headers_ty,
        |entry| header_list(&entry.should_headers),
    );
    let optional_headers = lookup_fn(
        spec,
        &docs.doc(
            "Header fields commonly sent with this status, such as `Retry-After` for 429 and 503.",
            "assert_eq!(StatusCode::TooManyRequests.optional_headers(), [\"Retry-After\"]);",
        ),
        "optional_headers",
        &headers_ty,
        |entry| header_list(&entry.may_headers),
    );
    let aliases = lookup_fn(
        spec,
        &docs.doc(
            "Other names and phrases the code goes by: older RFC phrases, or a second meaning in the wild.",
            "assert_eq!(StatusCode::ContentTooLarge.aliases()[0].phrase, \"Payload Too Large\");",
        ),
        "aliases",
        &quote!(&'static [#krate::StatusAlias]),
        |entry| {
            let items = entry.aliases.iter().map(|alias| {
                let (name, phrase, source) = (&alias.name, &alias.phrase, &alias.source);
                let reference = optional_str(alias.reference.as_deref());
                let description = optional_str(alias.description.as_deref());
                quote!(#krate::StatusAlias {
                    name: #name, phrase: #phrase, source: #source,
                    reference: #reference, description: #description,
                })
            });
            quote!(&[#(#items),*])
        },
    );

    let allows_body = predicate_fn(
        spec,
        &docs.doc(
            "Whether a response with this status may have content; false for 1xx, 204, 205 and 304.",
            "assert!(StatusCode::Ok.allows_body());\nassert!(!StatusCode::NoContent.allows_body());",
        ),
        "allows_body",
        |entry| !entry.no_body,
    );
    let cacheable = predicate_fn(
        spec,
        &docs.doc(
            "Whether the response is heuristically cacheable by default (RFC 9110, Section 15.1).",
            "assert!(StatusCode::NotFound.is_cacheable_by_default());\nassert!(!StatusCode::Created.is_cacheable_by_default());",
        ),
        "is_cacheable_by_default",
        |entry| entry.cacheable,
    );
    let retryable = predicate_fn(
        spec,
        &docs.doc(
            "Whether a client commonly retries after this status (408, 429, 502, 503, 504).",
            "assert!(StatusCode::ServiceUnavailable.is_retryable());\nassert!(!StatusCode::BadRequest.is_retryable());",
        ),
        "is_retryable",
        |entry| entry.retryable,
    );

    let class_predicates = [
        ("is_informational", "Informational", "1xx", "Continue"),
        ("is_success", "Success", "2xx", "Ok"),
        ("is_redirection", "Redirection", "3xx", "Found"),
        ("is_client_error", "ClientError", "4xx", "NotFound"),
        ("is_server_error", "ServerError", "5xx", "BadGateway"),
    ]
    .map(|(method, class, range, example)| {
        let method_ident = Ident::new(method, Span::call_site());
        let class_ident = Ident::new(class, Span::call_site());
        let doc = docs.doc(
            &format!("Whether the code is in the {range} class."),
            &format!("assert!(StatusCode::{example}.{method}());"),
        );
        quote! {
            #doc
            #[must_use]
            #[inline]
            pub const fn #method_ident(self) -> bool {
                ::core::matches!(self.class(), #krate::StatusClass::#class_ident)
            }
        }
    });

    let count = spec.codes.len();
    let all_doc = docs.doc(
        &format!("Every code in the registry ({count} of them), in ascending order. For iteration; look codes up with [`Self::from_u16`]."),
        "assert!(StatusCode::ALL.contains(&StatusCode::ImATeapot));\nassert!(StatusCode::ALL.windows(2).all(|pair| pair[0] < pair[1]));",
    );
    let as_u16_doc = docs.doc(
        "The numeric code.",
        "assert_eq!(StatusCode::NotFound.as_u16(), 404);",
    );
    let from_u16_doc = docs.doc(
        "Looks a code up by number. Codes the registry does not list are an `Err`.",
        "assert_eq!(StatusCode::from_u16(404), Ok(StatusCode::NotFound));\nassert!(StatusCode::from_u16(299).is_err());",
    );
    let class_doc = docs.doc(
        "The class, from the first digit.",
        &format!(
            "use {}::StatusClass;\nassert_eq!(StatusCode::NotFound.class(), StatusClass::ClientError);",
            path_text(krate)
        ),
    );
    let is_error_doc = docs.doc(
        "Whether the code is a client (4xx) or server (5xx) error.",
        "assert!(StatusCode::NotFound.is_error());\nassert!(!StatusCode::Found.is_error());",
    );
    let official_doc = docs.doc(
        "Whether the code is in the IANA registry (registered, deprecated or reserved), as opposed to a vendor's own.",
        "assert!(StatusCode::NotFound.is_official());\nassert!(!StatusCode::ClientClosedRequest.is_official());",
    );

    quote! {
        #[allow(deprecated)]
        impl #name {
            #all_doc
            pub const ALL: &'static [Self] = &[#(Self::#all),*];

            #(#alias_consts)*

            #as_u16_doc
            #[must_use]
            #[inline]
            pub const fn as_u16(self) -> u16 {
                self as u16
            }

            #from_u16_doc
            ///
            /// # Errors
            ///
            /// [`InvalidStatusCode`](#krate::InvalidStatusCode) when the spec has no entry for `code`.
            #[inline]
            pub const fn from_u16(code: u16) -> ::core::result::Result<Self, #krate::InvalidStatusCode> {
                // A bounds check and one load, where a `match` over every code
                // compiles to a search. `&` promotes the table to a static, so
                // even a debug build does not copy it.
                let by_code: &[::core::result::Result<Self, #krate::InvalidStatusCode>; 1024] =
                    &Self::BY_CODE;
                if code < 1024 {
                    by_code[code as usize]
                } else {
                    ::core::result::Result::Err(#private::unknown_code(code))
                }
            }

            /// `from_u16`'s answer for every number below 1024, errors
            /// included, built from [`Self::ALL`] at compile time. A power of
            /// two long, so the range check is the bounds check.
            const BY_CODE: [::core::result::Result<Self, #krate::InvalidStatusCode>; 1024] = {
                let mut table = [::core::result::Result::Err(#private::unknown_code(0)); 1024];
                let mut code = 0;
                while code < 1024 {
                    table[code as usize] = ::core::result::Result::Err(#private::unknown_code(code));
                    code += 1;
                }
                let mut position = 0;
                while position < Self::ALL.len() {
                    let status = Self::ALL[position];
                    table[status as usize] = ::core::result::Result::Ok(status);
                    position += 1;
                }
                table
            };

            #as_str
            #reason_phrase
            #status_line

            #class_doc
            #[must_use]
            #[inline]
            pub const fn class(self) -> #krate::StatusClass {
                #krate::StatusClass::from_code(self as u16)
            }

            #(#class_predicates)*

            #is_error_doc
            #[must_use]
            #[inline]
            pub const fn is_error(self) -> bool {
                self.is_client_error() || self.is_server_error()
            }

            #registration

            #official_doc
            #[must_use]
            #[inline]
            pub const fn is_official(self) -> bool {
                !::core::matches!(self.registration(), #krate::Registration::Unofficial)
            }

            #source
            #reference
            #description
            #aliases
            #allows_body
            #cacheable
            #retryable
            #required_headers
            #recommended_headers
            #optional_headers
        }
    }
}

fn optional_str(value: Option<&str>) -> TokenStream {
    if let Some(text) = value {
        quote!(::core::option::Option::Some(#text))
    } else {
        quote!(::core::option::Option::None)
    }
}

fn impl_traits(options: &Options<'_>) -> TokenStream {
    let Options { name, krate, .. } = options;
    let private = crate::private::path(krate);
    quote! {
        #[automatically_derived]
        impl ::core::fmt::Display for #name {
            fn fmt(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                formatter.pad(self.status_line())
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #name {
            type Err = #krate::InvalidStatusCode;

            fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                match #private::parse_code(text.as_bytes()) {
                    ::core::result::Result::Ok(code) => Self::from_u16(code),
                    ::core::result::Result::Err(error) => ::core::result::Result::Err(error),
                }
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<u16> for #name {
            type Error = #krate::InvalidStatusCode;

            fn try_from(code: u16) -> ::core::result::Result<Self, Self::Error> {
                Self::from_u16(code)
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<#name> for u16 {
            fn from(status: #name) -> u16 {
                status.as_u16()
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq<u16> for #name {
            fn eq(&self, other: &u16) -> bool {
                self.as_u16() == *other
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq<#name> for u16 {
            fn eq(&self, other: &#name) -> bool {
                *self == other.as_u16()
            }
        }

        #private::impl_status_serde!(#name);
        #private::impl_status_http!(#name);
    }
}

fn impl_marker_types(spec: &Spec, options: &Options<'_>) -> TokenStream {
    let Options { name, krate, .. } = options;
    let krate_text = path_text(krate);
    let enum_path = format!("crate::{}", krate_text.trim_start_matches("::"));
    let markers = spec.codes.iter().map(|entry| {
        let ident = variant(entry);
        let doc = docs::marker_doc(entry, &enum_path);
        let deprecated = deprecated_attr(entry);
        let class_trait = match entry.code / 100 {
            1 => Some(format_ident!("Informational")),
            2 => Some(format_ident!("Success")),
            3 => Some(format_ident!("Redirection")),
            4 => Some(format_ident!("ClientError")),
            5 => Some(format_ident!("ServerError")),
            _ => None,
        };
        let class_impl = class_trait.map(|class| {
            quote! {
                #[automatically_derived]
                #[allow(deprecated)]
                impl #krate::#class for #ident {}
            }
        });
        quote! {
            #[doc = #doc]
            #[derive(
                ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, ::core::default::Default,
                ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash,
            )]
            #deprecated
            pub struct #ident;

            #[automatically_derived]
            #[allow(deprecated)]
            impl #krate::sealed::Sealed for #ident {}

            #[automatically_derived]
            #[allow(deprecated)]
            impl #krate::Status for #ident {
                const STATUS: super::#name = super::#name::#ident;
            }

            #class_impl

            #[automatically_derived]
            #[allow(deprecated)]
            impl ::core::convert::From<#ident> for super::#name {
                fn from(_: #ident) -> super::#name {
                    super::#name::#ident
                }
            }
        }
    });
    quote! {
        /// One zero-sized type per status code, each implementing [`Status`](crate::Status)
        /// and exactly one class trait ([`Informational`](crate::Informational),
        /// [`Success`](crate::Success), [`Redirection`](crate::Redirection),
        /// [`ClientError`](crate::ClientError) or [`ServerError`](crate::ServerError)),
        /// so an API can demand a class at compile time.
        ///
        /// Codes outside 100–599 (such as LinkedIn's 999) belong to no class and
        /// implement only `Status`.
        pub mod codes {
            #(#markers)*
        }
    }
}

fn impl_warning_enum(warnings: &[WarningEntry], options: &Options<'_>) -> TokenStream {
    let Options {
        warning_name: name,
        origin,
        ..
    } = options;
    let doc = format!(
        "Warning header codes (RFC 7234, Section 5.5) from {origin}. These are not status codes: \
         they appeared in the `Warning` header, which RFC 9111 has since obsoleted."
    );
    let idents: Vec<Ident> = warnings
        .iter()
        .map(|entry| Ident::new(&entry.name, Span::call_site()))
        .collect();
    let codes: Vec<Literal> = warnings.iter().map(|entry| number(entry.code)).collect();
    let variants = warnings
        .iter()
        .zip(&idents)
        .zip(&codes)
        .map(|((entry, ident), code)| {
            let docs = doc_lines(&docs::warning_doc(entry));
            quote!(#docs #ident = #code,)
        });
    let phrases = warnings.iter().map(|entry| &entry.phrase);
    let lines = warnings
        .iter()
        .map(|entry| format!("{} {}", entry.code, entry.phrase));
    let references = warnings.iter().map(|entry| &entry.reference);
    let descriptions = warnings.iter().map(|entry| &entry.description);
    quote! {
        #[doc = #doc]
        #[derive(
            ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug,
            ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash,
            ::core::cmp::PartialOrd, ::core::cmp::Ord,
        )]
        #[repr(u16)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
        }

        impl #name {
            /// Every warning code, in ascending order.
            pub const ALL: &'static [Self] = &[#(Self::#idents),*];

            /// The numeric code.
            #[must_use]
            #[inline]
            pub const fn as_u16(self) -> u16 {
                self as u16
            }

            /// Looks a warning code up by number; `None` when the spec has no such warning.
            #[must_use]
            #[inline]
            pub const fn from_u16(code: u16) -> ::core::option::Option<Self> {
                match code {
                    #(#codes => ::core::option::Option::Some(Self::#idents),)*
                    _ => ::core::option::Option::None,
                }
            }

            /// The warning text as RFC 7234 writes it, such as `"Response is Stale"`.
            #[must_use]
            #[inline]
            pub const fn phrase(self) -> &'static str {
                match self { #(Self::#idents => #phrases,)* }
            }

            /// The code and its text, such as `"110 Response is Stale"`.
            #[must_use]
            #[inline]
            pub const fn line(self) -> &'static str {
                match self { #(Self::#idents => #lines,)* }
            }

            /// Where the warning code is defined.
            #[must_use]
            #[inline]
            pub const fn reference(self) -> &'static str {
                match self { #(Self::#idents => #references,)* }
            }

            /// A one-sentence description.
            #[must_use]
            #[inline]
            pub const fn description(self) -> &'static str {
                match self { #(Self::#idents => #descriptions,)* }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #name {
            fn fmt(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                formatter.pad(self.line())
            }
        }
    }
}
