#include "mirador/geo/IncidentStore.hpp"

#include <algorithm>
#include <numeric>

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

}  // namespace

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

IncidentStore IncidentStoreBuilder::finish() {
    IncidentStore s = std::move(rows_);
    rows_ = IncidentStore();
    const std::size_t n = s.day_start_.size();

    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (s.day_start_[a] != s.day_start_[b]) return s.day_start_[a] < s.day_start_[b];
        return s.minute_[a] < s.minute_[b];  // no time (-1) first within its day
    });

    const bool already_sorted = std::is_sorted(order.begin(), order.end());
    if (!already_sorted) {
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

        std::vector<std::uint32_t> new_index(n);
        for (std::size_t k = 0; k < n; ++k) new_index[order[k]] = static_cast<std::uint32_t>(k);
        permute_big(s.big_fatalities_, new_index);
        permute_big(s.big_injured_, new_index);
    }

    s.max_day_end_.resize(n);
    std::int32_t running = std::numeric_limits<std::int32_t>::min();
    for (std::size_t i = 0; i < n; ++i) s.max_day_end_[i] = running = std::max(running, s.day_end_[i]);
    return s;
}

}  // namespace mirador::geo
