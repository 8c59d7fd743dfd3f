#include "platform/Report.hpp"

#include <cstdarg>
#include <cstdio>
#include <string>

#include "mirador/geo/Text.hpp"

namespace mirador {

void eprint(const char* format, ...) {
    va_list args;
    va_start(args, format);
    va_list again;
    va_copy(again, args);
    const int n = std::vsnprintf(nullptr, 0, format, args);
    va_end(args);
    std::string text(n > 0 ? static_cast<std::size_t>(n) : 0, '\0');
    if (n > 0) std::vsnprintf(text.data(), text.size() + 1, format, again);
    va_end(again);
    const bool newline = !text.empty() && text.back() == '\n';
    if (newline) text.pop_back();
    std::string safe = geo::escape_for_terminal(text);
    if (newline) safe += '\n';
    std::fwrite(safe.data(), 1, safe.size(), stderr);
}

}  // namespace mirador
