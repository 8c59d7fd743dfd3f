#include "mirador/geo/Text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace mirador::geo {

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // Eight ASCII bytes at a time: the incident CSV loader checks every row, and rows are
        // mostly ASCII, so the byte-by-byte decoder below was a tenth of the load time.
        if (i + 8 <= s.size()) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= s.size()) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms and surrogates are not valid UTF-8.
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

std::string latin1_to_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 4);
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out.push_back(ch);
        } else {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::string ensure_utf8(std::string_view s, bool* was_recoded) {
    const bool valid = is_valid_utf8(s);
    if (was_recoded) *was_recoded = !valid;
    return valid ? std::string(s) : latin1_to_utf8(s);
}

namespace {

// Folds one code point of the Latin-1 Supplement and Latin Extended-A ranges (all that
// Spanish, Nahuatl and Mayan place names use) to its base ASCII letter, lower case.
// Returns 0 for code points that are not letters we fold.
char fold_code_point(std::uint32_t cp) {
    if (cp < 0x80) {
        const char c = static_cast<char>(cp);
        if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return c;
        return ' ';
    }
    // Latin-1 Supplement letters, indexed from U+00C0.
    static const char kLatin1[] =
        "aaaaaaaceeeeiiii"   // C0-CF
        "dnooooo ouuuuyts"   // D0-DF  (U+00D7 × is not a letter)
        "aaaaaaaceeeeiiii"   // E0-EF
        "dnooooo ouuuuyty";  // F0-FF  (U+00F7 ÷ is not a letter)
    if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F) {
        // Latin Extended-A comes in upper/lower pairs grouped by base letter.
        // Generated from Unicode's decompositions (base letter, lower case); letters with
        // no decomposition (đ, ħ, ı, ł, œ ...) map to the letter they are read as.
        static const char kExtA[] =
            "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
            "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
        const std::uint32_t idx = cp - 0x100;
        if (idx < sizeof(kExtA) - 1) return kExtA[idx];
    }
    return ' ';
}

}  // namespace

std::string fold_for_search(std::string_view raw) {
    const std::string s = ensure_utf8(raw);
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    bool pending_space = false;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else if (c >= 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xC0) {
            len = 2;
            cp = c & 0x1F;
        }
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += len;
        // Combining diacritics (decomposed "a" + U+0301) simply disappear.
        if (cp >= 0x300 && cp <= 0x36F) continue;
        // Apostrophes join rather than split ("Dzidzantún", "O'Higgins").
        if (cp == '\'' || cp == 0x2019) continue;
        const char f = fold_code_point(cp);
        if (f == ' ') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(f);
    }
    return out;
}

}  // namespace mirador::geo

namespace mirador::geo {

std::string escape_for_terminal(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto escape = [&](unsigned char c) {
        static const char* hex = "0123456789abcdef";
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out.append("\\x").append(1, hex[c >> 4]).append(1, hex[c & 15]);
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t') || c == 0x7f) escape(c);
            else out += static_cast<char>(c);
            ++i;
            continue;
        }
        // A whole, valid UTF-8 character stays; C1 controls (U+0080..U+009F) and stray bytes do not.
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (len && i + len <= text.size() && is_valid_utf8(text.substr(i, len)) &&
            !(len == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0)) {
            out.append(text.substr(i, len));
            i += len;
        } else {
            escape(c);
            ++i;
        }
    }
    return out;
}

}  // namespace mirador::geo

namespace mirador::geo {

Result<bool> check_text_encoding(std::string_view head, const std::string& name) {
    const auto byte = [&](std::size_t i) { return i < head.size() ? static_cast<unsigned char>(head[i]) : 0x100u; };
    const char* found = nullptr;
    if (byte(0) == 0xFF && byte(1) == 0xFE && byte(2) == 0 && byte(3) == 0) found = "UTF-32 (little-endian)";
    else if (byte(0) == 0 && byte(1) == 0 && byte(2) == 0xFE && byte(3) == 0xFF) found = "UTF-32 (big-endian)";
    else if (byte(0) == 0xFF && byte(1) == 0xFE) found = "UTF-16 (little-endian)";
    else if (byte(0) == 0xFE && byte(1) == 0xFF) found = "UTF-16 (big-endian)";
    else {
        // No mark: ASCII text in UTF-16 has a zero byte in every other place.
        std::size_t even = 0, odd = 0;
        const std::size_t n = std::min<std::size_t>(head.size(), 512) & ~std::size_t{1};
        for (std::size_t i = 0; i < n; i += 2) even += head[i] == 0, odd += head[i + 1] == 0;
        if (n >= 8 && odd * 2 > n / 2 && even == 0) found = "UTF-16 (little-endian, no byte order mark)";
        else if (n >= 8 && even * 2 > n / 2 && odd == 0) found = "UTF-16 (big-endian, no byte order mark)";
    }
    if (!found) return true;
    return make_error(name + ": the text is " + found + "; Mirador reads UTF-8 (or Latin-1): save it as UTF-8 "
                             "(in a spreadsheet: CSV UTF-8; or iconv -f UTF-16 -t UTF-8)");
}

}  // namespace mirador::geo
