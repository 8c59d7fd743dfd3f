#include "document/DateRange.hpp"

#include <algorithm>
#include <climits>

#include "document/TimePlayback.hpp"
#include "mirador/geo/IncidentDate.hpp"

namespace mirador {

geo::Result<bool> apply_date_range(const DateRangeFlags& f, doc::TimeSettings& time) {
    if (f.from.empty() && f.to.empty()) return true;
    // Open sides: far enough that a span length never overflows.
    geo::DayRange w{INT32_MIN / 2, INT32_MAX / 2};
    if (!f.from.empty()) {
        auto d = geo::parse_incident_date(f.from);
        if (!d) return geo::make_error("--from: " + d.error());
        w.from = d->day_start;
    }
    if (!f.to.empty()) {
        auto d = geo::parse_incident_date(f.to);
        if (!d) return geo::make_error("--to: " + d.error());
        w.to = d->day_end;
    }
    if (w.empty()) return geo::make_error("--from " + f.from + " is after --to " + f.to + ": the window would be empty");
    // An open side reaches to the ends of the calendar Mirador dates: years 1 and 9999.
    w.from = std::max(w.from, geo::days_from_civil(1, 1, 1));
    w.to = std::min(w.to, geo::days_from_civil(9999, 12, 31));
    time.window = window_spec_for(w);
    set_window(time, w);
    return true;
}

}  // namespace mirador
