#pragma once
// Numbers on the command line: finite, within the range the whole program agrees on
// (document/Limits.hpp), whole where they count things. Checked on the text, before CLI11
// converts it, so "nan", "inf" and "1e308" get a message that quotes the range instead of
// slipping past a range test (NaN compares false with everything) or a failed conversion.
#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

#include "document/Limits.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador {

// "a number from 0.1 to 2000 km", "a whole number from 16 to 16384 pixels".
std::string describe(const limits::NumberRange& range);

// The text as a number inside `range`; the error says what was expected and quotes the text.
geo::Result<double> parse_number_in(std::string_view text, const limits::NumberRange& range);

// For add_option(...)->check(within(limits::kRadiusKm)).
CLI::Validator within(const limits::NumberRange& range);

}  // namespace mirador
