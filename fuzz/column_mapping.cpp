// libFuzzer target: geo::parse_column_mapping, then a CSV read through the mapping. An input is
// a mapping file, a line "%%", and the CSV; without the "%%" line, a newsroom's sample CSV is
// used, so that mutations of the mapping alone still reach the loader. Beyond the sanitizers it
// checks that errors name the mapping file (and, for the CSV, the CSV file), that every field the
// mapping names has a column, that a mapping the CSV loads with found every column it named, that
// every row is an incident or a skipped row (FuzzCsvRows.hpp), and that the store keeps the
// loaders' promises (FuzzStoreChecks.hpp).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "FuzzCheck.hpp"
#include "FuzzCsvRows.hpp"
#include "FuzzStoreChecks.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/Text.hpp"

using namespace mirador;

namespace {

constexpr std::string_view kSample =
    "folio;fecha;municipio;estado;latitud;longitud;tipo;victimas\n"
    "A-1;17/10/2019;Culiacán;Sinaloa;24,808808;-107,393756;enfrentamiento;8\n"
    "A-2;2019-10;Aguililla;Michoacán;18,99;-102,71;emboscada;13\n";

// The header's column names as the loader matches them (trimmed, read as UTF-8 or else Latin-1,
// ASCII letters in any case).
bool header_has(std::string_view csv, char delimiter, const std::string& column) {
    geo::CsvOptions o;
    o.delimiter = delimiter;
    geo::CsvReader reader(csv, o);
    geo::CsvRecord rec;
    while (reader.next(rec) && rec.ok() && rec.size() == 1 && rec[0].find_first_not_of(" \t\r\n") == std::string_view::npos) {
    }
    auto lower = [](std::string_view s) {
        const auto b = s.find_first_not_of(" \t\r\n");
        if (b == std::string_view::npos) return std::string();
        std::string out(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
        for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        return out;
    };
    for (std::string_view f : rec.fields)
        if (lower(geo::ensure_utf8(f)) == lower(column)) return true;
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = fuzz::as_text(data, size);
    std::string_view mapping_text = input, csv = kSample;
    if (const auto cut = input.find("\n%%\n"); cut != std::string_view::npos) {
        mapping_text = input.substr(0, cut + 1);
        csv = input.substr(cut + 4);
    }
    const std::string mapping_name = "fuzz-mapping.txt", csv_name = "fuzz.csv";
    auto mapping = geo::parse_column_mapping(mapping_text, mapping_name);
    if (!mapping) {
        FUZZ_CHECK(mapping.error().rfind(mapping_name + ":", 0) == 0, "the error does not name the mapping: " + mapping.error());
        return 0;
    }
    for (const std::string& field : mapping->named) {
        const std::string* column = mapping->column_of(field);
        FUZZ_CHECK(column != nullptr, "the mapping named an unknown field: " + field);
        FUZZ_CHECK(!column->empty(), "the mapping named no column for " + field);
    }

    geo::IncidentCsvOptions options;
    options.columns = mapping.value();
    options.parallel = false;
    std::vector<std::string> problems;
    auto store = geo::parse_incident_csv(csv, csv_name, &problems, options);
    if (!store) {
        FUZZ_CHECK(store.error().rfind(csv_name, 0) == 0, "the error does not name the CSV: " + store.error());
        return 0;
    }
    for (const std::string& field : mapping->named) {
        const std::string& column = *mapping->column_of(field);
        // `actors` may name several columns, "side_a, side_b" (README, incident CSV): unless the
        // whole text is one column of the header, each non-empty comma-separated name must be.
        std::vector<std::string> names{column};
        if (field == "actors" && !header_has(csv, mapping->delimiter, column)) {
            names.clear();
            for (std::size_t at = 0; at <= column.size();) {
                const std::size_t comma = std::min(column.find(',', at), column.size());
                std::string name = column.substr(at, comma - at);
                name.erase(0, std::min(name.size(), name.find_first_not_of(" \t")));
                name.erase(name.find_last_not_of(" \t") + 1);
                if (!name.empty()) names.push_back(name);
                at = comma + 1;
            }
        }
        for (const std::string& name : names)
            FUZZ_CHECK(header_has(csv, mapping->delimiter, name),
                       "the CSV loaded although the mapping's column for " + field + " (" + name + ") is not in its header");
    }
    const std::size_t lines = static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')) + 1;
    for (const std::string& p : problems)
        FUZZ_CHECK(fuzz::names_file_and_line(p, csv_name, lines), "a problem without its file and line: " + p);
    const std::size_t rows = fuzz::count_rows(csv, mapping->delimiter), skipped = fuzz::count_skipped(problems);
    FUZZ_CHECK(store->size() + skipped == rows, std::to_string(rows) + " rows, " + std::to_string(store->size()) +
                                                    " incidents and " + std::to_string(skipped) + " skipped");
    fuzz::check_store(*store, options.bounds);
    return 0;
}
