#include "mirador/geo/Gazetteer.hpp"

#include <fast_float/fast_float.h>

#include <cmath>

#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/Text.hpp"

namespace mirador::geo {

const std::vector<std::uint32_t>* Gazetteer::find(const std::string& folded) const {
    const auto it = by_name_.find(folded);
    return it == by_name_.end() ? nullptr : &it->second;
}

void Gazetteer::index() {
    by_name_.clear();
    for (std::uint32_t i = 0; i < localities.size(); ++i) {
        const std::string& n = localities[i].name;
        auto add = [&](const std::string& text) {
            const std::string key = fold_for_search(text);
            if (key.empty()) return;
            auto& v = by_name_[key];
            if (v.empty() || v.back() != i) v.push_back(i);
        };
        const auto open = n.find('(');
        const auto close = n.rfind(')');
        if (open != std::string::npos && close != std::string::npos && close > open) {
            add(n.substr(0, open));
            add(n.substr(open + 1, close - open - 1));
        }
        add(n);
    }
}

namespace {

bool parse_double(std::string_view s, double& out) {
    const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

}  // namespace

Result<Gazetteer> load_gazetteer(const std::string& path, std::vector<std::string>* problems) {
    auto reader = CsvReader::open(path);
    if (!reader) return make_error(reader.error());
    CsvRecord rec;
    if (!reader->next(rec) || !rec.ok()) return make_error(path + ": empty or unreadable header");
    int c_mun = -1, c_code = -1, c_name = -1, c_lat = -1, c_lon = -1, c_pop = -1;
    for (std::size_t i = 0; i < rec.size(); ++i) {
        const std::string_view h = rec[i];
        if (h == "CVEGEO_MUN") c_mun = static_cast<int>(i);
        if (h == "CVEGEO") c_code = static_cast<int>(i);
        if (h == "NOM_LOC") c_name = static_cast<int>(i);
        if (h == "LAT") c_lat = static_cast<int>(i);
        if (h == "LON") c_lon = static_cast<int>(i);
        if (h == "POB_TOTAL") c_pop = static_cast<int>(i);
    }
    // Without CVEGEO_MUN, the municipality is the first five digits of the locality's CVEGEO.
    const bool from_locality_code = c_mun < 0;
    if (from_locality_code) c_mun = c_code;
    if (c_mun < 0 || c_name < 0 || c_lat < 0 || c_lon < 0)
        return make_error(path + ": needs the columns CVEGEO_MUN (or CVEGEO), NOM_LOC, LAT and LON");
    const auto need = static_cast<std::size_t>(std::max({c_mun, c_name, c_lat, c_lon, c_pop}) + 1);
    auto problem = [&](std::size_t line, const std::string& why) {
        if (problems) problems->push_back(path + ":" + std::to_string(line) + ": " + why);
    };

    Gazetteer g;
    while (reader->next(rec)) {
        if (!rec.ok()) {
            problem(rec.line, rec.error);
            continue;
        }
        if (rec.size() == 1 && rec[0].empty()) continue;
        if (rec.size() < need) {
            problem(rec.line, "has " + std::to_string(rec.size()) + " fields, expected at least " + std::to_string(need));
            continue;
        }
        Locality l;
        l.name = ensure_utf8(rec[static_cast<std::size_t>(c_name)]);
        const std::string_view code = rec[static_cast<std::size_t>(c_mun)];
        l.municipality_code = std::string(code.substr(0, 5));
        if (code.size() != (from_locality_code ? 9u : 5u) || !parse_double(rec[static_cast<std::size_t>(c_lat)], l.lat) ||
            !parse_double(rec[static_cast<std::size_t>(c_lon)], l.lon)) {
            problem(rec.line, "bad municipality code or coordinates; skipped");
            continue;
        }
        l.state_code = l.municipality_code.substr(0, 2);
        if (c_pop >= 0) {
            double pop = 0;
            if (parse_double(rec[static_cast<std::size_t>(c_pop)], pop)) l.population = static_cast<long>(pop);
        }
        g.localities.push_back(std::move(l));
    }
    if (g.localities.empty()) return make_error(path + ": no localities");
    g.index();
    return g;
}

}  // namespace mirador::geo
