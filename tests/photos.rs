//! Product photos end to end: generated photos (EXIF-rotated, transparent, CMYK, large,
//! small, broken) go through a real build; the HTML is parsed, the written copies decoded,
//! and the PDFs' embedded images measured.

mod common;
use common::*;
use std::path::Path;

/// A photo-like picture: gradients, a bright block and fine texture (compresses like a photo,
/// and shows which way up it is: the block is in the top-left corner).
fn photo(w: u32, h: u32) -> image::RgbImage {
    image::RgbImage::from_fn(w, h, |x, y| {
        let noise = ((x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)) >> 7) % 23;
        if x < w / 4 && y < h / 4 {
            image::Rgb([250, 200, 0])
        } else {
            image::Rgb([
                (x * 200 / w) as u8 + noise as u8,
                (y * 200 / h) as u8 + noise as u8,
                120 + noise as u8,
            ])
        }
    })
}

fn jpeg(img: &image::RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(img)
        .expect("encode jpeg");
    out
}

/// An EXIF block (big-endian) with an orientation and a GPS-looking description.
fn exif(orientation: u16) -> Vec<u8> {
    let text = b"SECRET-GPS 55.7558N 37.6173E\0";
    let mut b = Vec::new();
    b.extend_from_slice(b"MM\0*");
    b.extend_from_slice(&8u32.to_be_bytes());
    b.extend_from_slice(&2u16.to_be_bytes());
    // ImageDescription (ASCII), its text after the IFD.
    b.extend_from_slice(&0x010Eu16.to_be_bytes());
    b.extend_from_slice(&2u16.to_be_bytes());
    b.extend_from_slice(&(text.len() as u32).to_be_bytes());
    b.extend_from_slice(&(8u32 + 2 + 2 * 12 + 4).to_be_bytes());
    b.extend_from_slice(&0x0112u16.to_be_bytes());
    b.extend_from_slice(&3u16.to_be_bytes());
    b.extend_from_slice(&1u32.to_be_bytes());
    b.extend_from_slice(&orientation.to_be_bytes());
    b.extend_from_slice(&[0, 0]);
    b.extend_from_slice(&0u32.to_be_bytes());
    b.extend_from_slice(text);
    b
}

fn with_exif(jpeg: Vec<u8>, orientation: u16) -> Vec<u8> {
    let mut j = img_parts::jpeg::Jpeg::from_bytes(jpeg.into()).expect("jpeg");
    img_parts::ImageEXIF::set_exif(&mut j, Some(exif(orientation).into()));
    j.encoder().bytes().to_vec()
}

fn cmyk_jpeg(w: u16, h: u16) -> Vec<u8> {
    let mut data = Vec::with_capacity(w as usize * h as usize * 4);
    for y in 0..h as u32 {
        for x in 0..w as u32 {
            data.extend_from_slice(&[(x % 256) as u8, (y % 256) as u8, 60, 20]);
        }
    }
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 85)
        .encode(&data, w, h, jpeg_encoder::ColorType::Cmyk)
        .expect("cmyk");
    out
}

fn transparent_png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(w, h, |x, y| {
        let inside = (x as i64 - w as i64 / 2).pow(2) + (y as i64 - h as i64 / 2).pow(2)
            < (h as i64 / 2).pow(2);
        image::Rgba([200, 30, 30, if inside { 255 } else { 0 }])
    });
    let mut out = Vec::new();
    image::DynamicImage::from(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("png");
    out
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

/// Replaces `image: images/machine.svg` of the fixture's EX-300 with `images`.
fn set_images(root: &Path, product: &str, images: &str) {
    let path = root.join(format!("content/products/{product}.yaml"));
    let text = std::fs::read_to_string(&path).expect("read");
    // Drop `image:` and a previous `images:` block (its indented lines).
    let mut in_block = false;
    let mut lines: Vec<&str> = text
        .lines()
        .filter(|l| {
            if l.starts_with("image:") || l.starts_with("images:") {
                in_block = true;
                return false;
            }
            if in_block && l.starts_with(' ') {
                return false;
            }
            in_block = false;
            true
        })
        .collect();
    lines.insert(1, images);
    std::fs::write(path, lines.join("\n") + "\n").expect("write");
}

/// The fixture with photos: EX-300 shows a rotated camera JPEG, a transparent PNG and a
/// drawing; FE-25 a CMYK JPEG.
fn site_with_photos() -> tempfile::TempDir {
    let site = fixture("basic");
    let root = site.path();
    write(
        root,
        "static/photos/rotated.jpg",
        &with_exif(jpeg(&photo(3000, 2000)), 6),
    );
    write(root, "static/photos/cutout.png", &transparent_png(500, 300));
    write(root, "static/photos/cmyk.jpg", &cmyk_jpeg(2400, 1600));
    write(root, "static/photos/small.jpg", &jpeg(&photo(800, 600)));
    set_images(
        root,
        "ex-300",
        "images:\n  - photos/rotated.jpg\n  - src: photos/cutout.png\n    alt: {en: The cab seen from the left, zh: 左侧驾驶室, ru: Кабина слева}\n  - images/machine.svg",
    );
    set_images(root, "fe-25", "images: [photos/cmyk.jpg]");
    site
}

fn public(root: &Path, rel: &str) -> Vec<u8> {
    std::fs::read(root.join("public").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn attr<'a>(e: &scraper::ElementRef<'a>, name: &str) -> &'a str {
    e.value()
        .attr(name)
        .unwrap_or_else(|| panic!("no {name} on {}", e.html()))
}

#[test]
fn a_product_page_shows_responsive_upright_copies_without_metadata() {
    let site = site_with_photos();
    let root = site.path();
    let report = build_site_no_pdf(root).expect("build");
    assert_eq!(
        (report.photos, report.photos_encoded),
        (3, 3),
        "{}",
        report.summary()
    );

    let doc = html(root, "en/products/ex-300/index.html");
    // The main picture: upright (the 3000 × 2000 photo is stored sideways), at most 1920 wide.
    let main = select(&doc, ".product-hero__media img");
    assert_eq!(main.len(), 1);
    let img = &main[0];
    assert_eq!(attr(img, "src"), "/catalog/photos/rotated-960w.jpg");
    assert_eq!((attr(img, "width"), attr(img, "height")), ("1920", "2880"));
    assert_eq!(attr(img, "fetchpriority"), "high");
    assert!(
        img.value().attr("loading").is_none(),
        "the main picture is not lazy"
    );
    assert_eq!(attr(img, "alt"), "EX-300 Excavator");
    // One fallback copy: every browser the theme supports reads the WebP `<source>`.
    assert!(img.value().attr("srcset").is_none(), "no fallback srcset");
    let source = select(&doc, ".product-hero__media picture source");
    assert_eq!(attr(&source[0], "type"), "image/webp");
    let srcset: Vec<&str> = attr(&source[0], "srcset").split(", ").collect();
    assert_eq!(
        srcset,
        [
            "/catalog/photos/rotated-320w.webp 320w",
            "/catalog/photos/rotated-640w.webp 640w",
            "/catalog/photos/rotated-960w.webp 960w",
            "/catalog/photos/rotated-1280w.webp 1280w",
            "/catalog/photos/rotated-1920w.webp 1920w"
        ]
    );
    assert!(attr(&source[0], "sizes").contains("100vw"));
    // The zoom: a plain link to the largest copy, reachable with the keyboard.
    let zoom = select(&doc, ".product-hero__media a.zoom");
    assert_eq!(attr(&zoom[0], "href"), "/catalog/photos/rotated-1920w.jpg");

    // The gallery: every picture, lazy, the transparent one with PNG fallbacks and its alt.
    let thumbs = select(&doc, ".gallery img");
    assert_eq!(thumbs.len(), 3);
    assert!(thumbs.iter().all(|t| attr(t, "loading") == "lazy"));
    assert_eq!(attr(&thumbs[1], "alt"), "The cab seen from the left");
    assert_eq!(attr(&thumbs[1], "src"), "/catalog/photos/cutout-500w.png");
    assert_eq!(
        (attr(&thumbs[1], "width"), attr(&thumbs[1], "height")),
        ("500", "300")
    );
    assert_eq!(attr(&thumbs[2], "src"), "/catalog/images/machine.svg");
    assert!(
        thumbs[2].value().attr("width").is_some(),
        "drawings reserve their size too"
    );
    let ru = html(root, "ru/products/ex-300/index.html");
    assert_eq!(attr(&select(&ru, ".gallery img")[1], "alt"), "Кабина слева");

    // The social preview.
    let og: Vec<_> = select(&doc, r#"meta[property="og:image"]"#);
    assert_eq!(
        attr(&og[0], "content"),
        "https://fixture.example/catalog/photos/rotated-social.jpg"
    );

    // The copies: each as wide as its name says, upright (the yellow block of the stored
    // top-left corner is now top-right), no EXIF.
    for (w, ext) in [320u32, 640, 960, 1280, 1920]
        .map(|w| (w, "webp"))
        .into_iter()
        .chain([(960, "jpg"), (1920, "jpg")])
    {
        let bytes = public(root, &format!("photos/rotated-{w}w.{ext}"));
        let img = image::load_from_memory(&bytes).expect("decodes");
        assert_eq!((img.width(), img.height()), (w, w * 3 / 2), "{w}w.{ext}");
        assert!(
            !bytes.windows(10).any(|x| x == b"SECRET-GPS"),
            "{w}w.{ext} keeps the EXIF"
        );
    }
    // JPEG fallbacks only where a page names one: the shown copy and the zoom's.
    for w in [320, 640, 1280] {
        assert!(
            !root
                .join(format!("public/photos/rotated-{w}w.jpg"))
                .exists(),
            "an unused {w}w.jpg fallback"
        );
    }
    let upright = image::load_from_memory(&public(root, "photos/rotated-960w.jpg"))
        .expect("decode")
        .into_rgb8();
    let top_right = upright.get_pixel(900, 40);
    let top_left = upright.get_pixel(40, 40);
    assert!(top_right[0] > 200 && top_right[2] < 80, "{top_right:?}");
    assert!(top_left[2] > 90, "{top_left:?}");
    let social = image::load_from_memory(&public(root, "photos/rotated-social.jpg")).expect("og");
    assert_eq!((social.width(), social.height()), (1200, 630));
    // Transparency survives in the WebP and the PNG fallback.
    let cut = image::load_from_memory(&public(root, "photos/cutout-320w.webp")).expect("webp");
    assert!(cut.color().has_alpha());
    assert_eq!(
        cut.to_rgba8().get_pixel(0, 0)[3],
        0,
        "the corner stays transparent"
    );
    assert!(
        !root.join("public/photos/cutout-960w.png").exists(),
        "never enlarged"
    );
    // The originals are not published (large, with EXIF); other static files still are.
    assert!(!root.join("public/photos/rotated.jpg").exists());
    assert!(root.join("public/images/machine.svg").exists());

    // Listings use the card thumbnails (lazy, with sizes for a card, up to 960 px).
    let list = html(root, "en/categories/excavators/index.html");
    let card = select(&list, ".card__media img");
    assert!(
        card.iter()
            .any(|i| attr(i, "src") == "/catalog/photos/rotated-960w.jpg"
                && attr(i, "loading") == "lazy")
    );
    let card_sources = select(&list, ".card__media source");
    assert!(
        card_sources
            .iter()
            .any(|s| attr(s, "sizes").contains("19rem")
                && attr(s, "srcset").ends_with("/catalog/photos/rotated-960w.webp 960w")),
        "a card offers the copies up to 960 px"
    );
    // Gallery thumbnails offer the copies up to 640 px.
    let thumb_sources = select(&doc, ".gallery source");
    assert!(
        thumb_sources
            .iter()
            .all(|s| !attr(s, "srcset").contains("960w") && attr(s, "sizes") == "6rem"),
        "gallery thumbnails stop at 640 px"
    );

    // A second build encodes nothing, and writes the same bytes.
    let before = snapshot(&root.join("public"));
    let again = build_site_no_pdf(root).expect("rebuild");
    assert_eq!(again.photos_encoded, 0, "{}", again.summary());
    assert_eq!(before, snapshot(&root.join("public")));
}

#[test]
fn photos_are_deterministic_without_the_cache() {
    let site = site_with_photos();
    let root = site.path();
    let mut options = options(root);
    options.no_pdf = true;
    options.no_cache = true;
    brochure::build::build(&options).expect("first");
    let first = snapshot(&root.join("public"));
    brochure::build::build(&options).expect("second");
    assert_eq!(first, snapshot(&root.join("public")));
}

/// Every image XObject of a PDF: (width, height, filter, colour components).
fn pdf_images(bytes: &[u8]) -> Vec<(i64, i64, String, i64)> {
    let doc = lopdf::Document::load_mem(bytes).expect("pdf");
    let mut out = Vec::new();
    for object in doc.objects.values() {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        let d = &stream.dict;
        if d.get(b"Subtype").and_then(|s| s.as_name()).ok() != Some(b"Image".as_slice()) {
            continue;
        }
        let num = |k: &[u8]| d.get(k).and_then(|v| v.as_i64()).unwrap_or(0);
        let filter = match d.get(b"Filter") {
            Ok(lopdf::Object::Name(n)) => String::from_utf8_lossy(n).to_string(),
            Ok(lopdf::Object::Array(a)) => a
                .iter()
                .filter_map(|n| n.as_name().ok())
                .map(|n| String::from_utf8_lossy(n).to_string())
                .collect::<Vec<_>>()
                .join(","),
            _ => String::new(),
        };
        let components = match d.get(b"ColorSpace") {
            Ok(lopdf::Object::Name(n)) if n.as_slice() == b"DeviceCMYK" => 4,
            Ok(lopdf::Object::Name(n)) if n.as_slice() == b"DeviceGray" => 1,
            Ok(lopdf::Object::Name(_)) => 3,
            Ok(lopdf::Object::Array(a)) => a
                .get(1)
                .and_then(|r| r.as_reference().ok())
                .and_then(|r| doc.get_object(r).ok())
                .and_then(|o| o.as_stream().ok())
                .and_then(|s| s.dict.get(b"N").and_then(|n| n.as_i64()).ok())
                .unwrap_or(3),
            Ok(lopdf::Object::Reference(r)) => doc
                .get_object(*r)
                .ok()
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.get(1))
                .and_then(|r| r.as_reference().ok())
                .and_then(|r| doc.get_object(r).ok())
                .and_then(|o| o.as_stream().ok())
                .and_then(|s| s.dict.get(b"N").and_then(|n| n.as_i64()).ok())
                .unwrap_or(3),
            _ => 3,
        };
        out.push((num(b"Width"), num(b"Height"), filter, components));
    }
    out
}

#[test]
fn pdfs_embed_print_copies_at_most_300_ppi_and_keep_cmyk() {
    let site = site_with_photos();
    let root = site.path();
    let report = build_site(root).expect("build");
    assert_eq!(report.photos_encoded, 3);
    // 120 mm at 300 ppi: 1418 pixels on the long side.
    let sheet = public(root, "en/products/ex-300/ex-300-en.pdf");
    let images = pdf_images(&sheet);
    let photo = images
        .iter()
        .find(|(w, h, ..)| *w == 945 && *h == 1418)
        .unwrap_or_else(|| panic!("the upright print copy is 945 × 1418: {images:?}"));
    assert_eq!(photo.2, "DCTDecode", "a JPEG, not a re-compressed bitmap");
    assert_eq!(photo.3, 3);
    assert!(
        sheet.len() < 500_000,
        "a datasheet with one photo is {} bytes",
        sheet.len()
    );
    assert!(!sheet.windows(10).any(|x| x == b"SECRET-GPS"));
    // The CMYK photo stays CMYK, downsampled to 1418 × 945.
    let cmyk = pdf_images(&public(root, "en/products/fe-25/fe-25-en.pdf"));
    assert!(
        cmyk.iter()
            .any(|(w, h, f, n)| (*w, *h, f.as_str(), *n) == (1418, 945, "DCTDecode", 4)),
        "{cmyk:?}"
    );
    // The brochure holds every print copy, none of the originals.
    let brochure = pdf_images(&public(root, "brochures/catalog.en.pdf"));
    assert!(
        brochure.iter().all(|(w, h, ..)| *w <= 1418 && *h <= 1418),
        "{brochure:?}"
    );
}

#[test]
fn pngs_print_as_jpegs_with_transparency_flattened_onto_white() {
    let site = fixture("basic");
    let root = site.path();
    write(
        root,
        "static/photos/cutout.png",
        &transparent_png(3000, 2000),
    );
    let opaque = image::DynamicImage::from(photo(640, 480));
    let mut png = Vec::new();
    opaque
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("png");
    write(root, "static/photos/opaque.png", &png);
    set_images(root, "ex-300", "images: [photos/cutout.png]");
    set_images(root, "fe-25", "images: [photos/opaque.png]");
    build_site(root).expect("build");
    let sheet = public(root, "en/products/ex-300/ex-300-en.pdf");
    // The photo and the QR code (a small grey bitmap), and no soft mask.
    let images = pdf_images(&sheet);
    let photos: Vec<_> = images.iter().filter(|i| i.3 != 1).collect();
    assert_eq!(
        photos,
        [&(1418, 945, "DCTDecode".to_string(), 3)],
        "{images:?}"
    );
    assert!(
        !sheet.windows(6).any(|w| w == b"/SMask"),
        "no transparency left"
    );
    assert!(sheet.len() < 500_000, "{} bytes", sheet.len());
    // The corner, transparent in the PNG, is white paper in the PDF.
    let doc = lopdf::Document::load_mem(&sheet).expect("pdf");
    let jpeg = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .find(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image"))
        .map(|s| s.content.clone())
        .expect("image stream");
    let print = image::load_from_memory(&jpeg).expect("jpeg").to_rgb8();
    assert!(
        print.get_pixel(5, 5).0.iter().all(|&v| v > 245),
        "white corner"
    );
    let centre = print.get_pixel(709, 472).0;
    assert!(centre[0] > 150 && centre[1] < 80, "red disc: {centre:?}");
    let small = pdf_images(&public(root, "en/products/fe-25/fe-25-en.pdf"));
    assert!(
        small.contains(&(640, 480, "DCTDecode".to_string(), 3)),
        "{small:?}"
    );
}

#[test]
fn a_small_photo_is_never_enlarged_and_its_print_warning_names_the_product_line() {
    let site = fixture("basic");
    let root = site.path();
    write(root, "static/photos/small.jpg", &jpeg(&photo(800, 600)));
    set_images(root, "fe-25", "images: [photos/small.jpg]");
    let report = build_site(root).expect("build");
    let doc = html(root, "en/products/fe-25/index.html");
    let img = &select(&doc, ".product-hero__media img")[0];
    assert_eq!(
        attr(&select(&doc, ".product-hero__media source")[0], "srcset"),
        "/catalog/photos/small-320w.webp 320w, /catalog/photos/small-640w.webp 640w, /catalog/photos/small-800w.webp 800w"
    );
    assert_eq!((attr(img, "width"), attr(img, "height")), ("800", "600"));
    let social = image::load_from_memory(&public(root, "photos/small-social.jpg")).expect("og");
    assert_eq!((social.width(), social.height()), (800, 420));
    let low: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.message.contains("too small for print"))
        .collect();
    assert_eq!(low.len(), 1, "once per picture: {low:#?}");
    assert_eq!(low[0].location.file, "content/products/fe-25.yaml");
    assert_eq!(low[0].location.line, 2);
    assert!(
        low[0].message.contains("photos/small.jpg"),
        "{}",
        low[0].message
    );
}

#[test]
fn news_covers_and_markdown_photos_are_responsive() {
    let site = fixture("basic");
    let root = site.path();
    write(root, "static/photos/visit.jpg", &jpeg(&photo(1600, 1000)));
    write(
        root,
        "static/photos/hall.jpg",
        &with_exif(jpeg(&photo(1000, 700)), 1),
    );
    let path = root.join("content/news/visit.en.md");
    let text = std::fs::read_to_string(&path).expect("read");
    let text = text.replacen(
        "---\n",
        "---\nimage: photos/visit.jpg\nimage_alt: Buyers at the plant\n",
        1,
    ) + "\n![The assembly hall](/photos/hall.jpg)\n";
    std::fs::write(&path, text).expect("write");
    let report = build_site_no_pdf(root).expect("build");
    assert_eq!(report.photos, 2, "{}", report.summary());
    let doc = html(root, "en/news/visit/index.html");
    let cover = &select(&doc, ".article__cover img")[0];
    assert_eq!(attr(cover, "alt"), "Buyers at the plant");
    assert_eq!(
        (attr(cover, "width"), attr(cover, "height")),
        ("1600", "1000")
    );
    let og = &select(&doc, r#"meta[property="og:image"]"#)[0];
    assert_eq!(
        attr(og, "content"),
        "https://fixture.example/catalog/photos/visit-social.jpg"
    );
    let body = select(&doc, ".prose picture img");
    assert_eq!(body.len(), 1);
    assert_eq!(attr(&body[0], "alt"), "The assembly hall");
    assert_eq!(attr(&body[0], "loading"), "lazy");
    assert_eq!(
        (attr(&body[0], "width"), attr(&body[0], "height")),
        ("1000", "700")
    );
    assert_eq!(attr(&body[0], "src"), "/catalog/photos/hall-960w.jpg");
    let body_source = select(&doc, ".prose picture source");
    assert!(attr(&body_source[0], "srcset").contains("/catalog/photos/hall-640w.webp 640w"));
    assert!(root.join("public/photos/hall-1000w.webp").exists());
}

/// Each bad picture fails the build at the line that names it, with a hint, and the last
/// good site stays.
#[test]
fn bad_pictures_are_located_errors_and_nothing_is_lost() {
    let site = fixture("basic");
    let root = site.path();
    build_site_no_pdf(root).expect("a good build first");
    let good = snapshot(&root.join("public"));
    let whole = jpeg(&photo(1200, 800));
    let mut bomb = transparent_png(4, 4);
    bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated.jpg",
            whole[..whole.len() / 2].to_vec(),
            "cut short",
        ),
        ("empty.jpg", Vec::new(), "the file is empty"),
        (
            "photo.avif",
            b"\0\0\0\x1cftypavif\0\0\0\0mif1avif".to_vec(),
            "AVIF pictures cannot be read",
        ),
        ("bomb.png", bomb, "100000 × 100000 pixels"),
        (
            "notes.jpg",
            b"these are not pixels".to_vec(),
            "not a picture brochure can read",
        ),
    ];
    for (name, bytes, expected) in cases {
        write(root, &format!("static/photos/{name}"), &bytes);
        set_images(
            root,
            "fe-25",
            &format!("images:\n  - images/machine.svg\n  - photos/{name}"),
        );
        let failure = build_site_no_pdf(root).expect_err(name);
        let error = failure
            .errors()
            .find(|e| e.message.contains(name))
            .unwrap_or_else(|| panic!("{name}: {:#?}", failure.diagnostics));
        assert!(
            error.message.contains(expected),
            "{name}: {}",
            error.message
        );
        assert_eq!(
            (
                error.location.file.as_str(),
                error.location.line,
                error.location.column
            ),
            ("content/products/fe-25.yaml", 4, 5),
            "{name}"
        );
        assert!(error.hint.is_some(), "{name} has a hint");
        assert_eq!(
            good,
            snapshot(&root.join("public")),
            "{name}: the last good site stays"
        );
        std::fs::remove_file(root.join(format!("static/photos/{name}"))).expect("rm");
    }
}

#[test]
fn a_missing_alt_text_is_a_warning_at_the_alt() {
    let site = fixture("basic");
    let root = site.path();
    write(root, "static/photos/a.png", &transparent_png(100, 80));
    set_images(
        root,
        "fe-25",
        "images:\n  - src: photos/a.png\n    alt: {en: A red disc}",
    );
    let report = build_site_no_pdf(root).expect("build");
    let missing: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.message.contains("alt text"))
        .collect();
    assert_eq!(missing.len(), 2, "zh and ru: {missing:#?}");
    assert_eq!(
        (missing[0].location.line, missing[0].location.column),
        (4, 10)
    );
    assert!(missing.iter().any(|w| w.message.contains("(ru)")));
}

#[test]
fn unreferenced_static_photos_lose_their_metadata() {
    let site = fixture("basic");
    let root = site.path();
    write(
        root,
        "static/downloads/plant.jpg",
        &with_exif(jpeg(&photo(200, 100)), 6),
    );
    build_site_no_pdf(root).expect("build");
    let copied = public(root, "downloads/plant.jpg");
    assert!(!copied.windows(10).any(|x| x == b"SECRET-GPS"));
    // Still shown the right way up.
    let probe = brochure::images::probe::probe_bytes(&copied, false).expect("probe");
    assert_eq!(
        (probe.orientation, probe.width, probe.height),
        (6, 100, 200)
    );
}

/// Sets a file's modification time, as an old photo copied from a camera has.
fn set_modified(path: &Path, time: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open")
        .set_modified(time)
        .expect("set time");
}

#[test]
fn a_rebuild_reads_no_unchanged_photo_and_still_sees_a_changed_one() {
    let site = fixture("basic");
    let root = site.path();
    let path = root.join("static/photos/a.jpg");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let first_bytes = jpeg(&photo(1200, 800));
    write(root, "static/photos/a.jpg", &first_bytes);
    set_modified(&path, old);
    set_images(root, "ex-300", "images: [photos/a.jpg]");
    let first = build_site(root).expect("first build");
    assert_eq!((first.photos_hashed, first.photos_encoded), (1, 1));
    // Same size and time: known without reading a byte of it.
    let second = build_site(root).expect("second build");
    assert_eq!((second.photos_hashed, second.photos_encoded), (0, 0));
    // Other pixels, padded to the same length and given back the old time (as a tool that
    // keeps times would): on Unix the change time still moves, so the photo is read again.
    if cfg!(unix) {
        let mut other = jpeg(&image::RgbImage::from_pixel(
            1200,
            800,
            image::Rgb([0, 90, 200]),
        ));
        assert!(other.len() < first_bytes.len());
        other.resize(first_bytes.len(), 0);
        std::fs::write(&path, &other).expect("write");
        set_modified(&path, old);
        let third = build_site(root).expect("third build");
        assert_eq!((third.photos_hashed, third.photos_encoded), (1, 1));
        let copy = image::load_from_memory(&public(root, "photos/a-960w.jpg")).expect("jpeg");
        let px = copy.to_rgb8().get_pixel(160, 100).0;
        assert!(
            px[2] > 150 && px[0] < 40,
            "the new picture is published: {px:?}"
        );
    }
    // A photo saved just now is hashed again on the next build, however it is stamped: its
    // time may not have ticked since the last save.
    std::fs::write(&path, &first_bytes).expect("write");
    let fresh = build_site(root).expect("fresh build");
    assert_eq!(fresh.photos_hashed, 1);
    let again = build_site(root).expect("again");
    assert_eq!(
        again.photos_hashed, 1,
        "modified under 3 s ago: not trusted yet"
    );
}
