//! PDF/X-4: what a print shop's preflight looks for, added to the PDF Typst wrote.
//!
//! Typst writes sound PDFs for the press (fonts embedded, CMYK colours, a TrimBox when the
//! page has bleed) but knows no PDF/X. A preflight rejects a file without an OutputIntent
//! (it cannot know what the colours mean), without `GTS_PDFXVersion` in the Info dictionary
//! and the XMP metadata, with `/Trapped` missing, or whose bleed is not declared (a missing
//! BleedBox defaults to the MediaBox, and imposition then takes the slug with the crop marks
//! for bleed). [`make_x4`] adds exactly those, with `lopdf`, leaving the page content alone.
//! Typst itself is asked for PDF 1.6, the version PDF/X-4 is built on, so the file uses
//! nothing newer.
//!
//! The output condition is FOGRA39 (coated offset paper), with a profile made from free
//! measurement data (see `icc/README.md`).
//!
//! Drawings placed as SVG (the logo, illustrations) arrive in RGB: a RIP would separate the
//! logo's red into whatever its default conversion gives (14/100/92/4 next to the brand's
//! 0/92/77/22) and its greys into four inks. [`make_x4`] therefore also recolours vector
//! colours: the RGB values the site maps (`[print.colors]`) become their exact CMYK, and
//! greys become black ink alone. Photos keep their ICC colours for the RIP to convert.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use std::collections::BTreeSet;

/// An RGB colour (0–255 each) of vector art and the CMYK (0–1 each) to print it in.
pub type ColorMap = [([u8; 3], [f32; 4])];

/// The CMYK characterisation embedded as the OutputIntent's `DestOutputProfile`.
pub const OUTPUT_PROFILE: &[u8] = include_bytes!("icc/FOGRA39L.icc");
/// The registered name of the printing condition (ICC characterisation registry).
pub const OUTPUT_CONDITION: &str = "FOGRA39";
const OUTPUT_CONDITION_INFO: &str = "Coated FOGRA39 (ISO 12647-2:2004)";
const REGISTRY: &str = "http://www.color.org";
/// The value of `GTS_PDFXVersion`.
pub const VERSION: &str = "PDF/X-4";

/// Makes `pdf` a PDF/X-4 file: an OutputIntent with [`OUTPUT_PROFILE`], `GTS_PDFXVersion`
/// and `/Trapped /False` in the Info dictionary and the XMP metadata, and on every page a
/// BleedBox `bleed_pt` outside the TrimBox (inside the MediaBox). A page without a TrimBox
/// (no bleed) gets the MediaBox as both. Errors are the PDF library's, for a file Typst wrote:
/// the caller reports them as an internal error.
pub fn make_x4(pdf: &[u8], bleed_pt: f64, colors: &ColorMap) -> Result<Vec<u8>, String> {
    let mut doc = Document::load_mem(pdf).map_err(|e| format!("reading the PDF: {e}"))?;
    recolor(&mut doc, colors)?;
    set_boxes(&mut doc, bleed_pt)?;
    add_output_intent(&mut doc)?;
    let title = set_info(&mut doc)?;
    set_xmp(&mut doc, &title)?;
    let mut out = Vec::with_capacity(pdf.len() + OUTPUT_PROFILE.len());
    doc.save_to(&mut out)
        .map_err(|e| format!("writing the PDF: {e}"))?;
    Ok(out)
}

/// Vector colours in CMYK: mapped RGB values to their CMYK, greys to black ink alone. Content
/// streams of pages and of forms (where SVG drawings land) are rewritten; anything else
/// (patterns, photos, CMYK already) is left as it is.
fn recolor(doc: &mut Document, colors: &ColorMap) -> Result<(), String> {
    let mut streams: BTreeSet<ObjectId> = BTreeSet::new();
    for page in doc.get_pages().into_values() {
        streams.extend(doc.get_page_contents(page));
    }
    for (id, object) in &doc.objects {
        if let Object::Stream(s) = object
            && s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form".as_slice())
        {
            streams.insert(*id);
        }
    }
    for id in streams {
        let Ok(Object::Stream(stream)) = doc.get_object_mut(id) else {
            continue;
        };
        let data = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        let Ok(mut content) = Content::decode(&data) else {
            continue;
        };
        let mut changed = false;
        for op in &mut content.operations {
            if let Some(new) = recolored(op, colors) {
                *op = new;
                changed = true;
            }
        }
        if changed {
            let bytes = content
                .encode()
                .map_err(|e| format!("writing a content stream: {e}"))?;
            stream.dict.remove(b"Filter");
            stream.dict.remove(b"DecodeParms");
            stream.set_content(bytes);
            let _ = stream.compress();
        }
    }
    Ok(())
}

/// The CMYK operation for a colour-setting `op`, if it sets an RGB colour the map knows or a
/// grey.
fn recolored(op: &Operation, colors: &ColorMap) -> Option<Operation> {
    let stroke = match op.operator.as_str() {
        "sc" | "scn" | "rg" | "g" => false,
        "SC" | "SCN" | "RG" | "G" => true,
        _ => return None,
    };
    let values: Vec<f32> = op
        .operands
        .iter()
        .map(|o| o.as_float().ok())
        .collect::<Option<Vec<_>>>()?;
    let cmyk = match values.as_slice() {
        [grey] => [0.0, 0.0, 0.0, 1.0 - grey.clamp(0.0, 1.0)],
        [r, g, b] => {
            let rgb = [r, g, b].map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8);
            colors.iter().find(|(from, _)| *from == rgb)?.1
        }
        _ => return None,
    };
    Some(Operation::new(
        if stroke { "K" } else { "k" },
        cmyk.iter().map(|v| Object::Real(*v)).collect(),
    ))
}

fn rect(doc: &Document, page: &Dictionary, key: &[u8]) -> Option<[f64; 4]> {
    let array = page.get_deref(key, doc).ok()?.as_array().ok()?;
    let mut r = [0.0; 4];
    for (slot, value) in r.iter_mut().zip(array) {
        *slot = match value {
            Object::Integer(i) => *i as f64,
            Object::Real(f) => f64::from(*f),
            _ => return None,
        };
    }
    (array.len() == 4).then_some(r)
}

fn rect_object(r: [f64; 4]) -> Object {
    // Two decimals: a hundredth of a point is far below what a press can register.
    Object::Array(
        r.iter()
            .map(|v| Object::Real(((v * 100.0).round() / 100.0) as f32))
            .collect(),
    )
}

fn set_boxes(doc: &mut Document, bleed_pt: f64) -> Result<(), String> {
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    for id in pages {
        let page = doc
            .get_dictionary(id)
            .map_err(|e| format!("page {id:?}: {e}"))?;
        // Typst writes the MediaBox on each page; an inherited one would be on the parent.
        let media = rect(doc, page, b"MediaBox").unwrap_or([0.0, 0.0, 595.28, 841.89]);
        let trim = rect(doc, page, b"TrimBox");
        let (trim, bleed) = match trim {
            Some(t) => {
                let (x0, y0) = (media[0].min(media[2]), media[1].min(media[3]));
                let (x1, y1) = (media[0].max(media[2]), media[1].max(media[3]));
                let b = [
                    (t[0] - bleed_pt).max(x0),
                    (t[1] - bleed_pt).max(y0),
                    (t[2] + bleed_pt).min(x1),
                    (t[3] + bleed_pt).min(y1),
                ];
                (t, b)
            }
            None => (media, media),
        };
        let page = doc
            .get_dictionary_mut(id)
            .map_err(|e| format!("page {id:?}: {e}"))?;
        page.set("TrimBox", rect_object(trim));
        page.set("BleedBox", rect_object(bleed));
    }
    Ok(())
}

fn add_output_intent(doc: &mut Document) -> Result<(), String> {
    let mut profile = Stream::new(
        Dictionary::from_iter(vec![("N", Object::Integer(4))]),
        OUTPUT_PROFILE.to_vec(),
    );
    // A 247 KB table; deflated, 133 KB in every brochure.
    let _ = profile.compress();
    let profile_id = doc.add_object(profile);
    let intent = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFX".to_vec())),
        ("OutputConditionIdentifier", literal(OUTPUT_CONDITION)),
        ("OutputCondition", literal(OUTPUT_CONDITION_INFO)),
        ("Info", literal(OUTPUT_CONDITION_INFO)),
        ("RegistryName", literal(REGISTRY)),
        ("DestOutputProfile", Object::Reference(profile_id)),
    ]);
    let intent_id = doc.add_object(intent);
    let catalog = doc
        .catalog_mut()
        .map_err(|e| format!("the document catalog: {e}"))?;
    // A PDF/A intent Typst wrote would describe an RGB screen: PDF/X wants one intent.
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Reference(intent_id)]),
    );
    Ok(())
}

/// Sets the PDF/X keys of the Info dictionary; returns the title (PDF/X-4 requires one).
fn set_info(doc: &mut Document) -> Result<String, String> {
    let info_id = match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => id,
        Err(_) => {
            let id = doc.add_object(Dictionary::new());
            doc.trailer.set("Info", Object::Reference(id));
            id
        }
    };
    let info = doc
        .get_dictionary_mut(info_id)
        .map_err(|e| format!("the Info dictionary: {e}"))?;
    info.set("GTS_PDFXVersion", literal(VERSION));
    info.set("Trapped", Object::Name(b"False".to_vec()));
    if !info.has(b"ModDate")
        && let Ok(created) = info.get(b"CreationDate").cloned()
    {
        info.set("ModDate", created);
    }
    let title = match info.get(b"Title") {
        Ok(Object::String(bytes, _)) => decode_pdf_text(bytes),
        _ => String::new(),
    };
    if title.is_empty() {
        info.set("Title", literal("brochure"));
        return Ok("brochure".into());
    }
    Ok(title)
}

/// A PDF text string: UTF-16BE with a byte order mark, or PDFDocEncoding (Latin-1 is close
/// enough for a title).
fn decode_pdf_text(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

/// An ASCII string as a PDF literal string object.
fn literal(s: &str) -> Object {
    Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
}

/// Adds the PDF/X identification to the XMP packet (a second `rdf:Description`, which XMP
/// allows), creating the packet when there is none.
fn set_xmp(doc: &mut Document, title: &str) -> Result<(), String> {
    const PDFX: &str = concat!(
        "<rdf:Description rdf:about=\"\"",
        " xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"",
        " xmlns:pdfx=\"http://ns.adobe.com/pdfx/1.3/\"",
        " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"",
        " xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">",
        "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
        "<pdfx:GTS_PDFXVersion>PDF/X-4</pdfx:GTS_PDFXVersion>",
        "<pdf:Trapped>False</pdf:Trapped>",
        // PDF/X-4 asks for a version and the rendition this file is (the final one).
        "<xmpMM:VersionID>1</xmpMM:VersionID>",
        "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>",
        "</rdf:Description>"
    );
    let existing = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Metadata").ok())
        .and_then(|m| m.as_reference().ok());
    let packet = existing
        .and_then(|id| doc.get_object(id).ok())
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| {
            s.decompressed_content()
                .ok()
                .or_else(|| Some(s.content.clone()))
        })
        .and_then(|bytes| String::from_utf8(bytes).ok());
    let xml = match packet {
        Some(xml) if xml.contains("</rdf:RDF>") => {
            // Typst's packet may say some of these already (a "proof" rendition): one
            // value each, ours.
            let mut xml = xml;
            for name in ["pdf:Trapped", "xmpMM:VersionID", "xmpMM:RenditionClass"] {
                xml = strip_element(&xml, name);
            }
            xml.replacen("</rdf:RDF>", &format!("{PDFX}</rdf:RDF>"), 1)
        }
        _ => format!(
            concat!(
                "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>",
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
                "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">",
                "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>",
                "</rdf:Description>{}</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"
            ),
            quick_xml::escape::escape(title),
            PDFX
        ),
    };
    let stream = Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xml.into_bytes(),
    );
    match existing {
        Some(id) => {
            if let Ok(slot) = doc.get_object_mut(id) {
                *slot = Object::Stream(stream);
            }
        }
        None => {
            let id = doc.add_object(stream);
            doc.catalog_mut()
                .map_err(|e| format!("the document catalog: {e}"))?
                .set("Metadata", Object::Reference(id));
        }
    }
    Ok(())
}

/// `xml` without the elements (or attributes) named `name`.
fn strip_element(xml: &str, name: &str) -> String {
    let mut out = xml.to_string();
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    while let Some(start) = out.find(&open) {
        let Some(end) = out[start..].find(&close) else {
            break;
        };
        out.replace_range(start..start + end + close.len(), "");
    }
    let attribute = format!(" {name}=\"");
    while let Some(start) = out.find(&attribute) {
        let value = start + attribute.len();
        let Some(end) = out[value..].find('"') else {
            break;
        };
        out.replace_range(start..value + end + 1, "");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_output_profile_is_a_cmyk_output_profile() {
        // ICC header: device class at 12, colour space at 16, connection space at 20.
        assert_eq!(&OUTPUT_PROFILE[12..16], b"prtr");
        assert_eq!(&OUTPUT_PROFILE[16..20], b"CMYK");
        assert_eq!(&OUTPUT_PROFILE[36..40], b"acsp");
        let size = u32::from_be_bytes([
            OUTPUT_PROFILE[0],
            OUTPUT_PROFILE[1],
            OUTPUT_PROFILE[2],
            OUTPUT_PROFILE[3],
        ]);
        assert_eq!(size as usize, OUTPUT_PROFILE.len());
    }

    #[test]
    fn mapped_rgb_and_greys_become_cmyk_other_colours_stay() {
        let map = [([200, 16, 46], [0.0, 0.92, 0.77, 0.22])];
        let op = |name: &str, v: &[f32]| {
            Operation::new(name, v.iter().map(|x| Object::Real(*x)).collect())
        };
        let red = recolored(
            &op("scn", &[200.0 / 255.0, 16.0 / 255.0, 46.0 / 255.0]),
            &map,
        );
        assert_eq!(red.map(|o| o.operator), Some("k".to_string()));
        let grey = recolored(&op("SCN", &[0.2]), &map).expect("grey");
        assert_eq!(grey.operator, "K");
        assert_eq!(grey.operands[3].as_float().ok(), Some(0.8));
        // An RGB colour the site did not map, a CMYK one and a pattern stay.
        assert!(recolored(&op("scn", &[0.1, 0.5, 0.9]), &map).is_none());
        assert!(recolored(&op("k", &[0.0, 0.0, 0.0, 1.0]), &map).is_none());
        let pattern = Operation::new("scn", vec![Object::Name(b"p0".to_vec())]);
        assert!(recolored(&pattern, &map).is_none());
    }

    #[test]
    fn strips_an_element_and_an_attribute() {
        let xml = r#"<a pdf:Trapped="Unknown" b="1"><pdf:Trapped>Unknown</pdf:Trapped><c/></a>"#;
        assert_eq!(strip_element(xml, "pdf:Trapped"), r#"<a b="1"><c/></a>"#);
    }

    #[test]
    fn decodes_utf16_titles() {
        let mut bytes = vec![0xfe, 0xff];
        for u in "Каталог".encode_utf16() {
            bytes.extend(u.to_be_bytes());
        }
        assert_eq!(decode_pdf_text(&bytes), "Каталог");
        assert_eq!(decode_pdf_text(b"Catalog"), "Catalog");
    }
}
