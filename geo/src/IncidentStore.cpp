#include "mirador/geo/IncidentStore.hpp"

#include <algorithm>
#include <numeric>
#include <thread>

namespace mirador::geo {

static_assert(IncidentStore::bytes_per_incident_hot() <= 32, "hot columns must stay within 32 bytes per incident");

namespace {

std::uint16_t to_hot_count(std::optional<std::uint32_t> v) {
    if (!v) return kCountUnknown;
    return *v >= kCountSaturated ? kCountSaturated : static_cast<std::uint16_t>(*v);
}

std::optional<std::uint32_t> exact_count(std::uint16_t hot, std::size_t i,
                                         const std::vector<std::pair<std::uint32_t, std::uint32_t>>& big) {
    if (hot == kCountUnknown) return std::nullopt;
    if (hot != kCountSaturated) return hot;
    const auto it = std::lower_bound(big.begin(), big.end(), std::pair<std::uint32_t, std::uint32_t>(static_cast<std::uint32_t>(i), 0));
    return it != big.end() && it->first == i ? it->second : kCountSaturated;
}

template <typename T>
void permute(std::vector<T>& column, const std::vector<std::uint32_t>& order) {
    std::vector<T> sorted;
    sorted.reserve(column.size());
    for (std::uint32_t i : order) sorted.push_back(column[i]);
    column.swap(sorted);
}

// Re-keys the (incident, count) list after the incidents were reordered.
void permute_big(std::vector<std::pair<std::uint32_t, std::uint32_t>>& big, const std::vector<std::uint32_t>& new_index) {
    for (auto& [incident, count] : big) incident = new_index[incident];
    std::sort(big.begin(), big.end());
}

// Indices in order of (day_start, minute), equal times in the order added (no time, -1, first
// within its day). Why not std::stable_sort with a comparator: on millions of incidents in
// random order its indirect comparisons miss the cache and took a large share of loading.
// Instead each incident becomes one 64-bit word, (time key << 32) | index, radix-sorted on the
// key bits only (LSD, so stable; the index bits keep equal keys in the order added).
std::vector<std::uint32_t> time_order(const std::vector<std::int32_t>& day, const std::vector<std::int16_t>& minute) {
    const std::size_t n = day.size();
    std::vector<std::uint32_t> order(n);
    if (n == 0) return order;
    const auto [lo, hi] = std::minmax_element(day.begin(), day.end());
    const std::int64_t min_day = *lo;
    const std::uint64_t max_key = static_cast<std::uint64_t>(*hi - min_day) * 1441 + 1440;
    if (max_key >= (std::uint64_t{1} << 32)) {  // dates thousands of years apart: no room to pack
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return day[a] != day[b] ? day[a] < day[b] : minute[a] < minute[b];
        });
        return order;
    }
    std::vector<std::uint64_t> words(n);
    bool sorted = true;
    for (std::size_t i = 0; i < n; ++i) {
        const auto key = static_cast<std::uint64_t>(day[i] - min_day) * 1441 + static_cast<std::uint64_t>(minute[i] + 1);
        words[i] = (key << 32) | i;
        sorted = sorted && (i == 0 || words[i - 1] < words[i]);
    }
    if (!sorted) {
        constexpr int kBits = 11;
        constexpr std::uint64_t kMask = (1u << kBits) - 1;
        std::vector<std::uint64_t> tmp(n);
        std::vector<std::size_t> count;
        for (int shift = 32; shift < 64 && (max_key >> (shift - 32)) != 0; shift += kBits) {
            count.assign(kMask + 2, 0);
            for (const std::uint64_t w : words) ++count[((w >> shift) & kMask) + 1];
            for (std::size_t d = 1; d < count.size(); ++d) count[d] += count[d - 1];
            for (const std::uint64_t w : words) tmp[count[(w >> shift) & kMask]++] = w;
            words.swap(tmp);
        }
    }
    for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(words[i]);
    return order;
}

}  // namespace

std::size_t IncidentStore::memory_bytes() const {
    auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
    std::size_t b = bytes(lon_) + bytes(lat_) + bytes(day_start_) + bytes(day_end_) + bytes(max_day_end_) +
                    bytes(minute_) + bytes(precision_) + bytes(category_) + bytes(municipality_) + bytes(fatalities_) +
                    bytes(injured_);
    for (const auto* c : {&id_, &date_text_, &place_, &state_, &cvegeo_, &source_, &notes_, &actor_first_, &actor_ids_})
        b += bytes(*c);
    return b + bytes(big_fatalities_) + bytes(big_injured_) + strings_.memory_bytes();
}

IncidentDate IncidentStore::date(std::size_t i) const {
    return {day_start_[i], day_end_[i], precision_[i], minute_[i]};
}

std::optional<std::uint32_t> IncidentStore::fatalities(std::size_t i) const {
    return exact_count(fatalities_[i], i, big_fatalities_);
}

std::optional<std::uint32_t> IncidentStore::injured(std::size_t i) const {
    return exact_count(injured_[i], i, big_injured_);
}

Incident IncidentStore::incident(std::size_t i) const {
    Incident r;
    r.id = id(i);
    r.date = date(i);
    r.date_text = date_text(i);
    r.lon = lon_[i];
    r.lat = lat_[i];
    r.place = place(i);
    r.state = state(i);
    r.municipality_code = municipality_code(i);
    r.municipality = municipality_[i];
    r.category = category_[i];
    for (std::size_t k = 0; k < actor_count(i); ++k) r.actors.emplace_back(actor(i, k));
    r.fatalities = fatalities(i);
    r.injured = injured(i);
    r.source = source(i);
    r.notes = notes(i);
    return r;
}

long IncidentStore::find_id(std::string_view wanted) const {
    for (std::size_t i = 0; i < size(); ++i)
        if (id(i) == wanted) return static_cast<long>(i);
    return -1;
}

std::pair<std::size_t, std::size_t> IncidentStore::range_overlapping(std::int32_t from_day, std::int32_t to_day) const {
    if (from_day > to_day) return {0, 0};
    // Past the last incident that starts by the end of the window...
    const auto last = std::upper_bound(day_start_.begin(), day_start_.end(), to_day) - day_start_.begin();
    // ...from the first one at or after which something is still going on when the window opens.
    const auto first = std::lower_bound(max_day_end_.begin(), max_day_end_.end(), from_day) - max_day_end_.begin();
    const auto l = static_cast<std::size_t>(last);
    return {std::min(static_cast<std::size_t>(first), l), l};
}

void IncidentStore::collect_overlapping(std::int32_t from_day, std::int32_t to_day, std::vector<std::uint32_t>& out) const {
    out.clear();
    const auto [first, last] = range_overlapping(from_day, to_day);
    for (std::size_t i = first; i < last; ++i)
        if (day_end_[i] >= from_day) out.push_back(static_cast<std::uint32_t>(i));
}

void IncidentStore::set_location(std::size_t i, double lon, double lat) {
    lon_[i] = static_cast<float>(lon);
    lat_[i] = static_cast<float>(lat);
}

void IncidentStore::set_municipality(std::size_t i, std::uint32_t municipality, std::string_view cvegeo) {
    municipality_[i] = municipality;
    cvegeo_[i] = strings_.intern(cvegeo);
}

void IncidentStoreBuilder::reserve(std::size_t n) {
    IncidentStore& s = rows_;
    s.lon_.reserve(n);
    s.lat_.reserve(n);
    s.day_start_.reserve(n);
    s.day_end_.reserve(n);
    s.minute_.reserve(n);
    s.precision_.reserve(n);
    s.category_.reserve(n);
    s.municipality_.reserve(n);
    s.fatalities_.reserve(n);
    s.injured_.reserve(n);
    for (auto* c : {&s.id_, &s.date_text_, &s.place_, &s.state_, &s.cvegeo_, &s.source_, &s.notes_}) c->reserve(n);
    s.actor_first_.reserve(n + 1);
}

void IncidentStoreBuilder::add(const IncidentView& in) {
    IncidentStore& s = rows_;
    const auto index = static_cast<std::uint32_t>(s.day_start_.size());
    s.lon_.push_back(static_cast<float>(in.lon));
    s.lat_.push_back(static_cast<float>(in.lat));
    s.day_start_.push_back(in.date.day_start);
    s.day_end_.push_back(in.date.day_end);
    s.minute_.push_back(static_cast<std::int16_t>(in.date.minute_of_day < 0 ? -1 : in.date.minute_of_day));
    s.precision_.push_back(in.date.precision);
    s.category_.push_back(in.category);
    s.municipality_.push_back(in.municipality);
    s.fatalities_.push_back(to_hot_count(in.fatalities));
    s.injured_.push_back(to_hot_count(in.injured));
    if (s.fatalities_.back() == kCountSaturated) s.big_fatalities_.emplace_back(index, *in.fatalities);
    if (s.injured_.back() == kCountSaturated) s.big_injured_.emplace_back(index, *in.injured);

    // Ids and notes are unique to an incident; the rest repeats across incidents.
    s.id_.push_back(s.strings_.add(in.id));
    s.notes_.push_back(s.strings_.add(in.notes));
    s.date_text_.push_back(s.strings_.intern(in.date_text));
    s.place_.push_back(s.strings_.intern(in.place));
    s.state_.push_back(s.strings_.intern(in.state));
    s.cvegeo_.push_back(s.strings_.intern(in.municipality_code));
    s.source_.push_back(s.strings_.intern(in.source));
    for (std::string_view a : in.actors) s.actor_ids_.push_back(s.strings_.intern(a));
    s.actor_first_.push_back(static_cast<std::uint32_t>(s.actor_ids_.size()));
}

void IncidentStoreBuilder::add(const Incident& in) {
    std::vector<std::string_view> actors(in.actors.begin(), in.actors.end());
    IncidentView v;
    v.id = in.id;
    v.date = in.date;
    v.date_text = in.date_text;
    v.lon = in.lon;
    v.lat = in.lat;
    v.place = in.place;
    v.state = in.state;
    v.municipality_code = in.municipality_code;
    v.municipality = in.municipality;
    v.category = in.category;
    v.actors = actors;
    v.fatalities = in.fatalities;
    v.injured = in.injured;
    v.source = in.source;
    v.notes = in.notes;
    add(v);
}

void IncidentStoreBuilder::append(IncidentStoreBuilder&& other) {
    IncidentStore& s = rows_;
    IncidentStore& o = other.rows_;
    const auto offset = static_cast<std::uint32_t>(s.day_start_.size());
    const std::vector<std::uint32_t> remap = s.strings_.absorb(std::move(o.strings_));
    auto cat = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
    cat(s.lon_, o.lon_);
    cat(s.lat_, o.lat_);
    cat(s.day_start_, o.day_start_);
    cat(s.day_end_, o.day_end_);
    cat(s.minute_, o.minute_);
    cat(s.precision_, o.precision_);
    cat(s.category_, o.category_);
    cat(s.municipality_, o.municipality_);
    cat(s.fatalities_, o.fatalities_);
    cat(s.injured_, o.injured_);
    auto cat_ids = [&](std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& from) {
        to.reserve(to.size() + from.size());
        for (const std::uint32_t id : from) to.push_back(remap[id]);
    };
    cat_ids(s.id_, o.id_);
    cat_ids(s.date_text_, o.date_text_);
    cat_ids(s.place_, o.place_);
    cat_ids(s.state_, o.state_);
    cat_ids(s.cvegeo_, o.cvegeo_);
    cat_ids(s.source_, o.source_);
    cat_ids(s.notes_, o.notes_);
    const auto actor_base = static_cast<std::uint32_t>(s.actor_ids_.size());
    cat_ids(s.actor_ids_, o.actor_ids_);
    for (std::size_t k = 1; k < o.actor_first_.size(); ++k) s.actor_first_.push_back(actor_base + o.actor_first_[k]);
    for (const auto& [i, count] : o.big_fatalities_) s.big_fatalities_.emplace_back(offset + i, count);
    for (const auto& [i, count] : o.big_injured_) s.big_injured_.emplace_back(offset + i, count);
    other.rows_ = IncidentStore();
}

IncidentStore IncidentStoreBuilder::finish() {
    IncidentStore s = std::move(rows_);
    rows_ = IncidentStore();
    const std::size_t n = s.day_start_.size();

    std::vector<std::uint32_t> order = time_order(s.day_start_, s.minute_);

    const bool already_sorted = std::is_sorted(order.begin(), order.end());
    if (!already_sorted) {
        // The cold columns are permuted on a second thread while this one does the hot ones:
        // gathering twenty columns of millions of rows was most of finish(). Small stores stay
        // on one thread.
        auto permute_cold = [&] {
            for (auto* c : {&s.id_, &s.date_text_, &s.place_, &s.state_, &s.cvegeo_, &s.source_, &s.notes_})
                permute(*c, order);
            std::vector<std::uint32_t> first{0}, ids;
            first.reserve(n + 1);
            ids.reserve(s.actor_ids_.size());
            for (std::uint32_t i : order) {
                ids.insert(ids.end(), s.actor_ids_.begin() + s.actor_first_[i], s.actor_ids_.begin() + s.actor_first_[i + 1]);
                first.push_back(static_cast<std::uint32_t>(ids.size()));
            }
            s.actor_first_.swap(first);
            s.actor_ids_.swap(ids);
        };
        std::thread cold;
        if (n >= 100000) cold = std::thread(permute_cold);
        else permute_cold();
        permute(s.lon_, order);
        permute(s.lat_, order);
        permute(s.day_start_, order);
        permute(s.day_end_, order);
        permute(s.minute_, order);
        permute(s.precision_, order);
        permute(s.category_, order);
        permute(s.municipality_, order);
        permute(s.fatalities_, order);
        permute(s.injured_, order);

        std::vector<std::uint32_t> new_index(n);
        for (std::size_t k = 0; k < n; ++k) new_index[order[k]] = static_cast<std::uint32_t>(k);
        permute_big(s.big_fatalities_, new_index);
        permute_big(s.big_injured_, new_index);
        if (cold.joinable()) cold.join();
    }

    s.max_day_end_.resize(n);
    std::int32_t running = std::numeric_limits<std::int32_t>::min();
    for (std::size_t i = 0; i < n; ++i) s.max_day_end_[i] = running = std::max(running, s.day_end_[i]);
    return s;
}

}  // namespace mirador::geo
