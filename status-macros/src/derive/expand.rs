//! Checked IR -> `impl HttpError` and the framework adapter calls. Cannot fail.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens as _, format_ident, quote, quote_spanned};
use syn::spanned::Spanned as _;
use syn::{Fields, Member};

use super::ast::{Field, Input, Variant};
use super::attr::{FieldRole, HeaderAttr, HeaderValue};
use crate::spec::Class;

pub(crate) fn impl_http_error(input: &Input<'_>) -> TokenStream {
    let krate = &input.krate;
    // Built once: every variant's headers and catalog entry name it.
    let private = &crate::private::path(krate);
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let variants = input.variants();

    let status = method_body(variants, |variant| {
        delegate_or(input, variant, "status", || own_status(input, variant))
    });
    let code = method_body(variants, |variant| {
        delegate_or(input, variant, "code", || {
            let code = variant.code();
            quote!(#code)
        })
    });
    let type_uri = type_uri_body(input);
    let exposes_detail = exposes_detail_body(input);
    let headers = headers_body(input, private);

    let cacheable_method = cacheable_method(input);
    let log_level_method = log_level_method(input);

    // Only where some variant adds members: the trait's default adds none.
    let adds_members = variants
        .iter()
        .any(|variant| !variant.members.is_empty() || transparent_field(variant).is_some());
    let extend_problem_method = adds_members.then(|| {
        let extend_problem = method_body(variants, |variant| {
            if let Some((_, ty)) = transparent_field(variant) {
                quote_spanned!(ty.span()=> <#ty as #krate::HttpError>::extend_problem(__inner, problem))
            } else {
                own_members(private, variant)
            }
        });
        quote! {
            fn extend_problem(&self, problem: &mut #krate::ProblemDetails) {
                #extend_problem
            }
        }
    });

    let grpc_methods = grpc_methods(input, variants);

    let http_response = one_pass_method(input, &Framework::http(private));
    let actix_response = one_pass_method(input, &Framework::actix_web(private));

    let catalog = catalog_entries(input, private);
    let deprecations = variants
        .iter()
        .filter_map(|variant| deprecation_use(input, variant));

    let adapter_args = quote!([#impl_generics] [#ident #ty_generics] [#where_clause]);
    quote! {

        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #krate::HttpError for #ident #ty_generics #where_clause {
            fn status(&self) -> #krate::StatusCode {
                #status
            }

            fn code(&self) -> &'static str {
                #code
            }

            fn type_uri(&self) -> &'static str {
                #type_uri
            }

            fn exposes_detail(&self) -> bool {
                #exposes_detail
            }

            fn headers(&self) -> #krate::Headers {
                #headers
            }

            #cacheable_method

            #log_level_method

            #extend_problem_method

            #http_response

            #actix_response

            #grpc_methods
        }

        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #krate::ErrorCatalog for #ident #ty_generics #where_clause {
            const ERRORS: &'static [#krate::CatalogEntry] = #catalog;
        }

        #(#deprecations)*

        #private::impl_axum!(#adapter_args);
        #private::impl_actix_web!(#adapter_args);
        #private::impl_poem!(#adapter_args);
        #private::impl_tonic!(#adapter_args);
        #private::impl_utoipa!(#adapter_args);
    }
}

/// `grpc_code` where a variant overrides it or delegates (the trait's default
/// maps the status), and `grpc_domain` where the type sets one; the type's
/// own domain holds for its transparent variants too.
fn grpc_methods(input: &Input<'_>, variants: &[Variant<'_>]) -> TokenStream {
    let krate = &input.krate;
    let overrides = variants
        .iter()
        .any(|variant| variant.attrs.grpc.is_some() || transparent_field(variant).is_some());
    let code = overrides.then(|| {
        let body = method_body(variants, |variant| {
            delegate_or(input, variant, "grpc_code", || {
                if let Some((_, name)) = &variant.attrs.grpc {
                    quote_spanned!(name.span()=> #krate::GrpcCode::#name)
                } else {
                    let status = own_status(input, variant);
                    quote!(#krate::GrpcCode::from_status(#status))
                }
            })
        });
        quote! {
            fn grpc_code(&self) -> #krate::GrpcCode {
                #body
            }
        }
    });
    let domain = match &input.grpc_domain {
        Some(domain) => Some(quote! {
            fn grpc_domain(&self) -> &'static str {
                #domain
            }
        }),
        None => variants
            .iter()
            .any(|variant| transparent_field(variant).is_some())
            .then(|| {
                let body = method_body(variants, |variant| {
                    delegate_or(input, variant, "grpc_domain", || quote!(""))
                });
                quote! {
                    fn grpc_domain(&self) -> &'static str {
                        #body
                    }
                }
            }),
    };
    quote!(#code #domain)
}

fn delegates(input: &Input<'_>) -> bool {
    input
        .variants()
        .iter()
        .any(|variant| transparent_field(variant).is_some())
}

/// `cacheable`, only where some variant opts in or delegates: the trait's
/// default is `false`.
fn cacheable_method(input: &Input<'_>) -> Option<TokenStream> {
    let variants = input.variants();
    let needed = delegates(input)
        || variants
            .iter()
            .any(|variant| variant.attrs.cacheable.is_some());
    needed.then(|| {
        let body = method_body(variants, |variant| {
            delegate_or(input, variant, "cacheable", || {
                let cacheable = variant.attrs.cacheable.is_some();
                quote!(#cacheable)
            })
        });
        quote! {
            fn cacheable(&self) -> bool {
                #body
            }
        }
    })
}

/// `log_level`, only where some variant sets one or delegates: the trait's
/// default is `LogLevel::Error`.
fn log_level_method(input: &Input<'_>) -> Option<TokenStream> {
    let krate = &input.krate;
    let variants = input.variants();
    let needed = delegates(input) || variants.iter().any(|variant| variant.attrs.log.is_some());
    needed.then(|| {
        let body = method_body(variants, |variant| {
            delegate_or(input, variant, "log_level", || {
                let level = Ident::new(
                    variant
                        .attrs
                        .log
                        .as_ref()
                        .map_or("Error", |(_, level)| level),
                    Span::call_site(),
                );
                quote!(#krate::LogLevel::#level)
            })
        });
        quote! {
            fn log_level(&self) -> #krate::LogLevel {
                #body
            }
        }
    })
}

/// For a deprecated status, a use of its `StatusCode` constant whose every
/// token carries the user's span: rustc does not report deprecated items used
/// in derive output, but tokens spanned on the user's own source are theirs,
/// so `#[http(status = 510)]` warns on `510` as `StatusCode::NotExtended` would.
fn deprecation_use(input: &Input<'_>, variant: &Variant<'_>) -> Option<TokenStream> {
    let (entry, span) = (variant.status?, variant.status_span()?);
    if entry.registration != crate::spec::Registration::Deprecated {
        return None;
    }
    let krate = respan(input.krate.to_token_stream(), span);
    let name = Ident::new(&entry.name, span);
    Some(quote_spanned! {span=>
        const _: #krate::StatusCode = #krate::StatusCode::#name;
    })
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = proc_macro2::TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

/// The catalog: one `CatalogEntry` per variant, from the same values the
/// `HttpError` methods return; a transparent variant's place holds the
/// inner type's whole catalog, joined in a constant. Items nested in an
/// impl cannot name its generics, so a generic type lists its own entries only.
fn catalog_entries(input: &Input<'_>, private: &TokenStream) -> TokenStream {
    let krate = &input.krate;
    let generic = !input.original.generics.params.is_empty();
    let mut parts: Vec<TokenStream> = Vec::new();
    let mut own: Vec<TokenStream> = Vec::new();
    for variant in input.variants() {
        if let Some((_, ty)) = transparent_field(variant) {
            // A variant that wraps the type itself (`Box<Self>`) adds no
            // entries, and reading its own catalog would be a cycle.
            if generic || wraps_itself(ty, &input.original.ident) {
                continue;
            }
            if !own.is_empty() {
                parts.push(quote!(&[#(#own),*]));
                own.clear();
            }
            parts.push(quote_spanned!(ty.span()=> <#ty as #krate::ErrorCatalog>::ERRORS));
        } else {
            own.push(catalog_entry(input, private, variant));
        }
    }
    if parts.is_empty() {
        return quote!(&[#(#own),*]);
    }
    if !own.is_empty() {
        parts.push(quote!(&[#(#own),*]));
    }
    quote!({
        const PARTS: &[&[#krate::CatalogEntry]] = &[#(#parts),*];
        const ALL: [#krate::CatalogEntry; #private::catalog_len(PARTS)] =
            #private::catalog_concat(PARTS);
        &ALL
    })
}

/// Whether `ty` is the deriving type itself, perhaps behind `Box`, `Rc` or
/// `Arc`: `Self`, `Box<Self>`, `Box<ApiError>` in `enum ApiError`.
fn wraps_itself(ty: &syn::Type, ident: &Ident) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    if last.ident == *ident || last.ident == "Self" {
        return true;
    }
    let pointer = ["Box", "Rc", "Arc"].iter().any(|name| last.ident == name);
    match &last.arguments {
        syn::PathArguments::AngleBracketed(arguments) if pointer => {
            arguments.args.iter().any(|argument| {
                matches!(argument, syn::GenericArgument::Type(inner) if wraps_itself(inner, ident))
            })
        }
        _ => false,
    }
}

fn catalog_entry(input: &Input<'_>, private: &TokenStream, variant: &Variant<'_>) -> TokenStream {
    let name = variant.ident.to_string();
    let status = own_status(input, variant);
    let code = variant.code();
    let type_uri = type_uri(input, variant);
    let exposes_detail = exposes_detail(variant);
    let headers = variant.attrs.headers.iter().map(|header| {
        let header_name = &header.name;
        let value = match &header.value {
            HeaderValue::Literal(literal) => quote!(::core::option::Option::Some(#literal)),
            HeaderValue::Seconds(seconds) => {
                let text = seconds.base10_digits();
                quote!(::core::option::Option::Some(#text))
            }
            HeaderValue::Field(_) => quote!(::core::option::Option::None),
        };
        quote!(#private::catalog_header(#header_name, #value))
    });
    let members = variant.members.iter().filter_map(|field| {
        let (name, json_type, optional) = match &field.role {
            FieldRole::Extension(..) => {
                let (json_type, optional) = json_type(&input.krate, &field.original.ty);
                (field.extension_name()?, json_type, optional)
            }
            // Optional whatever the field's type: a body leaves `errors`
            // out when there are none (`ProblemDetails`).
            FieldRole::Errors(_) => {
                let krate = &input.krate;
                ("errors".to_owned(), quote!(#krate::JsonType::Errors), true)
            }
            FieldRole::Instance(_) => return None,
        };
        Some(quote!(#private::catalog_member(#name, #json_type, #optional)))
    });
    let docs = &variant.docs;
    quote! {
        #private::catalog_entry(
            #name, #status, #code, #type_uri, #exposes_detail, &[#(#headers),*], #docs,
            &[#(#members),*],
        )
    }
}

/// The JSON type a field's value serializes to, read from the type's name
/// (the derive sees no more), and whether it is an `Option`.
fn json_type(krate: &syn::Path, ty: &syn::Type) -> (TokenStream, bool) {
    let path = |name: &str| {
        let name = Ident::new(name, Span::call_site());
        quote!(#krate::JsonType::#name)
    };
    let any = || (path("Any"), false);
    match ty {
        syn::Type::Reference(reference) => json_type(krate, &reference.elem),
        syn::Type::Paren(inner) => json_type(krate, &inner.elem),
        syn::Type::Group(inner) => json_type(krate, &inner.elem),
        syn::Type::Slice(slice) => array_of(krate, &slice.elem),
        syn::Type::Array(array) => array_of(krate, &array.elem),
        syn::Type::Path(type_path) if type_path.qself.is_none() => {
            let Some(last) = type_path.path.segments.last() else {
                return any();
            };
            let argument = match &last.arguments {
                syn::PathArguments::AngleBracketed(arguments) => {
                    arguments.args.iter().find_map(|argument| match argument {
                        syn::GenericArgument::Type(ty) => Some(ty),
                        _ => None,
                    })
                }
                _ => None,
            };
            match (last.ident.to_string().as_str(), argument) {
                (
                    "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64"
                    | "i128" | "isize",
                    None,
                ) => (path("Integer"), false),
                ("f32" | "f64", None) => (path("Number"), false),
                ("bool", None) => (path("Boolean"), false),
                ("String" | "str" | "char", None) => (path("String"), false),
                ("Cow" | "Box" | "Rc" | "Arc", Some(inner)) => json_type(krate, inner),
                ("Option", Some(inner)) => (json_type(krate, inner).0, true),
                ("Vec" | "VecDeque" | "HashSet" | "BTreeSet", Some(inner)) => {
                    array_of(krate, inner)
                }
                _ => any(),
            }
        }
        _ => any(),
    }
}

fn array_of(krate: &syn::Path, element: &syn::Type) -> (TokenStream, bool) {
    let (inner, _) = json_type(krate, element);
    (quote!(#krate::JsonType::Array(&#inner)), false)
}

fn type_uri_body(input: &Input<'_>) -> TokenStream {
    method_body_mostly_same(input, "type_uri", &|variant| {
        Answer::Same(type_uri(input, variant).into_token_stream())
    })
}

fn exposes_detail_body(input: &Input<'_>) -> TokenStream {
    method_body_mostly_same(input, "exposes_detail", &|variant| {
        Answer::Same(exposes_detail(variant).into_token_stream())
    })
}

fn headers_body(input: &Input<'_>, private: &TokenStream) -> TokenStream {
    let krate = &input.krate;
    method_body_mostly_same(input, "headers", &|variant| {
        if variant.attrs.headers.is_empty() {
            Answer::Same(quote!(#krate::Headers::new()))
        } else {
            Answer::Own(own_headers(input, private, variant))
        }
    })
}

fn type_uri(input: &Input<'_>, variant: &Variant<'_>) -> String {
    input.type_base.as_ref().map_or_else(
        || "about:blank".to_owned(),
        |base| format!("{}{}", base.value(), variant.code()),
    )
}

fn exposes_detail(variant: &Variant<'_>) -> bool {
    let is_server_error = variant
        .status
        .is_some_and(|entry| entry.class() == Class::ServerError);
    variant.attrs.expose.is_some() || !is_server_error
}

/// `match self { <one arm per variant> }`, with each arm binding what its body uses.
fn method_body(
    variants: &[Variant<'_>],
    body: impl Fn(&Variant<'_>) -> TokenStream,
) -> TokenStream {
    if variants.is_empty() {
        return quote!(match *self {});
    }
    let arms = variants.iter().map(|variant| {
        let pattern = pattern(variant);
        let body = body(variant);
        quote!(#pattern => #body,)
    });
    quote! {
        match self {
            #(#arms)*
        }
    }
}

/// What one variant answers in [`method_body_mostly_same`].
enum Answer {
    /// An answer many variants may share (`"about:blank"`, `true`, no
    /// headers). It reads no field: the variants that share it share one
    /// `_` arm, which binds none.
    Same(TokenStream),
    /// An arm body of its own (headers read from fields, say).
    Own(TokenStream),
}

/// [`method_body`] for a method most variants answer alike: only the variants
/// that answer otherwise get an arm, the rest share `_ => <the commonest>`, and
/// where every variant answers alike there is no `match` at all. Transparent
/// variants hand the call to their field (`method`); `answer` answers for the
/// others. The derive runs unoptimized in a dev build, on every rebuild of the
/// crate that uses it, and what it does not write the compiler need not read
/// either. Not generic, so that the macro crate compiles it once.
fn method_body_mostly_same(
    input: &Input<'_>,
    method: &str,
    answer: &dyn Fn(&Variant<'_>) -> Answer,
) -> TokenStream {
    let variants = input.variants();
    if variants.is_empty() {
        return quote!(match *self {});
    }
    // Each shared answer with its text, by which answers are compared.
    let answers: Vec<(Answer, Option<String>)> = variants
        .iter()
        .map(|variant| {
            let answer = match transparent_field(variant) {
                Some((_, ty)) => Answer::Own(delegate(input, ty, method)),
                None => answer(variant),
            };
            let text = match &answer {
                Answer::Same(tokens) => Some(tokens.to_string()),
                Answer::Own(_) => None,
            };
            (answer, text)
        })
        .collect();
    let shared_by = |text: &str| {
        answers
            .iter()
            .filter(|(_, other)| other.as_deref() == Some(text))
            .count()
    };
    // The first of the commonest, so that the output does not depend on ties.
    let mut usual: Option<(&TokenStream, &str, usize)> = None;
    for (answer, text) in &answers {
        if let (Answer::Same(tokens), Some(text)) = (answer, text) {
            let count = shared_by(text);
            if usual.is_none_or(|(_, _, most)| count > most) {
                usual = Some((tokens, text, count));
            }
        }
    }
    if let Some((tokens, _, count)) = usual
        && count == variants.len()
    {
        return tokens.clone();
    }
    let arms = variants
        .iter()
        .zip(&answers)
        .filter_map(|(variant, (answer, text))| {
            if let (Some(text), Some((_, usual, _))) = (text, usual)
                && text == usual
            {
                return None;
            }
            let (Answer::Same(body) | Answer::Own(body)) = answer;
            let pattern = pattern(variant);
            Some(quote!(#pattern => #body,))
        });
    let rest = usual.map(|(body, _, _)| quote!(_ => #body,));
    quote! {
        match self {
            #(#arms)*
            #rest
        }
    }
}

/// `Self::Variant { <bindings>, .. }` (or `Self { .. }` for a struct). Binds the
/// transparent field as `__inner` and each field a header reads as `__field_<name>`.
fn pattern(variant: &Variant<'_>) -> TokenStream {
    let path = if variant.is_struct {
        quote!(Self)
    } else {
        let ident = variant.ident;
        quote!(Self::#ident)
    };
    let mut bindings = Vec::new();
    if let Some((member, _)) = transparent_field(variant) {
        bindings.push(quote!(#member: __inner));
    }
    let mut bound: Vec<Member> = Vec::new();
    let header_fields = variant
        .attrs
        .headers
        .iter()
        .filter_map(|header| match &header.value {
            HeaderValue::Field(field) => Some(Member::Named(field.clone())),
            HeaderValue::Literal(_) | HeaderValue::Seconds(_) => None,
        });
    let member_fields = variant.members.iter().map(|field| field.member.clone());
    for member in header_fields.chain(member_fields) {
        // One field may feed several headers and a member; a pattern binds it once.
        if bound.contains(&member) {
            continue;
        }
        let binding = member_binding(&member);
        bindings.push(quote!(#member: #binding));
        bound.push(member);
    }
    quote!(#path { #(#bindings,)* .. })
}

fn field_binding(field: &Ident) -> Ident {
    format_ident!("__field_{}", field)
}

/// The binding of a field in `pattern`: `__field_balance`, `__field_0`.
fn member_binding(member: &Member) -> Ident {
    match member {
        Member::Named(ident) => field_binding(ident),
        Member::Unnamed(index) => format_ident!("__field_{}", index.index),
    }
}

/// The statements that add a variant's field members to `problem`, each
/// spanned on the field's type so an unmet bound points at the field.
fn own_members(private: &TokenStream, variant: &Variant<'_>) -> TokenStream {
    let statements = variant
        .members
        .iter()
        .map(|field| member_statement(private, field));
    quote!({ #(#statements)* })
}

fn member_statement(private: &TokenStream, field: &Field<'_>) -> TokenStream {
    let binding = member_binding(&field.member);
    let span = field.original.ty.span();
    match &field.role {
        FieldRole::Extension(..) => {
            // `check` rejected an unnamed field without a name.
            let name = field.extension_name().unwrap_or_default();
            quote_spanned!(span=> #private::push_extension(problem, #name, #binding);)
        }
        FieldRole::Instance(_) => quote_spanned!(span=> #private::set_instance(problem, #binding);),
        FieldRole::Errors(_) => {
            quote_spanned!(span=> #private::push_violations(problem, #binding);)
        }
    }
}

/// The single field of a transparent variant: how to name it and its type.
fn transparent_field<'a>(variant: &Variant<'a>) -> Option<(Member, &'a syn::Type)> {
    variant.attrs.transparent?;
    let field = variant.fields.iter().next()?;
    let member = match &field.ident {
        Some(ident) => Member::Named(ident.clone()),
        None => Member::Unnamed(syn::Index {
            index: 0,
            span: field.ty.span(),
        }),
    };
    Some((member, &field.ty))
}

/// A transparent variant calls `method` on its field (spanned on the field's
/// type, so a field that is not an `HttpError` is reported there); any other
/// variant uses `own`.
fn delegate_or(
    input: &Input<'_>,
    variant: &Variant<'_>,
    method: &str,
    own: impl FnOnce() -> TokenStream,
) -> TokenStream {
    match transparent_field(variant) {
        Some((_, ty)) => delegate(input, ty, method),
        None => own(),
    }
}

/// `<Inner as HttpError>::method(__inner)`: a transparent variant's answer.
fn delegate(input: &Input<'_>, inner: &syn::Type, method: &str) -> TokenStream {
    let krate = &input.krate;
    let method = Ident::new(method, Span::call_site());
    quote_spanned!(inner.span()=> <#inner as #krate::HttpError>::#method(__inner))
}

fn own_status(input: &Input<'_>, variant: &Variant<'_>) -> TokenStream {
    let krate = &input.krate;
    if let (Some(entry), Some(span)) = (variant.status, variant.status_span()) {
        // Spanned on the user's `status = ...` tokens.
        let name = Ident::new(&entry.name, span);
        quote_spanned!(span=> #krate::StatusCode::#name)
    } else {
        // Unreachable after `check`: every non-transparent variant has a status.
        quote!(#krate::StatusCode::InternalServerError)
    }
}

/// The `headers()` of a variant with headers (`headers_body` answers for
/// those without).
fn own_headers(input: &Input<'_>, private: &TokenStream, variant: &Variant<'_>) -> TokenStream {
    let krate = &input.krate;
    let inserts = variant
        .attrs
        .headers
        .iter()
        .map(|header| insert_header(private, variant, header));
    quote!({
        let mut headers = #krate::Headers::new();
        #(#inserts)*
        headers
    })
}

fn insert_header(private: &TokenStream, variant: &Variant<'_>, header: &HeaderAttr) -> TokenStream {
    let name = &header.name;
    match &header.value {
        HeaderValue::Literal(literal) => {
            quote!(#private::insert_checked(&mut headers, #name, #literal);)
        }
        HeaderValue::Seconds(seconds) => {
            let text = seconds.base10_digits();
            quote!(#private::insert_checked(&mut headers, #name, #text);)
        }
        HeaderValue::Field(field) => {
            let binding = field_binding(field);
            let span = field_type_span(variant, field).unwrap_or_else(|| field.span());
            if name.eq_ignore_ascii_case("Retry-After") {
                quote_spanned!(span=> #private::insert_retry_after(&mut headers, #binding);)
            } else {
                quote_spanned!(span=> #private::insert_display(&mut headers, #name, #binding);)
            }
        }
    }
}

/// A derived one-pass response method, behind its framework's feature (its
/// `with_...!` hook): a transparent variant hands over to its field's
/// method, the others build their response in one pass.
fn one_pass_method(input: &Input<'_>, framework: &Framework) -> TokenStream {
    let Framework {
        with_feature,
        method,
        response,
        respond,
        no_headers,
        ..
    } = framework;
    let body = method_body_mostly_same(input, &method.to_string(), &|variant| {
        if variant.attrs.headers.is_empty() {
            Answer::Same(quote!(#respond(self, #no_headers)))
        } else {
            Answer::Own(own_response(variant, framework))
        }
    });
    quote! {
        #with_feature! {
            fn #method(&self) -> #response {
                #body
            }
        }
    }
}

/// What a one-pass response is built with, per framework: the hook that
/// keeps the method only with the framework's feature, the method and its
/// response type, the function that writes status and body, the one
/// that appends `Headers` made at run time and the one for no headers, and
/// the module of the framework's `HeaderName` and `HeaderValue`.
struct Framework {
    with_feature: TokenStream,
    method: Ident,
    response: TokenStream,
    respond: TokenStream,
    append_headers: TokenStream,
    no_headers: TokenStream,
    header: TokenStream,
}

impl Framework {
    /// `HttpError::to_http_response` (feature `http`).
    fn http(private: &TokenStream) -> Self {
        Framework {
            with_feature: quote!(#private::with_http),
            method: Ident::new("to_http_response", Span::call_site()),
            response: quote!(#private::http::Response<#private::HttpBody>),
            respond: quote!(#private::derived_http_response),
            append_headers: quote!(#private::append_headers),
            no_headers: quote!(#private::no_http_headers),
            header: quote!(#private::http),
        }
    }

    /// `HttpError::to_actix_response` (feature `actix-web`, on `http` 0.2).
    fn actix_web(private: &TokenStream) -> Self {
        Framework {
            with_feature: quote!(#private::with_actix_web),
            method: Ident::new("to_actix_response", Span::call_site()),
            response: quote!(#private::actix_web::HttpResponse),
            respond: quote!(#private::derived_actix_response),
            append_headers: quote!(#private::append_actix_headers),
            no_headers: quote!(#private::no_actix_headers),
            header: quote!(#private::actix_web::http::header),
        }
    }
}

/// The body of a variant's arm of a derived one-pass response: the response
/// without headers, then the variant's headers in the order `own_headers`
/// adds them. The headers come as a function pointer (the closures capture
/// nothing), so the framework's function is compiled once per error type,
/// not once per variant as it would be for a closure type each. When every
/// header is a literal, each name and value becomes a constant of the
/// framework, evaluated at compile time (`check` already
/// held them to the rules `HeaderName::from_static` and
/// `HeaderValue::from_static` assert, in `http` 1 and 0.2 alike). A header
/// from a field goes through `headers()`, so that a field of the wrong type
/// is reported once.
fn own_response(variant: &Variant<'_>, framework: &Framework) -> TokenStream {
    let Framework {
        respond,
        append_headers,
        header,
        ..
    } = framework;
    let headers = &variant.attrs.headers;
    let literals: Option<Vec<(String, String)>> = headers
        .iter()
        .map(|header| {
            let value = match &header.value {
                HeaderValue::Literal(literal) => literal.value(),
                HeaderValue::Seconds(seconds) => seconds.base10_digits().to_owned(),
                HeaderValue::Field(_) => return None,
            };
            Some((header.name.to_ascii_lowercase(), value))
        })
        .collect();
    let Some(literals) = literals else {
        return quote! {
            #respond(self, |__error, __headers| {
                #append_headers(__headers, Self::headers(__error));
            })
        };
    };
    let appends = literals.iter().map(|(name, value)| {
        quote! {
            __headers.append(
                const { #header::HeaderName::from_static(#name) },
                const { #header::HeaderValue::from_static(#value) },
            );
        }
    });
    quote! {
        #respond(self, |_, __headers| {
            #(#appends)*
        })
    }
}

/// The span of a field's type, so an unsatisfied bound points at the field.
fn field_type_span(variant: &Variant<'_>, field: &Ident) -> Option<Span> {
    match variant.fields {
        Fields::Named(named) => named
            .named
            .iter()
            .find(|candidate| candidate.ident.as_ref() == Some(field))
            .map(|candidate| candidate.ty.span()),
        Fields::Unnamed(_) | Fields::Unit => None,
    }
}
