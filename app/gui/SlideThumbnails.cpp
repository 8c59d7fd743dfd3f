#include "gui/SlideThumbnails.hpp"

#include <algorithm>

#include "platform/Report.hpp"

namespace mirador {

namespace {

// What of a slide its picture shows.
doc::Slide shown_part(doc::Slide s) {
    s.name.clear();
    s.notes.clear();
    s.playback = {};
    return s;
}

}  // namespace

std::optional<std::size_t> SlideThumbnails::stale(const doc::MapDocument& d) const {
    for (std::size_t i = 0; i < d.slides.size(); ++i)
        if (i >= entries_.size() || !entries_[i].done() || !(entries_[i].shown == shown_part(d.slides[i]))) return i;
    return std::nullopt;
}

void SlideThumbnails::refresh(const doc::MapDocument& d, std::size_t index, int width, int height,
                              const std::function<void()>& draw) {
    std::vector<Entry> next(d.slides.size());
    for (std::size_t i = 0; i < d.slides.size(); ++i) {
        const doc::Slide key = shown_part(d.slides[i]);
        const auto same =
            std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.done() && e.shown == key; });
        if (same != entries_.end()) {
            next[i] = std::move(*same);
            *same = Entry{};  // taken: a duplicate of the slide gets its own
        }
        next[i].shown = key;
    }
    entries_ = std::move(next);
    if (index < entries_.size() && !entries_[index].done()) {
        auto made = MapThumbnail::render(width, height, draw);
        if (made) {
            entries_[index].picture = std::move(made).value();
        } else {
            eprint("mirador: no thumbnail for slide %zu: %s\n", index + 1, made.error().c_str());
            entries_[index].failed = true;
        }
    }
    ids_.assign(entries_.size(), 0);
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].picture) ids_[i] = entries_[i].picture->texture_id();
}

}  // namespace mirador
