status_core::status_codes!(inline = "");

fn main() {}
