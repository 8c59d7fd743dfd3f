#include "mirador/geo/Placements.hpp"

#include <algorithm>
#include <stdexcept>

namespace mirador::geo {

void Placements::push_back(const GeocodeResult& r) {
    // The sentinel takes the last value of the byte; boundaries have 32 states.
    if (r.state >= long(kNoState)) throw std::length_error("Placements: state index does not fit in a byte");
    const auto i = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back({static_cast<std::uint8_t>(r.status), static_cast<std::uint8_t>(r.precision),
                        r.state < 0 ? kNoState : static_cast<std::uint8_t>(r.state),
                        static_cast<std::uint8_t>(r.municipality >= 0 ? 1 : 0)});
    if (!r.note.empty()) note_ids_.emplace_back(i, notes_.intern(r.note));
}

std::string_view Placements::note(std::size_t i) const {
    const auto it = std::lower_bound(note_ids_.begin(), note_ids_.end(), i,
                                     [](const auto& e, std::size_t k) { return e.first < k; });
    return it != note_ids_.end() && it->first == i ? notes_.get(it->second) : std::string_view();
}

std::size_t Placements::memory_bytes() const {
    return entries_.capacity() * sizeof(Entry) + note_ids_.capacity() * sizeof(note_ids_[0]) + notes_.memory_bytes();
}

}  // namespace mirador::geo
