//! Rendering of a laid-out chart: the [`scene::Scene`] every painter draws,
//! SVG text ([`svg`]), PNG images ([`png`]), PDF pages ([`pdf`]) and fitting onto printed pages
//! ([`page`]).

pub mod page;
pub mod pdf;
pub mod png;
pub mod scene;
pub mod svg;

pub use scene::{Anchor, Color, Dash, Mark, Primitive, Scene, SceneOptions, TitleBlock};

/// Why a chart could not be rendered.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RenderError {
    #[error(
        "the chart would be {width}×{height} px; the largest image is {max}×{max} px (lower the DPI or pick a page size)"
    )]
    TooLarge { width: u64, height: u64, max: u32 },
    #[error("cannot draw the chart: {0}")]
    Svg(String),
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
    #[error(
        "no part of the chart fits on page {page} at text of at least {min_pt} pt (the widest box does not fit); pick a larger page"
    )]
    DoesNotFit { page: String, min_pt: f32 },
}
