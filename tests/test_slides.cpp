// Slides as document operations (document/Slides.hpp): a slide captured from the map as it is,
// shown again on top of the map it is presented from, and the Slides panel's list edits; and the
// version-1 briefing's slides shown in turn; presentation mode's steps without a window.
#include <catch2/catch.hpp>

#include "TestData.hpp"
#include "document/ProjectFile.hpp"
#include "document/Slides.hpp"
#include "gui/Presentation.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "scene/DocumentFrame.hpp"

using namespace mirador;

namespace {

// A map that differs from the default in everything a slide holds.
doc::MapDocument briefing() {
    doc::MapDocument d;
    d.furniture.title = {true, "Culiacán, octubre de 2019", "", {}};
    d.filters.actor = "Cártel de Sinaloa";
    d.filters.min_fatalities = 2;
    d.time.all_time = false;
    d.time.from = "2019-10-01";
    d.time.to = "2019-10-31";
    d.find(doc::LayerKind::Heatmap)->visible = true;
    d.style_of<doc::HeatmapStyle>().radius_km = 12;
    return d;
}

doc::View culiacan_view() {
    doc::View v;
    v.extent = doc::Extent{-107.39, 24.8, 60000, 40000};
    return v;
}

std::vector<std::string> names(const doc::MapDocument& d) {
    std::vector<std::string> n;
    for (const doc::Slide& s : d.slides) n.push_back(s.name);
    return n;
}

}  // namespace

TEST_CASE("slides: a captured slide holds the map's view, layers, filters, time and title", "[slides]") {
    const doc::MapDocument d = briefing();
    const doc::Slide s = doc::capture_slide(d, culiacan_view(), "Culiacán");
    CHECK(s.name == "Culiacán");
    CHECK(s.title == "Culiacán, octubre de 2019");
    CHECK(s.view == culiacan_view());
    CHECK(s.layers == d.layers);
    CHECK(s.filters == d.filters);
    CHECK(s.time == d.time);
    CHECK(!s.playback.enabled);
    CHECK(s.notes.empty());
}

TEST_CASE("slides: showing a slide makes the map the slide's, on top of the base map", "[slides]") {
    doc::MapDocument base = briefing();
    base.slides.push_back(doc::capture_slide(base, culiacan_view(), "Culiacán"));

    doc::MapDocument other;  // all time, no filters, default layers and title
    other.slides = base.slides;
    doc::Slide all_mexico = doc::capture_slide(other, doc::View{}, "Mexico");
    all_mexico.title = "All of Mexico";

    const doc::MapDocument shown = doc::apply_slide(base, all_mexico);
    CHECK(!shown.view.extent);
    CHECK(shown.time.all_time);
    CHECK(shown.filters == doc::Filters{});
    CHECK(shown.layers == doc::MapDocument::default_layers());
    CHECK(shown.furniture.title.title == "All of Mexico");
    CHECK(shown.furniture.title.visible);
    // What a slide does not hold stays the base's.
    CHECK(shown.sources == base.sources);
    CHECK(shown.slides == base.slides);
    CHECK(shown.furniture.legends == base.furniture.legends);

    // Back to the first slide: the base's own state again (nothing carried over from the other).
    const doc::MapDocument back = doc::apply_slide(shown, base.slides.front());
    CHECK(back.view == culiacan_view());
    CHECK(back.layers == base.layers);
    CHECK(back.filters == base.filters);
    CHECK(back.time == base.time);
    CHECK(back.furniture.title.title == "Culiacán, octubre de 2019");
}

TEST_CASE("slides: a slide without layers or title keeps the base's, and its CRS does not replace the window's", "[slides]") {
    doc::MapDocument base = briefing();
    base.view.crs = geo::DisplayCrs::Mexico6372;
    doc::Slide s;
    s.view.extent = doc::Extent{-99.13, 19.43, 50000, 50000};
    s.time.all_time = true;
    s.view.crs = geo::DisplayCrs::WebMercator3857;
    const doc::MapDocument shown = doc::apply_slide(base, s);
    CHECK(shown.layers == base.layers);
    CHECK(shown.furniture.title == base.furniture.title);
    CHECK(shown.view.crs == geo::DisplayCrs::Mexico6372);
    CHECK(shown.view.extent == s.view.extent);
    CHECK(shown.time.all_time);
}

TEST_CASE("slides: move, duplicate and delete, and refusals out of range", "[slides]") {
    doc::MapDocument d;
    for (const char* n : {"A", "B", "C"}) d.slides.push_back(doc::capture_slide(d, {}, n));
    CHECK(doc::next_slide_name(d) == "Slide 4");

    CHECK(doc::move_slide(d, 0, +1));
    CHECK(names(d) == std::vector<std::string>{"B", "A", "C"});
    CHECK(doc::move_slide(d, 2, -1));
    CHECK(names(d) == std::vector<std::string>{"B", "C", "A"});
    CHECK(!doc::move_slide(d, 0, -1));  // the first cannot go up
    CHECK(!doc::move_slide(d, 2, +1));  // nor the last down
    CHECK(!doc::move_slide(d, 7, -1));
    CHECK(names(d) == std::vector<std::string>{"B", "C", "A"});

    d.slides[1].notes = "Sinaloa";
    CHECK(doc::duplicate_slide(d, 1));
    CHECK(names(d) == std::vector<std::string>{"B", "C", "C (copy)", "A"});
    CHECK(d.slides[2].notes == "Sinaloa");
    CHECK(!doc::duplicate_slide(d, 4));

    CHECK(doc::delete_slide(d, 0));
    CHECK(names(d) == std::vector<std::string>{"C", "C (copy)", "A"});
    CHECK(!doc::delete_slide(d, 3));
    CHECK(doc::next_slide_name(d) == "Slide 4");
    d.slides.back().name = "Slide 4";
    CHECK(doc::next_slide_name(d) == "Slide 5");
}

TEST_CASE("slides: the version-1 briefing's slides shown in turn", "[slides]") {
    auto base = doc::load_project(MIRADOR_TEST_FIXTURES "/projects/v1-briefing.mirador");
    REQUIRE(base);
    REQUIRE(base->slides.size() == 2);
    const doc::MapDocument first = doc::apply_slide(*base, base->slides[0]);
    CHECK(first.furniture.title.title == "The battle of Culiacán");
    CHECK(first.time.from == "2019-10-17");
    CHECK(first.layers.size() == 2);  // fill and points, as the slide lists them
    CHECK(first.view.extent->width_m == 60000);
    const doc::MapDocument second = doc::apply_slide(first, base->slides[1]);
    CHECK(second.furniture.title.title == "Three months after");
    CHECK(second.time.window.unit == geo::WindowUnit::Quarter);
    CHECK(!second.view.extent);
    // Its empty list of layers keeps those of the map it is shown on.
    CHECK(second.layers == first.layers);
}

TEST_CASE("presenting: keys clamp at both ends and do nothing without slides", "[slides]") {
    CHECK(slide_after(PresentKey::Next, -1, 3) == 0);
    CHECK(slide_after(PresentKey::Next, 0, 3) == 1);
    CHECK(slide_after(PresentKey::Next, 2, 3) == 2);  // a clicker pressed once too often stays
    CHECK(slide_after(PresentKey::Previous, 0, 3) == 0);
    CHECK(slide_after(PresentKey::Previous, 2, 3) == 1);
    CHECK(slide_after(PresentKey::First, 2, 3) == 0);
    CHECK(slide_after(PresentKey::Last, 0, 3) == 2);
    CHECK(slide_after(PresentKey::Blank, 1, 3) == 1);
    for (PresentKey k : {PresentKey::Next, PresentKey::Previous, PresentKey::First, PresentKey::Last})
        CHECK(slide_after(k, -1, 0) == -1);
}

TEST_CASE("presenting: slides shown in turn along the zoom path, blank, pause, and the map given back", "[slides]") {
    const geo::Boundaries& b = test::default_boundaries();
    auto loaded = doc::load_project(MIRADOR_TEST_FIXTURES "/projects/v1-briefing.mirador");
    REQUIRE(loaded);
    doc::MapDocument d = *loaded;
    const doc::MapDocument before = d;
    UiState ui;
    ui.view.width = 1600;
    ui.view.height = 1000;
    ui.area = MapArea{300, 20, 300, 80};  // the panels, until presenting starts
    ui.view.center = {2.5e6, 1.2e6};
    ui.view.metres_per_pixel = 3000;
    const MapView view_before = ui.view;
    // A year of month windows as the data's axis.
    ui.time.axis = geo::TimeAxis({geo::parse_incident_date("2019-01")->day_start, geo::parse_incident_date("2020-12")->day_end},
                                 d.time.window);

    Presentation p;
    begin_presentation(p, d, ui, b, 0);
    REQUIRE(p.active);
    CHECK(p.slide == 0);
    CHECK(ui.area.left == 0);
    CHECK(d.furniture.title.title == "The battle of Culiacán");
    CHECK(d.time.from == "2019-10-17");
    REQUIRE(p.path);
    CHECK(p.seconds >= geo::ZoomPath::kMinDurationS);
    CHECK(p.seconds <= geo::ZoomPath::kMaxDurationS);
    // Half way the view is on its way; at the end it is the slide's extent fitted exactly.
    step_presentation(p, ui, p.seconds / 2);
    CHECK(ui.view.metres_per_pixel != view_before.metres_per_pixel);
    step_presentation(p, ui, p.seconds);
    CHECK(!p.path);
    const geo::BBox box = extent_box(d.view, b);
    CHECK(ui.view.center.x == Approx(box.center().x));
    CHECK(ui.view.metres_per_pixel == Approx(std::max(box.width() / 1600, box.height() / 1000)));

    // B blanks; next brings the same slide back, then moves on.
    handle_presentation_key(p, PresentKey::Blank, d, ui, b);
    CHECK(p.blank);
    handle_presentation_key(p, PresentKey::Next, d, ui, b);
    CHECK(!p.blank);
    CHECK(p.slide == 0);
    handle_presentation_key(p, PresentKey::Next, d, ui, b);
    CHECK(p.slide == 1);
    CHECK(d.furniture.title.title == "Three months after");
    // Its playback (October 2019 to March 2020, a quarter at a time) runs and stops on its last
    // window; P plays it again from the start, pauses, and resumes.
    CHECK(ui.time.playing);
    CHECK(d.time.from == "2019-10-01");
    CHECK(advance_presentation_playback(p, d, ui, 1.01));
    CHECK(d.time.from == "2020-01-01");
    CHECK(!ui.time.playing);
    CHECK(!advance_presentation_playback(p, d, ui, 5.0));
    handle_presentation_key(p, PresentKey::Pause, d, ui, b);
    CHECK(ui.time.playing);
    CHECK(d.time.from == "2019-10-01");
    handle_presentation_key(p, PresentKey::Pause, d, ui, b);
    CHECK(!ui.time.playing);
    CHECK(!advance_presentation_playback(p, d, ui, 5.0));
    CHECK(d.time.from == "2019-10-01");
    handle_presentation_key(p, PresentKey::Pause, d, ui, b);
    CHECK(ui.time.playing);
    CHECK(advance_presentation_playback(p, d, ui, 5.0));
    CHECK(d.time.from == "2020-01-01");
    CHECK(!ui.time.playing);

    // Going full screen changes the window's size: the slide is fitted again.
    step_presentation(p, ui, 5.0);
    ui.view.width = 1920;
    ui.view.height = 1080;
    step_presentation(p, ui, 1.0 / 60);
    const geo::BBox all = extent_box(d.view, b);
    CHECK(ui.view.metres_per_pixel == Approx(std::max(all.width() / 1920, all.height() / 1080)));

    end_presentation(p, d, ui);
    CHECK(!p.active);
    CHECK(d == before);
    CHECK(ui.view.center.x == view_before.center.x);
    CHECK(ui.view.metres_per_pixel == view_before.metres_per_pixel);
}
