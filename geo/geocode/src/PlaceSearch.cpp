#include "mirador/geo/PlaceSearch.hpp"

#include <algorithm>

#include "mirador/geo/StateCatalog.hpp"
#include "mirador/geo/Text.hpp"

namespace mirador::geo {

PlaceSearch::PlaceSearch(const Boundaries& b) {
    for (std::size_t i = 0; i < b.states.size(); ++i) {
        const auto& s = b.states[i];
        entries_.push_back({PlaceHit::Kind::State, i, fold_for_search(s.name), {}, s.name, s.code, s.area_m2});
        // "Michoacán" for "Michoacán de Ocampo", "CDMX" for "Ciudad de México".
        if (const StateEntry* e = find_state_by_code(s.code); e && fold_for_search(e->short_name) != entries_.back().key)
            entries_.push_back({PlaceHit::Kind::State, i, fold_for_search(e->short_name), {}, s.name, s.code, s.area_m2});
    }
    const auto& m = b.municipalities;
    for (std::size_t f = 0; f < m.feature_count(); ++f) {
        const StateInfo* s = b.state_of(f);
        const std::string state_name = s ? s->name : std::string();
        std::string state_key = fold_for_search(state_name);
        if (s)
            if (const StateEntry* e = find_state_by_code(s->code)) state_key += " | " + fold_for_search(e->short_name);
        entries_.push_back({PlaceHit::Kind::Municipality, f, fold_for_search(m.attributes[f].name), state_key,
                            m.attributes[f].name + (state_name.empty() ? "" : ", " + state_name), m.attributes[f].code,
                            m.feature_area(f)});
    }
}

namespace {

// 0 exact, 1 prefix, 2 a word starts with the query, 3 substring; -1 no match.
int match_rank(const std::string& key, const std::string& q) {
    if (q.empty()) return -1;
    if (key == q) return 0;
    if (key.compare(0, q.size(), q) == 0) return 1;
    for (std::size_t pos = key.find(' '); pos != std::string::npos; pos = key.find(' ', pos + 1))
        if (key.compare(pos + 1, q.size(), q) == 0) return 2;
    return key.find(q) != std::string::npos ? 3 : -1;
}

}  // namespace

std::vector<PlaceHit> PlaceSearch::find(const std::string& query, std::size_t limit) const {
    // "Juárez, Chihuahua": the part after the last comma names the state.
    std::string name_q = query, state_q;
    if (const auto comma = query.rfind(','); comma != std::string::npos) {
        name_q = query.substr(0, comma);
        state_q = fold_for_search(query.substr(comma + 1));
    }
    const std::string q = fold_for_search(name_q);
    struct Scored {
        int score;
        double area;
        const Entry* e;
    };
    std::vector<Scored> scored;
    for (const auto& e : entries_) {
        const int r = match_rank(e.key, q);
        if (r < 0) continue;
        if (!state_q.empty() && (e.kind == PlaceHit::Kind::State || e.state_key.find(state_q) == std::string::npos))
            continue;
        // States before municipalities of equal rank: "Sinaloa" is the state first.
        scored.push_back({r * 2 + (e.kind == PlaceHit::Kind::Municipality ? 1 : 0), e.area, &e});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
        return a.score != b.score ? a.score < b.score : a.area > b.area;
    });
    std::vector<PlaceHit> out;
    for (const auto& s : scored) {
        if (out.size() >= limit) break;
        // A state may be listed under two keys; show it once.
        if (std::any_of(out.begin(), out.end(), [&](const PlaceHit& h) { return h.kind == s.e->kind && h.index == s.e->index; }))
            continue;
        out.push_back({s.e->kind, s.e->index, s.e->label, s.e->code, s.score});
    }
    return out;
}

}  // namespace mirador::geo
