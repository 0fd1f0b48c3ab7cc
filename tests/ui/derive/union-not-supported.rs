// Unions cannot be errors.
use status_core::HttpError;

#[derive(HttpError)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
