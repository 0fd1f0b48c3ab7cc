fn redirect<S: status_core::Redirection>(_: S) {}

fn main() {
    redirect(status_core::codes::NotFound);
}
