//! `status_codes!(name = X)` alone: the built-in registry under the user's
//! own name, with per-code types of its own and the class traits on them.

use status_core::{ClientError, Redirection};

status_core::status_codes!(name = MyCodes);

fn redirect<S: Redirection<MyCodes>>(_: S) -> MyCodes {
    S::STATUS
}

fn reject<S: ClientError<MyCodes>>(status: S) -> MyCodes {
    status.status()
}

fn main() {
    assert_eq!(MyCodes::NotFound.to_string(), "404 Not Found");
    assert_eq!(MyCodes::from_u16(404), Ok(MyCodes::NotFound));
    assert_eq!(MyCodes::ALL.len(), status_core::StatusCode::ALL.len());
    assert_eq!(redirect(my_codes::SeeOther), MyCodes::SeeOther);
    assert_eq!(reject(my_codes::NotFound), MyCodes::NotFound);
    assert_eq!(MyCodes::from(my_codes::ImATeapot).as_u16(), 418);
    // The spec's warnings come along, as for the built-in enum.
    assert_eq!(WarningCode::ResponseIsStale.as_u16(), 110);
}
