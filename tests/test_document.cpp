// The map document and its project file: every field survives a round trip, the version-1 file
// loads for ever, paths move with the project, and broken files are refused clearly without
// being touched.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <typeinfo>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "FieldCount.hpp"
#include "ProcessRun.hpp"
#include "TestData.hpp"
#include "document/Describe.hpp"
#include "document/EnumNames.hpp"
#include "document/FieldTraits.hpp"
#include "document/History.hpp"
#include "document/ProjectFile.hpp"
#include "mirador/geo/AtomicFile.hpp"

using namespace mirador;
using doc::IsOptional;
using doc::IsVector;
namespace fs = std::filesystem;

namespace {

// Sets every field to a value other than its default, and checks on the way that describe()
// lists as many fields as each struct has members.
struct Mutator {
    int layer_kind = 0;  // cycles through the kinds for successive layers
    std::size_t fields = 0;

    template <class T>
    void change(T& v, const char* name, const limits::NumberRange* range) {
        if constexpr (std::is_same_v<T, bool>) {
            v = !v;
        } else if constexpr (std::is_arithmetic_v<T>) {
            double x = range ? range->lo + (range->hi - range->lo) * 0.37 : double(v) + 3;
            if (range && range->integer) x = std::floor(x);
            if (std::is_integral_v<T>) x = std::floor(x);
            if (static_cast<T>(x) == v) x = range ? range->lo : x + 1;
            v = static_cast<T>(x);
        } else if constexpr (std::is_same_v<T, std::string>) {
            v = std::string("/data/Culiacán, Nuevo León/") + name;  // absolute: stays so in the file
        } else if constexpr (std::is_enum_v<T>) {
            const auto& values = doc::EnumNames<T>::values;
            v = std::end(values)[-1].first == v ? values[0].first : std::end(values)[-1].first;
        } else if constexpr (IsOptional<T>::value) {
            typename T::value_type inner{};
            change(inner, name, range);
            v = inner;
        } else if constexpr (IsVector<T>::value) {
            v.clear();
            for (int k = 0; k < 2; ++k) {
                typename T::value_type e{};
                change(e, name, range);
                v.push_back(e);
            }
        } else if constexpr (std::is_same_v<T, doc::LayerStyle>) {
            const int kind = layer_kind++ % doc::kLayerKindCount;
            switch (kind) {
                case 0: v = doc::FillStyle{}; break;
                case 1: v = doc::HeatmapStyle{}; break;
                case 2: v = doc::BorderStyle{}; break;
                case 3: v = doc::PointStyle{}; break;
                case 4: v = doc::LabelStyle{}; break;
                default: v = doc::HotspotStyle{}; break;
            }
            std::visit([&](auto& s) { change(s, name, range); }, v);
        } else {
            Mutator inner{layer_kind, 0};
            doc::describe(inner, v);
            layer_kind = inner.layer_kind;
            INFO(typeid(T).name() << ": describe() lists " << inner.fields << " fields, the struct has "
                                  << test::field_count<T>());
            CHECK(inner.fields == test::field_count<T>());
        }
    }
    template <class T>
    void operator()(const char* name, T& v) {
        ++fields;
        change(v, name, nullptr);
    }
    template <class T>
    void operator()(const char* name, T& v, const limits::NumberRange& range) {
        ++fields;
        change(v, name, &range);
    }
};

doc::MapDocument everything_changed() {
    doc::MapDocument d;
    Mutator m;
    m.change(d, "document", nullptr);
    return d;
}

// Changes the `target`-th field of a document (counting leaves depth first: numbers, text,
// flags, enums; an empty list or absent optional counts as one) and nothing else; `done` says
// whether there was such a field.
struct OneFieldMutator {
    std::size_t target, seen = 0;
    bool done = false;

    template <class T>
    void visit(T& v, const char* name, const limits::NumberRange* range) {
        if (done) return;
        if constexpr (std::is_arithmetic_v<T> || std::is_same_v<T, std::string> || std::is_enum_v<T>) {
            leaf(v, name, range);
        } else if constexpr (IsOptional<T>::value) {
            if (v) visit(*v, name, range);
            else leaf(v, name, range);
        } else if constexpr (IsVector<T>::value) {
            if (v.empty()) leaf(v, name, range);
            for (auto& e : v) visit(e, name, range);
        } else if constexpr (std::is_same_v<T, doc::LayerStyle>) {
            std::visit([&](auto& style) { visit(style, name, range); }, v);
        } else {
            doc::describe(*this, v);
        }
    }
    template <class T>
    void leaf(T& v, const char* name, const limits::NumberRange* range) {
        if (seen++ != target) return;
        Mutator m;
        m.change(v, name, range);
        done = true;
    }
    template <class T>
    void operator()(const char* name, T& v) { visit(v, name, nullptr); }
    template <class T>
    void operator()(const char* name, T& v, const limits::NumberRange& range) { visit(v, name, &range); }
};

std::string slurp(const std::string& p) { return test::file_bytes(p); }

}  // namespace

TEST_CASE("document: every field is written and read back, and every member has a field", "[document]") {
    const doc::MapDocument d = everything_changed();
    const doc::MapDocument fresh;
    REQUIRE_FALSE(d == fresh);
    const std::string path = test::temp_dir("doc-roundtrip") + "/p.mirador";
    const std::string json = doc::project_json(d, path);
    auto back = doc::parse_project(json, path);
    INFO(json.substr(0, 2000));
    REQUIRE(back);
    CHECK(*back == d);
    // And the default document, which a new window starts with.
    auto plain = doc::parse_project(doc::project_json(fresh, path), path);
    REQUIRE(plain);
    CHECK(*plain == fresh);
}

TEST_CASE("document: the version-1 fixture loads, field by field", "[document]") {
    const std::string fixture = MIRADOR_TEST_FIXTURES "/projects/v1-briefing.mirador";
    auto d = doc::load_project(fixture);
    INFO((d ? std::string() : d.error()));
    REQUIRE(d);
    const fs::path folder = fs::path(fixture).parent_path();
    REQUIRE(d->sources.incidents.size() == 1);
    CHECK(d->sources.incidents[0].path == (folder / "../stats-fixture.csv").lexically_normal().string());
    CHECK(d->sources.boundaries.path.empty());
    REQUIRE(d->layers.size() == 6);
    CHECK(d->layers[0].kind() == doc::LayerKind::Fill);
    CHECK(std::get<doc::FillStyle>(d->layers[0].style).measure == doc::ChoroplethMeasure::Rate);
    CHECK(d->layers[1].kind() == doc::LayerKind::Hotspots);
    CHECK(std::get<doc::HotspotStyle>(d->layers[1].style).correction == stats::Correction::Fdr);
    CHECK(d->layers[2].kind() == doc::LayerKind::Heatmap);
    CHECK(std::get<doc::HeatmapStyle>(d->layers[2].style).radius_km == 30);
    CHECK(d->layers[2].opacity == Approx(0.75));
    CHECK(d->filters.category == geo::IncidentCategory::ArmedClash);
    CHECK_FALSE(d->time.all_time);
    CHECK(d->time.window.unit == geo::WindowUnit::Month);
    CHECK(d->time.from == "2019-10-01");
    CHECK(d->time.to == "2019-10-31");
    REQUIRE(d->view.extent);
    CHECK(d->view.extent->center_lat == Approx(24.8));
    CHECK(d->furniture.title.visible);
    CHECK(d->furniture.title.title == "Culiacán, octubre de 2019");
    CHECK(d->furniture.scale_bar.visible);
    REQUIRE(d->slides.size() == 2);
    CHECK(d->slides[1].name == "Sinaloa, Q4");
    CHECK(d->slides[1].playback.enabled);
    CHECK(d->slides[1].time.window.unit == geo::WindowUnit::Quarter);
}

TEST_CASE("document: paths below the project's folder are stored relative, others absolute", "[document]") {
    const std::string dir = test::temp_dir("doc-paths");
    fs::create_directories(dir + "/data");
    doc::MapDocument d;
    d.sources.incidents.push_back({dir + "/data/events.csv", "", dir + "/data/map.txt", false});
    d.sources.incidents.push_back({"PG:dbname=violence host=127.0.0.1", "events", "", true});
    d.sources.boundaries.path = "/elsewhere/00mun.shp";
    const std::string json = doc::project_json(d, dir + "/brief.mirador");
    CHECK_THAT(json, Catch::Contains("\"path\": \"data/events.csv\"") && Catch::Contains("\"mapping\": \"data/map.txt\""));
    CHECK_THAT(json, Catch::Contains("\"/elsewhere/00mun.shp\"") && Catch::Contains("PG:dbname=violence host=127.0.0.1"));
    // Moved with its data, the project still finds it.
    const std::string moved = test::temp_dir("doc-paths-moved");
    fs::create_directories(moved + "/data");
    auto back = doc::parse_project(json, moved + "/brief.mirador");
    REQUIRE(back);
    CHECK(back->sources.incidents[0].path == moved + "/data/events.csv");
    CHECK(back->sources.incidents[1].path == "PG:dbname=violence host=127.0.0.1");
    CHECK(back->sources.boundaries.path == "/elsewhere/00mun.shp");
}

TEST_CASE("document: truncated, empty, binary and hand-broken projects are refused clearly", "[document]") {
    const std::string dir = test::temp_dir("doc-broken");
    const std::string good = doc::project_json(everything_changed(), dir + "/p.mirador");
    struct Case {
        std::string name, text, expect;
    };
    const std::vector<Case> cases{
        {"truncated", good.substr(0, good.size() / 2), "not valid JSON"},
        {"empty", "", "empty"},
        {"binary", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "p.mirador:1:1: not valid JSON"},
        {"not a project", "{\"layers\": []}", "not a Mirador project"},
        {"newer", "{\"mirador_project\": 2}", "newer Mirador (project format version 2)"},
        {"wrong type", "{\"mirador_project\": 1, \"layers\": [{\"type\": \"points\", \"opacity\": \"half\"}]}",
         "layers[0].opacity: expected a number, got \"half\""},
        {"out of range", "{\"mirador_project\": 1, \"layers\": [{\"type\": \"heatmap\", \"style\": {\"radius_km\": 1e9}}]}",
         "layers[0].style.radius_km: expected a number from 0.1 to 2000 km"},
        {"unknown field", "{\"mirador_project\": 1, \"view\": {\"zoom\": 3}}", "view.zoom: unknown field"},
        {"unknown name", "{\"mirador_project\": 1, \"layers\": [{\"type\": \"hexbins\"}]}", "layers[0].type: expected one of"},
        {"bad line", "{\"mirador_project\": 1,\n  \"time\": {\"speed\": 2,,}\n}", "p.mirador:2:"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const std::string path = dir + "/p.mirador";
        std::ofstream(path, std::ios::binary) << c.text;
        auto r = doc::load_project(path);
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error(), Catch::Contains(path) && Catch::Contains(c.expect));
        CHECK(slurp(path) == c.text);  // reading never changes the file
    }
}

TEST_CASE("document: a failed save keeps the old project whole, at every step", "[document]") {
    const std::string dir = test::temp_dir("doc-save");
    const std::string path = dir + "/p.mirador";
    const doc::MapDocument fresh;
    REQUIRE(doc::save_project(fresh, path));
    const std::string before = slurp(path);
    for (auto step : {geo::FaultStep::Create, geo::FaultStep::Write, geo::FaultStep::Fsync, geo::FaultStep::Link,
                      geo::FaultStep::Rename}) {
        geo::inject_atomic_file_fault(step);
        auto r = doc::save_project(everything_changed(), path);
        geo::inject_atomic_file_fault(geo::FaultStep::None);
        INFO("step " << int(step));
        CHECK_FALSE(r);
        CHECK(slurp(path) == before);
        CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    }
    REQUIRE(doc::save_project(everything_changed(), path));
    auto back = doc::load_project(path);
    REQUIRE(back);
    CHECK(*back == everything_changed());
}

TEST_CASE("document: undo and redo bring back every field, and a held control is one step", "[document]") {
    std::size_t fields = 0;
    for (std::size_t n = 0;; ++n) {
        const doc::MapDocument before;
        doc::MapDocument after = before;
        OneFieldMutator m{n};
        m.visit(after, "document", nullptr);
        if (!m.done) break;
        ++fields;
        INFO("field " << n);
        REQUIRE_FALSE(after == before);
        doc::History h(before);
        h.record(after, false);
        REQUIRE(h.can_undo());
        const auto undone = h.undo();
        REQUIRE(undone);
        CHECK(*undone == before);
        const auto redone = h.redo();
        REQUIRE(redone);
        CHECK(*redone == after);
    }
    INFO(fields << " fields");
    CHECK(fields >= 100);  // 102 when this was written: the walk reaches the whole tree

    // A slider dragged through many values, then let go: one step back to where it started.
    doc::MapDocument d;
    doc::History h(d);
    for (double r : {30.0, 40.0, 55.0, 80.0}) {
        d.style_of<doc::HeatmapStyle>().radius_km = r;
        h.record(d, /*editing=*/true);
    }
    h.record(d, false);
    CHECK(h.steps() == 1);
    const auto undone = h.undo();
    REQUIRE(undone);
    CHECK(undone->style_of<doc::HeatmapStyle>()->radius_km == 25);
    // A change the window makes itself (playback) is adopted without a step.
    doc::MapDocument played = *undone;
    played.time.from = "2019-11-01";
    h.adopt(played);
    CHECK_FALSE(h.can_undo());
    CHECK(h.can_redo());
}

TEST_CASE("document: saves killed with SIGKILL leave the old project or the new one, never a part", "[document]") {
    const fs::path dir = test::temp_dir("doc-kill");
    const std::string path = (dir / "briefing.mirador").string();
    doc::MapDocument a, b = everything_changed();
    b.sources.incidents.clear();  // no paths to resolve: both documents read back as written
    b.sources.counts.clear();
    b.sources.boundaries = {};
    REQUIRE(doc::save_project(a, path));
    const std::string bytes_a = slurp(path);
    REQUIRE(doc::save_project(b, path));
    const std::string bytes_b = slurp(path);
    REQUIRE(bytes_a != bytes_b);
    int saw_a = 0, saw_b = 0;
    for (int k = 0; k < 40; ++k) {
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            // Saves one document, then the other, for ever: killed somewhere inside a save.
            for (;;) {
                (void)doc::save_project(a, path);
                (void)doc::save_project(b, path);
            }
        }
        std::this_thread::sleep_for(std::chrono::microseconds(500 + 997 * k % 20000));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        const std::string now = slurp(path);
        INFO("kill " << k);
        CHECK((now == bytes_a || now == bytes_b));
        saw_a += now == bytes_a;
        saw_b += now == bytes_b;
        // A kill between naming the new file and the rename leaves that file; the next save of
        // the project removes it, and no other temporary file is ever left behind.
        REQUIRE(doc::save_project(k % 2 ? a : b, path));
        CHECK(slurp(path) == (k % 2 ? bytes_a : bytes_b));
        std::size_t entries = 0;
        std::string names;
        for (const auto& e : fs::directory_iterator(dir)) {
            entries += !e.path().filename().string().empty();
            names += e.path().filename().string() + " ";
        }
        INFO(names);
        CHECK(entries == 1);
    }
    INFO(saw_a << " kills left the first document, " << saw_b << " the second");
    CHECK(saw_a + saw_b == 40);
}
