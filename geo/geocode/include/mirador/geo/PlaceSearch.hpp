#pragma once
// Finds states and municipalities by name as analysts type them: accents and case do not
// matter ("culiacan" -> Culiacán), a prefix or any word of the name is enough ("Iguala" ->
// Iguala de la Independencia), and "Juárez, Chihuahua" narrows by state.
#include <string>
#include <vector>

#include "mirador/geo/Boundaries.hpp"

namespace mirador::geo {

struct PlaceHit {
    enum class Kind { State, Municipality } kind;
    std::size_t index;   // into Boundaries::states or municipalities
    std::string label;   // "Culiacán, Sinaloa"
    std::string code;    // CVEGEO
    int score;           // lower is better
};

class PlaceSearch {
public:
    PlaceSearch() = default;
    explicit PlaceSearch(const Boundaries& boundaries);
    std::vector<PlaceHit> find(const std::string& query, std::size_t limit = 12) const;

private:
    struct Entry {
        PlaceHit::Kind kind;
        std::size_t index;
        std::string key;        // folded name
        std::string state_key;  // folded state name (municipalities)
        std::string label, code;
        double area;            // ties: larger places first
    };
    std::vector<Entry> entries_;
};

}  // namespace mirador::geo
