#pragma once
// A time window given as two dates (2019, 2019-10 or 2019-10-17; the end's whole span
// included), as `--from` and `--to` take them and as File > Export animation asks for them: one
// parser, so the window and the command line read the same dates the same way.
#include <string>

#include "document/MapDocument.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador {

struct DateRangeFlags {
    std::string from, to;
};

// The time window they name, into `time` (untouched when neither is given). An error for a bad
// date or --from after --to.
geo::Result<bool> apply_date_range(const DateRangeFlags& flags, doc::TimeSettings& time);

}  // namespace mirador
