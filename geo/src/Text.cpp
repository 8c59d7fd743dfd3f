#include "mirador/geo/Text.hpp"

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
