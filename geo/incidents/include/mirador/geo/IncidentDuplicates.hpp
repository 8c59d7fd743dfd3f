#pragma once
// Incident ids that appear more than once. A catalogue merged from two exports, or an export
// appended twice, repeats rows; counted as they are, each repeated incident weighs double in
// every count, rate and hotspot. So repeats are always reported, with where they are, and
// removed only when the analyst asks (--dedupe), since two rows that share an id may also be
// two real incidents under a careless id.
#include <cstddef>
#include <string>
#include <vector>

#include "mirador/geo/IncidentStore.hpp"

namespace mirador::geo {

struct DuplicateIds {
    std::size_t ids = 0;         // ids that appear more than once
    std::size_t extra_rows = 0;  // rows beyond the first of each such id
    // The first few such ids (by where they first appear), each with its incidents in source order.
    std::vector<std::vector<std::size_t>> examples;
};

// Empty ids are not ids: rows without one are never duplicates.
DuplicateIds find_duplicate_ids(const IncidentStore& store, std::size_t max_examples = 5);

// "name: 3 ids appear on more than one line (4 extra lines; every line is counted): 'a' on
// lines 5, 9; ..." `row_word` is "line" for CSV, "feature" for OGR layers.
std::string describe_duplicates(const DuplicateIds& d, const IncidentStore& store, const std::string& name,
                                const std::string& row_word, bool removed);

// The store without the later incidents of each repeated id (the first in source order stays).
IncidentStore without_duplicate_ids(const IncidentStore& store);

}  // namespace mirador::geo
