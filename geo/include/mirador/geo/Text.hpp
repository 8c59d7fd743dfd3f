#pragma once
// UTF-8 helpers for place names. INEGI publishes Latin-1 and UTF-8 files; everything
// inside Mirador is UTF-8, and names are matched after folding accents and case so that
// "culiacan" finds "Culiacán" and "MICHOACAN" finds "Michoacán de Ocampo".
#include <string>
#include <string_view>

namespace mirador::geo {

bool is_valid_utf8(std::string_view text);

// Reinterprets bytes as ISO-8859-1 and re-encodes them as UTF-8.
std::string latin1_to_utf8(std::string_view text);

// Returns the text as UTF-8: unchanged when it already is valid UTF-8, otherwise read as
// Latin-1 (the encoding of INEGI's own DBF files). `was_recoded` tells the caller which.
std::string ensure_utf8(std::string_view text, bool* was_recoded = nullptr);

// Lower-case, accents removed (á->a, ñ->n, ü->u ...), punctuation turned into single
// spaces, trimmed. Used as the key for every name comparison.
std::string fold_for_search(std::string_view utf8);

}  // namespace mirador::geo
