#pragma once
// Catalogues in other layouts, loaded through the mapping files Mirador ships
// (assets/mappings), for the tests of mappings and of where incidents count.
#include <string>
#include <vector>

#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentStore.hpp"

namespace mirador::test {

// tests/fixtures/ucdp-precision.csv: one event per UCDP where_prec (1 to 7), in GED's layout.
inline const char* const kUcdpFixture = MIRADOR_TEST_FIXTURES "/ucdp-precision.csv";

// assets/mappings/<name>; the test fails with the parser's message if it does not load.
geo::CsvColumnMapping shipped_mapping(const std::string& name);
// Any incident source (CSV or OGR) read through `mapping`; the test fails if it does not load.
geo::IncidentStore load_mapped(const std::string& path, const geo::CsvColumnMapping& mapping,
                               std::vector<std::string>* problems = nullptr);
// The store index of the incident with this id; the test fails when there is none.
std::size_t index_of(const geo::IncidentStore& store, const std::string& id);

}  // namespace mirador::test
