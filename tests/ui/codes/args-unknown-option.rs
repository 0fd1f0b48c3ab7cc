status_core::status_codes!(name = AppStatus, file = "codes.toml");

fn main() {}
