//! What a picture is, read from its first bytes alone: format, size as shown (after the EXIF
//! orientation), transparency and CMYK. Nothing is decoded.
//!
//! The site's HTML needs each picture's size and variant widths, and bad files must be reported
//! at the YAML or Markdown line that names them before anything is rendered. Decoding a
//! 24-megapixel photo takes a fifth of a second; reading its header takes microseconds, so the
//! load can look at every picture every time (a preview reloads in milliseconds).

use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};

/// The most pixels a picture may have. Decoding needs 4 bytes a pixel: a 74-byte PNG that
/// claims 100,000 × 100,000 pixels asks for 40 GB. 100 megapixels is more than any camera a
/// catalog needs (a 24-megapixel photo is 6000 × 4000).
pub const MAX_PIXELS: u64 = 100_000_000;
/// The longest side a picture may have (a panorama of 20,000 × 5,000 is fine).
pub const MAX_SIDE: u32 = 30_000;
/// The largest picture file brochure reads (a 100-megapixel TIFF is about 300 MB; a JPEG of
/// that size is a fraction of it).
pub const MAX_FILE_BYTES: u64 = 200 << 20;

/// Picture formats, told apart by their first bytes (not by the file's extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
    Tiff,
    Gif,
    Svg,
}

impl Format {
    /// Whether the site shows resized copies of it (GIFs may be animated and SVGs scale).
    pub fn is_photo(self) -> bool {
        matches!(
            self,
            Format::Jpeg | Format::Png | Format::Webp | Format::Tiff
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::Webp => "WebP",
            Format::Tiff => "TIFF",
            Format::Gif => "GIF",
            Format::Svg => "SVG",
        }
    }
}

/// The facts about one picture file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Probe {
    pub format: Format,
    /// Width as shown: the EXIF orientation is applied (a portrait photo stored sideways is
    /// taller than wide here).
    pub width: u32,
    pub height: u32,
    /// EXIF orientation, 1–8 (1: as stored).
    pub orientation: u8,
    /// Whether the file can hold transparency (its fallback copy is then a PNG, not a JPEG).
    pub alpha: bool,
    /// A CMYK (or YCCK) JPEG: printed as CMYK, converted to sRGB for the web.
    pub cmyk: bool,
    /// The file's size in bytes.
    pub bytes: u64,
}

/// Why a picture cannot be used, with a hint for the person who put it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub hint: String,
}

impl Problem {
    pub fn new(message: impl Into<String>, hint: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

const SAVE_AS: &str =
    "open it in an image editor and save it again as JPEG (photos) or PNG (drawings, transparency)";

/// Reads the facts of a picture file on disk (`svg`: the name ends in `.svg`).
pub fn probe_file(path: &std::path::Path, svg: bool) -> Result<Probe, Problem> {
    let file = std::fs::File::open(path).map_err(|e| {
        Problem::new(
            format!("cannot read the file: {e}"),
            "check that it exists and can be read",
        )
    })?;
    let bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
    probe_reader(BufReader::new(file), bytes, svg)
}

/// [`probe_file`] for bytes in memory (the built-in theme's files, tests).
pub fn probe_bytes(data: &[u8], svg: bool) -> Result<Probe, Problem> {
    probe_reader(std::io::Cursor::new(data), data.len() as u64, svg)
}

fn probe_reader<R: BufRead + Seek>(mut r: R, bytes: u64, svg: bool) -> Result<Probe, Problem> {
    if bytes == 0 {
        return Err(Problem::new(
            "the file is empty (0 bytes)",
            "copy the picture again; the copy was probably interrupted",
        ));
    }
    if bytes > MAX_FILE_BYTES {
        return Err(Problem::new(
            format!(
                "the file is {:.0} MB, more than the {} MB a picture may have",
                bytes as f64 / 1e6,
                MAX_FILE_BYTES >> 20
            ),
            "save a smaller copy (a 24-megapixel JPEG is 5–15 MB)",
        ));
    }
    let mut head = [0u8; 32];
    let n = read_up_to(&mut r, &mut head);
    let head = &head[..n];
    let format = match sniff(head) {
        Sniffed::Format(f) => f,
        Sniffed::Unsupported(what) => {
            return Err(Problem::new(
                format!("{what} pictures cannot be read by brochure"),
                SAVE_AS,
            ));
        }
        Sniffed::Unknown if svg => Format::Svg,
        Sniffed::Unknown => {
            return Err(Problem::new(
                "the file is not a picture brochure can read (not JPEG, PNG, WebP, TIFF, GIF or SVG)",
                SAVE_AS,
            ));
        }
    };
    let damaged = |e: String| {
        Problem::new(
            format!(
                "the file is damaged or not a complete {} picture: {e}",
                format.name()
            ),
            "open it in an image viewer; if it does not show, copy or export it again",
        )
    };
    if format == Format::Svg {
        return Ok(Probe {
            format,
            width: 0,
            height: 0,
            orientation: 1,
            alpha: true,
            cmyk: false,
            bytes,
        });
    }
    let _ = r.seek(SeekFrom::Start(0));
    let size = imagesize::reader_size(&mut r).map_err(|e| damaged(e.to_string()))?;
    let (w, h) = (size.width as u64, size.height as u64);
    if w == 0 || h == 0 {
        return Err(damaged("it says it has no pixels".into()));
    }
    if w * h > MAX_PIXELS || w > MAX_SIDE as u64 || h > MAX_SIDE as u64 {
        return Err(Problem::new(
            format!(
                "the picture is {w} × {h} pixels ({:.0} million), more than the 100 million a build can safely open",
                (w * h) as f64 / 1e6
            ),
            "scale it down to at most 100 million pixels (e.g. 8000 × 6000); a 24-megapixel photo is plenty for print",
        ));
    }
    let (mut alpha, mut cmyk) = (false, false);
    match format {
        Format::Png => alpha = png_alpha(&mut r).map_err(damaged)?,
        Format::Webp => alpha = webp_alpha(&mut r),
        Format::Jpeg => cmyk = jpeg_components(&mut r).map_err(damaged)? == 4,
        Format::Gif => alpha = true,
        _ => {}
    }
    let orientation = if matches!(format, Format::Gif) {
        1
    } else {
        exif_orientation(&mut r, format)
    };
    let (width, height) = if orientation >= 5 { (h, w) } else { (w, h) };
    Ok(Probe {
        format,
        width: width as u32,
        height: height as u32,
        orientation,
        alpha,
        cmyk,
        bytes,
    })
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    n
}

enum Sniffed {
    Format(Format),
    Unsupported(&'static str),
    Unknown,
}

fn sniff(head: &[u8]) -> Sniffed {
    let at = |i: usize, s: &[u8]| head.get(i..i + s.len()) == Some(s);
    if at(0, &[0xFF, 0xD8, 0xFF]) {
        Sniffed::Format(Format::Jpeg)
    } else if at(0, b"\x89PNG\r\n\x1a\n") {
        Sniffed::Format(Format::Png)
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        Sniffed::Format(Format::Webp)
    } else if at(0, b"II*\0") || at(0, b"MM\0*") {
        Sniffed::Format(Format::Tiff)
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        Sniffed::Format(Format::Gif)
    } else if at(4, b"ftyp") {
        match head.get(8..12) {
            Some(b"avif") | Some(b"avis") => Sniffed::Unsupported("AVIF"),
            _ => Sniffed::Unsupported("HEIC/HEIF"),
        }
    } else if at(0, b"BM") {
        Sniffed::Unsupported("BMP")
    } else if at(0, b"8BPS") {
        Sniffed::Unsupported("Photoshop (PSD)")
    } else if at(0, &[0xFF, 0x0A]) || at(4, b"jP  ") || at(0, &[0xFF, 0x4F, 0xFF, 0x51]) {
        Sniffed::Unsupported("JPEG XL / JPEG 2000")
    } else {
        Sniffed::Unknown
    }
}

/// PNG: colour type with alpha (4, 6) or a `tRNS` chunk before the image data.
fn png_alpha<R: Read + Seek>(r: &mut R) -> Result<bool, String> {
    r.seek(SeekFrom::Start(8)).map_err(|e| e.to_string())?;
    loop {
        let mut header = [0u8; 8];
        r.read_exact(&mut header)
            .map_err(|_| "it ends before its picture data".to_string())?;
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as i64;
        match &header[4..8] {
            b"IHDR" => {
                let mut ihdr = [0u8; 13];
                r.read_exact(&mut ihdr).map_err(|e| e.to_string())?;
                if matches!(ihdr[9], 4 | 6) {
                    return Ok(true);
                }
                r.seek(SeekFrom::Current(4)).map_err(|e| e.to_string())?;
            }
            b"tRNS" => return Ok(true),
            b"IDAT" | b"IEND" => return Ok(false),
            _ => {
                r.seek(SeekFrom::Current(len + 4))
                    .map_err(|e| e.to_string())?;
            }
        }
    }
}

/// WebP: the alpha flag of an extended (`VP8X`) file or of a lossless (`VP8L`) one.
fn webp_alpha<R: Read + Seek>(r: &mut R) -> bool {
    let mut head = [0u8; 30];
    let _ = r.seek(SeekFrom::Start(0));
    let n = read_up_to(r, &mut head);
    let head = &head[..n];
    match head.get(12..16) {
        Some(b"VP8X") => head.get(20).is_some_and(|f| f & 0x10 != 0),
        Some(b"VP8L") => head
            .get(21..25)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .is_some_and(|bits| bits & (1 << 28) != 0),
        _ => false,
    }
}

/// JPEG: the number of colour components in the frame header (4: CMYK or YCCK).
fn jpeg_components<R: Read + Seek>(r: &mut R) -> Result<u8, String> {
    r.seek(SeekFrom::Start(2)).map_err(|e| e.to_string())?;
    loop {
        let mut marker = [0u8; 2];
        r.read_exact(&mut marker)
            .map_err(|_| "it ends before its frame header".to_string())?;
        if marker[0] != 0xFF {
            return Err("a segment marker is missing".into());
        }
        let kind = marker[1];
        if kind == 0xFF {
            // Fill byte: the marker follows.
            r.seek(SeekFrom::Current(-1)).map_err(|e| e.to_string())?;
            continue;
        }
        if matches!(kind, 0xD0..=0xD9 | 0x01) {
            continue;
        }
        let mut len = [0u8; 2];
        r.read_exact(&mut len).map_err(|e| e.to_string())?;
        let len = u16::from_be_bytes(len) as i64;
        if len < 2 {
            return Err("a segment has an impossible length".into());
        }
        // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&kind) && !matches!(kind, 0xC4 | 0xC8 | 0xCC) {
            let mut sof = [0u8; 6];
            r.read_exact(&mut sof).map_err(|e| e.to_string())?;
            return Ok(sof[5]);
        }
        if kind == 0xDA {
            return Err("the picture data starts before its frame header".into());
        }
        r.seek(SeekFrom::Current(len - 2))
            .map_err(|e| e.to_string())?;
    }
}

/// The EXIF orientation (1 when there is none, or it is not 1–8).
///
/// Only the EXIF block is read: the `exif` crate's container reader scans a JPEG without EXIF
/// to its end, which for a 24-megapixel photo is 5 MB read at every build just to learn there
/// is nothing there.
fn exif_orientation<R: BufRead + Seek>(r: &mut R, format: Format) -> u8 {
    let raw = match format {
        Format::Jpeg => jpeg_exif(r),
        Format::Png => png_exif(r),
        Format::Webp => webp_exif(r),
        Format::Tiff => {
            let _ = r.seek(SeekFrom::Start(0));
            return exif::Reader::new()
                .read_from_container(r)
                .ok()
                .and_then(|e| orientation_of(&e))
                .unwrap_or(1);
        }
        _ => None,
    };
    raw.and_then(|tiff| exif::Reader::new().read_raw(tiff).ok())
        .and_then(|e| orientation_of(&e))
        .unwrap_or(1)
}

fn orientation_of(exif: &exif::Exif) -> Option<u8> {
    exif.get_field(exif::Tag::Orientation, exif::In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .filter(|o| (1..=8).contains(o))
        .map(|o| o as u8)
}

/// The TIFF data of a JPEG's `APP1 Exif` segment, found by walking the segments up to the
/// picture data.
fn jpeg_exif<R: Read + Seek>(r: &mut R) -> Option<Vec<u8>> {
    r.seek(SeekFrom::Start(2)).ok()?;
    loop {
        let mut marker = [0u8; 2];
        r.read_exact(&mut marker).ok()?;
        if marker[0] != 0xFF {
            return None;
        }
        match marker[1] {
            0xFF => {
                r.seek(SeekFrom::Current(-1)).ok()?;
                continue;
            }
            0xD0..=0xD8 | 0x01 => continue,
            // Start of scan or end of image: no EXIF before the picture data.
            0xDA | 0xD9 => return None,
            _ => {}
        }
        let mut len = [0u8; 2];
        r.read_exact(&mut len).ok()?;
        let len = u16::from_be_bytes(len) as usize;
        if len < 2 {
            return None;
        }
        if marker[1] == 0xE1 {
            let mut data = vec![0u8; len - 2];
            r.read_exact(&mut data).ok()?;
            if let Some(tiff) = data.strip_prefix(b"Exif\0\0") {
                return Some(tiff.to_vec());
            }
        } else {
            r.seek(SeekFrom::Current(len as i64 - 2)).ok()?;
        }
    }
}

/// The TIFF data of a PNG's `eXIf` chunk before the picture data.
fn png_exif<R: Read + Seek>(r: &mut R) -> Option<Vec<u8>> {
    r.seek(SeekFrom::Start(8)).ok()?;
    loop {
        let mut header = [0u8; 8];
        r.read_exact(&mut header).ok()?;
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]);
        match &header[4..8] {
            b"eXIf" if len <= 1 << 20 => {
                let mut data = vec![0u8; len as usize];
                r.read_exact(&mut data).ok()?;
                return Some(data);
            }
            b"IDAT" | b"IEND" => return None,
            _ => {
                r.seek(SeekFrom::Current(len as i64 + 4)).ok()?;
            }
        }
    }
}

/// The TIFF data of a WebP's `EXIF` chunk.
fn webp_exif<R: Read + Seek>(r: &mut R) -> Option<Vec<u8>> {
    r.seek(SeekFrom::Start(12)).ok()?;
    loop {
        let mut header = [0u8; 8];
        r.read_exact(&mut header).ok()?;
        let len = u32::from_le_bytes([header[4], header[5], header[6], header[7]]);
        if &header[0..4] == b"EXIF" && len <= 1 << 20 {
            let mut data = vec![0u8; len as usize];
            r.read_exact(&mut data).ok()?;
            // Some writers keep JPEG's `Exif\0\0` prefix.
            return Some(match data.strip_prefix(b"Exif\0\0") {
                Some(tiff) => tiff.to_vec(),
                None => data,
            });
        }
        // Chunks are padded to an even length.
        r.seek(SeekFrom::Current(len as i64 + (len & 1) as i64))
            .ok()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that counts the bytes taken from it.
    struct Counting<R> {
        inner: R,
        read: std::rc::Rc<std::cell::Cell<usize>>,
    }

    impl<R: Read> Read for Counting<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.read.set(self.read.get() + n);
            Ok(n)
        }
    }

    impl<R: Seek> Seek for Counting<R> {
        fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
            self.inner.seek(pos)
        }
    }

    fn noisy_jpeg(w: u32, h: u32, exif: Option<u16>) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([((x * 7) ^ (y * 13)) as u8, (x * y) as u8, (x + y) as u8])
        });
        let mut out = Vec::new();
        let _ = image::DynamicImage::from(img).write_to(
            &mut std::io::Cursor::new(&mut out),
            image::ImageFormat::Jpeg,
        );
        if let Some(orientation) = exif {
            // APP1 Exif, little-endian TIFF with one IFD entry: Orientation (0x0112), SHORT.
            let mut tiff = b"II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0".to_vec();
            tiff.extend_from_slice(&orientation.to_le_bytes());
            tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
            let mut app1 = vec![0xFF, 0xE1];
            app1.extend_from_slice(&((tiff.len() + 8) as u16).to_be_bytes());
            app1.extend_from_slice(b"Exif\0\0");
            app1.extend_from_slice(&tiff);
            out.splice(2..2, app1);
        }
        out
    }

    fn png(w: u32, h: u32, alpha: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let img: image::DynamicImage = if alpha {
            image::RgbaImage::new(w, h).into()
        } else {
            image::RgbImage::new(w, h).into()
        };
        let _ = img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png);
        out
    }

    #[test]
    fn a_photo_is_probed_from_its_header_not_read_whole() {
        // What is read depends on the header's segments, not on the size of the picture
        // data: a photo four times larger costs the same.
        let mut reads = Vec::new();
        for (w, h, exif) in [
            (1500, 1000, None),
            (3000, 2000, None),
            (3000, 2000, Some(6)),
        ] {
            let jpeg = noisy_jpeg(w, h, exif);
            let read = std::rc::Rc::new(std::cell::Cell::new(0));
            let reader = Counting {
                inner: std::io::Cursor::new(&jpeg),
                read: read.clone(),
            };
            let p = probe_reader(
                BufReader::with_capacity(4096, reader),
                jpeg.len() as u64,
                false,
            )
            .expect("probe");
            let upright = if exif == Some(6) {
                (h, w, 6)
            } else {
                (w, h, 1)
            };
            assert_eq!((p.width, p.height, p.orientation), upright);
            assert!(
                read.get() * 10 < jpeg.len(),
                "read {} of {} bytes",
                read.get(),
                jpeg.len()
            );
            reads.push(read.get());
        }
        assert_eq!(reads[0], reads[1], "{reads:?}");
    }

    #[test]
    fn reads_size_and_alpha_from_the_header() {
        let p = probe_bytes(&png(30, 20, true), false).expect("probe");
        assert_eq!(
            (p.format, p.width, p.height, p.alpha),
            (Format::Png, 30, 20, true)
        );
        let p = probe_bytes(&png(30, 20, false), false).expect("probe");
        assert!(!p.alpha);
    }

    #[test]
    fn refuses_empty_bombs_and_unknown_formats() {
        assert!(
            probe_bytes(&[], false)
                .unwrap_err()
                .message
                .contains("empty")
        );
        let mut bomb = png(1, 1, false);
        // IHDR width and height at bytes 16..24.
        bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let e = probe_bytes(&bomb, false).unwrap_err();
        assert!(e.message.contains("100000 × 100000"), "{e:?}");
        let e = probe_bytes(b"\0\0\0\x1cftypavif\0\0\0\0", false).unwrap_err();
        assert!(e.message.contains("AVIF"), "{e:?}");
        let e = probe_bytes(b"hello, world", false).unwrap_err();
        assert!(e.message.contains("not a picture"), "{e:?}");
    }
}
