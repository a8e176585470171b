//! Rendering of a laid-out chart to a scene, SVG and PNG.
