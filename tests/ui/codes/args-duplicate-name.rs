status_core::status_codes!(name = AppStatus, name = MyStatus);

fn main() {}
