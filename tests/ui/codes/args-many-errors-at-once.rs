status_core::status_codes!(file = "codes.toml", name = AppStatus, naem = Other, name = Third);

fn main() {}
