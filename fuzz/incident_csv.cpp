// libFuzzer target: geo::parse_incident_csv over any bytes, on one thread and on two (the
// threshold for splitting the rows lowered to a byte, so that every input is cut in two), and
// geo::load_incident_csv over the same bytes written to a file (the path users take: the input
// path checks and the file read). Beyond the sanitizers it checks that all three give the same
// answer (the same error, or the same incidents and the same problems in the same order), that
// every problem names the file and a line that exists, that every row is an incident or a
// skipped row (FuzzCsvRows.hpp), that the store keeps the loaders' promises
// (FuzzStoreChecks.hpp), and that dropping repeated ids (--dedupe) drops only repeats.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

#include "FuzzCheck.hpp"
#include "FuzzCsvRows.hpp"
#include "FuzzStoreChecks.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentDuplicates.hpp"

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

// Incident i of a and incident j of b are the same in every field.
void check_same_incident(const geo::IncidentStore& a, std::size_t i, const geo::IncidentStore& b, std::size_t j) {
    const std::string at = "incident " + std::to_string(i) + " (line " + std::to_string(a.source_row(i)) + ")";
    FUZZ_CHECK(a.id(i) == b.id(j) && a.date_text(i) == b.date_text(j) && a.place(i) == b.place(j) &&
                   a.state(i) == b.state(j) && a.source(i) == b.source(j) && a.notes(i) == b.notes(j),
               at + ": text differs between the loads");
    FUZZ_CHECK(same_double(a.lon()[i], b.lon()[j]) && same_double(a.lat()[i], b.lat()[j]), at + ": position differs");
    FUZZ_CHECK(a.day_start()[i] == b.day_start()[j] && a.day_end()[i] == b.day_end()[j] &&
                   a.minute_of_day()[i] == b.minute_of_day()[j] && a.precision()[i] == b.precision()[j],
               at + ": date differs");
    FUZZ_CHECK(a.category()[i] == b.category()[j] && a.fatalities(i) == b.fatalities(j) &&
                   a.injured(i) == b.injured(j) && a.source_row(i) == b.source_row(j),
               at + ": category, counts or line differ");
    FUZZ_CHECK(a.actor_count(i) == b.actor_count(j), at + ": actor count differs");
    for (std::size_t k = 0; k < a.actor_count(i); ++k) FUZZ_CHECK(a.actor(i, k) == b.actor(j, k), at + ": actor differs");
}

void check_same(const geo::IncidentStore& a, const geo::IncidentStore& b) {
    FUZZ_CHECK(a.size() == b.size(), std::to_string(a.size()) + " incidents in one load, " +
                                         std::to_string(b.size()) + " in the other");
    for (std::size_t i = 0; i < a.size(); ++i) check_same_incident(a, i, b, i);
}

// What every command does next with a loaded catalogue: report repeated ids and, with --dedupe,
// keep the first incident of each. The kept ones are unchanged, and only repeats are dropped.
void check_duplicates(const geo::IncidentStore& s, const std::string& name, const geo::LonLatBox& box) {
    const geo::DuplicateIds d = geo::find_duplicate_ids(s);
    const geo::IncidentStore kept = geo::without_duplicate_ids(s);
    FUZZ_CHECK(kept.size() + d.extra_rows == s.size(), std::to_string(d.extra_rows) + " extra rows, but " +
                                                           std::to_string(s.size() - kept.size()) + " dropped");
    FUZZ_CHECK((d.ids == 0) == d.examples.empty(), "repeated ids without examples, or examples without repeats");
    if (d.ids > 0) FUZZ_CHECK(geo::describe_duplicates(d, s, name, "line", false).rfind(name, 0) == 0, "unnamed report");
    std::unordered_map<std::string_view, std::size_t> seen_ids;
    std::unordered_map<std::uint32_t, std::size_t> by_row;
    for (std::size_t i = 0; i < s.size(); ++i) by_row.emplace(s.source_row(i), i);
    for (std::size_t k = 0; k < kept.size(); ++k) {
        if (!kept.id(k).empty()) FUZZ_CHECK(seen_ids.emplace(kept.id(k), k).second, "a repeated id was kept twice");
        const auto original = by_row.find(kept.source_row(k));
        FUZZ_CHECK(original != by_row.end(), "a kept incident from no line of the catalogue");
        check_same_incident(s, original->second, kept, k);
    }
    fuzz::check_store(kept, box);
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
    check_duplicates(*a, name, one.bounds);
    for (std::size_t i = 0; i < a->size(); ++i)
        FUZZ_CHECK(a->source_row(i) >= 2 && a->source_row(i) <= lines, "an incident from a line that does not exist");
    const std::size_t rows = fuzz::count_rows(text, one.columns.delimiter), skipped = fuzz::count_skipped(one_problems);
    FUZZ_CHECK(a->size() + skipped == rows, std::to_string(rows) + " rows, " + std::to_string(a->size()) +
                                                " incidents and " + std::to_string(skipped) + " skipped");
    return 0;
}
