#pragma once
// The frames of an animation of the time slider's windows, made one step at a time: what
// `mirador animate` writes, in one place so that every caller makes the same frames. It holds
// the plan (the step's calendar windows over a range; the document set to each window in turn;
// one colour scale across the frames: the heatmap's fixed scale and the choropleth's classes from
// every frame's values together; the window's label drawn as the map's time label), the rules
// (--skip-empty leaves out windows with no incident shown, --hold-last repeats the last frame)
// and the output (an MP4 or GIF through AnimationWriter, or a PNG folder through
// PngSequenceWriter). What draws a frame is the caller's (a headless map, or the window's GL
// context), given as two functions, so this file makes no GL call.
#include <cstddef>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "document/MapDocument.hpp"
#include "export/Image.hpp"
#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/Classification.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "mirador/geo/Result.hpp"
#include "mirador/geo/TimeWindow.hpp"

namespace mirador {

struct IncidentLayer;

struct AnimationRequest {
    std::string out;  // .mp4, .gif, or a folder (a PNG sequence: frame-00001.png ...)
    geo::WindowUnit step = geo::WindowUnit::Month;
    double fps = 4;
    bool skip_empty = false;  // leave out windows with no incident shown
    int hold_last = 0;        // the last frame repeated this many more times
    int width = 0, height = 0;
    double dpi = 0;
    std::string h264_encoder;  // empty: FFmpeg's libx264 (AnimationOptions)
};

// How a frame is drawn. Apply brings the scene in line with the document and says how many
// incidents it shows; Render draws the document into the image at the request's size a bounded
// piece a call (a tile), true when the image is complete; it is called with the same document
// and image until then.
struct AnimationDrawer {
    std::function<geo::Result<std::size_t>(const doc::MapDocument&)> apply;
    std::function<geo::Result<bool>(const doc::MapDocument&, Image&)> render;
};

class AnimationSequence {
public:
    // The windows: the step's over the document's time window (from..to), or over the incidents'
    // dates when it is "all time". Errors: no window (no dated incident in the range).
    [[nodiscard]] static geo::Result<std::unique_ptr<AnimationSequence>> plan(const doc::MapDocument& document,
                                                                            IncidentLayer& incidents,
                                                                            const geo::Boundaries& boundaries,
                                                                            const geo::PopulationTable* population,
                                                                            const AnimationRequest& request);
    ~AnimationSequence();
    // Set when the document's heatmap scale was relative (each frame rescaled): the frames use
    // one fixed scale instead, and the caller says so.
    bool heatmap_made_fixed() const { return heatmap_made_fixed_; }
    // The choropleth's classes over every frame, for the scene that draws (set_fixed_classes).
    const std::optional<geo::Classes>& classes() const { return classes_; }
    // Opens the output (the folder is made; a video file is written to a temporary file).
    [[nodiscard]] geo::Result<bool> open();
    // One piece of the work: a window left out when empty, a piece of a window's drawing (the
    // drawer's render), a frame handed to the writer, a held frame, the file's completion; true
    // when it is all done. Frames are encoded and written on a thread of their own while the next
    // is drawn (a 4K GIF frame takes FFmpeg about a second, which the window must not wait for):
    // with `wait_for_writer` false a step never waits for that thread (it returns false while
    // the writer is busy and nothing else can be done); true waits (the command line). The
    // frames, the order and the file are the same either way. Errors: every window empty, a
    // drawing or writing error.
    [[nodiscard]] geo::Result<bool> step(const AnimationDrawer& drawer, bool wait_for_writer);
    // Stops: a video file is never put in place (its temporary file goes); a PNG folder loses
    // the frames this run wrote (and the folder, when the run made it). A frame being encoded is
    // waited for first (FFmpeg cannot be stopped inside a frame). After the last step, nothing
    // is undone.
    void cancel();

    std::size_t windows() const { return windows_.size(); }
    std::size_t done() const { return next_; }  // windows drawn or left out so far
    int held() const { return held_; }
    int skipped() const { return skipped_; }
    int frames() const { return written_; }  // written so far
    double progress() const;
    std::string label(std::size_t k) const { return axis_.label(k); }

private:
    explicit AnimationSequence(const geo::TimeAxis& axis);
    [[nodiscard]] geo::Result<bool> write(const Image& frame);
    [[nodiscard]] geo::Result<bool> finish();
    // The writer's result taken when it has one (`block`: waited for); false when it had none.
    [[nodiscard]] geo::Result<bool> collect(bool block);
    void hand_over(int buffer);  // frames_[buffer] to the writer's thread
    // frames_[last_] (pending_) to the writer once it is free (`wait`: waited for); false.
    [[nodiscard]] geo::Result<bool> offer(bool wait);
    AnimationRequest request_;
    doc::MapDocument document_;
    geo::TimeAxis axis_;
    std::vector<geo::DayRange> windows_;
    std::optional<geo::Classes> classes_;
    bool heatmap_made_fixed_ = false;
    std::unique_ptr<class AnimationWriter> video_;
    std::unique_ptr<class PngSequenceWriter> sequence_;
    // Two frames: one drawn while the writer's thread encodes the other (the last one drawn,
    // which the held frames repeat).
    Image frames_[2];
    int last_ = 1;             // the buffer drawn last; the next is drawn into the other
    std::size_t next_ = 0;
    int skipped_ = 0, held_ = 0, written_ = 0;
    bool any_ = false, finished_ = false;
    bool drawing_ = false;     // a window's drawing begun and not complete
    bool pending_ = false;     // frames_[last_] drawn (or held) and not yet given to the writer
    bool finishing_ = false;   // the writer is completing the file
    // The writer's work in flight (a frame, or the file's completion); declared last so that it
    // is waited for before the writers it uses go.
    std::future<geo::Result<bool>> writing_;
};

}  // namespace mirador
