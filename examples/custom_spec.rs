//! Your own status codes from your own TOML file, on top of the registry:
//! `cargo run --example custom_spec`.
//!
//! Edit `examples/my-codes.toml` and the example rebuilds; a mistake in it is a
//! compile error naming `my-codes.toml:line:col`.

status_core::status_codes!(
    /// The status codes of our API: the whole registry plus our own.
    path = "my-codes.toml",
    name = ApiStatus,
    extend_builtin,
);

/// Only 4xx codes of `ApiStatus` compile here: `api_status::NotFound` or
/// `api_status::QuotaExhausted` do, `api_status::SeeOther` does not.
fn rejection<S: status_core::ClientError<ApiStatus>>(status: S) -> String {
    format!("rejected with {}", status.status())
}

fn main() {
    for status in [
        ApiStatus::PartiallyStale,
        ApiStatus::QuotaExhausted,
        ApiStatus::NotFound,
    ] {
        println!(
            "{status:<24} {:<12} {}",
            status.source(),
            status.description()
        );
    }
    match "477".parse::<ApiStatus>() {
        Ok(status) => println!(
            "\nparsed \"477\" as {status:?}, retryable: {}",
            status.is_retryable()
        ),
        Err(error) => println!("\nparse failed: {error}"),
    }
    if let Err(error) = ApiStatus::from_u16(298) {
        println!("298: {error}");
    }
    println!("{}", rejection(api_status::QuotaExhausted));
    // The built-in codes convert both ways; ours only into ApiStatus.
    let ours = ApiStatus::from(status_core::StatusCode::TooManyRequests);
    println!(
        "{ours} is built in: {}",
        status_core::StatusCode::try_from(ours).is_ok()
    );
    if let Err(error) = status_core::StatusCode::try_from(ApiStatus::QuotaExhausted) {
        println!("477 as a StatusCode: {error}");
    }
}
