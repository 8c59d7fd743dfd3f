#pragma once
// Data flags shared by the window and every command (--boundaries, --crs ...), so that the
// GUI and the CLI always read the same data the same way: they write into the document.
#include "document/MapDocument.hpp"

namespace CLI {
class App;
}

namespace mirador {

// --boundaries, --states, --crs, --source-crs, --field-*, --gazetteer, --population,
// --allow-partial, --triangulator: into the document's sources and view.
void add_data_options(CLI::App& app, doc::MapDocument& document);

}  // namespace mirador
