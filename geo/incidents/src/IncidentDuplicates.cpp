#include "mirador/geo/IncidentDuplicates.hpp"

#include "IdHashes.hpp"

#include <algorithm>
#include <functional>
#include <thread>
#include <utility>

namespace mirador::geo {

namespace {

// Where an incident came first in its source: its row, else its place in the store.
std::uint64_t source_order(const IncidentStore& s, std::size_t i) {
    const std::uint32_t row = s.source_row(i);
    return (static_cast<std::uint64_t>(row == 0 ? UINT32_MAX : row) << 32) | static_cast<std::uint32_t>(i);
}

// Whether two non-empty ids may be the same. The hashes are computed first (in order, on two
// threads for large stores); any_repeated_hash (below) then looks for a repeat.
bool any_id_hash_repeats(const IncidentStore& s) {
    const std::size_t n = s.size();
    std::vector<std::size_t> hashes(n);
    const auto hash_range = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) hashes[i] = detail::id_hash(s.id(i));
    };
    if (n >= 100000) {
        std::thread second(hash_range, n / 2, n);
        hash_range(0, n / 2);
        second.join();
    } else {
        hash_range(0, n);
    }
    return detail::any_repeated_hash(hashes);
}

// Groups of incidents sharing a non-empty id, each in source order, groups by their first.
// Sorting (hash, index) pairs rather than a hash map of strings: no allocation per id.
std::vector<std::vector<std::size_t>> repeated_groups(const IncidentStore& s) {
    if (!any_id_hash_repeats(s)) return {};
    std::vector<std::pair<std::size_t, std::uint32_t>> keys;
    keys.reserve(s.size());
    const std::hash<std::string_view> hash;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!s.id(i).empty()) keys.emplace_back(hash(s.id(i)), static_cast<std::uint32_t>(i));
    std::sort(keys.begin(), keys.end());
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t a = 0; a < keys.size();) {
        std::size_t b = a + 1;
        while (b < keys.size() && keys[b].first == keys[a].first) ++b;
        if (b - a > 1) {
            // Same hash: split by the actual text (collisions are possible, if rare).
            std::vector<std::size_t> members;
            for (std::size_t k = a; k < b; ++k) members.push_back(keys[k].second);
            std::sort(members.begin(), members.end(), [&](std::size_t x, std::size_t y) {
                return s.id(x) != s.id(y) ? s.id(x) < s.id(y) : source_order(s, x) < source_order(s, y);
            });
            for (std::size_t k = 0; k < members.size();) {
                std::size_t e = k + 1;
                while (e < members.size() && s.id(members[e]) == s.id(members[k])) ++e;
                if (e - k > 1) groups.emplace_back(members.begin() + static_cast<std::ptrdiff_t>(k),
                                                   members.begin() + static_cast<std::ptrdiff_t>(e));
                k = e;
            }
        }
        a = b;
    }
    std::sort(groups.begin(), groups.end(),
              [&](const auto& x, const auto& y) { return source_order(s, x.front()) < source_order(s, y.front()); });
    return groups;
}

}  // namespace

// A set of the hashes (open addressing, linear probing), one pass, for the common case of no
// repeats. Sorting (hash, index) pairs was an eighth of `mirador density`'s CPU time on 1M rows;
// this pass is a fraction of that sort. Each slot is prefetched some ids ahead: a 16 MB set
// misses the cache on nearly every probe, and waiting for each miss in turn was 0.1 s of a
// 1M-row `mirador density`. Large sets are split by the hash's top bit between two threads,
// each with a set of its own half (equal hashes have equal bits).
bool detail::any_repeated_hash(std::span<const std::size_t> hashes) {
    const std::size_t n = hashes.size();
    const auto search = [&](std::size_t part, std::size_t parts) {
        std::size_t slots = 64;
        while (slots * parts < 2 * n) slots <<= 1;
        std::vector<std::size_t> set(slots, 0);  // 0: empty slot
        constexpr int kTopShift = 63;
        const auto mine = [&](std::size_t h) { return parts == 1 || (h >> kTopShift) == part; };
        constexpr std::size_t kAhead = 8;
        for (std::size_t i = 0; i < n; ++i) {
            if (i + kAhead < n) __builtin_prefetch(&set[hashes[i + kAhead] & (slots - 1)]);
            const std::size_t h = hashes[i];
            if (h == 0 || !mine(h)) continue;
            for (std::size_t k = h & (slots - 1);; k = (k + 1) & (slots - 1)) {
                if (set[k] == h) return true;
                if (set[k] == 0) {
                    set[k] = h;
                    break;
                }
            }
        }
        return false;
    };
    if (n < 200000 || std::thread::hardware_concurrency() < 2) return search(0, 1);
    bool upper = false;
    std::thread other([&] { upper = search(1, 2); });
    const bool lower = search(0, 2);
    other.join();
    return lower || upper;
}

DuplicateIds find_duplicate_ids(const IncidentStore& store, std::size_t max_examples) {
    DuplicateIds d;
    auto groups = repeated_groups(store);
    d.ids = groups.size();
    for (const auto& g : groups) d.extra_rows += g.size() - 1;
    if (groups.size() > max_examples) groups.resize(max_examples);
    d.examples = std::move(groups);
    return d;
}

std::string describe_duplicates(const DuplicateIds& d, const IncidentStore& s, const std::string& name,
                                const std::string& row_word, bool removed) {
    std::string m = name + ": " + std::to_string(d.ids) + (d.ids == 1 ? " id appears" : " ids appear") +
                    " on more than one " + row_word + " (" + std::to_string(d.extra_rows) + " extra " + row_word +
                    (d.extra_rows == 1 ? "" : "s") + "; " +
                    (removed ? "only the first of each was kept" : "every one is counted: --dedupe keeps the first of each") +
                    ")";
    for (std::size_t g = 0; g < d.examples.size(); ++g) {
        m += g == 0 ? ": '" : "; '";
        m += std::string(s.id(d.examples[g].front())) + "' on " + row_word + "s ";
        for (std::size_t k = 0; k < d.examples[g].size() && k < 6; ++k) {
            const std::uint32_t row = s.source_row(d.examples[g][k]);
            m += (k ? ", " : "") + (row ? std::to_string(row) : std::string("?"));
        }
        if (d.examples[g].size() > 6) m += ", ...";
    }
    if (d.ids > d.examples.size()) m += "; ...";
    return m;
}

IncidentStore without_duplicate_ids(const IncidentStore& store) {
    std::vector<std::uint8_t> drop(store.size(), 0);
    for (const auto& g : repeated_groups(store))
        for (std::size_t k = 1; k < g.size(); ++k) drop[g[k]] = 1;
    IncidentStoreBuilder b;
    b.reserve(store.size());
    for (std::size_t i = 0; i < store.size(); ++i)
        if (!drop[i]) b.add(store.incident(i));
    return b.finish();
}

}  // namespace mirador::geo
