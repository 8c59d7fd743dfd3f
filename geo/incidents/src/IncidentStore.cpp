#include "mirador/geo/IncidentStore.hpp"

#include <algorithm>
#include <bit>
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

// Sort keys for time order: (time key << 32) | row, sorted. Equal times keep the order added (no
// time, -1, first within its day). Why not std::stable_sort on indices: on millions of
// incidents in random order its indirect comparisons miss the cache and took a large share of
// loading. Instead each incident's word is radix-sorted on the key bits only (LSD, so stable;
// the row bits keep equal keys in the order added). Input already in time order (many real
// catalogues) costs one pass. `lo` and `hi` bound the rows' day_start. Large inputs are sorted
// on two threads, each counting and moving the words of one half (the first half's words go
// first in each bucket, which keeps the sort stable).
template <typename Row>
std::vector<std::uint64_t> time_order(const std::vector<Row>& rows, std::int32_t lo, std::int32_t hi) {
    const std::size_t n = rows.size();
    std::vector<std::uint64_t> words(n);
    if (n == 0) return words;
    const std::int64_t min_day = lo;
    const std::uint64_t max_key = static_cast<std::uint64_t>(hi - min_day) * 1441 + 1440;
    if (max_key >= (std::uint64_t{1} << 32)) {  // dates thousands of years apart: no room to pack
        std::vector<std::uint32_t> order(n);
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return rows[a].day_start != rows[b].day_start ? rows[a].day_start < rows[b].day_start
                                                          : rows[a].minute < rows[b].minute;
        });
        for (std::size_t k = 0; k < n; ++k) words[k] = order[k];
        return words;
    }
    const int parts = n >= 100000 ? 2 : 1;
    const std::size_t from[3] = {0, parts == 2 ? n / 2 : n, n};
    const auto each_part = [&](auto&& work) {
        if (parts == 1) return work(0);
        std::thread second([&] { work(1); });
        work(0);
        second.join();
    };

    bool sorted[2] = {true, true};
    each_part([&](int p) {
        bool in_order = true;
        for (std::size_t i = from[p]; i < from[p + 1]; ++i) {
            const auto key = static_cast<std::uint64_t>(rows[i].day_start - min_day) * 1441 +
                             static_cast<std::uint64_t>(rows[i].minute + 1);
            words[i] = (key << 32) | i;
            in_order = in_order && (i == from[p] || words[i - 1] < words[i]);
        }
        sorted[p] = in_order;
    });
    if (sorted[0] && sorted[1] && (parts == 1 || words[from[1] - 1] < words[from[1]])) return words;

    // As few passes as the key needs, digits of at most 12 bits (4096 counters stay in L1/L2):
    // two passes for 17 years of days and minutes.
    const int key_bits = std::bit_width(max_key);
    const int passes = (key_bits + 11) / 12;
    const int digit = (key_bits + passes - 1) / passes;
    const std::uint64_t mask = (std::uint64_t{1} << digit) - 1;
    std::vector<std::uint64_t> tmp(n);
    std::vector<std::size_t> count[2];
    for (int pass = 0; pass < passes; ++pass) {
        const int shift = 32 + pass * digit;
        each_part([&](int p) {
            count[p].assign(mask + 1, 0);
            for (std::size_t i = from[p]; i < from[p + 1]; ++i) ++count[p][(words[i] >> shift) & mask];
        });
        // Where each part's words of each digit go: all smaller digits first, then part 0's.
        std::size_t next = 0;
        for (std::size_t d = 0; d <= mask; ++d) {
            const std::size_t first_part = count[0][d];
            count[0][d] = next;
            next += first_part;
            if (parts == 2) {
                const std::size_t second_part = count[1][d];
                count[1][d] = next;
                next += second_part;
            }
        }
        each_part([&](int p) {
            std::size_t* to = count[p].data();
            for (std::size_t i = from[p]; i < from[p + 1]; ++i) tmp[to[(words[i] >> shift) & mask]++] = words[i];
        });
        words.swap(tmp);
    }
    return words;
}

void rekey_big(std::vector<std::pair<std::uint32_t, std::uint32_t>>& big, const std::vector<std::uint32_t>& new_index) {
    for (auto& [incident, count] : big) incident = new_index[incident];
    std::sort(big.begin(), big.end());
}

}  // namespace

std::size_t IncidentStore::memory_bytes() const {
    auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
    std::size_t b = bytes(lon_) + bytes(lat_) + bytes(day_start_) + bytes(day_end_) + bytes(max_day_end_) +
                    bytes(short_block_max_end_) + bytes(long_spans_) + bytes(long_max_day_end_) +
                    bytes(minute_) + bytes(precision_) + bytes(category_) + bytes(municipality_) + bytes(fatalities_) +
                    bytes(injured_);
    for (const auto* c :
         {&id_, &date_text_, &place_, &state_, &cvegeo_, &source_, &notes_, &source_row_, &actor_first_, &actor_ids_})
        b += bytes(*c);
    b += bytes(location_precision_);
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
    r.location_precision = location_precision_[i];
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
    r.source_row = source_row(i);
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

IncidentStore::OverlapScan IncidentStore::scan_overlapping(std::int32_t from_day, std::int32_t to_day) const {
    OverlapScan scan;
    if (from_day > to_day) return scan;
    scan.last = static_cast<std::size_t>(std::upper_bound(day_start_.begin(), day_start_.end(), to_day) - day_start_.begin());
    // Short incidents below the first block whose running maximum reaches the window all end before it.
    const auto block = static_cast<std::size_t>(
        std::lower_bound(short_block_max_end_.begin(), short_block_max_end_.end(), from_day) - short_block_max_end_.begin());
    scan.first = std::min(block * kShortBlock, scan.last);
    // Long incidents below `first` that may still be going on when the window opens.
    const auto long_from = std::lower_bound(long_max_day_end_.begin(), long_max_day_end_.end(), from_day) - long_max_day_end_.begin();
    const auto long_to = std::lower_bound(long_spans_.begin(), long_spans_.end(), static_cast<std::uint32_t>(scan.first)) - long_spans_.begin();
    if (long_from < long_to)
        scan.before = std::span<const std::uint32_t>(long_spans_).subspan(static_cast<std::size_t>(long_from),
                                                                          static_cast<std::size_t>(long_to - long_from));
    return scan;
}

void IncidentStore::index_long_spans() {
    const std::size_t n = size();
    short_block_max_end_.assign((n + kShortBlock - 1) / kShortBlock, 0);
    long_spans_.clear();
    long_max_day_end_.clear();
    std::int32_t short_running = std::numeric_limits<std::int32_t>::min(), long_running = short_running;
    for (std::size_t i = 0; i < n; ++i) {
        if (day_end_[i] - day_start_[i] >= kLongSpanDays) {
            long_spans_.push_back(static_cast<std::uint32_t>(i));
            long_max_day_end_.push_back(long_running = std::max(long_running, day_end_[i]));
        } else {
            short_running = std::max(short_running, day_end_[i]);
        }
        if (i % kShortBlock == kShortBlock - 1 || i + 1 == n) short_block_max_end_[i / kShortBlock] = short_running;
    }
}

void IncidentStore::collect_overlapping(std::int32_t from_day, std::int32_t to_day, std::vector<std::uint32_t>& out) const {
    out.clear();
    const OverlapScan scan = scan_overlapping(from_day, to_day);
    for (const std::uint32_t i : scan.before)
        if (day_end_[i] >= from_day) out.push_back(i);
    for (std::size_t i = scan.first; i < scan.last; ++i)
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
    // Capacity never touched costs address space, not memory: generous guesses are cheap.
    rows_.reserve(n);
    source_rows_.reserve(n);
    actor_ids_.reserve(2 * n);
    // An id each, and a note on some: a file with notes on every row grows it once.
    strings_.reserve(n + n / 4);
}

void IncidentStoreBuilder::add(const IncidentView& in) {
    const auto index = static_cast<std::uint32_t>(rows_.size());
    Row r;
    r.lon = static_cast<float>(in.lon);
    r.lat = static_cast<float>(in.lat);
    r.day_start = in.date.day_start;
    r.day_end = in.date.day_end;
    day_lo_ = std::min(day_lo_, r.day_start);
    day_hi_ = std::max(day_hi_, r.day_start);
    r.municipality = in.municipality;
    // Ids and notes are unique to an incident; the rest repeats across incidents.
    r.id = strings_.add(in.id);
    r.notes = strings_.add(in.notes);
    r.date_text = strings_.intern(in.date_text);
    r.place = strings_.intern(in.place);
    r.state = strings_.intern(in.state);
    r.cvegeo = strings_.intern(in.municipality_code);
    r.source = strings_.intern(in.source);
    r.actor_first = static_cast<std::uint32_t>(actor_ids_.size());
    for (std::string_view a : in.actors) actor_ids_.push_back(strings_.intern(a));
    r.actor_end = static_cast<std::uint32_t>(actor_ids_.size());
    r.minute = static_cast<std::int16_t>(in.date.minute_of_day < 0 ? -1 : in.date.minute_of_day);
    r.fatalities = to_hot_count(in.fatalities);
    r.injured = to_hot_count(in.injured);
    r.precisions = static_cast<std::uint8_t>(static_cast<unsigned>(in.date.precision) |
                                             static_cast<unsigned>(in.location_precision) << 4);
    r.category = in.category;
    if (r.fatalities == kCountSaturated) big_fatalities_.emplace_back(index, *in.fatalities);
    if (r.injured == kCountSaturated) big_injured_.emplace_back(index, *in.injured);
    rows_.push_back(r);
    source_rows_.push_back(in.source_row);
}

void IncidentStoreBuilder::add(const Incident& in) {
    std::vector<std::string_view> actors(in.actors.begin(), in.actors.end());
    IncidentView v;
    v.id = in.id;
    v.date = in.date;
    v.date_text = in.date_text;
    v.lon = in.lon;
    v.lat = in.lat;
    v.location_precision = in.location_precision;
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
    v.source_row = in.source_row;
    add(v);
}

void IncidentStoreBuilder::append(IncidentStoreBuilder&& other) {
    const auto offset = static_cast<std::uint32_t>(rows_.size());
    const auto actor_base = static_cast<std::uint32_t>(actor_ids_.size());
    // Other's string ids move up by the number of strings here (StringPool::append).
    const auto shift = static_cast<std::uint32_t>(strings_.size() - 1);
    const auto moved = [shift](std::uint32_t id) { return id == StringPool::kEmpty ? id : id + shift; };
    // The rows are copied on a second thread while this one joins the string pools: at 10M
    // incidents each took about a tenth of a second. Only the copy touches rows_.
    auto copy_rows = [&] {
        rows_.reserve(rows_.size() + other.rows_.size());
        for (Row r : other.rows_) {
            for (std::uint32_t* id : {&r.id, &r.date_text, &r.place, &r.state, &r.cvegeo, &r.source, &r.notes})
                *id = moved(*id);
            r.actor_first += actor_base;
            r.actor_end += actor_base;
            rows_.push_back(r);
        }
    };
    std::thread copier;
    if (other.rows_.size() >= 100000) copier = std::thread(copy_rows);
    else copy_rows();
    strings_.append(std::move(other.strings_));
    actor_ids_.reserve(actor_ids_.size() + other.actor_ids_.size());
    for (const std::uint32_t id : other.actor_ids_) actor_ids_.push_back(moved(id));
    source_rows_.insert(source_rows_.end(), other.source_rows_.begin(), other.source_rows_.end());
    day_lo_ = std::min(day_lo_, other.day_lo_);
    day_hi_ = std::max(day_hi_, other.day_hi_);
    for (const auto& [i, count] : other.big_fatalities_) big_fatalities_.emplace_back(offset + i, count);
    for (const auto& [i, count] : other.big_injured_) big_injured_.emplace_back(offset + i, count);
    if (copier.joinable()) copier.join();
    other = IncidentStoreBuilder();
}

void IncidentStoreBuilder::shift_source_rows(std::uint32_t shift) {
    for (std::uint32_t& r : source_rows_)
        if (r != 0) r += shift;
}

IncidentStore IncidentStoreBuilder::finish() {
    const std::size_t n = rows_.size();
    const std::vector<std::uint64_t> words = time_order(rows_, day_lo_, day_hi_);
    IncidentStore s;
    s.strings_ = std::move(strings_);

    // Rows are gathered in time order into the columns: the hot ones on this thread, the cold
    // ones on a second (both read the same rows in the same order, so the second mostly finds
    // them in the shared cache). Small stores stay on one thread. Columns are sized first and
    // written through pointers: push_back's capacity check and size update per column per row
    // cost more than the gather.
    constexpr std::size_t kAhead = 16;  // rows prefetched ahead: the reads are random
    const auto row = [&](std::size_t k) -> const Row& { return rows_[static_cast<std::uint32_t>(words[k])]; };
    auto gather_cold = [&] {
        for (auto* c : {&s.id_, &s.date_text_, &s.place_, &s.state_, &s.cvegeo_, &s.source_, &s.notes_, &s.source_row_})
            c->resize(n);
        s.actor_first_.resize(n + 1);
        s.actor_ids_.resize(actor_ids_.size());
        s.location_precision_.resize(n);
        LocationPrecision* location = s.location_precision_.data();
        std::uint32_t *id = s.id_.data(), *date_text = s.date_text_.data(), *place = s.place_.data(),
                      *state = s.state_.data(), *cvegeo = s.cvegeo_.data(), *source = s.source_.data(),
                      *notes = s.notes_.data(), *first = s.actor_first_.data(), *actors = s.actor_ids_.data(),
                      *source_row = s.source_row_.data();
        const std::uint32_t* from = actor_ids_.data();
        std::uint32_t used = 0;
        first[0] = 0;
        for (std::size_t k = 0; k < n; ++k) {
            // Rows twice as far ahead as the actor lists they point to.
            if (k + 2 * kAhead < n) __builtin_prefetch(&row(k + 2 * kAhead));
            if (k + kAhead < n) __builtin_prefetch(from + row(k + kAhead).actor_first);
            const Row& r = row(k);
            id[k] = r.id;
            date_text[k] = r.date_text;
            place[k] = r.place;
            state[k] = r.state;
            cvegeo[k] = r.cvegeo;
            source[k] = r.source;
            notes[k] = r.notes;
            source_row[k] = source_rows_[static_cast<std::uint32_t>(words[k])];
            location[k] = static_cast<LocationPrecision>(r.precisions >> 4);
            for (std::uint32_t a = r.actor_first; a < r.actor_end; ++a) actors[used++] = from[a];
            first[k + 1] = used;
        }
    };
    std::thread cold;
    if (n >= 100000) cold = std::thread(gather_cold);
    else gather_cold();

    for (auto* c : {&s.lon_, &s.lat_}) c->resize(n);
    for (auto* c : {&s.day_start_, &s.day_end_, &s.max_day_end_}) c->resize(n);
    s.minute_.resize(n);
    s.precision_.resize(n);
    s.category_.resize(n);
    s.municipality_.resize(n);
    s.fatalities_.resize(n);
    s.injured_.resize(n);
    float *lon = s.lon_.data(), *lat = s.lat_.data();
    std::int32_t *day_start = s.day_start_.data(), *day_end = s.day_end_.data(), *max_day_end = s.max_day_end_.data();
    std::int16_t* minute = s.minute_.data();
    DatePrecision* precision = s.precision_.data();
    IncidentCategory* category = s.category_.data();
    std::uint32_t* municipality = s.municipality_.data();
    std::uint16_t *fatalities = s.fatalities_.data(), *injured = s.injured_.data();
    std::int32_t running = std::numeric_limits<std::int32_t>::min();
    for (std::size_t k = 0; k < n; ++k) {
        if (k + kAhead < n) __builtin_prefetch(&row(k + kAhead));
        const Row& r = row(k);
        lon[k] = r.lon;
        lat[k] = r.lat;
        day_start[k] = r.day_start;
        day_end[k] = r.day_end;
        max_day_end[k] = running = std::max(running, r.day_end);
        minute[k] = r.minute;
        precision[k] = static_cast<DatePrecision>(r.precisions & 0x0F);
        category[k] = r.category;
        municipality[k] = r.municipality;
        fatalities[k] = r.fatalities;
        injured[k] = r.injured;
    }
    s.index_long_spans();
    if (!big_fatalities_.empty() || !big_injured_.empty()) {
        std::vector<std::uint32_t> new_index(n);
        for (std::size_t k = 0; k < n; ++k) new_index[static_cast<std::uint32_t>(words[k])] = static_cast<std::uint32_t>(k);
        s.big_fatalities_ = std::move(big_fatalities_);
        s.big_injured_ = std::move(big_injured_);
        rekey_big(s.big_fatalities_, new_index);
        rekey_big(s.big_injured_, new_index);
    }
    if (cold.joinable()) cold.join();
    *this = IncidentStoreBuilder();
    return s;
}

}  // namespace mirador::geo
