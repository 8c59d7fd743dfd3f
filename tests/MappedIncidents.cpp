#include "MappedIncidents.hpp"

#include <catch2/catch.hpp>

#include "TestData.hpp"
#include "mirador/geo/IncidentOgr.hpp"

namespace mirador::test {

geo::CsvColumnMapping shipped_mapping(const std::string& name) {
    auto m = geo::load_column_mapping(assets_dir() + "/mappings/" + name);
    if (!m) FAIL(m.error());
    return m.value();
}

geo::IncidentStore load_mapped(const std::string& path, const geo::CsvColumnMapping& mapping,
                               std::vector<std::string>* problems) {
    geo::IncidentOgrOptions o;
    o.columns = mapping;
    auto s = geo::load_incidents(path, problems, o);
    if (!s) FAIL(s.error());
    return std::move(s).value();
}

std::size_t index_of(const geo::IncidentStore& store, const std::string& id) {
    const long i = store.find_id(id);
    if (i < 0) FAIL("no incident " << id);
    return static_cast<std::size_t>(i);
}

}  // namespace mirador::test
