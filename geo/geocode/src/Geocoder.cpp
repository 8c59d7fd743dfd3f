#include "mirador/geo/Geocoder.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/StateCatalog.hpp"
#include "mirador/geo/Text.hpp"

namespace mirador::geo {

const char* to_string(GeoStatus s) {
    switch (s) {
        case GeoStatus::Matched: return "matched";
        case GeoStatus::Ambiguous: return "ambiguous";
        case GeoStatus::Unmatched: return "unmatched";
        case GeoStatus::Outside: return "outside";
    }
    return "?";
}

const char* to_string(GeoPrecision p) {
    switch (p) {
        case GeoPrecision::None: return "";
        case GeoPrecision::Point: return "point";
        case GeoPrecision::Locality: return "locality";
        case GeoPrecision::Municipality: return "municipality";
        case GeoPrecision::State: return "state";
        case GeoPrecision::Estimated: return "estimated";
        case GeoPrecision::Country: return "country";
    }
    return "?";
}

Result<PopulationTable> load_population(const std::string& path) {
    auto reader = CsvReader::open(path);
    if (!reader) return make_error(reader.error());
    CsvRecord rec;
    if (!reader->next(rec) || rec.size() < 2 || rec[0] != "CVEGEO")
        return make_error(path + ": expected a header CVEGEO,POB_TOTAL");
    PopulationTable t;
    while (reader->next(rec)) {
        if (!rec.ok() || rec.size() < 2) continue;
        long v = 0;
        if (std::sscanf(std::string(rec[1]).c_str(), "%ld", &v) == 1) t[std::string(rec[0])] = v;
    }
    if (t.empty()) return make_error(path + ": no rows");
    return t;
}

namespace {

// Common ways of writing the capital, which is a state (entity 09) in INEGI's frame.
constexpr const char* kCapitalAliases[] = {"mexico city", "cdmx", "ciudad de mexico", "df", "d f",
                                           "distrito federal", "mexico df", "mexico d f"};

std::string strip_prefix(const std::string& folded) {
    for (const char* p : {"ciudad ", "cd ", "heroica ", "h "})
        if (folded.rfind(p, 0) == 0) return folded.substr(std::char_traits<char>::length(p));
    return folded;
}

}  // namespace

Geocoder::Geocoder(const Boundaries& b, const Gazetteer* gazetteer, const PopulationTable* population)
    : b_(b), gazetteer_(gazetteer), population_(population),
      to_display_(std::move(lonlat_to_display(b.municipalities.crs)).value()) {
    std::size_t n = 0;
    const StateEntry* catalog = state_catalog(&n);
    for (std::size_t i = 0; i < b.states.size(); ++i) {
        const auto& s = b.states[i];
        state_keys_[fold_for_search(s.name)] = static_cast<long>(i);
        state_keys_[fold_for_search(s.short_name)] = static_cast<long>(i);
        for (std::size_t k = 0; k < n; ++k)
            if (catalog[k].code == s.code) {
                state_keys_[fold_for_search(catalog[k].name)] = static_cast<long>(i);
                state_keys_[fold_for_search(catalog[k].short_name)] = static_cast<long>(i);
                state_keys_[fold_for_search(catalog[k].abbrev)] = static_cast<long>(i);
            }
        if (s.code == "09")
            for (const char* a : kCapitalAliases) state_keys_[a] = static_cast<long>(i);
        if (s.code == "15") state_keys_["edomex"] = state_keys_["estado de mexico"] = static_cast<long>(i);
    }
    const auto& m = b.municipalities;
    municipality_folded_.resize(m.feature_count());
    for (std::size_t f = 0; f < m.feature_count(); ++f) {
        municipality_folded_[f] = fold_for_search(m.attributes[f].name);
        municipality_keys_[municipality_folded_[f]].push_back(static_cast<std::uint32_t>(f));
    }
}

long Geocoder::match_state(std::string_view text) const {
    const std::string key = fold_for_search(text);
    if (const auto it = state_keys_.find(key); it != state_keys_.end()) return it->second;
    // "Guanajuato state" (UCDP's adm_1), "Estado de Sinaloa", "Edo. de Sonora".
    std::string_view bare = key;
    for (std::string_view suffix : {" state"})
        if (bare.size() > suffix.size() && bare.substr(bare.size() - suffix.size()) == suffix)
            bare.remove_suffix(suffix.size());
    for (std::string_view prefix : {"estado de ", "edo de "})
        if (bare.size() > prefix.size() && bare.substr(0, prefix.size()) == prefix) bare.remove_prefix(prefix.size());
    if (bare.size() == key.size()) return -1;
    const auto it = state_keys_.find(std::string(bare));
    return it == state_keys_.end() ? -1 : it->second;
}

long Geocoder::names_only_state(std::string_view place, std::string_view state_text) const {
    const long s = match_state(place);
    if (s < 0) return -1;
    const long given = fold_for_search(state_text).empty() ? -1 : match_state(state_text);
    if (given >= 0 && given != s) return -1;  // "Sinaloa" in Sonora: not a state name here
    // "Chihuahua, Chihuahua" is the city: the same state given, and a municipality of that name.
    if (given == s && municipality_keys_.count(fold_for_search(place))) return -1;
    return s;
}

GeocodeResult Geocoder::place(double lon, double lat, std::string_view place_text, std::string_view state_text,
                              LocationPrecision declared) const {
    using LP = LocationPrecision;
    const bool has_point = std::isfinite(lon) && std::isfinite(lat);
    if (declared == LP::Outside) {
        GeocodeResult r;
        r.status = GeoStatus::Outside;
        r.lon = lon;
        r.lat = lat;
        r.note = "the source places it in no country";
        return r;
    }
    const long named_state = fold_for_search(state_text).empty() ? -1 : match_state(state_text);
    // A state-level result: the state counts, no municipality does; a point, when there is one,
    // stays where the source put it (it stands for the state), else the state's own.
    auto state_level = [&](GeocodeResult r, long state, GeoPrecision precision, std::string note) {
        if (state < 0) {
            GeocodeResult none;
            none.lon = r.lon;
            none.lat = r.lat;
            none.note = "placed only to a state, but neither its state text nor its point is in one";
            return none;
        }
        if (!has_point) r = finish({GeoPrecision::State, -1, -1, state, 0}, "");
        r.status = GeoStatus::Matched;
        r.precision = precision;
        r.state = state;
        r.municipality = -1;
        r.note = std::move(note);
        return r;
    };
    auto country_level = [&](GeocodeResult r) {
        r.status = GeoStatus::Matched;
        r.precision = GeoPrecision::Country;
        r.state = r.municipality = -1;
        r.note.clear();
        if (!has_point) r.lon = r.lat = std::nan("");
        return r;
    };

    if (!has_point) {
        GeocodeResult r = resolve(place_text, state_text);
        if (r.status != GeoStatus::Matched) return r;
        switch (declared) {
            case LP::State:
            case LP::Estimated: return state_level(r, r.state, GeoPrecision::State, r.note);
            case LP::Country: return country_level(r);
            default: return r;
        }
    }
    GeocodeResult r = locate(lon, lat);
    switch (declared) {
        case LP::Unknown:
            if (const long s = names_only_state(place_text, state_text); s >= 0)
                return state_level(r, s, GeoPrecision::State, "the place names only a state");
            return r;
        case LP::Point: return r;
        case LP::Municipality:
            if (r.status == GeoStatus::Matched) r.precision = GeoPrecision::Municipality;
            return r;
        case LP::State: return state_level(r, named_state >= 0 ? named_state : r.state, GeoPrecision::State, "");
        case LP::Estimated:
            if (named_state < 0) {
                r = country_level(r);
                r.precision = GeoPrecision::Estimated;
                return r;
            }
            return state_level(r, named_state, GeoPrecision::Estimated, "");
        case LP::Country: return country_level(r);
        case LP::Outside: break;
    }
    return r;
}

GeocodeResult Geocoder::locate(double lon, double lat) const {
    GeocodeResult r;
    r.lon = lon;
    r.lat = lat;
    r.precision = GeoPrecision::Point;
    const long f = b_.locate(to_display_.forward(Vec2{lon, lat}));
    if (f < 0) {
        r.status = GeoStatus::Outside;
        r.note = "the point is in no municipality (sea or abroad)";
        return r;
    }
    r.status = GeoStatus::Matched;
    r.municipality = f;
    r.state = b_.municipality_state[static_cast<std::size_t>(f)];
    return r;
}

std::vector<Geocoder::Candidate> Geocoder::candidates(const std::string& q, long state, unsigned tiers) const {
    const auto& m = b_.municipalities;
    auto in_state = [&](long s) { return state < 0 || s == state; };
    auto municipal_weight = [&](std::size_t f) {
        if (population_) {
            const auto it = population_->find(m.attributes[f].code);
            if (it != population_->end()) return double(it->second);
        }
        return 0.0;
    };
    std::vector<Candidate> out;
    // 2. exact municipality name
    if (tiers & kExactMunicipality)
        if (const auto it = municipality_keys_.find(q); it != municipality_keys_.end())
            for (std::uint32_t f : it->second)
                if (in_state(b_.municipality_state[f]))
                    out.push_back({GeoPrecision::Municipality, long(f), -1, b_.municipality_state[f], municipal_weight(f)});
    if (!out.empty()) return out;
    // 3. locality name
    if (gazetteer_ && (tiers & kLocality))
        if (const auto* hits = gazetteer_->find(q))
            for (std::uint32_t i : *hits) {
                const Locality& l = gazetteer_->localities[i];
                const long f = m.find_code(l.municipality_code);
                const long s = b_.state_index(l.state_code);
                if (in_state(s)) out.push_back({GeoPrecision::Locality, f, long(i), s, double(l.population)});
            }
    if (!out.empty()) return out;
    // 4. a municipality whose name starts with the query, at a word boundary
    if (!(tiers & kMunicipalityPrefix)) return out;
    for (std::size_t f = 0; f < municipality_folded_.size(); ++f) {
        const std::string& name = municipality_folded_[f];
        if (name.size() > q.size() && name.compare(0, q.size(), q) == 0 && name[q.size()] == ' ' &&
            in_state(b_.municipality_state[f]))
            out.push_back({GeoPrecision::Municipality, long(f), -1, b_.municipality_state[f], municipal_weight(f)});
    }
    return out;
}

GeocodeResult Geocoder::finish(const Candidate& c, std::string note) const {
    GeocodeResult r;
    r.status = GeoStatus::Matched;
    r.precision = c.precision;
    r.note = std::move(note);
    r.state = c.state;
    if (c.precision == GeoPrecision::Locality) {
        const Locality& l = gazetteer_->localities[static_cast<std::size_t>(c.locality)];
        r.lon = l.lon;
        r.lat = l.lat;
        // A locality of a municipality newer than the boundary layer: the polygon that
        // holds its point is the municipality on this map.
        r.municipality = c.municipality >= 0 ? c.municipality : b_.locate(to_display_.forward(Vec2{l.lon, l.lat}));
        if (r.municipality >= 0) r.state = b_.municipality_state[static_cast<std::size_t>(r.municipality)];
        return r;
    }
    // A representative point inside the area (not a centroid, which can fall outside).
    const Vec2 p = c.precision == GeoPrecision::Municipality
                       ? b_.municipality_anchor[static_cast<std::size_t>(c.municipality)]
                       : b_.states[static_cast<std::size_t>(c.state)].label_anchor;
    const Vec2 ll = to_display_.inverse(p);
    r.lon = ll.x;
    r.lat = ll.y;
    r.municipality = c.municipality;
    return r;
}

GeocodeResult Geocoder::choose(std::vector<Candidate> found, const std::string& query) const {
    // One candidate per municipality (a town and its namesake village count once: keep the
    // most populous).
    std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) { return a.weight > b.weight; });
    std::vector<Candidate> distinct;
    std::set<long> seen;
    for (const auto& c : found) {
        const long key = c.municipality >= 0 ? c.municipality : -2 - c.locality;
        if (seen.insert(key).second) distinct.push_back(c);
    }
    auto describe = [&](const Candidate& c) {
        std::string s;
        if (c.locality >= 0) s = gazetteer_->localities[static_cast<std::size_t>(c.locality)].name + " in ";
        if (c.municipality >= 0) {
            const auto& a = b_.municipalities.attributes[static_cast<std::size_t>(c.municipality)];
            s += a.name + " (" + a.code + ")";
        }
        if (c.state >= 0) s += ", " + b_.states[static_cast<std::size_t>(c.state)].name;
        return s;
    };
    if (distinct.size() == 1) {
        std::string note;
        if (found.size() > 1)
            note = std::to_string(found.size()) + " places named '" + query +
                   "' in the same municipality; took the most populous";
        return finish(distinct.front(), note);
    }
    const double top = distinct[0].weight, second = distinct[1].weight;
    if (top > 0 && top >= 10 * second) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "%zu places named '%s'; took the most populous (%.0f vs %.0f next)",
                      distinct.size(), query.c_str(), top, second);
        return finish(distinct.front(), buf);
    }
    GeocodeResult r;
    r.status = GeoStatus::Ambiguous;
    r.note = std::to_string(distinct.size()) + " places named '" + query + "': ";
    for (std::size_t i = 0; i < distinct.size() && i < 5; ++i) r.note += (i ? "; " : "") + describe(distinct[i]);
    if (distinct.size() > 5) r.note += "; ...";
    r.note += " (give the state to choose)";
    return r;
}

GeocodeResult Geocoder::resolve(std::string_view place_in, std::string_view state_in) const {
    std::string place(place_in), state_text(state_in);
    if (state_text.empty())
        if (const auto comma = place.rfind(','); comma != std::string::npos) {
            state_text = place.substr(comma + 1);
            place = place.substr(0, comma);
        }
    long state = -1;
    std::string note;
    if (!fold_for_search(state_text).empty()) {
        state = match_state(state_text);
        if (state < 0) note = "state '" + state_text + "' not recognised; searched all states. ";
    }
    const std::string q = fold_for_search(place);
    if (q.empty()) {
        if (state >= 0) return finish({GeoPrecision::State, -1, -1, state, 0}, note);
        GeocodeResult r;
        r.note = note + "no place and no coordinates";
        return r;
    }
    // 1. A state named alone ("Sinaloa", "Mexico City"), unless the same state was given and
    //    holds a municipality of that name ("Chihuahua, Chihuahua" is the city).
    if (const long s = match_state(place); s >= 0 && (state < 0 || state == s)) {
        const bool city = state == s && municipality_keys_.count(q);
        if (!city) return finish({GeoPrecision::State, -1, -1, s, 0}, note);
    }
    // "Ciudad Juárez" names a city: weigh the towns called that and the towns called
    // "Juárez" together (a village named "Ciudad Juárez" must not beat a city of 1.5 million).
    if (const std::string bare = strip_prefix(q); bare != q) {
        auto found = candidates(q, state, kLocality);
        auto more = candidates(bare, state, kLocality);
        found.insert(found.end(), more.begin(), more.end());
        if (!found.empty()) {
            GeocodeResult r = choose(std::move(found), place);
            if (!note.empty()) r.note = note + r.note;
            return r;
        }
    }
    for (const std::string& attempt : {q, strip_prefix(q)}) {
        auto found = candidates(attempt, state, kAllTiers);
        if (found.empty()) continue;
        GeocodeResult r = choose(std::move(found), place);
        if (!note.empty()) r.note = note + r.note;
        return r;
    }
    GeocodeResult r;
    r.note = note + "no state, municipality or locality named '" + place + "'" +
             (state >= 0 ? " in " + b_.states[static_cast<std::size_t>(state)].name : "");
    return r;
}

}  // namespace mirador::geo
