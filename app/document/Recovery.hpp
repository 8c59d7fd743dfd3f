#pragma once
// The recovery file: the open document, written every minute while it has unsaved changes and
// when the window closes with changes unsaved, so that a crash or a killed window loses at most a
// minute. It sits beside the project (".NAME.recovery", found when the project is opened again),
// or, for a map never saved, in $XDG_STATE_HOME/mirador/ (~/.local/state/mirador/). A clean close
// with nothing unsaved removes it.
#include <string>

#include "document/MapDocument.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador::doc {

std::string recovery_path(const std::string& project);
[[nodiscard]] geo::Result<bool> write_recovery(const MapDocument& document, const std::string& project);
// The recovered document; an error when there is none or it cannot be read (it is then left as
// it is, for the analyst to look at).
[[nodiscard]] geo::Result<MapDocument> read_recovery(const std::string& project);
void remove_recovery(const std::string& project);

}  // namespace mirador::doc
