//! The class of a code, from its first digit (RFC 9110, Section 15). The
//! macro side's only copy of the rule; status-core's `StatusClass::from_code`
//! is the other, and the expansion pins the two together with a
//! compile-time assertion per code.

use super::CodeEntry;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Informational,
    Success,
    Redirection,
    ClientError,
    ServerError,
    /// Outside 100–599, such as LinkedIn's 999.
    Nonstandard,
}

impl Class {
    pub(crate) fn from_code(code: u16) -> Class {
        match code / 100 {
            1 => Class::Informational,
            2 => Class::Success,
            3 => Class::Redirection,
            4 => Class::ClientError,
            5 => Class::ServerError,
            _ => Class::Nonstandard,
        }
    }

    /// The name status-core gives the class: a `StatusClass` variant and,
    /// for the same word, the class trait.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Class::Informational => "Informational",
            Class::Success => "Success",
            Class::Redirection => "Redirection",
            Class::ClientError => "ClientError",
            Class::ServerError => "ServerError",
            Class::Nonstandard => "Nonstandard",
        }
    }
}

impl CodeEntry {
    pub(crate) fn class(&self) -> Class {
        Class::from_code(self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::Class;

    #[test]
    fn classes_change_at_each_hundred() {
        let edges = [
            (99, Class::Nonstandard),
            (100, Class::Informational),
            (199, Class::Informational),
            (200, Class::Success),
            (299, Class::Success),
            (300, Class::Redirection),
            (399, Class::Redirection),
            (400, Class::ClientError),
            (499, Class::ClientError),
            (500, Class::ServerError),
            (599, Class::ServerError),
            (600, Class::Nonstandard),
            (999, Class::Nonstandard),
        ];
        for (code, class) in edges {
            assert_eq!(Class::from_code(code), class, "{code}");
        }
    }
}
