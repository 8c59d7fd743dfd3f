#pragma once
// The Slides panel's thumbnails: one small picture of each slide, made offscreen through the
// window's own frame code (the slide applied to the scene, drawn, the document applied back),
// kept while what the slide shows stays as it was (its name, notes and playback do not show) and
// made again when that changes. At most one is made per frame, so adding or editing slides never
// stalls the window for more than one small frame. Pictures follow their slides when the list is
// reordered.
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "document/MapDocument.hpp"
#include "render/MapThumbnail.hpp"

namespace mirador {

class SlideThumbnails {
public:
    static constexpr int kWidth = 160, kHeight = 100;  // pixels (times the screen's scale)

    // The first slide whose picture is missing or out of date, if any: what refresh() makes next.
    std::optional<std::size_t> stale(const doc::MapDocument& document) const;
    // Makes slide `index`'s picture with `draw` (which draws that slide into the bound target)
    // and drops pictures of slides that are gone.
    void refresh(const doc::MapDocument& document, std::size_t index, int width, int height,
                 const std::function<void()>& draw);
    // Texture ids in slide order for the panel; 0 where there is none yet.
    const std::vector<unsigned>& texture_ids() const { return ids_; }

private:
    struct Entry {
        doc::Slide shown;  // what was drawn: the slide without what does not show
        std::optional<MapThumbnail> picture;
        bool failed = false;  // said once in the terminal, not tried again until the slide changes
        bool done() const { return picture || failed; }
    };
    std::vector<Entry> entries_;
    std::vector<unsigned> ids_;
};

}  // namespace mirador
