//! The pixel work: decode one picture, turn it upright and into sRGB, resize it, encode it.
//!
//! Pure functions of the source bytes and the settings, so their results can be kept in the
//! build cache under a hash of both. The steps are ordered for speed: a 24-megapixel photo is
//! shrunk once to the largest size anything needs, and only that copy is rotated, colour
//! converted and shrunk further (every later step then works on a tenth of the pixels).

use super::probe::{Format, Probe, Problem};
use super::{Settings, Variant};
use fast_image_resize as fr;

/// Decoded pixels, 8 bits a sample, rows top to bottom without padding.
#[derive(Clone)]
pub(crate) struct Pixels {
    pub width: u32,
    pub height: u32,
    /// 3 (RGB), 4 (RGBA, or CMYK for print copies).
    pub channels: u8,
    pub data: Vec<u8>,
}

fn damaged(format: Format, e: impl std::fmt::Display) -> Problem {
    Problem::new(
        format!(
            "the file is damaged or not a complete {} picture: {e}",
            format.name()
        ),
        "open it in an image viewer; if it does not show completely, copy or export it again",
    )
}

/// What decoding gives besides the pixels.
struct Decoded {
    pixels: Pixels,
    icc: Option<Vec<u8>>,
}

/// Decodes RGB(A) pixels as stored (not yet turned upright), with limits that hold even when
/// the header lied about the size.
fn decode_rgb(src: &[u8], probe: &Probe) -> Result<Decoded, Problem> {
    use image::ImageDecoder;
    if probe.cmyk {
        return decode_cmyk(src, probe).map(|(pixels, icc)| {
            let rgb = cmyk_to_srgb(&pixels, icc.as_deref());
            Decoded {
                pixels: rgb,
                icc: None,
            }
        });
    }
    check_complete(src, probe)?;
    let format = match probe.format {
        Format::Jpeg => image::ImageFormat::Jpeg,
        Format::Png => image::ImageFormat::Png,
        Format::Webp => image::ImageFormat::WebP,
        Format::Tiff => image::ImageFormat::Tiff,
        other => return Err(damaged(other, "not a photo format")),
    };
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(src), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(super::probe::MAX_SIDE);
    limits.max_image_height = Some(super::probe::MAX_SIDE);
    limits.max_alloc = Some(super::probe::MAX_PIXELS * 8);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| damaged(probe.format, e))?;
    let icc = decoder.icc_profile().ok().flatten();
    let image = image::DynamicImage::from_decoder(decoder).map_err(|e| damaged(probe.format, e))?;
    let pixels = if probe.alpha && image.color().has_alpha() {
        let rgba = image.into_rgba8();
        Pixels {
            width: rgba.width(),
            height: rgba.height(),
            channels: 4,
            data: rgba.into_raw(),
        }
    } else {
        let rgb = image.into_rgb8();
        Pixels {
            width: rgb.width(),
            height: rgb.height(),
            channels: 3,
            data: rgb.into_raw(),
        }
    };
    Ok(Decoded { pixels, icc })
}

/// A JPEG or PNG cut short (an interrupted copy) is refused: decoders fill the missing rows
/// with grey and carry on, and the site would show half a machine.
fn check_complete(src: &[u8], probe: &Probe) -> Result<(), Problem> {
    let complete = match probe.format {
        // The end-of-image marker, allowing for trailers cameras append (within the last 4 MB).
        Format::Jpeg => {
            let tail = &src[src.len().saturating_sub(4 << 20)..];
            tail.windows(2).any(|w| w == [0xFF, 0xD9])
        }
        Format::Png => src.windows(4).rev().take(64 << 10).any(|w| w == b"IEND"),
        _ => true,
    };
    if complete {
        Ok(())
    } else {
        Err(damaged(
            probe.format,
            "the file ends early (it was cut short)",
        ))
    }
}

/// CMYK JPEG samples as stored (Adobe's inverted convention: 255 is no ink), with its profile.
fn decode_cmyk(src: &[u8], probe: &Probe) -> Result<(Pixels, Option<Vec<u8>>), Problem> {
    use zune_core::bytestream::ZCursor;
    use zune_core::colorspace::ColorSpace;
    use zune_core::options::DecoderOptions;
    check_complete(src, probe)?;
    let options = DecoderOptions::default()
        .jpeg_set_out_colorspace(ColorSpace::CMYK)
        .set_max_width(super::probe::MAX_SIDE as usize)
        .set_max_height(super::probe::MAX_SIDE as usize);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(src), options);
    let data = decoder
        .decode()
        .map_err(|e| damaged(Format::Jpeg, format!("{e:?}")))?;
    let (w, h) = decoder
        .dimensions()
        .ok_or_else(|| damaged(Format::Jpeg, "no size"))?;
    if data.len() != w * h * 4 {
        return Err(damaged(Format::Jpeg, "its colours are not CMYK"));
    }
    Ok((
        Pixels {
            width: w as u32,
            height: h as u32,
            channels: 4,
            data,
        },
        decoder.icc_profile(),
    ))
}

/// CMYK (stored, inverted) to sRGB through the file's own profile, or the plain formula when it
/// has none.
fn cmyk_to_srgb(cmyk: &Pixels, icc: Option<&[u8]>) -> Pixels {
    let n = (cmyk.width * cmyk.height) as usize;
    let mut rgb = vec![0u8; n * 3];
    let through_profile = icc
        .and_then(|icc| moxcms::ColorProfile::new_from_slice(icc).ok())
        .and_then(|profile| {
            profile
                .create_transform_8bit(
                    moxcms::Layout::Rgba,
                    &moxcms::ColorProfile::new_srgb(),
                    moxcms::Layout::Rgb,
                    moxcms::TransformOptions::default(),
                )
                .ok()
        })
        .and_then(|t| {
            let ink: Vec<u8> = cmyk.data.iter().map(|v| 255 - v).collect();
            t.transform(&ink, &mut rgb).ok()
        });
    if through_profile.is_none() {
        for (px, out) in cmyk.data.chunks_exact(4).zip(rgb.chunks_exact_mut(3)) {
            // Stored inverted: 255 - ink. RGB = (1 - c)(1 - k) = stored_c * stored_k.
            let k = px[3] as u32;
            for i in 0..3 {
                out[i] = ((px[i] as u32 * k + 127) / 255) as u8;
            }
        }
    }
    Pixels {
        width: cmyk.width,
        height: cmyk.height,
        channels: 3,
        data: rgb,
    }
}

/// Converts pixels in the colour space of `icc` to sRGB (nothing to do without a profile, or
/// when the profile cannot be read: browsers assume sRGB).
fn to_srgb(pixels: &mut Pixels, icc: Option<&[u8]>) {
    let Some(profile) = icc.and_then(|icc| moxcms::ColorProfile::new_from_slice(icc).ok()) else {
        return;
    };
    let layout = if pixels.channels == 4 {
        moxcms::Layout::Rgba
    } else {
        moxcms::Layout::Rgb
    };
    let Ok(transform) = profile.create_transform_8bit(
        layout,
        &moxcms::ColorProfile::new_srgb(),
        layout,
        moxcms::TransformOptions::default(),
    ) else {
        return;
    };
    let mut out = vec![0u8; pixels.data.len()];
    if transform.transform(&pixels.data, &mut out).is_ok() {
        pixels.data = out;
    }
}

/// Shrinks (never enlarges) to `width` × `height` with Lanczos3; the alpha channel, if any,
/// is premultiplied so edges do not get dark fringes.
fn resize(src: &Pixels, width: u32, height: u32) -> Pixels {
    if width >= src.width && height >= src.height {
        return src.clone();
    }
    resample(src, width, height, None)
}

/// The middle of a `width` × `height` picture in the proportions of `target` (`w`, `h`): its
/// crop box (`left`, `top`, `width`, `height`) and the size it is shown at, `target` or the
/// crop's own size when that is smaller (never enlarged).
pub(crate) fn cover_box(width: u32, height: u32, target: (u32, u32)) -> ([f64; 4], (u32, u32)) {
    let ratio = target.0 as f64 / target.1 as f64;
    let (sw, sh) = (width as f64, height as f64);
    let (cw, ch) = if sw / sh > ratio {
        (sh * ratio, sh)
    } else {
        (sw, sw / ratio)
    };
    let size = if cw >= target.0 as f64 {
        target
    } else {
        (cw.floor().max(1.0) as u32, ch.floor().max(1.0) as u32)
    };
    ([(sw - cw) / 2.0, (sh - ch) / 2.0, cw, ch], size)
}

/// Cuts the middle of the picture to the proportions of `width` × `height`, then shrinks it
/// to that size (or keeps its own size when it is smaller).
fn cover(src: &Pixels, width: u32, height: u32) -> Pixels {
    let (crop, (w, h)) = cover_box(src.width, src.height, (width, height));
    resample(src, w, h, Some(crop))
}

/// `src` (or its `crop` box) resampled to `width` × `height` with Lanczos3.
fn resample(src: &Pixels, width: u32, height: u32, crop: Option<[f64; 4]>) -> Pixels {
    let pixel_type = match src.channels {
        4 => fr::PixelType::U8x4,
        _ => fr::PixelType::U8x3,
    };
    let made = fr::images::ImageRef::new(src.width, src.height, &src.data, pixel_type)
        .ok()
        .and_then(|view| {
            let mut dst = fr::images::Image::new(width, height, pixel_type);
            let mut options = fr::ResizeOptions::new().use_alpha(src.channels == 4);
            if let Some([left, top, w, h]) = crop {
                options = options.crop(left, top, w, h);
            }
            fr::Resizer::new()
                .resize(&view, &mut dst, &options)
                .ok()
                .map(|()| dst.into_vec())
        });
    match made {
        Some(data) => Pixels {
            width,
            height,
            channels: src.channels,
            data,
        },
        None => src.clone(),
    }
}

/// Applies an EXIF orientation (1–8) to the pixels themselves: the files written carry no
/// EXIF, so the rotation must be in the pixels.
pub(crate) fn orient(src: Pixels, orientation: u8) -> Pixels {
    if !(2..=8).contains(&orientation) {
        return src;
    }
    let (w, h, c) = (
        src.width as usize,
        src.height as usize,
        src.channels as usize,
    );
    let swap = orientation >= 5;
    let (ow, oh) = if swap { (h, w) } else { (w, h) };
    let mut out = vec![0u8; src.data.len()];
    for y in 0..h {
        for x in 0..w {
            // Where the stored pixel (x, y) goes in the upright picture (EXIF 2.3, table 4).
            let (nx, ny) = match orientation {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (h - 1 - y, x),
                7 => (h - 1 - y, w - 1 - x),
                _ => (y, w - 1 - x),
            };
            let from = (y * w + x) * c;
            let to = (ny * ow + nx) * c;
            out[to..to + c].copy_from_slice(&src.data[from..from + c]);
        }
    }
    Pixels {
        width: ow as u32,
        height: oh as u32,
        channels: src.channels,
        data: out,
    }
}

/// The stored size that becomes `width` wide once upright.
fn stored_size(probe: &Probe, pixels: &Pixels, width: u32) -> (u32, u32) {
    let upright_h = scaled_height(probe.width, probe.height, width);
    let (w, h) = if probe.orientation >= 5 {
        (upright_h, width)
    } else {
        (width, upright_h)
    };
    (w.min(pixels.width).max(1), h.min(pixels.height).max(1))
}

/// The height of a picture `w` × `h` shrunk to `width` wide, rounded as browsers do.
pub fn scaled_height(w: u32, h: u32, width: u32) -> u32 {
    ((h as u64 * width as u64 + w as u64 / 2) / w.max(1) as u64).max(1) as u32
}

/// Lossy WebP through libwebp (deterministic: one thread, its default method).
fn webp(p: &Pixels, quality: f32) -> Result<Vec<u8>, Problem> {
    let (w, h) = (p.width as i32, p.height as i32);
    let stride = w * p.channels as i32;
    let mut out: *mut u8 = std::ptr::null_mut();
    // SAFETY: `p.data` holds exactly `height` rows of `stride` bytes (built that way above);
    // libwebp allocates `out` and we free it with WebPFree after copying.
    let len = unsafe {
        if p.channels == 4 {
            libwebp_sys::WebPEncodeRGBA(p.data.as_ptr(), w, h, stride, quality, &mut out)
        } else {
            libwebp_sys::WebPEncodeRGB(p.data.as_ptr(), w, h, stride, quality, &mut out)
        }
    };
    if out.is_null() || len == 0 {
        return Err(Problem::new(
            "the WebP encoder failed on this picture",
            "report this as a bug in brochure",
        ));
    }
    // SAFETY: libwebp returned `len` valid bytes at `out`.
    let bytes = unsafe { std::slice::from_raw_parts(out, len) }.to_vec();
    // SAFETY: `out` was allocated by libwebp.
    unsafe { libwebp_sys::WebPFree(out.cast()) };
    Ok(bytes)
}

/// Progressive JPEG (RGB) or CMYK JPEG with its profile (print).
fn jpeg(p: &Pixels, quality: u8, cmyk_icc: Option<&[u8]>) -> Result<Vec<u8>, Problem> {
    let failed = |e: jpeg_encoder::EncodingError| {
        Problem::new(
            format!("the JPEG encoder failed on this picture: {e}"),
            "report this as a bug in brochure",
        )
    };
    let (Ok(w), Ok(h)) = (u16::try_from(p.width), u16::try_from(p.height)) else {
        return Err(Problem::new(
            "the picture is too large for a JPEG copy (over 65,535 pixels a side)",
            "scale it down",
        ));
    };
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
    encoder.set_progressive(cmyk_icc.is_none() && p.channels == 3);
    let color = match p.channels {
        4 if cmyk_icc.is_some() => {
            if let Some(icc) = cmyk_icc.filter(|i| !i.is_empty()) {
                encoder.add_icc_profile(icc).map_err(failed)?;
            }
            jpeg_encoder::ColorType::Cmyk
        }
        4 => jpeg_encoder::ColorType::Rgba,
        _ => jpeg_encoder::ColorType::Rgb,
    };
    encoder.encode(&p.data, w, h, color).map_err(failed)?;
    Ok(out)
}

fn png(p: &Pixels) -> Result<Vec<u8>, Problem> {
    use image::ImageEncoder;
    let mut out = Vec::new();
    let color = if p.channels == 4 {
        image::ExtendedColorType::Rgba8
    } else {
        image::ExtendedColorType::Rgb8
    };
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&p.data, p.width, p.height, color)
        .map_err(|e| {
            Problem::new(
                format!("the PNG encoder failed: {e}"),
                "report this as a bug in brochure",
            )
        })?;
    Ok(out)
}

/// Drops transparency onto white (JPEG has none).
fn flatten(p: &Pixels) -> Pixels {
    if p.channels != 4 {
        return p.clone();
    }
    let data = p
        .data
        .chunks_exact(4)
        .flat_map(|px| {
            let a = px[3] as u32;
            [0, 1, 2].map(|i| ((px[i] as u32 * a + 255 * (255 - a) + 127) / 255) as u8)
        })
        .collect();
    Pixels {
        width: p.width,
        height: p.height,
        channels: 3,
        data,
    }
}

/// Every file the site shows of one picture: each width as WebP, the fallback widths as JPEG
/// (PNG when it has transparency), and the social preview. In [`super::web_variants`] order.
pub fn web_files(
    src: &[u8],
    probe: &Probe,
    settings: &Settings,
) -> Result<Vec<(Variant, Vec<u8>)>, Problem> {
    let decoded = decode_rgb(src, probe)?;
    let widths = settings.widths_for(probe);
    let largest = widths
        .iter()
        .copied()
        .max()
        .unwrap_or(probe.width)
        .max(settings.social.0.min(probe.width));
    let (w, h) = stored_size(probe, &decoded.pixels, largest);
    let mut base = orient(resize(&decoded.pixels, w, h), probe.orientation);
    to_srgb(&mut base, decoded.icc.as_deref());
    let mut files = Vec::new();
    for variant in super::web_variants(probe, settings) {
        let bytes = match variant {
            Variant::Webp(width) | Variant::Fallback(width) => {
                let sized = resize(&base, width, scaled_height(base.width, base.height, width));
                if matches!(variant, Variant::Webp(_)) {
                    webp(&sized, settings.quality as f32)?
                } else if probe.alpha {
                    png(&sized)?
                } else {
                    jpeg(&sized, settings.quality, None)?
                }
            }
            Variant::Social => {
                let social = cover(&flatten(&base), settings.social.0, settings.social.1);
                jpeg(&social, settings.quality, None)?
            }
        };
        files.push((variant, bytes));
    }
    Ok(files)
}

/// The copy a PDF embeds: at most `long_side` pixels on its longer side (the theme's largest
/// placement at 300 ppi), upright, always as JPEG. Transparency is flattened onto white paper:
/// a lossless PNG with a soft mask would triple the datasheet, and PDF/X before X-4 refuses
/// transparency anyway. A CMYK JPEG stays CMYK with its profile; a JPEG small enough already
/// is passed through with its EXIF and XMP removed.
pub fn print_copy(
    src: &[u8],
    probe: &Probe,
    long_side: u32,
    quality: u8,
) -> Result<Vec<u8>, Problem> {
    let small_enough = probe.width.max(probe.height) <= long_side;
    if probe.format == Format::Jpeg && small_enough && probe.orientation == 1 {
        check_complete(src, probe)?;
        return Ok(super::strip::jpeg(src).unwrap_or_else(|| src.to_vec()));
    }
    let scale = long_side as f64 / probe.width.max(probe.height) as f64;
    let target = |p: &Pixels| -> (u32, u32) {
        if scale >= 1.0 {
            (p.width, p.height)
        } else {
            (
                ((p.width as f64 * scale).round() as u32).max(1),
                ((p.height as f64 * scale).round() as u32).max(1),
            )
        }
    };
    if probe.cmyk {
        let (stored, icc) = decode_cmyk(src, probe)?;
        let (w, h) = target(&stored);
        let mut small = orient(resize(&stored, w, h), probe.orientation);
        // jpeg-encoder writes Adobe's inverted samples itself: give it ink amounts.
        small.data.iter_mut().for_each(|v| *v = 255 - *v);
        return jpeg(&small, quality, Some(icc.as_deref().unwrap_or(&[])));
    }
    let decoded = decode_rgb(src, probe)?;
    let (w, h) = target(&decoded.pixels);
    let mut small = orient(resize(&decoded.pixels, w, h), probe.orientation);
    to_srgb(&mut small, decoded.icc.as_deref());
    jpeg(&flatten(&small), quality, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orientation_moves_pixels_where_exif_says() {
        // 2 × 1: red, green.
        let p = Pixels {
            width: 2,
            height: 1,
            channels: 3,
            data: vec![255, 0, 0, 0, 255, 0],
        };
        let turned = orient(p.clone(), 6);
        assert_eq!((turned.width, turned.height), (1, 2));
        assert_eq!(turned.data, vec![255, 0, 0, 0, 255, 0]);
        let mirrored = orient(p, 2);
        assert_eq!(mirrored.data, vec![0, 255, 0, 255, 0, 0]);
    }

    #[test]
    fn heights_round_like_browsers() {
        assert_eq!(scaled_height(6000, 4000, 320), 213);
        assert_eq!(scaled_height(3, 2, 1), 1);
    }
}
