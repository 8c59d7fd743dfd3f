#pragma once
// What the fuzz targets assert beyond the sanitizers. A failed check prints what was expected and
// aborts, which libFuzzer reports as a crash and saves the input that caused it.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define FUZZ_CHECK(cond, what)                                                                  \
    do {                                                                                        \
        if (!(cond)) {                                                                          \
            std::fprintf(stderr, "fuzz check failed at %s:%d: %s\n  %s\n", __FILE__, __LINE__, \
                         #cond, std::string(what).c_str());                                    \
            std::abort();                                                                       \
        }                                                                                       \
    } while (0)

namespace mirador::fuzz {

inline std::string_view as_text(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

inline bool ends_with(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// "name:LINE: ..." with 1 <= LINE <= max_line: every message about a row names the file and a line
// that exists.
inline bool names_file_and_line(std::string_view message, std::string_view name, std::size_t max_line) {
    if (message.substr(0, name.size()) != name || message.size() <= name.size() || message[name.size()] != ':')
        return false;
    std::size_t i = name.size() + 1, line = 0, digits = 0;
    for (; i < message.size() && message[i] >= '0' && message[i] <= '9' && digits < 12; ++i, ++digits)
        line = line * 10 + static_cast<std::size_t>(message[i] - '0');
    return digits > 0 && i < message.size() && message[i] == ':' && line >= 1 && line <= max_line;
}

}  // namespace mirador::fuzz
