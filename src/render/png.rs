//! PNG output: the SVG of a scene (text as the bundled font's glyph outlines,
//! see [`super::svg`]) rasterised by resvg/tiny-skia (no system fonts, no display), antialiased,
//! with the DPI written into the file's pHYs chunk so it prints at its size.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};

use super::RenderError;
use super::scene::Scene;
use super::svg::{self, Layer};
use crate::layout::Point;
use crate::layout::font::{BOLD_TTF, FAMILY, REGULAR_TTF};

/// The largest image side schemat renders, in pixels.
pub const MAX_SIDE: u32 = 30_000;
/// The largest image area schemat renders, in pixels (about 1.2 GB of RGBA at most).
pub const MAX_PIXELS: u64 = 300_000_000;

/// Resolution and size of a PNG.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PngOptions {
    /// Dots per inch, written into the file.
    pub dpi: f32,
    /// Drawing size relative to the chart's natural size (1 chart unit = 1 pt).
    pub scale: f32,
}

impl Default for PngOptions {
    fn default() -> Self {
        Self { dpi: 150.0, scale: 1.0 }
    }
}

/// The PNG of a scene at its natural size times `scale`, with a margin.
pub fn to_png(scene: &Scene, options: &PngOptions) -> Result<Vec<u8>, RenderError> {
    let view = scene.bounds.expand(svg::MARGIN);
    let layer = Layer { scene, scale: 1.0, offset: Point::new(-view.min.x, -view.min.y), clip: None };
    let svg = svg::compose_outlines(&[layer], view.width(), view.height(), "");
    rasterize(&svg, view.width() * options.scale, view.height() * options.scale, options.dpi)
}

/// Rasterises an SVG whose viewBox is `width`×`height` points wide (after
/// scaling) at `dpi`.
pub(crate) fn rasterize(svg: &str, width_pt: f32, height_pt: f32, dpi: f32) -> Result<Vec<u8>, RenderError> {
    let px_per_pt = dpi / 72.0;
    let (w, h) = ((width_pt * px_per_pt).ceil().max(1.0), (height_pt * px_per_pt).ceil().max(1.0));
    let (wu, hu) = (w as u64, h as u64);
    if !(w.is_finite() && h.is_finite()) || wu > u64::from(MAX_SIDE) || hu > u64::from(MAX_SIDE) || wu * hu > MAX_PIXELS
    {
        return Err(RenderError::TooLarge { width: wu, height: hu, max: MAX_SIDE });
    }
    let options = usvg::Options { fontdb: fonts(), font_family: FAMILY.to_owned(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| RenderError::Svg(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(wu as u32, hu as u32).ok_or(RenderError::TooLarge {
        width: wu,
        height: hu,
        max: MAX_SIDE,
    })?;
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(w / size.width(), h / size.height());
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    encode(&pixmap, dpi)
}

/// The font database with only the bundled faces, loaded once.
fn fonts() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(REGULAR_TTF.to_vec());
        db.load_font_data(BOLD_TTF.to_vec());
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Encodes an opaque pixmap as 8-bit RGB with its DPI in the pHYs chunk.
fn encode(pixmap: &tiny_skia::Pixmap, dpi: f32) -> Result<Vec<u8>, RenderError> {
    let err = |e: png::EncodingError| RenderError::Encode(e.to_string());
    // The background is opaque white, so premultiplied RGBA equals plain RGB.
    let rgb: Vec<u8> = pixmap.data().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    let mut bytes = Vec::with_capacity(rgb.len() / 8);
    let mut encoder = png::Encoder::new(&mut bytes, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let per_metre = (dpi / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions { xppu: per_metre, yppu: per_metre, unit: png::Unit::Meter }));
    let mut writer = encoder.write_header().map_err(err)?;
    writer.write_image_data(&rgb).map_err(err)?;
    writer.finish().map_err(err)?;
    Ok(bytes)
}
