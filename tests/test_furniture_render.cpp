// The map furniture as drawn: the title block, scale bar, north arrow and credits in a snapshot
// (each where the layout says, with ink in it, none over another or the legends), the scale bar's
// drawn length against the geodesic, the north arrow's drawn angle against the meridian's at
// Tijuana, and the corner layout on its own.
#include <catch2/catch.hpp>

#include <cmath>
#include <utility>
#include <vector>

#include "DocumentHelpers.hpp"
#include "IncidentFixtures.hpp"
#include "TestData.hpp"
#include "cli/CommandLine.hpp"
#include "commands/Snapshot.hpp"
#include "mirador/geo/MapFurniture.hpp"
#include "scene/Choropleth.hpp"
#include "scene/ExportJob.hpp"
#include "scene/LegendText.hpp"

using namespace mirador;

namespace {

bool dark(const SnapshotResult& s, int x, int y) {
    const auto* p = s.image.at(x, y);
    return p[0] + p[1] + p[2] < 3 * 100;
}

int ink_in(const SnapshotResult& s, const ScreenRect& r) {
    int n = 0;
    for (int y = int(r.y0); y < int(r.y1); ++y)
        for (int x = int(r.x0); x < int(r.x1); ++x) n += dark(s, x, y);
    return n;
}

// Pixels of the box that are not the map's sea colour (the furniture's light box and its ink).
double share_not_background(const SnapshotResult& s, const ScreenRect& r) {
    const FrameParams defaults;
    const int bg[3] = {int(std::lround(defaults.background.r * 255)), int(std::lround(defaults.background.g * 255)),
                       int(std::lround(defaults.background.b * 255))};
    int differ = 0, all = 0;
    for (int y = int(r.y0); y < int(r.y1); ++y)
        for (int x = int(r.x0); x < int(r.x1); ++x) {
            const auto* p = s.image.at(x, y);
            differ += std::abs(p[0] - bg[0]) + std::abs(p[1] - bg[1]) + std::abs(p[2] - bg[2]) > 6;
            ++all;
        }
    return all ? double(differ) / all : 0;
}

doc::MapDocument furnished(const char* title) {
    CommandLine cl;
    const ParseOutcome p = parse_command_line(
        {"snapshot", "--out", "/tmp/never-written.png", "--title", title, "--scale-bar", "--north-arrow"}, cl);
    REQUIRE_FALSE(p.exit_code);
    return cl.document;
}

SnapshotResult render(const doc::MapDocument& d, int width, int height, IncidentLayer* incidents = nullptr) {
    SnapshotOptions o;
    o.width = width;
    o.height = height;
    auto s = render_snapshot(test::default_boundaries(), d, o, incidents);
    if (!s) FAIL(s.error());
    return std::move(s).value();
}

}  // namespace

TEST_CASE("snapshot flags switch the furniture on and off in the document", "[furniture][cli]") {
    CommandLine cl;
    ParseOutcome p = parse_command_line({"snapshot", "--out", "/tmp/never-written.png", "--title", "Homicidios 2010",
                                         "--subtitle", "Tasa por 100 mil", "--scale-bar", "--north-arrow", "--export-date",
                                         "--attribution", "SESNSP"},
                                        cl);
    REQUIRE_FALSE(p.exit_code);
    const doc::Furniture& f = cl.document.furniture;
    CHECK(f.title.visible);
    CHECK(f.title.title == "Homicidios 2010");
    CHECK(f.title.subtitle == "Tasa por 100 mil");
    CHECK(f.scale_bar.visible);
    CHECK(f.north_arrow.visible);
    CHECK(f.export_date.visible);
    CHECK(f.attribution.visible);
    CHECK(f.attribution.text == "SESNSP");
    CommandLine plain;
    p = parse_command_line({"snapshot", "--out", "/tmp/never-written.png", "--no-attribution", "--no-legends"}, plain);
    REQUIRE_FALSE(p.exit_code);
    CHECK_FALSE(plain.document.furniture.attribution.visible);
    CHECK_FALSE(plain.document.furniture.legends.visible);
    CHECK_FALSE(plain.document.furniture.title.visible);
    CHECK_FALSE(plain.document.furniture.scale_bar.visible);
}

TEST_CASE("credits name INEGI and each source's file and the document's own text", "[furniture]") {
    doc::MapDocument d;
    CHECK(credits_text(d, false, false) == "Boundaries: INEGI");
    d.sources.incidents.push_back(geo::IncidentSource{});
    d.sources.incidents.back().path = "/data/acled/mexico 2019.csv";
    d.furniture.attribution.text = "Análisis: Mirador";
    CHECK(credits_text(d, true, false) == "Boundaries: INEGI \xC2\xB7 Incidents: mexico 2019.csv \xC2\xB7 Análisis: Mirador");
    CHECK(credits_text(d, false, false) == "Boundaries: INEGI \xC2\xB7 Análisis: Mirador");  // none loaded
    d.sources.boundaries.path = "/maps/mg2020.gpkg";
    CHECK_THAT(credits_text(d, false, false), Catch::StartsWith("Boundaries: mg2020.gpkg"));
    // A project that names its incidents' source says it once, in its own words.
    d.sources.boundaries.path.clear();
    d.furniture.attribution.text = "Incidents: Mirador's seed catalogue (news reports)";
    CHECK(credits_text(d, true, false) == "Boundaries: INEGI \xC2\xB7 Incidents: Mirador's seed catalogue (news reports)");
    CHECK_THAT(export_date_text(), Catch::Matches("Exported 20[0-9][0-9]-[01][0-9]-[0-3][0-9]"));
}

TEST_CASE("items in one corner stack clear of each other and of the legends", "[furniture]") {
    const ScreenRect area{100, 50, 1100, 850};  // a window's map area between its panels
    const ScreenRect legends{110, 600, 600, 840};
    std::vector<FurnitureRequest> items{
        {200, 30, {doc::Corner::BottomRight, 10, 10}},  // credits
        {150, 40, {doc::Corner::BottomRight, 10, 20}},  // a scale bar asked to go almost there too
        {180, 50, {doc::Corner::BottomLeft, 10, 10}},   // a title under the legends' place
        {40, 70, {doc::Corner::TopRight, 10, 10}},      // the north arrow
    };
    const auto boxes = place_furniture(items, area, 2.0f, {legends}, 6);
    REQUIRE(boxes.size() == 4);
    // Offsets are 96-dpi pixels: at scale 2, 10 px in are 20 px.
    CHECK(boxes[0].x1 == Approx(1080));
    CHECK(boxes[0].y1 == Approx(830));
    CHECK(boxes[3].x1 == Approx(1080));
    CHECK(boxes[3].y0 == Approx(70));
    // The scale bar went above the credits, the title above the legends.
    CHECK(boxes[1].y1 == Approx(boxes[0].y0 - 6));
    CHECK(boxes[2].y1 == Approx(legends.y0 - 6));
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        CHECK_FALSE(boxes[i].overlaps(legends));
        CHECK(boxes[i].x0 >= area.x0);
        CHECK(boxes[i].x1 <= area.x1);
        CHECK(boxes[i].y0 >= area.y0);
        CHECK(boxes[i].y1 <= area.y1);
        for (std::size_t j = i + 1; j < boxes.size(); ++j) CHECK_FALSE(boxes[i].overlaps(boxes[j]));
    }
}

TEST_CASE("furniture stays inside a window's map area between its panels", "[furniture]") {
    // The map area of a 1280 x 800 window with both sidebars and the time bar (insets 345, 21,
    // 360, 153): an item in a right corner ends left of the right sidebar, one in a bottom corner
    // above the time bar, and one wider than the area starts at its left edge, not under the
    // left sidebar (what does not fit is cut there by the drawing code's clip).
    const ScreenRect area{345, 21, 920, 647};
    const std::vector<FurnitureRequest> items{
        {300, 40, {doc::Corner::BottomRight, 10, 10}},
        {700, 120, {doc::Corner::BottomRight, 10, 60}},  // wider than the area
        {200, 30, {doc::Corner::TopLeft, 900, 10}},      // an offset past the area's right edge
    };
    const auto boxes = place_furniture(items, area, 1.0f, {}, 6);
    REQUIRE(boxes.size() == 3);
    CHECK(boxes[0].x1 == Approx(910));
    CHECK(boxes[0].y1 == Approx(637));
    CHECK(boxes[1].x0 == Approx(area.x0));
    CHECK(boxes[1].y1 <= boxes[0].y0);
    CHECK(boxes[2].x1 == Approx(area.x1));
    for (const ScreenRect& b : boxes) {
        CHECK(b.x0 >= area.x0);
        CHECK(b.y0 >= area.y0);
        CHECK(b.y1 <= area.y1);
    }
}

TEST_CASE("the north arrow's shape points at the angle it is given", "[furniture]") {
    const ScreenRect box{0, 0, 40, 70};
    for (const double angle : {0.0, 6.2, -5.8, 30.0}) {
        const ArrowShape a = north_arrow_shape(box, angle, 1.0f);
        CHECK(drawn_angle_deg(a) == Approx(angle).margin(1e-9));
        // The wings sit symmetrically about the shaft.
        const double l = std::hypot(a.left.x - a.tail.x, a.left.y - a.tail.y);
        const double r = std::hypot(a.right.x - a.tail.x, a.right.y - a.tail.y);
        CHECK(l == Approx(r));
    }
}

TEST_CASE("a snapshot draws the title and scale bar and north arrow and credits with ink and none over another",
          "[furniture][render]") {
    const SnapshotResult s = render(furnished("Homicidios 2010"), 1600, 1000);
    const DrawnFurniture& f = s.furniture;
    INFO("problem: " << f.problem);
    CHECK(f.problem.empty());
    const FurnitureKind kinds[] = {FurnitureKind::Title, FurnitureKind::ScaleBar, FurnitureKind::NorthArrow,
                                   FurnitureKind::Attribution};
    for (const FurnitureKind k : kinds) {
        const FurnitureBox* b = f.find(k);
        REQUIRE(b);
        INFO("item " << int(k));
        CHECK(b->box.x0 >= 0);
        CHECK(b->box.y0 >= 0);
        CHECK(b->box.x1 <= 1600);
        CHECK(b->box.y1 <= 1000);
        CHECK(share_not_background(s, b->box) > 0.9);
        CHECK(ink_in(s, b->box) > 20);
    }
    for (std::size_t i = 0; i < f.boxes.size(); ++i)
        for (std::size_t j = i + 1; j < f.boxes.size(); ++j) CHECK_FALSE(f.boxes[i].box.overlaps(f.boxes[j].box));
    CHECK_FALSE(f.find(FurnitureKind::TimeLabel));  // all time: no window to name
    CHECK_FALSE(f.find(FurnitureKind::ExportDate));  // not asked for

    // The title's text is there: its words in the box, ink across most of its width.
    const FurnitureBox& title = *f.find(FurnitureKind::Title);
    REQUIRE(title.lines.size() == 1);
    CHECK(title.lines[0] == "Homicidios 2010");
    CHECK(ink_in(s, title.box) > 300);
    int first = -1, last = -1;
    for (int x = int(title.box.x0); x < int(title.box.x1); ++x) {
        bool any = false;
        for (int y = int(title.box.y0) + 3; y < int(title.box.y1) - 3; ++y) any = any || dark(s, x, y);
        if (any && x > int(title.box.x0) + 3 && x < int(title.box.x1) - 3) {
            if (first < 0) first = x;
            last = x;
        }
    }
    CHECK(last - first > 0.8 * (title.box.width() - 20));
    const FurnitureBox& credits = *f.find(FurnitureKind::Attribution);
    CHECK(credits.lines[0] == "Boundaries: INEGI");
}

TEST_CASE("the scale bar is drawn as long as the geodesic at the map's centre says", "[furniture][render]") {
    for (const LonLatBox& area : {LonLatBox{-118, 14, -86, 33}, LonLatBox{-108.2, 24.2, -106.6, 25.6}}) {
        doc::MapDocument d = furnished("Escala");
        test::frame_box(d, area);
        const SnapshotResult s = render(d, 1200, 800);
        REQUIRE(s.furniture.scale_bar);
        const ScaleBarShape& bar = *s.furniture.scale_bar;
        const double pixels = bar.x1 - bar.x0;
        INFO(bar.label << ": " << pixels << " px at " << s.view.metres_per_pixel << " m/px");
        // The geometry's own measure of the drawn run: its ground length is the label's, within 2 px.
        auto geometry = geo::MapFurnitureGeometry::create(geo::DisplayCrs::Mexico6372);
        REQUIRE(geometry);
        const geo::Vec2 centre = s.view.screen_to_map(s.view.width / 2.0, s.view.height / 2.0);
        const double km = geometry->ground_km(centre, s.view.metres_per_pixel, pixels);
        const double km_per_pixel = km / pixels;
        CHECK(std::abs(km - bar.km) / km_per_pixel < 2);
        CHECK(bar.label == geo::scale_label(bar.km));
        // And on the image: the longest dark run along the bar's line is that long (the end
        // ticks add a pixel and a half).
        int best = 0, run = 0;
        const int y = int(std::floor(bar.y));
        for (int x = int(bar.x0) - 10; x < int(bar.x1) + 10; ++x) {
            run = dark(s, x, y) ? run + 1 : 0;
            best = std::max(best, run);
        }
        CHECK(std::abs(best - pixels) <= 2);
    }
}

// How far the arrow's ink leans: the mean x of its dark pixels in the upper half of the shaft
// less that in the lower half (the dark left half of the head makes this positive even upright).
double ink_lean(const SnapshotResult& s) {
    const FurnitureBox& box = *s.furniture.find(FurnitureKind::NorthArrow);
    const ArrowShape& a = *s.furniture.north_arrow;
    auto ink_x = [&](double from_y, double to_y) {
        double sum = 0;
        int n = 0;
        for (int y = int(from_y); y < int(to_y); ++y)
            for (int x = int(box.box.x0); x < int(box.box.x1); ++x)
                if (dark(s, x, y)) {
                    sum += x;
                    ++n;
                }
        return n ? sum / n : std::nan("");
    };
    const double middle = (a.tip.y + a.tail.y) / 2;
    return ink_x(a.tip.y, middle) - ink_x(middle, std::max(a.left.y, a.right.y));
}

TEST_CASE("the north arrow leans with the meridian at Tijuana and the other way at Cancún", "[furniture][render]") {
    auto geometry = geo::MapFurnitureGeometry::create(geo::DisplayCrs::Mexico6372);
    REQUIRE(geometry);
    auto arrow_at = [&](const LonLatBox& area, double* truth) {
        doc::MapDocument d = furnished("Norte");
        test::frame_box(d, area);
        SnapshotResult s = render(d, 1200, 800);
        REQUIRE(s.furniture.north_arrow);
        *truth = geometry->north_angle_deg(s.view.screen_to_map(s.view.width / 2.0, s.view.height / 2.0));
        CHECK(drawn_angle_deg(*s.furniture.north_arrow) == Approx(*truth).margin(0.01));
        return s;
    };
    double tijuana = 0, cancun = 0;
    const SnapshotResult west = arrow_at(LonLatBox{-117.5, 31, -114.5, 33}, &tijuana);
    const SnapshotResult east = arrow_at(LonLatBox{-88, 20, -86, 22}, &cancun);
    CHECK(tijuana > 4);  // 15 deg west of EPSG:6372's central meridian: north leans right
    CHECK(cancun < -4);
    // On the image: the ink leans right at Tijuana, left at Cancún.
    INFO("ink lean: Tijuana " << ink_lean(west) << " px, Cancún " << ink_lean(east) << " px");
    CHECK(ink_lean(west) > ink_lean(east) + 1.5);
}

TEST_CASE("the title block takes the time window as its subtitle and without the block the window keeps its label",
          "[furniture][render][incidents]") {
    REQUIRE_DATA_DIR();
    auto& seeds = test::placed_incidents(test::assets_dir() + "/incidents/seed-incidents.csv");
    const auto& b = test::default_boundaries();
    const test::LayerRestorer restore(*seeds.layer, b);
    doc::MapDocument d = furnished("Homicidios");
    test::set_days(d, "2019-10-01", "2019-10-31");
    d.sources.incidents.push_back(geo::IncidentSource{});
    d.sources.incidents.back().path = test::assets_dir() + "/incidents/seed-incidents.csv";
    SnapshotResult s = render(d, 1200, 800, seeds.layer.get());
    const FurnitureBox* title = s.furniture.find(FurnitureKind::Title);
    REQUIRE(title);
    REQUIRE(title->lines.size() == 2);
    CHECK(title->lines[1] == "October 2019");
    CHECK_FALSE(s.furniture.find(FurnitureKind::TimeLabel));
    // A subtitle of the document's own: the window on a line of its own under it.
    d.furniture.title.subtitle = "Víctimas";
    s = render(d, 1200, 800, seeds.layer.get());
    REQUIRE(s.furniture.find(FurnitureKind::Title));
    CHECK(s.furniture.find(FurnitureKind::Title)->lines == std::vector<std::string>{"Homicidios", "Víctimas", "October 2019"});
    d.furniture.title.visible = false;
    s = render(d, 1200, 800, seeds.layer.get());
    CHECK_FALSE(s.furniture.find(FurnitureKind::Title));
    REQUIRE(s.furniture.find(FurnitureKind::TimeLabel));
    CHECK(s.furniture.find(FurnitureKind::TimeLabel)->lines == std::vector<std::string>{"October 2019"});
    // The credits name the catalogue the incidents came from.
    CHECK_THAT(s.furniture.find(FurnitureKind::Attribution)->lines[0], Catch::Contains("Incidents: seed-incidents.csv"));
}

TEST_CASE("a choropleth class of one value reads as that value and not as a range", "[furniture]") {
    // One municipality with 9 fatalities gives the single class {9, 9}; two classes keep ranges.
    for (const std::vector<double>& breaks : {std::vector<double>{9, 9}, std::vector<double>{3, 6, 9}}) {
        ChoroplethLegend l;
        l.title = "Fatalities per municipality";
        l.classes.breaks = breaks;
        l.colors.assign(breaks.size() - 1, 0xff3050e0u);
        LegendText text;
        const LegendBox& box = text.choropleth(l, 0);
        REQUIRE(box.rows.size() == breaks.size());  // the classes and the zero row
        if (breaks.size() == 2) {
            CHECK(box.rows[0].text == "9");
        } else {
            CHECK(box.rows[0].text == "3 \xE2\x80\x93 6");
            CHECK(box.rows[1].text == "6 \xE2\x80\x93 9");
        }
    }
}

TEST_CASE("wide legends wrap around the credits and the credits keep their corner", "[furniture]") {
    // Slide 2's three legends and its credits and scale bar, in 96-dpi pixels: on a 640 x 480
    // snapshot, and on a 300-dpi A4 page where everything is drawn 3.125 times larger.
    struct Case {
        float width, height, s;
    };
    for (const Case c : {Case{640, 480, 1}, Case{3508, 2480, 3.125f}}) {
        INFO("image " << c.width << " x " << c.height);
        const float s = c.s;
        const ScreenRect area{0, 0, c.width, c.height};
        const std::vector<FurnitureRequest> items{{374 * s, 16 * s, {doc::Corner::BottomRight, 10, 10}},   // credits
                                                  {110 * s, 33 * s, {doc::Corner::BottomRight, 10, 20}}};  // scale bar
        const std::vector<ScreenRect> corner = place_furniture(items, area, s, {}, 6 * s);
        const std::vector<std::pair<float, float>> sizes{{296 * s, 104 * s}, {228 * s, 104 * s}, {365 * s, 104 * s}};
        const std::vector<ScreenRect> legends = flow_legends(sizes, 10 * s, c.width - 10 * s, c.height - 10 * s, 8 * s, corner);
        REQUIRE(legends.size() == 3);
        // The first legend at the left: in its corner, or (as wide as on the small image, where it
        // reaches under the credits) just above the credits; none over another, over the
        // furniture, or off the image.
        CHECK(legends[0].x0 == Approx(10 * s));
        const bool in_corner = legends[0].y1 == Approx(c.height - 10 * s);
        const bool above_credits = legends[0].y1 == Approx(corner[0].y0 - 8 * s);
        CHECK((c.s == 1 ? above_credits : in_corner));
        for (std::size_t i = 0; i < legends.size(); ++i) {
            INFO("legend " << i);
            CHECK(legends[i].x0 >= 0);
            CHECK(legends[i].y0 >= 0);
            CHECK(legends[i].x1 <= c.width);
            for (const ScreenRect& f : corner) CHECK_FALSE(legends[i].overlaps(f));
            for (std::size_t j = i + 1; j < legends.size(); ++j) CHECK_FALSE(legends[i].overlaps(legends[j]));
        }
        // Placed clear of those legends, the credits and the scale bar stay where they were.
        const std::vector<ScreenRect> placed = place_furniture(items, area, s, legends, 6 * s);
        for (std::size_t k = 0; k < items.size(); ++k) {
            CHECK(placed[k].x1 == Approx(corner[k].x1));
            CHECK(placed[k].y1 == Approx(corner[k].y1));
        }
        CHECK(placed[0].y1 == Approx(c.height - 10 * s));  // the credits in the bottom-right corner
    }
    // Without furniture in the way they sit side by side, as before, when the row has room.
    const auto free = flow_legends({{100, 50}, {100, 80}}, 10, 630, 470, 8, {});
    CHECK(free[1].x0 == Approx(118));
    CHECK(free[1].y1 == Approx(470));
}

TEST_CASE("a snapshot with wide legends keeps its credits in their corner at 640 x 480 and on 300-dpi A4",
          "[furniture][render]") {
    auto& seeds = test::placed_incidents(test::assets_dir() + "/incidents/seed-incidents.csv");
    CommandLine cl;
    const ParseOutcome parsed = parse_command_line({"snapshot", "--out", "/tmp/never-written.png", "--choropleth", "fatalities",
                                                    "--layers", "fill,heatmap,boundaries,points,labels", "--scale-bar"},
                                                   cl);
    REQUIRE_FALSE(parsed.exit_code);
    struct Case {
        int width, height;
        double dpi;
    };
    for (const Case c : {Case{640, 480, 0}, Case{3508, 2480, 300}}) {
        INFO("image " << c.width << " x " << c.height);
        SnapshotOptions o;
        o.width = c.width;
        o.height = c.height;
        o.dpi = c.dpi;
        auto r = render_snapshot(test::default_boundaries(), cl.document, o, seeds.layer.get());
        REQUIRE(r);
        const DrawnFurniture& f = r->furniture;
        const float s = export_pixel_scale(c.width, c.height, c.dpi);
        REQUIRE(f.legends.size() == 3);  // choropleth, incidents, heatmap
        const FurnitureBox* credits = f.find(FurnitureKind::Attribution);
        REQUIRE(credits);
        CHECK(credits->box.x1 == Approx(c.width - 10 * s).margin(1));
        CHECK(credits->box.y1 == Approx(c.height - 10 * s).margin(1));
        for (const ScreenRect& l : f.legends) {
            CHECK(l.y0 >= 0);
            for (const FurnitureBox& b : f.boxes) CHECK_FALSE(l.overlaps(b.box));
        }
    }
}

TEST_CASE("place names keep clear of the legends and the furniture drawn over them", "[furniture][render][labels]") {
    auto& seeds = test::placed_incidents(test::assets_dir() + "/incidents/seed-incidents.csv");
    CommandLine cl;
    // Sinaloa and Durango at municipal scale: names everywhere, legends and furniture in every corner.
    const ParseOutcome parsed =
        parse_command_line({"snapshot", "--out", "/tmp/never-written.png", "--incidents",
                            test::assets_dir() + "/incidents/seed-incidents.csv", "--from", "2019-10-01", "--to",
                            "2019-10-31", "--layers", "fill,heatmap,boundaries,points,labels", "--choropleth", "incidents",
                            "--bbox=-109.6,22.4,-105.3,27.1", "--title", "Sinaloa", "--scale-bar", "--north-arrow"},
                           cl);
    REQUIRE_FALSE(parsed.exit_code);
    const SnapshotResult r = render(cl.document, 1600, 1000, seeds.layer.get());
    const DrawnFurniture& f = r.furniture;
    REQUIRE(f.legends.size() >= 2);
    REQUIRE(f.boxes.size() >= 4);  // title, scale bar, north arrow, credits
    REQUIRE(r.labels.size() > 40);
    int checked = 0;
    for (const LabelBox& l : r.labels) {
        const ScreenRect label{l.x0, l.y0, l.x1, l.y1};
        for (const ScreenRect& legend : f.legends) CHECK_FALSE(label.overlaps(legend));
        for (const FurnitureBox& b : f.boxes) {
            INFO("label at " << l.x0 << "," << l.y0 << " and a box at " << b.box.x0 << "," << b.box.y0);
            CHECK_FALSE(label.overlaps(b.box));
        }
        ++checked;
    }
    CHECK(checked == int(r.labels.size()));
}
