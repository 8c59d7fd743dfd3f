// One valid range per setting: a flag accepts exactly the range the document (and so a project
// file and the window's control for the same setting) allows, no more and no less. For each
// flag group: the ends of the range are accepted and land in the document field the window
// edits; a value just outside either end is refused with exit status 2, naming the flag; a
// project file holding the same out-of-range value is refused when read.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "cli/CommandLine.hpp"
#include "document/Describe.hpp"
#include "document/ProjectFile.hpp"

using namespace mirador;

namespace {

// The range describe() gives a field of S, found by its name in the project file.
struct RangeFinder {
    const char* want;
    const limits::NumberRange* found = nullptr;
    template <class T>
    void operator()(const char*, T&) {}
    template <class T>
    void operator()(const char* name, T&, const limits::NumberRange& r) {
        if (std::string(name) == want) found = &r;
    }
};

template <class S>
limits::NumberRange range_of(const char* field) {
    S s{};
    RangeFinder f{field};
    doc::describe(f, s);
    REQUIRE(f.found != nullptr);
    return *f.found;
}

std::string text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// Just outside the range: a step of a thousandth of it, at least the smallest step that changes
// the value (and a whole one for whole numbers).
double below(const limits::NumberRange& r) {
    return r.integer ? r.lo - 1 : r.lo - std::max((r.hi - r.lo) * 1e-3, std::fabs(r.lo) * 1e-6 + 1e-12);
}
double above(const limits::NumberRange& r) {
    return r.integer ? r.hi + 1 : r.hi + std::max((r.hi - r.lo) * 1e-3, std::fabs(r.hi) * 1e-6);
}

struct SharedRange {
    std::vector<std::string> command;  // a valid command line, the flag and its value added last
    std::string flag;
    limits::NumberRange range;         // the document field's range (describe())
    // The value the parsed command holds for the flag: the document field the window edits
    // (or, for the hot spot commands, the option standing in for the document's hot spot style).
    std::function<double(const CommandLine&)> bound;
};

const doc::Layer& layer(const CommandLine& cl, doc::LayerKind k) {
    const doc::Layer* l = cl.document.find(k);
    REQUIRE(l != nullptr);
    return *l;
}

std::vector<SharedRange> shared_ranges() {
    const std::string seeds = MIRADOR_ASSETS_DIR "/incidents/seed-incidents.csv";
    const std::vector<std::string> snap{"snapshot", "--out", "/tmp/never-written.png"};
    const std::vector<std::string> dens{"density", "--incidents", seeds, "--out", "/tmp/never-written.tif"};
    const std::vector<std::string> hot{"hotspots", "--incidents", seeds, "--out", "/tmp/never-written.csv"};
    const std::vector<std::string> emerging{"emerging", "--incidents", seeds, "--out", "/tmp/never-written.csv"};
    auto heat = [](const CommandLine& cl) { return std::as_const(cl.document).style_of<doc::HeatmapStyle>(); };
    return {
        // The kernel group (snapshot's heatmap, density): the Heatmap section's radius slider.
        {snap, "--radius-km", range_of<doc::HeatmapStyle>("radius_km"), [=](const CommandLine& cl) { return heat(cl)->radius_km; }},
        {dens, "--radius-km", range_of<doc::HeatmapStyle>("radius_km"), [=](const CommandLine& cl) { return heat(cl)->radius_km; }},
        // The heatmap group: the layer's opacity and the "transparent below" slider.
        {snap, "--heatmap-opacity", range_of<doc::Layer>("opacity"),
         [](const CommandLine& cl) { return double(layer(cl, doc::LayerKind::Heatmap).opacity); }},
        {snap, "--threshold", range_of<doc::HeatmapStyle>("threshold"), [=](const CommandLine& cl) { return double(heat(cl)->threshold); }},
        // The choropleth group: the Classes slider.
        {snap, "--classes", range_of<doc::FillStyle>("classes"),
         [](const CommandLine& cl) { return double(std::as_const(cl.document).style_of<doc::FillStyle>()->classes); }},
        // The hot spot commands and the Hot spots section.
        {hot, "--permutations", range_of<doc::HotspotStyle>("permutations"),
         [](const CommandLine& cl) { return double(cl.hotspots.permutations); }},
        {hot, "--alpha", range_of<doc::HotspotStyle>("alpha"), [](const CommandLine& cl) { return cl.hotspots.alpha; }},
        {emerging, "--time-lags", range_of<doc::HotspotStyle>("time_lags"),
         [](const CommandLine& cl) { return double(cl.emerging.time_lags); }},
    };
}

}  // namespace

TEST_CASE("flags accept exactly the range of the document field they set, as the window's controls do", "[cli][flags][document]") {
    for (const SharedRange& c : shared_ranges()) {
        const limits::NumberRange r = c.range;
        for (const double v : {r.lo, r.hi}) {
            std::vector<std::string> args = c.command;
            args.insert(args.end(), {c.flag, text(v)});
            INFO("mirador " << c.command.front() << " " << c.flag << " " << text(v));
            CommandLine cl;
            const ParseOutcome p = parse_command_line(args, cl);
            CHECK_FALSE(p.exit_code);
            if (!p.exit_code) CHECK(c.bound(cl) == Approx(v).epsilon(1e-6));
        }
        for (const double v : {below(r), above(r)}) {
            std::vector<std::string> args = c.command;
            args.insert(args.end(), {c.flag, text(v)});
            INFO("mirador " << c.command.front() << " " << c.flag << " " << text(v));
            CommandLine cl;
            const ParseOutcome p = parse_command_line(args, cl);
            REQUIRE(p.exit_code);
            CHECK(*p.exit_code == 2);
            CHECK_THAT(p.error, Catch::Contains(c.flag));
        }
    }
}

TEST_CASE("a project holding a value outside a field's range is refused, naming the field", "[document]") {
    const std::string path = "/tmp/mirador-range.mirador";
    struct Case {
        const char* field;
        std::function<void(doc::MapDocument&, double)> set;
        limits::NumberRange range;
    };
    const std::vector<Case> cases{
        {"radius_km", [](doc::MapDocument& d, double v) { d.style_of<doc::HeatmapStyle>().radius_km = v; },
         range_of<doc::HeatmapStyle>("radius_km")},
        {"threshold", [](doc::MapDocument& d, double v) { d.style_of<doc::HeatmapStyle>().threshold = float(v); },
         range_of<doc::HeatmapStyle>("threshold")},
        {"classes", [](doc::MapDocument& d, double v) { d.style_of<doc::FillStyle>().classes = int(v); },
         range_of<doc::FillStyle>("classes")},
        {"permutations", [](doc::MapDocument& d, double v) { d.style_of<doc::HotspotStyle>().permutations = int(v); },
         range_of<doc::HotspotStyle>("permutations")},
    };
    for (const Case& c : cases) {
        for (const double v : {below(c.range), above(c.range)}) {
            doc::MapDocument d;
            c.set(d, v);
            INFO(c.field << " = " << text(v));
            const auto back = doc::parse_project(doc::project_json(d, path), path);
            REQUIRE_FALSE(back);
            CHECK_THAT(back.error(), Catch::Contains(c.field));
        }
        doc::MapDocument d;
        c.set(d, c.range.hi);
        CHECK(doc::parse_project(doc::project_json(d, path), path));
    }
}
