#pragma once
// UTF-8 helpers for place names. INEGI publishes Latin-1 and UTF-8 files; everything
// inside Mirador is UTF-8, and names are matched after folding accents and case so that
// "culiacan" finds "Culiacán" and "MICHOACAN" finds "Michoacán de Ocampo".
#include <string>
#include <string_view>

#include "mirador/geo/Result.hpp"

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

namespace mirador::geo {

// Text from a file made safe to print on a terminal: control characters (ESC, BEL, CR, a line
// break inside a message ...), C1 controls and bytes that are not UTF-8 become visible escapes
// (\x1b, \n); printable UTF-8, accents included, and tabs stay as they are. A file cannot then
// recolour, retitle or rewrite the user's terminal through an error message.
std::string escape_for_terminal(std::string_view text);

}  // namespace mirador::geo

namespace mirador::geo {

// UTF-16 (by its byte order mark, or by the zero bytes of ASCII text in it) and UTF-32 cannot be
// read as text here: an error naming the file and the encoding, so that the user re-saves it as
// UTF-8 instead of puzzling over a "missing column" full of mojibake. Latin-1 and UTF-8 pass.
Result<bool> check_text_encoding(std::string_view head, const std::string& name);

}  // namespace mirador::geo
