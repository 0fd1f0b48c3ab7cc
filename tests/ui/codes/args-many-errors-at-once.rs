// Every argument error in one compile. `file` was meant to be `path`, so
// `extend_builtin` is not also reported as lacking a spec.
status_core::status_codes!(file = "codes.toml", extend_builtin, name = AppStatus, naem = Other, name = Third);

fn main() {}
