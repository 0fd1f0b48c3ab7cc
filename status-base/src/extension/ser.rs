//! Feature `serde`: any `Serialize` value into an [`ExtensionValue`], with
//! `serde_json`'s data model (unit variants are strings, other variants
//! one-member objects, map keys strings or numbers), so a member reads as
//! `serde_json::to_string` would write the field.

use alloc::borrow::Cow;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::ser::{self, Serialize};

use super::{ExtensionNumber, ExtensionValue};

impl ExtensionValue {
    /// Serializes `value` (feature `serde`).
    ///
    /// ```
    /// use status_core::ExtensionValue;
    ///
    /// #[derive(serde::Serialize)]
    /// struct Balance { amount: u32, currency: &'static str }
    ///
    /// let value = ExtensionValue::serialize(&Balance { amount: 30, currency: "EUR" })?;
    /// assert_eq!(value.to_json(), r#"{"amount":30,"currency":"EUR"}"#);
    /// # Ok::<(), status_core::SerializeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`SerializeError`] when the type's `Serialize` fails, or a map key is
    /// not a string, a number, a `bool` or a `char`.
    pub fn serialize<T: Serialize + ?Sized>(value: &T) -> Result<Self, SerializeError> {
        value.serialize(ValueSerializer)
    }
}

/// Why a value could not become an [`ExtensionValue`] (feature `serde`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SerializeError(String);

impl core::fmt::Display for SerializeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

impl ser::StdError for SerializeError {}

impl ser::Error for SerializeError {
    fn custom<T: core::fmt::Display>(message: T) -> Self {
        SerializeError(message.to_string())
    }
}

struct ValueSerializer;

fn number(text: &impl ToString) -> ExtensionValue {
    ExtensionValue::Number(ExtensionNumber(text.to_string()))
}

fn string(text: impl Into<String>) -> ExtensionValue {
    ExtensionValue::String(Cow::Owned(text.into()))
}

impl ser::Serializer for ValueSerializer {
    type Ok = ExtensionValue;
    type Error = SerializeError;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Seq;
    type SerializeMap = Map;
    type SerializeStruct = Map;
    type SerializeStructVariant = Map;

    fn serialize_bool(self, v: bool) -> Result<ExtensionValue, SerializeError> {
        Ok(ExtensionValue::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<ExtensionValue, SerializeError> {
        Ok(number(&v))
    }
    fn serialize_i16(self, v: i16) -> Result<ExtensionValue, SerializeError> {
        Ok(number(&v))
    }
    fn serialize_i32(self, v: i32) -> Result<ExtensionValue, SerializeError> {
        Ok(number(&v))
    }
    fn serialize_i64(self, v: i64) -> Result<ExtensionValue, SerializeError> {
        Ok(number(&v))
    }
    fn serialize_i128(self, v: i128) -> Result<ExtensionValue, SerializeError> {
        Ok(number(&v))
    }
    fn serialize_u8(self, v: u8) -> Result<ExtensionValue, SerializeError> {
        Ok(number(&v))
    }
    fn serialize_u16(self, v: u16) -> Result<ExtensionValue, SerializeError> {
        Ok(number(&v))
    }
    fn serialize_u32(self, v: u32) -> Result<ExtensionValue, SerializeError> {
        Ok(number(&v))
    }
    fn serialize_u64(self, v: u64) -> Result<ExtensionValue, SerializeError> {
        Ok(number(&v))
    }
    fn serialize_u128(self, v: u128) -> Result<ExtensionValue, SerializeError> {
        Ok(number(&v))
    }
    fn serialize_f32(self, v: f32) -> Result<ExtensionValue, SerializeError> {
        Ok(ExtensionValue::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<ExtensionValue, SerializeError> {
        Ok(ExtensionValue::from(v))
    }
    fn serialize_char(self, v: char) -> Result<ExtensionValue, SerializeError> {
        Ok(string(v))
    }
    fn serialize_str(self, v: &str) -> Result<ExtensionValue, SerializeError> {
        Ok(string(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<ExtensionValue, SerializeError> {
        Ok(ExtensionValue::Array(v.iter().map(number).collect()))
    }
    fn serialize_none(self) -> Result<ExtensionValue, SerializeError> {
        Ok(ExtensionValue::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(
        self,
        value: &T,
    ) -> Result<ExtensionValue, SerializeError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<ExtensionValue, SerializeError> {
        Ok(ExtensionValue::Null)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<ExtensionValue, SerializeError> {
        Ok(ExtensionValue::Null)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<ExtensionValue, SerializeError> {
        Ok(ExtensionValue::String(Cow::Borrowed(variant)))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<ExtensionValue, SerializeError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<ExtensionValue, SerializeError> {
        let value = value.serialize(ValueSerializer)?;
        Ok(ExtensionValue::Object(alloc::vec![(
            Cow::Borrowed(variant),
            value
        )]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, SerializeError> {
        Ok(Seq {
            variant: None,
            items: Vec::with_capacity(len.unwrap_or(0).min(64)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq, SerializeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Seq, SerializeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq, SerializeError> {
        let mut seq = self.serialize_seq(Some(len))?;
        seq.variant = Some(variant);
        Ok(seq)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map, SerializeError> {
        Ok(Map {
            variant: None,
            members: Vec::new(),
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map, SerializeError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Map, SerializeError> {
        let mut map = self.serialize_map(Some(len))?;
        map.variant = Some(variant);
        Ok(map)
    }
}

/// Wraps `value` as `{"Variant": value}` for an enum variant.
fn in_variant(variant: Option<&'static str>, value: ExtensionValue) -> ExtensionValue {
    match variant {
        Some(variant) => ExtensionValue::Object(alloc::vec![(Cow::Borrowed(variant), value)]),
        None => value,
    }
}

struct Seq {
    variant: Option<&'static str>,
    items: Vec<ExtensionValue>,
}

impl Seq {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerializeError> {
        self.items.push(value.serialize(ValueSerializer)?);
        Ok(())
    }

    fn finish(self) -> ExtensionValue {
        in_variant(self.variant, ExtensionValue::Array(self.items))
    }
}

impl ser::SerializeSeq for Seq {
    type Ok = ExtensionValue;
    type Error = SerializeError;
    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), SerializeError> {
        self.push(value)
    }
    fn end(self) -> Result<ExtensionValue, SerializeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeTuple for Seq {
    type Ok = ExtensionValue;
    type Error = SerializeError;
    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), SerializeError> {
        self.push(value)
    }
    fn end(self) -> Result<ExtensionValue, SerializeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeTupleStruct for Seq {
    type Ok = ExtensionValue;
    type Error = SerializeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerializeError> {
        self.push(value)
    }
    fn end(self) -> Result<ExtensionValue, SerializeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeTupleVariant for Seq {
    type Ok = ExtensionValue;
    type Error = SerializeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerializeError> {
        self.push(value)
    }
    fn end(self) -> Result<ExtensionValue, SerializeError> {
        Ok(self.finish())
    }
}

struct Map {
    variant: Option<&'static str>,
    members: Vec<(Cow<'static, str>, ExtensionValue)>,
    key: Option<Cow<'static, str>>,
}

impl Map {
    /// A struct's (or a struct variant's) field, as a member.
    fn push_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerializeError> {
        self.members
            .push((Cow::Borrowed(key), value.serialize(ValueSerializer)?));
        Ok(())
    }

    fn finish(self) -> ExtensionValue {
        in_variant(self.variant, ExtensionValue::Object(self.members))
    }
}

impl ser::SerializeMap for Map {
    type Ok = ExtensionValue;
    type Error = SerializeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerializeError> {
        let key = match key.serialize(ValueSerializer)? {
            ExtensionValue::String(text) => text,
            ExtensionValue::Number(number) => Cow::Owned(number.0),
            ExtensionValue::Bool(value) => Cow::Borrowed(if value { "true" } else { "false" }),
            _ => {
                return Err(SerializeError(
                    "a map key must be a string or a number".into(),
                ));
            }
        };
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerializeError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| SerializeError("a map value came without its key".into()))?;
        self.members.push((key, value.serialize(ValueSerializer)?));
        Ok(())
    }
    fn end(self) -> Result<ExtensionValue, SerializeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeStruct for Map {
    type Ok = ExtensionValue;
    type Error = SerializeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerializeError> {
        self.push_field(key, value)
    }
    fn end(self) -> Result<ExtensionValue, SerializeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeStructVariant for Map {
    type Ok = ExtensionValue;
    type Error = SerializeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerializeError> {
        self.push_field(key, value)
    }
    fn end(self) -> Result<ExtensionValue, SerializeError> {
        Ok(self.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    enum Shape {
        Unit,
        New(u8),
        Tuple(u8, bool),
        Named { side: f64 },
    }

    #[derive(serde::Serialize)]
    struct Everything {
        text: &'static str,
        float: f64,
        none: Option<u8>,
        list: Vec<Shape>,
        map: BTreeMap<u32, char>,
        unit: (),
        big: u128,
    }

    #[test]
    fn reads_as_serde_json_writes() {
        let value = Everything {
            text: "a\"\u{1}",
            float: 0.1,
            none: None,
            list: vec![
                Shape::Unit,
                Shape::New(1),
                Shape::Tuple(2, true),
                Shape::Named { side: 2.0 },
            ],
            map: BTreeMap::from([(7, 'x')]),
            unit: (),
            big: u128::MAX,
        };
        let ours = ExtensionValue::serialize(&value).expect("serializes");
        assert_eq!(
            ours.to_json(),
            serde_json::to_string(&value).expect("serde_json")
        );
    }

    #[test]
    fn a_map_with_composite_keys_is_an_error() {
        let map = BTreeMap::from([((1, 2), 3)]);
        assert!(ExtensionValue::serialize(&map).is_err());
    }
}
