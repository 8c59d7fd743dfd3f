// File > Export's sizes: paper at a DPI in pixels (against the sizes printers' drivers and
// Photoshop give for these sheets), either way round, and sizes that cannot be made.
#include <catch2/catch.hpp>

#include "ui/ExportPresets.hpp"

using namespace mirador;

namespace {

ExportSize size_of(ExportPreset p, PaperOrientation o = PaperOrientation::Landscape, int dpi = 300) {
    ExportChoice c;
    c.preset = p;
    c.orientation = o;
    c.paper_dpi = dpi;
    return export_size(c);
}

}  // namespace

TEST_CASE("paper presets are the sheet's size at the DPI, rounded to the nearest pixel", "[export-presets]") {
    CHECK(size_of(ExportPreset::A4, PaperOrientation::Landscape, 300) == ExportSize{3508, 2480, 300});
    CHECK(size_of(ExportPreset::A4, PaperOrientation::Portrait, 300) == ExportSize{2480, 3508, 300});
    CHECK(size_of(ExportPreset::A4, PaperOrientation::Portrait, 150) == ExportSize{1240, 1754, 150});
    CHECK(size_of(ExportPreset::A3, PaperOrientation::Landscape, 300) == ExportSize{4961, 3508, 300});
    CHECK(size_of(ExportPreset::A3, PaperOrientation::Portrait, 150) == ExportSize{1754, 2480, 150});
    CHECK(size_of(ExportPreset::Letter, PaperOrientation::Portrait, 300) == ExportSize{2550, 3300, 300});
    CHECK(size_of(ExportPreset::Letter, PaperOrientation::Landscape, 150) == ExportSize{1650, 1275, 150});
}

TEST_CASE("screen presets store no DPI; the window preset is the map area; custom is as typed", "[export-presets]") {
    CHECK(size_of(ExportPreset::Hd1080) == ExportSize{1920, 1080, 0});
    CHECK(size_of(ExportPreset::Uhd4K) == ExportSize{3840, 2160, 0});
    CHECK(size_of(ExportPreset::Uhd8K) == ExportSize{7680, 4320, 0});
    ExportChoice c;
    c.window_width = 1213;
    c.window_height = 807;
    CHECK(export_size(c) == ExportSize{1213, 807, 0});
    c.preset = ExportPreset::Custom;
    c.custom_width = 5000;
    c.custom_height = 300;
    c.custom_dpi = 600;
    CHECK(export_size(c) == ExportSize{5000, 300, 600});
    // The orientation and paper DPI only apply to paper.
    c.orientation = PaperOrientation::Portrait;
    c.paper_dpi = 150;
    CHECK(export_size(c) == ExportSize{5000, 300, 600});
}

TEST_CASE("a size that cannot be made is refused with the limit it breaks", "[export-presets]") {
    ExportChoice c;
    c.preset = ExportPreset::Custom;
    c.custom_width = 40000;
    c.custom_height = 100;
    auto r = checked_export_size(c, 32768);
    REQUIRE(!r);
    CHECK_THAT(r.error(), Catch::Contains("40000 x 100") && Catch::Contains("1 to 32768"));
    c.custom_width = 0;
    CHECK(!checked_export_size(c, 32768));
    c.custom_width = 100;
    c.custom_dpi = -3;
    r = checked_export_size(c, 32768);
    REQUIRE(!r);
    CHECK_THAT(r.error(), Catch::Contains("-3 dpi"));
    c.custom_dpi = 72;
    auto ok = checked_export_size(c, 32768);
    REQUIRE(ok);
    CHECK(*ok == ExportSize{100, 100, 72});
    // 8K is beyond a 4096 limit, within 32768.
    c.preset = ExportPreset::Uhd8K;
    CHECK(!checked_export_size(c, 4096));
    CHECK(checked_export_size(c, 32768));
    CHECK(describe(ExportSize{3508, 2480, 300}) == "3508 x 2480 px, 300 dpi");
    CHECK(describe(ExportSize{1920, 1080, 0}) == "1920 x 1080 px");
}
