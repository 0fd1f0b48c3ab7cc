status_core::status_codes!(name = AppStatus, extend_builtin);

fn main() {}
