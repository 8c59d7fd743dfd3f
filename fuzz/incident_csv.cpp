// libFuzzer target: geo::parse_incident_csv over any bytes, on one thread and on two (the
// threshold for splitting the rows lowered to a byte, so that every input is cut in two), and
// geo::load_incident_csv over the same bytes written to a file (the path users take: the input
// path checks and the file read). Beyond the sanitizers it checks that all three give the same
// answer (the same error, or the same incidents and the same problems in the same order), that
// every problem names the file and a line that exists, and that the store keeps the loaders'
// promises (FuzzStoreChecks.hpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

#include "FuzzCheck.hpp"
#include "FuzzStoreChecks.hpp"
#include "mirador/geo/IncidentCsv.hpp"

using namespace mirador;

namespace {

// The delimiter a user would name in a mapping for this file: a newsroom's export with ';' or tab.
char delimiter_of(std::string_view text) {
    const std::string_view first = text.substr(0, text.find('\n'));
    if (first.find('\t') != std::string_view::npos) return '\t';
    if (first.find(';') != std::string_view::npos && first.find(',') == std::string_view::npos) return ';';
    return ',';
}

bool same_double(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void check_same(const geo::IncidentStore& a, const geo::IncidentStore& b) {
    FUZZ_CHECK(a.size() == b.size(), std::to_string(a.size()) + " incidents in one load, " +
                                         std::to_string(b.size()) + " in the other");
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string at = "incident " + std::to_string(i) + " (line " + std::to_string(a.source_row(i)) + ")";
        FUZZ_CHECK(a.id(i) == b.id(i) && a.date_text(i) == b.date_text(i) && a.place(i) == b.place(i) &&
                       a.state(i) == b.state(i) && a.source(i) == b.source(i) && a.notes(i) == b.notes(i),
                   at + ": text differs between the loads");
        FUZZ_CHECK(same_double(a.lon()[i], b.lon()[i]) && same_double(a.lat()[i], b.lat()[i]),
                   at + ": position differs");
        FUZZ_CHECK(a.day_start()[i] == b.day_start()[i] && a.day_end()[i] == b.day_end()[i] &&
                       a.minute_of_day()[i] == b.minute_of_day()[i] && a.precision()[i] == b.precision()[i],
                   at + ": date differs");
        FUZZ_CHECK(a.category()[i] == b.category()[i] && a.fatalities(i) == b.fatalities(i) &&
                       a.injured(i) == b.injured(i) && a.source_row(i) == b.source_row(i),
                   at + ": category, counts or line differ");
        FUZZ_CHECK(a.actor_count(i) == b.actor_count(i), at + ": actor count differs");
        for (std::size_t k = 0; k < a.actor_count(i); ++k) FUZZ_CHECK(a.actor(i, k) == b.actor(i, k), at + ": actor differs");
    }
}

// The file: an anonymous in-memory one (memfd), named by its /proc/self/fd path, so that nothing
// is left behind when a crash ends the process.
std::string g_path;
int g_fd = -1;

void write_file(std::string_view text) {
    FUZZ_CHECK(::ftruncate(g_fd, 0) == 0, "cannot empty " + g_path);
    FUZZ_CHECK(::pwrite(g_fd, text.data(), text.size(), 0) == static_cast<ssize_t>(text.size()), "cannot write " + g_path);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    g_fd = ::memfd_create("fuzz.csv", MFD_CLOEXEC);
    FUZZ_CHECK(g_fd >= 0, "memfd_create failed");
    g_path = "/proc/self/fd/" + std::to_string(g_fd);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    // Every load names the file as the one from disk does, so that messages compare equal.
    const std::string& name = g_path;
    write_file(text);
    geo::IncidentCsvOptions one;
    one.columns.delimiter = delimiter_of(text);
    one.parallel = false;
    // Low enough for the fuzzer's inputs to meet it.
    one.max_record_bytes = 1024;
    geo::IncidentCsvOptions two = one;
    two.parallel = true;
    two.parallel_min_bytes = 1;

    std::vector<std::string> one_problems, two_problems, file_problems;
    auto a = geo::parse_incident_csv(text, name, &one_problems, one);
    auto b = geo::parse_incident_csv(text, name, &two_problems, two);
    auto f = geo::load_incident_csv(name, &file_problems, one);
    FUZZ_CHECK(a.ok() == b.ok(), a.ok() ? "two threads failed: " + b.error() : "one thread failed: " + a.error());
    FUZZ_CHECK(a.ok() == f.ok(), a.ok() ? "the file failed: " + f.error() : "the text failed: " + a.error());
    if (!a) {
        FUZZ_CHECK(a.error() == b.error(), "different errors: " + a.error() + " | " + b.error());
        FUZZ_CHECK(a.error() == f.error(), "different errors: " + a.error() + " | " + f.error());
        FUZZ_CHECK(a.error().rfind(name, 0) == 0, "the error does not name the file: " + a.error());
        return 0;
    }
    FUZZ_CHECK(one_problems == two_problems, "different problems on one thread and on two");
    FUZZ_CHECK(one_problems == file_problems, "different problems from the text and from the file");
    const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const std::string& p : one_problems)
        FUZZ_CHECK(fuzz::names_file_and_line(p, name, lines), "a problem without its file and line: " + p);
    fuzz::check_store(*a, one.bounds);
    check_same(*a, *b);
    check_same(*a, *f);
    for (std::size_t i = 0; i < a->size(); ++i)
        FUZZ_CHECK(a->source_row(i) >= 2 && a->source_row(i) <= lines, "an incident from a line that does not exist");
    return 0;
}
