//! Metadata removed from pictures published unchanged.
//!
//! A phone photo's EXIF holds where it was taken (GPS), when, and the camera's serial number;
//! XMP and IPTC hold the photographer's notes. None of that belongs on a manufacturer's
//! site. Pictures the site resizes are encoded from pixels and carry none of it; this module
//! covers the others (static pictures no content field names, the print copies passed
//! through), without re-encoding: only the metadata blocks are dropped. The colour profile is
//! kept, and so is the orientation (as a minimal EXIF block holding nothing else).

use img_parts::{Bytes, ImageEXIF};

/// A minimal big-endian EXIF block holding only the orientation tag.
fn orientation_only(orientation: u8) -> Bytes {
    let mut b = Vec::with_capacity(26);
    b.extend_from_slice(b"MM\0*");
    b.extend_from_slice(&8u32.to_be_bytes());
    b.extend_from_slice(&1u16.to_be_bytes()); // one entry
    b.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
    b.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    b.extend_from_slice(&1u32.to_be_bytes());
    b.extend_from_slice(&(orientation as u16).to_be_bytes());
    b.extend_from_slice(&[0, 0]);
    b.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    Bytes::from(b)
}

/// The picture without EXIF (but its orientation), XMP, IPTC and comments, or `None` when it
/// cannot be parsed (it is then published as it is: the load already checked it).
pub fn jpeg(src: &[u8]) -> Option<Vec<u8>> {
    let orientation = super::probe::probe_bytes(src, false)
        .map(|p| p.orientation)
        .unwrap_or(1);
    let mut jpeg = img_parts::jpeg::Jpeg::from_bytes(Bytes::copy_from_slice(src)).ok()?;
    // APP1: EXIF and XMP; APP13: Photoshop/IPTC; COM: comments.
    jpeg.segments_mut()
        .retain(|s| !matches!(s.marker(), 0xE1 | 0xED | 0xFE));
    if orientation != 1 {
        jpeg.set_exif(Some(orientation_only(orientation)));
    }
    Some(jpeg.encoder().bytes().to_vec())
}

/// Any picture format brochure publishes unchanged; other files are returned as they are.
pub fn metadata(src: &[u8]) -> Option<Vec<u8>> {
    use super::probe::Format;
    let probe = super::probe::probe_bytes(src, false).ok()?;
    match probe.format {
        Format::Jpeg => jpeg(src),
        Format::Png => {
            let mut png = img_parts::png::Png::from_bytes(Bytes::copy_from_slice(src)).ok()?;
            png.chunks_mut()
                .retain(|c| !matches!(&c.kind(), b"eXIf" | b"tEXt" | b"iTXt" | b"zTXt" | b"tIME"));
            Some(png.encoder().bytes().to_vec())
        }
        Format::Webp => {
            let mut webp = img_parts::webp::WebP::from_bytes(Bytes::copy_from_slice(src)).ok()?;
            webp.set_exif(None);
            webp.remove_chunks_by_id(*b"XMP ");
            Some(webp.encoder().bytes().to_vec())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn drops_exif_but_keeps_the_orientation() {
        let mut out = Vec::new();
        let img = image::RgbImage::from_pixel(4, 2, image::Rgb([200, 10, 10]));
        let _ = image::DynamicImage::from(img).write_to(
            &mut std::io::Cursor::new(&mut out),
            image::ImageFormat::Jpeg,
        );
        // Insert an EXIF block with orientation 6 and a fake GPS text.
        let mut jpeg = img_parts::jpeg::Jpeg::from_bytes(out.into()).expect("jpeg");
        let mut exif = super::orientation_only(6).to_vec();
        exif.extend_from_slice(b"GPS 55.75N 37.61E");
        img_parts::ImageEXIF::set_exif(&mut jpeg, Some(exif.into()));
        let with = jpeg.encoder().bytes().to_vec();
        assert!(with.windows(3).any(|w| w == b"GPS"));
        let stripped = super::jpeg(&with).expect("stripped");
        assert!(!stripped.windows(3).any(|w| w == b"GPS"));
        let p = super::super::probe::probe_bytes(&stripped, false).expect("probe");
        assert_eq!((p.orientation, p.width, p.height), (6, 2, 4));
    }
}
