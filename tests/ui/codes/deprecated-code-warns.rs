#![deny(deprecated)]

fn main() {
    let _ = status_core::StatusCode::UseProxy;
}
