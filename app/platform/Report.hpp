#pragma once
// Every message Mirador prints on stderr goes through eprint(): printf-style, one message per
// call, with whatever came from a file (names, values, GDAL's words) escaped so that control
// bytes cannot reach the terminal (geo::escape_for_terminal). The final line break is kept.
namespace mirador {

[[gnu::format(printf, 1, 2)]] void eprint(const char* format, ...);

}  // namespace mirador
