// The GeoTIFF tiles' own DEFLATE encoder and TIFF's floating-point predictor, checked against an
// independent decoder (zlib's uncompress) and by undoing the predictor as TIFF readers do.
#include <catch2/catch.hpp>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <random>
#include <vector>

#include "mirador/geo/RleDeflate.hpp"
#include "mirador/geo/TiffFloatPredictor.hpp"

using namespace mirador::geo;

namespace {

// zlib's inflate of the stream, which checks the header, every code, and the Adler-32 at the end.
std::vector<std::uint8_t> inflate_with_zlib(const std::vector<std::uint8_t>& stream, std::size_t expected) {
    std::vector<std::uint8_t> out(expected + 16);
    uLongf size = static_cast<uLongf>(out.size());
    const int rc = uncompress(out.data(), &size, stream.data(), static_cast<uLong>(stream.size()));
    INFO("zlib uncompress returned " << rc);
    REQUIRE(rc == Z_OK);
    out.resize(size);
    return out;
}

void check_round_trip(const std::vector<std::uint8_t>& in) {
    RleDeflater deflater;
    std::vector<std::uint8_t> stream = {0xAB};  // compress appends: what was there stays
    deflater.compress(in, stream);
    REQUIRE(stream.front() == 0xAB);
    stream.erase(stream.begin());
    CHECK(inflate_with_zlib(stream, in.size()) == in);
    // Never much more than storing the bytes: 2 + 4 bytes of zlib, 5 per stored block.
    CHECK(stream.size() <= in.size() + 6 + 5 * std::max<std::size_t>(1, (in.size() + 65534) / 65535));
}

// A Float32 tile of a smooth bump, as the density surfaces are, predicted row by row.
std::vector<std::uint8_t> predicted_bump_tile(int size) {
    std::vector<float> row(static_cast<std::size_t>(size));
    std::vector<std::uint8_t> scratch(4 * static_cast<std::size_t>(size)), tile(4 * static_cast<std::size_t>(size) * size);
    for (int r = 0; r < size; ++r) {
        for (int c = 0; c < size; ++c) {
            const double d2 = (std::pow(c - 100.0, 2) + std::pow(r - 80.0, 2)) / (60.0 * 60.0);
            row[static_cast<std::size_t>(c)] = d2 < 1 ? static_cast<float>(3.7 * (1 - d2) * (1 - d2)) : 0.0f;
        }
        predict_float_row(row.data(), size, scratch.data(), tile.data() + 4 * static_cast<std::size_t>(size) * r);
    }
    return tile;
}

}  // namespace

TEST_CASE("the run-length DEFLATE encoder round-trips through zlib", "[deflate]") {
    check_round_trip({});
    check_round_trip({42});
    check_round_trip({7, 7});
    check_round_trip({7, 7, 7});
    check_round_trip({1, 7, 7, 7, 7, 2});
    check_round_trip(std::vector<std::uint8_t>(1000, 0));         // runs past 258
    check_round_trip(std::vector<std::uint8_t>(258 + 1 + 3, 9));  // a full run, then a short one
    std::vector<std::uint8_t> every(256 * 5);
    for (std::size_t i = 0; i < every.size(); ++i) every[i] = static_cast<std::uint8_t>(i);
    check_round_trip(every);
    // Runs of every length from 1 to 300, each of a new byte.
    std::vector<std::uint8_t> runs;
    for (int len = 1; len <= 300; ++len) runs.insert(runs.end(), static_cast<std::size_t>(len), static_cast<std::uint8_t>(len));
    check_round_trip(runs);
}

TEST_CASE("noise is stored and long inputs split into stored blocks", "[deflate]") {
    std::mt19937 rng(20191017);
    std::vector<std::uint8_t> noise(200000);
    for (auto& b : noise) b = static_cast<std::uint8_t>(rng());
    check_round_trip(noise);  // over three stored blocks of 65,535 bytes
}

TEST_CASE("skewed frequencies keep every code within 15 bits", "[deflate]") {
    // Byte k appears Fibonacci(k + 1) times: an unlimited Huffman code would be 24 bits deep,
    // which inflate rejects, so this passes only if the lengths are limited correctly.
    std::vector<std::uint8_t> skewed;
    std::uint64_t a = 1, b = 1;
    for (int k = 0; k < 25; ++k) {
        skewed.insert(skewed.end(), static_cast<std::size_t>(a), static_cast<std::uint8_t>(k));
        const std::uint64_t next = a + b;
        a = b;
        b = next;
    }
    std::mt19937 rng(2019);
    std::shuffle(skewed.begin(), skewed.end(), rng);
    check_round_trip(skewed);
    // Most of the bytes are a few values: a Huffman code beats storing them by far.
    RleDeflater deflater;
    std::vector<std::uint8_t> stream;
    deflater.compress(skewed, stream);
    CHECK(stream.size() < skewed.size() / 2);
}

TEST_CASE("a predicted surface tile compresses and reads back", "[deflate]") {
    const std::vector<std::uint8_t> tile = predicted_bump_tile(256);
    check_round_trip(tile);
    RleDeflater deflater;
    std::vector<std::uint8_t> stream;
    deflater.compress(tile, stream);
    // Mostly zeros (outside the bump) and smooth inside: a small fraction of the tile.
    CHECK(stream.size() < tile.size() / 5);
    // The same deflater again (its buffers reused) gives the same stream.
    std::vector<std::uint8_t> again;
    deflater.compress(tile, again);
    CHECK(again == stream);
}

TEST_CASE("TIFF's floating-point predictor regroups bytes and differences them", "[deflate]") {
    const float row[3] = {1.0f, -2.5f, 3.0e-5f};  // 1 is 0x3F800000, -2.5 0xC0200000
    std::uint32_t bits[3];
    std::memcpy(bits, row, sizeof bits);
    std::uint8_t scratch[12], out[12];
    predict_float_row(row, 3, scratch, out);
    // Planes most significant first, then each byte less the one before (mod 256).
    std::uint8_t planes[12];
    for (int c = 0; c < 3; ++c)
        for (int p = 0; p < 4; ++p) planes[p * 3 + c] = static_cast<std::uint8_t>(bits[c] >> (24 - 8 * p));
    CHECK(planes[0] == 0x3F);
    CHECK(planes[1] == 0xC0);
    CHECK(planes[3] == 0x80);
    CHECK(out[0] == 0x3F);
    for (int i = 1; i < 12; ++i) CHECK(out[i] == static_cast<std::uint8_t>(planes[i] - planes[i - 1]));

    // Undone as a reader does (running sum, then the planes back into samples): the same floats.
    const std::vector<std::uint8_t> tile = predicted_bump_tile(64);
    std::vector<float> bump(64);
    for (int r = 0; r < 64; ++r) {
        std::uint8_t sum[256];
        std::partial_sum(tile.begin() + 256 * r, tile.begin() + 256 * (r + 1), sum,
                         [](std::uint8_t x, std::uint8_t y) { return static_cast<std::uint8_t>(x + y); });
        for (int c = 0; c < 64; ++c) {
            const std::uint32_t u = static_cast<std::uint32_t>(sum[c]) << 24 | static_cast<std::uint32_t>(sum[64 + c]) << 16 |
                                    static_cast<std::uint32_t>(sum[128 + c]) << 8 | sum[192 + c];
            float v;
            std::memcpy(&v, &u, sizeof v);
            const double d2 = (std::pow(c - 100.0, 2) + std::pow(r - 80.0, 2)) / (60.0 * 60.0);
            CHECK(v == (d2 < 1 ? static_cast<float>(3.7 * (1 - d2) * (1 - d2)) : 0.0f));
        }
    }
}
