//! Rendering: SVG and PNG are deterministic, valid and sized as asked, the
//! PNG carries its DPI, Polish letters render as real glyphs with the
//! bundled font, and page fitting never prints text below 7 pt.

mod layout_fixture;

use std::io::Cursor;

use schemat::i18n::Lang;
use schemat::layout::font::{self, Weight};
use schemat::layout::{self, LayoutOptions, Point, Rect};
use schemat::model::{Document, UnitId};
use schemat::render::page::{self, Furniture, MIN_TEXT_PT, Page};
use schemat::render::png::{PngOptions, to_png};
use schemat::render::scene::{self, Anchor, Color, Mark, Primitive, Scene, SceneOptions, TextRun};
use schemat::render::svg;

struct Decoded {
    width: u32,
    height: u32,
    pixels_per_metre: Option<u32>,
    rgb: Vec<u8>,
}

fn decode(bytes: &[u8]) -> Decoded {
    let mut reader = png::Decoder::new(Cursor::new(bytes)).read_info().unwrap();
    let pixels_per_metre = reader.info().pixel_dims.map(|d| {
        assert_eq!(d.unit, png::Unit::Meter);
        assert_eq!(d.xppu, d.yppu);
        d.xppu
    });
    let mut rgb = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut rgb).unwrap();
    assert_eq!(frame.color_type, png::ColorType::Rgb);
    rgb.truncate(frame.buffer_size());
    Decoded { width: frame.width, height: frame.height, pixels_per_metre, rgb }
}

fn annex_scene(doc: &Document) -> (layout::ChartLayout, Scene) {
    let chart = layout::layout(doc, &LayoutOptions::for_document(doc));
    let scene = scene::build(doc, &chart, &SceneOptions::annex(doc, Lang::Pl));
    (chart, scene)
}

#[test]
fn same_input_gives_byte_identical_svg_and_png() {
    let doc = layout_fixture::department();
    let (_, a) = annex_scene(&doc);
    let (_, b) = annex_scene(&doc.clone());
    assert_eq!(svg::to_svg(&a), svg::to_svg(&b));
    let options = PngOptions { dpi: 72.0, scale: 1.0 };
    assert_eq!(to_png(&a, &options).unwrap(), to_png(&b, &options).unwrap());
}

#[test]
fn png_has_the_asked_size_and_dpi() {
    let doc = layout_fixture::department();
    let (_, scene) = annex_scene(&doc);
    let view = scene.bounds.expand(svg::MARGIN);
    for (dpi, scale) in [(150.0f32, 1.0f32), (96.0, 0.5)] {
        let png = decode(&to_png(&scene, &PngOptions { dpi, scale }).unwrap());
        assert_eq!(png.width, (view.width() * scale * dpi / 72.0).ceil() as u32);
        assert_eq!(png.height, (view.height() * scale * dpi / 72.0).ceil() as u32);
        assert_eq!(png.pixels_per_metre, Some((dpi / 0.0254).round() as u32));
    }
    // On a page, the image is the page: A4 landscape at 100 dpi.
    let (chart, scene) = (layout::layout(&doc, &LayoutOptions::for_document(&doc)), bare_scene(&doc));
    let sheets = page::sheets(&scene, &chart, &furniture(&doc), &"a4-landscape".parse().unwrap()).unwrap();
    let png = decode(&sheets[0].to_png(100.0).unwrap());
    assert_eq!((png.width, png.height), (1170, 827));
    assert_eq!(png.pixels_per_metre, Some(3937));
}

fn bare_scene(doc: &Document) -> Scene {
    let chart = layout::layout(doc, &LayoutOptions::for_document(doc));
    scene::build(doc, &chart, &SceneOptions::default())
}

fn furniture(doc: &Document) -> Furniture {
    Furniture { title: SceneOptions::annex(doc, Lang::Pl).title, legend: true, lang: Lang::Pl }
}

/// A scene of one text run on a white square.
fn label(text: &str) -> Scene {
    let bounds = Rect::from_min_max(Point::new(0.0, 0.0), Point::new(120.0, 30.0));
    let run = TextRun {
        origin: Point::new(60.0, 20.0),
        text: text.to_owned(),
        size: 14.0,
        weight: Weight::Regular,
        color: Color::BLACK,
        anchor: Anchor::Middle,
    };
    Scene { primitives: vec![Primitive::Text(run)], bounds }
}

fn ink(scene: &Scene) -> Vec<u8> {
    decode(&to_png(scene, &PngOptions { dpi: 144.0, scale: 1.0 }).unwrap()).rgb
}

#[test]
fn polish_letters_render_as_glyphs_with_the_bundled_font() {
    let letters = "ąęłóśżźćńĄĘŁÓŚŻŹĆŃ";
    for weight in [Weight::Regular, Weight::Bold] {
        for ch in letters.chars() {
            assert!(font::face(weight).has_glyph(ch), "{ch} is in the bundled font");
        }
    }
    let missing = '\u{4E2D}'; // a CJK character DejaVu does not have: drawn as .notdef
    assert!(!font::face(Weight::Regular).has_glyph(missing));
    let blank = ink(&label(""));
    let notdef = ink(&label(&missing.to_string()));
    assert_ne!(notdef, blank, "even .notdef draws something, so the comparisons below mean something");
    for (polish, plain) in "ąęłóśżźćń".chars().zip("aelószzcn".chars()) {
        let drawn = ink(&label(&polish.to_string()));
        assert_ne!(drawn, blank, "{polish} draws pixels");
        assert_ne!(drawn, notdef, "{polish} is not the .notdef box");
        if polish != 'ó' || plain != 'ó' {
            assert_ne!(drawn, ink(&label(&plain.to_string())), "{polish} has its diacritic");
        }
    }
}

#[test]
fn a_boxs_label_changes_pixels_inside_the_box() {
    let doc = layout_fixture::department();
    let chart = layout::layout(&doc, &LayoutOptions::for_document(&doc));
    let with_text = scene::build(&doc, &chart, &SceneOptions::default());
    let mut without = with_text.clone();
    without.primitives.retain(|p| !matches!(p, Primitive::Text(_)));
    let (a, b) = (ink(&with_text), ink(&without));
    let png = decode(&to_png(&with_text, &PngOptions { dpi: 144.0, scale: 1.0 }).unwrap());
    // The referat IT-SS, whose name has ę and ó.
    let b_rect = chart.box_of_unit(doc.index_of(&UnitId::new("it-ss")).unwrap()).unwrap().rect;
    let to_px = |v: f32, min: f32| ((v - min + svg::MARGIN) * 2.0) as usize;
    let (x0, x1) = (to_px(b_rect.min.x, with_text.bounds.min.x) + 4, to_px(b_rect.max.x, with_text.bounds.min.x) - 4);
    let (y0, y1) = (to_px(b_rect.min.y, with_text.bounds.min.y) + 4, to_px(b_rect.max.y, with_text.bounds.min.y) - 4);
    let changed = (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (y * png.width as usize + x) * 3))
        .filter(|&i| a[i] != b[i])
        .count();
    assert!(changed > 200, "the name and symbol drew {changed} pixels inside the box");
}

#[test]
fn svg_is_valid_xml_with_text_as_text_and_a_fitted_viewbox() {
    let mut doc = layout_fixture::department();
    doc.units[1].name = "Wydział <Informatyki> & \"Telekomunikacji\" 'IT'".into();
    let (_, scene) = annex_scene(&doc);
    let text = svg::to_svg(&scene);
    let xml = resvg::usvg::roxmltree::Document::parse(&text).expect("the SVG is well-formed XML");
    let root = xml.root_element();
    let view = scene.bounds.expand(svg::MARGIN);
    let expected = format!("0 0 {} {}", view.width(), view.height());
    let parse = |s: &str| s.split(' ').map(|v| v.parse::<f32>().unwrap()).collect::<Vec<_>>();
    let got = parse(root.attribute("viewBox").unwrap());
    for (g, e) in got.iter().zip(parse(&expected)) {
        assert!((g - e).abs() < 0.01, "viewBox {got:?} fits the drawing {expected}");
    }
    let texts: Vec<String> =
        xml.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text().map(str::to_owned)).collect();
    assert!(texts.iter().any(|t| t.contains("<Informatyki>")), "escaped names read back: {texts:?}");
    assert!(texts.iter().any(|t| t.contains("Zastępca Dyrektora")));
    let family = xml.descendants().find_map(|n| n.attribute("font-family")).unwrap();
    assert!(family.starts_with("'DejaVu Sans Condensed'") && family.ends_with("sans-serif"), "{family}");
}

#[test]
fn title_block_names_the_department_act_and_date() {
    let doc = layout_fixture::department();
    let (_, scene) = annex_scene(&doc);
    let texts: Vec<&str> = scene.texts().map(|t| t.text.as_str()).collect();
    assert!(
        texts.contains(&"Załącznik do zarządzenia nr 58/12/2021 Prezydenta Miasta Lublin z dnia 30 grudnia 2021 r.")
    );
    assert!(texts.contains(&"Schemat graficzny struktury organizacyjnej Departamentu Organizacji i Administracji"));
    assert!(texts.contains(&"stan na 1 stycznia 2022 r."), "the version, its date not repeated: {texts:?}");
    assert!(!texts.iter().any(|t| t.contains("obowiązuje od")), "{texts:?}");
    assert!(texts.contains(&"wieloosobowe stanowisko pracy"), "the legend names the styles");
    assert!(texts.contains(&"nadzoruje bezpośrednio"));
}

#[test]
fn review_marks_have_colour_and_a_second_cue() {
    let doc = layout_fixture::department();
    let chart = layout::layout(&doc, &LayoutOptions::for_document(&doc));
    let mut options = SceneOptions::default();
    options.marks.insert(UnitId::new("it-ss"), Mark::Moved);
    options.marks.insert(UnitId::new("om-ks"), Mark::Removed);
    let scene = scene::build(&doc, &chart, &options);
    let plain = scene::build(&doc, &chart, &SceneOptions::default());
    assert!(scene.primitives.len() > plain.primitives.len());
    for mark in [Mark::Moved, Mark::Removed] {
        assert!(scene.texts().any(|t| t.text == mark.badge()), "badge of {mark:?}");
        let outlined = scene.primitives.iter().any(|p| match p {
            Primitive::Rect(r) => r.stroke.is_some_and(|s| s.color == mark.color() && s.dash != scene::Dash::Solid),
            _ => false,
        });
        assert!(outlined, "{mark:?} box has a coloured, dashed or dotted border");
    }
}

#[test]
fn a_chart_that_fits_a_page_is_one_sheet() {
    let doc = layout_fixture::department();
    let chart = layout::layout(&doc, &LayoutOptions::for_document(&doc));
    let sheets = page::sheets(&bare_scene(&doc), &chart, &furniture(&doc), &"a3-landscape".parse().unwrap()).unwrap();
    assert_eq!(sheets.len(), 1);
    assert!(sheets[0].scale * bare_scene(&doc).smallest_text().unwrap() >= MIN_TEXT_PT);
}

#[test]
fn a_chart_too_wide_for_a_page_is_split_without_shrinking_text_below_7_pt() {
    let doc = layout_fixture::generated(300);
    let chart = layout::layout(&doc, &LayoutOptions::for_document(&doc));
    let scene = bare_scene(&doc);
    let sheets = page::sheets(&scene, &chart, &furniture(&doc), &"a4-landscape".parse().unwrap()).unwrap();
    assert!(sheets.len() > 1);
    for (i, sheet) in sheets.iter().enumerate() {
        assert!(sheet.scale * scene.smallest_text().unwrap() >= MIN_TEXT_PT - 0.001);
        assert!(sheet.svg.contains(&format!("arkusz {} z {}", i + 1, sheets.len())));
        assert!(sheet.svg.contains("Schemat graficzny"), "every sheet has the title");
    }
}

#[test]
fn sheets_rendered_in_parallel_equal_the_sheets_rendered_one_by_one_in_order() {
    let doc = layout_fixture::generated(300);
    let chart = layout::layout(&doc, &LayoutOptions::for_document(&doc));
    let sheets = page::sheets(&bare_scene(&doc), &chart, &furniture(&doc), &"a4-landscape".parse().unwrap()).unwrap();
    assert!(sheets.len() > 2, "needs several sheets to spread over the workers");
    let parallel = page::sheets_to_png(&sheets, 50.0).unwrap();
    let sequential: Vec<Vec<u8>> = sheets.iter().map(|sheet| sheet.to_png(50.0).unwrap()).collect();
    assert_eq!(parallel.len(), sheets.len());
    assert!(parallel == sequential, "same bytes, same order");
}

#[test]
fn a_chart_needing_too_many_sheets_is_reported_as_not_fitting() {
    let doc = layout_fixture::wide(400);
    let chart = layout::layout(&doc, &LayoutOptions::for_document(&doc));
    let result = page::sheets(&bare_scene(&doc), &chart, &furniture(&doc), &"a4-portrait".parse().unwrap());
    assert!(matches!(result, Err(schemat::render::RenderError::DoesNotFit { .. })), "{:?}", result.map(|s| s.len()));
}

#[test]
fn page_names_parse() {
    let page: Page = "A3-Landscape".parse().unwrap();
    assert_eq!(page.to_string(), "a3-landscape");
    let (w, h) = page.size_pt();
    assert!((w - 1190.55).abs() < 0.1 && (h - 841.89).abs() < 0.1);
    assert_eq!("a4".parse::<Page>().unwrap().to_string(), "a4-portrait");
    assert!("letter".parse::<Page>().is_err());
}

#[test]
fn too_large_an_image_is_an_error_not_a_crash() {
    let doc = layout_fixture::department();
    let (_, scene) = annex_scene(&doc);
    let result = to_png(&scene, &PngOptions { dpi: 1200.0, scale: 20.0 });
    assert!(matches!(result, Err(schemat::render::RenderError::TooLarge { .. })));
}

#[test]
fn the_example_department_fits_one_a3_landscape_sheet_at_readable_size() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/doa-2022.ron");
    let doc = schemat::io::load(&path).unwrap();
    let (chart, sheets) = page::fit_document(
        &doc,
        &LayoutOptions::for_document(&doc),
        &SceneOptions::default(),
        &furniture(&doc),
        &"a3-landscape".parse().unwrap(),
    )
    .unwrap();
    assert_eq!(sheets.len(), 1);
    assert_eq!(chart.boxes.len(), doc.units.len());
    let smallest = scene::build(&doc, &chart, &SceneOptions::default()).smallest_text().unwrap();
    assert!(sheets[0].scale * smallest >= MIN_TEXT_PT);
    assert!(sheets[0].svg.contains("Departamentu Organizacji i Administracji"));
}

/// Issue 12: the SVG named DejaVu Sans Condensed and fell back to the wider
/// Arial elsewhere, so labels touched their borders. Every visible glyph is
/// now an outline of the bundled font, defined once; the text stays, invisible.
#[test]
fn the_svg_carries_its_font_as_glyph_outlines() {
    let doc = layout_fixture::department();
    let (_, scene) = annex_scene(&doc);
    let svg = schemat::render::svg::to_svg(&scene);
    let defined: std::collections::HashSet<&str> =
        svg.split("<path id=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
    let used: Vec<&str> = svg.split("<use href=\"#").skip(1).filter_map(|s| s.split('"').next()).collect();
    assert!(used.len() > 500, "the glyphs are drawn: {}", used.len());
    for id in &used {
        assert!(defined.contains(id), "glyph {id} is used but not defined");
    }
    let texts: Vec<&str> = svg.split("<text ").skip(1).collect();
    assert_eq!(texts.len(), scene.texts().count(), "the text stays, for search and copy");
    assert!(texts.iter().all(|t| t.contains("fill-opacity=\"0\"")), "and is invisible: the outlines show");
    assert!(svg.contains(">Wieloosobowe stanowisko pracy<") || svg.contains("Wieloosobowe"), "Polish text as it is");
}
