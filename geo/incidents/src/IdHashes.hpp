#pragma once
// Whether any id may repeat, from the ids' hashes: what find_duplicate_ids asks first of a
// store, and the clean-file fast path of a CSV asks of the ids it read (IncidentCsv.cpp).
// Internal to geo/incidents.
#include <cstddef>
#include <functional>
#include <span>
#include <string_view>

namespace mirador::geo::detail {

// 0 for no id; never 0 otherwise (an extra collision at worst).
inline std::size_t id_hash(std::string_view id) { return id.empty() ? 0 : std::hash<std::string_view>{}(id) | 1; }

// True when two non-zero hashes are equal: a repeated id, or (rarely) a collision, which the
// caller then tells apart by the text.
bool any_repeated_hash(std::span<const std::size_t> hashes);

}  // namespace mirador::geo::detail
