//! cargo-fuzz target: the checks of `checks/problem_render.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/problem_render.rs"]
mod checks;

/// `HttpError` hands out `&'static str`s. Leaking them would grow the fuzzer's
/// memory without bound, so they are leaked and freed around each run.
struct Leaked(Vec<*mut str>);

impl Leaked {
    fn leak(&mut self, text: String) -> &'static str {
        let raw = Box::into_raw(text.into_boxed_str());
        self.0.push(raw);
        // SAFETY: freed only in `drop`, after every use of the error.
        unsafe { &*raw }
    }
}

impl Drop for Leaked {
    fn drop(&mut self) {
        for raw in self.0.drain(..) {
            // SAFETY: each pointer came from `Box::into_raw` and is freed once.
            drop(unsafe { Box::from_raw(raw) });
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut leaked = Leaked(Vec::new());
    checks::run(data, &mut |text| leaked.leak(text));
});
