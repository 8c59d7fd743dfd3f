#include <catch2/catch.hpp>

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "DocumentHelpers.hpp"
#include "IncidentFixtures.hpp"
#include "cli/CommandLine.hpp"
#include "TestData.hpp"
#include "commands/Snapshot.hpp"
#include "style/Palette.hpp"

using namespace mirador;

namespace {

struct Pixel {
    int r, g, b;
};

Pixel pixel_at(const SnapshotResult& s, geo::Vec2 map_point) {
    const geo::Vec2 px = s.view.map_to_screen(map_point);
    const auto* p = s.image.at(static_cast<int>(px.x), static_cast<int>(px.y));
    return {p[0], p[1], p[2]};
}

Pixel color_of(std::uint32_t rgba) {
    std::uint8_t c[4];
    unpack_rgba(rgba, c);
    return {c[0], c[1], c[2]};
}

bool close(Pixel a, Pixel b, int tol = 2) {
    return std::abs(a.r - b.r) <= tol && std::abs(a.g - b.g) <= tol && std::abs(a.b - b.b) <= tol;
}

// The most frequent colour in a 9x9 window: robust to a border line crossing the window.
Pixel dominant_near(const SnapshotResult& s, geo::Vec2 map_point) {
    const geo::Vec2 c = s.view.map_to_screen(map_point);
    std::vector<std::pair<int, Pixel>> counts;
    for (int dy = -4; dy <= 4; ++dy)
        for (int dx = -4; dx <= 4; ++dx) {
            const auto* p = s.image.at(static_cast<int>(c.x) + dx, static_cast<int>(c.y) + dy);
            const Pixel px{p[0], p[1], p[2]};
            auto it = std::find_if(counts.begin(), counts.end(), [&](auto& e) { return close(e.second, px, 0); });
            if (it == counts.end()) counts.push_back({1, px});
            else ++it->first;
        }
    return std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) { return a.first < b.first; })->second;
}

SnapshotResult mexico_snapshot(bool labels) {
    SnapshotOptions o;
    o.width = 1600;
    o.height = 1000;
    doc::MapDocument d;
    test::show_layer(d, doc::LayerKind::Labels, labels);
    auto s = render_snapshot(test::default_boundaries(), d, o);
    if (!s) FAIL(s.error());
    return std::move(s).value();
}

}  // namespace

TEST_CASE("snapshot of Mexico: fills and sea and borders where they belong", "[render]") {
    const auto& b = test::default_boundaries();
    const auto s = mexico_snapshot(false);
    INFO("GL: " << s.gl_description << " via " << s.context_kind);
    const auto colors = default_municipality_colors(b);

    // Points in Sinaloa have the fill of the municipality that holds them: Culiacán's town
    // centre, and the interior point of every Sinaloan municipality.
    const geo::Vec2 culiacan = test::to_6372(-107.3937561, 24.8088081);
    const long f = b.locate(culiacan);
    REQUIRE(f >= 0);
    REQUIRE(b.municipalities.attributes[static_cast<std::size_t>(f)].code == "25006");
    Pixel got = dominant_near(s, culiacan);
    Pixel want = color_of(colors[static_cast<std::size_t>(f)]);
    INFO("got " << got.r << "," << got.g << "," << got.b << " want " << want.r << "," << want.g << "," << want.b);
    CHECK(close(got, want));
    int right = 0, sinaloa = 0;
    for (std::size_t m = 0; m < b.municipalities.feature_count(); ++m) {
        if (b.municipalities.attributes[m].state_code != "25") continue;
        ++sinaloa;
        right += close(dominant_near(s, b.municipality_anchor[m]), color_of(colors[m]));
    }
    CHECK(sinaloa == 18);
    CHECK(right >= sinaloa - 2);  // a sliver municipality may be thinner than the window

    // The Pacific has the background colour.
    const FrameParams defaults;
    const Pixel sea = pixel_at(s, test::to_6372(-112.0, 16.0));
    CHECK(close(sea, {int(std::lround(defaults.background.r * 255)), int(std::lround(defaults.background.g * 255)),
                      int(std::lround(defaults.background.b * 255))}));

    // A state border pixel is dark: the midpoint of a border edge between two states.
    const auto& lv = b.levels.front();
    int dark = 0, tested = 0;
    for (std::size_t i = 0; i < lv.borders.state_edges.size(); i += 97) {
        const std::uint32_t e = lv.borders.state_edges[i];
        const geo::Vec2 a = b.municipalities.vertices[e], c = b.municipalities.vertices[lv.borders.next[e]];
        const Pixel p = pixel_at(s, {(a.x + c.x) / 2, (a.y + c.y) / 2});
        ++tested;
        dark += (p.r + p.g + p.b) < 3 * 110;
    }
    INFO(dark << " of " << tested << " sampled state-border pixels are dark");
    CHECK(dark > tested * 8 / 10);
}

TEST_CASE("snapshot labels: state names placed without overlap and accents available", "[render]") {
    const auto s = mexico_snapshot(true);
    REQUIRE(s.labels.size() >= 20);  // most of the 32 states fit at this size
    for (std::size_t i = 0; i < s.labels.size(); ++i)
        for (std::size_t j = i + 1; j < s.labels.size(); ++j) {
            const auto &a = s.labels[i], &b = s.labels[j];
            const bool overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
            CHECK_FALSE(overlap);
        }
    CHECK_FALSE(find_ui_font().empty());
}

TEST_CASE("snapshot --bbox frames the requested area and highlights a municipality", "[render]") {
    SnapshotOptions o;
    o.width = 800;
    o.height = 600;
    doc::MapDocument d;
    test::frame_box(d, LonLatBox{-108.2, 24.2, -106.6, 25.6});  // around Culiacán
    o.highlight = "25006";
    auto s = render_snapshot(test::default_boundaries(), d, o);
    REQUIRE(s);
    // The view's centre is near the bbox centre.
    const geo::Vec2 c = test::to_6372(-107.4, 24.9);
    const geo::Vec2 px = s->view.map_to_screen(c);
    CHECK(std::abs(px.x - 400) < 60);
    CHECK(std::abs(px.y - 300) < 60);
    // The selection outline (orange) appears somewhere in the image.
    int orange = 0;
    for (int y = 0; y < o.height; ++y)
        for (int x = 0; x < o.width; ++x) {
            const auto* p = s->image.at(x, y);
            orange += p[0] > 190 && p[1] > 60 && p[1] < 130 && p[2] < 60;
        }
    CHECK(orange > 200);
}

TEST_CASE("an impossible image size is refused with a message", "[render]") {
    SnapshotOptions o;
    o.width = 100000;
    o.height = 10;
    const doc::MapDocument d;
    auto s = render_snapshot(test::default_boundaries(), d, o);
    REQUIRE_FALSE(s);
    CHECK_THAT(s.error(), Catch::Contains("100000"));
}

TEST_CASE("snapshot with --layers points then boundaries draws the points under the boundaries (bottom to top)", "[render][cli][incidents]") {
    REQUIRE_DATA_DIR();
    auto& seeds = test::placed_incidents(test::assets_dir() + "/incidents/seed-incidents.csv");
    const auto& b = test::default_boundaries();
    const test::LayerRestorer restore(*seeds.layer, b);
    // The document each --layers list makes, with discs large enough to lie across borders.
    auto render = [&](const char* list) {
        CommandLine cl;
        const ParseOutcome p = parse_command_line({"snapshot", "--out", "/tmp/never-written.png", "--layers", list}, cl);
        REQUIRE_FALSE(p.exit_code);
        const doc::Layer* labels = cl.document.find(doc::LayerKind::Labels);
        CHECK_FALSE(labels->visible);  // not listed: hidden
        cl.document.style_of<doc::PointStyle>().size_px = 25;
        SnapshotOptions o;
        o.width = 1200;
        o.height = 800;
        auto s = render_snapshot(b, cl.document, o, seeds.layer.get());
        REQUIRE(s);
        return std::move(s).value();
    };
    const SnapshotResult under = render("points,boundaries"), over = render("boundaries,points");
    // Inside the discs, pixels of a border's dark grey in one picture and not in the other:
    // borders drawn over the points show there; drawn under them, the discs hide them. (A
    // stacked marker's count and outline are dark in both, and cancel out.)
    auto border_grey = [](const SnapshotResult& s, int x, int y) {
        const auto* p = s.image.at(x, y);
        const bool grey = std::abs(p[0] - p[1]) < 16 && std::abs(p[1] - p[2]) < 16;  // not a category's dark red
        return grey && p[0] + p[1] + p[2] < 3 * 90;
    };
    int only_under = 0, only_over = 0;
    for (std::size_t i = 0; i < seeds.layer->store.size(); ++i) {
        const geo::Vec2 xy = seeds.layer->display_xy[i];
        if (!std::isfinite(xy.x)) continue;  // not placed
        const geo::Vec2 c = under.view.map_to_screen(xy);
        for (int dy = -15; dy <= 15; ++dy)
            for (int dx = -15; dx <= 15; ++dx) {
                const int x = int(c.x) + dx, y = int(c.y) + dy;
                if (dx * dx + dy * dy > 225 || x < 0 || y < 0 || x >= under.image.width || y >= under.image.height) continue;
                const bool u = border_grey(under, x, y), o = border_grey(over, x, y);
                only_under += u && !o;
                only_over += o && !u;
            }
    }
    INFO("border pixels in the discs only with points under: " << only_under << ", only with points over: " << only_over);
    CHECK(only_under > 100);
    CHECK(only_over * 5 < only_under);
}
