fn main() {
    let _ = status_core::StatusCode::NotFund;
}
