#include "document/History.hpp"

namespace mirador::doc {

History::History(MapDocument initial, std::size_t max_steps) : last_(std::move(initial)), max_steps_(max_steps) {}

void History::record(const MapDocument& current, bool editing) {
    if (current == last_) {
        if (!editing) open_step_ = false;
        return;
    }
    if (!open_step_) {
        undo_.push_back(last_);
        if (undo_.size() > max_steps_) undo_.erase(undo_.begin());
        redo_.clear();
        open_step_ = true;
    }
    last_ = current;
    if (!editing) open_step_ = false;
}

void History::adopt(const MapDocument& current) { last_ = current; }

std::optional<MapDocument> History::undo() {
    if (undo_.empty()) return std::nullopt;
    redo_.push_back(std::move(last_));
    last_ = std::move(undo_.back());
    undo_.pop_back();
    open_step_ = false;
    return last_;
}

std::optional<MapDocument> History::redo() {
    if (redo_.empty()) return std::nullopt;
    undo_.push_back(std::move(last_));
    last_ = std::move(redo_.back());
    redo_.pop_back();
    open_step_ = false;
    return last_;
}

}  // namespace mirador::doc
