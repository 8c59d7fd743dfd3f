// Tiled exports: the plan covers the image exactly with tiles the GPU can render, and an image
// put together from small tiles is the image rendered whole, byte for byte, through the PNG
// writer, with no seam where tiles meet. The stand-in renderer draws what a map renderer draws
// at a tile's edge: symbols culled by their anchor point, anti-aliased, in whole-image pixels.
#include <spng.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "TestData.hpp"
#include "export/ImageFile.hpp"
#include "export/PngWriter.hpp"
#include "export/TileAssembler.hpp"
#include "export/TilePlan.hpp"

using namespace mirador;

namespace {

struct Disc {
    double x, y, radius;
    std::uint8_t r, g, b;
};

// Deterministic symbols scattered over the image, some on tile edges by chance, radii up to 12 px.
std::vector<Disc> scatter(int width, int height, int count) {
    std::vector<Disc> discs;
    std::uint32_t s = 12345;
    auto next = [&] { return (s = s * 1664525u + 1013904223u) >> 8; };
    for (int i = 0; i < count; ++i)
        discs.push_back({next() % (width * 100) / 100.0, next() % (height * 100) / 100.0, 2 + next() % 1000 / 100.0,
                         static_cast<std::uint8_t>(next()), static_cast<std::uint8_t>(next()), static_cast<std::uint8_t>(next())});
    return discs;
}

// Renders `area` of the whole image as a map renderer would: a background that depends on the
// whole-image position, and every disc whose centre lies in the area (the renderer's culling),
// its edge anti-aliased over one pixel.
Image render(const PixelRect& area, const std::vector<Disc>& discs) {
    Image img{area.width, area.height, std::vector<std::uint8_t>(static_cast<std::size_t>(area.width) * area.height * 4)};
    for (int y = 0; y < area.height; ++y)
        for (int x = 0; x < area.width; ++x) {
            std::uint8_t* p = img.rgba.data() + (static_cast<std::size_t>(y) * area.width + x) * 4;
            const int gx = area.x + x, gy = area.y + y;
            p[0] = static_cast<std::uint8_t>(230 - gx % 17);
            p[1] = static_cast<std::uint8_t>(225 - gy % 13);
            p[2] = static_cast<std::uint8_t>(215 - (gx + gy) % 11);
            p[3] = 255;
        }
    for (const Disc& d : discs) {
        if (d.x < area.x || d.x >= area.x + area.width || d.y < area.y || d.y >= area.y + area.height) continue;
        const int x0 = std::max(area.x, static_cast<int>(d.x - d.radius - 1));
        const int x1 = std::min(area.x + area.width - 1, static_cast<int>(d.x + d.radius + 1));
        const int y0 = std::max(area.y, static_cast<int>(d.y - d.radius - 1));
        const int y1 = std::min(area.y + area.height - 1, static_cast<int>(d.y + d.radius + 1));
        for (int gy = y0; gy <= y1; ++gy)
            for (int gx = x0; gx <= x1; ++gx) {
                const double dist = std::hypot(gx + 0.5 - d.x, gy + 0.5 - d.y);
                const double cover = std::clamp(d.radius + 0.5 - dist, 0.0, 1.0);
                if (cover <= 0) continue;
                std::uint8_t* p = img.rgba.data() + (static_cast<std::size_t>(gy - area.y) * area.width + (gx - area.x)) * 4;
                const std::uint8_t colour[3] = {d.r, d.g, d.b};
                for (int c = 0; c < 3; ++c) p[c] = static_cast<std::uint8_t>(std::lround(p[c] + (colour[c] - p[c]) * cover));
            }
    }
    return img;
}

// Rows kept in memory.
class MemorySink final : public RowSink {
public:
    MemorySink(int width, int height) : image_{width, height, {}} {}
    int width() const override { return image_.width; }
    int height() const override { return image_.height; }
    geo::Result<bool> write_row(const std::uint8_t* rgba) override {
        image_.rgba.insert(image_.rgba.end(), rgba, rgba + static_cast<std::size_t>(image_.width) * 4);
        return true;
    }
    geo::Result<bool> finish() override {
        if (image_.rgba.size() != static_cast<std::size_t>(image_.width) * image_.height * 4)
            return geo::make_error("rows missing");
        return true;
    }
    const Image& image() const { return image_; }

private:
    Image image_;
};

geo::Result<bool> assemble(const TilePlan& plan, RowSink& sink, const std::vector<Disc>& discs) {
    TileAssembler assembler(plan, sink);
    for (const Tile& t : plan.tiles)
        if (auto ok = assembler.add(render(t.source, discs)); !ok) return ok;
    return assembler.finish();
}

std::vector<std::uint8_t> decode_png(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    REQUIRE(f);
    spng_ctx* ctx = spng_ctx_new(0);
    spng_set_png_file(ctx, f);
    std::size_t size = 0;
    REQUIRE(spng_decoded_image_size(ctx, SPNG_FMT_RGBA8, &size) == 0);
    std::vector<std::uint8_t> out(size);
    REQUIRE(spng_decode_image(ctx, out.data(), out.size(), SPNG_FMT_RGBA8, 0) == 0);
    spng_ctx_free(ctx);
    std::fclose(f);
    return out;
}

// Rows of `a` that differ from `b`.
std::vector<int> differing_rows(const Image& a, const Image& b) {
    std::vector<int> rows;
    const std::size_t stride = static_cast<std::size_t>(a.width) * 4;
    for (int y = 0; y < a.height; ++y)
        if (!std::equal(a.rgba.begin() + stride * y, a.rgba.begin() + stride * (y + 1), b.rgba.begin() + stride * y))
            rows.push_back(y);
    return rows;
}

}  // namespace

TEST_CASE("a tile plan covers the image exactly with tiles the GPU can render", "[export][tiles]") {
    for (auto [width, height, max_tile, overlap] : {std::array{1000, 700, 256, 16}, std::array{256, 256, 256, 16},
                                                    std::array{257, 3000, 256, 0}, std::array{32768, 32768, 16384, 32},
                                                    std::array{5, 3, 4, 1}}) {
        INFO(width << " x " << height << ", tiles of " << max_tile << ", overlap " << overlap);
        auto plan = plan_tiles(width, height, TilePlanOptions{max_tile, overlap, std::size_t(256) << 20});
        REQUIRE(plan);
        REQUIRE(plan->tiles.size() == static_cast<std::size_t>(plan->columns) * plan->rows);
        std::vector<std::uint8_t> covered;  // counts per pixel, for the small images
        const bool small = static_cast<long long>(width) * height <= 4'000'000;
        if (small) covered.assign(static_cast<std::size_t>(width) * height, 0);
        long long area = 0;
        for (int r = 0; r < plan->rows; ++r)
            for (int c = 0; c < plan->columns; ++c) {
                const Tile& t = plan->at(c, r);
                CHECK(t.column == c);
                CHECK(t.row == r);
                CHECK(t.source.width <= max_tile);
                CHECK(t.source.height <= max_tile);
                // The source holds the destination, with the overlap on every side inside the image.
                CHECK(t.source.x == std::max(0, t.destination.x - overlap));
                CHECK(t.source.y == std::max(0, t.destination.y - overlap));
                CHECK(t.source.x + t.source.width == std::min(width, t.destination.x + t.destination.width + overlap));
                CHECK(t.source.y + t.source.height == std::min(height, t.destination.y + t.destination.height + overlap));
                // Row-major bands: a row of tiles shares its destination rows.
                CHECK(t.destination.y == plan->at(0, r).destination.y);
                CHECK(t.destination.height == plan->at(0, r).destination.height);
                area += static_cast<long long>(t.destination.width) * t.destination.height;
                if (small)
                    for (int y = t.destination.y; y < t.destination.y + t.destination.height; ++y)
                        for (int x = t.destination.x; x < t.destination.x + t.destination.width; ++x)
                            ++covered[static_cast<std::size_t>(y) * width + x];
            }
        CHECK(area == static_cast<long long>(width) * height);
        if (small) CHECK(std::all_of(covered.begin(), covered.end(), [](std::uint8_t n) { return n == 1; }));
    }
    // A 32768-wide band is held to the band budget: 256 MiB is 2048 rows of 32768 RGBA pixels.
    auto huge = plan_tiles(32768, 32768, TilePlanOptions{16384, 32, std::size_t(256) << 20});
    REQUIRE(huge);
    CHECK(huge->columns == 3);
    for (const Tile& t : huge->tiles) CHECK(static_cast<std::size_t>(32768) * 4 * t.destination.height <= std::size_t(256) << 20);
}

TEST_CASE("an image put together from 256-pixel tiles is the image rendered whole", "[export][tiles]") {
    const int width = 1000, height = 700;
    const auto discs = scatter(width, height, 900);
    const std::string dir = test::temp_dir("tiled-export");
    // The direct export, and the tiled one through the same PNG writer.
    REQUIRE(write_png(dir + "/direct.png", render({0, 0, width, height}, discs)));
    auto plan = plan_tiles(width, height, TilePlanOptions{256, 16, std::size_t(256) << 20});
    REQUIRE(plan);
    CHECK(plan->columns == 5);
    CHECK(plan->rows == 4);
    auto sink = open_image_file(dir + "/tiled.png", ImageFormat::Png, width, height, {});
    REQUIRE(sink);
    REQUIRE(assemble(*plan, **sink, discs));
    const auto direct = decode_png(dir + "/direct.png"), tiled = decode_png(dir + "/tiled.png");
    REQUIRE(direct.size() == tiled.size());
    const Image a{width, height, direct}, b{width, height, tiled};
    CHECK(differing_rows(a, b).empty());
}

TEST_CASE("a plan of one column streams each tile's rows straight to the file", "[export][tiles]") {
    // As an export narrower than the GPU's limit is made: rows read from the framebuffer a few
    // at a time (add_rows), never a tile-sized copy; the image must be the one rendered whole,
    // overlaps between the bands removed as add() removes them.
    const int width = 300, height = 900;
    const auto discs = scatter(width, height, 400);
    auto plan = plan_tiles(width, height, TilePlanOptions{320, 16, std::size_t(256) << 20});
    REQUIRE(plan);
    REQUIRE(plan->columns == 1);
    CHECK(plan->rows >= 3);
    MemorySink sink(width, height);
    TileAssembler assembler(*plan, sink);
    std::size_t reads = 0;
    for (const Tile& t : plan->tiles) {
        const Image tile = render(t.source, discs);
        REQUIRE(assembler.add_rows([&](int first_row, int rows, std::uint8_t* out) {
            REQUIRE(first_row >= 0);
            REQUIRE(first_row + rows <= tile.height);
            REQUIRE(rows <= 64);
            std::copy_n(tile.at(0, first_row), static_cast<std::size_t>(rows) * tile.width * 4, out);
            ++reads;
        }));
    }
    REQUIRE(assembler.finish());
    CHECK(reads >= static_cast<std::size_t>(height / 64));
    CHECK(differing_rows(sink.image(), render({0, 0, width, height}, discs)).empty());
    // Several columns: refused (their rows need the band).
    auto wide = plan_tiles(900, 300, TilePlanOptions{320, 16, std::size_t(256) << 20});
    REQUIRE(wide);
    REQUIRE(wide->columns > 1);
    MemorySink wide_sink(900, 300);
    TileAssembler wide_assembler(*wide, wide_sink);
    CHECK_FALSE(wide_assembler.add_rows([](int, int, std::uint8_t*) {}));
}

TEST_CASE("tiles without overlap leave seams: the overlap is what removes them", "[export][tiles]") {
    // The same scene without overlap: discs whose centre falls in the next tile are cut at the
    // edge. This is what the test above would catch if the overlap were lost.
    const int width = 1000, height = 700;
    const auto discs = scatter(width, height, 900);
    const Image direct = render({0, 0, width, height}, discs);
    auto plan = plan_tiles(width, height, TilePlanOptions{256, 0, std::size_t(256) << 20});
    REQUIRE(plan);
    MemorySink sink(width, height);
    REQUIRE(assemble(*plan, sink, discs));
    const std::vector<int> rows = differing_rows(sink.image(), direct);
    REQUIRE_FALSE(rows.empty());
    // Every differing pixel lies within a symbol's reach (12.5 px) of an edge between tiles.
    auto near_edge = [&](int x, int y) {
        for (int r = 1; r < plan->rows; ++r)
            if (std::abs(y - plan->at(0, r).destination.y) <= 13) return true;
        for (int c = 1; c < plan->columns; ++c)
            if (std::abs(x - plan->at(c, 0).destination.x) <= 13) return true;
        return false;
    };
    int far_from_edges = 0;
    for (int y : rows)
        for (int x = 0; x < width; ++x)
            if (!std::equal(sink.image().at(x, y), sink.image().at(x, y) + 4, direct.at(x, y)) && !near_edge(x, y))
                ++far_from_edges;
    CHECK(far_from_edges == 0);
}

TEST_CASE("an impossible or unfinished tiled export is an error, never a cut image", "[export][tiles]") {
    auto too_big = plan_tiles(32769, 100);
    REQUIRE_FALSE(too_big);
    CHECK(too_big.error().find("32769 x 100") != std::string::npos);
    CHECK(too_big.error().find("32768 x 32768") != std::string::npos);
    CHECK_FALSE(plan_tiles(0, 100));
    auto overlap = plan_tiles(1000, 1000, TilePlanOptions{64, 32, std::size_t(256) << 20});
    REQUIRE_FALSE(overlap);
    CHECK(overlap.error().find("overlap") != std::string::npos);

    const std::string dir = test::temp_dir("tiled-unfinished");
    const auto discs = scatter(600, 400, 50);
    auto plan = plan_tiles(600, 400, TilePlanOptions{256, 8, std::size_t(256) << 20});
    REQUIRE(plan);
    auto sink = open_image_file(dir + "/cut.png", ImageFormat::Png, 600, 400, {});
    REQUIRE(sink);
    TileAssembler assembler(*plan, **sink);
    // A tile of the wrong size is refused by name.
    auto wrong = assembler.add(render({0, 0, 10, 10}, discs));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().find("tile 0,0") != std::string::npos);

    TileAssembler second(*plan, **sink);
    for (std::size_t i = 0; i + 1 < plan->tiles.size(); ++i) REQUIRE(second.add(render(second.next_tile().source, discs)));
    auto done = second.finish();  // one tile short
    REQUIRE_FALSE(done);
    CHECK(done.error().find("tiles were rendered") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir + "/cut.png"));
}
