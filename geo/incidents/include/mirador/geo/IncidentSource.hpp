#pragma once
// Where incidents come from, as the window, the project file and every command name it: a file
// (CSV or any OGR point source) or a "PG:..." connection, its layer, an optional `field=column`
// mapping file for layouts other than Mirador's, and what to do with repeated ids.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador::geo {

struct IncidentSource {
    std::string path;
    std::string layer;    // OGR layer or PG table, when the source has several
    std::string mapping;  // mapping file; empty: Mirador's own column names
    bool dedupe = false;  // keep the first incident of each repeated id (else report and keep all)
    bool operator==(const IncidentSource&) const = default;
};

// Loads the mapping, then the incidents (CSV by extension, else OGR), then reports ids that
// appear more than once (see IncidentDuplicates.hpp). Row problems and warnings go to
// `problems`; the error names the file that cannot be used.
// `columns`, when given, adjusts the mapping before loading (a command that reads only some
// fields blanks the others, which are then not loaded at all).
[[nodiscard]] Result<IncidentStore> load_incident_source(
    const IncidentSource& source, std::vector<std::string>* problems = nullptr,
    const std::function<void(CsvColumnMapping&)>& columns = {});

// The positions of a CSV source that loads cleanly (read_clean_incident_positions: no problem,
// no warning, every row with coordinates, no repeated id), for commands that need nothing else;
// nothing for any other source or file, which the caller then loads with load_incident_source.
[[nodiscard]] std::optional<IncidentPositions> load_clean_incident_positions(
    const IncidentSource& source, const std::function<void(CsvColumnMapping&)>& columns = {},
    IdCheck ids = IdCheck::Now);

}  // namespace mirador::geo
