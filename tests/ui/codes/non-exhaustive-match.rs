use status_core::StatusCode;

fn is_not_found(status: StatusCode) -> bool {
    match status {
        StatusCode::NotFound => true,
        StatusCode::Ok => false,
    }
}

fn main() {}
