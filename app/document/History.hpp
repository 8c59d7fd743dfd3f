#pragma once
// Undo and redo of document changes. The window records the document after its panels each
// frame; a change becomes one step, and changes made while a control is held (a slider dragged,
// a name typed) coalesce into the step that began with the first, so a drag is one undo. Changes
// the window makes by itself (the time slider playing) are adopted without a step. The stack
// lives with the window, not the file: saving does not clear it.
#include <cstddef>
#include <optional>
#include <vector>

#include "document/MapDocument.hpp"

namespace mirador::doc {

class History {
public:
    explicit History(MapDocument initial, std::size_t max_steps = 500);

    // The document as it is now; `editing`: a control is still being changed.
    void record(const MapDocument& current, bool editing);
    // The document as it is now, taken without a step.
    void adopt(const MapDocument& current);

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    // The document to show after undoing (redoing) a step; none when there is nothing to undo.
    std::optional<MapDocument> undo();
    std::optional<MapDocument> redo();
    std::size_t steps() const { return undo_.size(); }

private:
    std::vector<MapDocument> undo_, redo_;  // the documents before each step (after, for redo)
    MapDocument last_;                      // as last recorded
    bool open_step_ = false;                // a step is still taking in changes
    std::size_t max_steps_;
};

}  // namespace mirador::doc
