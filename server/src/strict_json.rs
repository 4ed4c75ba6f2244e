//! Request bodies read strictly, at every depth, from a parsed JSON value.
//!
//! serde's derived `Deserialize` is lenient in two ways that turn a client's
//! slip into a silent change of meaning. A struct without
//! `#[serde(deny_unknown_fields)]` ignores a key it does not know, so HR's
//! `{"audience":{"allOf":[…]}}` was read as an audience without conditions:
//! everyone. And a struct also reads a JSON array as its fields in order,
//! so `[5, 1]` was an order line. The attribute only guards the struct it
//! is written on, and nothing guards against arrays; so the strictness is
//! here, in the deserializer, where it holds for every type a body holds:
//!
//! - a struct is read only from an object, and only from the keys serde
//!   says it reads (`fields`: its fields and their aliases, those with
//!   `#[serde(default)]` too); any other key is refused;
//! - whatever a value holds (members, items, an enum's content) is read
//!   through this deserializer again;
//! - text may not hold a NUL character (PostgreSQL cannot store one);
//! - every error names the innermost place it is about, as `a.b[0].c`:
//!   a missing field is named under its struct, an unknown key by itself.
//!
//! Not covered: serde buffers the content of an untagged or internally
//! tagged enum, and the fields of a struct with a `#[serde(flatten)]`
//! field, and reads it with its own deserializer, which is lenient. No
//! request type uses them; one that does should not expect this
//! strictness inside them.

use serde::de::value::StringDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess, Unexpected, VariantAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// Reads `T` from `value`, strictly (see the module's documentation).
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    T::deserialize(Strict { value, path: String::new() })
}

/// Why a value could not be read, and where.
#[derive(Debug)]
pub struct Error {
    /// Set by the innermost value the error passes up through; until then
    /// it is not known where the error is.
    path: Option<String>,
    /// A field found missing: named under the path of its struct.
    missing: Option<&'static str>,
    message: String,
}

impl Error {
    /// Where the error is, as `a.b[0].c`; empty for the whole value.
    pub fn path(&self) -> &str {
        self.path.as_deref().unwrap_or_default()
    }

    /// The error, placed at `path` unless a deeper value placed it already.
    fn at(mut self, path: &str) -> Error {
        if self.path.is_none() {
            self.path = Some(self.missing.map_or_else(|| path.to_owned(), |field| member(path, field)));
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error { path: None, missing: None, message: message.to_string() }
    }

    fn missing_field(field: &'static str) -> Error {
        Error { missing: Some(field), ..Error::custom(format_args!("missing field `{field}`")) }
    }
}

/// The path of a member `key` of the value at `path`.
fn member(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A JSON value at `path`, read strictly.
struct Strict {
    value: Value,
    path: String,
}

impl Strict {
    /// Runs `read` on this value; an error that names no place is placed here.
    /// Text holding a NUL character is refused wherever it is: PostgreSQL
    /// cannot store it, and no field has a use for it.
    fn read<T>(self, read: impl FnOnce(Strict) -> Result<T, Error>) -> Result<T, Error> {
        let path = self.path.clone();
        if matches!(&self.value, Value::String(text) if text.contains('\0')) {
            return Err(<Error as de::Error>::custom("text must not contain the NUL character (U+0000)").at(&path));
        }
        read(self).map_err(|error| error.at(&path))
    }
}

/// Primitives are read as serde_json reads them: there is nothing inside
/// them to be strict about.
macro_rules! as_serde_json_does {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.read(|strict| strict.value.$method(visitor).map_err(de::Error::custom))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Strict {
    type Error = Error;

    as_serde_json_does! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64
        deserialize_char deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_unit deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.read(|strict| strict.value.deserialize_unit_struct(name, visitor).map_err(de::Error::custom))
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|strict| match strict.value {
            Value::Object(map) => visitor.visit_map(Members::new(map, strict.path, None)),
            Value::Array(items) => Items::visit(items, strict.path, visitor),
            scalar => scalar.deserialize_any(visitor).map_err(de::Error::custom),
        })
    }

    /// Only from an object, and only from the keys of the struct.
    fn deserialize_struct<V: Visitor<'de>>(self, name: &'static str, fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        self.read(|strict| match strict.value {
            Value::Object(map) => visitor.visit_map(Members::new(map, strict.path, Some(fields))),
            Value::Array(_) => Err(de::Error::invalid_type(Unexpected::Seq, &visitor)),
            scalar => scalar.deserialize_struct(name, fields, visitor).map_err(de::Error::custom),
        })
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|strict| match strict.value {
            Value::Object(map) => visitor.visit_map(Members::new(map, strict.path, None)),
            other => other.deserialize_map(visitor).map_err(de::Error::custom),
        })
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|strict| match strict.value {
            Value::Array(items) => Items::visit(items, strict.path, visitor),
            other => other.deserialize_seq(visitor).map_err(de::Error::custom),
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _name: &'static str, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.value.is_null() {
            self.read(|_| visitor.visit_none())
        } else {
            self.read(|strict| visitor.visit_some(strict))
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.read(|strict| visitor.visit_newtype_struct(strict))
    }

    /// A unit variant from a string; any variant from an object of one key,
    /// its content inside it (`{"site_in": [1]}`).
    fn deserialize_enum<V: Visitor<'de>>(self, name: &'static str, variants: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        self.read(|strict| match strict.value {
            Value::String(variant) => visitor.visit_enum(variant.into_deserializer()),
            Value::Object(map) if map.len() == 1 => {
                let (variant, value) = map.into_iter().next().expect("one member");
                let path = member(&strict.path, &variant);
                visitor.visit_enum(Variant { variant, content: Strict { value, path } })
            }
            Value::Object(_) => Err(de::Error::invalid_value(Unexpected::Map, &"an object with a single key")),
            other => other.deserialize_enum(name, variants, visitor).map_err(de::Error::custom),
        })
    }
}

/// An object's members, each value read strictly. For a struct, the keys
/// it reads and the keys it drops unread; any other key is refused.
struct Members {
    entries: serde_json::map::IntoIter,
    /// The value of the key just handed out, with its path.
    next: Option<Strict>,
    path: String,
    /// A struct's keys; `None` for a map, which takes any.
    fields: Option<&'static [&'static str]>,
}

impl Members {
    fn new(map: Map<String, Value>, path: String, fields: Option<&'static [&'static str]>) -> Members {
        Members { entries: map.into_iter(), next: None, path, fields }
    }
}

impl<'de> MapAccess<'de> for Members {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else { return Ok(None) };
        let path = member(&self.path, &key);
        if let Some(fields) = self.fields.filter(|fields| !fields.contains(&key.as_str())) {
            return Err(<Error as de::Error>::unknown_field(&key, fields).at(&path));
        }
        let read = seed.deserialize(StringDeserializer::<Error>::new(key)).map_err(|error| error.at(&path))?;
        self.next = Some(Strict { value, path });
        Ok(Some(read))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        let value = self.next.take().ok_or_else(|| de::Error::custom("a value asked for before its key"))?;
        // A type read through another (`try_from`) fails after its value was
        // read: the error is still that value's.
        let path = value.path.clone();
        seed.deserialize(value).map_err(|error| error.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An array's items, each read strictly.
struct Items {
    items: std::iter::Enumerate<std::vec::IntoIter<Value>>,
    path: String,
}

impl Items {
    /// Refuses items the visitor leaves unread (a tuple's stops at its
    /// length), as serde_json does.
    fn visit<'de, V: Visitor<'de>>(items: Vec<Value>, path: String, visitor: V) -> Result<V::Value, Error> {
        let len = items.len();
        let mut items = Items { items: items.into_iter().enumerate(), path };
        let value = visitor.visit_seq(&mut items)?;
        match items.items.len() {
            0 => Ok(value),
            _ => Err(de::Error::invalid_length(len, &"fewer elements in array")),
        }
    }
}

impl<'de> SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            Some((index, value)) => {
                let path = format!("{}[{index}]", self.path);
                seed.deserialize(Strict { value, path: path.clone() }).map(Some).map_err(|error| error.at(&path))
            }
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An enum written as `{"variant": content}`.
struct Variant {
    variant: String,
    content: Strict,
}

impl<'de> EnumAccess<'de> for Variant {
    type Error = Error;
    type Variant = Strict;

    /// An unknown variant is the key at fault, like an unknown field.
    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Strict), Error> {
        let variant = seed.deserialize(StringDeserializer::<Error>::new(self.variant)).map_err(|error| error.at(&self.content.path))?;
        Ok((variant, self.content))
    }
}

impl<'de> VariantAccess<'de> for Strict {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::from_value;
    use serde::Deserialize;
    use serde_json::json;
    use std::collections::BTreeMap;

    /// Like the store's request types: nested structs, some without
    /// `deny_unknown_fields`, an alias, defaults, an externally tagged enum.
    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Order {
        lines: Vec<Line>,
        #[serde(default)]
        rule: Option<Rule>,
        #[serde(default)]
        notes: BTreeMap<String, Line>,
        #[serde(default)]
        pair: Option<(u8, u8)>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Line {
        #[serde(alias = "product")]
        product_id: u32,
        #[serde(default)]
        quantity: i64,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Rule {
        Anyone,
        SiteIn(Vec<u32>),
        Tenure { months: u32 },
    }

    /// The path and message of the error reading `value` as an `Order`.
    fn refused(value: serde_json::Value) -> (String, String) {
        let error = from_value::<Order>(value).unwrap_err();
        (error.path().to_owned(), error.to_string())
    }

    #[test]
    fn what_the_types_accept_is_read_as_serde_reads_it() {
        let order = json!({"lines": [{"product_id": 1, "quantity": 2}, {"product": 3}], "rule": {"tenure": {"months": 6}}, "pair": [1, 2], "notes": {"a": {"product_id": 4}}});
        let read: Order = from_value(order).unwrap();
        assert_eq!(read.lines, [Line { product_id: 1, quantity: 2 }, Line { product_id: 3, quantity: 0 }], "an alias and a default");
        assert_eq!((read.rule, read.pair), (Some(Rule::Tenure { months: 6 }), Some((1, 2))));
        assert_eq!(read.notes["a"], Line { product_id: 4, quantity: 0 });
        let rules: Vec<Option<Rule>> = from_value(json!(["anyone", {"site_in": [1]}, null])).unwrap();
        assert_eq!(rules, [Some(Rule::Anyone), Some(Rule::SiteIn(vec![1])), None]);
    }

    #[test]
    fn an_unknown_key_is_refused_at_any_depth_and_named_by_its_path() {
        let (path, message) = refused(json!({"lines": [{"product_id": 1}, {"product_id": 2, "qty": 1}]}));
        assert_eq!((path.as_str(), message.as_str()), ("lines[1].qty", "unknown field `qty`, expected one of `product`, `product_id`, `quantity`"));
        assert_eq!(refused(json!({"lines": [], "line": []})).0, "line");
        assert_eq!(refused(json!({"lines": [], "notes": {"a": {"product_id": 4, "x": 0}}})).0, "notes.a.x");
        assert_eq!(refused(json!({"lines": [], "rule": {"tenure": {"months": 6, "days": 1}}})).0, "rule.tenure.days");
    }

    #[test]
    fn an_array_is_refused_wherever_a_struct_belongs() {
        assert_eq!(refused(json!({"lines": [[1, 2]]})), ("lines[0]".to_owned(), "invalid type: sequence, expected struct Line".to_owned()));
        assert_eq!(refused(json!([[]])).0, "", "the whole body");
        assert_eq!(refused(json!({"lines": [], "rule": {"tenure": [6]}})).0, "rule.tenure");
        assert_eq!(refused(json!({"lines": [], "pair": [1, 2, 3]})).0, "pair", "a tuple of two is not three");
    }

    #[test]
    fn a_missing_field_is_named_under_its_struct() {
        assert_eq!(refused(json!({"lines": [{"quantity": 1}]})), ("lines[0].product_id".to_owned(), "missing field `product_id`".to_owned()));
        assert_eq!(refused(json!({})).0, "lines");
    }

    #[test]
    fn a_wrong_value_is_named_where_it_is() {
        assert_eq!(refused(json!({"lines": [{"product_id": 1}, {"product_id": -1}]})).0, "lines[1].product_id");
        assert_eq!(refused(json!({"lines": [], "rule": {"site_in": [1, "2"]}})).0, "rule.site_in[1]");
        assert_eq!(refused(json!({"lines": "none"})).0, "lines");
    }

    /// Read as text, then converted: the conversion can still refuse it.
    #[derive(Debug, Deserialize)]
    #[serde(try_from = "String")]
    struct Even(#[allow(dead_code)] u32);

    impl TryFrom<String> for Even {
        type Error = &'static str;

        fn try_from(text: String) -> Result<Even, &'static str> {
            text.parse().ok().filter(|n| n % 2 == 0).map(Even).ok_or("not an even number")
        }
    }

    #[test]
    fn a_value_its_type_refuses_after_reading_it_is_named_where_it_is() {
        let listed: Result<Vec<Even>, _> = from_value(json!(["2", "3"]));
        assert_eq!(listed.unwrap_err().path(), "[1]");
        let named: Result<std::collections::BTreeMap<String, Vec<Even>>, _> = from_value(json!({"a": ["4"], "b": ["6", "7"]}));
        let error = named.unwrap_err();
        assert_eq!((error.path(), error.to_string().as_str()), ("b[1]", "not an even number"));
    }

    #[test]
    fn an_enum_names_an_unknown_variant_and_refuses_two_at_once() {
        let (path, message) = refused(json!({"lines": [], "rule": {"site": [1]}}));
        assert_eq!(path, "rule.site", "the key at fault, like an unknown field");
        assert!(message.starts_with("unknown variant `site`"), "{message}");
        assert_eq!(refused(json!({"lines": [], "rule": "everyone"})).0, "rule");
        assert_eq!(refused(json!({"lines": [], "rule": {"anyone": null, "site_in": [1]}})).0, "rule");
        assert_eq!(refused(json!({"lines": [], "rule": "site_in"})).0, "rule", "a variant with content needs it");
    }

    #[test]
    fn text_holding_a_nul_character_is_refused_where_it_is() {
        let names: Result<Vec<String>, _> = from_value(json!(["fine", "n\u{0}o"]));
        let error = names.unwrap_err();
        assert_eq!((error.path(), error.to_string().as_str()), ("[1]", "text must not contain the NUL character (U+0000)"));
        let notes: Result<std::collections::BTreeMap<String, String>, _> = from_value(json!({"a": "x\u{0}"}));
        assert_eq!(notes.unwrap_err().path(), "a");
    }
}
