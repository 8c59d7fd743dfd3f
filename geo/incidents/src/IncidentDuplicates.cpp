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

// Equal hashes share their top bits: the hashes are first partitioned by their top 8 bits (a
// counting pass and a scatter pass, both in order), then each part is looked through with a set
// of its own (open addressing, linear probing) small enough to stay in the cache, the parts
// shared between two threads for large inputs. One set of 2M slots for 1M ids missed the cache
// on nearly every probe: 20 ms of a 1M-row `mirador density` even on two threads, against a few
// here. (Sorting (hash, index) pairs, before that, was an eighth of its CPU time.)
bool detail::any_repeated_hash(std::span<const std::size_t> hashes) {
    constexpr int kPartBits = 8, kParts = 1 << kPartBits, kShift = 64 - kPartBits;
    std::vector<std::size_t> start(kParts + 1, 0);
    for (const std::size_t h : hashes)
        if (h != 0) ++start[(h >> kShift) + 1];
    for (int p = 0; p < kParts; ++p) start[p + 1] += start[p];
    std::vector<std::size_t> parted(start[kParts]);
    {
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (const std::size_t h : hashes)
            if (h != 0) parted[next[h >> kShift]++] = h;
    }
    const auto search = [&](int first, int last) {
        std::vector<std::size_t> set;
        for (int p = first; p < last; ++p) {
            const std::size_t n = start[p + 1] - start[p];
            std::size_t slots = 16;
            while (slots < 2 * n) slots <<= 1;
            set.assign(slots, 0);  // 0: empty slot
            for (std::size_t i = start[p]; i < start[p + 1]; ++i) {
                const std::size_t h = parted[i];
                for (std::size_t k = h & (slots - 1);; k = (k + 1) & (slots - 1)) {
                    if (set[k] == h) return true;
                    if (set[k] == 0) {
                        set[k] = h;
                        break;
                    }
                }
            }
        }
        return false;
    };
    if (parted.size() < 200000 || std::thread::hardware_concurrency() < 2) return search(0, kParts);
    bool upper = false;
    std::thread other([&] { upper = search(kParts / 2, kParts); });
    const bool lower = search(0, kParts / 2);
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
