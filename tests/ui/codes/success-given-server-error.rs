fn succeed<S: status_core::Success>(_: S) {}

fn main() {
    succeed(status_core::codes::BadGateway);
}
