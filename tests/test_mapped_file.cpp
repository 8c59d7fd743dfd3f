// A mapped file that shrinks while it is read: no SIGBUS, and the reader is told it changed.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <unistd.h>

#include "TestData.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/MappedFile.hpp"

namespace fs = std::filesystem;
using namespace mirador;

TEST_CASE("mapped file: reading past a truncation finds zeros and reports the change", "[mapped]") {
    const fs::path p = fs::path(test::temp_dir("mapped")) / "shrinks.csv";
    const std::size_t size = 8 << 20;
    std::ofstream(p, std::ios::binary) << std::string(size, 'x');
    auto m = geo::MappedFile::open(p.string());
    REQUIRE(m);
    CHECK_FALSE(m->changed());
    REQUIRE(m->text().size() == size);
    CHECK(m->text()[0] == 'x');
    REQUIRE(::truncate(p.c_str(), size / 4) == 0);
    // Every byte, the vanished ones included: without the guard this read dies of SIGBUS.
    std::size_t xs = 0, zeros = 0;
    for (char c : m->text()) (c == 'x' ? xs : zeros) += (c == 'x' || c == 0);
    CHECK(xs + zeros == size);
    CHECK(xs >= size / 4);
    CHECK(zeros > 0);
    CHECK(m->changed());
}

TEST_CASE("mapped file: a file replaced by rename is still read whole and unchanged", "[mapped]") {
    const fs::path dir = test::temp_dir("mapped-rename");
    std::ofstream(dir / "a.csv", std::ios::binary) << std::string(1 << 20, 'a');
    std::ofstream(dir / "b.csv", std::ios::binary) << "b";
    auto m = geo::MappedFile::open((dir / "a.csv").string());
    REQUIRE(m);
    fs::rename(dir / "b.csv", dir / "a.csv");
    CHECK(m->text().find_first_not_of('a') == std::string_view::npos);
    CHECK_FALSE(m->changed());
}

TEST_CASE("incident csv: a large file truncated while it loads is an error that says so, never a crash",
          "[mapped][incident][csv]") {
    const fs::path dir = test::temp_dir("mapped-load");
    std::string text = "id,date,lon,lat\n";
    for (int i = 0; text.size() < (6u << 20); ++i)
        text.append("r").append(std::to_string(i)).append(",2019-10-17,-107.39,24.80\n");
    int changed = 0, whole = 0;
    for (int attempt = 0; attempt < 12; ++attempt) {
        const fs::path p = dir / ("load" + std::to_string(attempt) + ".csv");
        std::ofstream(p, std::ios::binary) << text;
        std::atomic<bool> go{false};
        std::thread cutter([&] {
            while (!go) std::this_thread::yield();
            std::this_thread::sleep_for(std::chrono::microseconds(200 * attempt));
            REQUIRE(::truncate(p.c_str(), static_cast<off_t>(text.size() / 3)) == 0);
        });
        go = true;
        std::vector<std::string> problems;
        auto store = geo::load_incident_csv(p.string(), &problems);
        cutter.join();
        if (store) {
            ++whole;
        } else {
            ++changed;
            CHECK_THAT(store.error(), Catch::Contains(p.string()) && Catch::Contains("changed while it was being read"));
        }
    }
    INFO(whole << " loads finished before the cut, " << changed << " saw it");
    CHECK(changed + whole == 12);
}
