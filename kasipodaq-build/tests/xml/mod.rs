//! XML read with a real parser (quick-xml), for the tests of the feeds and
//! the sitemap: [`parse`] reads a document to its end and gives its elements.

// Each test file uses what it needs of this.
#![allow(dead_code)]

use quick_xml::{
    escape::resolve_predefined_entity,
    events::{BytesStart, Event},
    Reader, XmlVersion,
};

/// An element as quick-xml read it: its qualified name, attributes (values
/// unescaped), child elements and text (entities resolved).
#[derive(Debug)]
pub struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    pub fn children(&self, name: &str) -> Vec<&Element> {
        self.children.iter().filter(|child| child.name == name).collect()
    }

    /// The only child named `name`.
    pub fn only(&self, name: &str) -> &Element {
        let found = self.children(name);
        assert_eq!(found.len(), 1, "one <{name}> in <{}>: {self:?}", self.name);
        found[0]
    }

    /// The text of the only child named `name`.
    pub fn text_of(&self, name: &str) -> &str {
        &self.only(name).text
    }
}

fn element(start: &BytesStart<'_>) -> Result<Element, String> {
    let name = String::from_utf8(start.name().as_ref().to_vec()).map_err(|e| e.to_string())?;
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| format!("<{name}>: {e}"))?;
        let key = String::from_utf8(attribute.key.as_ref().to_vec()).map_err(|e| e.to_string())?;
        // quick-xml lets a raw `<` through; XML does not.
        if attribute.value.contains(&b'<') {
            return Err(format!("<{name} {key}>: `<` in an attribute value"));
        }
        let value = attribute.normalized_value(XmlVersion::Explicit1_0).map_err(|e| format!("<{name} {key}>: {e}"))?;
        attributes.push((key, value.into_owned()));
    }
    Ok(Element { name, attributes, children: Vec::new(), text: String::new() })
}

/// Reads `xml` to its end with quick-xml; panics, saying why, unless it is
/// well formed ([`try_parse`]).
pub fn parse(xml: &str) -> Element {
    try_parse(xml).unwrap_or_else(|problem| panic!("not well-formed XML: {problem}\n{xml}"))
}

/// Reads `xml` to its end with quick-xml: it must be well formed (one root,
/// every tag closed by its own name, attributes unique and quoted, only
/// XML's own entities and character references), start with an XML
/// declaration, and hold nothing but elements and text (no comment, CDATA,
/// processing instruction or DOCTYPE: the site writes none).
pub fn try_parse(xml: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(xml);
    let mut open: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut declared = false;
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|e| format!("at byte {position}: {e}"))?;
        let closed = match event {
            Event::Decl(_) if position == 0 => {
                declared = true;
                None
            }
            Event::Start(start) => {
                open.push(element(&start)?);
                None
            }
            Event::Empty(start) => Some(element(&start)?),
            // The reader checks that the name is the open element's.
            Event::End(_) => Some(open.pop().ok_or("an end tag with no start")?),
            Event::Text(text) => {
                let text = text.decode().map_err(|e| e.to_string())?;
                match open.last_mut() {
                    Some(element) => element.text.push_str(&text),
                    None if text.trim().is_empty() => {}
                    None => return Err(format!("text outside the root element: {text:?}")),
                }
                None
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = reference.decode().map_err(|e| e.to_string())?;
                        resolve_predefined_entity(&name)
                            .ok_or(format!("&{name}; is not one of XML's predefined entities"))?
                            .to_string()
                    }
                };
                open.last_mut().ok_or("a reference outside the root element")?.text.push_str(&resolved);
                None
            }
            Event::Eof => break,
            other => return Err(format!("at byte {position}: {other:?}")),
        };
        match (closed, open.last_mut()) {
            (Some(element), Some(parent)) => parent.children.push(element),
            (Some(element), None) if root.is_none() => root = Some(element),
            (Some(element), None) => return Err(format!("a second root element <{}>", element.name)),
            (None, _) => {}
        }
    }
    if let Some(element) = open.last() {
        return Err(format!("<{}> is not closed", element.name));
    }
    if !declared {
        return Err("no XML declaration at the start".into());
    }
    root.ok_or_else(|| "no root element".into())
}
