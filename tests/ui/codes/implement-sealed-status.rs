#[derive(Clone, Copy, Default)]
struct MyStatus;

impl status_core::Status for MyStatus {
    const STATUS: status_core::StatusCode = status_core::StatusCode::Ok;
}

fn main() {}
