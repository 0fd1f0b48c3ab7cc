//! Feature `serde`: status codes serialize as their number, and deserializing
//! a number the registry does not list fails with a message naming it. An
//! error catalog serializes as the list a client or an error page reads.

use serde::ser::{Serialize, SerializeStruct as _, Serializer};

use serde::ser::SerializeMap as _;

use crate::{CatalogEntry, CatalogHeader, CatalogMember, JsonType};

/// `{"status", "code", "title", "type", "exposes_detail", "headers",
/// "description", "members"}`, `status` as its number. The variant's Rust
/// name is left out: it is the server's business, not the client's.
impl Serialize for CatalogEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut entry = serializer.serialize_struct("CatalogEntry", 8)?;
        entry.serialize_field("status", &self.status.as_u16())?;
        entry.serialize_field("code", self.code)?;
        entry.serialize_field("title", self.title())?;
        entry.serialize_field("type", self.type_uri)?;
        entry.serialize_field("exposes_detail", &self.exposes_detail)?;
        entry.serialize_field("headers", self.headers)?;
        entry.serialize_field("description", self.description)?;
        entry.serialize_field("members", self.members)?;
        entry.end()
    }
}

/// `{"name", "schema", "optional"}`, `schema` as [`JsonType`] serializes.
impl Serialize for CatalogMember {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut member = serializer.serialize_struct("CatalogMember", 3)?;
        member.serialize_field("name", self.name)?;
        member.serialize_field("schema", &self.json_type)?;
        member.serialize_field("optional", &self.optional)?;
        member.end()
    }
}

/// A JSON Schema: `{"type": "integer"}`, `{"type": "array", "items": ...}`,
/// `{}` for any value; `errors` as an array of `{detail, pointer}` objects.
impl Serialize for JsonType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut schema = serializer.serialize_map(None)?;
        match self {
            JsonType::String => schema.serialize_entry("type", "string")?,
            JsonType::Integer => schema.serialize_entry("type", "integer")?,
            JsonType::Number => schema.serialize_entry("type", "number")?,
            JsonType::Boolean => schema.serialize_entry("type", "boolean")?,
            JsonType::Array(items) => {
                schema.serialize_entry("type", "array")?;
                schema.serialize_entry("items", items)?;
            }
            JsonType::Errors => {
                schema.serialize_entry("type", "array")?;
                schema.serialize_entry("items", &ErrorsItem)?;
            }
            JsonType::Any => {}
        }
        schema.end()
    }
}

/// The schema of one entry of `errors`.
struct ErrorsItem;

impl Serialize for ErrorsItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut schema = serializer.serialize_map(Some(3))?;
        schema.serialize_entry("type", "object")?;
        schema.serialize_entry("required", &["detail", "pointer"])?;
        schema.serialize_entry("properties", &ErrorsProperties)?;
        schema.end()
    }
}

struct ErrorsProperties;

impl Serialize for ErrorsProperties {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut properties = serializer.serialize_map(Some(2))?;
        properties.serialize_entry("detail", &JsonType::String)?;
        properties.serialize_entry("pointer", &JsonType::String)?;
        properties.end()
    }
}

/// `{"name", "value"}`, `value` null when it comes from the error's fields.
impl Serialize for CatalogHeader {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut header = serializer.serialize_struct("CatalogHeader", 2)?;
        header.serialize_field("name", self.name)?;
        header.serialize_field("value", &self.value)?;
        header.end()
    }
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_status_serde {
    ($ty:ident) => {
        #[automatically_derived]
        impl $crate::__private_0_1_0::serde::Serialize for $ty {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private_0_1_0::serde::Serializer,
            {
                serializer.serialize_u16(self.as_u16())
            }
        }

        #[automatically_derived]
        impl<'de> $crate::__private_0_1_0::serde::Deserialize<'de> for $ty {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private_0_1_0::serde::Deserializer<'de>,
            {
                let code = <u16 as $crate::__private_0_1_0::serde::Deserialize<'de>>::deserialize(
                    deserializer,
                )?;
                Self::from_u16(code)
                    .map_err(<D::Error as $crate::__private_0_1_0::serde::de::Error>::custom)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::StatusCode;

    #[test]
    fn serializes_as_the_number() {
        assert_eq!(
            serde_json::to_string(&StatusCode::NotFound).ok().as_deref(),
            Some("404")
        );
        let list = serde_json::to_string(&[StatusCode::Ok, StatusCode::Created]).ok();
        assert_eq!(list.as_deref(), Some("[200,201]"));
    }

    #[test]
    fn deserializes_known_codes_and_names_unknown_ones() {
        assert_eq!(
            serde_json::from_str::<StatusCode>("418").ok(),
            Some(StatusCode::ImATeapot)
        );
        let error = serde_json::from_str::<StatusCode>("299").expect_err("299 is not registered");
        assert!(
            error.to_string().contains("unknown HTTP status code 299"),
            "{error}"
        );
        assert!(serde_json::from_str::<StatusCode>("70000").is_err());
        assert!(serde_json::from_str::<StatusCode>("\"404\"").is_err());
    }
}
