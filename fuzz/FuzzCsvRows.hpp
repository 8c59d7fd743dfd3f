#pragma once
// Counts the rows an incident CSV holds, read independently of the loader: the records after the
// header (the first record that is not blank), blank lines not counted. Every one of them must
// come back either as an incident or as a "row skipped" problem: none may vanish silently.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "FuzzCheck.hpp"
#include "mirador/geo/CsvReader.hpp"

namespace mirador::fuzz {

inline bool is_blank(std::string_view field) {
    return std::all_of(field.begin(), field.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

inline std::size_t count_rows(std::string_view text, char delimiter) {
    geo::CsvOptions options;
    options.delimiter = delimiter;
    geo::CsvReader reader(text, options);
    geo::CsvRecord rec;
    bool header = false;
    std::size_t rows = 0;
    while (reader.next(rec)) {
        const bool blank = rec.ok() && rec.size() == 1 && is_blank(rec[0]);
        if (blank) continue;
        if (header) ++rows;
        header = true;
    }
    return rows;
}

// Problems that skip a row end so; warnings (Latin-1 text, an unknown category) end otherwise.
// By the end, not by a search: the values quoted in a message may hold "; row skipped" too.
inline std::size_t count_skipped(const std::vector<std::string>& problems) {
    return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(), [](const std::string& p) {
        return ends_with(p, "; row skipped") || ends_with(p, "; row skipped (not fixed: check the source)");
    }));
}

}  // namespace mirador::fuzz
