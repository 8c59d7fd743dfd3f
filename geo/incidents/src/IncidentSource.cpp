#include "mirador/geo/IncidentSource.hpp"

#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentDuplicates.hpp"
#include "mirador/geo/IncidentOgr.hpp"

namespace mirador::geo {

Result<IncidentStore> load_incident_source(const IncidentSource& source, std::vector<std::string>* problems,
                                           const std::function<void(CsvColumnMapping&)>& columns) {
    IncidentOgrOptions options;
    options.layer = source.layer;
    if (!source.mapping.empty()) {
        auto m = load_column_mapping(source.mapping);
        if (!m) return make_error(m.error());
        options.columns = *m;
    }
    if (columns) columns(options.columns);
    auto store = load_incidents(source.path, problems, options);
    if (!store) return store;
    const DuplicateIds dups = find_duplicate_ids(*store);
    if (dups.ids == 0) return store;
    const std::string row_word = is_incident_csv_path(source.path) ? "line" : "feature";
    if (problems) problems->push_back(describe_duplicates(dups, *store, source.path, row_word, source.dedupe));
    if (!source.dedupe) return store;
    return without_duplicate_ids(*store);
}

std::optional<IncidentPositions> load_clean_incident_positions(const IncidentSource& source,
                                                               const std::function<void(CsvColumnMapping&)>& columns,
                                                               IdCheck ids) {
    if (!is_incident_csv_path(source.path)) return std::nullopt;
    IncidentCsvOptions options;
    if (!source.mapping.empty()) {
        auto m = load_column_mapping(source.mapping);
        if (!m) return std::nullopt;
        options.columns = *m;
    }
    if (columns) columns(options.columns);
    return read_clean_incident_positions(source.path, options, ids);
}

}  // namespace mirador::geo
