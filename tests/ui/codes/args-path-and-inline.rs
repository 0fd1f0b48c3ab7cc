status_core::status_codes!(path = "codes.toml", inline = "");

fn main() {}
