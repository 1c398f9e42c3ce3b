//! Text and lists that every finding of a rule carries alike (its id, name,
//! rationale, elements, source, help link and suggestions). A report of a
//! long draft holds a thousand findings; sharing these makes each copy a
//! pointer copy, not an allocation. In JSON they are plain strings and
//! arrays, so the report's shape and schema are unchanged.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An immutable string that is cheap to clone. Reads as a `&str`, compares
/// with `str` and `String`, and serialises as a JSON string.
#[derive(Clone, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SharedText(Arc<str>);

/// In a schema it is a string, as it was before it was shared.
impl JsonSchema for SharedText {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        String::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

impl SharedText {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedText {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl Default for SharedText {
    fn default() -> Self {
        SharedText(Arc::from(""))
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl From<String> for SharedText {
    fn from(text: String) -> Self {
        SharedText(Arc::from(text))
    }
}

impl From<&str> for SharedText {
    fn from(text: &str) -> Self {
        SharedText(Arc::from(text))
    }
}

impl From<SharedText> for String {
    fn from(text: SharedText) -> Self {
        text.0.to_string()
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &Self) -> bool {
        // Findings of one rule share one allocation: no need to read it.
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Eq for SharedText {}

impl std::hash::Hash for SharedText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for SharedText {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<SharedText> for str {
    fn eq(&self, other: &SharedText) -> bool {
        self == &*other.0
    }
}

impl PartialEq<SharedText> for &str {
    fn eq(&self, other: &SharedText) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<SharedText> for String {
    fn eq(&self, other: &SharedText) -> bool {
        **self == *other.0
    }
}

/// An immutable list that is cheap to clone: reads as a slice, serialises as
/// a JSON array.
pub type SharedList<T> = Arc<[T]>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_text_reads_compares_and_serialises_as_a_string() {
        let a = SharedText::from("trans-inclusive");
        let b = SharedText::from(String::from("trans-inclusive"));
        assert_eq!(a, b, "equal text in two allocations");
        assert_eq!(a, "trans-inclusive");
        assert_eq!("trans-inclusive", a);
        assert_ne!(a, SharedText::from("trans"));
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"trans-inclusive\"");
        let back: SharedText = serde_json::from_str("\"x\\u00e9\"").unwrap();
        assert_eq!(back.as_str(), "xé");
        assert_eq!(format!("{a} {a:?}"), "trans-inclusive \"trans-inclusive\"");
        let list: SharedList<String> = vec!["3.1".to_owned()].into();
        assert_eq!(serde_json::to_string(&list).unwrap(), "[\"3.1\"]");
    }

    #[test]
    fn shared_text_has_the_schema_of_a_string() {
        let text = schemars::schema_for!(SharedText);
        let string = schemars::schema_for!(String);
        assert_eq!(text.as_value(), string.as_value());
        let list = schemars::schema_for!(SharedList<String>);
        let vec = schemars::schema_for!(Vec<String>);
        assert_eq!(list.get("type"), vec.get("type"));
        assert_eq!(list.get("items"), vec.get("items"));
    }
}
