#pragma once
// Where place_incidents() put each incident of a store, kept small: at 10 million incidents a
// GeocodeResult each (72 bytes) would be 720 MB, more than half the store, while what the
// map, the counts and the details panel need per incident fits in four bytes.
//
// Position and municipality are not repeated here: the store already holds both (lon/lat, and
// the municipality that place_incidents() writes into it), so only a flag says whether the
// store's municipality is the geocoder's. Notes are rare (ambiguous, unmatched, or a choice
// among namesakes) and repeat the same few texts, so they are kept sparsely, interned.
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "mirador/geo/Geocoder.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/StringPool.hpp"

namespace mirador::geo {

class Placements {
public:
    void reserve(std::size_t n) { entries_.reserve(n); }
    // Appends the next incident's result, in store order. Its municipality is read back from
    // the store, so the store's municipality column must hold r.municipality for this incident
    // whenever it is >= 0 (place_incidents() sees to that).
    void push_back(const GeocodeResult& r);

    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }

    GeoStatus status(std::size_t i) const { return static_cast<GeoStatus>(entries_[i].status); }
    GeoPrecision precision(std::size_t i) const { return static_cast<GeoPrecision>(entries_[i].precision); }
    bool matched(std::size_t i) const { return status(i) == GeoStatus::Matched; }
    // Index into Boundaries::states, or -1.
    long state(std::size_t i) const { return entries_[i].state == kNoState ? -1 : long(entries_[i].state); }
    // Index into Boundaries::municipalities, or -1 (also for an incident placed only to a state).
    long municipality(std::size_t i, const IncidentStore& store) const {
        return entries_[i].has_municipality ? long(store.municipality()[i]) : -1;
    }
    std::string_view note(std::size_t i) const;  // empty for most incidents

    // Its position is where it happened (a point, a locality): drawn as a filled disc. Other
    // positions stand for a municipality, a state, a region or the country: drawn hollow.
    bool exact(std::size_t i) const {
        const auto p = precision(i);
        return p == GeoPrecision::Point || p == GeoPrecision::Locality;
    }
    // Counts for its state but for no municipality.
    bool state_level(std::size_t i) const { return matched(i) && !entries_[i].has_municipality && entries_[i].state != kNoState; }
    // Counts for Mexico only: no state, no municipality.
    bool country_level(std::size_t i) const { return matched(i) && entries_[i].state == kNoState; }
    // Its position may feed a density surface: it is where the incident happened or stands for
    // its municipality, not for a whole state, region or country (whose centroid would show
    // as a hot spot).
    bool local(std::size_t i) const {
        const auto p = precision(i);
        return p == GeoPrecision::Point || p == GeoPrecision::Locality || p == GeoPrecision::Municipality;
    }

    static constexpr std::size_t bytes_per_incident() { return sizeof(Entry); }
    // Heap held, notes included.
    std::size_t memory_bytes() const;

private:
    static constexpr std::uint8_t kNoState = 0xFF;
    struct Entry {
        std::uint8_t status;
        std::uint8_t precision;
        std::uint8_t state;  // kNoState: none
        std::uint8_t has_municipality;
    };
    std::vector<Entry> entries_;
    // (incident, id in notes_) for the incidents with a note, by incident.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> note_ids_;
    StringPool notes_;
};

}  // namespace mirador::geo
