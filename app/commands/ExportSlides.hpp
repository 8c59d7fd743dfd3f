#pragma once
// `mirador export-slides`: every slide of a project rendered headless into its own image file in
// a folder, named by its number and its name (01-culiacan-2019.png), each written atomically.
#include <string>

#include "commands/Snapshot.hpp"
#include "document/MapDocument.hpp"

namespace mirador {

struct ExportSlidesOptions {
    std::string out_dir;
    std::string format = "png";  // png, jpg or tif
    SnapshotOptions frame;       // size, DPI, tiles of every file (frame.out unused)
};

// "01-culiacan-octubre-2019.png": the 1-based number (two digits at least), then the slide's
// name (or title) folded to lower-case ASCII letters, digits and dashes, at most 48 characters.
std::string slide_file_name(std::size_t index, const doc::Slide& slide, const std::string& format);

int run_export_slides_command(const doc::MapDocument& document, const ExportSlidesOptions& options);

}  // namespace mirador
